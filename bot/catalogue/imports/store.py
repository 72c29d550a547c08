"""Writing imported records: update in place by (source, source id), insert the rest, re-index.

Courses and vacancies are written with Core executemany in batches, because feeds are large (a
national course file has tens of thousands of rows); support services, with their nested
locations and taxonomy, go through the ORM, because there are few of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.catalogue.common import public_id
from bot.catalogue.course.models import Course
from bot.catalogue.imports.records import (
    CourseIn,
    OrganisationIn,
    PostcodeIn,
    ServiceIn,
    TermIn,
    VacancyIn,
    VenueIn,
)
from bot.catalogue.labels import COURSE_TYPE_LABELS, LEVEL_LABELS
from bot.catalogue.organisation.models import Organisation
from bot.catalogue.search import index, vocabulary
from bot.catalogue.search.index import Document
from bot.catalogue.support.models import (
    ServiceAtLocation,
    SupportService,
    Taxonomy,
    TaxonomyTerm,
)
from bot.catalogue.vacancy.driving import needs_driving
from bot.catalogue.vacancy.models import Vacancy
from bot.catalogue.venue.models import Venue
from bot.clock import utcnow
from bot.geo.distance import NATIONAL_TOKEN, ONLINE_TOKEN, cell_tokens
from bot.postcode.models import Postcode

BATCH = 2000


def _row(record: Any) -> dict[str, Any]:
    """A record's fields as a dict; nested records stay objects (``asdict`` deep-copies, slowly)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


class Counts:
    def __init__(self) -> None:
        self.added = 0
        self.updated = 0


def _existing(db_session: Session, table: Table, source: str, ids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        found.update(
            db_session.execute(
                select(table.c.source_id, table.c.id).where(
                    table.c.source == source, table.c.source_id.in_(chunk)
                )
            ).all()
        )
    return found


def _upsert(
    db_session: Session,
    table: Table,
    kind: str,
    source: str,
    rows: list[dict[str, Any]],
    counts: Counts,
) -> dict[str, int]:
    """Insert or update rows (each with ``source_id``); returns source_id -> row id."""
    now = utcnow()
    ids = [r["source_id"] for r in rows]
    existing = _existing(db_session, table, source, ids)
    new, changed = [], []
    for row in rows:
        row = {**row, "source": source, "updated_at": now}
        if row["source_id"] in existing:
            changed.append({**row, "b_id": existing[row["source_id"]]})
        else:
            new.append(
                {**row, "uid": public_id(kind, source, row["source_id"]), "imported_at": now}
            )
    if changed:
        columns = [k for k in changed[0] if k not in {"b_id", "source", "source_id"}]
        stmt = (
            table.update()
            .where(table.c.id == bindparam("b_id"))
            .values({c: bindparam(c) for c in columns})
        )
        db_session.execute(stmt, changed)
    if new:
        db_session.execute(table.insert(), new)
        existing.update(_existing(db_session, table, source, [r["source_id"] for r in new]))
    counts.added += len(new)
    counts.updated += len(changed)
    return existing


class Resolver:
    """Finds or creates the organisations and venues that records refer to, once per import."""

    def __init__(self, db_session: Session, source: str) -> None:
        self.db = db_session
        self.source = source
        self.orgs: dict[str, int] = {}
        self.venues: dict[str, int] = {}

    def organisations(self, orgs: Iterable[OrganisationIn | None]) -> None:
        unique = {o.source_id: o for o in orgs if o is not None and o.source_id not in self.orgs}
        if unique:
            rows = [_row(o) for o in unique.values()]
            self.orgs.update(
                _upsert(
                    self.db, Organisation.__table__, "organisation", self.source, rows, Counts()
                )
            )

    def venue_rows(self, venues: Iterable[VenueIn | None]) -> None:
        """Venues are shared between feeds: one already known by name and postcode is reused."""
        unique = {
            v.source_id: v for v in venues if v is not None and v.source_id not in self.venues
        }
        if unique:
            mine = _existing(self.db, Venue.__table__, self.source, list(unique))
            for key, venue in list(unique.items()):
                if key in mine or not venue.postcode:
                    continue
                other = self.db.execute(
                    select(Venue.id).where(
                        func.lower(Venue.name) == venue.name.lower(),
                        Venue.postcode == venue.postcode,
                    )
                ).scalar()
                if other is not None:
                    self.venues[key] = other
                    del unique[key]
        if unique:
            rows = [_row(v) for v in unique.values()]
            self.venues.update(
                _upsert(self.db, Venue.__table__, "venue", self.source, rows, Counts())
            )


def _tags(lat: float | None, lon: float | None, online: bool, national: bool) -> list[str]:
    tags = []
    if lat is not None and lon is not None:
        tags += cell_tokens(lat, lon)
    if online:
        tags.append(ONLINE_TOKEN)
    if national:
        tags.append(NATIONAL_TOKEN)
    return tags


def _index(db_session: Session, kind: str, docs: list[Document]) -> None:
    index.replace(db_session, kind, docs)
    vocabulary.add(db_session, (f"{d.title} {d.body}" for d in docs))


def _batched(
    db_session: Session,
    source: str,
    kind: str,
    table: Table,
    records: Sequence[Any],
    resolve: Callable[[Resolver, Sequence[Any]], None],
    to_row: Callable[[Resolver, Any], dict[str, Any]],
    to_document: Callable[[int, Any], Document],
) -> Counts:
    """Resolve references, write and index records a batch at a time."""
    counts = Counts()
    resolver = Resolver(db_session, source)
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        resolve(resolver, batch)
        ids = _upsert(db_session, table, kind, source, [to_row(resolver, r) for r in batch], counts)
        _index(db_session, kind, [to_document(ids[r.source_id], r) for r in batch])
    return counts


def _words(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _course_row(resolver: Resolver, record: CourseIn) -> dict[str, Any]:
    row = _row(record)
    provider, venue = row.pop("provider"), row.pop("venue")
    row["provider_id"] = resolver.orgs[provider.source_id] if provider else None
    row["venue_id"] = resolver.venues[venue.source_id] if venue else None
    row["lat"], row["lon"] = (venue.lat, venue.lon) if venue else (None, None)
    return row


def _course_document(row_id: int, r: CourseIn) -> Document:
    venue = r.venue
    body = _words(
        r.description,
        r.subject,
        r.provider.name if r.provider else None,
        venue.name if venue else None,
        venue.town if venue else None,
        COURSE_TYPE_LABELS.get(r.course_type),
        LEVEL_LABELS.get(r.level or ""),
    )
    tags = _tags(
        venue.lat if venue else None,
        venue.lon if venue else None,
        r.delivery_mode == "online",
        r.national,
    )
    return Document(row_id, r.title, body, tags)


def courses(db_session: Session, source: str, records: Sequence[CourseIn]) -> Counts:
    def resolve(resolver: Resolver, batch: Sequence[CourseIn]) -> None:
        resolver.organisations(r.provider for r in batch)
        resolver.venue_rows(r.venue for r in batch)

    return _batched(
        db_session, source, "course", Course.__table__, records, resolve, _course_row,
        _course_document,
    )  # fmt: skip


def _vacancy_row(resolver: Resolver, record: VacancyIn) -> dict[str, Any]:
    row = _row(record)
    employer = row.pop("employer")
    row["employer_id"] = resolver.orgs[employer.source_id] if employer else None
    row["needs_driving"] = needs_driving(record.title, record.description)
    return row


def _vacancy_document(row_id: int, r: VacancyIn) -> Document:
    body = _words(
        r.description,
        r.employer.name if r.employer else None,
        r.town,
        "apprenticeship" if r.contract_type == "apprenticeship" else None,
        r.training_provider,
    )
    return Document(row_id, r.title, body, _tags(r.lat, r.lon, r.remote, r.national))


def vacancies(db_session: Session, source: str, records: Sequence[VacancyIn]) -> Counts:
    def resolve(resolver: Resolver, batch: Sequence[VacancyIn]) -> None:
        resolver.organisations(r.employer for r in batch)

    return _batched(
        db_session, source, "vacancy", Vacancy.__table__, records, resolve, _vacancy_row,
        _vacancy_document,
    )  # fmt: skip


def _term(
    db_session: Session, source: str, term: TermIn, cache: dict[str, TaxonomyTerm]
) -> TaxonomyTerm:
    if term.source_id in cache:
        return cache[term.source_id]
    found = db_session.execute(
        select(TaxonomyTerm).where(
            TaxonomyTerm.source == source, TaxonomyTerm.source_id == term.source_id
        )
    ).scalar_one_or_none()
    taxonomy = None
    if term.taxonomy_id or term.taxonomy:
        tax_key = term.taxonomy_id or term.taxonomy or ""
        taxonomy = db_session.execute(
            select(Taxonomy).where(Taxonomy.source == source, Taxonomy.source_id == tax_key)
        ).scalar_one_or_none()
        if taxonomy is None:
            taxonomy = Taxonomy(
                uid=public_id("taxonomy", source, tax_key),
                source=source,
                source_id=tax_key,
                name=term.taxonomy or tax_key,
                description=f"Terms from {term.taxonomy or tax_key}",
            )
            db_session.add(taxonomy)
    if found is None:
        found = TaxonomyTerm(
            uid=public_id("taxonomy_term", source, term.source_id),
            source=source,
            source_id=term.source_id,
        )
        db_session.add(found)
    found.name, found.description, found.code = term.name, term.description, term.code
    found.parent_uid, found.term_uri = term.parent_id, term.term_uri
    found.taxonomy, found.taxonomy_name, found.updated_at = taxonomy, term.taxonomy, utcnow()
    cache[term.source_id] = found
    return found


def services(db_session: Session, source: str, records: Sequence[ServiceIn]) -> Counts:
    counts = Counts()
    resolver = Resolver(db_session, source)
    resolver.organisations(r.organisation for r in records)
    resolver.venue_rows(v for r in records for _sal, v in r.locations)
    term_cache: dict[str, TaxonomyTerm] = {}
    docs = []
    for r in records:
        service = db_session.execute(
            select(SupportService).where(
                SupportService.source == source, SupportService.source_id == r.source_id
            )
        ).scalar_one_or_none()
        if service is None:
            service = SupportService(
                uid=public_id("service", source, r.source_id), source=source, source_id=r.source_id
            )
            db_session.add(service)
            counts.added += 1
        else:
            counts.updated += 1
        for name in (
            "name",
            "status",
            "description",
            "url",
            "email",
            "fees",
            "accreditations",
            "minimum_age",
            "maximum_age",
            "alert",
            "assured_date",
            "last_modified",
            "details",
        ):
            setattr(service, name, getattr(r, name))
        service.organisation_id = (
            resolver.orgs[r.organisation.source_id] if r.organisation else None
        )
        service.updated_at = utcnow()
        wanted = {
            public_id("sal", source, sal_id): resolver.venues[v.source_id]
            for sal_id, v in r.locations
        }
        service.locations = [loc for loc in service.locations if loc.uid in wanted]
        have = {loc.uid for loc in service.locations}
        for sal_id, venue_id in wanted.items():
            if sal_id not in have:
                service.locations.append(ServiceAtLocation(uid=sal_id, venue_id=venue_id))
        service.terms = list(
            {t.source_id: _term(db_session, source, t, term_cache) for t in r.terms}.values()
        )
        db_session.flush()
        tags: list[str] = []
        for _sal, v in r.locations:
            tags += _tags(v.lat, v.lon, v.location_type == "virtual", False)
        if not r.locations:
            tags.append(NATIONAL_TOKEN)
        body = _words(
            r.description,
            r.organisation.name if r.organisation else None,
            *(t.name for t in r.terms),
            *(v.town for _s, v in r.locations),
        )
        docs.append(Document(service.id, r.name, body, tags))
    _index(db_session, "service", docs)
    return counts


def postcodes(db_session: Session, records: Sequence[PostcodeIn]) -> Counts:
    counts = Counts()
    table = Postcode.__table__
    dialect = db_session.get_bind().dialect.name
    insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    for start in range(0, len(records), 5000):
        batch = records[start : start + 5000]
        keys = [r.postcode for r in batch]
        present = set()
        for s in range(0, len(keys), 900):
            present.update(
                db_session.execute(
                    select(table.c.postcode).where(table.c.postcode.in_(keys[s : s + 900]))
                ).scalars()
            )
        rows = [
            {
                "postcode": r.postcode,
                "outward": r.postcode.split(" ")[0],
                "lat": r.lat,
                "lon": r.lon,
                "la_code": r.la_code,
                "terminated": r.terminated_on is not None,
                "terminated_on": r.terminated_on,
            }
            for r in batch
        ]
        stmt = insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["postcode"],
            set_={
                c: stmt.excluded[c]
                for c in ("outward", "lat", "lon", "la_code", "terminated", "terminated_on")
            },
        )
        db_session.execute(stmt, rows)
        counts.updated += len(present)
        counts.added += len(batch) - len(present)
    return counts
