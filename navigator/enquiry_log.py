"""The enquiry log: every question the app answered, with its citations, for the helpdesk.

Two tables through SQLAlchemy 2.x: ``enquiries`` (one row per answer, grouped
into conversation threads) and ``cases`` (what the helpdesk records about a
thread: caller, company, phone, follow-up status, an attached company report).
By default a SQLite file under ``settings().data_dir`` in WAL mode with a busy
timeout, so many Streamlit sessions can write at once without losing an entry;
any SQLAlchemy URL works (PostgreSQL in deployment, via ``NAVIGATOR_DATABASE_URL``).

A write that fails never costs the caller the answer: ``EnquiryLog.record``
logs the failure with a reference id, keeps the enquiry in a spool file beside
the log (``enquiries-unsaved.jsonl``) and lists it in ``write_failures()`` for
the desk, which can write the spool back once the store works again.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import secrets
import threading
import time
from collections import Counter, deque
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Engine,
    String,
    Text,
    cast,
    create_engine,
    event,
    func,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from calculators.periods import BEIJING
from navigator.settings import settings

log = logging.getLogger(__name__)

Feedback = Literal["有用", "需改进"]
FEEDBACK_VALUES: tuple[str, ...] = ("有用", "需改进")
CaseStatus = Literal["待回电", "已解决"]
CASE_STATUSES: tuple[str, ...] = ("待回电", "已解决")
SQLITE_BUSY_TIMEOUT_MS = 30_000
MAX_QUESTION_CHARS = 10_000
MAX_CASE_FIELD_CHARS = {"caller_name": 60, "company": 120, "phone": 40, "note": 2000}
MAX_LIMIT = 5000
SPOOL_NAME = "enquiries-unsaved.jsonl"
CST = BEIJING


def today() -> dt.date:
    """Today in Beijing (the log's days and the desk's periods are Beijing days, whatever the server's zone)."""
    return dt.datetime.now(CST).date()


class LogError(RuntimeError):
    """The enquiry log cannot be read or written (database missing, read-only, corrupt...)."""


class _Base(DeclarativeBase):
    pass


class _Row(_Base):
    __tablename__ = "enquiries"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    citations: Mapped[list] = mapped_column(JSON, default=list)
    programmes: Mapped[list] = mapped_column(JSON, default=list)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)
    profile: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    as_of: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    corpus_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    feedback: Mapped[str | None] = mapped_column(String(8), nullable=True)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    thread: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    read_as: Mapped[str | None] = mapped_column(Text, nullable=True)


class _Case(_Base):
    __tablename__ = "cases"

    thread: Mapped[str] = mapped_column(String(64), primary_key=True)
    caller_name: Mapped[str | None] = mapped_column(String(60), nullable=True)
    company: Mapped[str | None] = mapped_column(String(120), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    status: Mapped[str | None] = mapped_column(String(8), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    report: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    report_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


# Columns added after the first release: (table, column, SQL type) — added in place to an older database.
_ADDED_COLUMNS = [("enquiries", "thread", "VARCHAR(64)"), ("enquiries", "read_as", "TEXT")]


def _utc(t: dt.datetime | None) -> dt.datetime | None:
    """A datetime in UTC; a naive one is UTC already (SQLite returns what was written, without its zone)."""
    if t is None:
        return None
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)


class Enquiry(BaseModel):
    """One logged enquiry: the question, the answer given and what it rested on."""

    model_config = ConfigDict(extra="forbid", frozen=True, from_attributes=True)

    id: int
    created_at: dt.datetime = Field(description="When the answer was given (UTC).")
    question: str = Field(description="The caller's own wording.")
    answer: str
    citations: list[dict[str, Any]] = Field(description="CONTRACT citations: doc_id, title, doc_number, article, quote.")
    programmes: list[str] = []
    refused: bool = False
    profile: dict[str, Any] | None = Field(default=None, description="The profile the answer used, if any.")
    as_of: dt.date | None = Field(default=None, description="The date the answer was evaluated for.")
    corpus_version: str | None = Field(default=None, description="Hash of the policy texts the answer came from.")
    feedback: Feedback | None = None
    comment: str | None = None
    thread: str = Field(default="", description="The conversation the enquiry belongs to.")
    read_as: str | None = Field(default=None, description="The question as completed from the conversation.")


class Case(BaseModel):
    """What the helpdesk records about one conversation. Personal data: shown on staff pages only."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    thread: str
    caller_name: str | None = None
    company: str | None = None
    phone: str | None = None
    status: CaseStatus | None = None
    note: str | None = None
    updated_at: dt.datetime | None = None
    report: dict[str, Any] | None = Field(default=None, description="An attached company report (its data).")
    report_at: dt.datetime | None = None

    @property
    def has_personal_data(self) -> bool:
        """Whether the case names a person, a company or a phone number."""
        return bool(self.caller_name or self.company or self.phone)


class Thread(BaseModel):
    """A conversation: its enquiries in order, and the case the helpdesk keeps about it."""

    model_config = ConfigDict(frozen=True)

    key: str
    enquiries: list[Enquiry] = Field(description="Oldest first.")
    case: Case

    @property
    def last_at(self) -> dt.datetime:
        return self.enquiries[-1].created_at

    @property
    def first(self) -> Enquiry:
        return self.enquiries[0]


class Filters(BaseModel):
    """What the desk narrows the log to. Dates are days in China Standard Time, both ends included."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str | None = Field(default=None, description="Every word must occur in a question, answer, comment or case.")
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    programme: str | None = None
    feedback: Literal["有用", "需改进", "none"] | None = None
    refused: bool | None = None
    case_status: Literal["待回电", "已解决", "none"] | None = None
    limit: int = Field(default=200, ge=1, le=MAX_LIMIT)


class DayCount(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    day: dt.date
    count: int


class LogStats(BaseModel):
    """Figures for the desk: enquiries per day and per programme, feedback rates, unanswered questions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    total: int
    per_day: list[DayCount]
    per_programme: dict[str, int] = Field(description="Programme id -> enquiries that named it, most first.")
    useful: int
    needs_work: int
    unrated: int
    refused: list[Enquiry] = Field(description="Questions the product refused: the corpus's knowledge gaps.")

    @property
    def rated(self) -> int:
        return self.useful + self.needs_work

    def rate(self, which: Literal["有用", "需改进"]) -> float | None:
        """Share of rated enquiries marked ``which``; None when nothing is rated."""
        if not self.rated:
            return None
        return (self.useful if which == "有用" else self.needs_work) / self.rated


class WriteFailure(BaseModel):
    """An enquiry the log could not store: logged with this reference, kept in the spool when possible."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ref: str
    at: dt.datetime
    error: str
    question: str
    spooled: bool


_FAILURES: deque[WriteFailure] = deque(maxlen=200)
_FAILURES_LOCK = threading.Lock()


def write_failures() -> list[WriteFailure]:
    """Failed writes in this server process, newest first."""
    with _FAILURES_LOCK:
        return list(reversed(_FAILURES))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """WAL lets readers work while one session writes; busy_timeout makes writers wait, not fail."""
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    try:
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
    except Exception:  # noqa: BLE001 - a read-only database keeps its journal mode and can still be read
        log.warning("enquiry log: cannot switch to WAL (read-only?)")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the log; SQLite gets WAL mode and a busy timeout on every connection."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and not u.query.get("uri"):  # uri=true: "file:...?mode=ro"
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _Base.metadata.create_all(engine)
    _add_missing_columns(engine)
    return engine


def _add_missing_columns(engine: Engine) -> None:
    """Bring a log written by an earlier release up to date (new nullable columns, thread of old rows)."""
    have = {c["name"] for c in inspect(engine).get_columns("enquiries")}
    missing = [(t, c, sql) for t, c, sql in _ADDED_COLUMNS if c not in have]
    if not missing:
        return
    with engine.begin() as con:
        for table, column, sql_type in missing:
            con.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))
        con.execute(update(_Row).where(_Row.thread.is_(None)).values(thread="enquiry-" + cast(_Row.id, String)))


def _clip(value: str | None, field: str) -> str | None:
    value = (value or "").strip()
    return value[: MAX_CASE_FIELD_CHARS[field]] or None


class EnquiryLog:
    """The store: add, search, threads, cases, feedback, statistics."""

    def __init__(self, url: str, spool: Path | None = None):
        self.url = url
        self.spool = spool
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        try:
            self._engine = make_engine(url)
        except (SQLAlchemyError, OSError) as e:  # opened again on the next call
            log.warning("enquiry log %s cannot be opened yet: %s", url, e)

    @property
    def engine(self) -> Engine:
        """The database engine; opening it again when an earlier attempt failed. Raises LogError."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    try:
                        self._engine = make_engine(self.url)
                    except (SQLAlchemyError, OSError) as e:
                        raise LogError(f"咨询记录库无法打开：{_short(e)}") from e
        return self._engine

    def _write(self, fn):
        """Run a write in its own transaction, retrying briefly if SQLite still reports a lock."""
        for attempt in range(5):
            try:
                with Session(self.engine) as s, s.begin():
                    return fn(s)
            except OperationalError as e:
                if "locked" not in str(e).lower() or attempt == 4:
                    raise LogError(f"咨询记录无法写入：{_short(e)}") from e
                time.sleep(0.1 * (attempt + 1))
            except SQLAlchemyError as e:
                raise LogError(f"咨询记录无法写入：{_short(e)}") from e
        raise AssertionError("unreachable")

    def _read(self, fn):
        try:
            with Session(self.engine) as s:
                return fn(s)
        except SQLAlchemyError as e:
            raise LogError(f"咨询记录无法读取：{_short(e)}") from e

    # --- writing -------------------------------------------------------------------------------------

    def add(self, question: str, answer: str, citations: list[dict[str, Any]] | None = None,
            programmes: list[str] | None = None, refused: bool = False, profile: dict[str, Any] | None = None,
            as_of: dt.date | None = None, corpus_version: str | None = None, thread: str | None = None,
            read_as: str | None = None, created_at: dt.datetime | None = None) -> int:
        """Log one answered question; returns its id. Raises LogError when the store cannot be written.

        Args:
            question: The caller's own wording.
            answer: The answer given.
            citations: CONTRACT citations of the answer.
            programmes: Programme ids the answer was about.
            refused: Whether the corpus did not cover the question.
            profile: The profile the answer used.
            as_of: The evaluation date.
            corpus_version: The policy texts' hash.
            thread: The conversation id; a new thread per enquiry when None.
            read_as: The question as completed from the conversation, when it differs from the wording.
            created_at: When it was answered (now by default; set when writing back a spooled enquiry).
        """
        row = _Row(created_at=_utc(created_at) or dt.datetime.now(dt.UTC), question=question[:MAX_QUESTION_CHARS],
                   answer=answer, citations=list(citations or []), programmes=list(programmes or []),
                   refused=bool(refused), profile=profile or None, as_of=as_of, corpus_version=corpus_version,
                   thread=(thread or None) and str(thread)[:64],
                   read_as=read_as[:MAX_QUESTION_CHARS] if read_as and read_as != question else None)

        def insert(s: Session) -> int:
            s.add(row)
            s.flush()
            if row.thread is None:
                row.thread = f"enquiry-{row.id}"
            return row.id

        return self._write(insert)

    def record(self, question: str, answer: str, **fields: Any) -> int | None:
        """Log an enquiry without ever failing the caller: returns its id, or None when the store failed.

        A failure is logged with a reference id, appended to the spool file when
        it can be written, and listed by ``write_failures()``.
        """
        try:
            return self.add(question, answer, **fields)
        except (LogError, SQLAlchemyError, OSError) as e:
            ref = secrets.token_hex(4)
            log.error("enquiry log write failed (ref %s): %s", ref, e, exc_info=True)
            spooled = self._spool(question, answer, fields)
            with _FAILURES_LOCK:
                _FAILURES.append(WriteFailure(ref=ref, at=dt.datetime.now(dt.UTC), error=_short(e),
                                              question=question[:200], spooled=spooled))
            return None

    def _spool(self, question: str, answer: str, fields: dict[str, Any]) -> bool:
        if self.spool is None:
            return False
        item = {"question": question, "answer": answer, "created_at": dt.datetime.now(dt.UTC).isoformat(),
                **{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()}}
        try:
            self.spool.parent.mkdir(parents=True, exist_ok=True)
            with self.spool.open("a", encoding="utf-8") as f:
                f.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
            return True
        except OSError as e:
            log.error("enquiry spool %s cannot be written either: %s", self.spool, e)
            return False

    def spooled(self) -> int:
        """How many enquiries wait in the spool file."""
        if self.spool is None or not self.spool.exists():
            return 0
        try:
            with self.spool.open(encoding="utf-8") as f:
                return sum(1 for line in f if line.strip())
        except OSError:
            return 0

    def replay_spool(self) -> int:
        """Write spooled enquiries into the store; returns how many. Lines that still fail stay in the spool."""
        if self.spool is None or not self.spool.exists():
            return 0
        lines = self.spool.read_text(encoding="utf-8").splitlines()
        done, left = 0, []
        for line in lines:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                as_of = item.pop("as_of", None)
                created = item.pop("created_at", None)
                self.add(**item, as_of=dt.date.fromisoformat(as_of) if as_of else None,
                         created_at=dt.datetime.fromisoformat(created) if created else None)
                done += 1
            except (LogError, ValueError, TypeError) as e:
                log.warning("spooled enquiry not written back: %s", e)
                left.append(line)
        self.spool.write_text("".join(f"{x}\n" for x in left), encoding="utf-8")
        return done

    def set_feedback(self, enquiry_id: int, feedback: str | None, comment: str | None = None) -> Enquiry:
        """Mark an enquiry 有用 / 需改进 (or clear the mark with None), with an optional comment."""
        if feedback is not None and feedback not in FEEDBACK_VALUES:
            raise ValueError(f"feedback must be one of {FEEDBACK_VALUES} or None, got {feedback!r}")

        def change(s: Session) -> Enquiry:
            row = s.get(_Row, enquiry_id)
            if row is None:
                raise KeyError(f"no enquiry {enquiry_id}")
            row.feedback = feedback
            row.comment = (comment or "").strip() or None
            s.flush()
            return _to_model(row)

        return self._write(change)

    def set_case(self, thread: str, *, caller_name: str | None = None, company: str | None = None,
                 phone: str | None = None, status: str | None = None, note: str | None = None) -> Case:
        """Record the caller, company, phone, follow-up status and note of a conversation (replaces them)."""
        if status is not None and status not in CASE_STATUSES:
            raise ValueError(f"status must be one of {CASE_STATUSES} or None, got {status!r}")

        def save(s: Session) -> Case:
            if s.scalar(select(func.count()).select_from(_Row).where(_Row.thread == thread)) == 0:
                raise KeyError(f"no conversation {thread}")
            row = s.get(_Case, thread) or _Case(thread=thread)
            row.caller_name, row.company = _clip(caller_name, "caller_name"), _clip(company, "company")
            row.phone, row.note = _clip(phone, "phone"), _clip(note, "note")
            row.status = status
            row.updated_at = dt.datetime.now(dt.UTC)
            s.add(row)
            s.flush()
            return _case_model(row)

        return self._write(save)

    def attach_report(self, thread: str, report: dict[str, Any]) -> Case:
        """Attach a company report (its data, re-rendered on download) to a conversation's case."""

        def save(s: Session) -> Case:
            if s.scalar(select(func.count()).select_from(_Row).where(_Row.thread == thread)) == 0:
                raise KeyError(f"no conversation {thread}")
            row = s.get(_Case, thread) or _Case(thread=thread)
            row.report, row.report_at = report, dt.datetime.now(dt.UTC)
            s.add(row)
            s.flush()
            return _case_model(row)

        return self._write(save)

    # --- reading -------------------------------------------------------------------------------------

    def get(self, enquiry_id: int) -> Enquiry | None:
        """One enquiry by id, or None."""
        def one(s: Session) -> Enquiry | None:
            row = s.get(_Row, enquiry_id)
            return _to_model(row) if row else None

        return self._read(one)

    def get_case(self, thread: str) -> Case:
        """The case of a conversation (empty when the helpdesk recorded nothing)."""
        def one(s: Session) -> Case:
            row = s.get(_Case, thread)
            return _case_model(row) if row else Case(thread=thread)

        return self._read(one)

    def _filtered(self, f: Filters):
        q = select(_Row).outerjoin(_Case, _Case.thread == _Row.thread)
        for word in (f.text or "").split():
            like = f"%{_escape_like(word)}%"
            q = q.where(or_(*(col.ilike(like, escape="\\") for col in (
                _Row.question, _Row.answer, _Row.comment, _Row.read_as, _Case.caller_name, _Case.company,
                _Case.phone, _Case.note))))
        if f.date_from:
            q = q.where(_Row.created_at >= _day_start(f.date_from))
        if f.date_to:
            q = q.where(_Row.created_at < _day_start(f.date_to + dt.timedelta(days=1)))
        if f.programme:
            q = q.where(cast(_Row.programmes, Text).like(f'%"{_escape_like(f.programme)}"%', escape="\\"))
        if f.feedback == "none":
            q = q.where(_Row.feedback.is_(None))
        elif f.feedback:
            q = q.where(_Row.feedback == f.feedback)
        if f.refused is not None:
            q = q.where(_Row.refused.is_(f.refused))
        if f.case_status == "none":
            q = q.where(_Case.status.is_(None))
        elif f.case_status:
            q = q.where(_Case.status == f.case_status)
        return q

    def query(self, f: Filters) -> list[Enquiry]:
        """Enquiries matching the filters, newest first."""
        q = self._filtered(f).order_by(_Row.created_at.desc(), _Row.id.desc()).limit(f.limit)
        return self._read(lambda s: [_to_model(r) for r in s.scalars(q)])

    def search(self, text: str | None = None, limit: int = 50, feedback: str | None = None) -> list[Enquiry]:
        """Enquiries whose question, answer, comment or case contains ``text``, newest first.

        ``feedback`` filters on the helpdesk's mark: ``"有用"``, ``"需改进"`` or ``"none"`` (not yet marked).
        """
        return self.query(Filters(text=text, limit=max(1, min(limit, MAX_LIMIT)), feedback=feedback or None))

    def threads(self, f: Filters) -> list[Thread]:
        """Conversations with at least one enquiry matching the filters, most recent first.

        Each thread holds all its enquiries (not only the matching ones), so the
        desk shows the whole conversation in the caller's own words.
        """
        keys = list(dict.fromkeys(e.thread for e in self.query(f)))
        if not keys:
            return []

        def load(s: Session) -> list[Thread]:
            rows = s.scalars(select(_Row).where(_Row.thread.in_(keys)).order_by(_Row.created_at, _Row.id)).all()
            cases = {c.thread: _case_model(c) for c in s.scalars(select(_Case).where(_Case.thread.in_(keys)))}
            by_key: dict[str, list[Enquiry]] = {}
            for r in rows:
                by_key.setdefault(r.thread, []).append(_to_model(r))
            return [Thread(key=k, enquiries=by_key[k], case=cases.get(k) or Case(thread=k)) for k in keys
                    if k in by_key]

        return self._read(load)

    def thread(self, key: str) -> Thread | None:
        """One conversation by its key, or None."""
        found = self._read(lambda s: s.scalars(select(_Row).where(_Row.thread == key)
                                               .order_by(_Row.created_at, _Row.id)).all())
        if not found:
            return None
        return Thread(key=key, enquiries=[_to_model(r) for r in found], case=self.get_case(key))

    def count(self) -> int:
        """How many enquiries are logged."""
        return self._read(lambda s: s.scalar(select(func.count()).select_from(_Row)) or 0)

    def stats(self, date_from: dt.date | None = None, date_to: dt.date | None = None,
              refused_limit: int = 100) -> LogStats:
        """Enquiries per day (China Standard Time) and per programme, feedback counts, refused questions."""
        f = Filters(date_from=date_from, date_to=date_to, limit=MAX_LIMIT)
        cols = self._filtered(f).with_only_columns(_Row.created_at, _Row.programmes, _Row.feedback, _Row.refused)
        rows = self._read(lambda s: s.execute(cols).all())
        days: Counter[dt.date] = Counter()
        progs: Counter[str] = Counter()
        marks: Counter[str | None] = Counter()
        for created, programmes, feedback, _refused in rows:
            days[_utc(created).astimezone(CST).date()] += 1
            progs.update(set(programmes or []))
            marks[feedback] += 1
        refused = self.query(Filters(date_from=date_from, date_to=date_to, refused=True, limit=refused_limit))
        return LogStats(total=len(rows), per_day=[DayCount(day=d, count=n) for d, n in sorted(days.items())],
                        per_programme=dict(progs.most_common()), useful=marks["有用"], needs_work=marks["需改进"],
                        unrated=marks[None], refused=refused)


def _short(e: BaseException) -> str:
    """An error in one line without the SQL statement (which may hold the caller's text)."""
    msg = str(getattr(e, "orig", None) or e).splitlines()[0] if str(e) else type(e).__name__
    return msg[:200]


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CST).astimezone(dt.UTC)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _to_model(row: _Row) -> Enquiry:
    return Enquiry(id=row.id, created_at=_utc(row.created_at), question=row.question, answer=row.answer,
                   citations=row.citations or [], programmes=row.programmes or [], refused=bool(row.refused),
                   profile=row.profile, as_of=row.as_of, corpus_version=row.corpus_version,
                   feedback=row.feedback, comment=row.comment, thread=row.thread or f"enquiry-{row.id}",
                   read_as=row.read_as)


def _case_model(row: _Case) -> Case:
    return Case(thread=row.thread, caller_name=row.caller_name, company=row.company, phone=row.phone,
                status=row.status, note=row.note, updated_at=_utc(row.updated_at), report=row.report,
                report_at=_utc(row.report_at))


@functools.lru_cache(maxsize=8)
def log_for(url: str) -> EnquiryLog:
    """The store for one database URL (one engine per URL per process); its spool is in the data directory."""
    return EnquiryLog(url, spool=settings().data_dir / SPOOL_NAME)


def default_log() -> EnquiryLog:
    """The store the settings point at (``NAVIGATOR_DATABASE_URL`` or SQLite under the data directory)."""
    return log_for(settings().log_url)


def add(question: str, answer: str, **fields: Any) -> int:
    """Log one enquiry in the default store; see ``EnquiryLog.add``."""
    return default_log().add(question, answer, **fields)


def record(question: str, answer: str, **fields: Any) -> int | None:
    """Log one enquiry in the default store without failing the caller; see ``EnquiryLog.record``."""
    return default_log().record(question, answer, **fields)


def search(text: str | None = None, limit: int = 50, feedback: str | None = None) -> list[Enquiry]:
    """Search the default store; see ``EnquiryLog.search``."""
    return default_log().search(text, limit, feedback)


def get(enquiry_id: int) -> Enquiry | None:
    """One enquiry of the default store."""
    return default_log().get(enquiry_id)


def set_feedback(enquiry_id: int, feedback: str | None, comment: str | None = None) -> Enquiry:
    """Mark an enquiry of the default store; see ``EnquiryLog.set_feedback``."""
    return default_log().set_feedback(enquiry_id, feedback, comment)


# --- plain text ---------------------------------------------------------------------------------------


def cite_line(c: dict[str, Any]) -> str:
    """One citation as a reader would write it: 《标题》（文号）条款：“原文”."""
    number = f"（{c['doc_number']}）" if c.get("doc_number") else ""
    return f"《{c.get('title', c.get('doc_id', ''))}》{number}{c.get('article', '')}：“{c.get('quote', '')}”"


def render_text(e: Enquiry) -> str:
    """One enquiry as plain text, ready to paste into a reply: question, answer, then every citation."""
    lines = [f"问：{e.question}", "", f"答：{e.answer}"]
    if e.citations:
        lines += ["", "依据："]
        lines += [f"{n}. {cite_line(c)}" for n, c in enumerate(e.citations, start=1)]
    meta = [f"记录 #{e.id}", f"时间 {local_time(e.created_at)}"]
    if e.as_of:
        meta.append(f"评估日期 {e.as_of.isoformat()}")
    if e.corpus_version:
        meta.append(f"政策文本版本 {e.corpus_version}")
    lines += ["", "（" + "，".join(meta) + "）"]
    return "\n".join(lines)


def local_time(t: dt.datetime) -> str:
    """A timestamp in China Standard Time (UTC+8), to the minute."""
    return _utc(t).astimezone(CST).strftime("%Y-%m-%d %H:%M")
