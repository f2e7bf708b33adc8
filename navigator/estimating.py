"""From a reading to one ``estimate`` request: every named line, every fact bound to the input it fills.

Each calculator kind describes its inputs (``input_specs``: name, Chinese label, unit, per year or not,
which profile field can supply it). This module only matches the amounts and facts a question (and the
conversation so far) states against those specs. Whatever cannot be tied to one input of one line is asked
back (``Clarify``), never guessed; an amount given only as a bound (以上 / 不到) is used only when every value
in the bound gives the same result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from calculators.estimate import InputError, money_text, wan
from calculators.models import Programme
from navigator.numbers import parse_numeral
from navigator.reading import PAYMENT_INPUTS, AmountRead, Reading, each_year_said
from navigator.reading import lexicon as reading_lexicon

PAYMENT_FIELDS = ("fees", *PAYMENT_INPUTS)
BASE_INPUTS = PAYMENT_INPUTS
ABOVE_FACTOR = Decimal(1000)
MAX_SPAN = 10  # years a one-year line is repeated over (每年…共三年)
FILL_PROBE_CNY = Decimal(10_000_000)  # a large earlier-year fee, to see whether a cap carries over  # "X以上" is checked at X and at a thousand times X
FLAG_WORDS = {
    "negative": "金额不能为负数",
    "absurd": "金额大得不合常理",
    "unreadable": "无法识别这个金额",
    "range": "这是一个范围，无法据此测算确切金额",
    "no_unit": "没有写单位",
}


@dataclass
class Spec:
    """One input of a calculator kind (mirrors ``calculators.models.InputSpec``)."""

    name: str
    label: str
    unit: str
    required: bool
    needed_when: str | None = None
    replaces: str | None = None
    profile_field: str | None = None
    per_year_max: int | None = None


def specs_of(prog: Programme) -> list[Spec]:
    """The inputs a programme's calculator takes, as its kind describes them."""
    calc = prog.calculator
    if calc is None:
        return []
    return [Spec(**s.model_dump(include=set(Spec.__dataclass_fields__))) for s in calc.input_specs()]


@dataclass
class Plan:
    """What the question supplies for an estimate, or what must be asked."""

    request: dict[str, Any] | None = None
    understood: list[str] = field(default_factory=list)
    clarify_question: str | None = None
    clarify_options: list[str] = field(default_factory=list)
    amounts: list[AmountRead] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    bounds: list[tuple[str, str, Decimal, Decimal]] = field(default_factory=list)  # (line, input, low, high)
    fills: list[tuple[str, str, list[int]]] = field(default_factory=list)  # (line, input, years not given)
    cities: dict[str, list[str]] = field(default_factory=dict)  # line -> the cities it may cover
    any_city: list[tuple[str, str]] = field(default_factory=list)  # (line, input) computed for every city
    years_of: dict[str, int] = field(default_factory=dict)  # one-year line -> the years it is paid, one item each
    aligned: bool = False  # the one-year lines were put in the year of the one several-year line given

    def ask(self, question: str, options: list[str] | None = None) -> Plan:
        """Give up the request: this must be asked back first."""
        self.clarify_question = question
        self.clarify_options = options or []
        self.request = None
        return self

    def need(self, question: str, options: list[str] | None = None) -> None:
        """As ``ask``, for an input that cannot be filled."""
        self.ask(question, options)


def _fmt(v: Decimal) -> str:
    return f"{money_text(v)}元（{wan(v)}）"


def _label(s: Spec) -> str:
    return s.label.replace("（元）", "").replace("(元)", "").removeprefix("每年")


def _title(prog: Programme) -> str:
    """A line's short name: 公有云 for 白云区上云上平台服务券·公有云."""
    return prog.title.split("·")[-1]


BOUND_WORDS = {"below": "以下（不含）", "at_least": "及以上"}  # how a bound amount is restated


def _said(a: AmountRead) -> str:
    where = f"，第{a.turn}轮所说" if a.turn else ""
    if a.flag == "range" and a.high_cny is not None:
        cent = Decimal("0.01")
        below = (a.high_cny + cent) % 100 == 0 and a.high_cny % 100 != 0  # 八百多万: up to 900万, not included
        upper = f"{_fmt(a.high_cny + cent)}（不含）" if below else _fmt(a.high_cny)
        return f"至{upper}之间（“{a.text}”{where}）"
    return f"{BOUND_WORDS.get(a.flag or '', '')}（“{a.text}”{where}）"


def plan(reading: Reading, lines: list[Programme], facts: dict[str, Any],
         cities: dict[str, list[str]] | None = None) -> Plan:
    """Bind the reading's amounts and the known facts to the inputs of ``lines`` (one estimate request).

    ``facts`` are profile facts known so far (the explicit profile, earlier turns and this question), by
    CONTRACT profile field. Returns a plan with the request, or with the question to ask back.
    """
    p = Plan(cities=cities or {})
    # 纳税八百多万: a range of a known field is estimated at both ends, and stated only when they agree
    amounts = [a.model_copy(update={"value_cny": a.low_cny}) if a.flag == "range" and a.field is not None
               and a.low_cny is not None and a.high_cny is not None else a
               for a in reading.amounts if a.field != "claimed"]
    for a in amounts:
        if a.flag == "range" and a.value_cny is not None:
            continue
        if (a.flag in FLAG_WORDS and a.field is not None) or a.flag in ("negative", "absurd", "unreadable", "range"):
            extra = "。请直接写出金额，例如“服务费20万元”" if a.flag != "no_unit" else ""
            if a.flag == "no_unit" and a.value_cny is not None:
                n = f"{a.value_cny.normalize():f}"
                return p.ask(f"“{a.text}”{FLAG_WORDS['no_unit']}：是{n}元还是{n}万元？", [f"{n}万元", f"{n}元"])
            return p.ask(f"“{a.text}”：{FLAG_WORDS[a.flag]}{extra}。")
    line_ids = [x.id for x in lines]
    by_line: dict[str, list[AmountRead]] = {x.id: [] for x in lines}
    shared: dict[str, AmountRead] = {}
    loose: list[AmountRead] = []
    for a in amounts:
        if a.field in PAYMENT_FIELDS or a.field is None:
            target = a.programme if a.programme in by_line else None
            if target is None and len(lines) == 1:
                uncued = [b for b in amounts if b.field is None and b.turn is None]
                dated = all(b.year for b in uncued)
                if a.field is None and len(uncued) > 1 and not dated:
                    loose.append(a)
                    continue
                target = line_ids[0]
            if target is None:
                loose.append(a)
                continue
            by_line[target].append(a.model_copy(update={"programme": target, "field": a.field or "fees"}))
        else:
            before = shared.get(a.field)
            if before is not None and before.value_cny != a.value_cny and not (before.year and a.year):
                # 前年纳税400万，去年900万 with no year of use for either: which year is which is asked, not guessed.
                return p.ask(f"“{before.text}”和“{a.text}”是两个不同的数，请说明各是第几年使用时的数额。")
            shared[a.field] = a  # tax, capital: facts of the enterprise, shared by its lines
    if loose:
        a = loose[0]
        titles = [x.title for x in lines]
        if len(lines) > 1:
            return p.ask(f"“{a.text}”是哪一项的费用？", titles)
        return p.ask(f"“{a.text}”是什么金额（服务费、合同额、纳税额…）？", ["服务费", "合同额", "上年度全库纳税额"])
    items = []
    for prog in lines:
        specs = specs_of(prog)
        inputs: dict[str, Any] = {}
        mine = by_line[prog.id]
        if not mine:
            if len(lines) > 1 and items_named_only_in_passing(reading, prog):
                continue
            if len(lines) > 1:
                base = next((s for s in specs if s.name in BASE_INPUTS), None)
                return p.ask(f"提到了{prog.title}，但没有它的{_label(base) if base else '金额'}：请提供，"
                             f"或说明不申请这一项。", [f"不申请{_title(prog)}"])
            base = next((s for s in specs if s.name in BASE_INPUTS), None)
            return p.ask(f"请提供{prog.title}的{base.label if base else '金额'}。")
        years = [a.year for a in mine]
        if len(mine) > 1 and all(years) and len(set(years)) == len(years) and not any(
                s.unit == "yuan_per_year" for s in specs):
            groups = [([a], a.year) for a in mine]  # 公有云第一年50万 第二年80万: a one-year line in each year of use
        else:
            groups = [(mine, None)]
        for group, year in groups:
            inputs = {}
            for s in sorted(specs, key=lambda s: s.unit not in ("bool", "city")):  # flags first: they decide the rest
                value = _fill(p, prog, s, group, shared, facts, reading, inputs)
                if p.clarify_question:
                    return p
                if value is not None:
                    inputs[s.name] = value
            items.append({"programme": prog.id, "inputs": inputs, "year": year})
    if not items:
        return p.ask("请说明每一项服务的费用。", [x.title for x in lines])
    items = [dict(it, year=n) if n is not None else it for it in items
             for n in (range(1, p.years_of[it["programme"]] + 1) if it["programme"] in p.years_of else [None])]
    items = [{k: v for k, v in it.items() if v is not None} for it in items]
    by_year = _by_year_facts(p, items, amounts)
    if by_year is None:
        return p
    if p.years_of and not by_year:
        p.assumptions.append("各年的其他条件（如纳税额）按所给的同一数值")
    p.request = {"items": items}
    p.amounts = [a for ams in by_line.values() for a in ams] + list(shared.values())
    return p


def _by_year_facts(p: Plan, items: list[dict[str, Any]], amounts: list[AmountRead]) -> list[str] | None:
    """第一年纳税400万，第二年纳税800万: a fact of the enterprise given year by year goes to the items of each
    year of use. Items with no year, or a year with no figure of its own, are asked about (None). Returns the
    inputs so given."""
    dated: dict[str, dict[int, AmountRead]] = {}
    given: list[str] = []
    for a in amounts:
        if a.field not in PAYMENT_FIELDS and a.field is not None and a.year:
            dated.setdefault(a.field, {})[a.year] = a
    for name, by_year in dated.items():
        if len({a.value_cny for a in by_year.values()}) < 2:
            continue
        texts = "、".join(f"“{a.text}”" for a in by_year.values())
        for it in items:
            if name not in it["inputs"]:
                continue
            year = it.get("year")
            if year not in by_year:
                p.ask(f"{texts}各年不同，请说明每一年使用的服务费各是多少、属于第几年。")
                return None
            it["inputs"] = {**it["inputs"], name: str(by_year[year].value_cny)}
        p.understood = [ln for ln in p.understood if not any(f"“{a.text}”" in ln for a in by_year.values())]
        label = reading_lexicon().amount_field_labels.get(name, name)
        p.understood += [f"第{y}年{label}：{_fmt(a.value_cny)}{_said(a)}" for y, a in sorted(by_year.items())]
        given.append(name)
    return given


def items_named_only_in_passing(reading: Reading, prog: Programme) -> bool:
    """A line the asker says it does not apply for (不申请软件开发云)."""
    return any(f"{w}{t}" in reading.question for w in ("不申请", "不要", "不含", "不算", "除了")
               for t in [prog.title.split("·")[-1], *[x for x in prog.title.split("·")[-1:]]])


def _stated_total(reading: Reading, mine: list[AmountRead]) -> AmountRead | None:
    """Of several amounts of a contract, the one said to be its total (合同总额12万元), when every other one is said
    to be a year's (一年4万元): None otherwise."""
    if len(mine) < 2:
        return None
    q, lex = reading.question, reading_lexicon()
    said = [a for a in mine if any(w in q[max(0, a.start - 6):a.start] for w in lex.contract_total)]
    if not said:  # 合同金额十五万，分两年付每年七万五 / 合同24万，分两期，每期12万: the one amount the others add up to
        parts = re.search(r"分\s*([两二三四五六七八九十\d]{1,2})\s*(?:期|次|笔|年)", q)
        n = (int(parts.group(1)) if parts.group(1).isdigit() else parse_numeral(parts.group(1), {})) if parts else None
        n = n or reading.span_years

        def worth(x: AmountRead) -> Decimal:
            c0 = max(q.rfind(y, 0, x.start) for y in "，,。；;") + 1
            each = x.year is None and (x.partial or each_year_said(q[c0:x.end], lex.years))
            return x.value_cny * (n if each and n and len(mine) == 2 else 1)

        summed = [a for a in mine if a.usable and all(x.usable for x in mine if x is not a) and a.value_cny == sum(
            (worth(x) for x in mine if x is not a), Decimal(0))]
        if len(summed) == 1:
            return summed[0]
        # 合同12万，已经付了6万: the one amount said as the contract's, beside payments made so far
        said = [a for a in mine if "合同" in a.text and not a.partial]
        if len(said) != 1 or not all(x.partial for x in mine if x is not said[0]):
            return None
    if len(said) != 1:
        return None
    for a in mine:
        c0 = max(q.rfind(x, 0, a.start) for x in "，,。；;") + 1
        if a is not said[0] and not each_year_said(q[c0:a.end], lex.years) and not a.partial:
            return None  # (一年4万元 / 每期6万元 / 首期28万元: a part of the total said beside it)
    return said[0]


def _fill(p: Plan, prog: Programme, s: Spec, mine: list[AmountRead], shared: dict[str, AmountRead],
          facts: dict[str, Any], reading: Reading, inputs: dict[str, Any]) -> Any:
    """The value of one input of one line, recording what was understood; None when not given and not needed."""
    monthly = next((a for a in mine if a.monthly and a.turn is None), None)
    if monthly is not None and s.unit in ("yuan", "yuan_per_year") and s.name in BASE_INPUTS:
        # 每月8000元: the text counts a contract or a year's fee, which a monthly figure does not give
        return p.need(f"“{monthly.text}”是按月的费用，文件按{_label(s)}计算。请问{_label(s)}是多少？")
    if s.unit == "yuan_per_year":
        return _per_year(p, prog, s, mine, reading)
    if s.unit == "yuan" and s.name in BASE_INPUTS:
        if any(a.partial for a in mine) and s.name == "contract_cny" and _stated_total(reading, mine) is None:
            a = next(a for a in mine if a.partial)
            return p.need(f"文件按{_label(s)}计算，“{a.text}”是已付的款项，不一定等于合同额。请问合同额是多少？")
        if len(mine) > 1 and (reading.span_years or 0) > 1 and s.name != "contract_cny" \
                and all(a.year is None for a in mine):
            # 三年服务费 12万 30万 8万: one fee a year, each year under its own cap; which year is which is asked,
            # never summed into one year's fee.
            texts = "、".join(f"“{a.text}”" for a in mine)
            return p.need(f"{prog.title}按年度计算：请说明{texts}分别是第几年的{_label(s)}（各年分别测算，当年上限分别适用）。")
        total = _stated_total(reading, mine) if s.name == "contract_cny" else None
        if total is not None:
            # 一年4万元，合同总额12万元: the contract's total is the amount the text counts; the yearly one is a part.
            _bound(p, prog, s, total)
            p.understood.append(f"{_title(prog)}·{_label(s)}：{_fmt(total.value_cny)}{_said(total)}")
            return str(total.value_cny)
        if len(mine) > 1 and reading.summing and all(a.year is None for a in mine):
            total = sum((a.value_cny for a in mine), Decimal(0))
            parts = " + ".join(f"{_fmt(a.value_cny)}（“{a.text}”）" for a in mine)
            p.understood.append(f"{_title(prog)}·{_label(s)}：{parts} = {_fmt(total)}")
            for a in mine:
                _bound(p, prog, s, a)
            return str(total)
        if len(mine) > 1:
            texts = "、".join(f"“{a.text}”" for a in mine)
            return p.need(f"{prog.title}提到了多笔金额（{texts}），请说明按哪一笔测算，或是否合并计算。",
                          [a.text for a in mine] + ["合并计算"])
        a = mine[0]
        c0 = max(reading.question.rfind(x, 0, a.start) for x in "，,。；;") + 1
        over_years = a.year is None and (reading.span_years or 0) > 1 and reading.summing  # 两年总共, 三年合计
        if over_years and s.name != "contract_cny" and each_year_said(reading.question[c0:a.end],
                                                                       reading_lexicon().years):
            # 公有云这两年每年100万，两年合计: the line pays year by year on one year's fee, once per year.
            n = min(reading.span_years or 1, MAX_SPAN)
            p.years_of[prog.id] = n
            p.assumptions.append(f"{_title(prog)}每年{_fmt(a.value_cny)}，共{n}年，逐年计算")
        elif s.name == "contract_cny" and each_year_said(
                reading.question[c0:a.end], reading_lexicon().years):
            # 每年云服务费8万元: the text counts the contract, which a yearly fee gives only for a one-year contract
            return p.need(f"“{a.text}”是每年的费用，文件按{_label(s)}计算。请问{_label(s)}（合同期内的总额）是多少？")
        elif over_years and s.name != "contract_cny":
            # 连着用两年，两年总共: a sum over years of a line paid year by year, with one fee not said to be each
            # year's: which it is changes the figure, so it is asked.
            n = reading.span_years
            return p.need(f"“{a.text}”是每年的{_label(s)}，还是{n}年合计？{_title(prog)}按年度计算，请说明。",
                          [f"每年{wan(a.value_cny)}", f"{n}年合计{wan(a.value_cny)}"])
        _bound(p, prog, s, a)
        p.understood.append(f"{_title(prog)}·{_label(s)}：{_fmt(a.value_cny)}{_said(a)}")
        return str(a.value_cny)
    if s.unit == "yuan":
        replaced = any(inputs.get(t.needed_when or "") is True for t in specs_of(prog) if t.replaces == s.name)
        when = s.needed_when is None or inputs.get(s.needed_when) is True
        needed = (s.required and not replaced) or (s.needed_when is not None and inputs.get(s.needed_when) is True)
        if not when:
            return None
        a = shared.get(s.name)
        if a is not None:
            _bound(p, prog, s, a)
            line = f"{_label(s)}：{_fmt(a.value_cny)}{_said(a)}"
            if line not in p.understood:
                p.understood.append(line)
            return str(a.value_cny)
        v = facts.get(s.profile_field or s.name)
        if v is not None:
            line = f"{_label(s)}：{_fmt(Decimal(str(v)))}（资料中已填）"
            if line not in p.understood:
                p.understood.append(line)
            return str(v)
        if s.replaces and "registered_capital_cny" in shared and s.name == "paid_in_capital_cny":
            r = shared["registered_capital_cny"]
            return p.need(f"文件按实缴注册资本计算；您说的是注册资本（“{r.text}”）。请问实缴注册资本是多少？")
        if needed:
            # A requirement another input can stand in for: name both.
            alt = next((t for t in specs_of(prog) if t.replaces == s.name), None)
            hint = f"（如是{_flag_label(alt, prog)}，请说明并提供{alt.label}）" if alt else ""
            return p.need(f"测算{prog.title}还需要：{s.label}{hint}。")
        return None
    if s.unit == "bool":
        v = facts.get(s.profile_field or s.name)
        if isinstance(v, bool):
            said = reading.fact_words.get(s.profile_field or s.name)
            if v or said:  # 没参加集群试点: a stated no is shown too, so a misreading is visible
                p.understood.append(f"{s.label}：{'是' if v else '否'}（“{said or '资料中已填'}”）")
            return v
        return None
    if s.unit == "city":
        city = facts.get("city")
        if not city and p.cities.get(prog.id):
            # No city given: the figure stands only if every city the programme covers gives the same one.
            p.any_city.append((prog.id, s.name))
            return p.cities[prog.id][0]
        if not city:
            return p.need(f"测算{prog.title}需要知道企业注册所在的地市，请问在哪个市？")
        p.understood.append(f"所在地市：{city}（“{reading.fact_words.get('city', city)}”）")
        return city
    return None


def _flag_label(alt, prog: Programme) -> str:
    for t in specs_of(prog):
        if t.unit == "bool" and alt is not None and alt.needed_when == t.name:
            return t.label
    return "另一种情形"


def _bound(p: Plan, prog: Programme, s: Spec, a: AmountRead) -> None:
    if a.flag == "range" and a.low_cny is not None and a.high_cny is not None:
        p.bounds.append((prog.id, s.name, a.low_cny, a.high_cny))
    elif a.flag == "at_least":
        p.bounds.append((prog.id, s.name, a.value_cny, a.value_cny * ABOVE_FACTOR))
    elif a.flag == "below":
        p.bounds.append((prog.id, s.name, Decimal(0), max(a.value_cny - Decimal("0.01"), Decimal(0))))
    elif a.flag == "approximate":
        note = f"“{a.text}”是约数，按{_fmt(a.value_cny)}测算"
        if note not in p.assumptions:  # 三年纳税都在1800万上下: one phrase, noted once
            p.assumptions.append(note)


def _per_year(p: Plan, prog: Programme, s: Spec, mine: list[AmountRead], reading: Reading) -> list[str] | None:
    years = s.per_year_max or 3
    dated = sorted((a for a in mine if a.year), key=lambda a: a.year)
    undated = [a for a in mine if not a.year]
    if dated and undated:
        return p.need(f"{prog.title}：请说明“{undated[0].text}”是第几年的费用。")
    if not dated and len(undated) == 1 and reading.asked_year and not reading.each_year:
        dated = [undated[0].model_copy(update={"year": reading.asked_year})]  # 到了第三年，云服务费25万
        undated = []
    # 三年分别… / 第二年还是这么多，两年一共: fewer years' fees than the years the sum is asked over is no sum to give
    if dated and reading.span_years and (reading.summing or any(
            w in reading.question for w in ("分别", "依次", "前三年", "三年各"))) \
            and len({a.year for a in dated}) < min(reading.span_years, years):
        return p.need(f"{prog.title}：只读到{len(dated)}年的费用，问题说的是{reading.span_years}年，请逐年写明费用。")
    feeless = [n for n in reading.years_named if n <= years and n not in {a.year for a in dated}]
    if dated and feeless and (reading.summing or reading.span_years) and not reading.each_year:
        # 第一年服务费十万，第二年还是这么多，两年补多少: a year named without a fee of its own is no year to leave out
        return p.need(f"请提供{prog.title}第{'、'.join(map(str, feeless))}年的费用（问题只给了第"
                      f"{'、'.join(str(a.year) for a in dated)}年的）。")
    if dated:
        by_year: dict[int, AmountRead] = {}
        for a in dated:
            if a.year in by_year:
                return p.need(f"{prog.title}第{a.year}年给了两笔金额，请说明按哪一笔测算。")
            by_year[a.year] = a
        last = max(by_year)
        missing = [n for n in range(1, last + 1) if n not in by_year]
        asked = reading.asked_year
        if asked and asked not in by_year and not reading.summing:
            # 第一年服务费10万 then 第二年呢: the year asked has no fee of its own; another year's is not it
            return p.need(f"请提供{prog.title}第{asked}年的费用（问题只给了第{'、'.join(map(str, sorted(by_year)))}年的）。")
        if missing and min(by_year) < max(missing) and not (asked and asked in by_year and max(missing) < asked):
            return p.need(f"请补充{prog.title}第{missing[0]}年的费用（没有则写0元）。")
        if missing and asked and asked in by_year:
            # Only the year asked about is computed; the others count as nothing, checked not to matter.
            missing = [n for n in range(1, last + 1) if n != asked]
            by_year = {asked: by_year[asked]}
        out = []
        for n in range(1, last + 1):
            a = by_year.get(n)
            if a is None:
                out.append("0")
                continue
            _bound(p, prog, s, a)
            p.understood.append(f"{_title(prog)}·第{n}年{_label(s)}：{_fmt(a.value_cny)}{_said(a)}")
            out.append(str(a.value_cny))
        if missing:
            # Only later years given: their amounts must not depend on the earlier years' fees.
            p.fills.append((prog.id, s.name, missing))
            p.assumptions.append(f"只计算所问年度；第{'、'.join(map(str, missing))}年的费用不影响所问年度的金额")
        return out
    if len(undated) > 1:
        texts = "、".join(f"“{a.text}”" for a in undated)
        return p.need(f"{prog.title}按年度计算：请说明{texts}分别是第几年的费用。")
    a = undated[0]
    _bound(p, prog, s, a)
    if reading.each_year and not reading.span_years:
        return p.need(f"{prog.title}按使用年度分别补贴：“{a.text}”每年相同，共用几年？", [f"共{n}年" for n in range(years, 0, -1)])
    if reading.each_year:
        n = min(reading.span_years or years, 50)
        p.understood.append(f"{_title(prog)}·{_label(s)}：每年{_fmt(a.value_cny)}，共{n}年{_said(a)}")
        return [str(a.value_cny)] * n
    return p.need(f"{prog.title}按使用年度分别补贴（前{years}年比例不同）：“{a.text}”是第几年的费用？"
                  f"如果每年相同，请说“每年都是这个数”。", ["第1年的费用", "每年都是这个数", f"共{years}年，每年相同"])


def _align(p: Plan) -> None:
    """今年是软件开发云的第二年…公有云服务费180万: one-year lines fall in the year the several-year line is in.

    Only when exactly one line is paid by year of use, only one of its years is given, and every other line
    is a one-year line with no year of its own.
    """
    if len(p.fills) != 1 or len(p.request["items"]) < 2:
        return
    line, name, missing = p.fills[0]
    mine = [it for it in p.request["items"] if it["programme"] == line]
    others = [it for it in p.request["items"] if it["programme"] != line]
    given = [n for n in range(1, len(mine[0]["inputs"][name]) + 1) if n not in missing]
    if len(mine) != 1 or len(given) != 1 or any(
            "year" in it or any(isinstance(v, list) for v in it["inputs"].values()) for it in others):
        return
    for it in others:
        it["year"] = given[0]
    p.aligned = True
    p.assumptions.append(f"其他各项服务的费用与第{given[0]}年同在一年，合计按该年计算")


def run(p: Plan, estimate) -> tuple[Any | None, str | None]:
    """Run the planned request; when an input was only a bound, run both ends and keep the figure only if
    they agree. Returns (estimate, question to ask back) — one of the two is None."""
    _align(p)
    for line, name, low, high in p.bounds:
        # 纳税不到500万: estimated at a value inside the bound (the figure said lies above it); the ends are
        # compared below.
        for it in p.request["items"]:
            if it["programme"] == line and name in it["inputs"]:
                said = it["inputs"][name]
                it["inputs"] = {**it["inputs"], name: _scaled(said, high if high < _first(said) else low)}
    try:
        est = estimate(p.request)
    except InputError as e:
        return None, f"按所给信息无法测算：{e}"
    for line, name, low, high in p.bounds:
        totals = set()
        for v in (low, high):
            req = {"items": [{**it, "inputs": {**it["inputs"], name: _scaled(it["inputs"][name], v)}}
                             if it["programme"] == line else it for it in p.request["items"]]}
            try:
                totals.add(estimate(req).total_cny)
            except InputError:
                totals.add(None)
        if len(totals) > 1:
            return None, "所给金额只是一个范围（以上/不到），补贴额会随具体金额变化，请提供确切金额。"
    for line, name in p.any_city:
        totals: dict[Decimal, list[str]] = {}
        excluded = []
        for city in p.cities[line]:
            req = {"items": [{**it, "inputs": {**it["inputs"], name: city}} if it["programme"] == line else it
                             for it in p.request["items"]]}
            try:
                totals.setdefault(estimate(req).total_cny, []).append(city)
            except InputError:
                excluded.append(city)
        if len(totals) != 1:
            return None, "各地市的奖补比例不同，请问企业注册在哪个市？"
        note = "所在地市不影响结果" + (f"（{'、'.join(excluded)}除外，不在范围内）" if excluded else "")
        p.assumptions.append(note)
    for line, name, years in p.fills:
        if len(p.request["items"]) > 1 and not p.aligned:
            # Years of several lines fall in the same calendar year only when each line starts the same year.
            return None, (f"测算“今年”的合计需要知道各项服务分别是第几年使用；请提供{'、'.join(f'第{y}年' for y in years)}"
                          f"的费用，或分别询问各项服务。")
        seen = set()
        for filler in (Decimal(0), FILL_PROBE_CNY):
            req = {"items": [{**it, "inputs": {**it["inputs"], name: [str(filler) if n + 1 in years else v
                                                                     for n, v in enumerate(it["inputs"][name])]}}
                             if it["programme"] == line else it for it in p.request["items"]]}
            try:
                probe = estimate(req)
            except InputError:
                seen.add(None)
                continue
            per_year = year_totals(probe)
            seen.add(sum((v for y, v in per_year.items() if y not in years), Decimal(0)))
        if len(seen) > 1:
            return None, f"所问年度的金额取决于前几年的费用（第{'、'.join(map(str, years))}年），请一并提供。"
    return est, None


def year_totals(est) -> dict[int, Decimal]:
    """Each year's total after the caps several lines share: the yearly figures a multi-year answer gives."""
    doc = est.to_contract()
    capped = {pid for c in doc.get("shared_caps") or [] for pid in c["programmes"]}
    out: dict[int, Decimal] = {}
    for item in doc["items"]:
        if item["programme"] in capped:
            continue
        for y in item["schedule"]:
            out[y["year"]] = out.get(y["year"], Decimal(0)) + Decimal(y["amount_cny"])
    for c in doc.get("shared_caps") or []:
        for y in c["years"]:
            out[y["year"]] = out.get(y["year"], Decimal(0)) + Decimal(y["capped_total_cny"])
    return out


def _first(current: Any) -> Decimal:
    return Decimal(str(current[0] if isinstance(current, list) else current))


def _scaled(current: Any, v: Decimal) -> Any:
    if isinstance(current, list):
        return [str(v)] * len(current)
    return str(v)
