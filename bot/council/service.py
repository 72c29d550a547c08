"""Read council configuration and answer the questions the dialogue asks of it."""

from __future__ import annotations

from datetime import date, datetime
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


def clock(moment) -> str:
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"
