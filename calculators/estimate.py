"""Subsidy calculators: pure functions from a programme's cited data and the inputs to a cited breakdown.

Money is ``Decimal`` yuan, rounded half-up to the fen at the end of each step.
Every step carries the citation of the rule it applies. No policy number lives
here: rates, caps and tiers come from the ``Programme`` passed in.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from calculators.models import (
    Citation,
    Programme,
    RateCap,
    Regional,
    SharedCap,
    TaxTiered,
    YearlyRates,
)

FEN = Decimal("0.01")
ZERO = Decimal("0.00")


class InputError(ValueError):
    """Inputs a calculator cannot use: missing, not a number, negative, an excluded region."""


def fen(x: Decimal) -> Decimal:
    """Round half-up to the fen."""
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def yuan(x: Decimal) -> str:
    """Money as the CONTRACT prints it: ``"300000.00"``."""
    return f"{fen(x):.2f}"


def money_text(x: Decimal) -> str:
    """Money for people to read: ``"1,000,000.00"``."""
    return f"{fen(x):,.2f}"


def pct(rate: Decimal) -> str:
    """A rate as a percentage: Decimal('0.25') -> '25%'."""
    return f"{(rate * 100).normalize():f}%"


def wan(x: Decimal) -> str:
    """An amount as the texts write it: 12345 -> '1.2345万元'."""
    v = (fen(x) / 10000).normalize()
    return f"{v:f}万元"


class Step(BaseModel):
    """One operation of a calculation with the article it applies."""

    model_config = ConfigDict(frozen=True)

    text: str
    amount_cny: Decimal
    citation: Citation
    programme: str | None = None


class YearAmount(BaseModel):
    model_config = ConfigDict(frozen=True)

    year: int
    amount_cny: Decimal


class ItemEstimate(BaseModel):
    """The result for one programme: total, per-year schedule, steps and notes."""

    programme: str
    total_cny: Decimal
    schedule: list[YearAmount]
    steps: list[Step]
    notes: list[str] = []


class Estimate(BaseModel):
    """The result of an estimate request (CONTRACT ``estimate``)."""

    total_cny: Decimal
    items: list[ItemEstimate]
    steps: list[Step] = Field(description="All steps, items first, then shared caps.")
    notes: list[str] = []

    def to_contract(self) -> dict[str, Any]:
        """The JSON document CONTRACT specifies (money as strings)."""
        return {
            "total_cny": yuan(self.total_cny),
            "items": [
                {"programme": i.programme, "total_cny": yuan(i.total_cny),
                 "schedule": [{"year": y.year, "amount_cny": yuan(y.amount_cny)} for y in i.schedule],
                 "notes": i.notes}
                for i in self.items
            ],
            "steps": [{"text": s.text, "amount_cny": yuan(s.amount_cny), "citation": s.citation.model_dump(),
                       "programme": s.programme} for s in self.steps],
            "notes": self.notes,
        }


# --- inputs -----------------------------------------------------------------------------------------

MAX_CNY = Decimal("1e13")  # ten trillion yuan: beyond any enterprise's figures, guards against typos


def money_input(value: Any, name: str) -> Decimal:
    """A non-negative amount in yuan from JSON (number or numeric string)."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise InputError(f"{name} must be an amount in yuan, got {value!r}")
    try:
        d = Decimal(str(value).strip().replace(",", ""))
    except ArithmeticError:  # decimal.InvalidOperation for text that is not a number
        raise InputError(f"{name} must be an amount in yuan, got {value!r}") from None
    if not d.is_finite():
        raise InputError(f"{name} must be a finite amount, got {value!r}")
    if d < 0:
        raise InputError(f"{name} must not be negative, got {value!r}")
    if d > MAX_CNY:
        raise InputError(f"{name} is implausibly large: {value!r}")
    return d


def money_list(value: Any, name: str, max_years: int = 50) -> list[Decimal]:
    """A list of yearly amounts, one per year of use."""
    if not isinstance(value, list) or not value:
        raise InputError(f"{name} must be a non-empty list of yearly amounts in yuan, got {value!r}")
    if len(value) > max_years:
        raise InputError(f"{name} has {len(value)} years; at most {max_years}")
    return [money_input(v, f"{name}[{i}]") for i, v in enumerate(value)]


def _require(inputs: dict[str, Any], key: str) -> Any:
    if key not in inputs:
        raise InputError(f"missing input {key!r}")
    return inputs[key]


# --- one programme ------------------------------------------------------------------------------------


def _yearly_rates(prog: Programme, calc: YearlyRates, inputs: dict[str, Any]) -> ItemEstimate:
    fees = money_list(_require(inputs, calc.input), calc.input)
    steps: list[Step] = []
    amounts: list[Decimal] = []
    paid = ZERO
    for year, fee in enumerate(fees, start=1):
        if year > len(calc.rates):
            last = calc.rates[-1].cite
            steps.append(Step(text=f"第{year}年：补贴期为前{len(calc.rates)}年，第{year}年不予补助", amount_cny=ZERO,
                              citation=last, programme=prog.id))
            amounts.append(ZERO)
            continue
        rate = calc.rates[year - 1]
        amount = fen(fee * rate.value)
        steps.append(Step(text=f"第{year}年：{calc.base.text} {money_text(fee)} 元 × {pct(rate.value)} = {money_text(amount)} 元",
                          amount_cny=amount, citation=rate.cite, programme=prog.id))
        if calc.yearly_cap_cny and amount > calc.yearly_cap_cny.value:
            amount = fen(calc.yearly_cap_cny.value)
            steps.append(Step(text=f"第{year}年：当年上限 {money_text(amount)} 元", amount_cny=amount,
                              citation=calc.yearly_cap_cny.cite, programme=prog.id))
        if calc.cumulative_cap_cny:
            room = fen(calc.cumulative_cap_cny.value - paid)
            if amount > room:
                amount = max(room, ZERO)
                steps.append(Step(
                    text=f"第{year}年：累计上限 {money_text(calc.cumulative_cap_cny.value)} 元，已补 {money_text(paid)} 元，"
                         f"本年最多 {money_text(amount)} 元",
                    amount_cny=amount, citation=calc.cumulative_cap_cny.cite, programme=prog.id))
        paid += amount
        amounts.append(amount)
    schedule = [YearAmount(year=i, amount_cny=a) for i, a in enumerate(amounts, start=1)]
    return ItemEstimate(programme=prog.id, total_cny=fen(sum(amounts, ZERO)), schedule=schedule, steps=steps)


def _rate_cap(prog: Programme, calc: RateCap, inputs: dict[str, Any]) -> ItemEstimate:
    base = money_input(_require(inputs, calc.input), calc.input)
    raw = fen(base * calc.rate.value)
    steps = [Step(text=f"{calc.base.text} {money_text(base)} 元 × {pct(calc.rate.value)} = {money_text(raw)} 元",
                  amount_cny=raw, citation=calc.rate.cite, programme=prog.id)]
    amount = raw
    if raw > calc.cap_cny.value:
        amount = fen(calc.cap_cny.value)
        steps.append(Step(text=f"超过最高额度 {money_text(calc.cap_cny.value)} 元（{wan(calc.cap_cny.value)}），按上限计",
                          amount_cny=amount, citation=calc.cap_cny.cite, programme=prog.id))
    notes = []
    if calc.years.value == 1:
        notes.append(f"只补一次：{calc.years.cite.quote}")
    return ItemEstimate(programme=prog.id, total_cny=amount, schedule=[YearAmount(year=1, amount_cny=amount)],
                        steps=steps, notes=notes)


def _flag(inputs: dict[str, Any], key: str) -> bool:
    v = inputs.get(key, False)
    if not isinstance(v, bool):
        raise InputError(f"{key} must be true or false, got {v!r}")
    return v


def _tax_tiered(prog: Programme, calc: TaxTiered, inputs: dict[str, Any]) -> ItemEstimate:
    fees = money_input(_require(inputs, calc.input), calc.input)
    new_key = _flag(inputs, "new_key_investment")
    raw = fen(fees * calc.rate.value)
    steps = [Step(text=f"{calc.base.text} {money_text(fees)} 元 × {pct(calc.rate.value)} = {money_text(raw)} 元",
                  amount_cny=raw, citation=calc.rate.cite, programme=prog.id)]
    if new_key:
        capital = money_input(_require(inputs, "paid_in_capital_cny"), "paid_in_capital_cny")
        by_capital = fen(capital * calc.new_key_rate.value)
        cap = min(by_capital, fen(calc.new_key_cap_cny.value))
        steps.append(Step(
            text=f"新招商重点企业：实缴注册资本 {money_text(capital)} 元 × {pct(calc.new_key_rate.value)} = {money_text(by_capital)} 元，"
                 f"且不超过 {money_text(calc.new_key_cap_cny.value)} 元，当年上限 {money_text(cap)} 元（{calc.reading}）",
            amount_cny=cap, citation=calc.new_key_rate.cite, programme=prog.id))
        cap_cite = calc.new_key_cap_cny.cite
    else:
        tax = money_input(_require(inputs, "annual_tax_cny"), "annual_tax_cny")
        # 以上 includes the threshold (民法典第一千二百五十九条): the first tier whose bound the tax reaches.
        tier = next(t for t in calc.tiers if tax >= t.min_tax_cny)
        cap = fen(tier.cap_cny)
        bound = f"≥ {money_text(tier.min_tax_cny)} 元" if tier.min_tax_cny > 0 else "低于上一档"
        steps.append(Step(text=f"年度全库纳税 {money_text(tax)} 元（{bound}），单个企业当年最高 {money_text(cap)} 元",
                          amount_cny=cap, citation=tier.cite, programme=prog.id))
        cap_cite = tier.cite
    amount = raw
    if raw > cap:
        amount = cap
        steps.append(Step(text=f"{money_text(raw)} 元超过当年上限，按 {money_text(cap)} 元计", amount_cny=amount,
                          citation=cap_cite, programme=prog.id))
    notes = [f"补贴额度周期为{calc.years.value}年，逐年申请：以上为一年的额度。"]
    return ItemEstimate(programme=prog.id, total_cny=amount, schedule=[YearAmount(year=1, amount_cny=amount)],
                        steps=steps, notes=notes)


def _regional(prog: Programme, calc: Regional, inputs: dict[str, Any], groups: dict[str, list[str]],
              city: str | None) -> ItemEstimate:
    contract = money_input(_require(inputs, calc.input), calc.input)
    if city is None:
        raise InputError("city must name a city of Guangdong, e.g. 清远市 or 佛山")
    for ex in calc.excluded:
        if city == ex.city:
            raise InputError(f"{city} is excluded from {prog.id}: {ex.cite.quote}")
    pilot = _flag(inputs, "cluster_pilot")
    group = next((g for g in calc.groups if city in groups.get(g.gazetteer_group, [])), None)
    if group is None:
        raise InputError(f"{city} is not a city this programme covers ({prog.region.get('province', '')})")
    rate = group.rate
    reason = f"{city}属{group.name}"
    if pilot and calc.cluster_pilot_rate.value > rate.value:
        rate = calc.cluster_pilot_rate
        reason = f"{city}，产业集群试点"
    amount = fen(contract * rate.value)
    steps = [Step(text=f"{reason}：{calc.base.text} {money_text(contract)} 元 × {pct(rate.value)} = {money_text(amount)} 元",
                  amount_cny=amount, citation=rate.cite, programme=prog.id)]
    return ItemEstimate(programme=prog.id, total_cny=amount, schedule=[YearAmount(year=1, amount_cny=amount)],
                        steps=steps, notes=[calc.cap_note.text])


def estimate_one(prog: Programme, inputs: dict[str, Any], *, groups: dict[str, list[str]] | None = None,
                 city: str | None = None) -> ItemEstimate:
    """Estimate one programme. ``groups`` and ``city`` (normalised) serve region-dependent rates."""
    if not isinstance(inputs, dict):
        raise InputError("inputs must be an object")
    calc = prog.calculator
    if calc is None:
        raise InputError(f"{prog.id} is a {prog.side} scheme without a subsidy to calculate")
    if isinstance(calc, YearlyRates):
        return _yearly_rates(prog, calc, inputs)
    if isinstance(calc, RateCap):
        return _rate_cap(prog, calc, inputs)
    if isinstance(calc, TaxTiered):
        return _tax_tiered(prog, calc, inputs)
    return _regional(prog, calc, inputs, groups or {}, city)


def apply_shared_cap(items: list[ItemEstimate], cap: SharedCap) -> tuple[list[ItemEstimate], list[Step]]:
    """Apply a cap shared by several lines of one enterprise in one year.

    Year n of every line falls in the same year; within a year, lines keep
    their amounts in the order given until the cap is used up.
    """
    covered = [i for i in items if i.programme in cap.programmes]
    if len(covered) < 2 and not any(i.total_cny > cap.cap_cny.value for i in covered):
        return items, []
    years = max((len(i.schedule) for i in covered), default=0)
    new_sched: dict[str, list[Decimal]] = {i.programme: [y.amount_cny for y in i.schedule] for i in covered}
    steps: list[Step] = []
    for y in range(years):
        total = sum((s[y] for s in new_sched.values() if y < len(s)), ZERO)
        if total <= cap.cap_cny.value:
            continue
        room = fen(cap.cap_cny.value)
        for i in covered:
            s = new_sched[i.programme]
            if y < len(s):
                s[y] = min(s[y], room)
                room -= s[y]
        steps.append(Step(text=f"第{y + 1}年：多种服务券合计 {money_text(total)} 元，超过单个企业当年最高额度 "
                               f"{money_text(cap.cap_cny.value)} 元，按上限计", amount_cny=fen(cap.cap_cny.value),
                          citation=cap.cap_cny.cite))
    out = []
    for i in items:
        if i.programme in new_sched:
            sched = [YearAmount(year=n + 1, amount_cny=a) for n, a in enumerate(new_sched[i.programme])]
            i = i.model_copy(update={"schedule": sched, "total_cny": fen(sum((a for a in new_sched[i.programme]), ZERO))})
        out.append(i)
    return out, steps


def combine(items: list[ItemEstimate], shared_caps: list[SharedCap]) -> Estimate:
    """Join item estimates into one, applying the caps several lines share."""
    steps = [s for i in items for s in i.steps]
    for cap in shared_caps:
        items, extra = apply_shared_cap(items, cap)
        steps.extend(extra)
    total = fen(sum((i.total_cny for i in items), ZERO))
    notes = [n for i in items for n in i.notes]
    return Estimate(total_cny=total, items=items, steps=steps, notes=list(dict.fromkeys(notes)))
