"""Publishing a change to the policies: store it, index only its articles, prepare its quotes.

One path for the command line (``policy add/replace/repeal``) and the 政策管理 page: the store records the
change (``navigator.policy_store``), then the retrieval index is brought up to date in place — only the
changed document's articles are embedded (``index_store.update_index``) — and the quoting engine's sentence
vectors are prepared from the previous ones (``versions.warm_sentence_vectors``), so the next question is
answered from the new text at once. A change the store refuses changes nothing; a change that was stored
but could not be indexed (a read-only data dir) is reported, and the index is rebuilt when next opened.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from navigator.corpus import load_corpus
from navigator.ingest import PolicyMeta
from navigator.policy_store import Change, LogEntry, PolicyStore

log = logging.getLogger(__name__)


class IndexUpdate(BaseModel):
    """What the index and the quote vectors went through after a change."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    incremental: bool = Field(description="Only the changed document's chunks were touched.")
    embedded: int = Field(default=0, description="Chunks embedded.")
    deleted: int = Field(default=0, description="Chunks removed.")
    chunks: int = Field(default=0, description="Chunks the index holds now.")
    sentences_embedded: int = Field(default=0, description="Sentences embedded for quoting.")
    seconds: float = Field(default=0.0, description="Time spent on the index and the quotes.")
    error: str | None = Field(default=None, description="Why the index could not be updated now (it is rebuilt "
                                                        "when next opened).")


class Published(BaseModel):
    """A change as recorded and indexed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Literal["add", "replace", "repeal"]
    doc_id: str
    version: int
    articles: int | None = Field(default=None, description="Articles parsed (add, replace).")
    entry: LogEntry
    index: IndexUpdate

    def to_contract(self) -> dict[str, Any]:
        """``{"doc_id", "version", "articles"}`` (CONTRACT.md ``policy add``/``replace``), with the repeal and
        the index update as extra keys."""
        doc: dict[str, Any] = {"doc_id": self.doc_id, "version": self.version}
        if self.articles is not None:
            doc["articles"] = self.articles
        if self.action == "repeal":
            doc["repealed_on"] = self.entry.repealed_on.isoformat() if self.entry.repealed_on else None
            doc["repealed_by"] = self.entry.repealed_by
        doc["index"] = self.index.model_dump(exclude_none=True)
        return doc


def _sync(store: PolicyStore, before, doc_id: str, warm: bool) -> IndexUpdate:
    """Bring the index and the quote vectors from ``before`` to the store's corpus now."""
    from navigator.index_store import IndexUnavailable, update_index
    from navigator.versions import warm_sentence_vectors

    started = time.perf_counter()
    after = load_corpus(store_dir=store.root, folder=store.shipped_folder)
    try:
        info = update_index(before, after, {doc_id})
    except IndexUnavailable as e:
        log.warning("the change to %s is recorded, but the index could not be updated: %s", doc_id, e)
        return IndexUpdate(incremental=False, error=str(e), seconds=round(time.perf_counter() - started, 2))
    sentences = 0
    if warm and before.version != after.version:
        try:
            sentences = warm_sentence_vectors(before, after)
        except OSError as e:  # a cache that cannot be written: the first question computes them
            log.info("sentence vectors not prepared: %s", e)
    return IndexUpdate(incremental=bool(info.get("incremental")), embedded=int(info.get("embedded", 0)),
                       deleted=int(info.get("deleted", 0)), chunks=int(info.get("chunks", 0)),
                       sentences_embedded=sentences, seconds=round(time.perf_counter() - started, 2))


def add(data: bytes | Path, meta: Path | str | bytes | dict | PolicyMeta, *, filename: str | None = None,
        actor: str | None = None, store: PolicyStore | None = None, warm: bool = True) -> Published:
    """Add a new policy and index it.

    Raises:
        IngestError, MetaError: the file or the metadata cannot be read (one line).
        StoreError: the id is taken.
    """
    store = store or PolicyStore.default()
    before = load_corpus(store_dir=store.root, folder=store.shipped_folder)
    change = store.add(data, meta, filename=filename, actor=actor)
    return _published("add", change, _sync(store, before, change.doc_id, warm))


def replace(doc_id: str, data: bytes | Path, meta: Path | str | bytes | dict | PolicyMeta, *,
            filename: str | None = None, actor: str | None = None, store: PolicyStore | None = None,
            warm: bool = True) -> Published:
    """Add a new version of a policy and index it; the old version stays for earlier dates.

    Raises:
        IngestError, MetaError: the file or the metadata cannot be read (one line).
        StoreError: an unknown or repealed id, or a version that does not start after the current one.
    """
    store = store or PolicyStore.default()
    before = load_corpus(store_dir=store.root, folder=store.shipped_folder)
    change = store.replace(doc_id, data, meta, filename=filename, actor=actor)
    return _published("replace", change, _sync(store, before, change.doc_id, warm))


def repeal(doc_id: str, on: dt.date, by: str | None = None, *, actor: str | None = None,
           store: PolicyStore | None = None) -> Published:
    """Mark a policy repealed from ``on``; it stays readable (and indexed) as history.

    Raises:
        StoreError: an unknown id, one already repealed, or a date before its latest version starts.
    """
    store = store or PolicyStore.default()
    before = load_corpus(store_dir=store.root, folder=store.shipped_folder)
    entry = store.repeal(doc_id, on, by, actor=actor)
    version = store.versions(doc_id)[-1].version
    index = _sync(store, before, doc_id, warm=False)  # no text changed: the index stays as it is
    return Published(action="repeal", doc_id=doc_id, version=version, entry=entry, index=index)


def _published(action: Literal["add", "replace"], change: Change, index: IndexUpdate) -> Published:
    return Published(action=action, doc_id=change.doc_id, version=change.version, articles=change.articles,
                     entry=change.entry, index=index)
