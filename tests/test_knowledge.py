"""Data health: the corpus is verbatim and parsed, every programme loads with verbatim citations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from calculators.models import Programme
from navigator.corpus import load_corpus, parse_articles, squash
from navigator.programmes import ProgrammeDataError, load_registry, registry

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CONTRACT_IDS = {
    "dongguan-2015-cloud-voucher", "dongguan-2015-platform-certification", "baiyun-2019-software-dev-cloud",
    "baiyun-2019-public-cloud", "baiyun-2019-cloud-software-park", "baiyun-2019-diagnosis",
    "baiyun-2019-smart-workshop", "guangdong-2020-cloud-voucher", "guangdong-2018-supplier-pool",
    "yichun-2023-cloud-subsidy", "yichun-2023-provider-filing",
}


def test_five_documents_with_metadata():
    docs = load_corpus().docs
    assert set(docs) == {"dongguan-2015", "baiyun-2019", "guangdong-2020", "guangdong-2018", "yichun-2023"}
    assert docs["baiyun-2019"].doc_number == "云科工商信〔2019〕22号"
    assert docs["baiyun-2019"].expires_on.isoformat() == "2022-08-13"
    assert docs["yichun-2023"].doc_number is None
    assert docs["dongguan-2015"].doc_number == "东经信〔2015〕220号"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the project")
def test_corpus_is_the_seed_text_with_extraction_noise_repaired():
    """Every paragraph of knowledge/policies is in its seed, once bold runs are undone and whitespace ignored."""
    for doc in load_corpus().docs.values():
        raw = (SEEDS / doc.seed).read_text(encoding="utf-8")
        seed = squash(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw))  # markdown links keep their text
        seed = re.sub(r"(.)\1{3}", r"\1", seed)
        seed = re.sub(r"(.{2,40}?)\1{3}", r"\1", seed)
        for para in doc.body.split("\n\n"):
            assert squash(para) in seed, (doc.id, para[:60])


def test_no_bold_runs_left():
    for doc in load_corpus().docs.values():
        assert not re.search(r"(.)\1{3}", squash(doc.body).replace("0000", "")), doc.id
        assert "（（" not in doc.body


def test_article_labels_a_reader_would_cite():
    c = load_corpus()
    labels = {d: {a.label for a in c.docs[d].articles.values()} for d in c.docs}
    assert {"第十一条（二）", "第十二条", "第十一条（四）2", "第二十一条"} <= labels["baiyun-2019"]
    assert {"四、奖补标准", "一、时间安排（一）", "二、面向范围"} <= labels["guangdong-2020"]
    assert {"二、申报条件（二）", "三、申报审核流程（二）3"} <= labels["yichun-2023"]
    assert {"附件1 二", "附件1 六", "附件2 四", "二、重点工作（一）"} <= labels["guangdong-2018"]
    assert {"第四条（五）", "第十二条"} <= labels["dongguan-2015"]


def test_broken_sentences_are_joined():
    baiyun = load_corpus().docs["baiyun-2019"]
    assert "单个企业可同时申请多种服务券，当年最高补贴额度不超过 200 万元" in baiyun.article_by_label("第十二条").text
    assert "截留、挪用、挤占服务券补助资金等行为" in baiyun.article_by_label("第二十一条").text


def test_parser_tree_and_paths():
    arts = parse_articles("x", "# 办法\n\n第一章 总则\n\n第一条 甲。\n\n（一）乙；\n\n1. 丙。\n\n第二条 丁。")
    by_label = {a.label: a for a in arts.values()}
    assert set(by_label) >= {"第一章 总则", "第一条", "第一条（一）", "第一条（一）1", "第二条"}
    assert by_label["第一条（一）1"].path == ["第一章 总则", "第一条", "第一条（一）"]
    assert "乙" in by_label["第一条"].text and "丙" in by_label["第一条"].text


def test_quote_check_is_whitespace_insensitive_and_strict():
    c = load_corpus()
    assert c.verify_quote("dongguan-2015", "每家企业三年累计补助最高不超过20万元")
    assert c.verify_quote("dongguan-2015", "每家企业三年累计补助最高不超过 20 万元")
    assert not c.verify_quote("dongguan-2015", "每家企业三年累计补助最高不超过100万元")
    with pytest.raises(ValueError):
        c.citation("dongguan-2015", "第十二条", "三年累计补助最高不超过100万元")
    with pytest.raises(ValueError):
        c.citation("dongguan-2015", "第九十九条", "补助")


def test_every_programme_of_the_contract_loads():
    assert set(registry().programmes) == CONTRACT_IDS


def programme_citations() -> list[dict]:
    """Every citation object in every programme, as plain dicts."""
    found: list[dict] = []

    def walk(x):
        if isinstance(x, dict):
            if {"doc_id", "article", "quote"} <= set(x):
                found.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for p in registry().programmes.values():
        walk(p.model_dump())
    return found


def test_every_citation_is_verbatim_in_its_article():
    corpus = registry().corpus
    cites = programme_citations()
    for c in cites:
        art = corpus.docs[c["doc_id"]].article_by_label(c["article"])
        assert art is not None and squash(c["quote"]) in squash(art.text), c
    assert len(cites) > 100


def test_loader_refuses_a_quote_not_in_the_text(tmp_path):
    src = Path(__file__).resolve().parents[1] / "knowledge" / "programmes" / "yichun-2023-cloud-subsidy.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["calculator"]["cap_cny"]["cite"]["quote"] = "单户企业最高不超过100万元"
    (tmp_path / "yichun-2023-cloud-subsidy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="not found verbatim"):
        load_registry(tmp_path)


def test_loader_refuses_a_value_without_citation(tmp_path):
    src = Path(__file__).resolve().parents[1] / "knowledge" / "programmes" / "yichun-2023-cloud-subsidy.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    del data["calculator"]["rate"]["cite"]
    (tmp_path / "yichun-2023-cloud-subsidy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="cite"):
        load_registry(tmp_path)


def test_no_policy_number_in_python():
    """Rates and caps live in knowledge/, not in code."""
    root = Path(__file__).resolve().parents[1]
    for path in [*root.glob("calculators/*.py"), *root.glob("navigator/*.py")]:
        text = path.read_text(encoding="utf-8")
        for figure in ("200000", "100000", "1000000", "0.40", "0.50", "0.80", "20000000", "5000000"):
            assert not re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d])", text), (path.name, figure)


def test_programme_model_forbids_unknown_keys():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Programme.model_validate({"id": "x-2020-y", "unknown": 1})


def test_figures_in_programme_texts_come_from_the_policy():
    """rate_text, cap_text and summary may only state figures that the programme's document states."""
    reg = registry()
    for p in reg.programmes.values():
        body = squash(reg.corpus.docs[p.doc].body)
        texts = [p.rate_text or "", p.cap_text or "", p.summary, p.who.text, p.window.text]
        texts += [x.text for x in [*p.materials, *p.process, *p.contacts, *p.notes, *p.attestations]]
        texts += [c.label for c in p.eligibility]
        # A window's end computed from the text (有效期三年 from the issue date) is the window's own data.
        derived = {str(n) for d in (p.window.opens, p.window.closes) if d for n in (d.year, d.month, d.day)}
        for text in texts:
            for fig in re.findall(r"\d+(?:\.\d+)?", text):
                assert fig in body or (text == p.window.text and fig in derived), (p.id, fig, text)


def test_registry_lists_every_programme_with_its_scenarios():
    root = Path(__file__).resolve().parents[1]
    rows = yaml.safe_load((root / "knowledge" / "registry.yaml").read_text(encoding="utf-8"))
    assert {r["id"] for r in rows} == CONTRACT_IDS
    reg = registry()
    for r in rows:
        prog = reg.get(r["id"])
        assert (prog.doc, prog.side) == (r["doc"], r["side"])
        scenarios = (root / "tests" / "scenarios" / r["scenarios"]).read_text(encoding="utf-8")
        assert r["id"] in scenarios, r["id"]


def _seed_forms():
    forms = []
    for p in sorted(SEEDS.glob("*.txt")):
        raw = squash(p.read_text(encoding="utf-8"))
        forms += [raw, re.sub(r"(.)\1{3}", r"\1", raw)]
    return forms


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the project")
def test_every_quote_we_may_give_is_in_the_original_seed_text():
    """Programme quotes and every quotable sentence read the same in the seed (bold runs undone only)."""
    from navigator.answer import Answerer

    forms = _seed_forms()

    def in_seed(q):
        q = squash(q)
        return len(q) >= 4 and any(q in f or re.sub(r"(.)\1{3}", r"\1", q) in f for f in forms)

    reg = registry()
    quotes = [c["quote"] for c in programme_citations()]
    assert [q for q in quotes if not in_seed(q)] == []
    quotable = Answerer._quotable
    probe = type("P", (), {"corpus": reg.corpus})()
    sentences = [s for a in reg.corpus.articles() for s in quotable(probe, a)]
    assert len(sentences) > 250
    assert [s for s in sentences if not in_seed(s)] == []
