"""Read council configuration and answer the questions the dialogue asks of it."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot import clock as clocks
from bot.config import get_settings
from bot.council.models import DAYS, Council

log = logging.getLogger(__name__)


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


class UnknownCouncil(LookupError):
    """No council this deployment serves has that slug."""


def _signature() -> tuple[tuple[str, float], ...]:
    """Every council file with its modification time: the registry is read again when a file
    is added, removed or changed, so officers need no restart. Asked at every request (and by
    every action), so it is a few system calls: no path resolving, no globbing."""
    settings = get_settings()
    try:
        home = os.stat(settings.council_file)
    except FileNotFoundError as exc:
        raise CouncilConfigError(f"council file not found: {settings.council_file}") from exc
    files = [(str(settings.council_file), home.st_mtime)]
    seen = {(home.st_dev, home.st_ino)}  # the home file is usually in the folder too
    try:
        with os.scandir(settings.effective_councils_dir) as entries:
            found = sorted((e for e in entries if e.name.endswith(".yml") and e.is_file()),
                           key=lambda e: e.name)  # fmt: skip
            for entry in found:
                info = entry.stat()
                if (info.st_dev, info.st_ino) not in seen:
                    seen.add((info.st_dev, info.st_ino))
                    files.append((entry.path, info.st_mtime))
    except (FileNotFoundError, NotADirectoryError):
        pass
    return tuple(files)


# Names a council's slug would hide in its addresses (/openreferral/SLUG/...).
RESERVED_SLUGS = frozenset({"services", "service_at_locations", "taxonomies", "taxonomy_terms"})


@dataclass(frozen=True)
class Registry:
    home: Council
    by_slug: dict[str, Council]
    by_host: dict[str, Council]


@lru_cache(maxsize=4)
def _registry(signature: tuple[tuple[str, float], ...]) -> Registry:
    councils = [load(Path(path)) for path, _ in signature]
    return registry_of(councils, home=councils[0], names=[path for path, _ in signature])


def registry_of(councils: list[Council], *, home: Council, names: list[str]) -> Registry:
    """The councils checked together: a slug or a host name may mean only one council."""
    by_slug: dict[str, Council] = {}
    by_host: dict[str, Council] = {}
    for council, name in zip(councils, names, strict=True):
        if council.slug in RESERVED_SLUGS:
            raise CouncilConfigError(f"{name}: the slug {council.slug!r} is a page's name; "
                                     "choose another")  # fmt: skip
        if council.slug in by_slug:
            raise CouncilConfigError(f"{name}: another council file already uses the slug "
                                     f"{council.slug!r}")  # fmt: skip
        by_slug[council.slug] = council
        for host in council.domains:
            if host in by_host:
                raise CouncilConfigError(
                    f"{name}: the host name {host} is already {by_host[host].name}'s"
                )
            by_host[host] = council
    for council, name in zip(councils, names, strict=True):
        for member in council.members:
            if member not in by_slug or by_slug[member].members:
                raise CouncilConfigError(f"{name}: member {member!r} is not a council served here")
    return Registry(home=home, by_slug=by_slug, by_host=by_host)


# The last registry that loaded, per configuration (tests point COUNCIL_FILE elsewhere).
_last_good: dict[tuple[str, str], Registry] = {}
_broken: set[tuple[tuple[str, float], ...]] = set()


def registry() -> Registry:
    """The councils as their files say now. An officer's edit that breaks a file is logged and
    the councils as they last loaded keep serving, so one typo takes no council offline."""
    settings = get_settings()
    key = (str(settings.council_file), str(settings.effective_councils_dir))
    signature: tuple[tuple[str, float], ...] = ()
    try:
        signature = _signature()
        if key in _last_good and signature in _broken:
            return _last_good[key]
        found = _registry(signature)
    except CouncilConfigError:
        if key not in _last_good:
            raise
        _broken.add(signature)  # logged once, not at every request until it is fixed
        log.exception("a council file is invalid; serving the councils as they last loaded")
        return _last_good[key]
    _last_good[key] = found
    return found


def get_all() -> list[Council]:
    """Every council this deployment serves, home council first: what jobs run for."""
    found = registry()
    return [found.home, *(c for c in found.by_slug.values() if c is not found.home)]


def get(slug: str) -> Council:
    try:
        return registry().by_slug[slug]
    except KeyError:
        raise UnknownCouncil(slug) from None


def covered_by(slug: str) -> frozenset[str]:
    """The councils whose cases a council's staff see: its own, and a combined authority's
    member councils too."""
    try:
        return frozenset({slug, *get(slug).members})
    except UnknownCouncil:
        return frozenset({slug})


def home() -> Council:
    """The council of a request that names none: the only one in a single-council deployment."""
    return registry().home


def domains() -> list[str]:
    """Every council's own host names: the service answers to them without ALLOWED_HOSTS."""
    return list(registry().by_host)


def widget_origins() -> list[str]:
    """Every site allowed to embed the chat widget: WIDGET_ORIGINS and each council's own."""
    found = {*get_settings().widget_origin_list}
    for council in registry().by_slug.values():
        found.update(origin.rstrip("/") for origin in council.widget_origins)
    return sorted(found)


def for_host(host: str) -> Council | None:
    """The council whose own domain ``host`` is (the port, if any, ignored)."""
    return registry().by_host.get(host.split(":", 1)[0].strip().lower())


def logo_path(council: Council) -> Path | None:
    """The council's logo file (in the councils' folder's ``logos/``), if it names one."""
    if not council.branding.logo:
        return None
    return get_settings().effective_councils_dir / "logos" / council.branding.logo


def logo_url(council: Council) -> str | None:
    """Where the widget, the pages and the plan fetch the council's logo from; none without
    (or when its file is missing: no empty tile where a logo should be)."""
    path = logo_path(council)
    return f"/api/v1/widget/logo?council={council.slug}" if path and path.is_file() else None


def local_today(council: Council) -> date:
    """The date in the council's own timezone: rules for a year start at local midnight."""
    return clocks.today(ZoneInfo(council.timezone))


def opening_hours_text(council: Council) -> str:
    """Opening hours in plain English, e.g. 'Monday 9am to 5pm'. A line open round the clock
    reads 'any time' or 'Monday all day', not 'Monday 12am to 11:59pm'."""
    lines = []
    all_day = [day for day in DAYS if _all_day(council.opening_hours.get(day))]
    if len(all_day) == len(DAYS):
        return "any time, every day"
    for day in DAYS:
        if day in all_day:
            lines.append(f"{day.capitalize()} all day")
        elif day in council.opening_hours:
            opens, closes = council.opening_hours[day]
            lines.append(f"{day.capitalize()} {clock(opens)} to {clock(closes)}")
    return ", ".join(lines) if lines else "please phone for opening times"


def _all_day(hours: tuple[time, time] | None) -> bool:
    return bool(hours) and hours[0] == time(0, 0) and hours[1] >= time(23, 59)


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
