"""The product's operations over the registry: estimate, match, compare, status.

Each returns plain data shaped as CONTRACT.md specifies; the CLI, the answerer
and the app all call these.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from calculators.eligibility import Eligibility, check
from calculators.estimate import Estimate, InputError, combine, estimate_one, wan
from calculators.models import Programme
from calculators.status import Status, status_on
from navigator.gazetteer import gazetteer
from navigator.programmes import Registry, registry

OrgType = Literal["enterprise", "public_institution", "social_organization", "private_non_enterprise", "university",
                  "vocational_school", "training_institution", "research_institute"]


class Profile(BaseModel):
    """Who is asking (CONTRACT ``Profile``). Every field is optional: missing means unknown."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=False)

    side: Literal["enterprise", "provider"] | None = None
    province: str | None = Field(default=None, max_length=40)
    city: str | None = Field(default=None, max_length=40)
    district: str | None = Field(default=None, max_length=40)
    independent_legal_person: bool | None = None
    org_type: OrgType | None = None
    industrial: bool | None = None
    software_it: bool | None = None
    four_above: bool | None = None
    hq_enterprise: bool | None = None
    new_key_investment: bool | None = None
    has_local_factory: bool | None = None
    established_on: dt.date | None = None
    annual_tax_cny: float | None = Field(default=None, ge=0)
    paid_in_capital_cny: float | None = Field(default=None, ge=0)
    registered_capital_cny: float | None = Field(default=None, ge=0)
    first_cloud_purchase: bool | None = None
    bad_credit_record: bool | None = None
    dishonest_record: bool | None = None
    fiscal_violation_5y: bool | None = None
    cluster_pilot: bool | None = None
    received_programmes: list[str] | None = None
    experts: int | None = Field(default=None, ge=0)
    software_products: int | None = Field(default=None, ge=0)
    enterprises_served_per_year: int | None = Field(default=None, ge=0)
    qualified_staff_ratio: float | None = Field(default=None, ge=0, le=1)
    service_revenue_cny: float | None = Field(default=None, ge=0)
    security_certifications: list[str] | None = None
    violations_3y: bool | None = None

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
    """Validate a profile object; ProfileError names the first bad field."""
    if not isinstance(data, dict):
        raise ProfileError("profile must be a JSON object")
    try:
        return Profile.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(x) for x in err["loc"]) or "profile"
        raise ProfileError(f"profile field {where}: {err['msg']}") from None


def _reg(reg: Registry | None) -> Registry:
    return reg or registry()


# --- estimate ----------------------------------------------------------------------------------------


def estimate(request: Any, reg: Registry | None = None) -> Estimate:
    """Run an estimate request: ``{"programme", "inputs"}`` or ``{"items": [...]}`` (shared caps apply)."""
    reg = _reg(reg)
    if not isinstance(request, dict):
        raise InputError("the request must be a JSON object with 'programme' and 'inputs', or 'items'")
    if "items" in request:
        lines = request["items"]
        if not isinstance(lines, list) or not lines:
            raise InputError("items must be a non-empty list of {programme, inputs}")
        if len(lines) > 50:
            raise InputError("at most 50 items in one request")
    elif "programme" in request:
        lines = [request]
    else:
        raise InputError("the request needs 'programme' and 'inputs', or 'items'")
    items = []
    seen = set()
    for n, line in enumerate(lines):
        if not isinstance(line, dict) or not isinstance(line.get("programme"), str):
            raise InputError(f"item {n}: needs a 'programme' id")
        try:
            prog = reg.get(line["programme"])
        except KeyError as e:
            raise InputError(str(e.args[0])) from None
        if prog.id in seen:
            raise InputError(f"{prog.id} appears twice; give one line per programme")
        seen.add(prog.id)
        inputs = line.get("inputs")
        if not isinstance(inputs, dict):
            raise InputError(f"{prog.id}: 'inputs' must be an object")
        city = None
        if "city" in inputs:
            if not isinstance(inputs["city"], str) or not inputs["city"].strip():
                raise InputError(f"{prog.id}: city must be a city name")
            city = gazetteer().city_of(inputs["city"]) or inputs["city"].strip()
        items.append(estimate_one(prog, inputs, groups=gazetteer().groups, city=city))
    cap_ids = sorted({reg.get(i.programme).shared_cap for i in items} - {None})
    return combine(items, [reg.shared_caps[c] for c in cap_ids])


# --- match ---------------------------------------------------------------------------------------------


def status(prog: Programme, as_of: dt.date) -> Status:
    """The programme's application window or validity on ``as_of``."""
    return status_on(prog.window, as_of)


def eligibility(prog: Programme, profile: Profile, as_of: dt.date) -> Eligibility:
    """Check one programme against a profile."""
    g = gazetteer()
    place = g.place(profile.province, profile.city, profile.district)
    data = profile.model_dump(exclude_none=True)
    return check(prog, data, place, as_of)


_VERDICT_ORDER = {"eligible": 0, "unknown": 1, "ineligible": 2}
_STATUS_ORDER = {"open": 0, "not_yet_open": 1, "unknown": 2, "closed": 3}


def match(profile: Profile, as_of: dt.date, reg: Registry | None = None,
          inputs: dict[str, dict] | None = None) -> list[dict[str, Any]]:
    """Every programme with its verdict, reasons, missing fields, status and (when inputs allow) estimate.

    Best matches first: eligible before unknown before ineligible; within a
    verdict, open programmes first and fewer unknowns first.
    """
    reg = _reg(reg)
    results = []
    for prog in reg.programmes.values():
        el = eligibility(prog, profile, as_of)
        est = None
        if inputs and prog.id in inputs and el.verdict != "ineligible":
            try:
                est = estimate({"programme": prog.id, "inputs": inputs[prog.id]}, reg).to_contract()
            except InputError:
                est = None
        results.append({
            "programme": prog.id,
            "title": prog.title,
            "side": prog.side,
            "verdict": el.verdict,
            "status": status(prog, as_of),
            "reasons": [{"condition": r.condition, "met": r.met, "blocking": r.blocking, "missing": r.missing,
                         "citation": r.citation.model_dump()} for r in el.reasons],
            "missing": el.missing,
            "attestations": [{"text": a.text, "citation": a.cite.model_dump()} for a in el.attestations],
            "estimate": est,
        })
    side = profile.side
    results.sort(key=lambda r: (_VERDICT_ORDER[r["verdict"]], side is not None and r["side"] != side,
                                _STATUS_ORDER[r["status"]], len(r["missing"])))
    return results


# --- compare -------------------------------------------------------------------------------------------


def _cap_cny(prog: Programme) -> str | None:
    calc = prog.calculator
    if calc is None:
        return None
    for attr in ("cap_cny", "cumulative_cap_cny", "yearly_cap_cny"):
        v = getattr(calc, attr, None)
        if v is not None:
            return f"{v.value:.2f}"
    if getattr(calc, "tiers", None):
        return f"{max(t.cap_cny for t in calc.tiers):.2f}"
    return None


def _years(prog: Programme) -> int | None:
    calc = prog.calculator
    if calc is None:
        return None
    if getattr(calc, "rates", None):
        return len(calc.rates)
    years = getattr(calc, "years", None)
    return years.value if years is not None else 1


def _citations(prog: Programme) -> list[dict]:
    cites = [prog.who.cite]
    calc = prog.calculator
    if calc is not None:
        for attr in ("rates",):
            cites += [r.cite for r in getattr(calc, attr, None) or []]
        for attr in ("rate", "cap_cny", "cumulative_cap_cny", "yearly_cap_cny", "years", "cluster_pilot_rate",
                     "new_key_rate", "new_key_cap_cny"):
            v = getattr(calc, attr, None)
            if v is not None:
                cites.append(v.cite)
        cites += [t.cite for t in getattr(calc, "tiers", None) or []]
        cites += [g.rate.cite for g in getattr(calc, "groups", None) or []]
        cites += [e.cite for e in getattr(calc, "excluded", None) or []]
        if getattr(calc, "cap_note", None):
            cites.append(calc.cap_note.cite)
    cites.append(prog.window.cite)
    seen, out = set(), []
    for c in cites:
        key = (c.article, c.quote)
        if key not in seen:
            seen.add(key)
            out.append(c.model_dump())
    return out


def region_text(region: dict[str, str]) -> str:
    return "".join(region.get(k, "") for k in ("province", "city", "district"))


def describe(prog: Programme, as_of: dt.date | None = None) -> dict[str, Any]:
    """One programme as a row of the comparison table (CONTRACT ``compare``), with extra detail."""
    reg_shared = registry().shared_cap_for(prog)
    row = {
        "id": prog.id,
        "title": prog.title,
        "side": prog.side,
        "summary": prog.summary,
        "who": prog.who.text,
        "rate": prog.rate_text,
        "cap_cny": _cap_cny(prog),
        "cap": prog.cap_text,
        "years": _years(prog),
        "region": region_text(prog.region),
        "window": prog.window.text,
        "redemption": prog.window.redemption.text if prog.window.redemption else None,
        "materials": [m.text for m in prog.materials],
        "process": [p.text for p in prog.process],
        "contacts": [c.text for c in prog.contacts],
        "notes": [n.text for n in prog.notes],
        "shared_cap": (f"与{len(reg_shared.programmes)}类服务券合计当年不超过{wan(reg_shared.cap_cny.value)}"
                       if reg_shared else None),
        "citations": _citations(prog),
    }
    if as_of is not None:
        row["status"] = status(prog, as_of)
    return row


def compare(ids: list[str], as_of: dt.date | None = None, reg: Registry | None = None) -> dict[str, Any]:
    """The programmes side by side."""
    reg = _reg(reg)
    if not ids:
        raise InputError("name at least one programme id")
    progs = []
    for pid in ids:
        try:
            progs.append(reg.get(pid))
        except KeyError as e:
            raise InputError(str(e.args[0])) from None
    return {"programmes": [describe(p, as_of) for p in progs]}
