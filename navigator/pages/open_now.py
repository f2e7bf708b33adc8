"""现在可申报: what takes applications on the evaluation date, what closes soon, and where to send the caller next.

Closed programmes are listed as history with the day they ended. Portals,
contacts and forms are shown exactly as the texts print them.
"""

import pandas as pd
import streamlit as st

from navigator.availability import Entry, availability
from navigator.pages import common

SIDES = {"all": "全部", "enterprise": "企业（购买云服务）", "provider": "服务商"}

as_of = common.as_of()
st.title("现在可申报")
st.caption(f"按 {as_of.isoformat()} 评估（可在左侧修改日期）。截止日期、申报系统、联系电话和附件表格均摘自政策原文。")

side = st.segmented_control("申请人", list(SIDES), default="all", format_func=SIDES.get, key="o_side")
soon = st.select_slider("“即将截止”指", options=[7, 15, 30, 60, 90], value=30, key="o_soon",
                        format_func=lambda d: f"{d}天内")
av = availability(common.registry(), as_of, soon_days=soon, side=None if side in (None, "all") else side)

with st.container(horizontal=True):
    st.badge(f"开放中 {len(av.open)} 项", color="green", icon=":material/check_circle:")
    st.badge(f"{soon}天内截止 {len(av.closing_soon)} 项", color="orange", icon=":material/alarm:")
    st.badge(f"尚未开始 {len(av.not_yet_open)} 项", color="blue", icon=":material/schedule:")
    st.badge(f"时间不明 {len(av.unknown)} 项", color="gray", icon=":material/help:")
    st.badge(f"已截止 {len(av.closed)} 项", color="red", icon=":material/block:")


def card(e: Entry, *, soon: bool = False) -> None:
    with st.container(border=True):
        head, badge = st.columns([3, 1], vertical_alignment="center")
        head.markdown(f"##### {common.md(e.title)}")
        with badge:
            common.status_badge(e.status)
        facts = [f"地区：{e.region}", f"对象：{common.SIDE.get(e.side, e.side)}"]
        if e.closes:
            facts.append(f"截止：{e.closes.isoformat()}（还剩 {e.days_left} 天）" if e.days_left else
                         f"截止：{e.closes.isoformat()}")
        elif e.status == "open":
            facts.append("原文未规定截止日期")
        if e.status_note:
            facts.append(e.status_note)
        st.markdown(common.md(" · ".join(facts)))
        if soon:
            st.warning(f"将于 {e.closes.isoformat()} 截止，请尽快准备材料（共 {e.materials} 项）。",
                       icon=":material/alarm:")
        common.citation_card(e.window.citation, label=f"申报时间：{e.window.text}", icon=":material/event:")
        if e.redemption:
            common.citation_card(e.redemption.citation, label=f"兑现：{e.redemption.text}", icon=":material/payments:")
        with st.expander("下一步：去哪里申报、找谁", icon=":material/directions:"):
            common.next_steps(e)


if av.closing_soon:
    st.subheader(f"{soon}天内截止")
    for e in av.closing_soon:
        card(e, soon=True)

st.subheader("开放中")
later = [e for e in av.open if e not in av.closing_soon]
if not av.open:
    st.info("所选日期没有开放申报的项目。可以改变左侧日期，或查看下面尚未开始和已截止的项目。")
for e in later:
    card(e)

if av.not_yet_open:
    st.subheader("尚未开始")
    for e in av.not_yet_open:
        card(e)

if av.unknown:
    st.subheader("时间不明")
    st.caption("原文未载明可据以判断的申报时间（例如只知道发布年份），请向主管部门核实。")
    for e in av.unknown:
        card(e)

if av.closed:
    st.subheader("已截止（历史）")
    st.dataframe(
        pd.DataFrame({
            "项目": [e.title for e in av.closed],
            "地区": [e.region for e in av.closed],
            "截止日期": [e.closes.isoformat() if e.closes else "—" for e in av.closed],
            "申报时间（原文）": [e.window.text for e in av.closed],
            "条款": [e.window.citation["article"] for e in av.closed],
        }),
        hide_index=True, width="stretch",
        column_config={"申报时间（原文）": st.column_config.TextColumn(width="large")},
    )
