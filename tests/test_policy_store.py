"""The policy store: add, replace, repeal, list, versions by date, the change log, and the corpus built on it."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
import yaml

from navigator.corpus import POLICIES, Corpus, PolicyDataError, load_corpus, load_document, shipped_documents
from navigator.ingest import IngestError, MetaError
from navigator.policy_store import PolicyStore, StoreError
from navigator.programmes import load_registry
from navigator.settings import settings

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from policy_files import ARTICLE_3, MEASURE, META_YAML, docx_bytes, pdf_bytes, scanned_pdf_bytes

DOC = "tianmen-2024-cloud"
D = dt.date.fromisoformat


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NAVIGATOR_DATA_DIR", str(tmp_path))
    settings.cache_clear()
    yield tmp_path
    settings.cache_clear()


@pytest.fixture
def store(data_dir) -> PolicyStore:
    return PolicyStore.default()


def _meta(**change) -> dict:
    return {**yaml.safe_load(META_YAML), **change}


def _v2_measure() -> list[str]:
    return [line.replace("30%", "40%").replace("5万元", "8万元").replace("2024年4月1日", "2025年1月1日")
            for line in MEASURE]


def test_nothing_added_is_the_shipped_corpus(store):
    corpus = load_corpus()
    assert corpus.version == Corpus(list(shipped_documents(POLICIES))).version
    assert [d.source for d in corpus.docs.values()] == ["shipped"] * 5
    assert {p.doc_id: p.source for p in store.list()} == dict.fromkeys(corpus.docs, "shipped")
    assert not store.root.exists(), "reading creates nothing in the data dir"


def test_add_a_word_file_and_cite_it(store, data_dir):
    data = docx_bytes()
    change = store.add(data, META_YAML, filename="天门.docx", actor="staff-li")
    assert change.to_contract() == {"doc_id": DOC, "version": 1, "articles": 13}
    folder = data_dir / "policies" / DOC / "v1"
    assert (folder / "source.docx").read_bytes() == data
    stored = load_document(folder / "policy.md")  # the same format as knowledge/policies
    assert stored.seed is None and stored.region == {"province": "湖北省", "city": "天门市"}
    assert stored.notice_title == "关于印发《天门市支持企业上云用云实施办法》的通知"

    corpus = load_corpus()
    assert corpus.version != Corpus(list(shipped_documents(POLICIES))).version
    doc = corpus.docs[DOC]
    assert (doc.source, doc.version, doc.sha256) == ("added", 1, hashlib.sha256(data).hexdigest())
    cite = corpus.citation(DOC, "第三条", ARTICLE_3)
    assert cite.title == "天门市支持企业上云用云实施办法" and cite.doc_number == "天经信〔2024〕15号"
    assert len(load_registry(corpus=corpus).programmes) == 11  # the programme loader is unchanged
    assert doc.status_on(D("2024-03-15")) == "not_yet_effective" and doc.status_on(D("2025-01-01")) == "in_force"

    with pytest.raises(StoreError, match="already exists; add a new version with replace"):
        store.add(pdf_bytes(), META_YAML)
    with pytest.raises(StoreError, match="already exists"):
        store.add(docx_bytes(), _meta(id="baiyun-2019"))


def test_replace_keeps_the_old_version_for_earlier_dates(store):
    store.add(pdf_bytes(), META_YAML, filename="v1.pdf")
    v2 = _meta(issued_on=D("2024-12-01"), effective_on=D("2025-01-01"), expires_on=D("2027-12-31"))
    change = store.replace(DOC, docx_bytes(measure=_v2_measure()), v2, filename="v2.docx", actor="staff-wang")
    assert (change.version, change.articles) == (2, 13)

    assert store.version_in_force(DOC, D("2024-06-01")).version == 1
    assert store.version_in_force(DOC, D("2024-12-31")).version == 1
    assert store.version_in_force(DOC, D("2025-01-01")).version == 2
    assert store.version_in_force(DOC, D("2024-03-01")) is None  # before the first version took effect
    v1, v2_info = store.versions(DOC)
    assert v1.in_force_until == D("2024-12-31") and v2_info.in_force_until == D("2027-12-31")

    latest = load_corpus().docs[DOC]
    assert (latest.version, latest.versions) == (2, 2)
    assert "单个企业最高不超过8万元" in latest.article_by_label("第三条").text
    earlier = load_corpus(as_of=D("2024-06-01")).docs[DOC]
    assert earlier.version == 1 and ARTICLE_3 in earlier.article_by_label("第三条").text
    assert earlier.superseded_on == D("2025-01-01") and earlier.status_on(D("2025-02-01")) == "superseded"
    assert store.document(DOC, version=1).body == earlier.body  # old versions stay readable

    with pytest.raises(StoreError, match="must take effect after version 2"):
        store.replace(DOC, pdf_bytes(), _meta(issued_on=D("2024-12-02"), effective_on=D("2024-12-15")))
    with pytest.raises(StoreError, match="the metadata is for 'tianmen-2024-cloud', not 'yichun-2023'"):
        store.replace("yichun-2023", pdf_bytes(), META_YAML)
    with pytest.raises(StoreError, match="unknown document 'no-such-doc'"):
        store.replace("no-such-doc", pdf_bytes(), _meta(id="no-such-doc"))


def test_repeal_from_a_date_and_readable_as_history(store):
    store.add(docx_bytes(), META_YAML)
    store.repeal(DOC, D("2026-01-01"), by="天经信〔2025〕30号", actor="staff-li")

    rows = {p.doc_id: p for p in store.list(as_of=D("2026-02-01"))}
    assert rows[DOC].status == "repealed" and rows[DOC].repealed_by == "天经信〔2025〕30号"
    assert rows[DOC].to_contract(programmes=0) == {"doc_id": DOC, "title": "天门市支持企业上云用云实施办法",
                                                   "version": 1, "status": "repealed", "source": "added",
                                                   "programmes": 0}
    assert {p.doc_id: p.status for p in store.list(as_of=D("2025-06-01"))}[DOC] == "in_force"
    assert store.version_in_force(DOC, D("2025-12-31")).in_force_until == D("2025-12-31")
    assert store.version_in_force(DOC, D("2026-01-01")) is None

    doc = load_corpus(as_of=D("2026-02-01")).docs[DOC]  # still there, as history
    assert doc.repealed_on == D("2026-01-01") and doc.status_on(D("2026-02-01")) == "repealed"
    assert doc.status_on(D("2025-06-01")) == "in_force"
    assert load_corpus().citation(DOC, "第三条", ARTICLE_3).article == "第三条"

    with pytest.raises(StoreError, match="already repealed from 2026-01-01"):
        store.repeal(DOC, D("2026-06-01"))
    with pytest.raises(StoreError, match="repealed from 2026-01-01; add the new text under a new id"):
        store.replace(DOC, pdf_bytes(), _meta(issued_on=D("2026-03-01"), effective_on=None))


def test_repeal_date_must_follow_the_version(store):
    store.add(docx_bytes(), META_YAML)
    with pytest.raises(StoreError, match="must come after version 1 took effect"):
        store.repeal(DOC, D("2024-04-01"))


def test_shipped_policies_can_be_replaced_and_repealed_without_touching_knowledge(store):
    shipped_files = {p.name: p.read_bytes() for p in POLICIES.glob("*.md")}
    store.repeal("baiyun-2019", D("2022-08-14"), by="有效期届满")
    yichun = load_corpus().docs["yichun-2023"]
    body = yichun.body.replace("按照云服务合同额的50%给予补助", "按照云服务合同额的60%给予补助")
    meta = yichun.model_dump(include={"id", "title", "notice_title", "issuer", "region", "aliases", "annexes"})
    store.replace("yichun-2023", body.encode("utf-8"), {**meta, "issued_on": D("2025-01-01")}, filename="yichun.txt")

    rows = {p.doc_id: p for p in store.list(as_of=D("2025-06-01"))}
    assert (rows["baiyun-2019"].status, rows["baiyun-2019"].source) == ("repealed", "shipped")
    assert (rows["yichun-2023"].version, rows["yichun-2023"].source, rows["yichun-2023"].status) == \
        (2, "shipped", "in_force")
    assert {p.name: p.read_bytes() for p in POLICIES.glob("*.md")} == shipped_files

    now, before = load_corpus(), load_corpus(as_of=D("2024-06-01"))
    assert now.verify_quote("yichun-2023", "按照云服务合同额的60%给予补助")
    assert before.verify_quote("yichun-2023", "按照云服务合同额的50%给予补助")
    assert [a.label for a in now.docs["yichun-2023"].articles.values()] == \
        [a.label for a in before.docs["yichun-2023"].articles.values()]
    assert before.docs["yichun-2023"].source == "shipped" and before.docs["yichun-2023"].versions == 2
    assert now.docs["baiyun-2019"].repealed_on == D("2022-08-14")
    assert now.docs["baiyun-2019"].articles == shipped_documents(POLICIES)[0].articles


def test_every_change_is_logged_with_the_file_hash_and_who(store):
    first, second = docx_bytes(), docx_bytes(measure=_v2_measure())
    store.add(first, META_YAML, filename="a.docx", actor="staff-li")
    store.replace(DOC, second, _meta(issued_on=D("2024-12-01"), effective_on=D("2025-01-01")), filename="b.docx")
    store.repeal(DOC, D("2026-01-01"), by="天经信〔2025〕30号", actor="staff-zhao")
    log = store.log()
    assert [(e.seq, e.action, e.version, e.actor) for e in log] == [
        (1, "add", 1, "staff-li"), (2, "replace", 2, None), (3, "repeal", None, "staff-zhao")]
    assert [e.sha256 for e in log[:2]] == [hashlib.sha256(first).hexdigest(), hashlib.sha256(second).hexdigest()]
    assert [e.filename for e in log[:2]] == ["a.docx", "b.docx"] and log[0].kind == "docx"
    assert log[2].repealed_on == D("2026-01-01") and log[2].repealed_by == "天经信〔2025〕30号"
    assert all(e.at.utcoffset() == dt.timedelta(hours=8) for e in log)
    lines = (store.root / "log.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and '"action": "repeal"' in lines[2]


def test_bad_files_and_metadata_change_nothing(store):
    with pytest.raises(IngestError, match="未识别到文字层"):
        store.add(scanned_pdf_bytes(), META_YAML)
    with pytest.raises(MetaError, match="region: city：不认识的城市"):
        store.add(docx_bytes(), _meta(region={"city": "火星市"}))
    with pytest.raises(IngestError, match="未识别出条款结构"):
        store.add("这是一段没有条款的说明文字。".encode(), META_YAML)
    assert not (store.root / "log.jsonl").exists() and not (store.root / DOC).exists()
    assert len(load_corpus().docs) == 5


def test_damaged_store_files_are_one_line_errors(store):
    store.add(docx_bytes(), META_YAML)
    policy = store.root / DOC / "v1" / "policy.md"
    policy.write_text(policy.read_text(encoding="utf-8").replace("issuer:", "issuer_name:"), encoding="utf-8")
    with pytest.raises(PolicyDataError) as e:
        load_corpus()
    assert str(e.value).startswith(f"{DOC}/v1/policy.md: ") and "issuer" in str(e.value) and "\n" not in str(e.value)
    with (store.root / "log.jsonl").open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    with pytest.raises(StoreError, match=r"log.jsonl: line 2 is not a valid change record"):
        store.list()


def _add_in_another_process(root: str, doc_id: str) -> str:
    from navigator.policy_store import PolicyStore, StoreError

    meta = {**yaml.safe_load(META_YAML), "id": doc_id}
    try:
        return PolicyStore(Path(root)).add(docx_bytes(), meta, actor=doc_id).doc_id
    except StoreError as e:
        return f"refused: {e}"


def test_concurrent_writers_lose_nothing(store):
    ids = ["tianmen-a", "tianmen-b", "tianmen-c", "tianmen-d", "tianmen-race", "tianmen-race"]
    with ProcessPoolExecutor(max_workers=3, mp_context=get_context("spawn")) as pool:
        results = list(pool.map(_add_in_another_process, [str(store.root)] * len(ids), ids))
    assert sorted(r for r in results if not r.startswith("refused")) == sorted(set(ids))
    assert [r for r in results if r.startswith("refused")] == ["refused: tianmen-race already exists; add a new "
                                                               "version with replace"]
    log = store.log()
    assert [e.seq for e in log] == [1, 2, 3, 4, 5] and sorted(e.doc_id for e in log) == sorted(set(ids))
    assert set(load_corpus().docs) >= set(ids)
