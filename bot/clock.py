"""The one clock the service reads, and UTC on the way in and out of the database.

Bookings, opening hours, reminders, retention and entitlements all turn on "now", and a test
that reads the real clock passes or fails by the day of the week it runs on. Every module asks
this one for the time, so a test can pin it (``pinned``) and a whole process can be started at
a chosen moment (``WORKLOCAL_CLOCK``, read by the API, the Rasa server and the action server
alike), without patching anything.

This module imports nothing from the rest of the service: anything may depend on it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo

from sqlalchemy.types import DateTime, TypeDecorator

ENV = "WORKLOCAL_CLOCK"
UTC = timezone.utc

_source: Callable[[], datetime] | None = None
# WORKLOCAL_CLOCK's value -> (the moment it names, the monotonic reading when first seen).
_started: dict[str, tuple[datetime, float]] = {}


def parse_moment(value: str) -> datetime:
    """An ISO 8601 moment; a moment without an offset is taken as UTC."""
    moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return as_utc(moment)


def _from_environment() -> datetime | None:
    """``WORKLOCAL_CLOCK=2026-12-05T22:30:00Z``: the process starts at that moment and its clock
    then runs at the real rate, so holds still lapse and waits still grow."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    if value not in _started:
        _started[value] = (parse_moment(value), time.monotonic())
    moment, seen = _started[value]
    return moment + timedelta(seconds=time.monotonic() - seen)


def utcnow() -> datetime:
    """Now, timezone-aware in UTC."""
    if _source is not None:
        return _source()
    return _from_environment() or datetime.now(UTC)


def today(zone: tzinfo | None = None) -> date:
    """Today's date where the council is (``zone``), UTC if not given."""
    return utcnow().astimezone(zone or UTC).date()


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Pinned:
    """A clock that stands still until moved: what a test needs to know which slots exist."""

    def __init__(self, moment: datetime) -> None:
        self.moment = as_utc(moment)

    def __call__(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = as_utc(moment)

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


@contextmanager
def pinned(moment: datetime | None = None) -> Iterator[Pinned]:
    """Stop the clock at ``moment`` (by default, now) for the code inside."""
    global _source
    previous, clock = _source, Pinned(moment or utcnow())
    _source = clock
    try:
        yield clock
    finally:
        _source = previous


class UTCDateTime(TypeDecorator):
    """A timestamp column that is always aware and in UTC when read, on SQLite as on
    PostgreSQL, so no caller converts by hand. The column's SQL type is unchanged."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else as_utc(value)
