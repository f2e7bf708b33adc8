"""Periods and moments as the Civil Code counts them, in Beijing time.

民法典第二百零一条: a period counted in years, months or days starts the day after
its starting day. 第二百零二条: a period in years or months ends on the
corresponding day of the final month, or on that month's last day when there is
no corresponding day. 第二百零三条: the last day ends at 24:00.
"""

from __future__ import annotations

import datetime as dt

BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")  # no daylight saving since 1991

AsOf = dt.date | dt.datetime  # a whole day, or a naive date-time meaning Beijing time


def civil_code_last_day(start: dt.date, years: int) -> dt.date:
    """The last day of a period of ``years`` years counted from ``start`` (the starting day not counted).

    >>> civil_code_last_day(dt.date(2019, 8, 14), 3)
    datetime.date(2022, 8, 14)
    >>> civil_code_last_day(dt.date(2020, 2, 29), 1)
    datetime.date(2021, 2, 28)
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year without it: the month's last day
        return start.replace(year=start.year + years, day=28)


def beijing(as_of: AsOf) -> dt.datetime | None:
    """A moment as a naive Beijing date-time; None for a whole day (a ``date``)."""
    if isinstance(as_of, dt.datetime):
        if as_of.tzinfo is not None:
            return as_of.astimezone(BEIJING).replace(tzinfo=None)
        return as_of
    return None


def day_of(as_of: AsOf) -> dt.date:
    """The Beijing calendar day of a date or date-time."""
    moment = beijing(as_of)
    return moment.date() if moment is not None else as_of  # type: ignore[return-value]
