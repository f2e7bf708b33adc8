"""补贴测算: the subsidy one programme (or several Baiyun lines together) would pay, step by step with articles."""

import pandas as pd
import streamlit as st

from calculators.estimate import InputError
from calculators.models import Programme
from navigator.pages import common
from navigator.service import estimate

st.title("补贴测算")
st.caption("填入金额即可测算；每一步都注明依据的条款，点开可看原文。")

reg = common.registry()
saved = common.profile_data()
_RANK = {"open": 0, "not_yet_open": 1, "unknown": 2, "closed": 3}
calculable = sorted((p for p in reg.programmes.values() if p.calculator is not None),
                    key=lambda p: _RANK.get(common.status_of(p), 2))
shared = [p for p in calculable if p.shared_cap]

mode = st.radio("测算方式", ["one", "shared"], horizontal=True, key="e_mode",
                format_func=lambda m: "单个项目" if m == "one" else "白云区多类服务券合并（合计上限）",
                disabled=not shared)
if mode == "one":
    chosen = [st.selectbox("选择项目", [p.id for p in calculable], key="e_programme", format_func=common.title_of)]
else:
    chosen = st.multiselect("选择要同时申请的服务券", [p.id for p in shared], default=[p.id for p in shared[:2]],
                            key="e_lines", format_func=common.title_of)
    cap = reg.shared_cap_for(reg.get(shared[0].id)) if shared else None
    if cap:
        st.caption(f"同一企业同一年多种服务券合计不超过 {common.money(cap.cap_cny.value)}"
                   f"（{common.md(cap.cap_cny.cite.article)}）")


def money_box(label: str, key: str, value=None, container=st):
    return container.number_input(f"{label}（元）", min_value=0.0, value=value, step=10000.0, format="%.2f",
                                  key=key, placeholder="请输入金额")


def inputs_for(prog: Programme) -> dict | None:
    """The calculator's inputs (CONTRACT inputs table); None until every required one is given."""
    calc = prog.calculator
    k = f"e_{prog.id}_"
    if calc.kind == "yearly_rates":
        years = st.number_input("使用年数", min_value=1, max_value=10, value=len(calc.rates), step=1, key=k + "years",
                                help=f"补贴期为前{len(calc.rates)}年（{calc.rates[0].cite.article}）")
        cols = st.columns(min(int(years), 5))
        fees = [money_box(f"第{y + 1}年{calc.base.text}", f"{k}fee{y}", container=cols[y % len(cols)])
                for y in range(int(years))]
        return None if any(f is None for f in fees) else {"annual_fees_cny": fees}
    if calc.kind == "rate_cap":
        base = money_box(calc.base.text, k + "base")
        return None if base is None else {calc.input: base}
    if calc.kind == "tax_tiered":
        c1, c2 = st.columns(2)
        fees = money_box(calc.base.text, k + "fees", container=c1)
        new_key = c2.checkbox("新招商重点企业", value=bool(saved.get("new_key_investment")), key=k + "new_key")
        if new_key:
            capital = money_box("实缴注册资本", k + "capital", saved.get("paid_in_capital_cny"), c2)
            return None if fees is None or capital is None else {
                "fees_cny": fees, "new_key_investment": True, "paid_in_capital_cny": capital}
        tax = money_box("上年度全库纳税", k + "tax", saved.get("annual_tax_cny"), c2)
        return None if fees is None or tax is None else {"fees_cny": fees, "annual_tax_cny": tax}
    # regional_rate
    c1, c2 = st.columns(2)
    contract = money_box(calc.base.text, k + "contract", container=c1)
    city = c2.text_input("所在地市", value=saved.get("city", ""), key=k + "city", placeholder="如 清远市、佛山")
    pilot = c2.checkbox("产业集群数字化转型试点", value=bool(saved.get("cluster_pilot")), key=k + "pilot")
    if contract is None or not city.strip():
        return None
    return {"contract_cny": contract, "city": city.strip(), "cluster_pilot": pilot}


lines = []
for pid in chosen:
    prog = reg.get(pid)
    with st.container(border=True):
        st.markdown(f"**{common.md(prog.title)}**　{common.md(prog.rate_text or '')}"
                    + (f"；{common.md(prog.cap_text)}" if prog.cap_text else ""))
        status = common.status_of(prog)
        if status == "closed":
            st.warning(f"按 {common.as_of().isoformat()}，该项目已截止或已失效，测算仅供参考。", icon=":material/block:")
        lines.append((pid, inputs_for(prog)))

if not chosen:
    st.info("请至少选择一个项目。")
    st.stop()
if any(inp is None for _, inp in lines):
    st.info("填入上面的金额后显示测算结果。")
    st.stop()

request = ({"programme": lines[0][0], "inputs": lines[0][1]} if len(lines) == 1
           else {"items": [{"programme": pid, "inputs": inp} for pid, inp in lines]})
try:
    result = estimate(request, reg)
except InputError as e:
    st.error(f"输入有误：{e}")
    st.stop()

doc = result.to_contract()
st.subheader("测算结果")
cols = st.columns(max(2, len(doc["items"]) + 1))
cols[0].metric("补贴合计", common.money(doc["total_cny"]))
if len(doc["items"]) > 1:
    for col, item in zip(cols[1:], doc["items"], strict=False):
        col.metric(common.title_of(item["programme"]), common.money(item["total_cny"]))

steps = doc["steps"]
table = pd.DataFrame({
    "项目": [common.title_of(s["programme"]) if s.get("programme") else "合计上限" for s in steps],
    "计算步骤": [s["text"] for s in steps],
    "金额": [common.money(s["amount_cny"]) for s in steps],
    "条款": [s["citation"]["article"] for s in steps],
    "原文": [s["citation"]["quote"] for s in steps],
})
if len(doc["items"]) == 1:
    table = table.drop(columns="项目")
st.dataframe(table, hide_index=True, width="stretch",
             column_config={"计算步骤": st.column_config.TextColumn(width="large"),
                            "原文": st.column_config.TextColumn(width="large")})
for note in doc["notes"]:
    st.info(common.md(note), icon=":material/info:")

st.markdown("**每一步的依据**（点开看原文）")
for n, s in enumerate(steps, start=1):
    common.citation_card(s["citation"], label=f"第{n}步 · {s['citation']['article']} · {common.money(s['amount_cny'])}")

years = max(len(i["schedule"]) for i in doc["items"])
chart = pd.DataFrame(
    {common.title_of(i["programme"]): [float(next((y["amount_cny"] for y in i["schedule"] if y["year"] == n), 0))
                                       for n in range(1, years + 1)] for i in doc["items"]},
    index=[f"第{n}年" for n in range(1, years + 1)],
)
st.markdown("**逐年补贴**")
st.bar_chart(chart, x_label="年度", y_label="补贴（元）", stack=True)
