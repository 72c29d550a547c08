"""The period an officer or a reporting tool asks the insight for, read from the query."""

from __future__ import annotations

from datetime import date, timedelta

DEFAULT_WEEKS = 12
LONGEST = timedelta(days=3 * 366)  # a funder's period at most: keeps a report quick


class BadPeriod(ValueError):
    pass


def period(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The dates asked for (YYYY-MM-DD), or the last 12 weeks to today."""
    try:
        last = date.fromisoformat(end) if end else today
        first = date.fromisoformat(start) if start else last - timedelta(weeks=DEFAULT_WEEKS)
    except ValueError:
        raise BadPeriod("Give dates as year-month-day, for example 2026-09-01.") from None
    if first > last:
        raise BadPeriod("The start date must be on or before the end date.")
    if last - first > LONGEST:
        raise BadPeriod("Choose a period of three years or less.")
    return first, last
