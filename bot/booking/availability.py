"""When advisers can see residents: weekly hours, days off and extra sessions, bank holidays,
slot length and buffers, turned into bookable slots.

Plain functions over plain data, so the rules can be tested without a database. Opening hours
are wall-clock times in the council's time zone (Europe/London), because that is how a team
publishes them: "Tuesdays 9:30 to 12:30" means 9:30 in winter and in summer. Each slot is
worked out in local time and only then turned into UTC, which is what is stored; so a clock
change moves no appointment and the hour that does not exist (or happens twice) is handled by
the time zone rules, not by adding hours to UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from govuk_bank_holidays.bank_holidays import BankHolidays

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Session:
    """A stretch of time an adviser sees residents: every week on ``weekday`` (0 is Monday),
    or once on ``on`` (an extra session)."""

    start: time
    end: time
    venue: int | str | None = None  # the venue's id (or name in tests); None: phone or video
    channels: tuple[str, ...] = ("in_person",)
    weekday: int | None = None
    on: date | None = None


@dataclass(frozen=True)
class TimeOff:
    """A day off (no times) or part of a day (``start`` to ``end``): leave, training, closures."""

    on: date
    start: time | None = None
    end: time | None = None


@dataclass(frozen=True)
class Slot:
    adviser: str
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    venue: int | str | None
    channels: tuple[str, ...]


@lru_cache(maxsize=1)
def bank_holidays() -> frozenset[date]:
    """England and Wales bank holidays from the data the package ships (no network)."""
    holidays = BankHolidays(use_cached_holidays=True).get_holidays(
        division=BankHolidays.ENGLAND_AND_WALES
    )
    return frozenset(h["date"] for h in holidays)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def _sessions_on(day: date, sessions: Iterable[Session]) -> list[Session]:
    return [s for s in sessions if s.on == day or (s.on is None and s.weekday == day.weekday())]


def _blocked(day: date, start: time, end: time, time_off: Iterable[TimeOff]) -> bool:
    for off in time_off:
        if off.on != day:
            continue
        if off.start is None or off.end is None:
            return True
        if start < off.end and off.start < end:
            return True
    return False


def slots(
    *,
    adviser: str,
    sessions: Iterable[Session],
    time_off: Iterable[TimeOff] = (),
    first_day: date,
    days: int,
    length: timedelta = timedelta(minutes=45),
    buffer: timedelta = timedelta(minutes=15),
    holidays: frozenset[date] | None = None,
    not_before: datetime | None = None,
    zone: ZoneInfo = LONDON,
) -> list[Slot]:
    """Every slot of one adviser from ``first_day`` for ``days`` days, earliest first.

    A session is cut into slots of ``length`` with ``buffer`` between them (for notes and
    travel); a slot that would run past the session's end is not offered. Bank holidays offer
    nothing, except an extra session deliberately put on that date. ``not_before`` (UTC) drops
    slots starting too soon to prepare for.
    """
    if length <= timedelta(0) or buffer < timedelta(0):
        raise ValueError("slot length must be positive and the buffer not negative")
    holidays = bank_holidays() if holidays is None else holidays
    sessions, time_off = list(sessions), list(time_off)
    found: list[Slot] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for session in _sessions_on(day, sessions):
            if day in holidays and session.on != day:
                continue
            for start, end in _cut(day, session, length, buffer, zone):
                if _blocked(day, start.time(), end.time(), time_off):
                    continue
                starts_at, ends_at = _utc(start), _utc(end)
                if not_before is not None and starts_at < not_before:
                    continue
                found.append(Slot(adviser, starts_at, ends_at, session.venue, session.channels))
    return sorted(found, key=lambda slot: (slot.starts_at, slot.adviser))


def _cut(
    day: date, session: Session, length: timedelta, buffer: timedelta, zone: ZoneInfo
) -> Iterator[tuple[datetime, datetime]]:
    """Wall-clock slots of one session on one day, as aware local datetimes."""
    closes = datetime.combine(day, session.end)
    at = datetime.combine(day, session.start)
    while at + length <= closes:
        yield at.replace(tzinfo=zone), (at + length).replace(tzinfo=zone)
        at += length + buffer


def label(slot: Slot, venue_name: str | None = None, zone: ZoneInfo = LONDON) -> str:
    """How a slot reads on a button: "Tuesday 3 December, 10:30, Central Library"."""
    where = venue_name or ("by phone or video" if slot.venue is None else str(slot.venue))
    return describe(slot.starts_at, where, zone)


def describe(starts_at: datetime, where: str, zone: ZoneInfo = LONDON) -> str:
    local = starts_at.astimezone(zone)
    return f"{local:%A} {local.day} {local:%B}, {local:%H:%M}, {where}"
