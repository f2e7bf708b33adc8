"""Profiles that cannot lie quietly: unknown fields, money as Decimal, non-finite and over-long numbers refused."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from navigator.service import Profile, ProfileError, match, parse_profile

ROOT = Path(__file__).resolve().parents[1]
MONEY = ["annual_tax_cny", "paid_in_capital_cny", "registered_capital_cny", "service_revenue_cny"]


@pytest.mark.parametrize("key, suggestion", [("cty", "city"), ("industral", "industrial"),
                                             ("anual_tax_cny", "annual_tax_cny"), ("securty_certifications",
                                                                                   "security_certifications")])
def test_an_unknown_field_gets_did_you_mean(key, suggestion):
    with pytest.raises(ProfileError, match=f"是否指 .*（{suggestion}）？"):
        parse_profile({key: "x"})


def test_an_unknown_field_far_from_any_lists_the_fields():
    with pytest.raises(ProfileError, match="可填的项：side, province"):
        parse_profile({"favourite_colour": "blue"})


@pytest.mark.parametrize("field", MONEY)
def test_money_is_decimal_exactly_as_given(field):
    assert parse_profile({field: 0.1}).model_dump()[field] == Decimal("0.1")
    assert parse_profile({field: "4999999.99"}).model_dump()[field] == Decimal("4999999.99")
    assert isinstance(parse_profile({field: 5000000}).model_dump()[field], Decimal)


@pytest.mark.parametrize("value, message", [
    (float("inf"), "不能是无穷大"), (float("nan"), "不能是无穷大"), ("Infinity", "不能是无穷大"),
    ("-Infinity", "不能是无穷大"), ("NaN", "不能是无穷大"), ("1e400", "数额过大"), ("9" * 40, "数字过长"),
    (-1, "不能为负数"), ("12.345", "最多2位小数"), (True, "应为以元计的金额"), ([1], "应为以元计的金额"),
    ("十万", "应为以元计的金额"),
])
@pytest.mark.parametrize("field", MONEY)
def test_bad_money_is_refused_naming_the_field(field, value, message):
    with pytest.raises(ProfileError, match=message) as e:
        parse_profile({field: value})
    assert field in str(e.value) and "\n" not in str(e.value)


def test_infinity_from_json_never_meets_a_condition():
    data = json.loads('{"side": "provider", "service_revenue_cny": Infinity}')
    with pytest.raises(ProfileError, match="service_revenue_cny"):
        parse_profile(data)


@pytest.mark.parametrize("value, ok", [(10, True), ("10", True), (10.0, True), (10.5, False), (True, False),
                                       (-1, False), (10**12, False)])
def test_counts_are_whole_numbers(value, ok):
    if ok:
        assert parse_profile({"experts": value}).experts == 10
    else:
        with pytest.raises(ProfileError, match="experts"):
            parse_profile({"experts": value})


def test_the_staff_ratio_is_a_share():
    assert parse_profile({"qualified_staff_ratio": 0.8}).qualified_staff_ratio == Decimal("0.8")
    with pytest.raises(ProfileError, match="应为0到1之间的比例"):
        parse_profile({"qualified_staff_ratio": 80})


def test_lists_and_names_are_bounded():
    with pytest.raises(ProfileError, match="security_certifications"):
        parse_profile({"security_certifications": ["x"] * 101})
    with pytest.raises(ProfileError, match="city"):
        parse_profile({"city": "市" * 41})


def test_a_decimal_profile_meets_a_threshold_exactly_at_it():
    profile = parse_profile({"side": "provider", "city": "东莞市", "independent_legal_person": True,
                             "registered_capital_cny": "10000000", "experts": 10, "qualified_staff_ratio": "0.80",
                             "software_products": 20, "enterprises_served_per_year": 100,
                             "security_certifications": ["ISO27001"], "violations_3y": False})
    result = {r["programme"]: r for r in match(profile, dt.date(2026, 11, 23))}
    assert result["dongguan-2015-platform-certification"]["verdict"] == "eligible"


def test_profile_model_forbids_unknown_keys_directly():
    with pytest.raises(ValueError, match="cty"):
        Profile.model_validate({"cty": "x"})


def run(*args):
    return subprocess.run([sys.executable, "-m", "navigator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_the_cli_refuses_a_misspelt_field_with_exit_2(tmp_path):
    f = tmp_path / "p.json"
    f.write_text('{"side": "enterprise", "cty": "伊春市"}', encoding="utf-8")
    p = run("match", "--profile", str(f), "--json")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "是否指 注册所在城市（city）？" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_the_cli_refuses_infinity_with_exit_2(tmp_path):
    f = tmp_path / "p.json"
    f.write_text('{"side": "provider", "service_revenue_cny": Infinity}', encoding="utf-8")
    p = run("match", "--profile", str(f), "--json")
    assert p.returncode == 2 and "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert "Infinity" in p.stderr or "service_revenue_cny" in p.stderr
