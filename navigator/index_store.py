"""The index: what is indexed (one chunk per article) and the Chroma store that holds it.

The store is read through when it is opened; one that cannot be read ("database
disk image is malformed", "file is not a database", ...) is moved aside, kept as
``chroma.corrupt-<time>``, and rebuilt. Builds hold a file lock (``filelock``) in
the data dir, so processes take turns and a waiting one then uses the new index;
a build writes a new collection and puts it in place only when it is complete.
A read-only data dir serves a fresh index (from a private copy, as Chroma writes
even to read) and builds nothing. With ``NAVIGATOR_CHROMA_HOST`` the same runs
against a Chroma server, without a file lock.

The building blocks (``locked_collection``, ``upsert_chunks``, ``delete_chunks``,
``set_fingerprint``) let other code change one document's chunks in place.
"""

from __future__ import annotations

import atexit
import datetime as dt
import errno
import hashlib
import logging
import os
import shutil
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field

from navigator.corpus import Article, Corpus, Document, load_corpus
from navigator.embeddings import embedder_name, make_embeddings
from navigator.settings import Settings, data_dir_problem, settings

log = logging.getLogger(__name__)

MAX_CHUNK_CHARS = 1500


# --- chunks ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """One retrievable unit: an article, with the header it is embedded with."""

    id: str
    article: Article
    header: str
    text: str
    key: str = ""  # the document version's key (``Document.version_key``): what a search filters on

    @property
    def version_key(self) -> str:
        return self.key or self.article.doc_id

    @property
    def content(self) -> str:
        return f"{self.header}\n{self.text}"


def chunk_id(doc: Document, art: Article) -> str:
    """The chunk id of an article: the article id for version 1, ``doc@vN/label`` for a later version."""
    return art.id if doc.version == 1 else f"{doc.version_key}/{art.label}"


def doc_chunks(doc: Document) -> list[Chunk]:
    """One document's retrievable articles: every node but containers; oversized nodes give their own text."""
    out = []
    for art in sorted(doc.articles.values(), key=lambda a: a.order):
        if art.kind in ("chapter", "annex") and not art.own_text:
            continue
        text = art.text if len(art.text) <= MAX_CHUNK_CHARS else (art.heading + art.own_text)
        if len(text.strip()) < 4:
            continue
        path = " > ".join([*art.path, art.label])
        header = f"《{doc.title}》 {path}"
        out.append(Chunk(id=chunk_id(doc, art), article=art, header=header, text=text, key=doc.version_key))
    return out


def chunks(corpus: Corpus) -> list[Chunk]:
    """The retrievable articles of the corpus's documents (one version of each), in reading order."""
    return [c for d in corpus.docs.values() for c in doc_chunks(d)]


def index_chunks(corpus: Corpus) -> list[Chunk]:
    """What the index holds: the chunks of every version of every document (``corpus.history``).

    Replaced versions stay indexed so that a question about an earlier date is answered from the version
    then in force; a repealed document stays indexed as history.
    """
    return [c for d in corpus.history for c in doc_chunks(d)]


# --- the store -------------------------------------------------------------------------------------


BUILD_WAIT_S = 900  # how long a process waits for another process's build before giving up
EMBED_BATCH = 16
_BUILD_TAG = "-build-"  # a collection being built is named <collection>-build-<random> until it is complete
_ACCESS_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}
_ACCESS_WORDS = ("readonly database", "read-only", "permission denied", "disk is full", "disk quota",
                 "unable to open database file")

IndexStateName = Literal["fresh", "stale", "missing", "corrupt", "locked", "unusable"]


class IndexUnavailable(RuntimeError):
    """The index can be neither served nor built here; the message says why, on one line."""


class IndexState(BaseModel):
    """The state of the stored index against the texts (``navigator index --check``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state: IndexStateName = Field(description=(
        "fresh: serves as is; stale: made from other texts or by another embedder, or incomplete; missing; "
        "corrupt: cannot be read (it is moved aside and rebuilt on next use); locked: a build is running; "
        "unusable: the data dir or the Chroma server cannot be used."))
    path: str = Field(description="The Chroma directory, or the Chroma server's address.")
    collection: str = Field(description="The Chroma collection name.")
    chunks: int | None = Field(default=None, description="Chunks stored; None when unknown.")
    expected_chunks: int = Field(description="Chunks the texts make now.")
    fingerprint: str | None = Field(default=None, description="Fingerprint stored with the collection.")
    expected_fingerprint: str = Field(description="Fingerprint of the texts, chunks and embedder now.")
    writable: bool = Field(description="Whether this process may build the index there.")
    detail: str | None = Field(default=None, description="Why the index is not fresh, in one line.")
    moved_aside: list[str] = Field(default=[], description="Unreadable stores moved aside earlier, kept.")

    @property
    def usable(self) -> bool:
        """Whether ``ask`` is served from this index as it is."""
        return self.state == "fresh"

    def to_json(self) -> dict[str, Any]:
        """The JSON document ``index --check`` prints."""
        return {**self.model_dump(), "usable": self.usable}


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _is_not_found(e: BaseException) -> bool:
    from chromadb import errors

    text = str(e)
    return isinstance(e, getattr(errors, "NotFoundError", ())) or ("Collection" in text and "does not exist" in text)


def _classify(e: BaseException) -> Literal["corrupt", "unusable", "locked"]:
    """What an error raised while reading the store means: the store is damaged, or we may not use it."""
    if isinstance(e, OSError) and e.errno in _ACCESS_ERRNOS:
        return "unusable"
    text = str(e).lower()
    if "database is locked" in text:
        return "locked"
    if any(w in text for w in _ACCESS_WORDS):
        return "unusable"
    return "corrupt"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


_CLIENTS_LOCK = threading.RLock()
_OPENED: dict[str, tuple[int, int] | None] = {}  # store path -> its chroma.sqlite3 when the client was made


def _forget(path: Path | str) -> None:
    """Drop chromadb's cached system for a store path, so the next client reads the files afresh."""
    from chromadb.api.shared_system_client import SharedSystemClient

    key = str(path)
    with _CLIENTS_LOCK:
        _OPENED.pop(key, None)
        systems = getattr(SharedSystemClient, "_identifier_to_system", None)
        if not isinstance(systems, dict):
            SharedSystemClient.clear_system_cache()
            return
        system = systems.pop(key, None)
        refcounts = getattr(SharedSystemClient, "_identifier_to_refcount", None)
        if isinstance(refcounts, dict):
            refcounts.pop(key, None)
    if system is not None:
        try:
            system.stop()
        except Exception as e:  # noqa: BLE001 - a broken system may fail to stop; it is dropped either way
            log.debug("stopping the chroma system for %s: %s", key, _one_line(e))


def chroma_client(cfg: Settings | None = None, path: Path | None = None):
    """PersistentClient on disk (``path``, default the data dir's store); HttpClient with ``NAVIGATOR_CHROMA_HOST``.

    A store that another process moved aside and rebuilt since this process opened it is read afresh.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    cfg = cfg or settings()
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if cfg.chroma_host:
        return chromadb.HttpClient(host=cfg.chroma_host, port=cfg.chroma_port, settings=chroma_settings)
    store = Path(path or cfg.chroma_dir)
    store.mkdir(parents=True, exist_ok=True)
    key = str(store)
    with _CLIENTS_LOCK:
        if key in _OPENED and _OPENED[key] != _identity(store / "chroma.sqlite3"):
            _forget(key)
        try:
            client = chromadb.PersistentClient(path=key, settings=chroma_settings)
        except BaseException:
            _forget(key)  # chromadb caches a half-made system for the path; the next attempt must not reuse it
            raise
        _OPENED[key] = _identity(store / "chroma.sqlite3")
    return client


def fingerprint(corpus: Corpus, items: list[Chunk], embedder: str) -> str:
    """What the stored vectors were made from: the texts of every version, chunk ids and contents, embedder."""
    h = hashlib.sha256(corpus.index_key.encode())
    for c in items:
        h.update(c.id.encode())
        h.update(c.content.encode())
    h.update(embedder.encode())
    return h.hexdigest()[:16]


def index_lock(cfg: Settings | None = None):
    """The file lock (``filelock``) that serialises builds across processes; one instance per path."""
    from filelock import FileLock

    cfg = cfg or settings()
    return FileLock(str(cfg.index_lock), is_singleton=True)


def _data_dir_access(cfg: Settings) -> tuple[bool, str | None]:
    """(writable, why it cannot be used at all): a read-only data dir may still serve a fresh index."""
    problem = data_dir_problem(cfg)
    if problem:
        return False, problem
    d = cfg.data_dir
    try:
        d.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=d):
            pass
    except OSError as e:
        if e.errno in _ACCESS_ERRNOS:
            return False, None
        return False, f"the data dir {d} cannot be used: {e.strerror or e} (NAVIGATOR_DATA_DIR)"
    return True, None


@contextmanager
def _locked(cfg: Settings, wait: float = BUILD_WAIT_S) -> Iterator[None]:
    """Hold the build lock, waiting for another process's build to finish."""
    from filelock import Timeout

    lock = index_lock(cfg)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise IndexUnavailable(f"another process has been building the index in {cfg.data_dir} for over "
                               f"{wait:.0f} s; try again later") from None
    except OSError as e:
        raise IndexUnavailable(f"cannot lock {cfg.index_lock}: {e.strerror or e}") from None
    try:
        yield
    finally:
        lock.release()


def _probe(client, name: str) -> tuple[Any, int | None, str | None]:
    """(collection, count, stored fingerprint), reading the collection through: one vector and a query with it.

    Raises whatever Chroma raises for a store it cannot read; a missing collection is (None, None, None).
    """
    try:
        col = client.get_collection(name)
    except Exception as e:
        if _is_not_found(e):
            return None, None, None
        raise
    stored = (col.metadata or {}).get("fingerprint")
    n = col.count()
    if n:
        got = col.get(limit=1, include=["embeddings"])
        vecs = got.get("embeddings")
        if vecs is None or len(vecs) == 0:
            raise ValueError("a stored chunk has no vector")
        col.query(query_embeddings=[[float(x) for x in vecs[0]]], n_results=1, include=[])
    return col, n, str(stored) if stored is not None else None


@dataclass(frozen=True)
class _Seen:
    state: IndexStateName
    chunks: int | None = None
    fingerprint: str | None = None
    detail: str | None = None


def _inspect(cfg: Settings, store: Path | None, expected_n: int, expected_fp: str) -> _Seen:
    """Read the store at ``store`` (or the server) and judge it; writes nothing but Chroma's own bookkeeping."""
    if store is not None:
        if store.exists() and not store.is_dir():
            return _Seen("corrupt", detail=f"{store} is a file, not a Chroma folder")
        if not (store / "chroma.sqlite3").exists():
            return _Seen("missing", detail="no index has been built")
    try:
        client = chroma_client(cfg, store)
        col, n, stored = _probe(client, cfg.collection)
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - whatever Chroma raises for a store it cannot read is judged below
        if store is not None:
            _forget(store)
        if cfg.chroma_host:
            return _Seen("unusable", detail=f"the Chroma server at {cfg.chroma_host}:{cfg.chroma_port} cannot be "
                                            f"used: {_one_line(e)}")
        return _Seen(_classify(e), detail=_one_line(e))
    if col is None:
        return _Seen("missing", detail=f"no collection {cfg.collection!r}")
    if stored != expected_fp:
        return _Seen("stale", n, stored, "made from other texts or by another embedder")
    if n != expected_n:
        return _Seen("stale", n, stored, f"holds {n} of {expected_n} chunks")
    return _Seen("fresh", n, stored)


_COPIES: dict[tuple, Path] = {}


def _private_copy(cfg: Settings) -> Path | None:
    """A private, writable copy of a read-only data dir's store (Chroma writes even to read), removed at exit."""
    src = cfg.chroma_dir
    db = src / "chroma.sqlite3"
    try:
        st = db.stat()
    except OSError:
        return None
    key = (str(src), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    if key in _COPIES and _COPIES[key].is_dir():
        return _COPIES[key]
    tmp = Path(tempfile.mkdtemp(prefix="navigator-index-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    dst = tmp / "chroma"
    try:
        shutil.copytree(src, dst, copy_function=shutil.copyfile)
    except (OSError, shutil.Error) as e:
        raise IndexUnavailable(f"the index in the read-only data dir {cfg.data_dir} cannot be read: "
                               f"{_one_line(e)}") from None
    for p in [dst, *dst.rglob("*")]:
        p.chmod(0o700 if p.is_dir() else 0o600)
    log.info("the data dir %s is read-only: serving a private copy of its index", cfg.data_dir)
    _COPIES[key] = dst
    return dst


def _moved_aside(cfg: Settings) -> list[str]:
    try:
        return sorted(str(p) for p in cfg.data_dir.glob(f"{cfg.chroma_dir.name}.corrupt-*"))
    except OSError:
        return []


def _move_aside(cfg: Settings, why: str | None) -> Path:
    """Move an unreadable store aside (never delete it) so that a new one can be built in its place."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = cfg.data_dir / f"{cfg.chroma_dir.name}.corrupt-{stamp}"
    n = 1
    while target.exists():
        n += 1
        target = cfg.data_dir / f"{cfg.chroma_dir.name}.corrupt-{stamp}-{n}"
    _forget(cfg.chroma_dir)
    try:
        os.rename(cfg.chroma_dir, target)
    except OSError as e:
        raise IndexUnavailable(f"the index at {cfg.chroma_dir} cannot be read ({why}) nor moved aside: "
                               f"{e.strerror or e}") from None
    log.warning("the index at %s cannot be read (%s): moved it aside to %s and rebuilding", cfg.chroma_dir, why,
                target)
    return target


def check_index(cfg: Settings | None = None, corpus: Corpus | None = None,
                embeddings: Embeddings | None = None) -> IndexState:
    """The state of the stored index (``navigator index --check``). Changes nothing; never waits for a build."""
    from filelock import Timeout

    cfg = cfg or settings()
    corpus = corpus or load_corpus()
    items = index_chunks(corpus)
    want = fingerprint(corpus, items, embedder_name(cfg, embeddings))
    base: dict[str, Any] = {"collection": cfg.collection, "expected_chunks": len(items), "expected_fingerprint": want}
    if cfg.chroma_host:
        seen = _inspect(cfg, None, len(items), want)
        return IndexState(state=seen.state, path=f"http://{cfg.chroma_host}:{cfg.chroma_port}", chunks=seen.chunks,
                          fingerprint=seen.fingerprint, writable=seen.state != "unusable", detail=seen.detail, **base)
    base["path"] = str(cfg.chroma_dir)
    writable, why = _data_dir_access(cfg)
    if why:
        return IndexState(state="unusable", writable=False, detail=why, **base)
    base["moved_aside"] = _moved_aside(cfg)
    if not writable:
        copy = _private_copy(cfg)
        seen = _inspect(cfg, copy, len(items), want) if copy else _Seen("missing", detail="no index has been built")
        detail = "; ".join(x for x in (seen.detail, "the data dir is read-only") if x)
        return IndexState(state=seen.state, chunks=seen.chunks, fingerprint=seen.fingerprint, writable=False,
                          detail=detail, **base)
    lock = index_lock(cfg)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        return IndexState(state="locked", writable=True, detail="another process is building the index", **base)
    try:
        seen = _inspect(cfg, cfg.chroma_dir, len(items), want)
    finally:
        lock.release()
    return IndexState(state=seen.state, chunks=seen.chunks, fingerprint=seen.fingerprint, writable=True,
                      detail=seen.detail, **base)


def index_is_fresh(cfg: Settings | None = None, corpus: Corpus | None = None,
                   embeddings: Embeddings | None = None) -> bool:
    """Whether the stored collection was made from this corpus, these chunks and this embedder, and reads."""
    return check_index(cfg, corpus, embeddings).usable


def upsert_chunks(collection, items: list[Chunk], embeddings: Embeddings, batch: int = EMBED_BATCH,
                  on_progress: Callable[[int, int], None] | None = None) -> int:
    """Embed and write ``items`` into ``collection`` (replacing chunks with the same ids); returns how many.

    Call it on a collection from ``locked_collection`` (or while building), never on one another process may
    be rebuilding.
    """
    for i in range(0, len(items), batch):
        part = items[i:i + batch]
        vecs = embeddings.embed_documents([c.content for c in part])
        collection.upsert(ids=[c.id for c in part], embeddings=vecs, documents=[c.text for c in part],
                          metadatas=[{"doc_id": c.version_key, "doc": c.article.doc_id, "label": c.article.label}
                                     for c in part])
        if on_progress:
            on_progress(min(i + batch, len(items)), len(items))
    return len(items)


def delete_chunks(collection, ids: list[str]) -> int:
    """Remove the chunks with these ids from ``collection`` (unknown ids are ignored); returns how many were asked."""
    if ids:
        collection.delete(ids=list(ids))
    return len(ids)


def set_fingerprint(collection, value: str) -> None:
    """Record what the collection's vectors were made from (``fingerprint``), after incremental changes."""
    meta = {k: v for k, v in (collection.metadata or {}).items() if not k.startswith("hnsw:")}
    collection.modify(metadata={**meta, "fingerprint": value})


@contextmanager
def locked_collection(cfg: Settings | None = None, wait: float = BUILD_WAIT_S) -> Iterator[Any]:
    """The live collection, held under the build lock, for incremental changes (one document's chunks).

    An unreadable store is moved aside first; a missing collection is created empty (stale until its
    fingerprint is set with ``set_fingerprint``).

    Raises:
        IndexUnavailable: the data dir is read-only or cannot be used, or another build takes too long.
    """
    cfg = cfg or settings()
    if cfg.chroma_host:
        yield chroma_client(cfg).get_or_create_collection(cfg.collection, metadata={"hnsw:space": "cosine"})
        return
    writable, why = _data_dir_access(cfg)
    if why or not writable:
        raise IndexUnavailable(why or f"the data dir {cfg.data_dir} is read-only: the index cannot be changed")
    with _locked(cfg, wait):
        seen = _inspect(cfg, cfg.chroma_dir, -1, "")
        if seen.state == "corrupt":
            _move_aside(cfg, seen.detail)
        elif seen.state in ("unusable", "locked"):
            raise IndexUnavailable(f"the index at {cfg.chroma_dir} cannot be opened: {seen.detail}")
        yield chroma_client(cfg).get_or_create_collection(cfg.collection, metadata={"hnsw:space": "cosine"})


def _build(client, cfg: Settings, items: list[Chunk], fp: str, embeddings: Embeddings, progress: bool,
           on_progress: Callable[[int, int], None] | None) -> None:
    """Build a complete collection under a temporary name, then put it in place of the old one.

    Readers keep the old collection until the new one is complete; a build that dies leaves the old one.
    """
    prefix = cfg.collection[:40] + _BUILD_TAG
    if not cfg.chroma_host:  # under the file lock, a leftover build collection is from a build that died
        for c in client.list_collections():
            name = getattr(c, "name", c)
            if isinstance(name, str) and name.startswith(prefix):
                client.delete_collection(name)
    tmp_name = prefix + uuid.uuid4().hex[:8]
    col = client.create_collection(tmp_name, metadata={"fingerprint": fp, "hnsw:space": "cosine"})
    bar = None
    try:
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(items), desc="索引条文", unit="条", file=sys.stderr)

        def report(done: int, total: int) -> None:
            if bar is not None:
                bar.update(done - bar.n)
            if on_progress:
                on_progress(done, total)

        upsert_chunks(col, items, embeddings, on_progress=report)
        try:
            client.delete_collection(cfg.collection)
        except Exception as e:
            if not _is_not_found(e):
                raise
        try:
            col.modify(name=cfg.collection)
        except Exception:
            # A Chroma server shared with another builder: it may have put its complete collection in place first.
            _, n, stored = _probe(client, cfg.collection)
            if stored != fp or n != len(items):
                raise
            client.delete_collection(tmp_name)
    except BaseException:
        try:
            client.delete_collection(tmp_name)
        except Exception as e:  # noqa: BLE001 - the original failure matters more than the clean-up's
            log.debug("removing the unfinished collection %s: %s", tmp_name, _one_line(e))
        raise
    finally:
        if bar is not None:
            bar.close()


def _heal_and_build(cfg: Settings, items: list[Chunk], fp: str, embeddings: Embeddings, force: bool,
                    progress: bool, on_progress: Callable[[int, int], None] | None) -> tuple[Any, dict[str, Any]]:
    """Under the build lock (or against a server): check the store, move it aside if unreadable, build if needed."""
    store = None if cfg.chroma_host else cfg.chroma_dir
    seen = _inspect(cfg, store, len(items), fp)
    moved = None
    if seen.state == "corrupt" and store is not None:
        moved = _move_aside(cfg, seen.detail)
    elif seen.state in ("unusable", "locked", "corrupt"):
        raise IndexUnavailable(f"the index at {store or cfg.chroma_host} cannot be opened: {seen.detail}")
    client = chroma_client(cfg)
    info: dict[str, Any] = {"collection": cfg.collection, "chunks": len(items), "fingerprint": fp, "rebuilt": False}
    if moved is not None:
        info["moved_aside"] = str(moved)
    if seen.state == "fresh" and not force:
        return client, info
    _build(client, cfg, items, fp, embeddings, progress, on_progress)
    return client, {**info, "rebuilt": True}


def open_index(cfg: Settings | None = None, corpus: Corpus | None = None, embeddings: Embeddings | None = None,
               progress: bool = False,
               on_progress: Callable[[int, int], None] | None = None) -> tuple[Any, dict[str, Any]]:
    """The Chroma client to search with, the index checked and, when stale, missing or unreadable, rebuilt.

    A complete, readable index is used at once (even while another process rebuilds it: the new one replaces
    it only when complete). Otherwise this process waits for any other build, then judges the index again and
    heals or builds it. A read-only data dir serves a fresh index from a private copy and builds nothing.

    Returns:
        (client, info) with info as ``build_index`` returns it.

    Raises:
        IndexUnavailable: the data dir cannot be used, or the index needs building where it cannot be written.
    """
    cfg = cfg or settings()
    corpus = corpus or load_corpus()
    embeddings = embeddings or make_embeddings(cfg)
    items = index_chunks(corpus)
    fp = fingerprint(corpus, items, embedder_name(cfg, embeddings))
    if cfg.chroma_host:
        return _heal_and_build(cfg, items, fp, embeddings, False, progress, on_progress)
    writable, why = _data_dir_access(cfg)
    if why:
        raise IndexUnavailable(why)
    if not writable:
        copy = _private_copy(cfg)
        seen = _inspect(cfg, copy, len(items), fp) if copy else _Seen("missing", detail="no index has been built")
        if seen.state != "fresh":
            raise IndexUnavailable(f"the data dir {cfg.data_dir} is read-only and its index is {seen.state} "
                                   f"({seen.detail}): build it with `python -m navigator index` where it can be "
                                   "written")
        info = {"collection": cfg.collection, "chunks": len(items), "fingerprint": fp, "rebuilt": False}
        return chroma_client(cfg, copy), info
    if _inspect(cfg, cfg.chroma_dir, len(items), fp).state == "fresh":  # complete and readable: no need to wait
        return chroma_client(cfg), {"collection": cfg.collection, "chunks": len(items), "fingerprint": fp,
                                    "rebuilt": False}
    with _locked(cfg):  # anything else is judged again, and healed, under the lock
        return _heal_and_build(cfg, items, fp, embeddings, False, progress, on_progress)


def build_index(force: bool = False, progress: bool = False, cfg: Settings | None = None,
                corpus: Corpus | None = None, embeddings: Embeddings | None = None,
                on_progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Build (or confirm) the Chroma collection of article embeddings. Idempotent; serialised across processes.

    An unreadable store is moved aside (``chroma.corrupt-<time>``) and rebuilt. ``progress`` draws a bar on
    stderr; ``on_progress(done, total)`` reports to a caller (the app).

    Returns:
        What was done: {"collection", "chunks", "fingerprint", "rebuilt"} and "moved_aside" when a store was.

    Raises:
        IndexUnavailable: the data dir is read-only or cannot be used, or another build takes too long.
    """
    cfg = cfg or settings()
    corpus = corpus or load_corpus()
    embeddings = embeddings or make_embeddings(cfg)
    items = index_chunks(corpus)
    fp = fingerprint(corpus, items, embedder_name(cfg, embeddings))
    if cfg.chroma_host:
        return _heal_and_build(cfg, items, fp, embeddings, force, progress, on_progress)[1]
    writable, why = _data_dir_access(cfg)
    if why:
        raise IndexUnavailable(why)
    if not writable:
        copy = None if force else _private_copy(cfg)
        if copy is not None and _inspect(cfg, copy, len(items), fp).state == "fresh":
            return {"collection": cfg.collection, "chunks": len(items), "fingerprint": fp, "rebuilt": False}
        raise IndexUnavailable(f"the data dir {cfg.data_dir} is read-only: the index cannot be built there")
    with _locked(cfg):
        return _heal_and_build(cfg, items, fp, embeddings, force, progress, on_progress)[1]


def update_index(before: Corpus, after: Corpus, doc_ids: set[str] | list[str], cfg: Settings | None = None,
                 embeddings: Embeddings | None = None, wait: float = BUILD_WAIT_S) -> dict[str, Any]:
    """Bring the index from ``before`` to ``after``, where only the documents ``doc_ids`` changed.

    Under the build lock, when the stored collection is exactly ``before``'s (fingerprint and count), only
    those documents' chunks are touched: chunks ``after`` no longer holds are deleted, new ones (a new
    document, a new version) are embedded and written, and the fingerprint is set to ``after``'s, so the
    index is fresh without a rebuild. A repeal changes no text: nothing is embedded. When the collection is
    already ``after``'s nothing is done; when it is neither (stale, missing, unreadable) it is built whole.

    Returns:
        {"collection", "chunks", "fingerprint", "rebuilt", "incremental", "embedded", "deleted"}.

    Raises:
        IndexUnavailable: the data dir is read-only or cannot be used, or another build takes too long.
    """
    cfg = cfg or settings()
    embeddings = embeddings or make_embeddings(cfg)
    name = embedder_name(cfg, embeddings)
    old_items, new_items = index_chunks(before), index_chunks(after)
    fp_old, fp_new = fingerprint(before, old_items, name), fingerprint(after, new_items, name)
    changed = set(doc_ids)
    info: dict[str, Any] = {"collection": cfg.collection, "chunks": len(new_items), "fingerprint": fp_new,
                            "rebuilt": False, "incremental": True, "embedded": 0, "deleted": 0}
    with locked_collection(cfg, wait) as col:
        stored, n = (col.metadata or {}).get("fingerprint"), col.count()
        if stored == fp_new and n == len(new_items):
            return info
        if stored == fp_old and n == len(old_items):
            keys = sorted({c.version_key for c in [*old_items, *new_items] if c.article.doc_id in changed})
            have = set(col.get(where={"doc_id": {"$in": keys}}, include=[])["ids"]) if keys else set()
            was = {c.id: c.content for c in old_items if c.article.doc_id in changed}
            want = [c for c in new_items if c.article.doc_id in changed]
            keep = {c.id for c in want}
            drop = sorted(have - keep)
            fresh = [c for c in want if c.id not in have or was.get(c.id) != c.content]
            info["deleted"] = delete_chunks(col, drop)
            info["embedded"] = upsert_chunks(col, fresh, embeddings)
            set_fingerprint(col, fp_new)
            log.info("index updated in place for %s: %d chunks embedded, %d deleted", ", ".join(sorted(changed)),
                     info["embedded"], info["deleted"])
            return info
    built = build_index(cfg=cfg, corpus=after, embeddings=embeddings)
    return {**info, **built, "incremental": False, "embedded": len(new_items) if built.get("rebuilt") else 0}
