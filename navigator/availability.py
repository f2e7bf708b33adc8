"""现在可申报: which programmes take applications on a date, which close soon, and which ended when.

Each entry carries where to send the caller next, as the text prints it: the
application system or portal (with a URL only where the text gives one), the
issuing office's contact exactly as printed, and the forms the text attaches.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from calculators.models import CitedText, Portal, Programme
from navigator.programmes import Registry
from navigator.service import region_text, status_detail

SOON_DAYS = 30


class Cited(BaseModel):
    """A statement with its citation (CONTRACT citation dict)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    citation: dict[str, Any]
    url: str | None = Field(default=None, description="Only a URL the text itself prints.")


class Entry(BaseModel):
    """One programme's application window on the date, and where to go next."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    programme: str
    title: str
    side: str
    region: str
    status: str
    status_note: str | None = None
    opens: dt.date | None = None
    closes: dt.date | None = Field(default=None, description="The last day applications are taken or it is valid.")
    days_left: int | None = Field(default=None, description="Days from the date to the closing day, that day included.")
    window: Cited
    redemption: Cited | None = None
    portals: list[Cited] = []
    contacts: list[Cited] = []
    forms: list[Cited] = []
    materials: int = Field(default=0, description="How many materials the text lists.")


class Availability(BaseModel):
    """Programmes by their window on one date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date
    soon_days: int
    open: list[Entry] = Field(description="Taking applications, closing soonest first; open-ended ones last.")
    not_yet_open: list[Entry]
    unknown: list[Entry] = Field(description="The text states no window that settles the date.")
    closed: list[Entry] = Field(description="History: most recently ended first.")

    @property
    def closing_soon(self) -> list[Entry]:
        """Open programmes whose window ends within ``soon_days``."""
        return [e for e in self.open if e.days_left is not None and e.days_left <= self.soon_days]


def _cited(item: CitedText) -> Cited:
    return Cited(text=item.text, citation=item.cite.model_dump())


def _portal(item: Portal) -> Cited:
    return Cited(text=item.name, citation=item.cite.model_dump(), url=item.url)


def entry(prog: Programme, as_of: dt.date) -> Entry:
    """One programme's window on ``as_of`` with its next steps."""
    w = prog.window
    detail = status_detail(prog, as_of)
    st = detail.status
    closes = w.closes.date() if w.closes else w.last_day()
    days_left = (closes - as_of).days + 1 if closes and st == "open" else None
    note = detail.note
    return Entry(programme=prog.id, title=prog.title, side=prog.side, region=region_text(prog.region), status=st,
                 status_note=note, opens=w.opens.date() if w.opens else None, closes=closes, days_left=days_left,
                 window=Cited(text=w.text, citation=w.cite.model_dump()),
                 redemption=_cited(w.redemption) if w.redemption else None,
                 portals=[_portal(p) for p in prog.portals],
                 contacts=[_cited(c) for c in prog.contacts],
                 forms=[_cited(f) for f in prog.forms],
                 materials=len(prog.materials))


def availability(reg: Registry, as_of: dt.date, soon_days: int = SOON_DAYS, side: str | None = None) -> Availability:
    """Every programme (of one side, if given) by its window on ``as_of``."""
    entries = [entry(p, as_of) for p in reg.programmes.values() if side is None or p.side == side]
    far = dt.date.max
    return Availability(
        as_of=as_of, soon_days=soon_days,
        open=sorted((e for e in entries if e.status == "open"), key=lambda e: (e.closes or far, e.title)),
        not_yet_open=sorted((e for e in entries if e.status == "not_yet_open"), key=lambda e: (e.opens or far)),
        unknown=[e for e in entries if e.status == "unknown"],
        closed=sorted((e for e in entries if e.status == "closed"), key=lambda e: e.closes or dt.date.min,
                      reverse=True),
    )
