"""Collect the YAML scenarios in tests/scenarios: one file per programme id (named after it), plus shared caps.

A case is an estimate (``request`` with ``total_cny``, ``schedule``, ``steps``, ``notes``,
``alternatives``, ``shared_caps`` expectations, or ``error``), a match (``profile`` and
``as_of`` with ``verdicts``, ``missing``, ``statuses``, ``status_notes``, ``quote``), or
both. ``as_of`` is a date or ``YYYY-MM-DDTHH:MM`` (Beijing time).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import yaml


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and file_path.parent.name == "scenarios":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self):
        for case in yaml.safe_load(self.path.read_text(encoding="utf-8")) or []:
            yield Scenario.from_parent(self, name=case["name"], case=case)


def as_of(value) -> dt.date | dt.datetime:
    """A scenario's date: a YAML date, or text YYYY-MM-DD / YYYY-MM-DDTHH:MM."""
    if isinstance(value, dt.date):
        return value
    text = str(value)
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def money(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"))


class Scenario(pytest.Item):
    def __init__(self, *, case, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self):
        c = self.case
        if "request" in c:
            self._estimate(c)
        if "profile" in c:
            self._match(c)

    def _estimate(self, c):
        from calculators.estimate import InputError
        from navigator.service import estimate

        if "error" in c:
            with pytest.raises(InputError) as e:
                estimate(c["request"])
            assert c["error"] in str(e.value), str(e.value)
            assert "\n" not in str(e.value)
            return
        result = estimate(c["request"]).to_contract()
        assert money(result["total_cny"]) == money(c["total_cny"]), result["total_cny"]
        items = {i["programme"]: [money(s["amount_cny"]) for s in i["schedule"]] for i in result["items"]}
        for prog, want in (c.get("schedule") or {}).items():
            assert items[prog] == [money(w) for w in want], (prog, items[prog])
        assert result["steps"], "every estimate shows its steps"
        for s in result["steps"]:
            assert s["citation"]["quote"] and s["citation"]["article"]
        steps = [s["text"] for s in result["steps"]]
        for text in c.get("steps", []):
            assert any(text in s for s in steps), (text, steps)
        notes = result["notes"]
        for text in c.get("notes", []):
            assert any(text in n["text"] for n in notes), (text, [n["text"] for n in notes])
        for article in c.get("note_articles", []):
            assert any(n["citation"] and n["citation"]["article"] == article for n in notes), (article, notes)
        if "alternatives" in c:
            got = [(a["reading"], money(a["total_cny"])) for a in result["alternatives"]]
            assert len(got) == len(c["alternatives"]), got
            for want in c["alternatives"]:
                assert any(want["reading"] in r and t == money(want["total_cny"]) for r, t in got), (want, got)
            for a in result["alternatives"]:
                assert a["citation"]["quote"] and a["citation"]["article"]
        for want in c.get("shared_caps", []):
            cap = next(x for x in result["shared_caps"] if x["id"] == want["id"])
            years = [(y["year"], money(y["sum_before_cap_cny"]), money(y["capped_total_cny"])) for y in cap["years"]]
            assert years == [(y, money(b), money(a)) for y, b, a in want["years"]], years
            assert money(cap["all_years"]["sum_before_cap_cny"]) == money(want["all_years"][0])
            assert money(cap["all_years"]["capped_total_cny"]) == money(want["all_years"][1])

    def _match(self, c):
        from navigator.service import ProfileError, match, parse_profile

        if "profile_error" in c:
            with pytest.raises(ProfileError) as e:
                parse_profile(c["profile"])
            assert c["profile_error"] in str(e.value), str(e.value)
            return
        results = {r["programme"]: r for r in match(parse_profile(c["profile"]), as_of(c.get("as_of", "2021-01-01")))}
        for prog, want in (c.get("verdicts") or {}).items():
            assert results[prog]["verdict"] == want, (prog, results[prog]["verdict"], results[prog]["reasons"])
        for prog, fields in (c.get("missing") or {}).items():
            assert set(fields) <= set(results[prog]["missing"]), (prog, results[prog]["missing"])
        for prog, want in (c.get("statuses") or {}).items():
            assert results[prog]["status"] == want, (prog, results[prog]["status"], results[prog]["status_note"])
            assert results[prog]["status_citation"]["quote"], prog
        for prog, want in (c.get("status_notes") or {}).items():
            assert (results[prog]["status_note"] or "") == (want or ""), (prog, results[prog]["status_note"])
        for prog, quote in (c.get("quote") or {}).items():
            assert any(quote in r["citation"]["quote"] for r in results[prog]["reasons"]), prog

    def reportinfo(self):
        return self.path, 0, f"scenario: {self.name}"
