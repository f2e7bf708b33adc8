"""Calculator kinds describe themselves: inputs, headline figures, citations, computation; rules are a tagged union."""

from __future__ import annotations

import re
import typing
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from calculators.base import CalculatorKind, money_text, pct, wan
from calculators.estimate import InputError, estimate_one
from calculators.models import Calculator, KindContext
from calculators.rules import Rule
from navigator.gazetteer import gazetteer
from navigator.programmes import ProgrammeDataError, load_registry, registry
from navigator.service import estimate

ROOT = Path(__file__).resolve().parents[1]
PROGRAMMES = ROOT / "knowledge" / "programmes"
KINDS = typing.get_args(typing.get_args(Calculator)[0])


def calculable():
    return [p for p in registry().programmes.values() if p.calculator is not None]


def sample_inputs(prog) -> dict:
    """Inputs built only from the kind's own description: every required one, plus those a set flag needs."""
    groups = gazetteer().groups
    city = next(iter(groups.values()))[0]
    values = {"yuan": "100000", "city": city, "bool": False}
    out = {}
    for spec in prog.calculator.input_specs():
        if spec.required:
            out[spec.name] = (["100000"] * (spec.per_year_max or 1) if spec.unit == "yuan_per_year"
                              else values[spec.unit])
    return out


def test_every_registered_kind_implements_the_whole_interface():
    registered = {k.model_fields["kind"].annotation.__args__[0] for k in KINDS}
    assert {p.calculator.kind for p in calculable()} <= registered
    assert len(registered) == len(KINDS)
    for kind in KINDS:
        assert issubclass(kind, CalculatorKind)
        for method in ("input_specs", "headline", "citations", "compute"):
            assert getattr(kind, method) is not getattr(CalculatorKind, method), (kind.__name__, method)


def test_every_calculator_computes_from_its_own_input_description():
    for prog in calculable():
        inputs = sample_inputs(prog)
        result = estimate({"programme": prog.id, "inputs": inputs})
        assert result.total_cny > 0, prog.id
        assert all(s.citation.quote for s in result.steps)


def test_input_specs_are_complete_and_consistent():
    from calculators.profile import Profile

    for prog in calculable():
        specs = prog.calculator.input_specs()
        names = [s.name for s in specs]
        assert len(set(names)) == len(names), prog.id
        for s in specs:
            assert s.label and not re.search(r"[a-z_]{3,}", s.label), (prog.id, s.label)  # Chinese, not a key
            assert s.needed_when is None or s.needed_when in names
            assert s.replaces is None or s.replaces in names
            assert s.profile_field is None or s.profile_field in Profile.model_fields
            assert (s.per_year_max is not None) == (s.unit == "yuan_per_year")
        for s in specs:
            if s.needed_when:
                flag = next(x for x in specs if x.name == s.needed_when)
                assert flag.unit == "bool"


def test_a_missing_required_input_is_named():
    for prog in calculable():
        inputs = sample_inputs(prog)
        for spec in prog.calculator.input_specs():
            if spec.required:
                partial = {k: v for k, v in inputs.items() if k != spec.name}
                with pytest.raises(InputError, match=spec.name):
                    estimate({"programme": prog.id, "inputs": partial})


def test_an_unknown_input_is_refused_with_a_suggestion():
    prog = registry().get("yichun-2023-cloud-subsidy")
    with pytest.raises(InputError, match="没有输入项“contract_cy”；是否指 云服务合同额（contract_cny）？"):
        estimate_one(prog, {"contract_cy": 1}, KindContext())
    with pytest.raises(InputError, match="可填的输入项：云服务合同额（contract_cny）"):
        estimate_one(prog, {"zzz": 1}, KindContext())


def test_headline_text_is_generated_from_the_cited_values():
    """Every rate and cap the kind holds is printed in its rate_text / cap_text, and the rate cited first."""
    for prog in calculable():
        calc, head = prog.calculator, prog.calculator.headline()
        assert (prog.rate_text, prog.cap_text) == (head.rate_text, head.cap_text)
        rates = [getattr(calc, "rate", None), *getattr(calc, "rates", []),
                 *(g.rate for g in getattr(calc, "groups", []))]
        for r in filter(None, rates):
            assert pct(r.value) in head.rate_text, (prog.id, r.value)
        caps = [getattr(calc, a, None) for a in ("cap_cny", "cumulative_cap_cny", "yearly_cap_cny", "new_key_cap_cny")]
        for c in filter(None, caps):
            assert wan(c.value) in head.cap_text, (prog.id, c.value)
        for t in getattr(calc, "tiers", []):
            assert wan(t.cap_cny) in head.cap_text
        first_rate = next(filter(None, rates))
        assert head.citations[0] == first_rate.cite, prog.id
        assert set(map(str, head.citations)) <= set(map(str, calc.citations()))


def test_a_programme_file_may_not_state_its_own_rate_text(tmp_path):
    data = yaml.safe_load((PROGRAMMES / "yichun-2023-cloud-subsidy.yaml").read_text(encoding="utf-8"))
    data["rate_text"] = "云服务合同额的60%"
    (tmp_path / "yichun-2023-cloud-subsidy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="generated from the calculator"):
        load_registry(tmp_path)


def test_a_label_for_an_input_the_kind_does_not_take_is_refused(tmp_path):
    data = yaml.safe_load((PROGRAMMES / "guangdong-2020-cloud-voucher.yaml").read_text(encoding="utf-8"))
    data["calculator"]["labels"]["district"] = "区县"
    (tmp_path / "guangdong-2020-cloud-voucher.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="does not take"):
        load_registry(tmp_path)


def test_no_module_outside_the_kinds_switches_on_a_kind():
    """The service, the estimate, the pages ask the kind; only calculators/kinds and the registration name kinds."""
    names = [k.__name__ for k in KINDS] + [k.model_fields["kind"].annotation.__args__[0] for k in KINDS]
    for path in [ROOT / "calculators" / "estimate.py", ROOT / "navigator" / "service.py",
                 ROOT / "navigator" / "pages" / "estimate.py", ROOT / "navigator" / "pages" / "compare.py"]:
        text = path.read_text(encoding="utf-8")
        assert "isinstance(calc" not in text and ".kind ==" not in text, path.name
        for name in names:
            assert not re.search(rf"\b{name}\b", text), (path.name, name)


# --- notes and alternatives --------------------------------------------------------------------------


def test_estimate_notes_and_alternatives_are_cited_objects():
    doc = estimate({"programme": "baiyun-2019-public-cloud",
                    "inputs": {"fees_cny": 1000000, "annual_tax_cny": 5000000}}).to_contract()
    assert doc["notes"] and all(set(n) == {"text", "citation"} for n in doc["notes"])
    assert doc["items"][0]["notes"] and all(set(n) == {"text", "citation"} for n in doc["items"][0]["notes"])
    [alt] = doc["alternatives"]
    assert {"reading", "total_cny", "citation"} <= set(alt)
    assert alt["total_cny"] == "100000.00" and re.fullmatch(r"\d+\.\d\d", alt["total_cny"])
    corpus = registry().corpus
    for c in [alt["citation"], *(n["citation"] for n in doc["notes"] if n["citation"])]:
        assert corpus.verify_quote(c["doc_id"], c["quote"]), c


def test_the_new_key_reading_quotes_the_sentence_and_says_why_it_is_the_default():
    calc = registry().get("baiyun-2019-public-cloud").calculator
    rule = calc.ambiguity("new_key")
    assert "新招商重点企业补贴实缴注册资本" in rule.cite.quote
    doc = estimate({"programme": "baiyun-2019-public-cloud",
                    "inputs": {"fees_cny": 3000000, "annual_tax_cny": 30000000, "new_key_investment": True,
                               "paid_in_capital_cny": 1000000}}).to_contract()
    assert doc["total_cny"] == "100000.00"
    why = next(n for n in doc["notes"] if "理由" in n["text"])
    assert rule.why in why["text"] and why["citation"]["article"] == "第十一条（二）"
    assert {a["total_cny"] for a in doc["alternatives"]} == {"1000000.00"}


def test_guangdong_2020_warns_of_what_the_notice_leaves_open():
    doc = estimate({"programme": "guangdong-2020-cloud-voucher",
                    "inputs": {"contract_cny": 100000000, "city": "广州"}}).to_contract()
    assert doc["total_cny"] == "70000000.00"
    texts = " ".join(n["text"] for n in doc["notes"])
    assert "未规定单个企业奖补上限" in texts and "不在本库中" in texts and "供应商的初始限额" in texts
    assert all(n["citation"] for n in doc["notes"])


def test_shared_cap_report_keeps_years_and_all_years_apart():
    doc = estimate({"items": [
        {"programme": "baiyun-2019-software-dev-cloud", "inputs": {"annual_fees_cny": [2500000, 2500000, 2500000]}},
        {"programme": "baiyun-2019-public-cloud", "inputs": {"fees_cny": 2000000, "annual_tax_cny": 40000000}},
    ]}).to_contract()
    [cap] = doc["shared_caps"]
    assert cap["cap_cny_per_year"] == "2000000.00"
    assert [y["capped_total_cny"] for y in cap["years"]] == ["2000000.00", "2000000.00", "1500000.00"]
    assert cap["all_years"] == {"sum_before_cap_cny": "7000000.00", "capped_total_cny": "5500000.00"}
    assert doc["total_cny"] == "5500000.00"
    assert {i["shared_cap"] for i in doc["items"]} == {"baiyun-2019-enterprise-yearly"}
    # Each line keeps its own amounts: 2,500,000 + 2,000,000 + 1,500,000 and 1,000,000, before the cap.
    assert sum(Decimal(i["total_cny"]) for i in doc["items"]) == Decimal("7000000.00")


def test_a_one_year_line_is_placed_in_its_year_of_use_under_the_shared_cap():
    # Software development cloud in its second year and public cloud + smart workshop paid the same year:
    # 800,000 + min(900,000, 1,000,000) + 320,000 = 2,020,000, capped at 2,000,000 in year 2 (第十二条).
    doc = estimate({"items": [
        {"programme": "baiyun-2019-software-dev-cloud", "inputs": {"annual_fees_cny": ["0", "1000000"]}},
        {"programme": "baiyun-2019-public-cloud", "year": 2,
         "inputs": {"fees_cny": "1800000", "annual_tax_cny": "30000000"}},
        {"programme": "baiyun-2019-smart-workshop", "year": 2, "inputs": {"fees_cny": "400000"}},
    ]}).to_contract()
    [cap] = doc["shared_caps"]
    assert [(y["year"], y["sum_before_cap_cny"], y["capped_total_cny"]) for y in cap["years"]] == [
        (1, "0.00", "0.00"), (2, "2020000.00", "2000000.00")]
    assert doc["total_cny"] == "2000000.00"
    assert {i["programme"]: [y["year"] for y in i["schedule"]] for i in doc["items"]}["baiyun-2019-public-cloud"] == [2]
    # Without a year the one-year lines fall in year 1, beside the zero fee: nothing is capped.
    doc = estimate({"items": [
        {"programme": "baiyun-2019-software-dev-cloud", "inputs": {"annual_fees_cny": ["0", "1000000"]}},
        {"programme": "baiyun-2019-public-cloud", "inputs": {"fees_cny": "1800000", "annual_tax_cny": "30000000"}},
        {"programme": "baiyun-2019-smart-workshop", "inputs": {"fees_cny": "400000"}},
    ]}).to_contract()
    assert doc["total_cny"] == "2020000.00"


def test_a_one_year_line_paid_in_several_years_is_one_item_a_year():
    doc = estimate({"items": [
        {"programme": "baiyun-2019-public-cloud", "year": n, "inputs": {"fees_cny": "800000", "annual_tax_cny": "8000000"}}
        for n in (1, 2, 3)]}).to_contract()
    assert doc["total_cny"] == "900000.00"  # 40万 a year, capped at 30万 for tax of 500万 or more, three years
    assert sorted(y["year"] for i in doc["items"] for y in i["schedule"]) == [1, 2, 3]
    assert all(s["text"].startswith(f"第{n}年") for n, i in zip((1, 2, 3), doc["items"], strict=True)
               for s in [x for x in doc["steps"] if x["text"].startswith(f"第{n}年：公有云")])


@pytest.mark.parametrize("items, message", [
    ([{"programme": "baiyun-2019-public-cloud", "year": 1, "inputs": {"fees_cny": "1", "annual_tax_cny": "1"}}] * 2,
     "出现了两次"),
    ([{"programme": "baiyun-2019-public-cloud", "inputs": {"fees_cny": "1", "annual_tax_cny": "1"}}] * 2, "出现了两次"),
    ([{"programme": "baiyun-2019-software-dev-cloud", "year": 2, "inputs": {"annual_fees_cny": ["1"]}}], "不需要 year"),
    ([{"programme": "baiyun-2019-diagnosis", "year": 0, "inputs": {"fees_cny": "1"}}], "使用年度（year）"),
    ([{"programme": "baiyun-2019-diagnosis", "year": "2", "inputs": {"fees_cny": "1"}}], "使用年度（year）"),
    ([{"programme": "baiyun-2019-diagnosis", "year": True, "inputs": {"fees_cny": "1"}}], "使用年度（year）"),
])
def test_a_bad_year_of_use_is_refused_with_its_reason(items, message):
    with pytest.raises(InputError, match=re.escape(message)):
        estimate({"items": items})


def test_money_text_in_steps_has_thousands_separators():
    doc = estimate({"programme": "yichun-2023-cloud-subsidy", "inputs": {"contract_cny": 150000}}).to_contract()
    assert money_text(Decimal(150000)) in doc["steps"][0]["text"]


# --- rules -------------------------------------------------------------------------------------------


RULE = TypeAdapter(Rule)


@pytest.mark.parametrize("data, message", [
    ({"field": "side"}, "exactly one operator"),
    ({"field": "experts", "gte": 10, "equals": True}, "exactly one operator"),
    ({"field": "cty", "equals": "伊春市"}, "not a Profile field"),
    ({"field": "industrial", "gte": 1}, "does not fit"),
    ({"field": "side", "equals": "company"}, "does not fit"),
    ({"field": "org_type", "in": ["enterprise", "guild"]}, "org_type"),
    ({"field": "experts", "min_years": 1}, "does not fit"),
    ({"any_of": []}, "at least 1"),
    ({"region": {"county": "x"}}, "region"),
])
def test_a_malformed_rule_is_refused_at_load(data, message):
    with pytest.raises(ValidationError, match=message):
        RULE.validate_python(data)


def test_a_rule_names_its_operator():
    rule = RULE.validate_python({"any_of": [{"field": "four_above", "equals": True},
                                            {"field": "experts", "gte": 10}]})
    assert [type(r).__name__ for r in rule.any_of] == ["Equals", "AtLeast"]


def test_a_programme_with_a_malformed_rule_does_not_load(tmp_path):
    data = yaml.safe_load((PROGRAMMES / "yichun-2023-cloud-subsidy.yaml").read_text(encoding="utf-8"))
    data["eligibility"][1]["rule"] = {"field": "cty", "equals": "伊春市"}
    (tmp_path / "yichun-2023-cloud-subsidy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match=r"eligibility\.1\.rule"):
        load_registry(tmp_path)
