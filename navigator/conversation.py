"""Conversations: the facts and programmes of earlier turns, kept for follow-up questions.

One ``Conversation`` is used by every front end: the app's chat keeps one in
the session state, ``ask --session FILE`` keeps one in a JSON file, and
``ask --batch`` keeps one per ``"session"`` value. A follow-up such as
"那如果纳税只有300万呢？" is read against what earlier turns said.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

MAX_SESSION_BYTES = 2_000_000
MAX_TURNS = 50  # the oldest turns are dropped beyond this; facts stay
LOCK_TIMEOUT_S = 30


class SessionError(ValueError):
    """A session file that cannot be used: unreadable, not a session, locked too long."""


class Fact(BaseModel):
    """One fact the asker stated: a profile field or an estimate input, with the words it came from."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(description="Profile field or estimate input name, e.g. annual_tax_cny, fees_cny.")
    value: Any = Field(description="The value: money as a string of yuan, a bool, a place name...")
    programme: str | None = Field(default=None, description="The programme line an amount belongs to, if any.")
    year: int | None = Field(default=None, description="The year of use an amount belongs to, if any.")
    text: str = Field(default="", description="The asker's own words, e.g. 纳税800万.")
    turn: int = Field(default=0, description="The turn that stated it (1-based).")


def fact_text(f: Fact, title_of=None) -> str:
    """A remembered fact in Chinese, e.g. 上年度全库纳税额：800万元（“纳税800万”）."""
    from navigator import labels
    from navigator.reading import lexicon

    names = lexicon().amount_field_labels
    name = names.get(f.field) or labels.field_label(f.field)
    if f.year:
        name = f"第{f.year}年{name}"
    if f.programme and title_of is not None:
        name = f"{title_of(f.programme)}·{name}"
    value = labels.money(f.value) if f.field in names else labels.value_text(f.field, f.value)
    said = f"（“{f.text}”）" if f.text and f.text != str(f.value) else ""
    return f"{name}：{value}{said}"


class Turn(BaseModel):
    """One question and what it was understood to ask."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="The caller's own wording.")
    reading: dict[str, Any] = Field(default_factory=dict)
    programmes: list[str] = []
    headline: str = ""
    refused: bool = False
    estimated: bool = Field(default=False, description="The answer stated a figure (a follow-up changing a fact asks it again).")


class Conversation(BaseModel):
    """The state of one conversation: stated facts, the programmes in discussion and the turns so far."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    facts: list[Fact] = Field(default=[], description="Facts stated so far, the latest per field last.")
    programmes: list[str] = Field(default=[], description="Programmes the last answered turn was about.")
    turns: list[Turn] = []

    def ask(self, question: Any, profile: Any = None, as_of: dt.date | dt.datetime | None = None,
            engine: Any = None) -> Any:
        """Answer ``question`` in this conversation and remember what it said.

        Returns a ``navigator.answer.Answer``; raises ``AskError`` for a question
        that cannot be asked (empty, too long, not text), leaving the state unchanged.
        """
        from navigator.answer import answerer

        engine = engine or answerer()
        return engine.ask_in(self, question, profile=profile, as_of=as_of)

    def remember(self, turn: Turn, facts: list[Fact], programmes: list[str]) -> None:
        """Record an answered turn: its facts replace earlier facts of the same field, line and year."""
        n = len(self.turns) + 1
        for f in facts:
            self.facts = [g for g in self.facts
                          if (g.field, g.programme, g.year) != (f.field, f.programme, f.year)]
            self.facts.append(f.model_copy(update={"turn": f.turn or n}))
        if programmes:
            self.programmes = list(programmes)
        self.turns.append(turn)
        del self.turns[:-MAX_TURNS]

    def forget(self, field: str, programme: str | None = None, year: int | None = None) -> None:
        """Drop a remembered fact (the app's 'remove' button)."""
        self.facts = [f for f in self.facts if (f.field, f.programme, f.year) != (field, programme, year)]


# --- session files ------------------------------------------------------------------------------------


def load(path: str | Path) -> Conversation:
    """A conversation from its JSON file; a missing or empty file is a new conversation."""
    p = Path(path)
    if p.is_dir():
        raise SessionError(f"--session: {path} is a folder, not a file")
    try:
        if not p.exists() or p.stat().st_size == 0:
            return Conversation()
        if p.stat().st_size > MAX_SESSION_BYTES:
            raise SessionError(f"--session: {path} is larger than {MAX_SESSION_BYTES} bytes")
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise SessionError(f"--session: cannot read {path}: {e.__class__.__name__}") from None
    try:
        return Conversation.model_validate(json.loads(raw))
    except (json.JSONDecodeError, ValidationError, RecursionError):
        raise SessionError(f"--session: {path} is not a session file of this program") from None


def save(conv: Conversation, path: str | Path) -> None:
    """Write the conversation atomically (a reader never sees half a file)."""
    p = Path(path)
    data = conv.model_dump_json(indent=1)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, p)
    except OSError as e:
        raise SessionError(f"--session: cannot write {path}: {e.strerror or e}") from None


@contextmanager
def session_file(path: str | Path) -> Iterator[Conversation]:
    """Hold the session file's lock, load it, yield the conversation and save it afterwards.

    Two processes answering in the same session take turns; the state is saved
    only when the block finishes without an exception.
    """
    from filelock import FileLock, Timeout

    p = Path(path)
    if p.is_dir():
        raise SessionError(f"--session: {path} is a folder, not a file")
    if p.exists() and not p.is_file():
        raise SessionError(f"--session: {path} is not a regular file")
    up = next((a for a in p.parents if a.exists()), None)
    if up is not None and not up.is_dir():
        raise SessionError(f"--session: {up} is a file, so {path} cannot be made")
    if up is not None and not os.access(up, os.W_OK):
        raise SessionError(f"--session: the folder {up} cannot be written")
    try:
        lock = FileLock(str(p) + ".lock", timeout=LOCK_TIMEOUT_S)
        lock.acquire()
    except Timeout:
        if not Path(str(p) + ".lock").exists():  # the lock could not even be made: the place is not writable
            raise SessionError(f"--session: no file can be written beside {path}") from None
        raise SessionError(f"--session: {path} is in use by another process") from None
    except OSError as e:
        raise SessionError(f"--session: cannot lock {path}: {e.strerror or e}") from None
    try:
        conv = load(p)
        yield conv
        save(conv, p)
    finally:
        lock.release()
