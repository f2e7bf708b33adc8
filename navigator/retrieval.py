"""Hybrid retrieval over the parsed articles: dense e5 embeddings in Chroma + lexical BM25, fused by RRF.

Chunks are the articles themselves, each embedded and matched together with a
contextual header (document title + article path). Ingestion is idempotent:
chunk ids are the article ids, re-running replaces, and the collection records
the corpus hash and the embedder so a stale index is rebuilt, never served.
Opening, checking, healing and building the store live in
``navigator.index_store``; the embedders in ``navigator.embeddings``.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from navigator.corpus import Corpus, load_corpus
from navigator.embeddings import E5Embeddings, LocalSentenceTransformerEmbeddings, embedder_name, make_embeddings
from navigator.index_store import (
    Chunk,
    IndexState,
    IndexUnavailable,
    build_index,
    check_index,
    chroma_client,
    chunks,
    fingerprint,
    index_is_fresh,
    open_index,
)
from navigator.settings import Settings, settings

__all__ = [
    "Chunk", "E5Embeddings", "Hit", "IndexState", "IndexUnavailable", "Lexical", "LocalSentenceTransformerEmbeddings",
    "Retriever", "build_index", "check_index", "chroma_client", "chunks", "embedder_name", "expand_query",
    "fingerprint", "index_is_fresh", "jieba_tokenizer", "lexical_tokens", "make_embeddings", "open_index",
    "retriever",
]

log = logging.getLogger(__name__)

RRF_K = 60
DOC_WEIGHT = 0.5  # the document list is a prior, not a third equal voter


# --- lexical side ---------------------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ASCII = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_STOP = set("的了是在和与及或等对为有要以由把被吗呢么啊吧呀哪些什么怎么如何多少请问我我们你")


@functools.lru_cache(maxsize=1)
def jieba_tokenizer():
    """jieba, initialised once and quiet, without the dictionary words the lexicon splits (钱会: 钱 | 会)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for w in _lexicon().segmenter_splits:
        jieba.del_word(w)
    for w in _lexicon().segmenter_words:
        jieba.add_word(w)
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


def _lexicon():
    """The validated lexicon, read once by ``navigator.reading`` (imported here late: it imports the corpus)."""
    from navigator.reading import lexicon

    return lexicon()


def _synonyms() -> list[list[str]]:
    return _lexicon().synonyms


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
        self.cfg = cfg or settings()
        self.corpus = corpus or load_corpus()
        self.embeddings = embeddings or make_embeddings(self.cfg)
        self._reopening = threading.Lock()
        self.client, self.info = open_index(cfg=self.cfg, corpus=self.corpus, embeddings=self.embeddings)
        self.items = chunks(self.corpus)
        self.by_id = {c.id: i for i, c in enumerate(self.items)}
        # The index holds every version of every document; a search is kept to this corpus's versions.
        self.keys = {d.id: d.version_key for d in self.corpus.docs.values()}
        self.other_versions = sum(1 for d in self.corpus.history if self.keys.get(d.id) != d.version_key)
        self.lexical = Lexical(self.items)
        self.doc_ids = list(self.corpus.docs)
        self.doc_profiles = Lexical.__new__(Lexical)
        self._index_documents()
        self.store = self._store()

    def _store(self):
        from langchain_chroma import Chroma

        return Chroma(client=self.client, collection_name=self.cfg.collection, embedding_function=self.embeddings,
                      create_collection_if_not_exists=False)

    def reopen(self) -> None:
        """Open the index again: another process rebuilt it, or moved an unreadable one aside."""
        with self._reopening:
            self.client, self.info = open_index(cfg=self.cfg, corpus=self.corpus, embeddings=self.embeddings)
            self.store = self._store()

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
        where = self._where(doc_ids)
        try:
            docs = self.store.similarity_search_by_vector_with_relevance_scores(vec, k=min(k, len(self.items)),
                                                                                filter=where)
        except Exception as e:  # noqa: BLE001 - another process may have rebuilt the index since it was opened
            log.info("the index could not be searched (%s): opening it again", _short(e))
            self.reopen()
            try:
                docs = self.store.similarity_search_by_vector_with_relevance_scores(vec, k=min(k, len(self.items)),
                                                                                    filter=where)
            except Exception as again:
                raise IndexUnavailable(f"the index cannot be searched: {_short(again)}") from again
        out = []
        for doc, dist in docs:
            idx = self.by_id.get(doc.id) if doc.id else None
            if idx is not None:
                out.append((idx, 1.0 - float(dist)))
        return out

    def _where(self, doc_ids: set[str] | None) -> dict | None:
        """The Chroma filter: the documents asked for, in this corpus's versions; None when nothing to filter."""
        if doc_ids:
            return {"doc_id": {"$in": sorted(self.keys.get(d, d) for d in doc_ids)}}
        if self.other_versions:
            return {"doc_id": {"$in": sorted(self.keys.values())}}
        return None

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


def _short(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 200 else text[:197] + "..."
