"""The enquiry log: every question the app answered, with its citations, for the helpdesk.

One table, ``enquiries``, through SQLAlchemy 2.x. By default a SQLite file
under ``settings().data_dir`` in WAL mode with a busy timeout, so many
Streamlit sessions can write at once without losing an entry; any SQLAlchemy
URL works (PostgreSQL in deployment, via ``NAVIGATOR_DATABASE_URL``).
"""

from __future__ import annotations

import datetime as dt
import functools
import time
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
    create_engine,
    event,
    func,
    or_,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from navigator.settings import settings

Feedback = Literal["有用", "需改进"]
FEEDBACK_VALUES: tuple[str, ...] = ("有用", "需改进")
SQLITE_BUSY_TIMEOUT_MS = 30_000
MAX_QUESTION_CHARS = 10_000


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


class Enquiry(BaseModel):
    """One logged enquiry: the question, the answer given and what it rested on."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    id: int
    created_at: dt.datetime = Field(description="When the answer was given (UTC).")
    question: str
    answer: str
    citations: list[dict[str, Any]] = Field(description="CONTRACT citations: doc_id, title, doc_number, article, quote.")
    programmes: list[str] = []
    refused: bool = False
    profile: dict[str, Any] | None = Field(default=None, description="The profile the answer used, if any.")
    as_of: dt.date | None = Field(default=None, description="The date the answer was evaluated for.")
    corpus_version: str | None = Field(default=None, description="Hash of the policy texts the answer came from.")
    feedback: Feedback | None = None
    comment: str | None = None


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """WAL lets readers work while one session writes; busy_timeout makes writers wait, not fail."""
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the log; SQLite gets WAL mode and a busy timeout on every connection."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _Base.metadata.create_all(engine)
    return engine


class EnquiryLog:
    """The store: add, search, get, set_feedback."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)

    def _write(self, fn):
        """Run a write in its own transaction, retrying briefly if SQLite still reports a lock."""
        for attempt in range(5):
            try:
                with Session(self.engine) as s, s.begin():
                    return fn(s)
            except OperationalError as e:
                if "locked" not in str(e).lower() or attempt == 4:
                    raise
                time.sleep(0.1 * (attempt + 1))
        raise AssertionError("unreachable")

    def add(self, question: str, answer: str, citations: list[dict[str, Any]] | None = None,
            programmes: list[str] | None = None, refused: bool = False, profile: dict[str, Any] | None = None,
            as_of: dt.date | None = None, corpus_version: str | None = None) -> int:
        """Log one answered question; returns its id."""
        row = _Row(created_at=dt.datetime.now(dt.UTC), question=question[:MAX_QUESTION_CHARS], answer=answer,
                   citations=list(citations or []), programmes=list(programmes or []), refused=bool(refused),
                   profile=profile or None, as_of=as_of, corpus_version=corpus_version)

        def insert(s: Session) -> int:
            s.add(row)
            s.flush()
            return row.id

        return self._write(insert)

    def get(self, enquiry_id: int) -> Enquiry | None:
        """One enquiry by id, or None."""
        with Session(self.engine) as s:
            row = s.get(_Row, enquiry_id)
            return _to_model(row) if row else None

    def search(self, text: str | None = None, limit: int = 50, feedback: str | None = None) -> list[Enquiry]:
        """Enquiries whose question, answer or comment contains ``text``, newest first.

        ``feedback`` filters on the helpdesk's mark: ``"有用"``, ``"需改进"`` or ``"none"`` (not yet marked).
        """
        q = select(_Row).order_by(_Row.created_at.desc(), _Row.id.desc()).limit(max(1, min(limit, 1000)))
        for word in (text or "").split():
            like = f"%{_escape_like(word)}%"
            q = q.where(or_(_Row.question.ilike(like, escape="\\"), _Row.answer.ilike(like, escape="\\"),
                            _Row.comment.ilike(like, escape="\\")))
        if feedback == "none":
            q = q.where(_Row.feedback.is_(None))
        elif feedback:
            q = q.where(_Row.feedback == feedback)
        with Session(self.engine) as s:
            return [_to_model(r) for r in s.scalars(q)]

    def count(self) -> int:
        """How many enquiries are logged."""
        with Session(self.engine) as s:
            return s.scalar(select(func.count()).select_from(_Row)) or 0

    def set_feedback(self, enquiry_id: int, feedback: str | None, comment: str | None = None) -> Enquiry:
        """Mark an enquiry 有用 / 需改进 (or clear the mark with None), with an optional comment."""
        if feedback is not None and feedback not in FEEDBACK_VALUES:
            raise ValueError(f"feedback must be one of {FEEDBACK_VALUES} or None, got {feedback!r}")

        def update(s: Session) -> Enquiry:
            row = s.get(_Row, enquiry_id)
            if row is None:
                raise KeyError(f"no enquiry {enquiry_id}")
            row.feedback = feedback
            row.comment = (comment or "").strip() or None
            s.flush()
            return _to_model(row)

        return self._write(update)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _to_model(row: _Row) -> Enquiry:
    created = row.created_at
    if created.tzinfo is None:  # SQLite returns naive datetimes; they were written in UTC
        created = created.replace(tzinfo=dt.UTC)
    return Enquiry(id=row.id, created_at=created, question=row.question, answer=row.answer,
                   citations=row.citations or [], programmes=row.programmes or [], refused=bool(row.refused),
                   profile=row.profile, as_of=row.as_of, corpus_version=row.corpus_version,
                   feedback=row.feedback, comment=row.comment)


@functools.lru_cache(maxsize=8)
def log_for(url: str) -> EnquiryLog:
    """The store for one database URL (one engine per URL per process)."""
    return EnquiryLog(url)


def default_log() -> EnquiryLog:
    """The store the settings point at (``NAVIGATOR_DATABASE_URL`` or SQLite under the data directory)."""
    return log_for(settings().log_url)


def add(question: str, answer: str, **fields: Any) -> int:
    """Log one enquiry in the default store; see ``EnquiryLog.add``."""
    return default_log().add(question, answer, **fields)


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
    cst = dt.timezone(dt.timedelta(hours=8))
    return t.astimezone(cst).strftime("%Y-%m-%d %H:%M")
