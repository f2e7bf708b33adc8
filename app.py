"""政策导航: the Streamlit app. A router over the pages in ``navigator/pages``; start it with ``bash scripts/app.sh``."""

import datetime as dt
import logging
import secrets

import streamlit as st

from calculators.periods import BEIJING
from navigator.pages import common

log = logging.getLogger("navigator.app")

st.set_page_config(page_title="政策导航", page_icon=":material/explore:", layout="wide")
common.start()
common.chrome()

if "as_of" not in st.session_state:
    st.session_state.as_of = dt.datetime.now(BEIJING).date()  # policy dates are Beijing days
st.sidebar.date_input("按此日期评估", key="as_of", format="YYYY-MM-DD", min_value=dt.date(2000, 1, 1),
                      max_value=dt.date(2100, 12, 31), help="申报时间、有效期和“成立满N年”等条件都按这一天判断。")

ask = st.Page("navigator/pages/ask.py", title="智能咨询", icon=":material/forum:", url_path="ask")


def home() -> None:
    """The root address opens 智能咨询 at its own path, so /ask and / show the same page."""
    st.switch_page(ask)


pages = {
    "": [st.Page(home, title="政策导航", url_path="home", default=True, visibility="hidden")],
    "企业服务": [
        ask,
        st.Page("navigator/pages/match.py", title="政策匹配", icon=":material/fact_check:", url_path="match"),
        st.Page("navigator/pages/open_now.py", title="现在可申报", icon=":material/event_available:",
                url_path="open"),
        st.Page("navigator/pages/estimate.py", title="补贴测算", icon=":material/calculate:", url_path="estimate"),
        st.Page("navigator/pages/compare.py", title="政策对比", icon=":material/compare:", url_path="compare"),
        st.Page("navigator/pages/sources.py", title="政策原文", icon=":material/menu_book:", url_path="sources"),
    ],
    "坐席专用": [
        st.Page("navigator/pages/desk.py", title="坐席工作台", icon=":material/support_agent:", url_path="desk"),
        st.Page("navigator/pages/admin.py", title="政策管理", icon=":material/library_books:", url_path="admin"),
    ],
}

page = st.navigation(pages)
try:
    page.run()
except Exception:
    # The visitor gets a short message and a reference; the traceback (with paths) stays in the server log.
    ref = secrets.token_hex(4)
    log.exception("page %s failed (ref %s)", page.title, ref)
    st.error(f"抱歉，系统出现内部错误，请稍后再试。如需帮助，请告知坐席参考编号：{ref}", icon=":material/error:")
