"""补贴测算: the subsidy one programme (or several Baiyun lines together) would pay, step by step with articles."""

import altair as alt
import pandas as pd
import streamlit as st

from calculators.estimate import InputError
from calculators.models import InputSpec, Programme
from navigator import estimate_view as ev
from navigator.pages import common, responsive
from navigator.service import estimate

responsive.style()
st.title("补贴测算")
st.caption("填入金额即可测算；每一步都注明依据的条款，点开可看原文。")

reg = common.registry()
saved = common.profile_data()
_RANK = {"open": 0, "not_yet_open": 1, "unknown": 2, "closed": 3}
calculable = sorted((p for p in reg.programmes.values() if p.calculator is not None),
                    key=lambda p: _RANK.get(common.status_of(p), 2))
shared = [p for p in calculable if p.shared_cap]
MONEY_KEYS = "e_money_keys"  # the number boxes holding money, converted when the unit switches


def switch_unit() -> None:
    """Keep every amount the same when the unit switches: 150 万元 becomes 1,500,000 元."""
    old, new = st.session_state.get("e_unit_was", "yuan"), st.session_state.e_unit
    for key in st.session_state.get(MONEY_KEYS, set()):
        if st.session_state.get(key) is not None:
            st.session_state[key] = ev.convert(st.session_state[key], old, new)
    st.session_state.e_unit_was = new


top = st.columns([3, 2], vertical_alignment="bottom")
mode = top[0].radio("测算方式", ["one", "shared"], horizontal=True, key="e_mode",
                    format_func=lambda m: "单个项目" if m == "one" else "白云区多类服务券合并（合计上限）",
                    disabled=not shared)
unit = top[1].radio("金额单位", list(ev.UNITS), horizontal=True, key="e_unit", format_func=ev.UNITS.get,
                    on_change=switch_unit)
st.session_state.setdefault("e_unit_was", unit)
st.session_state[MONEY_KEYS] = set()

if mode == "one":
    chosen = [st.selectbox("选择项目", [p.id for p in calculable], key="e_programme", format_func=common.title_of)]
else:
    chosen = st.multiselect("选择要同时申请的服务券", [p.id for p in shared], default=[p.id for p in shared[:2]],
                            key="e_lines", format_func=common.title_of, placeholder="选择服务券")
    cap = reg.shared_cap_for(reg.get(shared[0].id)) if shared else None
    if cap:
        st.caption(f"同一企业同一年多种服务券合计不超过 {common.money(cap.cap_cny.value)}"
                   f"（{common.md(cap.cap_cny.cite.article)}）")


def money_box(label: str, key: str, prefill=None, container=st):
    """A number box in the chosen unit, with the amount it stands for written out in full below it."""
    if key not in st.session_state and prefill is not None:
        st.session_state[key] = ev.from_yuan(prefill, unit)
    st.session_state[MONEY_KEYS].add(key)
    value = container.number_input(f"{label.removesuffix('（元）')}（{ev.UNITS[unit]}）", min_value=0.0,
                                   max_value=ev.box_max(unit), value=None, step=10000.0 if unit == "yuan" else 1.0,
                                   format="%.2f" if unit == "yuan" else "%.4f", key=key, placeholder="请输入金额")
    if value is not None:
        container.caption(ev.echo(value, unit))
    return ev.to_yuan(value, unit)


def _saved(spec: InputSpec):
    return saved.get(spec.profile_field) if spec.profile_field else None


def inputs_for(prog: Programme) -> dict | None:
    """The inputs the programme's calculator kind asks for (money in 元); None until every required one is given."""
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
            fees = [money_box(f"第{y + 1}年：{spec.label.removeprefix('每年')}", f"{k}{spec.name}_{y}",
                              container=row[y % len(row)]) for y in range(int(years))]
            values[spec.name] = None if any(f is None for f in fees) else [str(f) for f in fees]
        elif spec.unit == "city":
            city = box.text_input(spec.label, value=_saved(spec) or "", key=k + spec.name, placeholder="如 清远市、佛山")
            values[spec.name] = city.strip() or None
        else:
            amount = money_box(spec.label, k + spec.name, _saved(spec), box)
            values[spec.name] = None if amount is None else str(amount)
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
        if common.status_of(prog) == "closed":
            st.warning(f"按 {common.as_of().isoformat()}，该项目已截止或已失效，测算仅供参考。", icon=":material/block:")
        lines.append((pid, inputs_for(prog)))

if not chosen:
    st.info("请至少选择一个项目。")
    st.stop()
if any(inp is None for _, inp in lines):
    st.info("填入上面的金额后显示测算结果。")
    st.stop()

try:
    result = estimate(ev.request(lines), reg)
except InputError as e:
    st.error(f"无法测算：{e}", icon=":material/error:")
    st.stop()

v = ev.view(result, reg)
money = common.money


def cell(value) -> str:
    """Money in a table cell: the figure and 元 never part."""
    return money(value).replace(" ", "\u00a0")


# --- the figures ------------------------------------------------------------------------------------------
st.subheader("测算结果")
with responsive.figures("total"):
    if v.multi_year:
        cols = st.columns(min(len(v.years), 4) + 1)
        cols[0].metric(f"第1至{len(v.years)}年合计", money(v.total_cny))
        for n, y in enumerate(v.years):
            cols[1 + n % (len(cols) - 1)].metric(f"第{y.year}年", money(y.paid_cny))
        st.caption("每年金额已按当年上限封顶；多年合计是各年封顶后金额之和，与每年金额分开列出。")
    else:
        st.metric("补贴合计", money(v.total_cny))

if len(v.lines) > 1 or v.multi_year:
    head = ["年度", *(line.short for line in v.lines)]
    rows = []
    for y in v.years:
        row = [f"第{y.year}年", *(cell(a) for a in y.amounts)]
        if v.capped:
            row += [cell(y.sum_cny), cell(y.cap_cny) if y.cap_cny is not None else "—"]
        rows.append([*row, cell(y.paid_cny)])
    totals = ["合计", *(cell(line.total_cny) for line in v.lines)]
    if v.capped:
        head += ["各项合计（封顶前）", "当年合计上限"]
        totals += [cell(sum(y.sum_cny for y in v.years)), "—"]
    head.append("实际补贴")
    rows.append([*totals, cell(v.total_cny)])
    st.markdown("**逐年金额**" + ("（各项目列为单独计算的金额，实际补贴为封顶后）" if v.capped else ""))
    with responsive.wide("years"):
        st.table(pd.DataFrame(rows, columns=head).set_index("年度"))
    with responsive.narrow("years"):
        for row in rows:
            with st.container(border=True):
                st.markdown(f"**{row[0]}**　实际补贴 **{row[-1]}**")
                st.caption("；".join(f"{h}：{c}" for h, c in zip(head[1:-1], row[1:-1], strict=True)))

for c in v.caps:
    st.warning(common.md(c.text), icon=":material/vertical_align_top:")
for note in v.split:
    common.citation_card(note.citation, label=f"分配由企业选择：{note.text}", icon=":material/call_split:")

# --- other readings and notes ----------------------------------------------------------------------------
for a in v.alternatives:
    with st.container(border=True):
        st.markdown(f":orange[**另一读法**]　{common.md(a.line)}：{common.md(a.reading)}")
        st.markdown(f"按此读法，{common.md(a.line)} {money(a.item_total_cny)}，测算合计 **{money(a.total_cny)}**"
                    f"（默认读法合计 {money(v.total_cny)}）")
        st.markdown(f"> {common.md(a.citation.quote)}")
        st.caption(common.md(f"《{a.citation.title}》{a.citation.article}"))
        common.source_link(a.citation.model_dump())

for note in v.notes:
    basis = (f"  \n依据：{common.md(note.citation.article)}“{common.md(note.citation.quote)}”"
             if note.citation else "")
    st.info(common.md(note.text) + basis, icon=":material/info:")

# --- the steps --------------------------------------------------------------------------------------------
st.markdown("**计算步骤**")
several = len(v.lines) > 1
with responsive.wide("steps"):
    table = pd.DataFrame({
        "步骤": [s.number for s in v.steps],
        "项目": [s.line for s in v.steps],
        "计算步骤": [common.md(s.text) for s in v.steps],
        "金额": [cell(s.amount_cny) for s in v.steps],
        "条款": [common.md(s.citation.article) for s in v.steps],
        "原文": [common.md(s.citation.quote) for s in v.steps],
    }).set_index("步骤")
    st.table(table if several else table.drop(columns="项目"))
    st.markdown("**每一步的依据**（点开看原文）")
    for s in v.steps:
        common.citation_card(s.citation, label=f"第{s.number}步 · {s.citation.article} · {money(s.amount_cny)}")
with responsive.narrow("steps"):
    for s in v.steps:
        with st.container(border=True):
            st.markdown(f"**第{s.number}步**" + (f" · {common.md(s.line)}" if several else "")
                        + f"　**{money(s.amount_cny)}**")
            st.markdown(common.md(s.text))
            st.caption(common.md(f"{s.citation.article}：“{s.citation.quote}”"))
            common.source_link(s.citation.model_dump())

# --- the chart --------------------------------------------------------------------------------------------
if several or v.multi_year:
    data = pd.DataFrame([{"年度": f"第{y.year}年", "项目": line.short, "补贴": float(a), "金额": money(a), "序": n}
                         for y in v.years for n, (line, a) in enumerate(zip(v.lines, y.amounts, strict=True))])
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("年度:N", title="年度", sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("sum(补贴):Q", title=None, axis=alt.Axis(format=",.0f")),
        color=alt.Color("项目:N", title="项目", sort=[line.short for line in v.lines],
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=0)),
        order=alt.Order("序:Q", sort="ascending"),  # stacked from the bottom in the legend's order
        tooltip=[alt.Tooltip("年度:N"), alt.Tooltip("项目:N"), alt.Tooltip("金额:N", title="金额")],
    )
    chart = bars
    if v.capped:
        paid = pd.DataFrame([{"年度": f"第{y.year}年", "封顶后": float(y.paid_cny), "实际补贴": money(y.paid_cny)}
                             for y in v.years])
        chart = bars + alt.Chart(paid).mark_tick(color="black", thickness=3).encode(
            x=alt.X("年度:N", sort=None), y="封顶后:Q",
            tooltip=[alt.Tooltip("年度:N"), alt.Tooltip("实际补贴:N", title="封顶后实际补贴")])
    st.markdown("**逐年补贴（元）**" + ("：柱为各项单独计算的金额，黑线为封顶后的实际补贴" if v.capped else ""))
    st.altair_chart(chart, width="stretch")
