"""Answering from the versions in force on a date, and keeping the engine in step with the policy store.

``answerer_on(day)`` gives the engine for the corpus of that day (``load_corpus(as_of=day)``): a question
about a date before a replacement took effect is retrieved, quoted and cited from the version then in
force (the index holds every version, and a search is kept to the corpus's versions). The engine follows
the store: after a policy is added, replaced or repealed the next call builds an engine on the new
texts, without a restart. While nothing was replaced it is the process-wide engine (``answer.answerer``).

Every answer that rests on a repealed document, or on one not yet in force on the day asked about, opens
with that document's status and date (``HistoryAnswerer``): a repealed policy is answered as history.

``warm_sentence_vectors`` prepares the quoting engine's sentence vectors for a new corpus from those of
the corpus before it, embedding only the new document's sentences, so the first question after a change
does not wait for the whole corpus to be embedded again.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
from typing import Any

from langchain_core.embeddings import Embeddings

from navigator.answer import Answer, Answerer
from navigator.corpus import Corpus, Document, load_corpus
from navigator.settings import Settings, settings

log = logging.getLogger(__name__)

ENGINES_KEPT = 2  # engines of other dates kept in memory besides today's
_BEIJING = dt.timezone(dt.timedelta(hours=8))
_LOCK = threading.Lock()


def day_of(as_of: dt.date | dt.datetime | None) -> dt.date:
    """The Beijing day of an evaluation date (today when None)."""
    if as_of is None:
        return dt.datetime.now(_BEIJING).date()
    return as_of.date() if isinstance(as_of, dt.datetime) else as_of


def status_note(doc: Document, day: dt.date) -> str | None:
    """What an answer resting on ``doc`` must say first on ``day``: repealed, or not yet in force; else None."""
    state = doc.status_on(day)
    if state == "repealed" and doc.repealed_on:
        by = f"（{doc.repealed_by}）" if doc.repealed_by else ""
        return (f"注意：《{doc.title}》已于{_cn_date(doc.repealed_on)}废止{by}，"
                f"以下为废止前的规定，仅供查阅，不再作为申报依据。")
    if state == "not_yet_effective":
        return f"注意：《{doc.title}》自{_cn_date(doc.in_force_from)}起施行，{_cn_date(day)}尚未生效。"
    return None


def _cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class HistoryAnswerer(Answerer):
    """The engine's answers, opened by the status of a repealed or not yet effective document they rest on."""

    def ask_in(self, conv, question: Any, profile=None, as_of: dt.date | dt.datetime | None = None) -> Answer:
        ans = super().ask_in(conv, question, profile=profile, as_of=as_of)
        if ans.refused:
            return ans
        corpus: Corpus = self.engine.corpus
        day = day_of(as_of)
        docs = list(dict.fromkeys([c.doc_id for c in ans.citations]
                                  + [self.engine.reg.programmes[p].doc for p in ans.programmes
                                     if p in self.engine.reg.programmes]))
        notes = [n for d in docs if d in corpus.docs and (n := status_note(corpus.docs[d], day))]
        if not notes:
            return ans
        head = "\n".join(notes)
        return ans.model_copy(update={"answer": f"{head}\n{ans.answer}",
                                      "headline": f"{head}\n{ans.headline}" if ans.headline else head})


def build_for(corpus: Corpus, cfg: Settings | None = None, embeddings: Embeddings | None = None) -> HistoryAnswerer:
    """The engine of ``corpus``: its programmes, an index search kept to its versions, its reader and quotes.

    The same parts as ``navigator.answer.build``, put together on the given corpus.
    """
    from navigator import service
    from navigator.answer import QueryCache
    from navigator.compose import Engine
    from navigator.programmes import registry
    from navigator.quoting import Quoter
    from navigator.reading import Reader, reader
    from navigator.retrieval import Retriever, make_embeddings
    from navigator.scope import Scope

    cfg = cfg or settings()
    reg = registry(corpus)
    embeddings = embeddings if isinstance(embeddings, QueryCache) else QueryCache(embeddings or make_embeddings(cfg))
    retr = Retriever(cfg=cfg, corpus=reg.corpus, embeddings=embeddings)
    rd = reader()
    if rd.corpus is not reg.corpus:
        rd = Reader(corpus=reg.corpus, gaz=rd.gaz, lex=rd.lex)
    quoter = Quoter(reg.corpus, rd.lex, embeddings=embeddings, cache_dir=cfg.data_dir / "cache")
    return HistoryAnswerer(Engine(retr, reg, rd, Scope(reg.corpus, rd, rd.lex), quoter, service))


def answerer_on(as_of: dt.date | dt.datetime | None = None) -> HistoryAnswerer:
    """The engine for the versions in force on ``as_of`` (today by default), following the policy store.

    While the day's corpus is the current one, this is the process-wide engine (loaded once, shared with the
    app's warm-up); another day's corpus (an earlier version in force) gets an engine of its own, kept for
    the next questions about it.
    """
    from navigator import answer
    from navigator.programmes import registry

    cfg = settings()
    corpus = load_corpus(as_of=day_of(as_of))
    with _LOCK:
        if registry().corpus.version == corpus.version:
            base = answer.answerer()
            if base.engine.corpus.version == corpus.version:
                return _wrap(base)
        return _engine(corpus.version, str(cfg.data_dir), cfg.chroma_host, corpus)


@functools.lru_cache(maxsize=4)
def _wrap(base: Answerer) -> HistoryAnswerer:
    return HistoryAnswerer(base.engine)


@functools.lru_cache(maxsize=ENGINES_KEPT)
def _engine(_version: str, _data_dir: str, _host: str | None, corpus: Corpus) -> HistoryAnswerer:
    """An engine of its own for a corpus other than the process-wide one, on the index the settings name."""
    return build_for(corpus)


class _Seeded(Embeddings):
    """An embedder that answers texts it was given vectors for and embeds only the others."""

    def __init__(self, inner: Embeddings, known: dict[str, Any]):
        self.inner = inner
        self.known = known
        self.name = getattr(inner, "name", type(inner).__name__)
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self.known))
        if missing:
            self.embedded += len(missing)
            self.known.update(zip(missing, self.inner.embed_documents(missing), strict=True))
        return [list(self.known[t]) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


class _NotCached(Exception):
    pass


class _Probe(Embeddings):
    """Refuses to embed: a Quoter built on it loads its vectors from the cache or fails."""

    def __init__(self, name: str):
        self.name = name

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise _NotCached

    def embed_query(self, text: str) -> list[float]:
        raise _NotCached


def warm_sentence_vectors(before: Corpus, after: Corpus, cfg: Settings | None = None,
                          embeddings: Embeddings | None = None) -> int:
    """Cache the sentence vectors of ``after`` for quoting, reusing those of ``before``; returns how many were
    embedded (the sentences ``before`` did not have, or all of them when ``before``'s were never cached)."""
    from navigator.quoting import Quoter
    from navigator.reading import lexicon
    from navigator.retrieval import make_embeddings

    cfg = cfg or settings()
    inner = embeddings or make_embeddings(cfg)
    name = getattr(inner, "name", type(inner).__name__)
    cache = cfg.data_dir / "cache"
    known: dict[str, Any] = {}
    try:
        old = Quoter(before, lexicon(), embeddings=_Probe(name), cache_dir=cache)
        if old.vectors is not None:
            known = {s.text: v for s, v in zip(old.sentences, old.vectors, strict=True)}
    except _NotCached:
        log.info("no cached sentence vectors for the corpus before the change: embedding all sentences")
    seeded = _Seeded(inner, known)
    Quoter(after, lexicon(), embeddings=seeded, cache_dir=cache)
    return seeded.embedded
