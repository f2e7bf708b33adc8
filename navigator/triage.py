"""What the match page and the company report show first: programmes that can still apply, and the questions
that would settle the most verdicts.

``service.match`` checks every programme; this module arranges its results for
a reader. Programmes that cannot apply (not eligible, closed on the date, or
meant for the other side) are set apart with the reason, the rest are ranked
eligible-and-open first and by estimated amount, and the unknown answers are
ranked by how many of the remaining verdicts they would decide.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from calculators.models import Programme
from navigator.labels import field_label, side_label
from navigator.programmes import Registry
from navigator.service import Profile, estimate, match

Group = Literal["apply", "closed", "ineligible", "other_side"]
GROUP_TITLES: dict[str, str] = {
    "apply": "可以申请或待确认",
    "closed": "已截止或已失效（仅供了解）",
    "ineligible": "不符合条件",
    "other_side": "面向另一类申请人",
}
KEY_QUESTIONS = 5
_STATUS_RANK = {"open": 0, "not_yet_open": 1, "unknown": 2, "closed": 3}
_VERDICT_RANK = {"eligible": 0, "unknown": 1, "ineligible": 2}


class Item(BaseModel):
    """One programme's match result as the page shows it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    programme: str
    title: str
    side: str
    verdict: str
    status: str
    group: Group
    why_set_apart: str | None = Field(default=None, description="Why it cannot apply, in Chinese.")
    estimate_cny: Decimal | None = Field(default=None, description="The estimated subsidy, when the facts allow.")
    result: dict[str, Any] = Field(description="The match result (CONTRACT shape with extra keys).")


class KeyQuestion(BaseModel):
    """An unknown answer and the verdicts it would settle."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    label: str
    programmes: list[str]


class Triage(BaseModel):
    """Match results arranged for a reader."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date
    items: list[Item] = Field(description="Programmes that can apply first, then the ones set apart.")
    key_questions: list[KeyQuestion]

    def group(self, name: Group) -> list[Item]:
        """The items of one group, in order."""
        return [i for i in self.items if i.group == name]


def inputs_from_profile(prog: Programme, profile: dict[str, Any], amount: Decimal | None) -> dict[str, Any] | None:
    """The estimate inputs one amount of cloud spending and the profile give for a programme, or None.

    ``amount`` is what the enterprise spends (fees or contract value; the first
    year for multi-year schemes); the tax, capital, city and pilot status come
    from the profile, as each input's spec names its profile field. None when a
    needed fact is missing: no figure from a guess.
    """
    calc = prog.calculator
    if calc is None or amount is None:
        return None
    specs = calc.input_specs()
    out: dict[str, Any] = {}
    for s in specs:
        if s.unit == "bool" and s.profile_field and profile.get(s.profile_field) is not None:
            out[s.name] = bool(profile[s.profile_field])
    for s in specs:
        if s.unit == "bool" or (s.needed_when and out.get(s.needed_when) is not True):
            continue
        if s.profile_field:
            value = profile.get(s.profile_field)
        elif s.unit == "yuan_per_year":
            value = [str(amount)]
        else:
            value = str(amount)
        if value is None:
            replaced = any(o.replaces == s.name and out.get(o.needed_when or "") is True for o in specs)
            if s.required and not replaced:
                return None
            continue
        out[s.name] = str(value) if s.unit == "yuan" else value
    for s in specs:
        if s.replaces and s.name in out:
            out.pop(s.replaces, None)
    return out


def _estimate(prog: Programme, profile: dict[str, Any], amount: Decimal | None, reg: Registry):
    inputs = inputs_from_profile(prog, profile, amount)
    if inputs is None:
        return None
    try:
        return estimate({"programme": prog.id, "inputs": inputs}, reg)
    except ValueError:  # InputError: the facts do not make a valid request (e.g. an excluded city)
        return None


def triage(profile: Profile, as_of: dt.date, reg: Registry, amount: Decimal | None = None) -> Triage:
    """Every programme's result, arranged: what can apply first (eligible and open, larger amounts first).

    Args:
        profile: The enterprise or provider, as far as it is known.
        as_of: The evaluation date.
        reg: The programme registry.
        amount: Cloud spending to estimate with (fees or contract value), if the asker gave one.
    """
    data = profile.model_dump(exclude_none=True)
    items = []
    for r in match(profile, as_of, reg):
        prog = reg.programmes[r["programme"]]
        est = None if r["verdict"] == "ineligible" else _estimate(prog, data, amount, reg)
        if est is not None:
            r = {**r, "estimate": est.to_contract()}
        group: Group = "apply"
        why = None
        if profile.side and prog.side != profile.side:
            group, why = "other_side", f"该项目面向{side_label(prog.side)}"
        elif r["verdict"] == "ineligible":
            failed = [x["condition"] for x in r["reasons"] if x["met"] is False]
            group, why = "ineligible", "不符合：" + "；".join(failed) if failed else "不符合条件"
        elif r["status"] == "closed":
            group, why = "closed", f"按 {as_of.isoformat()} 已截止或已失效，不能再申报"
        elif profile.side is None and prog.side == "provider":
            group, why = "other_side", f"该项目面向{side_label('provider')}；如您是购买云服务的企业可不看"
        items.append(Item(programme=prog.id, title=prog.title, side=prog.side, verdict=r["verdict"],
                          status=r["status"], group=group, why_set_apart=why,
                          estimate_cny=est.total_cny if est is not None else None, result=r))
    order = {g: n for n, g in enumerate(GROUP_TITLES)}
    items.sort(key=lambda i: (order[i.group], _VERDICT_RANK[i.verdict], _STATUS_RANK[i.status],
                              -(i.estimate_cny or Decimal(0)), len(i.result["missing"])))
    return Triage(as_of=as_of, items=items, key_questions=key_questions(items))


def key_questions(items: list[Item], n: int = KEY_QUESTIONS) -> list[KeyQuestion]:
    """The unknown answers that would settle the most verdicts among the programmes that can still apply.

    Open programmes count double: settling them matters now.
    """
    weight: Counter[str] = Counter()
    progs: dict[str, list[str]] = {}
    for i in items:
        if i.group != "apply" or i.verdict != "unknown":
            continue
        for f in i.result["missing"]:
            weight[f] += 2 if i.status == "open" else 1
            progs.setdefault(f, []).append(i.programme)
    ranked = sorted(weight, key=lambda f: (-weight[f], list(progs).index(f)))
    return [KeyQuestion(field=f, label=field_label(f), programmes=progs[f]) for f in ranked[:n]]
