"""The sentence-transformers embedder path (NAVIGATOR_EMBEDDER=st), fully offline.

A tiny random BERT (one layer, 32 dimensions) with a vocabulary of the CJK
characters of a few policy sentences is saved as a SentenceTransformer in a
temporary directory; the embedder, the index build and the retriever are then
run over it with the hub switched off. The vectors mean nothing: these tests
check plumbing (shapes, norms, one vector per chunk, idempotent builds), not
relevance.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from navigator.corpus import load_corpus
from navigator.retrieval import (
    LocalSentenceTransformerEmbeddings,
    Retriever,
    build_index,
    chroma_client,
    chunks,
    make_embeddings,
)
from navigator.settings import Settings

DIM = 32
SENTENCES = [
    "东莞市工业云公共服务平台认定管理暂行办法",
    "广州市白云区企业上云上平台服务券实施办法",
    "公有云按服务费的50%给予补贴，全库纳税2000万元以上的企业最高补贴100万元。",
    "伊春市支持工业企业上云补助实施细则，按照云服务合同额的50%给予补助。",
    "云服务商备案需提交营业执照、申请表和相关证明材料。",
    "广东省工业互联网产业生态供给资源池优秀供应商培育工作方案",
]
COLLECTION = "tiny_st"  # Chroma wants 3-512 characters
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


@pytest.fixture(scope="module", autouse=True)
def offline():
    """No hub access for anything in this module."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        mp.setenv("ANONYMIZED_TELEMETRY", "False")
        yield


def _st_modules():
    try:  # sentence-transformers >= 6
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:  # 3.x - 5.x
        from sentence_transformers.models import Pooling, Transformer
    return Transformer, Pooling


@pytest.fixture(scope="module")
def st_model_dir(tmp_path_factory) -> Path:
    """A random tiny BERT saved as a SentenceTransformer directory."""
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    root = tmp_path_factory.mktemp("st")
    chars = sorted({ch for s in SENTENCES for ch in s if not ch.isspace()} | set("0123456789%"))
    vocab = [*SPECIAL, "query", "passage", ":", *chars]  # the e5 prefixes the embedder adds are words too
    bert_dir = root / "bert"
    bert_dir.mkdir()
    (bert_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    # Loaded from the directory: transformers 5 ignores a ``vocab_file=`` argument and would map every
    # character to [UNK].
    tokenizer = BertTokenizerFast.from_pretrained(str(bert_dir), do_lower_case=False, model_max_length=128)
    assert tokenizer.unk_token_id not in tokenizer(SENTENCES[0])["input_ids"]
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=DIM, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(str(bert_dir))
    tokenizer.save_pretrained(str(bert_dir))

    Transformer, Pooling = _st_modules()
    word = Transformer(str(bert_dir), max_seq_length=128)
    pooling = Pooling(DIM, pooling_mode="mean")
    model_dir = root / "tiny-st"
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(model_dir))
    return model_dir


@pytest.fixture(scope="module")
def embedder(st_model_dir) -> LocalSentenceTransformerEmbeddings:
    return LocalSentenceTransformerEmbeddings(st_model_dir)


def _norm(v: list[float]) -> float:
    return math.sqrt(sum(x * x for x in v))


def test_embeds_queries_and_documents_as_unit_vectors(embedder, st_model_dir):
    docs = embedder.embed_documents(SENTENCES[:3])
    assert len(docs) == 3 and all(len(v) == DIM for v in docs)
    assert all(_norm(v) == pytest.approx(1.0, abs=1e-4) for v in docs)
    q = embedder.embed_query("白云区公有云补贴比例是多少？")
    assert isinstance(q, list) and len(q) == DIM and isinstance(q[0], float)
    assert _norm(q) == pytest.approx(1.0, abs=1e-4)
    # One text alone still comes back as a list of one vector.
    one = embedder.embed_documents([SENTENCES[0]])
    assert len(one) == 1 and len(one[0]) == DIM
    # The query and passage prefixes are applied: the same text embeds differently as each.
    assert embedder.embed_query(SENTENCES[0]) != pytest.approx(one[0], abs=1e-6)
    assert embedder.name.startswith(f"st:{st_model_dir.resolve()}:")


def test_make_embeddings_picks_the_local_model(st_model_dir, tmp_path):
    cfg = Settings(data_dir=tmp_path, embedder="st", st_model_path=st_model_dir, chroma_host=None)
    emb = make_embeddings(cfg)
    assert isinstance(emb, LocalSentenceTransformerEmbeddings)
    assert len(emb.embed_query("伊春")) == DIM


def test_build_index_one_vector_per_chunk_and_idempotent(st_model_dir, tmp_path):
    cfg = Settings(data_dir=tmp_path, embedder="st", st_model_path=st_model_dir, collection=COLLECTION,
                   chroma_host=None)
    corpus = load_corpus()
    emb = make_embeddings(cfg)
    items = chunks(corpus)

    first = build_index(cfg=cfg, corpus=corpus, embeddings=emb)
    assert first["rebuilt"] is True and first["collection"] == COLLECTION
    assert first["chunks"] == len(items)
    assert len(first["fingerprint"]) == 16
    col = chroma_client(cfg).get_collection(COLLECTION)
    assert col.count() == len(items)
    got = col.get(ids=[items[0].id, items[-1].id], include=["embeddings", "metadatas"])
    assert len(got["embeddings"]) == 2 and all(len(v) == DIM for v in got["embeddings"])
    assert {m["doc_id"] for m in got["metadatas"]} <= set(corpus.docs)
    assert sorted(col.get(include=[])["ids"]) == sorted(c.id for c in items)

    second = build_index(cfg=cfg, corpus=corpus, embeddings=emb)
    assert second["rebuilt"] is False
    assert second["fingerprint"] == first["fingerprint"]
    assert chroma_client(cfg).get_collection(COLLECTION).count() == len(items)


def test_retriever_over_the_st_index_returns_hits(st_model_dir, tmp_path):
    cfg = Settings(data_dir=tmp_path, embedder="st", st_model_path=st_model_dir, collection=COLLECTION,
                   chroma_host=None)
    corpus = load_corpus()
    retr = Retriever(cfg=cfg, corpus=corpus, embeddings=make_embeddings(cfg))
    hits = retr.search("白云区公有云补贴比例是多少？", k=5)
    assert 1 <= len(hits) <= 5
    assert all(h.chunk.article.doc_id in corpus.docs for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any(h.dense_rank is not None for h in hits)
    # The random vectors carry no meaning, but the lexical side still finds the district's document.
    assert any(h.chunk.article.doc_id == "baiyun-2019" for h in hits)
    only = retr.search("补助标准", k=3, doc_ids={"yichun-2023"})
    assert only and all(h.chunk.article.doc_id == "yichun-2023" for h in only)


def test_missing_model_directory_is_a_clear_error(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(FileNotFoundError, match="model directory not found") as e:
        LocalSentenceTransformerEmbeddings(missing)
    assert str(missing) in str(e.value)


def test_st_embedder_without_a_path_is_a_clear_error(tmp_path):
    cfg = Settings(data_dir=tmp_path, embedder="st", st_model_path=None, chroma_host=None)
    with pytest.raises(ValueError, match="NAVIGATOR_ST_MODEL_PATH"):
        make_embeddings(cfg)

