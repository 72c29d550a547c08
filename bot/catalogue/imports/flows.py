"""``worklocal import <kind> <file>``: read, check, place, write, all in one transaction.

A file that cannot be read, or (unless ``skip_invalid``) any refused row, writes nothing: the
caller's transaction is rolled back, so a half-fixed file never leaves half an import behind.
Records given only a postcode are placed from the postcode directory, so load postcodes first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue.imports import (
    council_csv,
    displayadvert,
    findacourse,
    jobposting,
    oruk,
    ownership,
    postcodes_csv,
    store,
)
from bot.catalogue.imports.jsonscan import FeedError
from bot.catalogue.imports.records import (
    CourseIn,
    Parsed,
    PostcodeIn,
    ServiceIn,
    VacancyIn,
    VenueIn,
)
from bot.catalogue.imports.report import ImportReport, Problem
from bot.postcode.models import Postcode

PARSERS: dict[str, Callable[[Path], Iterator[Parsed]]] = {
    "postcodes": postcodes_csv.parse,
    "oruk": oruk.parse,
    "courses": findacourse.parse,
    "apprenticeships": displayadvert.parse,
    "jobpostings": jobposting.parse,
    "csv": council_csv.parse,
}
DEFAULT_SOURCES = {
    "postcodes": "ons",
    "oruk": "oruk",
    "courses": "findacourse",
    "apprenticeships": "displayadvert",
    "jobpostings": "jobposting",
    "csv": "council",
}
MAX_FILE_BYTES = 2_000_000_000


class UnknownKind(ValueError):
    pass


def run(
    kind: str,
    path: Path,
    *,
    db_session: Session,
    council_slug: str | None,
    source: str | None = None,
    skip_invalid: bool = False,
) -> ImportReport:
    """Import one file into the session's transaction; the caller commits if ``report.ok``.
    Its local records are ``council_slug``'s; with None, all of them are shared (regional
    provision); online and national records are always shared."""
    if kind not in PARSERS:
        raise UnknownKind(f"unknown kind {kind!r}; use one of {', '.join(PARSERS)}")
    source = source or DEFAULT_SOURCES[kind]
    report = ImportReport(kind=kind, file=str(path), source="" if kind == "postcodes" else source)
    started = time.perf_counter()
    try:
        if not path.is_file():
            raise FeedError("there is no such file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FeedError("the file is larger than 2 GB; split it into parts")
        parsed = list(PARSERS[kind](path))
    except (FeedError, UnicodeDecodeError, OSError) as exc:
        report.error = (
            str(exc) if not isinstance(exc, UnicodeDecodeError) else "the file is not UTF-8 text"
        )
        return report
    if kind != "postcodes":
        _place(parsed, db_session)
    seen: dict[tuple[type, str], int] = {}
    good = []
    for item in parsed:
        report.warnings += [Problem(item.line, item.label, w) for w in item.warnings]
        if item.record is not None:
            key = (
                type(item.record),
                getattr(item.record, "source_id", None) or getattr(item.record, "postcode", ""),
            )
            if key in seen:
                item.error, item.record = f"the same id as line {seen[key]}", None
            else:
                seen[key] = item.line
        if item.error:
            report.rejected.append(Problem(item.line, item.label, item.error))
        else:
            good.append(item.record)
    if not good and not report.rejected:
        report.error = "the file holds no records"
        return report
    if report.rejected and not skip_invalid:
        return report
    counts = []
    by_type: dict[type, list] = {}
    for record in good:
        by_type.setdefault(type(record), []).append(record)
    if PostcodeIn in by_type:
        counts.append(store.postcodes(db_session, by_type[PostcodeIn]))
    if CourseIn in by_type:
        counts.append(store.courses(db_session, source, by_type[CourseIn]))
    if VacancyIn in by_type:
        counts.append(store.vacancies(db_session, source, by_type[VacancyIn]))
    if ServiceIn in by_type:
        counts.append(store.services(db_session, source, by_type[ServiceIn]))
    db_session.flush()
    if kind != "postcodes":
        ownership.assign(db_session, source, council_slug)
    report.added = sum(c.added for c in counts)
    report.updated = sum(c.updated for c in counts)
    report.committed = True
    report.seconds = time.perf_counter() - started
    return report


def _place(parsed: list[Parsed], db_session: Session) -> None:
    """Give records that have a postcode but no coordinates the postcode's coordinates."""
    wanted: list[tuple[Parsed, object]] = []
    for item in parsed:
        record = item.record
        targets: list[object] = []
        if isinstance(record, CourseIn) and record.venue is not None:
            targets = [record.venue]
        elif isinstance(record, VacancyIn):
            targets = [record]
        elif isinstance(record, ServiceIn):
            targets = [
                venue for _sal, venue in record.locations if venue.location_type == "physical"
            ]
        wanted += [(item, t) for t in targets if t.lat is None and t.postcode]
    codes = sorted({t.postcode for _i, t in wanted})
    found: dict[str, Postcode] = {}
    for start in range(0, len(codes), 900):
        rows = db_session.execute(
            select(Postcode).where(Postcode.postcode.in_(codes[start : start + 900]))
        )
        found.update({p.postcode: p for p in rows.scalars()})
    for item, target in wanted:
        place = found.get(target.postcode)
        if place is not None:
            target.lat, target.lon = place.lat, place.lon
        elif isinstance(target, VenueIn) and isinstance(item.record, ServiceIn):
            item.warnings.append(
                f"postcode {target.postcode} is not in the postcode directory; "
                "the location was kept without coordinates"
            )
        elif not _can_be_unplaced(item.record):
            item.error = (
                f"postcode {target.postcode} is not in the postcode directory, so we cannot "
                "place it (import the postcode file first, or give latitude and longitude)"
            )
            item.record = None
    for item in parsed:
        record = item.record
        unplaced = (
            isinstance(record, CourseIn) and record.venue is not None and record.venue.lat is None
        ) or (isinstance(record, VacancyIn) and record.lat is None)
        if unplaced and not _can_be_unplaced(record):
            item.error, item.record = (
                "there is no postcode or latitude and longitude to place it",
                None,
            )


def _can_be_unplaced(record: object) -> bool:
    if isinstance(record, CourseIn):
        return record.delivery_mode == "online" or record.national
    if isinstance(record, VacancyIn):
        return record.remote or record.national
    return False
