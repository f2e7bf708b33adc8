"""Validated data models: citations, programmes as data, calculator kinds, eligibility rules, windows.

Every number and condition a programme states is a ``Cited*`` value: the value
and the article of the policy text it comes from. The models hold no policy
number themselves; those live in ``knowledge/programmes/*.yaml``.

``Calculator`` is the one registration of calculator kinds: a new kind is its
module in ``calculators/kinds`` (model and computation) and one member here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from calculators.base import (
    CalculatorKind,
    Citation,
    CitedDecimal,
    CitedInt,
    CitedText,
    Headline,
    InputSpec,
    ItemAlternative,
    ItemEstimate,
    KindContext,
    Model,
    Note,
    Portal,
    Step,
    YearAmount,
)
from calculators.kinds.common import Ambiguity, ReadingOption
from calculators.kinds.rate_cap import RateCap
from calculators.kinds.regional_rate import Exclusion, Regional, RegionGroup
from calculators.kinds.tax_tiered import TaxTiered, Tier
from calculators.kinds.yearly_rates import YearlyRates
from calculators.periods import civil_code_last_day
from calculators.rules import Rule

__all__ = [
    "Ambiguity",
    "Calculator",
    "CalculatorKind",
    "Citation",
    "CitedDecimal",
    "CitedInt",
    "CitedText",
    "Criterion",
    "Exclusion",
    "Headline",
    "InputSpec",
    "ItemAlternative",
    "ItemEstimate",
    "KindContext",
    "Model",
    "Note",
    "Portal",
    "Programme",
    "RateCap",
    "ReadingOption",
    "RegionGroup",
    "Regional",
    "Rule",
    "SharedCap",
    "Side",
    "Step",
    "TaxTiered",
    "Tier",
    "Window",
    "YearAmount",
    "YearlyRates",
]

Side = Literal["enterprise", "provider"]

# The registration of calculator kinds (a discriminated union on ``kind``).
Calculator = Annotated[YearlyRates | RateCap | TaxTiered | Regional, Field(discriminator="kind")]


class Criterion(Model):
    """A condition the text sets, named after its paragraph."""

    id: str
    label: str = Field(description="The condition in plain Chinese, as the helpdesk would say it.")
    rule: Rule
    blocking: bool = Field(
        default=True,
        description="False for limits on repeat support: a known breach blocks, an unknown does not.",
    )
    cite: Citation


class Window(Model):
    """When applications are taken (a dated window), how long the measure is in force, or that the text says neither.

    Times are Beijing time. ``period``: from ``opens`` to ``closes`` (a window
    with hours closes at that minute). ``validity``: in force from the day of
    ``opens`` for ``term_years`` years, counted as the Civil Code counts
    (``last_day``). ``open_ended``: took effect on ``opens`` and states no end
    and no window, so whether it still takes applications is unknown.
    """

    kind: Literal["period", "validity", "open_ended"]
    opens: dt.datetime = Field(description="When the window opens or the text takes effect (Beijing time).")
    opens_precision: Literal["day", "year"] = Field(default="day", description="year: only the year is printed.")
    opens_cite: Citation | None = Field(default=None, description="Where the date it counts from is printed.")
    closes: dt.datetime | None = Field(default=None, description="period only: when the window closes.")
    term_years: CitedInt | None = Field(default=None, description="validity only: 有效期 in years.")
    text: str
    cite: Citation = Field(description="The sentence that sets the window or says when the text takes effect.")
    redemption: CitedText | None = None

    @model_validator(mode="after")
    def _shape(self) -> Window:
        want = {"period": (True, False), "validity": (False, True), "open_ended": (False, False)}[self.kind]
        if (self.closes is not None, self.term_years is not None) != want:
            raise ValueError(f"a {self.kind} window sets {'closes' if want[0] else 'no closes'} and "
                             f"{'term_years' if want[1] else 'no term_years'}")
        if self.closes is not None and self.closes <= self.opens:
            raise ValueError("closes must come after opens")
        return self

    def last_day(self) -> dt.date | None:
        """For a validity term: its last day (in force until 24:00 that day); None otherwise."""
        if self.term_years is None:
            return None
        return civil_code_last_day(self.opens.date(), self.term_years.value)


class Programme(Model):
    """One subsidy line or certification scheme, everything it states with its citation.

    With a calculator, ``rate_text`` and ``cap_text`` are generated from its
    values (the file must not set them); without one (a certification or
    filing scheme) the file states them.
    """

    id: str = Field(pattern=r"^[a-z]+-\d{4}-[a-z0-9-]+$")
    title: str
    side: Side
    doc: str = Field(description="Id of the document the programme comes from.")
    region: dict[str, str] = Field(description="Where the programme applies: province / city / district.")
    summary: str
    who: CitedText = Field(description="Who may apply.")
    calculator: Calculator | None = None
    rate_text: str | None = Field(default=None, description="The rate in words, for tables.")
    cap_text: str | None = Field(default=None, description="The cap in words, for tables.")
    eligibility: list[Criterion] = Field(default=[])
    attestations: list[CitedText] = Field(default=[], description="Conditions only the reviewing office judges.")
    window: Window
    materials: list[CitedText] = Field(default=[])
    forms: list[CitedText] = Field(default=[], description="Forms the text attaches or names (申请表, 承诺函...).")
    portals: list[Portal] = Field(default=[], description="Systems and websites the text sends applicants to.")
    process: list[CitedText] = Field(default=[])
    contacts: list[CitedText] = Field(default=[], description="Offices and people, phones exactly as printed.")
    restrictions: list[CitedText] = Field(default=[], description="Obligations and sanctions: what the holder must "
                                                                  "not do and what follows a breach.")
    notes: list[CitedText] = Field(default=[], description="Other rules: combining, funding, monitoring.")
    shared_cap: str | None = Field(default=None, description="Id of a cap shared with sibling programmes.")

    @model_validator(mode="after")
    def _headline_from_calculator(self) -> Programme:
        if self.calculator is None:
            return self
        head = self.calculator.headline()
        if (self.rate_text, self.cap_text) not in ((None, None), (head.rate_text, head.cap_text)):
            raise ValueError("rate_text and cap_text are generated from the calculator; remove them from the file")
        # Generated once at load: the model is frozen afterwards.
        object.__setattr__(self, "rate_text", head.rate_text)
        object.__setattr__(self, "cap_text", head.cap_text)
        return self


class SharedCap(Model):
    """A cap over several programmes of one enterprise in one year (Baiyun 第十二条)."""

    id: str
    programmes: list[str]
    cap_cny: CitedDecimal
    split: CitedText = Field(description="What the text says (or leaves open) about dividing the capped amount.")
