"""补贴测算: the subsidy one programme (or several Baiyun lines together) would pay, step by step with articles."""

import pandas as pd
import streamlit as st

from calculators.estimate import InputError
from calculators.models import InputSpec, Programme
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
    return container.number_input(label, min_value=0.0, value=value, step=10000.0, format="%.2f",
                                  key=key, placeholder="请输入金额")


def _saved(spec: InputSpec):
    return saved.get(spec.profile_field) if spec.profile_field else None


def inputs_for(prog: Programme) -> dict | None:
    """The inputs the programme's calculator kind asks for; None until every required one is given."""
    k = f"e_{prog.id}_"
    specs = prog.calculator.input_specs()
    values: dict = {}
    cols = st.columns(2) if len(specs) > 1 else [st.container()]
    for spec in (s for s in specs if s.unit == "bool"):
        values[spec.name] = cols[-1].checkbox(spec.label, value=bool(_saved(spec)), key=k + spec.name)
    on = {name for name, v in values.items() if v is True}
    replaced = {s.replaces for s in specs if s.replaces and s.needed_when in on}
    needed = []
    for n, spec in enumerate(s for s in specs if s.unit != "bool"):
        if spec.needed_when and spec.needed_when not in on:
            continue
        box = cols[min(n, len(cols) - 1)]
        if spec.unit == "yuan_per_year":
            most = spec.per_year_max or 1
            years = st.number_input("使用年数", min_value=1, max_value=10, value=most, step=1, key=k + spec.name + "_years",
                                    help=f"补贴期为前{most}年")
            row = st.columns(min(int(years), 5))
            fees = [money_box(f"第{y + 1}年：{spec.label}", f"{k}{spec.name}_{y}", container=row[y % len(row)])
                    for y in range(int(years))]
            values[spec.name] = None if any(f is None for f in fees) else fees
        elif spec.unit == "city":
            city = box.text_input(spec.label, value=_saved(spec) or "", key=k + spec.name, placeholder="如 清远市、佛山")
            values[spec.name] = city.strip() or None
        else:
            values[spec.name] = money_box(spec.label, k + spec.name, _saved(spec), box)
        if (spec.required and spec.name not in replaced) or spec.needed_when:
            needed.append(spec.name)
    if any(values.get(name) is None for name in needed):
        return None
    return {name: v for name, v in values.items() if v is not None}


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
    st.info(common.md(note["text"]), icon=":material/info:")
for alt in doc["alternatives"]:
    st.warning(f"另一读法（{common.md(alt['citation']['article'])}）：{common.md(alt['reading'])}，"
               f"合计 {common.money(alt['total_cny'])}", icon=":material/alt_route:")
for cap in doc["shared_caps"]:
    for y in cap["years"]:
        st.caption(f"第{y['year']}年：各项合计（封顶前）{common.money(y['sum_before_cap_cny'])}，"
                   f"上限 {common.money(y['cap_cny'])}，封顶后 {common.money(y['capped_total_cny'])}")

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
