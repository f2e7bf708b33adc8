"""Who is asking (CONTRACT ``Profile``): every field optional, money as ``Decimal``, nothing ignored quietly.

A missing field is unknown, never false. An unknown field, a number that is
not finite, negative, implausibly large or over-long is refused with a
one-line message naming the field (and, for a misspelt field, the field it
was probably meant to be).
"""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from calculators.base import parse_amount

OrgType = Literal["enterprise", "public_institution", "social_organization", "private_non_enterprise", "university",
                  "vocational_school", "training_institution", "research_institute"]

MAX_COUNT = 10**9  # a count of people, products or enterprises beyond this is a typing accident
MAX_LIST = 100


def _money(value: Any) -> Any:
    return None if value is None else parse_amount(value, max_places=2)


def _ratio(value: Any) -> Any:
    if value is None:
        return None
    d = parse_amount(value)
    if d > 1:
        raise ValueError(f"must be a share between 0 and 1 (0.8 for 80 %), got {value!r}")
    return d


def _count(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(f"must be a whole number, got {value!r}")
    d = parse_amount(value)
    if d != d.to_integral_value() or d > MAX_COUNT:
        raise ValueError(f"must be a whole number up to {MAX_COUNT}, got {value!r}")
    return int(d)


Money = Annotated[Decimal, BeforeValidator(_money)]
Ratio = Annotated[Decimal, BeforeValidator(_ratio)]
Count = Annotated[int, BeforeValidator(_count)]
Name = Annotated[str, Field(min_length=1, max_length=80)]


class Profile(BaseModel):
    """Who is asking (CONTRACT ``Profile``). Every field is optional: missing means unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    side: Literal["enterprise", "provider"] | None = Field(default=None, description="Buys cloud services or provides them.")
    province: str | None = Field(default=None, max_length=40, description="Province of registration.")
    city: str | None = Field(default=None, max_length=40, description="City of registration.")
    district: str | None = Field(default=None, max_length=40, description="District of registration.")
    independent_legal_person: bool | None = Field(default=None, description="独立法人.")
    org_type: OrgType | None = Field(default=None, description="Kind of organisation.")
    industrial: bool | None = Field(default=None, description="An industrial / manufacturing enterprise.")
    software_it: bool | None = Field(default=None, description="A software or IT service enterprise.")
    four_above: bool | None = Field(default=None, description="A 四上 enterprise.")
    hq_enterprise: bool | None = Field(default=None, description="A city- or district-recognised headquarters.")
    new_key_investment: bool | None = Field(default=None, description="A newly attracted key enterprise (新招商重点企业).")
    has_local_factory: bool | None = Field(default=None, description="Has a factory or workshop in the district.")
    established_on: dt.date | None = Field(default=None, description="Date of establishment.")
    annual_tax_cny: Money | None = Field(default=None, description="Total tax paid last year (全库纳税), yuan.")
    paid_in_capital_cny: Money | None = Field(default=None, description="实缴注册资本, yuan.")
    registered_capital_cny: Money | None = Field(default=None, description="注册资本, yuan.")
    first_cloud_purchase: bool | None = Field(default=None, description="First purchase of cloud services.")
    bad_credit_record: bool | None = Field(default=None, description="不良信用记录.")
    dishonest_record: bool | None = Field(default=None, description="失信行为.")
    fiscal_violation_5y: bool | None = Field(default=None, description="Serious fiscal violation in 5 years.")
    cluster_pilot: bool | None = Field(default=None, description="In a Guangdong industrial-cluster pilot.")
    received_programmes: list[Name] | None = Field(default=None, max_length=MAX_LIST,
                                                   description="Programme ids already received.")
    experts: Count | None = Field(default=None, description="Experts serving manufacturers.")
    software_products: Count | None = Field(default=None, description="Software products for manufacturers.")
    enterprises_served_per_year: Count | None = Field(default=None, description="Manufacturers served a year.")
    qualified_staff_ratio: Ratio | None = Field(default=None, description="Share of qualified staff, 0..1.")
    service_revenue_cny: Money | None = Field(default=None, description="Provider's annual service revenue, yuan.")
    security_certifications: list[Name] | None = Field(default=None, max_length=MAX_LIST,
                                                       description="Certifications held, e.g. ISO27001.")
    violations_3y: bool | None = Field(default=None, description="Criminal or major administrative penalty in 3 years.")

    @field_validator("independent_legal_person", "industrial", "software_it", "four_above", "hq_enterprise",
                     "new_key_investment", "has_local_factory", "first_cloud_purchase", "bad_credit_record",
                     "dishonest_record", "fiscal_violation_5y", "cluster_pilot", "violations_3y", mode="before")
    @classmethod
    def _strict_bool(cls, v: Any) -> Any:
        if v is not None and not isinstance(v, bool):
            raise ValueError("must be true or false")
        return v


class ProfileError(ValueError):
    """A profile that does not validate."""


def parse_profile(data: Any) -> Profile:
    """Validate a profile object; ProfileError names the first bad field (and suggests a misspelt one)."""
    if not isinstance(data, dict):
        raise ProfileError("profile must be a JSON object")
    fields = list(Profile.model_fields)
    for key in data:
        if key not in Profile.model_fields:
            close = difflib.get_close_matches(str(key), fields, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(fields)}"
            raise ProfileError(f"profile field {str(key)[:40]!r} is not a known field{hint}")
    try:
        return Profile.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(x) for x in err["loc"]) or "profile"
        msg = err["msg"].removeprefix("Value error, ")
        raise ProfileError(f"profile field {where}: {msg}"[:300]) from None
