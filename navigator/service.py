"""The product's operations over the registry: estimate, match, compare, status.

Each returns plain data shaped as CONTRACT.md specifies; the CLI, the answerer
and the app all call these.
"""

from __future__ import annotations

import difflib
from typing import Any

from calculators.base import shown
from calculators.eligibility import Eligibility, check
from calculators.estimate import Estimate, InputError, combine, estimate_one, in_year, wan
from calculators.models import Citation, CitedText, KindContext, Programme
from calculators.periods import AsOf
from calculators.profile import Profile, ProfileError
from calculators.profile import parse_profile as _parse_profile
from calculators.status import Status, StatusDetail, status_detail as window_status_detail
from navigator.gazetteer import gazetteer
from navigator.labels import field_label
from navigator.programmes import Registry, registry

__all__ = ["Profile", "ProfileError", "compare", "describe", "eligibility", "estimate", "match", "parse_profile",
           "programme", "status", "status_detail"]

MAX_ITEMS = 50  # lines in one estimate request: more than any enterprise applies for in one year
MAX_YEAR_OF_USE = 10  # a line's optional year of use: the texts' subsidy periods run three years


def _reg(reg: Registry | None) -> Registry:
    return reg or registry()


# --- estimate ----------------------------------------------------------------------------------------


def parse_profile(data: Any) -> Profile:
    """Validate a profile (CONTRACT ``Profile``); ProfileError names a bad field by its Chinese label and its key."""
    return _parse_profile(data, label=field_label)


def programme(pid: Any, reg: Registry | None = None) -> Programme:
    """The programme with this id; InputError in Chinese, with the id it was probably meant to be."""
    reg = _reg(reg)
    if not isinstance(pid, str) or not pid.strip():
        raise InputError(f"项目编号应为文字，如 yichun-2023-cloud-subsidy，收到{shown(pid)}")
    if pid in reg.programmes:
        return reg.programmes[pid]
    ids = list(reg.programmes)
    close = difflib.get_close_matches(pid, ids, n=1, cutoff=0.6)
    hint = (f"是否指 {close[0]}（{reg.programmes[close[0]].title}）？" if close
            else f"可用的编号：{', '.join(ids)}")
    raise InputError(f"未知的项目编号{shown(pid)}；{hint}")


def _year_of_use(prog: Programme, line: dict[str, Any]) -> int | None:
    """The optional ``year`` of a line paid year by year on one year's fee: which year of use it falls in."""
    if "year" not in line:
        return None
    year = line["year"]
    if prog.calculator is not None and any(s.unit == "yuan_per_year" for s in prog.calculator.input_specs()):
        raise InputError(f"《{prog.title}》按使用年度逐年填写费用列表，不需要 year")
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= MAX_YEAR_OF_USE:
        raise InputError(f"《{prog.title}》的使用年度（year）应为 1 至 {MAX_YEAR_OF_USE} 的整数，收到{shown(year)}")
    return year


def estimate(request: Any, reg: Registry | None = None) -> Estimate:
    """Run an estimate request: ``{"programme", "inputs"}`` or ``{"items": [...]}`` (shared caps apply).

    Raises:
        InputError: a one-line message in Chinese naming the programme by its title and the input by its label.
    """
    reg = _reg(reg)
    if not isinstance(request, dict):
        raise InputError('测算请求应为 JSON 对象：{"programme": 项目编号, "inputs": {…}}，或 {"items": […]}')
    if "items" in request:
        lines = request["items"]
        if not isinstance(lines, list) or not lines:
            raise InputError('items 应为非空列表，每一项为 {"programme": 项目编号, "inputs": {…}}')
        if len(lines) > MAX_ITEMS:
            raise InputError(f"一次最多测算{MAX_ITEMS}个项目，收到{len(lines)}个")
    elif "programme" in request:
        lines = [request]
    else:
        raise InputError('测算请求缺少项目：应为 {"programme": 项目编号, "inputs": {…}}，或 {"items": […]}')
    items = []
    seen = set()
    for n, line in enumerate(lines):
        if not isinstance(line, dict) or "programme" not in line:
            raise InputError(f"第{n + 1}项缺少项目编号（programme）")
        prog = programme(line["programme"], reg)
        year = _year_of_use(prog, line)
        if (prog.id, year) in seen:
            raise InputError(f"《{prog.title}》出现了两次；每个项目只填一项" + (
                "" if year is None else f"（同一项目填写多年时，各项的 year 应不同，第{year}年重复）"))
        seen.add((prog.id, year))
        inputs = line.get("inputs")
        if not isinstance(inputs, dict):
            raise InputError(f"《{prog.title}》的输入项（inputs）应为 JSON 对象，收到{shown(inputs)}")
        city = None
        if "city" in inputs:
            if not isinstance(inputs["city"], str) or not inputs["city"].strip() or len(inputs["city"]) > 40:
                raise InputError(f"《{prog.title}》：城市（city）应为城市名称，如 清远市、佛山，收到{shown(inputs['city'])}")
            city = gazetteer().city_of(inputs["city"]) or inputs["city"].strip()
        item = estimate_one(prog, inputs, KindContext(groups=gazetteer().groups, city=city))
        items.append(in_year(item, year) if year is not None else item)
    cap_ids = sorted({reg.get(i.programme).shared_cap for i in items} - {None})
    return combine(items, [reg.shared_caps[c] for c in cap_ids])


# --- match ---------------------------------------------------------------------------------------------


def status(prog: Programme, as_of: AsOf) -> Status:
    """The programme's application window or validity at ``as_of`` (a date, or a Beijing date-time)."""
    return window_status_detail(prog.window, as_of).status


def status_detail(prog: Programme, as_of: AsOf) -> StatusDetail:
    """The status with its note (当日10:00起, 文件未规定有效期...) and the article it rests on."""
    return window_status_detail(prog.window, as_of)


def eligibility(prog: Programme, profile: Profile, as_of: AsOf) -> Eligibility:
    """Check one programme against a profile."""
    g = gazetteer()
    place = g.place(profile.province, profile.city, profile.district)
    data = profile.model_dump(exclude_none=True)
    return check(prog, data, place, as_of)


def _cited(items: list[CitedText]) -> list[dict[str, Any]]:
    return [{"text": c.text, "citation": c.cite.model_dump()} for c in items]


_VERDICT_ORDER = {"eligible": 0, "unknown": 1, "ineligible": 2}
_STATUS_ORDER = {"open": 0, "not_yet_open": 1, "unknown": 2, "closed": 3}


def match(profile: Profile, as_of: AsOf, reg: Registry | None = None,
          inputs: dict[str, dict] | None = None) -> list[dict[str, Any]]:
    """Every programme with its verdict, reasons, missing fields, status and (when inputs allow) estimate.

    Best matches first: eligible before unknown before ineligible; within a
    verdict, open programmes first and fewer unknowns first. Each result also
    carries ``status_note`` / ``status_citation`` and the programme's cited
    ``restrictions``.
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
        st = status_detail(prog, as_of)
        results.append({
            "programme": prog.id,
            "title": prog.title,
            "side": prog.side,
            "verdict": el.verdict,
            "status": st.status,
            "status_note": st.note,
            "status_citation": st.citation.model_dump() if st.citation else None,
            "reasons": [{"condition": r.condition, "met": r.met, "blocking": r.blocking, "missing": r.missing,
                         "citation": r.citation.model_dump()} for r in el.reasons],
            "missing": el.missing,
            "attestations": _cited(el.attestations),
            "restrictions": _cited(prog.restrictions),
            "estimate": est,
        })
    side = profile.side
    results.sort(key=lambda r: (_VERDICT_ORDER[r["verdict"]], side is not None and r["side"] != side,
                                _STATUS_ORDER[r["status"]], len(r["missing"])))
    return results


# --- compare -------------------------------------------------------------------------------------------


def _citations(prog: Programme) -> list[dict]:
    cites: list[Citation] = [prog.who.cite]
    if prog.calculator is not None:
        cites += prog.calculator.citations()
    cites.append(prog.window.cite)
    seen, out = set(), []
    for c in cites:
        key = (c.article, c.quote)
        if key not in seen:
            seen.add(key)
            out.append(c.model_dump())
    return out


def region_text(region: dict[str, str]) -> str:
    """A programme's region as one name: 广东省广州市白云区."""
    return "".join(region.get(k, "") for k in ("province", "city", "district"))


def describe(prog: Programme, as_of: AsOf | None = None, reg: Registry | None = None) -> dict[str, Any]:
    """One programme as a row of the comparison table (CONTRACT ``compare``), with extra detail.

    Besides CONTRACT's keys: the rules a holder must keep (``restrictions``),
    other cited ``notes``, where to apply (``portals``, ``forms``), the kind's
    ``inputs`` and, with a date, the status with its note and article.
    """
    shared = _reg(reg).shared_cap_for(prog)
    head = prog.calculator.headline() if prog.calculator is not None else None
    row = {
        "id": prog.id,
        "title": prog.title,
        "side": prog.side,
        "summary": prog.summary,
        "who": prog.who.text,
        "rate": prog.rate_text,
        "cap_cny": f"{head.cap_cny:.2f}" if head and head.cap_cny is not None else None,
        "cap": prog.cap_text,
        "years": head.years if head else None,
        "region": region_text(prog.region),
        "window": prog.window.text,
        "redemption": prog.window.redemption.text if prog.window.redemption else None,
        "materials": [m.text for m in prog.materials],
        "forms": _cited(prog.forms),
        "portals": [{"name": p.name, "url": p.url, "citation": p.cite.model_dump()} for p in prog.portals],
        "process": [p.text for p in prog.process],
        "contacts": [c.text for c in prog.contacts],
        "restrictions": _cited(prog.restrictions),
        "notes": [n.text for n in prog.notes],
        "cited_notes": _cited(prog.notes),
        "shared_cap": (f"与{len(shared.programmes)}类服务券合计当年不超过{wan(shared.cap_cny.value)}"
                       if shared else None),
        "inputs": [s.model_dump() for s in prog.calculator.input_specs()] if prog.calculator else [],
        "citations": _citations(prog),
    }
    if as_of is not None:
        st = status_detail(prog, as_of)
        row["status"] = st.status
        row["status_note"] = st.note
        row["status_citation"] = st.citation.model_dump() if st.citation else None
    return row


def compare(ids: list[str], as_of: AsOf | None = None, reg: Registry | None = None) -> dict[str, Any]:
    """The programmes side by side."""
    reg = _reg(reg)
    if not ids:
        raise InputError("请至少指定一个项目编号")
    progs = [programme(pid, reg) for pid in ids]
    return {"programmes": [describe(p, as_of, reg) for p in progs]}
