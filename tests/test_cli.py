"""The command-line interface of CONTRACT.md, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from built_index import built_data_dir, cli_env, copy_data_dir, navigator_cmd, without_root_override

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
    ({"programme": "baiyun-2019-diagnosis", "inputs": {"fees_cny": -100}}, "不能为负数"),
    ({"programme": "no-such-programme", "inputs": {}}, "未知的项目编号"),
    ({"programme": "guangdong-2020-cloud-voucher", "inputs": {"contract_cny": 1, "city": "深圳"}}, "深圳市不在《广东省2020年工业企业“上云上平台”服务券》范围内（二、面向范围：深圳市除外）"),
    ("{not json", "not valid JSON"),
    ("", "not valid JSON"),
    ([1, 2], "测算请求应为 JSON 对象"),
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
    assert bad.returncode == 2 and "未知的项目编号“nope”" in bad.stderr


def test_unknown_command():
    p = run("fly")
    assert p.returncode == 2 and "Traceback" not in p.stderr


# --- hostile input: one line, exit 2, never a traceback ------------------------------------------------------


def one_line_error(p, *words):
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert "Traceback" not in p.stderr + p.stdout and not p.stdout
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), p.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])


GOOD = {"programme": "yichun-2023-cloud-subsidy", "inputs": {"contract_cny": 150000}}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_are_read(tmp_path, encoding):
    p = tmp_path / "r.json"
    p.write_text(json.dumps(GOOD), encoding=encoding)
    done = run("estimate", "--input", str(p), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_cny"] == "75000.00"


@pytest.mark.parametrize(("content", "words"), [
    ("[" * 100000, ["nested more than"]),
    ('{"programme": "yichun-2023-cloud-subsidy", "inputs": {"contract_cny": ' + "9" * 5000 + "}}", ["5000 digits"]),
    ('{"programme": "yichun-2023-cloud-subsidy", "inputs": {"contract_cny": Infinity}}', ["Infinity"]),
    ('{"programme": "yichun-2023-cloud-subsidy", "inputs": {"contract_cny": NaN}}', ["NaN"]),
    ('{"programme": "yichun-2023-cloud-subsidy", "inputs": {"contract_cny": 1e400}}', ["too large"]),
    ('{"programme": "yichun\\ud800", "inputs": {}}', ["lone surrogate"]),
])
def test_hostile_json(tmp_path, content, words):
    one_line_error(run("estimate", "--input", write(tmp_path, "r.json", content), "--json"), *words)


def test_files_that_cannot_be_read(tmp_path):
    one_line_error(run("estimate", "--input", str(tmp_path)), "is a folder")
    one_line_error(run("estimate", "--input", str(tmp_path / "none.json")), "no such file")
    one_line_error(run("estimate", "--input", os.devnull), "not a regular file")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5_000_001)
    one_line_error(run("estimate", "--input", str(big)), "larger than")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"programme": "\xff"}')
    one_line_error(run("estimate", "--input", str(bad)), "not valid UTF-8")
    one_line_error(run("match", "--profile", write(tmp_path, "p.json", "null")), "企业信息应为 JSON 对象")


def test_unreadable_file(tmp_path):
    f = write(tmp_path, "r.json", GOOD)
    os.chmod(f, 0)
    cmd = without_root_override(navigator_cmd("estimate", "--input", f))
    if cmd is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    one_line_error(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300), "permission denied")


def test_profile_with_infinity_or_a_huge_number(tmp_path):
    one_line_error(run("match", "--profile", write(tmp_path, "p.json", '{"annual_tax_cny": Infinity}')), "Infinity")
    one_line_error(run("match", "--profile", write(tmp_path, "p.json", '{"annual_tax_cny": ' + "9" * 5000 + "}")),
                   "digits")


def test_question_bytes_that_are_not_utf8():
    p = subprocess.run([sys.executable.encode(), b"-m", b"navigator", b"ask", b"\xff\xfe\xe4\xbc\x8a\xe6\x98\xa5"],
                       cwd=ROOT, capture_output=True, timeout=300)
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    assert p.stderr.decode().startswith("error: the question: not valid UTF-8")


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_a_data_dir_that_cannot_be_used(tmp_path, where):
    f = tmp_path / "f"
    f.write_text("x")
    data = f if where == "a file" else f / "data"
    for args in (["ask", "伊春补助比例"], ["estimate", "--input", write(tmp_path, "r.json", GOOD)],
                 ["index", "--check"]):
        p = subprocess.run(navigator_cmd(*args), cwd=ROOT, env=cli_env(data), capture_output=True, text=True,
                           timeout=300)
        one_line_error(p, "data dir", str(data))


@pytest.mark.parametrize("value", ["2020-07-01T25:00", "2020-07-01T10:30:00", "20200701", "２０２０-07-01",
                                   "0001-01-01", "2020-02-30"])
def test_bad_as_of(tmp_path, value):
    one_line_error(run("compare", "yichun-2023-cloud-subsidy", "--as-of", value), "--as-of")


def test_as_of_a_beijing_time(tmp_path):
    f = write(tmp_path, "p.json", {"side": "enterprise", "city": "伊春市", "industrial": True})
    p = run("match", "--profile", f, "--as-of", "2020-07-01T10:30", "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["as_of"] == "2020-07-01T10:30"


# --- ask: one question, a session, a batch (a real index, built once per session) ---------------------------


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return copy_data_dir(built_data_dir(tmp_path_factory), tmp_path_factory.mktemp("cli") / "data")


def ask(data, *args, stdin=None):
    return subprocess.run(navigator_cmd("ask", *args), cwd=ROOT, env=cli_env(data), capture_output=True, text=True,
                          timeout=600, input=stdin)


FIRST = "白云区四上企业，纳税800万，公有云服务费100万，补多少"
FOLLOW_UP = "那如果纳税只有300万呢？"


def test_ask_in_a_session_file_and_in_a_batch_session_agree(data, tmp_path):
    session = tmp_path / "s.json"
    turns = [ask(data, q, "--session", str(session), "--as-of", "2021-01-01T09:00", "--json")
             for q in (FIRST, FOLLOW_UP)]
    for t in turns:
        assert t.returncode == 0, t.stderr
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert [t["question"] for t in saved["turns"]] == [FIRST, FOLLOW_UP]

    rows = [{"id": "a1", "question": FIRST, "session": "A", "as_of": "2021-01-01T09:00"},
            {"id": "b1", "question": FOLLOW_UP, "as_of": "2021-01-01T09:00"},
            {"id": "a2", "question": FOLLOW_UP, "session": "A", "as_of": "2021-01-01T09:00"}]
    batch = write(tmp_path, "b.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    p = ask(data, "--batch", batch, "--json")
    assert p.returncode == 0, p.stderr
    got = {d["id"]: d for d in map(json.loads, p.stdout.splitlines())}
    assert got["a1"]["answer"] == json.loads(turns[0].stdout)["answer"]
    assert got["a2"]["answer"] == json.loads(turns[1].stdout)["answer"], "a batch session is one conversation"
    alone = ask(data, FOLLOW_UP, "--as-of", "2021-01-01T09:00", "--json")
    assert got["b1"]["answer"] == json.loads(alone.stdout)["answer"], "a line without session starts afresh"


def test_a_batch_answer_stays_one_line_whatever_its_id_holds(data, tmp_path):
    # U+0085 / U+2028 / U+2029 are line breaks to a reader of lines, though JSON may leave them raw
    rows = [{"id": "\x85", "question": ""}, {"id": "a\u2028b", "question": "伊春上云补助比例是多少？"}]
    batch = write(tmp_path, "b.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    p = ask(data, "--batch", batch, "--json")
    assert p.returncode == 0, p.stderr
    out = [json.loads(line) for line in p.stdout.splitlines()]
    assert [d["id"] for d in out] == ["\x85", "a\u2028b"] and "error" in out[0] and "answer" in out[1], out


def test_a_bad_turn_leaves_the_session_unchanged(data, tmp_path):
    session = tmp_path / "s.json"
    assert ask(data, FIRST, "--session", str(session), "--json").returncode == 0
    before = session.read_bytes()
    one_line_error(ask(data, "   ", "--session", str(session), "--json"))
    assert session.read_bytes() == before
    one_line_error(ask(data, FIRST, "--session", str(tmp_path)), "folder")
    one_line_error(ask(data, FIRST, "--session", write(tmp_path, "x.json", {"x": 1})), "session")


def test_batch_carries_on_after_bad_lines(data, tmp_path):
    lines = [
        '{"id": "ok", "question": "伊春上云补助比例是多少？", "as_of": "2023-06-01"}',
        '{"id": "num", "question": "伊春上云补助比例是多少？", "as_of": 20200701}',
        '{"id": "list", "question": "伊春上云补助比例是多少？", "as_of": ["2020-07-01"]}',
        '{"id": "garbage", "question": "伊春上云补助比例是多少？", "as_of": "garbage"}',
        '{"id": "surrogate", "question": "\\ud800伊春"}',
        '{"id": "digits", "question": "补多少", "profile": {"annual_tax_cny": ' + "9" * 5000 + "}}",
        "[" * 100000,
        "[1, 2]",
        "",
        '{"id": "typo", "qustion": "伊春补助"}',
        '{"id": "empty", "question": ""}',
        '{"id": "time", "question": "伊春上云补助比例是多少？", "as_of": "2023-06-01T10:30"}',
    ]
    f = tmp_path / "b.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b'\n{"id": "bytes", "question": "\xff"}\n'
                  + '{"id": "last", "question": "伊春上云补助比例是多少？"}'.encode())
    p = ask(data, "--batch", str(f), "--json")
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [d["id"] for d in out] == ["ok", "num", "list", "garbage", 5, 6, 7, 8, "typo", "empty", "time", 13,
                                      "last"]
    errors = {d["id"]: d["error"] for d in out if "error" in d}
    assert set(errors) == {"num", "list", "garbage", 5, 6, 7, 8, "typo", "empty", 13}
    assert "as_of" in errors["num"] and "line 2:" in errors["num"]
    assert "lone surrogate" in errors[5] and "digits" in errors[6] and "nested" in errors[7]
    assert "unknown field 'qustion'" in errors["typo"] and "not valid UTF-8" in errors[13]
    for d in out:
        if "error" not in d:
            assert d["citations"] and not d["refused"]


def test_batch_file_problems(data, tmp_path):
    one_line_error(ask(data, "--batch", str(tmp_path / "none.jsonl")), "no such file")
    one_line_error(ask(data, "--batch", str(tmp_path)), "folder")
    one_line_error(ask(data, "q", "--batch", write(tmp_path, "b.jsonl", "")), "not both")
    empty = ask(data, "--batch", write(tmp_path, "e.jsonl", ""), "--json")
    assert empty.returncode == 0 and empty.stdout == ""


def test_index_check_reports_the_state(data, tmp_path):
    p = subprocess.run(navigator_cmd("index", "--check", "--json"), cwd=ROOT, env=cli_env(data),
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    state = json.loads(p.stdout)
    assert state["state"] == "fresh" and state["usable"] and state["chunks"] == state["expected_chunks"]
    assert state["path"] == str(data / "chroma") and len(state["fingerprint"]) == 16
    missing = subprocess.run(navigator_cmd("index", "--check", "--json"), cwd=ROOT, env=cli_env(tmp_path / "new"),
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode == 1 and json.loads(missing.stdout)["state"] == "missing"
    assert not (tmp_path / "new" / "chroma").exists()
