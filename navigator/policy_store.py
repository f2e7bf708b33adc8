"""Policies added at run time: versions, repeal and a change log, in the data directory.

Layout under ``settings().data_dir / "policies"`` (never inside the checkout)::

    log.jsonl                 every change, one JSON object a line (the store's truth)
    .lock                     the file lock every writer (and reader of the log) holds
    <doc-id>/v<N>/policy.md   version N: front matter and body, like knowledge/policies/*.md
    <doc-id>/v<N>/source.pdf  the file it was read from, byte for byte

A shipped document (``knowledge/policies``) is version 1 of its id; it can be
replaced or repealed too, and the record lives here: the shipped file is never
modified. Each version is in force from its ``effective_on`` (else its
``issued_on``) until the next version starts, its ``expires_on`` passes or the
document is repealed. A repealed document stays readable as history.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import yaml
from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from navigator.corpus import POLICIES, Document, PolicyDataError, Status, make_document, shipped_documents
from navigator.ingest import IngestError, IngestLimits, MetaError, ParsedText, PolicyMeta, read_meta, read_policy

LOCK_TIMEOUT_S = 30.0
_EXT = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "markdown": ".md", "text": ".txt"}
_BEIJING = dt.timezone(dt.timedelta(hours=8))


class StoreError(ValueError):
    """A change the store refuses (unknown id, id taken, dates out of order...); one line."""


class LogEntry(BaseModel):
    """One change: what, when, to which document, from which file, by whom."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seq: int = Field(ge=1, description="Position in the log, from 1.")
    at: dt.datetime = Field(description="When the change was recorded (Beijing time).")
    action: Literal["add", "replace", "repeal"]
    doc_id: str
    version: int | None = Field(default=None, description="The version added (add, replace).")
    title: str | None = None
    in_force_from: dt.date | None = Field(default=None, description="First day the version is in force.")
    expires_on: dt.date | None = None
    repealed_on: dt.date | None = Field(default=None, description="First day no longer in force (repeal).")
    repealed_by: str | None = Field(default=None, description="What repealed it (repeal).")
    filename: str | None = Field(default=None, description="The file's name as sent.")
    kind: str | None = Field(default=None, description="The file's type read from its content.")
    sha256: str | None = Field(default=None, description="SHA-256 of the file.")
    articles: int | None = Field(default=None, description="Articles parsed from the file.")
    actor: str | None = Field(default=None, description="Who made the change, when logged in.")


class VersionInfo(BaseModel):
    """One version of a document and the days it is in force."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    version: int
    source: Literal["shipped", "added"]
    title: str
    in_force_from: dt.date
    in_force_until: dt.date | None = Field(description="Last day in force: the day before the next version, the "
                                                       "day before the repeal, or its expiry; None: open-ended.")
    expires_on: dt.date | None
    sha256: str | None = None
    filename: str | None = None
    path: str | None = Field(default=None, description="policy.md of an added version, relative to the store.")


class PolicyStatus(BaseModel):
    """A document as ``policy list`` shows it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    title: str
    version: int = Field(description="The version in force on the day (the latest when none is).")
    versions: int
    status: Status
    source: Literal["shipped", "added"] = Field(description="Where version 1 lives.")
    in_force_from: dt.date
    expires_on: dt.date | None
    repealed_on: dt.date | None
    repealed_by: str | None

    def to_contract(self, programmes: int = 0) -> dict[str, Any]:
        """The ``policy list`` row of CONTRACT.md, with the number of programmes citing it."""
        return {"doc_id": self.doc_id, "title": self.title, "version": self.version, "status": self.status,
                "source": self.source, "programmes": programmes}


class Change(BaseModel):
    """What ``add`` and ``replace`` return."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    version: int
    articles: int = Field(description="Articles parsed from the file.")
    document: Document = Field(description="The new version, parsed.", exclude=True)
    parsed: ParsedText = Field(description="What ingestion read from the file.", exclude=True)
    entry: LogEntry

    def to_contract(self) -> dict[str, Any]:
        """``{"doc_id", "version", "articles"}`` as CONTRACT.md specifies."""
        return {"doc_id": self.doc_id, "version": self.version, "articles": self.articles}


class _Doc:
    """A document's history replayed from the log."""

    def __init__(self, first: VersionInfo | None = None):
        self.versions: list[VersionInfo] = [first] if first else []
        self.repealed_on: dt.date | None = None
        self.repealed_by: str | None = None


class PolicyStore:
    """The added policies of one data directory.

    Args:
        root: the store's folder (``<data_dir>/policies``).
        shipped_folder: the shipped texts, version 1 of their ids.
        limits: size limits for the files read.
    """

    def __init__(self, root: Path, *, shipped_folder: Path = POLICIES, limits: IngestLimits | None = None):
        self.root = Path(root)
        self.shipped_folder = shipped_folder
        self.limits = limits or IngestLimits()

    @classmethod
    def default(cls) -> PolicyStore:
        """The store of the configured data directory."""
        from navigator.settings import settings

        return cls(settings().data_dir / "policies")

    @property
    def log_path(self) -> Path:
        return self.root / "log.jsonl"

    def stamp(self) -> tuple[int, int]:
        """(modification time in ns, size) of the log; (0, 0) when nothing was ever added. Cheap: one stat."""
        try:
            st = self.log_path.stat()
        except FileNotFoundError:
            return (0, 0)
        return (st.st_mtime_ns, st.st_size)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            with FileLock(str(self.root / ".lock"), timeout=LOCK_TIMEOUT_S):
                yield
        except Timeout:
            raise StoreError(f"the policy store is busy (lock held more than {LOCK_TIMEOUT_S:.0f} s)") from None

    def _reading(self):
        """The lock while there is a log to read; nothing to lock (and no folder made) before the first change."""
        return self._locked() if self.log_path.exists() else _nothing()

    # ---- reading ------------------------------------------------------------------------------

    def log(self) -> list[LogEntry]:
        """Every change, oldest first."""
        with self._reading():
            return self._read_log()

    def _read_log(self) -> list[LogEntry]:
        if not self.log_path.exists():
            return []
        out: list[LogEntry] = []
        with self.log_path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    out.append(LogEntry.model_validate_json(line))
                except ValidationError:
                    raise StoreError(f"{self.log_path}: line {n} is not a valid change record") from None
        return out

    def _shipped(self) -> dict[str, Document]:
        return {d.id: d for d in shipped_documents(self.shipped_folder)}

    def _history(self, entries: list[LogEntry] | None = None) -> dict[str, _Doc]:
        shipped = self._shipped()
        docs: dict[str, _Doc] = {
            d.id: _Doc(VersionInfo(doc_id=d.id, version=1, source="shipped", title=d.title,
                                   in_force_from=d.in_force_from, in_force_until=d.expires_on,
                                   expires_on=d.expires_on))
            for d in shipped.values()}
        for e in self._read_log() if entries is None else entries:
            if e.action == "repeal":
                doc = docs[e.doc_id]
                doc.repealed_on, doc.repealed_by = e.repealed_on, e.repealed_by
                continue
            doc = docs.setdefault(e.doc_id, _Doc())
            doc.versions.append(VersionInfo(
                doc_id=e.doc_id, version=e.version or len(doc.versions) + 1, source="added", title=e.title or "",
                in_force_from=e.in_force_from or dt.date.min, in_force_until=e.expires_on, expires_on=e.expires_on,
                sha256=e.sha256, filename=e.filename, path=f"{e.doc_id}/v{e.version}/policy.md"))
        for doc in docs.values():
            vs = doc.versions
            for i, v in enumerate(vs):
                ends = [x for x in (v.expires_on,
                                    vs[i + 1].in_force_from - dt.timedelta(days=1) if i + 1 < len(vs) else None,
                                    doc.repealed_on - dt.timedelta(days=1) if doc.repealed_on else None) if x]
                vs[i] = v.model_copy(update={"in_force_until": min(ends) if ends else None})
        return docs

    def versions(self, doc_id: str) -> list[VersionInfo]:
        """Every version of a document, oldest first.

        Raises:
            StoreError: an unknown id.
        """
        with self._reading():
            docs = self._history()
        return self._get(docs, doc_id).versions

    def version_in_force(self, doc_id: str, as_of: dt.date) -> VersionInfo | None:
        """The version in force on ``as_of``; None before the first, after the repeal or after expiry.

        Raises:
            StoreError: an unknown id.
        """
        with self._reading():
            doc = self._get(self._history(), doc_id)
        for v in reversed(doc.versions):
            if v.in_force_from <= as_of:
                return v if v.in_force_until is None or as_of <= v.in_force_until else None
        return None

    def list(self, as_of: dt.date | None = None) -> list[PolicyStatus]:
        """Every document, shipped and added, with its version and status on ``as_of`` (default today)."""
        day = as_of or dt.datetime.now(_BEIJING).date()
        with self._reading():
            docs = self._history()
        out = []
        for doc_id, doc in docs.items():
            v = _version_on(doc, day)
            state = self._state(doc, v)
            out.append(PolicyStatus(
                doc_id=doc_id, title=v.title, version=v.version, versions=len(doc.versions),
                status=_status(v, state, day), source=doc.versions[0].source, in_force_from=v.in_force_from,
                expires_on=v.expires_on, repealed_on=doc.repealed_on, repealed_by=doc.repealed_by))
        return out

    def documents(self, as_of: dt.date | None = None) -> list[Document]:
        """Every document, parsed: the latest version, or the one in force on ``as_of``.

        Shipped documents come first in file order, then added ones in the
        order they were added. A document whose first version starts after
        ``as_of`` is given in that first version (its status says so).

        Raises:
            PolicyDataError: a stored policy file that no longer validates (one line).
        """
        with self._reading():
            docs = self._history()
        shipped = self._shipped()
        out = []
        for doc_id, doc in docs.items():
            v = _version_on(doc, as_of) if as_of else doc.versions[-1]
            state = self._state(doc, v)
            if v.source == "shipped" and not state:
                out.append(shipped[doc_id])
            elif v.source == "shipped":
                out.append(shipped[doc_id].model_copy(update=state))
            else:
                out.append(self._load_version(v, state))
        return out

    def history(self) -> list[Document]:
        """Every version of every document, parsed, in the order of ``documents`` (what the index holds).

        Raises:
            PolicyDataError: a stored policy file that no longer validates (one line).
        """
        with self._reading():
            docs = self._history()
        shipped = self._shipped()
        out = []
        for doc_id, doc in docs.items():
            for v in doc.versions:
                state = self._state(doc, v)
                if v.source == "shipped":
                    out.append(shipped[doc_id].model_copy(update=state) if state else shipped[doc_id])
                else:
                    out.append(self._load_version(v, state))
        return out

    def document(self, doc_id: str, version: int | None = None) -> Document:
        """One version of a document (the latest by default), parsed.

        Raises:
            StoreError: an unknown id or version.
        """
        with self._reading():
            doc = self._get(self._history(), doc_id)
        vs = [v for v in doc.versions if version is None or v.version == version]
        if not vs:
            raise StoreError(f"{doc_id} has no version {version}; it has 1 to {len(doc.versions)}")
        v = vs[-1]
        state = self._state(doc, v)
        if v.source == "shipped":
            return self._shipped()[doc_id].model_copy(update=state)
        return self._load_version(v, state)

    def _state(self, doc: _Doc, v: VersionInfo) -> dict[str, Any]:
        nxt = [x for x in doc.versions if x.version == v.version + 1]
        state: dict[str, Any] = {"version": v.version, "versions": len(doc.versions),
                                 "source": doc.versions[0].source}
        if nxt:
            state["superseded_on"] = nxt[0].in_force_from
        if doc.repealed_on:
            state["repealed_on"], state["repealed_by"] = doc.repealed_on, doc.repealed_by
        if v.sha256:
            state["sha256"] = v.sha256
        if state == {"version": 1, "versions": 1, "source": "shipped"}:
            return {}
        return state

    def _load_version(self, v: VersionInfo, state: dict[str, Any]) -> Document:
        path = self.root / (v.path or "")
        try:
            st = path.stat()
        except OSError:
            raise PolicyDataError(f"{v.doc_id} version {v.version}: {path} is missing from the policy store") from None
        doc = _parse_version(str(path), st.st_mtime_ns, st.st_size, f"{v.doc_id}/v{v.version}/policy.md")
        return doc.model_copy(update=state) if state else doc

    @staticmethod
    def _get(docs: dict[str, _Doc], doc_id: str) -> _Doc:
        if doc_id not in docs:
            known = ", ".join(sorted(docs))
            raise StoreError(f"unknown document {doc_id!r}; known: {known}")
        return docs[doc_id]

    # ---- changing -----------------------------------------------------------------------------

    def preview(self, data: bytes, meta: Path | str | bytes | dict | PolicyMeta,
                filename: str | None = None) -> tuple[Document, ParsedText]:
        """Read a file and its metadata into the document it would add, without storing anything.

        Raises:
            IngestError: the file cannot be read (one line).
            MetaError: a missing or bad metadata field (one line naming it).
            PolicyDataError: the text and metadata do not make a document.
        """
        m = read_meta(meta)
        parsed = read_policy(data, filename, title=m.title, headings=[a["heading"] for a in m.annexes],
                             limits=self.limits)
        front = _front_matter(m, parsed)
        doc = make_document(front, parsed.body, filename or "policy")
        if not any(a.kind != "preface" for a in doc.articles.values()):
            raise IngestError("未识别出条款结构（第X条、一、（一）、1. 等），请检查文件内容")
        return doc, parsed

    def add(self, data: bytes | Path, meta: Path | str | bytes | dict | PolicyMeta, *, filename: str | None = None,
            actor: str | None = None) -> Change:
        """Add a new policy: version 1 of a new id.

        Args:
            data: the file's bytes, or its path.
            meta: the metadata (a META.yaml path, its text, a mapping or a PolicyMeta).
            filename: the file's name as sent (taken from the path when ``data`` is one).
            actor: who adds it, when logged in.

        Raises:
            IngestError, MetaError: the file or the metadata cannot be read (one line).
            StoreError: the id is already taken (use ``replace``).
        """
        return self._write("add", None, data, meta, filename, actor)

    def replace(self, doc_id: str, data: bytes | Path, meta: Path | str | bytes | dict | PolicyMeta, *,
                filename: str | None = None, actor: str | None = None) -> Change:
        """Add a new version of a document; the old one stays in force until the new one starts.

        Raises:
            IngestError, MetaError: the file or the metadata cannot be read (one line).
            StoreError: an unknown or repealed id, metadata for another id, or a version that does not start
                after the current one.
        """
        return self._write("replace", doc_id, data, meta, filename, actor)

    def repeal(self, doc_id: str, on: dt.date, by: str | None = None, *, actor: str | None = None) -> LogEntry:
        """Mark a document repealed from ``on`` (the first day it is no longer in force).

        Args:
            doc_id: the document.
            on: the first day it is no longer in force.
            by: what repealed it (a document number or a note), when known.
            actor: who records the change, when logged in.

        Raises:
            StoreError: an unknown id, one already repealed, or a date before its latest version starts.
        """
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise StoreError("the repeal date must be a date (YYYY-MM-DD)")
        by = " ".join(by.split())[:300] if by else None
        with self._locked():
            entries = self._read_log()
            doc = self._get(self._history(entries), doc_id)
            if doc.repealed_on:
                raise StoreError(f"{doc_id} is already repealed from {doc.repealed_on}")
            last = doc.versions[-1]
            if on <= last.in_force_from:
                raise StoreError(f"{doc_id}: the repeal date {on} must come after version {last.version} "
                                 f"took effect ({last.in_force_from})")
            entry = LogEntry(seq=len(entries) + 1, at=_now(), action="repeal", doc_id=doc_id, title=last.title,
                             repealed_on=on, repealed_by=by, actor=actor)
            self._append(entry)
        return entry

    def _write(self, action: Literal["add", "replace"], doc_id: str | None, data: bytes | Path,
               meta: Path | str | bytes | dict | PolicyMeta, filename: str | None, actor: str | None) -> Change:
        if isinstance(data, Path):
            if not data.is_file():
                raise IngestError(f"文件不存在：{data.name}")
            if data.stat().st_size > self.limits.max_bytes:
                raise IngestError(f"文件过大：上限 {self.limits.max_bytes // 1_048_576} MB")
            filename = filename or data.name
            data = data.read_bytes()
        doc, parsed = self.preview(data, meta, filename)
        if doc_id is not None and doc.id != doc_id:
            raise StoreError(f"the metadata is for {doc.id!r}, not {doc_id!r}")
        with self._locked():
            entries = self._read_log()
            docs = self._history(entries)
            if action == "add":
                if doc.id in docs:
                    raise StoreError(f"{doc.id} already exists; add a new version with replace")
                version = 1
            else:
                current = self._get(docs, doc.id)
                if current.repealed_on:
                    raise StoreError(f"{doc.id} was repealed from {current.repealed_on}; add the new text under "
                                     "a new id")
                last = current.versions[-1]
                if doc.in_force_from <= last.in_force_from:
                    raise StoreError(f"{doc.id}: the new version must take effect after version {last.version} "
                                     f"({last.in_force_from}); its effective_on/issued_on is {doc.in_force_from}")
                version = last.version + 1
            folder = self.root / doc.id / f"v{version}"
            self._write_version(folder, doc, parsed, data)
            entry = LogEntry(
                seq=len(entries) + 1, at=_now(), action=action, doc_id=doc.id, version=version, title=doc.title,
                in_force_from=doc.in_force_from, expires_on=doc.expires_on, filename=filename, kind=parsed.kind,
                sha256=parsed.sha256, articles=len(doc.articles), actor=actor)
            try:
                self._append(entry)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
        state = {"version": version, "versions": version, "source": "added" if action == "add" else
                 docs[doc.id].versions[0].source, "sha256": parsed.sha256}
        return Change(doc_id=doc.id, version=version, articles=len(doc.articles),
                      document=doc.model_copy(update=state), parsed=parsed, entry=entry)

    def _write_version(self, folder: Path, doc: Document, parsed: ParsedText, data: bytes) -> None:
        """Write a version's files into a fresh folder, then move it into place (never half a version)."""
        tmp = folder.parent / f".{folder.name}.tmp-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        front = doc.model_dump(mode="json", include=set(PolicyMeta.model_fields), exclude_defaults=True)
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + doc.body + "\n"
        (tmp / "policy.md").write_text(text, encoding="utf-8")
        (tmp / f"source{_EXT[parsed.kind]}").write_bytes(data)
        if folder.exists():  # left by a writer that died before logging it
            shutil.rmtree(folder)
        tmp.rename(folder)

    def _append(self, entry: LogEntry) -> None:
        line = json.dumps(entry.model_dump(mode="json", exclude_none=True), ensure_ascii=False) + "\n"
        with self.log_path.open("a", encoding="utf-8") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())


@functools.lru_cache(maxsize=4096)
def _parse_version(path: str, _mtime_ns: int, _size: int, name: str) -> Document:
    """A stored version's policy.md, parsed once for as long as the file is unchanged."""
    from navigator.corpus import split_front_matter

    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PolicyDataError(f"{name}: cannot be read ({type(e).__name__})") from None
    meta, body = split_front_matter(raw, name)
    return make_document(meta, body, name)


def _front_matter(meta: PolicyMeta, parsed: ParsedText) -> dict[str, Any]:
    front = meta.model_dump(exclude_defaults=True)
    if parsed.notice_title and not meta.notice_title:
        front["notice_title"] = parsed.notice_title
    repaired = list(dict.fromkeys([*meta.repaired, *parsed.repaired]))
    unquotable = list(dict.fromkeys([*meta.unquotable, *parsed.unquotable]))
    if repaired:
        front["repaired"] = repaired
    if unquotable:
        front["unquotable"] = unquotable
    return front


def _version_on(doc: _Doc, day: dt.date) -> VersionInfo:
    """The latest version started on ``day``; the first when none has."""
    started = [v for v in doc.versions if v.in_force_from <= day]
    return started[-1] if started else doc.versions[0]


def _status(v: VersionInfo, state: dict[str, Any], day: dt.date) -> Status:
    if state.get("repealed_on") and day >= state["repealed_on"]:
        return "repealed"
    if day < v.in_force_from:
        return "not_yet_effective"
    if v.expires_on and day > v.expires_on:
        return "expired"
    return "in_force"


def _now() -> dt.datetime:
    return dt.datetime.now(_BEIJING).replace(microsecond=0)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def store() -> PolicyStore:
    """The policy store of the configured data directory."""
    return PolicyStore.default()


__all__ = ["Change", "IngestError", "LogEntry", "MetaError", "PolicyStatus", "PolicyStore", "StoreError",
           "VersionInfo", "store"]
