"""政策对比: programmes side by side (a table with a sticky header on a desktop, one card per programme on a phone),
what the texts say about combining them, and the article behind every row."""

import pandas as pd
import streamlit as st

from calculators.estimate import InputError
from navigator import compare_view as cv
from navigator.pages import common, responsive

TABLE_HEIGHT_PX = 640  # the table scrolls inside this height, its header row staying in view

responsive.style()
st.title("政策对比")
reg = common.registry()
chosen = st.multiselect("选择要对比的项目", list(reg.programmes), default=cv.default_choice(reg),
                        format_func=common.title_of, key="c_programmes", placeholder="选择两个或更多项目")
if not chosen:
    st.info("请选择至少一个项目。")
    st.stop()

try:
    comp = cv.comparison(chosen, common.as_of(), reg)
except InputError as e:
    st.error(f"无法对比：{e}", icon=":material/error:")
    st.stop()


def cell_markdown(cell: cv.Cell) -> str:
    """A row of one programme as table Markdown: a text, or a numbered list."""
    if cell.text is not None:
        return common.md(cell.text)
    if not cell.items:
        return cv.NOT_LISTED
    return "\n".join(f"{n}. {common.md(i.text)}" + (f"（<{i.url}>）" if i.url else "")
                     for n, i in enumerate(cell.items, start=1))


with responsive.wide("table"):
    table = pd.DataFrame({common.md(col.title): [cell_markdown(c) for c in col.cells] for col in comp.columns},
                         index=comp.rows)
    st.table(table, height=TABLE_HEIGHT_PX)
with responsive.narrow("cards"):
    for col in comp.columns:
        with st.container(border=True):
            st.markdown(f"##### {common.md(col.title)}")
            common.status_badge(col.status)
            if col.status_note:
                st.caption(common.md(col.status_note))
            for cell in (c for c in col.cells if c.key != "status"):  # the badge and its note say it
                if cell.text is not None:
                    st.markdown(f"**{common.md(cell.label)}**：{common.md(cell.text)}")
                else:
                    st.markdown(f"**{common.md(cell.label)}**：" + ("" if cell.items else cv.NOT_LISTED))
                    if cell.items:
                        st.markdown(cell_markdown(cell))

st.subheader("能否同时享受")
for col in comp.columns:
    with st.container(border=True):
        st.markdown(f"**{common.md(col.title)}**")
        if col.status == "closed":
            st.caption(":red[所选日期已截止或已失效，不可再申报。]")
        if col.shared_cap:
            common.citation_card(col.shared_cap.citation, label=col.shared_cap.text, icon=":material/join:")
        for n in col.combining:
            common.citation_card(n.citation, label=n.text, icon=":material/join:")
        if not col.combining and not col.shared_cap:
            st.markdown("原文未就与其他政策叠加享受作出规定。")

st.subheader("各项目依据")
GROUPS = (("限制与责任", "restrictions", ":material/gavel:"), ("申报系统或平台", "portals", ":material/language:"),
          ("附件表格", "forms", ":material/description:"))
for col in comp.columns:
    with st.container(border=True):
        st.markdown(f"**{common.md(col.title)}**")
        for c in col.citations:
            common.citation_card(c)
        for title, attr, icon in GROUPS:
            for item in getattr(col, attr):
                label = f"{title}：{item.text}" + (f"（{item.url}）" if item.url else "")
                common.citation_card(item.citation, label=label, icon=icon)
