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
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from calculators.base import named, parse_amount, shown

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
        raise ValueError(f"应为0到1之间的比例（80%填0.8），收到{shown(value)}")
    return d


def _count(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(f"应为整数，收到{shown(value)}")
    d = parse_amount(value)
    if d != d.to_integral_value() or d > MAX_COUNT:
        raise ValueError(f"应为不超过{MAX_COUNT}的非负整数，收到{shown(value)}")
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
            raise ValueError(f"应填 true（是）或 false（否），收到{shown(v)}")
        return v


class ProfileError(ValueError):
    """A profile that does not validate: one line in Chinese naming the field.

    ``str(error)`` names the field by its Chinese label and its key (for a
    profile written as JSON); ``text`` names it by the label only, for pages
    where the reader never saw the key; ``field`` is the key (None when the
    profile as a whole is wrong).
    """

    def __init__(self, message: str, *, text: str | None = None, field: str | None = None):
        super().__init__(message)
        self.text = text or message
        self.field = field


# Pydantic's error types, as a reader is told them; {x} are the error's context values.
_REASONS: dict[str, str] = {
    "bool_type": "应填 true（是）或 false（否）",
    "bool_parsing": "应填 true（是）或 false（否）",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "string_too_long": "最多{max_length}个字",
    "too_long": "最多{max_length}项",
    "too_short": "至少{min_length}项",
    "list_type": "应为列表，如 [\"ISO27001\"]",
    "date_type": "应为日期，格式 YYYY-MM-DD",
    "date_parsing": "应为日期，格式 YYYY-MM-DD",
    "date_from_datetime_parsing": "应为日期，格式 YYYY-MM-DD",
    "date_from_datetime_inexact": "应为日期（不含时刻），格式 YYYY-MM-DD",
    "literal_error": "应为以下之一：{expected}",
}


def _reason(err: dict[str, Any]) -> str:
    """One validation error's reason in Chinese (our validators' messages are Chinese already)."""
    if err["type"] == "value_error":
        return str(err["ctx"]["error"]) if "error" in err.get("ctx", {}) else err["msg"].removeprefix("Value error, ")
    ctx = {k: str(v).replace("' or '", "、").replace("', '", "、").strip("'") for k, v in (err.get("ctx") or {}).items()}
    template = _REASONS.get(err["type"], "取值无效")
    try:
        text = template.format(**ctx)
    except (KeyError, IndexError):
        text = "取值无效"
    return f"{text}，收到{shown(err.get('input'))}"


def _where(loc: tuple[Any, ...], label: Callable[[str], str] | None) -> tuple[str, str, str | None]:
    """The field a validation error is about: (with its key, label only, key)."""
    if not loc:
        return "企业信息", "企业信息", None
    key = str(loc[0])
    text = label(key) if label else None
    item = "".join(f"第{int(i) + 1}项" if isinstance(i, int) else f"·{i}" for i in loc[1:])
    return named(text, key) + item, (text or key).removesuffix("（元）") + item, key


def parse_profile(data: Any, label: Callable[[str], str] | None = None) -> Profile:
    """Validate a profile object.

    Args:
        data: The profile as JSON gives it.
        label: The Chinese name of a field (``navigator.labels.field_label``); without it, fields are named by key.

    Raises:
        ProfileError: names the first bad field and, for a misspelt one, the field it was probably meant to be.
    """
    if not isinstance(data, dict):
        raise ProfileError(f"企业信息应为 JSON 对象，如 {{\"city\": \"广州市\"}}，收到{shown(data)}")
    fields = list(Profile.model_fields)
    for key in data:
        if key not in Profile.model_fields:
            close = difflib.get_close_matches(str(key), fields, n=1, cutoff=0.6)
            hint = (f"是否指 {named(label(close[0]) if label else None, close[0])}？" if close
                    else f"可填的项：{', '.join(fields)}")
            raise ProfileError(f"企业信息中没有{shown(str(key))}这一项；{hint}", field=str(key)[:40])
    try:
        return Profile.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where, plain, key = _where(tuple(err["loc"]), label)
        reason = _reason(err)
        raise ProfileError(f"{where}：{reason}"[:300], text=f"{plain}：{reason}"[:300], field=key) from None
