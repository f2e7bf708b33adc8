"""Foundations shared by every calculator kind: cited values, money, inputs, results.

A calculator kind (``calculators.kinds``) is a pydantic model holding a
programme's cited numbers; it describes its own inputs (``InputSpec``), its
headline figures (``Headline``) and its citations, and computes an
``ItemEstimate`` of cited steps. Money is ``Decimal`` yuan, rounded half-up to
the fen at the end of each step.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    from calculators.models import Programme

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_CNY = Decimal("1e13")  # ten trillion yuan: beyond any enterprise's figures, guards against typos
MAX_NUMBER_CHARS = 32  # longer numbers are typing accidents or attacks, not amounts


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
    """A statement (a material, a step, a condition, a restriction) with the article it comes from."""

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


class Portal(Model):
    """A website or online system the text sends applicants to."""

    name: str = Field(description="The system's name as printed, e.g. 智造东莞.")
    url: str | None = Field(default=None, description="Only a URL the text prints; None when it prints none.")
    cite: Citation

    @model_validator(mode="after")
    def _url_is_printed(self) -> Portal:
        if self.url is not None and self.url.rstrip("/") not in self.cite.quote:
            raise ValueError(f"portal {self.name}: the URL {self.url!r} is not in the quoted text")
        return self


class InputSpec(Model):
    """One input a calculator kind needs, described for forms, questions back to the asker and validation."""

    name: str = Field(description="Key in the estimate request's inputs, e.g. fees_cny, annual_fees_cny, city.")
    label: str = Field(description="Chinese label for forms and questions, e.g. 云服务费（元）.")
    unit: Literal["yuan", "yuan_per_year", "bool", "city"] = Field(
        description="yuan_per_year: a list, one amount per year of use.")
    required: bool = Field(description="Needed for any figure.")
    needed_when: str | None = Field(default=None, description="Name of a bool input that makes this one required.")
    replaces: str | None = Field(default=None, description="An input this one stands in for when set.")
    profile_field: str | None = Field(default=None, description="The CONTRACT Profile field that can supply it.")
    per_year_max: int | None = Field(default=None, description="For yuan_per_year: how many years carry a rate.")


class Headline(Model):
    """A kind's figures for tables and one-line answers, generated from its cited values."""

    rate_text: str = Field(description="The rate in words, e.g. 云服务合同额的50%.")
    cap_text: str | None = Field(description="The cap in words; None when the programme states none of its own.")
    years: int | None = Field(description="Years the support runs; None when the text states none.")
    cap_cny: Decimal | None = Field(description="The highest cap in yuan; None when the text states none.")
    citations: list[Citation] = Field(description="The rate's citation first, then the cap's and the years'.")


class Note(Model):
    """A warning or explanation attached to an estimate, with the article it rests on (None: a reading note)."""

    text: str
    citation: Citation | None = None

    def to_contract(self) -> dict[str, Any]:
        """``{"text", "citation"}`` as CONTRACT prints it."""
        return {"text": self.text, "citation": self.citation.model_dump() if self.citation else None}


class Step(Model):
    """One operation of a calculation with the article it applies."""

    text: str
    amount_cny: Decimal
    citation: Citation
    programme: str | None = None

    def to_contract(self) -> dict[str, Any]:
        """The CONTRACT step (money as a string)."""
        return {"text": self.text, "amount_cny": yuan(self.amount_cny), "citation": self.citation.model_dump(),
                "programme": self.programme}


class YearAmount(Model):
    """The amount for one year of use (year 1 is the first year)."""

    year: int
    amount_cny: Decimal


class ItemAlternative(Model):
    """What one programme pays under another reading of an ambiguous sentence."""

    reading: str = Field(description="The other reading, in plain Chinese.")
    total_cny: Decimal
    schedule: list[YearAmount]
    citation: Citation = Field(description="The sentence the readings differ on.")
    steps: list[Step] = Field(default=[])


class ItemEstimate(Model):
    """The result for one programme: total, per-year schedule, cited steps, notes and other readings."""

    programme: str
    total_cny: Decimal
    schedule: list[YearAmount]
    steps: list[Step]
    notes: list[Note] = Field(default=[])
    alternatives: list[ItemAlternative] = Field(default=[])


class KindContext(Model):
    """What a kind needs from outside the programme: the gazetteer's city groups and the normalised city."""

    groups: dict[str, list[str]] = Field(default_factory=dict, description="City lists by group (gazetteer).")
    city: str | None = Field(default=None, description="The request's city, normalised to its full name.")


class InputError(ValueError):
    """Inputs a calculator cannot use: missing, not a number, negative, an excluded region."""


# --- money --------------------------------------------------------------------------------------------


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


def shown(value: Any, limit: int = 40) -> str:
    """A value as an error message quotes it: the text as given, cut to ``limit`` characters."""
    text = value if isinstance(value, str) else json_text(value)
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def json_text(value: Any) -> str:
    """A value as JSON writes it (true, null, 1.5), which is how a request or a profile gave it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(json_text(v) for v in value[:5]) + (", …]" if len(value) > 5 else "]")
    if isinstance(value, dict):
        return "{…}"
    return str(value)


def named(label: str | None, key: str) -> str:
    """An input or profile field as a message names it: its Chinese label, then the key a request uses.

    ``named("云服务合同额（元）", "contract_cny")`` -> ``云服务合同额（contract_cny）``; without a label, the key.
    """
    if not label:
        return key
    return f"{label.removesuffix('（元）')}（{key}）"


def parse_amount(value: Any, *, max_places: int | None = None) -> Decimal:
    """A non-negative, finite, plausible amount in yuan from JSON (number or numeric string).

    Raises ValueError with a short reason in Chinese (the caller names the field).
    """
    if isinstance(value, bool) or value is None or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(f"应为以元计的金额（数字），收到{shown(value)}")
    text = str(value).strip().replace(",", "")
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(f"数字过长（{len(text)}位），不像金额")
    try:
        d = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"应为以元计的金额（数字），收到{shown(value)}") from None
    if not d.is_finite():
        raise ValueError(f"应为有限的金额，不能是无穷大或非数，收到{shown(value)}")
    if d < 0:
        raise ValueError(f"不能为负数，收到{shown(value)}")
    if d > MAX_CNY:
        raise ValueError(f"数额过大，超过{(MAX_CNY / Decimal(10**12)).normalize():f}万亿元，收到{shown(value)}")
    if max_places is not None and d.as_tuple().exponent < -max_places:  # type: ignore[operator]
        raise ValueError(f"最多{max_places}位小数（金额以元计，精确到分），收到{shown(value)}")
    return d


def money_input(value: Any, name: str) -> Decimal:
    """A non-negative amount in yuan from an estimate request; InputError names the input (``named``)."""
    try:
        return parse_amount(value)
    except ValueError as e:
        raise InputError(f"{name}：{e}") from None


def money_list(value: Any, name: str, max_years: int = 50) -> list[Decimal]:
    """A list of yearly amounts, one per year of use."""
    if not isinstance(value, list) or not value:
        raise InputError(f"{name}：应为按使用年度填写的金额列表（每年一个，以元计），收到{shown(value)}")
    if len(value) > max_years:
        raise InputError(f"{name}：填了{len(value)}个年度，最多{max_years}个")
    return [money_input(v, f"{name}第{i + 1}年") for i, v in enumerate(value)]


def flag_input(inputs: dict[str, Any], key: str, name: str | None = None) -> bool:
    """A true/false input; absent (or null) means false."""
    v = inputs.get(key)
    if v is None:
        return False
    if not isinstance(v, bool):
        raise InputError(f"{name or key}：应填 true（是）或 false（否），收到{shown(v)}")
    return v


def require(inputs: dict[str, Any], key: str, name: str | None = None) -> Any:
    """The input named ``key``; InputError (naming it as ``name``) when it is missing."""
    if key not in inputs or inputs[key] is None:
        raise InputError(f"缺少输入项：{name or key}")
    return inputs[key]


def unit_label(label: str, unit: str) -> str:
    """A label with its unit as forms show it: 云服务费（元）."""
    return {"yuan": f"{label}（元）", "yuan_per_year": f"每年{label}（元）"}.get(unit, label)


class CalculatorKind(Model):
    """Base of every calculator kind: cited numbers plus the behaviour that uses them.

    A kind implements ``input_specs``, ``headline``, ``citations`` and
    ``compute``; ``warnings`` are cited notes every estimate of the
    programme carries (what the text leaves open), ``labels`` the Chinese
    names of inputs the text words itself (e.g. 年度全库纳税).
    """

    kind: str
    warnings: list[CitedText] = Field(default=[], description="Cited notes every estimate carries.")
    labels: dict[str, str] = Field(default={}, description="Chinese names of inputs, by input name.")

    @model_validator(mode="after")
    def _labels_name_inputs(self) -> CalculatorKind:
        names = {s.name for s in self.input_specs()}
        unknown = sorted(set(self.labels) - names)
        if unknown:
            raise ValueError(f"labels for inputs this kind does not take: {unknown}; inputs: {sorted(names)}")
        return self

    def label(self, name: str, default: str | None = None) -> str:
        """The Chinese name of an input: from ``labels``, else ``default``; a missing one is a data error."""
        text = self.labels.get(name) or default
        if text is None:
            raise ValueError(f"labels.{name} is required for a {self.kind} calculator")
        return text

    def named(self, key: str) -> str:
        """An input as error messages name it: its Chinese label and its key, e.g. 云服务合同额（contract_cny）."""
        spec = next((s for s in self.input_specs() if s.name == key), None)
        return named(spec.label if spec else None, key)

    def input_specs(self) -> list[InputSpec]:
        """The inputs this kind takes, required ones first."""
        raise NotImplementedError

    def headline(self) -> Headline:
        """Rate, cap and years in words, generated from the cited values."""
        raise NotImplementedError

    def citations(self) -> list[Citation]:
        """Every citation the kind's numbers rest on, headline ones first, without repeats."""
        raise NotImplementedError

    def compute(self, prog: Programme, inputs: dict[str, Any], ctx: KindContext) -> ItemEstimate:
        """The programme's estimate for these inputs, one cited step per operation."""
        raise NotImplementedError

    def warning_notes(self) -> list[Note]:
        """The kind's cited warnings as estimate notes."""
        return [Note(text=w.text, citation=w.cite) for w in self.warnings]


def unique_citations(cites: list[Citation]) -> list[Citation]:
    """Citations in order, each (article, quote) once."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for c in cites:
        key = (c.doc_id, c.article, c.quote)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
