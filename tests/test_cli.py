"""The command-line interface of CONTRACT.md, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "navigator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, input=stdin)


def write(tmp_path, name, obj):
    p = tmp_path / name
    p.write_text(obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return str(p)


def test_estimate_json(tmp_path):
    f = write(tmp_path, "r.json", {"programme": "yichun-2023-cloud-subsidy", "inputs": {"contract_cny": 150000}})
    p = run("estimate", "--input", f, "--json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["total_cny"] == "75000.00"
    assert d["items"][0]["schedule"] == [{"year": 1, "amount_cny": "75000.00"}]
    assert d["steps"][0]["citation"]["article"] == "一、补助标准"


@pytest.mark.parametrize("content, message", [
    ({"programme": "dongguan-2015-cloud-voucher", "inputs": {"annual_fees_cny": "abc"}}, "annual_fees_cny"),
    ({"programme": "baiyun-2019-diagnosis", "inputs": {"fees_cny": -100}}, "negative"),
    ({"programme": "no-such-programme", "inputs": {}}, "unknown programme"),
    ({"programme": "guangdong-2020-cloud-voucher", "inputs": {"contract_cny": 1, "city": "深圳"}}, "深圳市除外"),
    ("{not json", "not valid JSON"),
    ("", "not valid JSON"),
    ([1, 2], "JSON object"),
])
def test_bad_estimate_input_exits_2_with_one_line(tmp_path, content, message):
    f = write(tmp_path, "r.json", content)
    p = run("estimate", "--input", f, "--json")
    assert p.returncode == 2
    assert "Traceback" not in p.stderr + p.stdout
    assert message in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_missing_file_and_bad_date(tmp_path):
    assert run("estimate", "--input", str(tmp_path / "none.json"), "--json").returncode == 2
    f = write(tmp_path, "p.json", {"side": "enterprise"})
    p = run("match", "--profile", f, "--as-of", "2020-13-45", "--json")
    assert p.returncode == 2 and "YYYY-MM-DD" in p.stderr


def test_bad_profile(tmp_path):
    f = write(tmp_path, "p.json", {"side": "enterprise", "independent_legal_person": "maybe"})
    p = run("match", "--profile", f, "--json")
    assert p.returncode == 2 and "independent_legal_person" in p.stderr and "Traceback" not in p.stderr


def test_match_json(tmp_path):
    f = write(tmp_path, "p.json", {"side": "enterprise", "city": "深圳市", "industrial": True})
    p = run("match", "--profile", f, "--as-of", "2020-07-01", "--json")
    assert p.returncode == 0, p.stderr
    res = {r["programme"]: r for r in json.loads(p.stdout)["results"]}
    assert len(res) == 11
    gd = res["guangdong-2020-cloud-voucher"]
    assert gd["verdict"] == "ineligible" and gd["status"] == "open"
    assert any("深圳市除外" in r["citation"]["quote"] for r in gd["reasons"] if r["met"] is False)


def test_compare_json():
    p = run("compare", "yichun-2023-cloud-subsidy", "guangdong-2020-cloud-voucher", "--json")
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["programmes"]
    assert [r["id"] for r in rows] == ["yichun-2023-cloud-subsidy", "guangdong-2020-cloud-voucher"]
    assert rows[0]["cap_cny"] == "100000.00" and rows[1]["cap_cny"] is None
    assert rows[0]["citations"] and all(c["quote"] for c in rows[0]["citations"])
    bad = run("compare", "nope", "--json")
    assert bad.returncode == 2 and "unknown programme" in bad.stderr


def test_unknown_command():
    p = run("fly")
    assert p.returncode == 2 and "Traceback" not in p.stderr
