"""Chinese words for what the product shows a reader: profile fields and values, verdicts, statuses, money.

The words are data (``knowledge/labels.yaml``); this module formats values with them, so
the pages, the exports and the company report print the same thing and never a
raw ``True``, ``[]`` or a CONTRACT key.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from navigator.corpus import KNOWLEDGE

LABELS_FILE = KNOWLEDGE / "labels.yaml"
FEN = Decimal("0.01")


@functools.lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    """The label tables from ``knowledge/labels.yaml``."""
    return yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))


def field_label(field: str) -> str:
    """A profile field in Chinese; an unknown key is returned as is only if it has no label."""
    return labels()["fields"].get(field, field)


def verdict_label(verdict: str) -> str:
    """符合条件 / 不符合 / 待补充信息."""
    return labels()["verdicts"].get(verdict, labels()["verdicts"]["unknown"])


def status_label(status: str) -> str:
    """开放中 / 已截止 / 尚未开始 / 时间不明."""
    return labels()["statuses"].get(status, labels()["statuses"]["unknown"])


def met_label(met: bool | None) -> str:
    """符合 / 不符合 / 待确认 for one condition."""
    return labels()["met"][{True: "true", False: "false", None: "null"}[met]]


def side_label(side: str | None) -> str:
    """The applicant type in words."""
    return labels()["sides"].get(side or "", "未知")


def money(value: Any) -> str:
    """An amount in yuan with thousands separators and two decimals: ``75,000.00 元``.

    The full figure is always written (never abbreviated); a value that is not a
    number is returned as text.
    """
    try:
        d = Decimal(str(value)).quantize(FEN, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{d:,.2f} 元"


def money_wan(value: Any) -> str:
    """An amount in 万元 as well as 元, for headlines: ``7.5万元（75,000.00 元）``."""
    try:
        d = Decimal(str(value)).quantize(FEN, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(value)
    if abs(d) < 10000:
        return money(d)
    wan = (d / 10000).normalize()
    return f"{wan:,f}万元（{money(d)}）"


class ProfileLine(BaseModel):
    """One profile field as a reader sees it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str = Field(description="The CONTRACT field name (for links back to the form).")
    label: str = Field(description="The field in Chinese.")
    value: str = Field(description="The value in Chinese: 是/否, amounts in 元, programme titles, dates.")


def value_text(field: str, value: Any, title_of: Callable[[str], str] | None = None) -> str:
    """One profile value in Chinese.

    Args:
        field: The CONTRACT field name.
        value: Its value as the profile holds it.
        title_of: Turns a programme id into its title (for ``received_programmes``).
    """
    table = labels()
    if value is None:
        return "未知"
    if isinstance(value, bool):
        return table["bool_values"]["true" if value else "false"]
    if field == "side":
        return side_label(value)
    if field == "org_type":
        return table["org_types"].get(value, str(value))
    if field in table["money_fields"]:
        return money(value)
    if field == "qualified_staff_ratio":
        try:
            return f"{Decimal(str(value)) * 100:.1f}%"
        except (InvalidOperation, ValueError):
            return str(value)
    if field in table["count_fields"]:
        return f"{value}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        if not value:
            return table["empty_list"]
        names = [title_of(str(v)) if title_of and field == "received_programmes" else str(v) for v in value]
        return "、".join(names)
    return str(value)


def profile_lines(profile: Mapping[str, Any] | None, title_of: Callable[[str], str] | None = None) -> list[ProfileLine]:
    """The known fields of a profile, in the order of ``labels.yaml``, each in Chinese.

    Unknown (missing or None) fields are left out; fields the label table does
    not name come last under their own key.
    """
    data = {k: v for k, v in (profile or {}).items() if v is not None}
    order = list(labels()["fields"])
    keys = [k for k in order if k in data] + sorted(k for k in data if k not in order)
    return [ProfileLine(field=k, label=field_label(k), value=value_text(k, data[k], title_of)) for k in keys]
