"""The advisers' rota: read the file an officer loads, store it, and read it back as sessions.

The rota file (YAML, described in docs/booking.md) is the whole rota: importing it adds and
updates advisers by their ``key`` and retires advisers no longer in it, so an officer edits one
file rather than clicking through screens. A file with any problem writes nothing, and every
problem is reported with the adviser and session it is in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from bot.booking.availability import Session, TimeOff
from bot.booking.models import WEEKDAYS, Adviser, RotaIn
from bot.catalogue.venue.models import Venue

MAX_FILE_BYTES = 1_000_000


class RotaError(ValueError):
    """The rota cannot be loaded; ``problems`` says where and why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class RotaReport:
    added: int = 0
    updated: int = 0
    retired: list[str] = field(default_factory=list)

    def summary(self) -> str:
        retired = ""
        if self.retired:
            retired = f", {len(self.retired)} retired ({', '.join(self.retired)})"
        return f"Rota loaded: {self.added} advisers added, {self.updated} updated{retired}."


def read(path: Path) -> RotaIn:
    if not path.is_file():
        raise RotaError([f"{path}: no such file"])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RotaError([f"{path}: larger than a rota can be ({MAX_FILE_BYTES} bytes)"])
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RotaError([f"{path}: not a readable YAML file ({exc})"]) from exc
    try:
        rota = RotaIn.parse_obj(raw if isinstance(raw, dict) else {})
    except ValidationError as exc:
        raise RotaError([_where(raw, e["loc"]) + e["msg"] for e in exc.errors()]) from exc
    keys = [a.key for a in rota.advisers]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise RotaError([f"adviser {k}: the key is used more than once" for k in repeated])
    return rota


def _where(raw: Any, loc: tuple) -> str:
    """'adviser amira, sessions 2: ' from a validation error's location."""
    parts = []
    if len(loc) >= 2 and loc[0] == "advisers" and isinstance(loc[1], int):
        try:
            key = raw["advisers"][loc[1]].get("key") or f"number {loc[1] + 1}"
        except (TypeError, KeyError, IndexError, AttributeError):
            key = f"number {loc[1] + 1}"
        parts.append(f"adviser {key}")
        rest = loc[2:]
        if len(rest) >= 2 and isinstance(rest[1], int):
            parts.append(f"{rest[0]} {rest[1] + 1}")
            rest = rest[2:]
        parts += [str(p) for p in rest]
    else:
        parts += [str(p) for p in loc]
    return (", ".join(parts) + ": ") if parts else ""


def store(rota: RotaIn, *, council_slug: str, db_session: DbSession) -> RotaReport:
    """Write one council's rota: add and update its advisers by key, retire those left out
    (another council's advisers are never touched)."""
    venues = _venue_ids(rota, db_session)
    report = RotaReport()
    mine = select(Adviser).where(Adviser.council_slug == council_slug)
    existing = {a.key: a for a in db_session.execute(mine).scalars() if a.key}
    for adviser_in in rota.advisers:
        adviser = existing.pop(adviser_in.key, None)
        if adviser is None:
            adviser = Adviser(key=adviser_in.key, council_slug=council_slug)
            db_session.add(adviser)
            report.added += 1
        else:
            report.updated += 1
        adviser.first_name = adviser_in.first_name
        adviser.team = adviser_in.team
        adviser.offers = sorted({adviser_in.team, *adviser_in.offers})
        adviser.email = adviser_in.email
        adviser.active = True
        adviser.sessions = [_session_json(s, venues) for s in adviser_in.sessions]
        adviser.time_off = [_time_off_json(t) for t in adviser_in.time_off]
    for adviser in existing.values():
        if adviser.active:
            adviser.active = False  # kept: their bookings still name them
            report.retired.append(adviser.key)
    db_session.flush()
    return report


def load(path: Path, *, council_slug: str, db_session: DbSession) -> RotaReport:
    return store(read(path), council_slug=council_slug, db_session=db_session)


def _venue_ids(rota: RotaIn, db_session: DbSession) -> dict[str, int]:
    """Each venue named in the rota, by name as written, to its id; every problem at once."""
    ids: dict[str, int] = {}
    problems = []
    for adviser in rota.advisers:
        for number, session in enumerate(adviser.sessions, start=1):
            name = session.venue
            if not name or name in ids:
                continue
            found = db_session.execute(
                select(Venue.id).where(func.lower(Venue.name) == name.strip().lower())
            ).scalars().all()  # fmt: skip
            if len(found) == 1:
                ids[name] = found[0]
            else:
                why = "no venue has that name" if not found else "several venues have that name"
                problems.append(
                    f"adviser {adviser.key}, sessions {number}: venue {name!r}: {why} in the "
                    "catalogue (load the venues first, and use the name exactly as listed)"
                )
    if problems:
        raise RotaError(problems)
    return ids


def _session_json(session: Any, venues: dict[str, int]) -> dict[str, Any]:
    return {
        "weekday": WEEKDAYS.index(session.weekday) if session.weekday else None,
        "on": session.on.isoformat() if session.on else None,
        "start": session.start.strftime("%H:%M"),
        "end": session.end.strftime("%H:%M"),
        "venue_id": venues.get(session.venue) if session.venue else None,
        "channels": list(session.channels),
    }


def _time_off_json(off: Any) -> dict[str, Any]:
    return {
        "on": off.on.isoformat(),
        "until": off.until.isoformat() if off.until else None,
        "start": off.start.strftime("%H:%M") if off.start else None,
        "end": off.end.strftime("%H:%M") if off.end else None,
    }


def sessions_of(adviser: Adviser) -> list[Session]:
    return [
        Session(
            start=time.fromisoformat(s["start"]),
            end=time.fromisoformat(s["end"]),
            venue=s.get("venue_id"),
            channels=tuple(s.get("channels") or ("in_person",)),
            weekday=s.get("weekday"),
            on=date.fromisoformat(s["on"]) if s.get("on") else None,
        )
        for s in adviser.sessions or []
    ]


def time_off_of(adviser: Adviser) -> list[TimeOff]:
    days: list[TimeOff] = []
    for t in adviser.time_off or []:
        first = date.fromisoformat(t["on"])
        last = date.fromisoformat(t["until"]) if t.get("until") else first
        start = time.fromisoformat(t["start"]) if t.get("start") else None
        end = time.fromisoformat(t["end"]) if t.get("end") else None
        for offset in range((last - first).days + 1):
            days.append(TimeOff(on=first + timedelta(days=offset), start=start, end=end))
    return days
