"""Whether a programme takes applications on a given date, from its cited window."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from calculators.models import Window

Status = Literal["open", "closed", "not_yet_open", "unknown"]


def status_on(window: Window, as_of: dt.date) -> Status:
    """The window's status on ``as_of`` (a whole day: open if the window is open at any time that day).

    ``open_ended`` windows have no end; when only the year of issue is known,
    a date within that year is ``unknown``.
    """
    if window.opens is not None:
        opens = window.opens.date()
        if window.opens_precision == "year":
            if as_of.year < opens.year:
                return "not_yet_open"
            if as_of.year == opens.year:
                return "unknown"
        elif as_of < opens:
            return "not_yet_open"
    if window.kind == "open_ended" or window.closes is None:
        return "open" if window.opens is not None else "unknown"
    return "open" if as_of <= window.closes.date() else "closed"
