"""Which calendar dates the product accepts, and date arithmetic that cannot overflow.

An entry date or a due date far outside any business plan (year 1 or 9999,
typed by mistake or sent in an imported file) is refused where it enters; the
plan's arithmetic still stays inside the calendar for any date already stored.
"""

from __future__ import annotations

import datetime as dt

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)


def plausible_date(day: dt.date) -> dt.date:
    """``day`` itself when it lies between 1900 and 2199.

    Raises:
        ValueError: the date is outside that range; the message says so.
    """
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(
            f"{day.isoformat()} is outside the dates this app accepts "
            f"({EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()})"
        )
    return day


def plausible_moment(moment: dt.datetime) -> dt.datetime:
    """``moment`` itself when its date lies between 1900 and 2199 (see :func:`plausible_date`)."""
    plausible_date(moment.date())
    return moment


def weeks_before(day: dt.date, weeks: int) -> dt.date:
    """The date ``weeks`` before ``day``, or the calendar's first day if that is earlier."""
    try:
        return day - dt.timedelta(weeks=weeks)
    except OverflowError:
        return dt.date.min


def weeks_after(day: dt.date, weeks: int) -> dt.date:
    """The date ``weeks`` after ``day``, or the calendar's last day if that is later."""
    try:
        return day + dt.timedelta(weeks=weeks)
    except OverflowError:
        return dt.date.max
