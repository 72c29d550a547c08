"""Support services: look one up, search them, and describe them to residents."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.catalogue.common import by_ids, by_uid, visible_to
from bot.catalogue.search import service as search_service
from bot.catalogue.search.service import Facet, Kind, Search
from bot.catalogue.support.models import (
    ServiceAtLocation,
    ServiceOut,
    SupportService,
    TaxonomyTerm,
    TermOut,
    service_taxonomy_terms,
)
from bot.catalogue.venue import service as venues
from bot.catalogue.venue.models import Venue
from bot.council.models import Council


def _columns() -> list:
    return [
        SupportService.id,
        Venue.lat,
        Venue.lon,
        Venue.id.is_(None).label("national"),
        func.coalesce(Venue.location_type == "virtual", False).label("online"),
        SupportService.minimum_age,
        SupportService.maximum_age,
        SupportService.name.label("title"),
    ]


def _source():
    return SupportService.__table__.outerjoin(
        ServiceAtLocation.__table__, ServiceAtLocation.service_id == SupportService.id
    ).outerjoin(Venue.__table__, Venue.id == ServiceAtLocation.venue_id)


def _active(_today: date):
    return SupportService.status == "active"


KIND = Kind(
    name="service",
    model=SupportService,
    columns=_columns,
    active=_active,
    source=_source,
    facets={
        "where": Facet(
            lambda r: ["online"] if r.online else ["area_wide"] if r.national else ["local"],
            {
                "local": "At a place near you",
                "online": "Online",
                "area_wide": "Across the area",
            }.get,
            ("local", "online", "area_wide"),
        )
    },
)


def for_age(age: int):
    """Services whose published age range includes the resident (no range: open to all)."""
    return and_(
        or_(SupportService.minimum_age.is_(None), SupportService.minimum_age <= age),
        or_(SupportService.maximum_age.is_(None), SupportService.maximum_age >= age),
    )


def in_taxonomy_term(term: str):
    """Services tagged with a term, given by its id or its name."""
    matching = (
        select(service_taxonomy_terms.c.service_id)
        .join(TaxonomyTerm, TaxonomyTerm.id == service_taxonomy_terms.c.term_id)
        .where(or_(TaxonomyTerm.uid == term, func.lower(TaxonomyTerm.name) == term.lower()))
    )
    return SupportService.id.in_(matching)


def get(uid: str, *, db_session: Session) -> SupportService | None:
    return by_uid(SupportService, uid, db_session=db_session)


def search(search: Search, *, db_session: Session, area_name: str = "") -> search_service.Outcome:
    return search_service.run(KIND, search, db_session=db_session, area_name=area_name)


def load(ids: list[int], *, db_session: Session) -> dict[int, SupportService]:
    return by_ids(SupportService, ids, db_session=db_session)


def list_page(
    page: int, per_page: int, *, db_session: Session, council: Council | None = None
) -> tuple[int, list[SupportService]]:
    """Active services by name; with a council, only those its residents may find."""
    where = [SupportService.status == "active"]
    if council is not None:
        where.append(visible_to(SupportService, council.slug, council.hidden_records))
    total = db_session.execute(
        select(func.count()).select_from(SupportService).where(*where)
    ).scalar_one()
    rows = db_session.execute(
        select(SupportService)
        .where(*where)
        .order_by(SupportService.name, SupportService.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).scalars()
    return total, list(rows)


def schedule_text(service: SupportService) -> list[str]:
    """The published schedule in words: its own description, or the times it gives."""
    lines = []
    for item in service.details.get("schedules", []):
        if item.get("description"):
            lines.append(item["description"])
        elif item.get("opens_at") and item.get("closes_at"):
            days = item.get("byday", "").replace(",", ", ")
            lines.append(f"{days} {item['opens_at'][:5]} to {item['closes_at'][:5]}".strip())
    return lines


def to_out(
    service: SupportService, distance: float | None = None, where: str | None = None
) -> ServiceOut:
    physical = [loc.venue for loc in service.locations if loc.venue.location_type == "physical"]
    if where is None:
        where = "local" if physical else "online" if service.locations else "area_wide"
    return ServiceOut(
        id=service.uid,
        name=service.name,
        description=service.description,
        organisation=service.organisation.name if service.organisation else None,
        url=service.url,
        email=service.email,
        fees=service.fees,
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
        alert=service.alert,
        schedule=schedule_text(service),
        terms=[TermOut(id=t.uid, name=t.name) for t in service.terms],
        locations=[venues.to_out(v) for v in physical],
        where="area_wide" if where == "national" else where,
        distance_miles=round(distance, 1) if distance is not None else None,
        source=service.source,
    )
