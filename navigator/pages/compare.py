"""政策对比: programmes side by side, and what the texts say about combining them."""

import re

import pandas as pd
import streamlit as st

from navigator.pages import common
from navigator.service import compare

# Notes that speak about combining with other support (stacking, duplicates, shared caps).
COMBINING = re.compile(r"重复|叠加|就高|同时申请|多种|兼得|同一项目|合计|不得再|已获")

st.title("政策对比")
reg = common.registry()
ids = list(reg.programmes)
first_per_doc: dict[str, str] = {}
for p in reg.programmes.values():
    if p.side == "enterprise":
        first_per_doc.setdefault(p.doc, p.id)
chosen = st.multiselect("选择要对比的项目", ids, default=list(first_per_doc.values())[:3],
                        format_func=common.title_of, key="c_programmes", placeholder="选择两个或更多项目")
if not chosen:
    st.info("请选择至少一个项目。")
    st.stop()

rows = compare(chosen, common.as_of(), reg)["programmes"]


def numbered(items: list[str]) -> str:
    return "\n".join(f"{n}. {t}" for n, t in enumerate(items, start=1)) if items else "（原文未列明）"


def cap_text(row: dict) -> str:
    parts = [row.get("cap") or ""]
    if row.get("cap_cny") and not row.get("cap"):
        parts.append(f"最高 {common.money(row['cap_cny'])}")
    if row.get("shared_cap"):
        parts.append(row["shared_cap"])
    return "；".join(p for p in parts if p) or "（原文未规定上限）"


table = pd.DataFrame(
    {
        common.title_of(r["id"]): {
            "申请人": common.SIDE.get(r["side"], r["side"]),
            "适用对象": r["who"],
            "补贴比例": r.get("rate") or "—（认定/备案类，无补贴计算）",
            "补贴上限": cap_text(r),
            "补贴年限": f"{r['years']}年" if r.get("years") else "—",
            "地区": r["region"],
            "申报时间": r["window"] + (f"；兑现：{r['redemption']}" if r.get("redemption") else ""),
            f"状态（{common.as_of().isoformat()}）": common.status_text(r.get("status", "unknown")),
            "申报材料": numbered(r["materials"]),
            "申报流程": numbered(r["process"]),
            "联系方式": "；".join(r["contacts"]) or "（原文未列明）",
        }
        for r in rows
    }
)
st.table(table)

st.subheader("能否同时享受")
for r in rows:
    prog = reg.programmes[r["id"]]
    about = [n for n in prog.notes if COMBINING.search(n.text)]
    with st.container(border=True):
        st.markdown(f"**{common.md(r['title'])}**")
        if r.get("status") == "closed":
            st.caption(":red[所选日期已截止或已失效，不可再申报。]")
        if r.get("shared_cap"):
            cap = reg.shared_cap_for(prog)
            common.citation_card(cap.cap_cny.cite, label=f"合计上限：{r['shared_cap']}", icon=":material/join:")
        for n in about:
            common.citation_card(n.cite.model_dump(), label=n.text, icon=":material/join:")
        if not about and not r.get("shared_cap"):
            st.markdown("原文未就与其他政策叠加享受作出规定。")

st.subheader("各项目依据")
for r in rows:
    with st.container(border=True):
        st.markdown(f"**{common.md(r['title'])}**")
        for c in r["citations"]:
            common.citation_card(c)
