"""What the 补贴测算 page shows, computed from an estimate: amounts in 元 or 万元, per-year and all-years totals,
the years and lines a shared cap reduced, the steps, the notes and the other readings with their quotes.

The page only draws an ``EstimateView``; every figure in it comes from the estimate service
(``navigator.service.estimate``), never from arithmetic of its own beyond adding a year's amounts.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from calculators.base import Citation
from calculators.estimate import Estimate
from navigator import labels
from navigator.programmes import Registry

Unit = Literal["yuan", "wan"]
UNITS: dict[Unit, str] = {"yuan": "元", "wan": "万元"}
YUAN_PER: dict[Unit, Decimal] = {"yuan": Decimal(1), "wan": Decimal(10000)}
# The form's largest amount in 元: beyond any enterprise's fees, and below what the calculators refuse as a typo.
MAX_INPUT_CNY = Decimal("1e12")
FEN = Decimal("0.01")
CAP_LINE = "合计上限"  # what a step of a shared cap is listed under, beside the lines' short names
TITLE_PART = "·"  # 白云区上云上平台服务券·公有云: the part after it names the line


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- amounts as the form takes them ------------------------------------------------------------------------


def to_yuan(value: Any, unit: Unit) -> Decimal | None:
    """An amount typed in ``unit`` as 元, to the fen; None stays None (not filled in).

    Args:
        value: What the number box holds (a float, or None while empty).
        unit: ``yuan`` (元) or ``wan`` (万元).
    """
    if value is None:
        return None
    try:
        d = Decimal(str(value)) * YUAN_PER[unit]
    except (InvalidOperation, ValueError):
        return None
    return d.quantize(FEN, rounding=ROUND_HALF_UP)


def from_yuan(value: Any, unit: Unit) -> float | None:
    """An amount in 元 (e.g. from the profile) as the number box shows it in ``unit``."""
    if value is None:
        return None
    try:
        return float(Decimal(str(value)) / YUAN_PER[unit])
    except (InvalidOperation, ValueError):
        return None


def convert(value: Any, old: Unit, new: Unit) -> float | None:
    """A number box's value when the unit switches, so the amount it stands for stays the same."""
    return from_yuan(to_yuan(value, old), new)


def box_max(unit: Unit) -> float:
    """The largest number a box takes in ``unit``."""
    return float(MAX_INPUT_CNY / YUAN_PER[unit])


def echo(value: Any, unit: Unit) -> str:
    """What a filled box stands for, in full with thousands separators: ``150万元（1,500,000.00 元）``."""
    yuan = to_yuan(value, unit)
    return "" if yuan is None else labels.money_wan(yuan)


# --- names -------------------------------------------------------------------------------------------------


def short_names(ids: list[str], reg: Registry) -> dict[str, str]:
    """Distinct short names for chart legends and table columns: the line's name after "·", else the title.

    A short name two lines would share falls back to the full titles.
    """
    titles = {pid: reg.get(pid).title for pid in ids}
    short = {pid: (t.rsplit(TITLE_PART, 1)[-1] or t) for pid, t in titles.items()}
    if len(set(short.values())) < len(short):
        return titles
    return short


# --- the view ----------------------------------------------------------------------------------------------


class LineView(Model):
    """One programme of the request, with its own amounts (before any shared cap)."""

    programme: str
    title: str
    short: str = Field(description="Distinct short name, for legends and table columns.")
    total_cny: Decimal = Field(description="All years, before a shared cap.")
    years: list[Decimal] = Field(description="Year 1, 2, ...: the line's own amount (0 where it pays nothing).")
    shared_cap: str | None = Field(description="Id of the shared cap the line falls under in this request.")


class YearView(Model):
    """One year of use: each line's own amount, the sum, and what is paid after the shared caps."""

    year: int
    amounts: list[Decimal] = Field(description="Each line's own amount, in the order of ``EstimateView.lines``.")
    sum_cny: Decimal = Field(description="The lines' sum before any shared cap.")
    cap_cny: Decimal | None = Field(description="The shared cap of the year, when one applies.")
    paid_cny: Decimal = Field(description="The year's total after the shared caps.")

    @property
    def reduced_cny(self) -> Decimal:
        """How much the shared cap took off this year."""
        return self.sum_cny - self.paid_cny


class CapView(Model):
    """A year in which a shared cap reduced the lines' sum: which lines, by how much, and who splits it."""

    year: int
    lines: list[str] = Field(description="Short names of the lines the cap covers that year (with an amount).")
    text: str = Field(description="The statement for the page, in full figures.")
    citation: Citation = Field(description="The article stating the cap.")


class NoteView(Model):
    """A note of the estimate (what the text leaves open, a reading choice), with its article and quote."""

    text: str
    citation: Citation | None


class StepView(Model):
    """One cited step, as the step table or a step card shows it."""

    number: int
    line: str = Field(description="The line's short name, or 合计上限 for a shared cap's step.")
    text: str
    amount_cny: Decimal
    citation: Citation


class AlternativeView(Model):
    """The estimate under another reading of an ambiguous sentence, with the sentence quoted."""

    line: str = Field(description="Short name of the line the reading changes.")
    title: str
    reading: str
    item_total_cny: Decimal = Field(description="That line's amount under the reading.")
    total_cny: Decimal = Field(description="The whole request's total under the reading (shared caps applied).")
    citation: Citation


class EstimateView(Model):
    """Everything the 补贴测算 page draws for one estimate."""

    total_cny: Decimal = Field(description="All years and lines, after the shared caps.")
    lines: list[LineView]
    years: list[YearView]
    caps: list[CapView] = Field(description="Years a shared cap reduced, with the lines it covers.")
    split: list[NoteView] = Field(description="What the text says about splitting a capped amount (the enterprise's "
                                              "choice), one per shared cap that reduced a year.")
    notes: list[NoteView] = Field(description="The estimate's other notes.")
    steps: list[StepView]
    alternatives: list[AlternativeView]

    @property
    def multi_year(self) -> bool:
        """Whether the estimate runs over more than one year of use."""
        return len(self.years) > 1

    @property
    def capped(self) -> bool:
        """Whether a shared cap reduced any year."""
        return bool(self.caps)


def _amount(schedule, year: int) -> Decimal:
    return next((y.amount_cny for y in schedule if y.year == year), Decimal("0.00"))


def view(est: Estimate, reg: Registry) -> EstimateView:
    """The page's view of an estimate: per-year totals after the shared caps, the all-years total apart.

    Args:
        est: The result of ``navigator.service.estimate``.
        reg: The registry the estimate was made with (titles, shared caps).
    """
    ids = [i.programme for i in est.items]
    short = short_names(ids, reg)
    n_years = max((len(i.schedule) for i in est.items), default=0)
    capped_by = {p: c.id for c in est.shared_caps for p in c.programmes}
    lines = [LineView(programme=i.programme, title=reg.get(i.programme).title, short=short[i.programme],
                      total_cny=i.total_cny, years=[_amount(i.schedule, y) for y in range(1, n_years + 1)],
                      shared_cap=capped_by.get(i.programme)) for i in est.items]

    years = []
    for y in range(1, n_years + 1):
        amounts = [line.years[y - 1] for line in lines]
        paid = sum((a for line, a in zip(lines, amounts, strict=True) if line.shared_cap is None), Decimal("0.00"))
        caps = [cy for c in est.shared_caps for cy in c.years if cy.year == y]
        paid += sum((cy.capped_total_cny for cy in caps), Decimal("0.00"))
        years.append(YearView(year=y, amounts=amounts, sum_cny=sum(amounts, Decimal("0.00")),
                              cap_cny=min((cy.cap_cny for cy in caps), default=None), paid_cny=paid))

    cap_views, split = [], []
    for c in est.shared_caps:
        over = [cy for cy in c.years if cy.sum_before_cap_cny > cy.cap_cny]
        for cy in over:
            named = [line.short for line in lines if line.shared_cap == c.id and line.years[cy.year - 1] > 0]
            cut = labels.money(cy.sum_before_cap_cny - cy.capped_total_cny)
            head = (f"第{cy.year}年：{'、'.join(named)}{len(named)}项合计" if len(named) > 1
                    else f"第{cy.year}年：{''.join(named)}")
            tail = (f"减少的是这{len(named)}项的合计，减哪一项、各项各得多少由企业申请时自行选择。" if len(named) > 1
                    else f"当年只有这一项，由它减少{cut}。")
            text = (f"{head} {labels.money(cy.sum_before_cap_cny)}，超过单个企业当年合计上限 {labels.money(cy.cap_cny)}，"
                    f"封顶后为 {labels.money(cy.capped_total_cny)}，需减少 {cut}。{tail}")
            cap_views.append(CapView(year=cy.year, lines=named, text=text, citation=c.citation))
        if over:
            rule = reg.shared_caps[c.id].split
            split.append(NoteView(text=rule.text, citation=rule.cite))
    split_texts = {n.text for n in split}
    notes = [NoteView(text=n.text, citation=n.citation) for n in est.notes if n.text not in split_texts]

    steps = [StepView(number=k, line=short.get(s.programme, CAP_LINE) if s.programme else CAP_LINE, text=s.text,
                      amount_cny=s.amount_cny, citation=s.citation) for k, s in enumerate(est.steps, start=1)]
    alternatives = [AlternativeView(line=short[a.programme], title=reg.get(a.programme).title, reading=a.reading,
                                    item_total_cny=a.item_total_cny, total_cny=a.total_cny, citation=a.citation)
                    for a in est.alternatives]
    return EstimateView(total_cny=est.total_cny, lines=lines, years=years, caps=cap_views, split=split, notes=notes,
                        steps=steps, alternatives=alternatives)


def request(lines: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """The estimate request for the lines the form holds: one programme alone, several as items (shared caps)."""
    if len(lines) == 1:
        return {"programme": lines[0][0], "inputs": lines[0][1]}
    return {"items": [{"programme": pid, "inputs": inputs} for pid, inputs in lines]}
