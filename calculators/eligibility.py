"""Eligibility in three-valued logic: each criterion is met (True), not met (False) or unknown (None).

Unknown is never read as true or false: it propagates through ``any_of`` /
``all_of`` and names the profile field that would settle it. A programme is
eligible only when every blocking criterion is met, ineligible when any is not
met, unknown otherwise. Attestations (what only the reviewing office judges)
are listed and never block.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from calculators.models import Citation, CitedText, Criterion, Programme, Rule

Verdict = Literal["eligible", "ineligible", "unknown"]


class Place(BaseModel):
    """A registered place, normalised: full names, province filled in from the city when known."""

    model_config = ConfigDict(frozen=True)

    province: str | None = None
    city: str | None = None
    district: str | None = None


class Reason(BaseModel):
    """The result of one criterion."""

    model_config = ConfigDict(frozen=True)

    id: str
    condition: str
    met: bool | None
    blocking: bool
    missing: list[str]
    citation: Citation


class Eligibility(BaseModel):
    """A programme's verdict with the reasons behind it."""

    model_config = ConfigDict(frozen=True)

    programme: str
    verdict: Verdict
    reasons: list[Reason]
    missing: list[str]
    attestations: list[CitedText]


def _and(values: list[bool | None]) -> bool | None:
    if any(v is False for v in values):
        return False
    if all(v is True for v in values):
        return True
    return None


def _or(values: list[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None


def _years_between(start: dt.date, end: dt.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _region(rule: Rule, place: Place) -> tuple[bool | None, list[str]]:
    """Compare the registered place with the programme's, level by level."""
    want = rule.region or {}
    if place.city and place.city in (rule.exclude_cities or []):
        return False, []
    for level in ("province", "city", "district"):
        have, need = getattr(place, level), want.get(level)
        if need and have and have != need:
            return False, []
    for level in ("province", "city", "district"):
        if want.get(level) and not getattr(place, level):
            return None, [level]
    if rule.exclude_cities and not place.city:
        return None, ["city"]
    return True, []


def evaluate(rule: Rule, profile: dict[str, Any], place: Place, as_of: dt.date,
             programme_id: str) -> tuple[bool | None, list[str]]:
    """Evaluate one rule on a profile. Returns (result, fields that would settle an unknown)."""
    if rule.any_of is not None or rule.all_of is not None:
        parts = [evaluate(r, profile, place, as_of, programme_id) for r in (rule.any_of or rule.all_of or [])]
        values = [v for v, _ in parts]
        result = _or(values) if rule.any_of is not None else _and(values)
        missing = [] if result is not None else [f for v, fs in parts if v is None for f in fs]
        return result, missing
    if rule.region is not None:
        return _region(rule, place)
    field = rule.field or ""
    value = profile.get(field)
    if value is None:
        return None, [field]
    if rule.equals is not None:
        return value == rule.equals, []
    if rule.gte is not None:
        try:
            return Decimal(str(value)) >= rule.gte, []
        except (InvalidOperation, ValueError):
            return None, [field]
    if rule.isin is not None:
        return value in rule.isin, []
    if rule.excludes_self:
        return programme_id not in value, []
    if rule.nonempty:
        return bool(value), []
    if rule.min_years is not None:
        born = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return _years_between(born, as_of) >= rule.min_years, []
    raise ValueError(f"rule on {field!r} sets no operator")


def check(prog: Programme, profile: dict[str, Any], place: Place, as_of: dt.date) -> Eligibility:
    """Evaluate every criterion of a programme and combine them into a verdict."""
    reasons = []
    for c in prog.eligibility:
        met, missing = evaluate(c.rule, profile, place, as_of, prog.id)
        reasons.append(_reason(c, met, missing))
    blocking = [r.met for r in reasons if r.blocking or r.met is False]
    verdict: Verdict = {True: "eligible", False: "ineligible", None: "unknown"}[_and(blocking)]
    missing = list(dict.fromkeys(f for r in reasons if r.met is None for f in r.missing))
    return Eligibility(programme=prog.id, verdict=verdict, reasons=reasons, missing=missing,
                       attestations=prog.attestations)


def _reason(c: Criterion, met: bool | None, missing: list[str]) -> Reason:
    return Reason(id=c.id, condition=c.label, met=met, blocking=c.blocking, missing=missing, citation=c.cite)
