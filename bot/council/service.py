"""Read council configuration and answer the questions the dialogue asks of it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot import clock as clocks
from bot.config import get_settings
from bot.council.models import DAYS, Council


class CouncilConfigError(ValueError):
    """The council file is missing or does not describe a council."""


def load(path: Path) -> Council:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CouncilConfigError(f"council file not found: {path}") from exc
    except yaml.YAMLError as exc:
        raise CouncilConfigError(f"council file {path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise CouncilConfigError(f"council file {path} must hold a mapping")
    try:
        return Council.parse_obj(raw)
    except ValueError as exc:
        raise CouncilConfigError(f"council file {path}: {exc}") from exc


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Council:
    return load(Path(path))


def get_default() -> Council:
    """The deployment's council, re-read when its file changes so officers need no restart."""
    path = get_settings().council_file
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError as exc:
        raise CouncilConfigError(f"council file not found: {path}") from exc
    return _load_cached(str(path), mtime)


def local_today(council: Council) -> date:
    """The date in the council's own timezone: rules for a year start at local midnight."""
    return clocks.today(ZoneInfo(council.timezone))


def opening_hours_text(council: Council) -> str:
    """Opening hours in plain English, e.g. 'Monday 9am to 5pm'."""
    lines = []
    for day in DAYS:
        if day in council.opening_hours:
            opens, closes = council.opening_hours[day]
            lines.append(f"{day.capitalize()} {clock(opens)} to {clock(closes)}")
    return ", ".join(lines) if lines else "please phone for opening times"


def is_open(council: Council, at: datetime) -> bool:
    """Whether the council's team is working at a moment (compared in the council's timezone)."""
    local = at.astimezone(ZoneInfo(council.timezone))
    hours = council.opening_hours.get(DAYS[local.weekday()])
    return bool(hours) and hours[0] <= local.time() < hours[1]


def next_opening(council: Council, at: datetime) -> datetime | None:
    """When the team is next at work after ``at`` (``at`` itself if open): what a resident who
    writes at night needs to know, rather than the whole week's hours."""
    zone = ZoneInfo(council.timezone)
    local = at.astimezone(zone)
    for ahead in range(8):
        day = local.date() + timedelta(days=ahead)
        hours = council.opening_hours.get(DAYS[day.weekday()])
        if not hours:
            continue
        opens = datetime.combine(day, hours[0], zone)
        closes = datetime.combine(day, hours[1], zone)
        if local < closes:
            return max(opens, local)
    return None


def moment_text(moment: datetime, council: Council, *, now: datetime | None = None) -> str:
    """'9am today', '9am tomorrow' or '9am on Monday 7 December', in the council's time."""
    zone = ZoneInfo(council.timezone)
    local = moment.astimezone(zone)
    today = (now or clocks.utcnow()).astimezone(zone).date()
    if local.date() == today:
        day = "today"
    elif local.date() == today + timedelta(days=1):
        day = "tomorrow"
    else:
        day = f"on {local.strftime('%A')} {local.day} {local.strftime('%B')}"
    return f"{clock(local.time())} {day}"


def reopening_text(council: Council, now: datetime) -> str:
    """'They open again at 9am tomorrow.' (or how to find out, where no hours are set)."""
    opens = next_opening(council, now)
    if opens is None:
        return f"Please phone {council.phone} for opening times."
    return f"They open again at {moment_text(opens, council, now=now)}."


def clock(moment) -> str:
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"
