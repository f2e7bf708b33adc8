"""政策导航: the Streamlit app. A router over the pages in ``navigator/pages``; run ``streamlit run app.py``."""

import datetime as dt

import streamlit as st

st.set_page_config(page_title="政策导航", page_icon=":material/explore:", layout="wide")

if "as_of" not in st.session_state:
    st.session_state.as_of = dt.date.today()
st.sidebar.date_input("按此日期评估", key="as_of", format="YYYY-MM-DD",
                      help="申报时间、有效期和“成立满N年”等条件都按这一天判断。")

st.navigation([
    st.Page("navigator/pages/ask.py", title="智能咨询", icon=":material/forum:", url_path="ask", default=True),
    st.Page("navigator/pages/match.py", title="政策匹配", icon=":material/fact_check:", url_path="match"),
    st.Page("navigator/pages/estimate.py", title="补贴测算", icon=":material/calculate:", url_path="estimate"),
    st.Page("navigator/pages/compare.py", title="政策对比", icon=":material/compare:", url_path="compare"),
    st.Page("navigator/pages/sources.py", title="政策原文", icon=":material/menu_book:", url_path="sources"),
    st.Page("navigator/pages/desk.py", title="坐席工作台", icon=":material/support_agent:", url_path="desk"),
]).run()
