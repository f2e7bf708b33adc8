"""Eligibility rules as a tagged union: each rule names its operator, is validated at load, and evaluates itself.

A rule sets exactly one operator (``equals``, ``gte``, ``in``, ``excludes_self``,
``min_years``, ``certificate``, ``region``, ``any_of``, ``all_of``); a rule on a
profile field names a field that exists on ``Profile`` and compares it with a
value that field can hold. Evaluation is three-valued: True (met), False (not
met) or None (unknown), with the profile fields that would settle an unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, model_validator

from calculators.base import Model
from calculators.periods import civil_code_last_day
from calculators.profile import Profile

Result = tuple[bool | None, list[str]]


class Place(BaseModel):
    """A registered place, normalised: full names, province filled in from the city when known."""

    model_config = ConfigDict(frozen=True)

    province: str | None = None
    city: str | None = None
    district: str | None = None


class RuleContext(BaseModel):
    """What a rule is evaluated against: the profile's known fields, the place, the date, the programme."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    profile: dict[str, Any]
    place: Place
    as_of: dt.date
    programme_id: str


def and3(values: list[bool | None]) -> bool | None:
    """Three-valued AND: False if any is False, True if all are True, else unknown (None)."""
    if any(v is False for v in values):
        return False
    if all(v is True for v in values):
        return True
    return None


def or3(values: list[bool | None]) -> bool | None:
    """Three-valued OR: True if any is True, False if all are False, else unknown (None)."""
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None


class _FieldRule(Model):
    """A rule on one profile field; an unknown (missing) field gives an unknown result naming it."""

    field: str = Field(description="A Profile field.")

    def _probe(self) -> Any:
        """A value the field must accept for this rule to make sense (the comparand, or a sample)."""
        raise NotImplementedError

    @model_validator(mode="after")
    def _field_exists(self) -> _FieldRule:
        fields = Profile.model_fields
        if self.field not in fields:
            raise ValueError(f"rule on {self.field!r}: not a Profile field")
        try:
            Profile.model_validate({self.field: self._probe()})
        except ValidationError as e:
            raise ValueError(f"rule on {self.field!r}: {type(self).__name__} does not fit the field "
                             f"({e.errors()[0]['msg']})") from None
        return self

    def evaluate(self, ctx: RuleContext) -> Result:
        """Met, not met or unknown on this profile."""
        value = ctx.profile.get(self.field)
        if value is None:
            return None, [self.field]
        return self.test(value, ctx), []

    def test(self, value: Any, ctx: RuleContext) -> bool | None:
        raise NotImplementedError


class Equals(_FieldRule):
    """The field equals a value (true / false / a word)."""

    equals: bool | str

    def _probe(self) -> Any:
        return self.equals

    def test(self, value: Any, ctx: RuleContext) -> bool | None:
        return value == self.equals


class AtLeast(_FieldRule):
    """The field is at least a number (以上 / 不低于 / 不少于 include the number: 民法典第一千二百五十九条)."""

    gte: Decimal

    def _probe(self) -> Any:
        return self.gte

    def test(self, value: Any, ctx: RuleContext) -> bool | None:
        return Decimal(value) >= self.gte


class OneOf(_FieldRule):
    """The field is one of the listed values."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    isin: list[str] = Field(alias="in", min_length=1)

    def _probe(self) -> Any:
        return self.isin[0]

    @model_validator(mode="after")
    def _every_value_fits(self) -> OneOf:
        for v in self.isin:
            Profile.model_validate({self.field: v})
        return self

    def test(self, value: Any, ctx: RuleContext) -> bool | None:
        return value in self.isin


class ExcludesSelf(_FieldRule):
    """The list field does not hold this programme's id (support received once only)."""

    excludes_self: Literal[True]

    def _probe(self) -> Any:
        return []

    def test(self, value: Any, ctx: RuleContext) -> bool | None:
        return ctx.programme_id not in value


class MinYears(_FieldRule):
    """The date field lies at least N full years before the evaluation date, counted as the Civil Code counts.

    From an establishment date D the period starts the next day (民法典第二百零一条) and
    ends at 24:00 of D's corresponding day N years later (第二百零二条、第二百零三条):
    the condition is met from the following day.
    """

    min_years: int = Field(ge=1)

    def _probe(self) -> Any:
        return "2000-01-01"

    def test(self, value: Any, ctx: RuleContext) -> bool | None:
        born = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return ctx.as_of > civil_code_last_day(born, self.min_years)


def _cert_key(name: str) -> str:
    """A certificate name reduced for comparison: no spaces or case, no /IEC, no edition year."""
    key = re.sub(r"\s+", "", name).upper().replace("/IEC", "").replace("：", ":")
    return re.sub(r"[-:]\d{2,4}$", "", key)


class CertificateList(Model):
    """Which certificates satisfy a condition, as the text names them (and which plainly do not)."""

    meets: list[str] = Field(min_length=1, description="Certificates that satisfy the condition.")
    does_not_meet: list[str] = Field(default=[], description="Certificates of another kind (quality, environment).")


class Certificate(_FieldRule):
    """The list field holds a certificate that satisfies the condition.

    Met when one held certificate is listed under ``meets``; not met when none
    is held or every one held is listed under ``does_not_meet``; unknown when
    a held certificate is on neither list (the reviewing office judges it).
    """

    certificate: CertificateList

    def _probe(self) -> Any:
        return []

    def test(self, value: Any, ctx: RuleContext) -> bool | None:
        held = {_cert_key(str(v)) for v in value}
        if held & {_cert_key(m) for m in self.certificate.meets}:
            return True
        if held <= {_cert_key(m) for m in self.certificate.does_not_meet}:
            return False
        return None


class Region(Model):
    """The unit is registered in the programme's place (province / city / district), outside excluded cities.

    ``outside: unknown`` is for a text that routes applications through local
    offices without saying a unit registered elsewhere may not apply.
    """

    region: dict[Literal["province", "city", "district"], str] = Field(min_length=1)
    exclude_cities: list[str] = Field(default=[])
    outside: Literal["not_met", "unknown"] = "not_met"

    def evaluate(self, ctx: RuleContext) -> Result:
        """Compare the registered place with the programme's, level by level."""
        place = ctx.place
        if place.city and place.city in self.exclude_cities:
            return False, []
        for level in ("province", "city", "district"):
            have, need = getattr(place, level), self.region.get(level)
            if need and have and have != need:
                return (False if self.outside == "not_met" else None), []
        for level in ("province", "city", "district"):
            if self.region.get(level) and not getattr(place, level):
                return None, [level]
        if self.exclude_cities and not place.city:
            return None, ["city"]
        return True, []


class AnyOf(Model):
    """At least one of the rules is met (three-valued)."""

    any_of: list[Rule] = Field(min_length=1)

    def evaluate(self, ctx: RuleContext) -> Result:
        parts = [r.evaluate(ctx) for r in self.any_of]
        result = or3([v for v, _ in parts])
        return result, ([] if result is not None else [f for v, fs in parts if v is None for f in fs])


class AllOf(Model):
    """Every rule is met (three-valued)."""

    all_of: list[Rule] = Field(min_length=1)

    def evaluate(self, ctx: RuleContext) -> Result:
        parts = [r.evaluate(ctx) for r in self.all_of]
        result = and3([v for v, _ in parts])
        return result, ([] if result is not None else [f for v, fs in parts if v is None for f in fs])


_OPERATORS = {"equals": Equals, "gte": AtLeast, "in": OneOf, "excludes_self": ExcludesSelf, "min_years": MinYears,
              "certificate": Certificate, "region": Region, "any_of": AnyOf, "all_of": AllOf}
_TAGS = {cls: tag for tag, cls in _OPERATORS.items()}


def _operator(value: Any) -> str | None:
    """The rule's tag: the one operator key it sets (None when it sets none or several)."""
    if isinstance(value, dict):
        ops = [k for k in _OPERATORS if k in value or (k == "in" and "isin" in value)]
        return ops[0] if len(ops) == 1 else None
    return _TAGS.get(type(value))


Rule = Annotated[
    Annotated[Equals, Tag("equals")] | Annotated[AtLeast, Tag("gte")] | Annotated[OneOf, Tag("in")]
    | Annotated[ExcludesSelf, Tag("excludes_self")] | Annotated[MinYears, Tag("min_years")]
    | Annotated[Certificate, Tag("certificate")] | Annotated[Region, Tag("region")]
    | Annotated[AnyOf, Tag("any_of")] | Annotated[AllOf, Tag("all_of")],
    Discriminator(_operator, custom_error_type="rule_operator",
                  custom_error_message=f"a rule sets exactly one operator of: {', '.join(_OPERATORS)}"),
]

AnyOf.model_rebuild()
AllOf.model_rebuild()
