"""Validated data models: citations, programmes as data, eligibility rules, results.

Every number and condition a programme states is a ``Cited*`` value: the value
and the article of the policy text it comes from. The models hold no policy
number themselves; those live in ``knowledge/programmes/*.yaml``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Side = Literal["enterprise", "provider"]


class Model(BaseModel):
    """Base for data models: unknown keys are refused and values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Model):
    """A verbatim quote from one article of one policy document (CONTRACT)."""

    doc_id: str = Field(description="Document id, e.g. baiyun-2019.")
    title: str = Field(description="Document title.")
    doc_number: str | None = Field(description="文号, e.g. 云科工商信〔2019〕22号; None when the text has none.")
    article: str = Field(description="The place a reader cites, e.g. 第十一条（二） or 四、奖补标准.")
    quote: str = Field(description="Verbatim text of the article (whitespace may be normalised).")

    @model_validator(mode="before")
    @classmethod
    def _resolve(cls, data: Any, info: Any) -> Any:
        """Expand a short YAML reference {doc, article, quote} and check the quote is verbatim.

        The corpus is passed in the validation context by the loader; it fills
        in the title and 文号 and refuses a quote that is not in the text.
        """
        ctx = info.context or {}
        corpus = ctx.get("corpus")
        if not isinstance(data, dict) or corpus is None:
            return data
        data = dict(data)
        doc_id = data.pop("doc", None) or data.get("doc_id") or ctx.get("doc")
        return corpus.citation(doc_id, data.get("article", ""), data.get("quote", "")).model_dump()


class CitedText(Model):
    """A statement (a material, a step, a condition) with the article it comes from."""

    text: str = Field(description="What the statement says, in plain Chinese.")
    cite: Citation


class CitedDecimal(Model):
    """A rate or an amount with its citation."""

    value: Decimal = Field(description="The number the text states (a rate as a fraction: 0.25 for 25 %).")
    cite: Citation


class CitedInt(Model):
    """A count (years, packages) with its citation."""

    value: int
    cite: Citation


class Tier(Model):
    """A yearly cap that applies from a threshold of tax paid upwards (以上 includes the threshold)."""

    min_tax_cny: Decimal = Field(description="Lower bound of 年度全库纳税, inclusive.")
    cap_cny: Decimal = Field(description="Yearly cap for enterprises at or above the bound.")
    cite: Citation


class RegionGroup(Model):
    """A group of cities sharing one rate (e.g. 珠三角地区 70 %)."""

    name: str
    gazetteer_group: str = Field(description="Key of the city list in knowledge/gazetteer.yaml.")
    rate: CitedDecimal


class Exclusion(Model):
    """A city the programme excludes (e.g. 深圳市除外)."""

    city: str
    cite: Citation


class YearlyRates(Model):
    """Rates that change by year of use, optionally under a cumulative cap (Dongguan, Baiyun software dev)."""

    kind: Literal["yearly_rates"]
    input: Literal["annual_fees_cny"] = "annual_fees_cny"
    base: CitedText = Field(description="What the rates apply to.")
    rates: list[CitedDecimal] = Field(min_length=1, description="Rate for year 1, 2, ...; later years get nothing.")
    cumulative_cap_cny: CitedDecimal | None = None
    yearly_cap_cny: CitedDecimal | None = None


class RateCap(Model):
    """One rate on one amount, capped (Baiyun one-year lines, Yichun)."""

    kind: Literal["rate_cap"]
    input: Literal["fees_cny", "contract_cny"]
    base: CitedText
    rate: CitedDecimal
    cap_cny: CitedDecimal
    years: CitedInt


class TaxTiered(Model):
    """A rate whose yearly cap depends on tax paid, with a separate rule for new key investment enterprises."""

    kind: Literal["tax_tiered"]
    input: Literal["fees_cny"] = "fees_cny"
    base: CitedText
    rate: CitedDecimal
    tiers: list[Tier] = Field(min_length=1, description="Highest threshold first.")
    new_key_rate: CitedDecimal = Field(description="Share of paid-in capital for new key investment enterprises.")
    new_key_cap_cny: CitedDecimal
    reading: str = Field(description="How the text on new key investment enterprises is read.")
    years: CitedInt


class Regional(Model):
    """A rate that depends on the city (Guangdong 2020), with excluded cities and no stated cap."""

    kind: Literal["regional_rate"]
    input: Literal["contract_cny"] = "contract_cny"
    base: CitedText
    groups: list[RegionGroup]
    cluster_pilot_rate: CitedDecimal
    excluded: list[Exclusion] = []
    cap_note: CitedText = Field(description="What the text says (or does not say) about a cap.")


Calculator = YearlyRates | RateCap | TaxTiered | Regional


class Rule(Model):
    """A test on the profile. Exactly one operator is set; unknown fields give an unknown result.

    ``region`` compares the unit's registered place with the programme's
    (province / city / district, with exclusions); ``min_years`` compares the
    field's date with the evaluation date; ``any_of`` / ``all_of`` combine rules
    in three-valued logic.
    """

    field: str | None = None
    equals: Any = None
    gte: Decimal | None = None
    isin: list[str] | None = Field(default=None, alias="in")
    excludes_self: bool | None = Field(default=None, description="True: the list field must not hold this programme id.")
    nonempty: bool | None = None
    min_years: int | None = None
    region: dict[str, str] | None = None
    exclude_cities: list[str] | None = None
    any_of: list[Rule] | None = None
    all_of: list[Rule] | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


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
    """When applications are taken (a dated window) or how long the measure is valid."""

    kind: Literal["period", "validity", "open_ended"]
    opens: dt.datetime | None = None
    closes: dt.datetime | None = None
    opens_precision: Literal["day", "year"] = "day"
    text: str
    cite: Citation
    redemption: CitedText | None = None


class Programme(Model):
    """One subsidy line or certification scheme, everything it states with its citation."""

    id: str = Field(pattern=r"^[a-z]+-\d{4}-[a-z0-9-]+$")
    title: str
    side: Side
    doc: str = Field(description="Id of the document the programme comes from.")
    region: dict[str, str] = Field(description="Where the programme applies: province / city / district.")
    summary: str
    who: CitedText = Field(description="Who may apply.")
    calculator: Calculator | None = Field(default=None, discriminator="kind")
    rate_text: str | None = Field(default=None, description="The rate in words, for tables.")
    cap_text: str | None = None
    eligibility: list[Criterion] = []
    attestations: list[CitedText] = Field(default=[], description="Conditions only the reviewing office judges.")
    window: Window
    materials: list[CitedText] = []
    process: list[CitedText] = []
    contacts: list[CitedText] = []
    notes: list[CitedText] = Field(default=[], description="Other rules: combining, repayment, monitoring.")
    shared_cap: str | None = Field(default=None, description="Id of a cap shared with sibling programmes.")


class SharedCap(Model):
    """A cap over several programmes of one enterprise in one year (Baiyun 第十二条)."""

    id: str
    programmes: list[str]
    cap_cny: CitedDecimal
