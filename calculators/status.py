"""Whether a programme takes applications at a given date or moment, from its cited window.

``as_of`` is a ``date`` (a whole day) or a naive ``datetime`` in Beijing time.
Status is ``open`` only where a window or validity the text states covers the
date; a text that states neither is ``unknown``, never ``open``. Validity terms
are counted as the Civil Code counts them (``calculators.periods``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from calculators.base import Citation, Model
from calculators.models import Window
from calculators.periods import AsOf, beijing, day_of

Status = Literal["open", "closed", "not_yet_open", "unknown"]

NO_TERM = "文件未规定有效期/申报期限，请向主管部门核实"
MIDNIGHT = dt.time(0, 0)


class StatusDetail(Model):
    """A status with what qualifies it (an hour on the day, a missing term) and the article it rests on."""

    status: Status
    note: str | None = None
    citation: Citation | None = None


def _date_text(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _hm(t: dt.datetime) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def status_detail(window: Window, as_of: AsOf) -> StatusDetail:
    """The window's status at ``as_of``, with a note and the article.

    A whole day is ``open`` when the window is open at any time that day; on a
    day the window opens or closes at an hour the note says "当日10:00起" /
    "当日17:00止". A moment is compared to the minute: a window that closes at
    17:00 is closed at 17:00.
    """
    moment, day = beijing(as_of), day_of(as_of)
    start = window.opens

    def detail(status: Status, note: str | None = None) -> StatusDetail:
        return StatusDetail(status=status, note=note, citation=window.cite)

    if window.opens_precision == "year":
        if day.year < start.year:
            return detail("not_yet_open", f"文本未载明具体发布日期，按{start.year}年计，{start.year}年以前尚未发布")
        if day.year == start.year:
            return detail("unknown", f"文本未载明具体发布日期（按{start.year}年计），当年内是否已施行请向主管部门核实")
    elif (moment is not None and moment < start) or (moment is None and day < start.date()):
        when = _date_text(start.date()) + (f"{_hm(start)}" if start.time() != MIDNIGHT else "")
        return detail("not_yet_open", f"{when}起")

    opening_note = None
    if moment is None and window.opens_precision == "day" and day == start.date() and start.time() != MIDNIGHT:
        opening_note = f"当日{_hm(start)}起"

    if window.kind == "open_ended":
        return detail("unknown", NO_TERM)

    if window.kind == "validity":
        last = window.last_day()
        assert last is not None
        ends = dt.datetime.combine(last + dt.timedelta(days=1), MIDNIGHT)
        if (moment is not None and moment >= ends) or (moment is None and day > last):
            return detail("closed", f"有效期已于{_date_text(last)}24:00届满")
        return detail("open", opening_note or ("有效期最后一日（当日24:00届满）" if day == last else None))

    closes = window.closes
    assert closes is not None
    if (moment is not None and moment >= closes) or (moment is None and day > closes.date()):
        return detail("closed", f"已于{_date_text(closes.date())}{_hm(closes)}截止")
    if moment is None and day == closes.date():
        closing = f"{_hm(closes)}止"
        return detail("open", f"{opening_note}至{closing}" if opening_note else f"当日{closing}")
    return detail("open", opening_note)


def status_on(window: Window, as_of: AsOf) -> Status:
    """The window's status at ``as_of`` (see ``status_detail``)."""
    return status_detail(window, as_of).status
