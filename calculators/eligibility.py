"""Eligibility in three-valued logic: each criterion is met (True), not met (False) or unknown (None).

Unknown is never read as true or false: it propagates through ``any_of`` /
``all_of`` and names the profile field that would settle it. A programme is
eligible only when every blocking criterion is met, ineligible when any is not
met, unknown otherwise. Attestations (what only the reviewing office judges)
are listed and never block. Each rule evaluates itself (``calculators.rules``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from calculators.models import Citation, CitedText, Criterion, Programme
from calculators.periods import AsOf, day_of
from calculators.rules import Place, RuleContext, and3

__all__ = ["Eligibility", "Place", "Reason", "Verdict", "check"]

Verdict = Literal["eligible", "ineligible", "unknown"]


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


def check(prog: Programme, profile: dict[str, Any], place: Place, as_of: AsOf | dt.date) -> Eligibility:
    """Evaluate every criterion of a programme and combine them into a verdict."""
    ctx = RuleContext(profile=profile, place=place, as_of=day_of(as_of), programme_id=prog.id)
    reasons = []
    for c in prog.eligibility:
        met, missing = c.rule.evaluate(ctx)
        reasons.append(_reason(c, met, missing))
    blocking = [r.met for r in reasons if r.blocking or r.met is False]
    verdict: Verdict = {True: "eligible", False: "ineligible", None: "unknown"}[and3(blocking)]
    missing = list(dict.fromkeys(f for r in reasons if r.met is None for f in r.missing))
    return Eligibility(programme=prog.id, verdict=verdict, reasons=reasons, missing=missing,
                       attestations=prog.attestations)


def _reason(c: Criterion, met: bool | None, missing: list[str]) -> Reason:
    return Reason(id=c.id, condition=c.label, met=met, blocking=c.blocking, missing=missing, citation=c.cite)
