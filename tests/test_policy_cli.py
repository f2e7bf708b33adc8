"""``python -m navigator policy ...``: real files added, replaced and repealed through the command line, then
asked about with ``ask``, the way a helpdesk administrator and a caller would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from built_index import built_data_dir, cli_env, copy_data_dir, navigator_cmd

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from policy_files import MEASURE, META_YAML, NOTICE, docx_bytes, html_text, pdf_bytes, scanned_pdf_bytes

ROOT = Path(__file__).resolve().parents[1]
DOC = "tianmen-2024-cloud"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(navigator_cmd(*args), cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=cli_env(data_dir))


def ok(data_dir: Path, *args: str) -> dict:
    p = run(data_dir, *args, "--json")
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    return json.loads(p.stdout)


def refused(data_dir: Path, *args: str) -> str:
    """A bad input: exit 2, one line on stderr, no traceback; returns the line."""
    p = run(data_dir, *args)
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert "Traceback" not in p.stderr + p.stdout
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    return lines[0]


def ask(data_dir: Path, question: str, as_of: str) -> dict:
    return ok(data_dir, "ask", question, "--as-of", as_of)


def cited(answer: dict) -> list[tuple[str, str]]:
    return [(c["doc_id"], c["article"]) for c in answer["citations"]]


def place(lines: list[str], city: str, short: str, rate: str, cap: str) -> list[str]:
    """The same measure for another city, with its own rate and cap (so an answer shows which text it read)."""
    return [x.replace("天门", city).replace("天经信", short).replace("30%", rate).replace("5万元", cap) for x in lines]


def meta_for(tmp: Path, name: str, **change) -> Path:
    data = {**yaml.safe_load(META_YAML), **change}
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def data_dir(tmp_path_factory) -> Path:
    """A private copy of the session's built index: every test starts from the shipped texts."""
    return copy_data_dir(built_data_dir(tmp_path_factory), tmp_path_factory.mktemp("policy-cli") / "data")


def test_word_pdf_and_web_page_are_added_indexed_in_place_and_answered_with_their_article(data_dir, tmp_path):
    files = {
        "tianmen.docx": (docx_bytes(), meta_for(tmp_path, "tm.yaml")),
        "jingmen.pdf": (pdf_bytes(place(NOTICE, "荆门", "荆经信", "35%", "6万元"),
                                  place(MEASURE, "荆门", "荆经信", "35%", "6万元"), running_header=None),
                        meta_for(tmp_path, "jm.yaml", id="jingmen-2024-cloud", title="荆门市支持企业上云用云实施办法",
                                 doc_number="荆经信〔2024〕15号", issuer="荆门市经济和信息化局", region="湖北荆门",
                                 aliases=["荆门"])),
        "xiaogan.html": (html_text(place(NOTICE, "孝感", "孝经信", "25%", "4万元"),
                                   place(MEASURE, "孝感", "孝经信", "25%", "4万元")).encode("gb18030"),
                         meta_for(tmp_path, "xg.yaml", id="xiaogan-2024-cloud", title="孝感市支持企业上云用云实施办法",
                                  doc_number="孝经信〔2024〕15号", issuer="孝感市经济和信息化局", region="湖北孝感",
                                  aliases=["孝感"])),
    }
    before = ok(data_dir, "index", "--check")
    assert before["state"] == "fresh"
    chunks = before["chunks"]
    for name, (data, meta) in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        got = ok(data_dir, "policy", "add", str(path), "--meta", str(meta))
        assert got["version"] == 1 and got["articles"] >= 12, got
        index = got["index"]
        assert index["incremental"] is True, index  # only this document's articles were embedded
        assert 0 < index["embedded"] <= got["articles"] and index["chunks"] == chunks + index["embedded"]
        chunks = index["chunks"]
    state = ok(data_dir, "index", "--check")
    assert state["state"] == "fresh" and state["chunks"] == chunks  # nothing left to rebuild

    for city, doc_id, rate in [("天门", DOC, "30%"), ("荆门", "jingmen-2024-cloud", "35%"),
                               ("孝感", "xiaogan-2024-cloud", "25%")]:
        answer = ask(data_dir, f"{city}首次购买云服务的工业企业按合同金额的多少比例补助？", "2024-06-01")
        assert not answer["refused"], answer["answer"]
        assert (doc_id, "第三条") in cited(answer), cited(answer)
        third = next(c for c in answer["citations"] if c["article"] == "第三条")
        assert rate in third["quote"] and third["doc_id"] == doc_id

    listed = {p["doc_id"]: p for p in ok(data_dir, "policy", "list", "--as-of", "2024-06-01")["policies"]}
    assert [listed[d]["source"] for d in ("baiyun-2019", DOC, "jingmen-2024-cloud")] == ["shipped", "added", "added"]
    assert listed[DOC]["status"] == "in_force" and listed[DOC]["programmes"] == 0
    assert listed["baiyun-2019"]["programmes"] == 5 and listed["baiyun-2019"]["status"] == "expired"


def test_scanned_and_corrupt_files_are_refused_in_one_line_and_change_nothing(data_dir, tmp_path):
    meta = meta_for(tmp_path, "m.yaml")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf_bytes())
    assert refused(data_dir, "policy", "add", str(scan), "--meta", str(meta)) == "error: 未识别到文字层（扫描件需先OCR）"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(docx_bytes()[:3000])
    assert "文件已损坏" in refused(data_dir, "policy", "add", str(broken), "--meta", str(meta))
    half = tmp_path / "half.pdf"
    half.write_bytes(pdf_bytes()[:4000])
    assert "PDF 文件不完整" in refused(data_dir, "policy", "add", str(half), "--meta", str(meta))
    assert ok(data_dir, "policy", "log") == {"changes": []}
    assert not (data_dir / "policies" / DOC).exists()
    assert ok(data_dir, "index", "--check")["state"] == "fresh"


def test_bad_metadata_ids_and_dates_are_one_line(data_dir, tmp_path):
    good = tmp_path / "tianmen.docx"
    good.write_bytes(docx_bytes())
    no_issuer = {k: v for k, v in yaml.safe_load(META_YAML).items() if k != "issuer"}
    (tmp_path / "no-issuer.yaml").write_text(yaml.safe_dump(no_issuer, allow_unicode=True), encoding="utf-8")
    assert "issuer" in refused(data_dir, "policy", "add", str(good), "--meta", str(tmp_path / "no-issuer.yaml"))
    bad_date = meta_for(tmp_path, "bad-date.yaml", issued_on="2024-02-30")
    assert "issued_on" in refused(data_dir, "policy", "add", str(good), "--meta", str(bad_date))
    bad_place = meta_for(tmp_path, "bad-place.yaml", region="火星")
    assert "火星" in refused(data_dir, "policy", "add", str(good), "--meta", str(bad_place))
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert "YAML" in refused(data_dir, "policy", "add", str(good), "--meta", str(tmp_path / "broken.yaml"))
    assert "no such file" in refused(data_dir, "policy", "add", str(tmp_path / "none.pdf"), "--meta", str(bad_date))
    assert "unknown document" in refused(data_dir, "policy", "repeal", "no-such-doc", "--on", "2024-01-01")
    assert "not a document id" in refused(data_dir, "policy", "repeal", "../etc", "--on", "2024-01-01")
    assert "--on" in refused(data_dir, "policy", "repeal", "yichun-2023", "--on", "2024-02-30")
    assert "--on" in refused(data_dir, "policy", "repeal", "yichun-2023", "--on", "2024-01-01T10:00")
    assert "must come after" in refused(data_dir, "policy", "repeal", "yichun-2023", "--on", "2022-01-01")
    assert "bad-date.yaml: issued_on" in refused(data_dir, "policy", "replace", DOC, str(good), "--meta", str(bad_date))
    good_meta = meta_for(tmp_path, "good.yaml")
    assert "unknown document" in refused(data_dir, "policy", "replace", DOC, str(good), "--meta", str(good_meta))
    assert "unknown document" in refused(data_dir, "policy", "draft-programme", "no-such-doc")
    assert "the following arguments are required: --meta" in refused(data_dir, "policy", "add", str(good))
    assert ok(data_dir, "policy", "log") == {"changes": []}


def test_replace_and_repeal_answer_each_date_from_the_version_then_in_force(data_dir, tmp_path):
    v1 = tmp_path / "tianmen.docx"
    v1.write_bytes(docx_bytes())
    ok(data_dir, "policy", "add", str(v1), "--meta", str(meta_for(tmp_path, "v1.yaml")))
    v2_lines = [x.replace("30%", "40%").replace("5万元", "8万元").replace("2024年4月1日", "2025年1月1日") for x in MEASURE]
    v2 = tmp_path / "tianmen-2025.pdf"
    v2.write_bytes(pdf_bytes(measure=v2_lines))
    meta2 = meta_for(tmp_path, "v2.yaml", issued_on="2024-12-01", effective_on="2025-01-01", expires_on="2027-12-31")
    assert "must take effect after" in refused(data_dir, "policy", "replace", DOC, str(v2), "--meta",
                                               str(meta_for(tmp_path, "early.yaml")))
    got = ok(data_dir, "policy", "replace", DOC, str(v2), "--meta", str(meta2))
    assert got["version"] == 2 and got["index"]["incremental"] is True

    question = "天门首次购买云服务的工业企业补助比例是多少？"
    before, after = ask(data_dir, question, "2024-06-01"), ask(data_dir, question, "2025-06-01")
    assert "30%" in before["answer"] and "40%" not in before["answer"]
    assert "40%" in after["answer"] and "30%" not in after["answer"]
    assert (DOC, "第三条") in cited(before) and (DOC, "第三条") in cited(after)

    got = ok(data_dir, "policy", "repeal", DOC, "--on", "2026-01-01", "--by", "天经信〔2025〕30号")
    assert got["repealed_on"] == "2026-01-01" and got["index"]["embedded"] == 0
    history = ask(data_dir, question, "2026-06-01")
    assert history["answer"].startswith("注意：《天门市支持企业上云用云实施办法》已于2026年1月1日废止（天经信〔2025〕30号）")
    assert "40%" in history["answer"] and (DOC, "第三条") in cited(history)  # still readable, as history
    assert not ask(data_dir, question, "2025-06-01")["answer"].startswith("注意")

    rows = {d: {p["doc_id"]: p for p in ok(data_dir, "policy", "list", "--as-of", d)["policies"]}[DOC]
            for d in ("2024-06-01", "2025-06-01", "2026-06-01")}
    assert [(r["version"], r["status"]) for r in rows.values()] == [(1, "in_force"), (2, "in_force"),
                                                                     (2, "repealed")]
    changes = ok(data_dir, "policy", "log", "--doc", DOC)["changes"]
    assert [c["action"] for c in changes] == ["add", "replace", "repeal"]
    assert changes[0]["sha256"] == __import__("hashlib").sha256(v1.read_bytes()).hexdigest()
    assert all(c["actor"].startswith("cli") for c in changes)
    assert "already repealed" in refused(data_dir, "policy", "repeal", DOC, "--on", "2026-02-01")


def test_draft_programme_writes_a_skeleton_the_loader_refuses_until_filled(data_dir, tmp_path):
    out = tmp_path / "yichun-2023-draft.yaml"
    got = ok(data_dir, "policy", "draft-programme", "yichun-2023", "--out", str(out))
    assert got["path"] == str(out) and out.read_text(encoding="utf-8") == got["yaml"]
    assert {"kind": "rate", "article": "一、补助标准", "quote": got["candidates"][0]["quote"]} in got["candidates"]
    assert "already exists" in refused(data_dir, "policy", "draft-programme", "yichun-2023", "--out", str(out))
    p = run(data_dir, "policy", "draft-programme", "yichun-2023")
    assert p.returncode == 0 and p.stdout == got["yaml"]
