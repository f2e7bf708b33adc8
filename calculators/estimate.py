"""Estimates: each programme's kind computes its item; caps several lines share are applied on top.

Money is ``Decimal`` yuan, rounded half-up to the fen at the end of each step.
Every step carries the citation of the rule it applies. No policy number lives
here: rates, caps and tiers come from the ``Programme`` passed in.

A shared cap (Baiyun 第十二条) limits what several lines of one enterprise pay
together in one year. The text ranks none of the lines, so each item keeps the
amount it pays on its own and the estimate reports, year by year, the sum
before the cap, the cap and the capped total; how the capped amount is split
among the lines is the enterprise's choice.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any

from pydantic import Field

from calculators.base import (
    ZERO,
    Citation,
    InputError,
    ItemEstimate,
    KindContext,
    Model,
    Note,
    Step,
    YearAmount,
    fen,
    money_input,
    money_list,
    money_text,
    pct,
    shown,
    wan,
    yuan,
)
from calculators.models import Programme, SharedCap

__all__ = [
    "Alternative", "Estimate", "InputError", "ItemEstimate", "SharedCapResult", "SharedCapYear", "Step", "combine",
    "estimate_one", "fen", "in_year", "money_input", "money_list", "money_text", "pct", "wan", "yuan",
]


class Alternative(Model):
    """The estimate under another reading of an ambiguous sentence (CONTRACT ``alternatives``)."""

    reading: str = Field(description="The other reading, in plain Chinese.")
    total_cny: Decimal = Field(description="The whole estimate's total under that reading (shared caps applied).")
    citation: Citation = Field(description="The sentence the readings differ on.")
    programme: str
    item_total_cny: Decimal = Field(description="The programme's own amount under that reading.")
    steps: list[Step] = Field(default=[])

    def to_contract(self) -> dict[str, Any]:
        """CONTRACT's ``{reading, total_cny, citation}`` with the programme, its amount and steps."""
        return {"reading": self.reading, "total_cny": yuan(self.total_cny), "citation": self.citation.model_dump(),
                "programme": self.programme, "item_total_cny": yuan(self.item_total_cny),
                "steps": [s.to_contract() for s in self.steps]}


class SharedCapYear(Model):
    """One year under a shared cap: the lines' sum before it, the cap, and what is paid."""

    year: int
    sum_before_cap_cny: Decimal
    cap_cny: Decimal
    capped_total_cny: Decimal


class SharedCapResult(Model):
    """A shared cap applied to the lines of a request, per year and over all years (never confused)."""

    id: str
    programmes: list[str] = Field(description="The request's lines the cap covers.")
    cap_cny: Decimal = Field(description="The cap for one year.")
    citation: Citation
    years: list[SharedCapYear]
    sum_before_cap_cny: Decimal = Field(description="All years: the lines' amounts before the cap.")
    capped_total_cny: Decimal = Field(description="All years: the sum of each year's capped total.")

    def to_contract(self) -> dict[str, Any]:
        """Money as strings; ``years`` per year, ``all_years`` the totals over every year."""
        return {
            "id": self.id, "programmes": self.programmes, "cap_cny_per_year": yuan(self.cap_cny),
            "citation": self.citation.model_dump(),
            "years": [{"year": y.year, "sum_before_cap_cny": yuan(y.sum_before_cap_cny), "cap_cny": yuan(y.cap_cny),
                       "capped_total_cny": yuan(y.capped_total_cny)} for y in self.years],
            "all_years": {"sum_before_cap_cny": yuan(self.sum_before_cap_cny),
                          "capped_total_cny": yuan(self.capped_total_cny)},
        }


class Estimate(Model):
    """The result of an estimate request (CONTRACT ``estimate``)."""

    total_cny: Decimal = Field(description="What the request's lines pay together, shared caps applied.")
    items: list[ItemEstimate] = Field(description="Each line's own amounts (before any shared cap).")
    steps: list[Step] = Field(description="All steps, items first, then shared caps.")
    notes: list[Note] = Field(default=[])
    alternatives: list[Alternative] = Field(default=[])
    shared_caps: list[SharedCapResult] = Field(default=[])

    def to_contract(self) -> dict[str, Any]:
        """The JSON document CONTRACT specifies (money as strings), with the shared caps as an extra key."""
        capped = {p: c.id for c in self.shared_caps for p in c.programmes}
        return {
            "total_cny": yuan(self.total_cny),
            "items": [
                {"programme": i.programme, "total_cny": yuan(i.total_cny),
                 "schedule": [{"year": y.year, "amount_cny": yuan(y.amount_cny)} for y in i.schedule],
                 "notes": [n.to_contract() for n in i.notes],
                 "alternatives": [{"reading": a.reading, "total_cny": yuan(a.total_cny),
                                   "citation": a.citation.model_dump()} for a in i.alternatives],
                 "shared_cap": capped.get(i.programme)}
                for i in self.items
            ],
            "steps": [s.to_contract() for s in self.steps],
            "notes": [n.to_contract() for n in self.notes],
            "alternatives": [a.to_contract() for a in self.alternatives],
            "shared_caps": [c.to_contract() for c in self.shared_caps],
        }


# --- one programme ------------------------------------------------------------------------------------


def estimate_one(prog: Programme, inputs: dict[str, Any], ctx: KindContext | None = None) -> ItemEstimate:
    """Estimate one programme: its kind checks the input names and computes.

    ``ctx`` carries the gazetteer's city groups and the request's normalised city.
    """
    if not isinstance(inputs, dict):
        raise InputError(f"《{prog.title}》的输入项（inputs）应为 JSON 对象，收到{shown(inputs)}")
    calc = prog.calculator
    if calc is None:
        what = "是服务商的认定或备案，" if prog.side == "provider" else ""
        raise InputError(f"《{prog.title}》{what}文件未规定可测算的补贴金额")
    specs = calc.input_specs()
    names = [s.name for s in specs]
    for key in inputs:
        if key not in names:
            close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
            hint = (f"是否指 {calc.named(close[0])}？" if close
                    else f"可填的输入项：{'、'.join(calc.named(n) for n in names)}")
            raise InputError(f"《{prog.title}》没有输入项{shown(str(key))}；{hint}")
    return calc.compute(prog, inputs, ctx or KindContext())


# --- shared caps -----------------------------------------------------------------------------------------


def in_year(item: ItemEstimate, year: int) -> ItemEstimate:
    """A line paid on one year's fee, placed in year ``year`` of use (its steps say which year)."""
    def moved(schedule: list[YearAmount]) -> list[YearAmount]:
        return [YearAmount(year=year, amount_cny=y.amount_cny) for y in schedule]

    steps = [s.model_copy(update={"text": f"第{year}年：{s.text}"}) for s in item.steps]
    alternatives = [a.model_copy(update={"schedule": moved(a.schedule)}) for a in item.alternatives]
    return item.model_copy(update={"schedule": moved(item.schedule), "steps": steps, "alternatives": alternatives})


def _capped_years(items: list[ItemEstimate], cap: SharedCap) -> list[SharedCapYear]:
    """Year n of every covered line falls in the same year (the lines start together)."""
    covered = [i for i in items if i.programme in cap.programmes]
    out = []
    for y in sorted({ya.year for i in covered for ya in i.schedule}):
        total = sum((ya.amount_cny for i in covered for ya in i.schedule if ya.year == y), ZERO)
        out.append(SharedCapYear(year=y, sum_before_cap_cny=fen(total), cap_cny=fen(cap.cap_cny.value),
                                 capped_total_cny=fen(min(total, cap.cap_cny.value))))
    return out


def _applies(items: list[ItemEstimate], cap: SharedCap) -> bool:
    covered = [i for i in items if i.programme in cap.programmes]
    return len(covered) >= 2 or any(y.amount_cny > cap.cap_cny.value for i in covered for y in i.schedule)


def _total(items: list[ItemEstimate], caps: list[SharedCap]) -> Decimal:
    """What the lines pay together: uncovered lines in full, covered lines year by year under their cap."""
    applied = [c for c in caps if _applies(items, c)]
    covered = {p for c in applied for p in c.programmes}
    total = sum((i.total_cny for i in items if i.programme not in covered), ZERO)
    total += sum((y.capped_total_cny for c in applied for y in _capped_years(items, c)), ZERO)
    return fen(total)


def _shared_cap_steps(result: SharedCapResult, cap: SharedCap) -> list[Step]:
    steps = []
    for y in result.years:
        over = y.sum_before_cap_cny > y.cap_cny
        steps.append(Step(text=f"第{y.year}年：各类服务券合计（封顶前）{money_text(y.sum_before_cap_cny)} 元",
                          amount_cny=y.sum_before_cap_cny, citation=cap.cap_cny.cite))
        if over:
            text = (f"第{y.year}年：超过单个企业当年最高额度 {money_text(y.cap_cny)} 元，封顶后合计 "
                    f"{money_text(y.capped_total_cny)} 元（{cap.split.text}）")
        else:
            text = f"第{y.year}年：未超过单个企业当年最高额度 {money_text(y.cap_cny)} 元，合计 {money_text(y.capped_total_cny)} 元"
        steps.append(Step(text=text, amount_cny=y.capped_total_cny, citation=cap.cap_cny.cite))
    if len(result.years) > 1:
        steps.append(Step(text=f"第{result.years[0].year}至{result.years[-1].year}年封顶后合计 "
                               f"{money_text(result.capped_total_cny)} 元"
                               f"（封顶前 {money_text(result.sum_before_cap_cny)} 元）",
                          amount_cny=result.capped_total_cny, citation=cap.cap_cny.cite))
    return steps


def combine(items: list[ItemEstimate], shared_caps: list[SharedCap]) -> Estimate:
    """Join item estimates into one: shared caps per year, notes once each, every other reading's total."""
    steps = [s for i in items for s in i.steps]
    notes = [n for i in items for n in i.notes]
    results = []
    for cap in shared_caps:
        if not _applies(items, cap):
            continue
        years = _capped_years(items, cap)
        result = SharedCapResult(
            id=cap.id, programmes=[i.programme for i in items if i.programme in cap.programmes],
            cap_cny=fen(cap.cap_cny.value), citation=cap.cap_cny.cite, years=years,
            sum_before_cap_cny=fen(sum((y.sum_before_cap_cny for y in years), ZERO)),
            capped_total_cny=fen(sum((y.capped_total_cny for y in years), ZERO)))
        results.append(result)
        steps.extend(_shared_cap_steps(result, cap))
        if any(y.sum_before_cap_cny > y.cap_cny for y in years):
            notes.append(Note(text=cap.split.text, citation=cap.split.cite))
        if len(years) > 1:
            notes.append(Note(text=f"合计上限按年计算：各项目的第1年视为同一年，第{len(years)}年以此类推；"
                                   f"各年封顶后合计与多年总额分别列出", citation=cap.cap_cny.cite))
    alternatives = []
    for n, item in enumerate(items):
        for alt in item.alternatives:
            swapped = item.model_copy(update={"total_cny": alt.total_cny, "schedule": alt.schedule})
            total = _total([*items[:n], swapped, *items[n + 1:]], shared_caps)
            alternatives.append(Alternative(reading=alt.reading, total_cny=total, citation=alt.citation,
                                            programme=item.programme, item_total_cny=alt.total_cny, steps=alt.steps))
    return Estimate(total_cny=_total(items, shared_caps), items=items, steps=steps,
                    notes=list(dict.fromkeys(notes)), alternatives=alternatives, shared_caps=results)
