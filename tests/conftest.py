"""Collect the YAML scenarios in tests/scenarios: estimates, bad inputs, eligibility and status cases."""

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


class Scenario(pytest.Item):
    def __init__(self, *, case, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self):
        from calculators.estimate import InputError
        from navigator.service import estimate, match, parse_profile

        c = self.case
        if "request" in c:
            if "error" in c:
                with pytest.raises(InputError) as e:
                    estimate(c["request"])
                assert c["error"] in str(e.value), str(e.value)
                return
            result = estimate(c["request"]).to_contract()
            assert Decimal(result["total_cny"]) == Decimal(str(c["total_cny"])), result
            items = {i["programme"]: [Decimal(s["amount_cny"]) for s in i["schedule"]] for i in result["items"]}
            for prog, want in (c.get("schedule") or {}).items():
                assert items[prog] == [Decimal(str(w)) for w in want], (prog, items[prog])
            assert result["steps"], "every estimate shows its steps"
            for s in result["steps"]:
                assert s["citation"]["quote"] and s["citation"]["article"]
            for text in c.get("step_contains", []):
                assert any(text in s["text"] for s in result["steps"]), (text, [s["text"] for s in result["steps"]])
        if "profile" in c:
            as_of = dt.date.fromisoformat(str(c.get("as_of", "2021-01-01")))
            results = {r["programme"]: r for r in match(parse_profile(c["profile"]), as_of)}
            for prog, want in (c.get("verdicts") or {}).items():
                assert results[prog]["verdict"] == want, (prog, results[prog]["verdict"], results[prog]["reasons"])
            for prog, fields in (c.get("missing") or {}).items():
                assert set(fields) <= set(results[prog]["missing"]), (prog, results[prog]["missing"])
            for prog, want in (c.get("statuses") or {}).items():
                assert results[prog]["status"] == want, (prog, results[prog]["status"])
            for prog, quote in (c.get("quote") or {}).items():
                assert any(quote in r["citation"]["quote"] for r in results[prog]["reasons"]), prog

    def reportinfo(self):
        return self.path, 0, f"scenario: {self.name}"
