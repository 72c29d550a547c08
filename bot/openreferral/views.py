"""The Open Referral UK v3 read API at ``/openreferral/``: public, paginated, CORS ``*``."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.catalogue.common import owned_by, visible_to
from bot.catalogue.search import place as places
from bot.catalogue.search.service import Search
from bot.catalogue.support import service as services
from bot.catalogue.support.models import ServiceAtLocation, SupportService, Taxonomy, TaxonomyTerm
from bot.catalogue.venue.models import Venue
from bot.council.models import Council
from bot.council.request import FeedCouncil, RequestCouncil
from bot.database.core import session_scope
from bot.deps import sessions
from bot.geo.distance import miles_between
from bot.openreferral import serialise

router = APIRouter(prefix="/openreferral", tags=["open referral"])
METRES_PER_MILE = 1609.344
MAX_PER_PAGE = 100


def _paging(
    page: int = Query(1, ge=1, le=100_000), per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)
) -> tuple[int, int]:
    return page, per_page


def _area(council: RequestCouncil) -> frozenset[str]:
    """The asking council's area: a postcode in it is described as local."""
    return frozenset(council.local_authority_codes)


@router.get("/", summary="About this API")
def api_details(request: Request) -> dict:
    return {
        "version": serialise.HSDS_VERSION,
        "profile": serialise.PROFILE_URL,
        "openapi_url": str(request.url_for("openapi")),
    }


@router.get("/services", summary="Services, a page at a time")
def list_services(
    feed: FeedCouncil,
    text: str = Query("", max_length=200),
    taxonomy_term_id: str | None = Query(None, max_length=200),
    postcode: str | None = Query(None, max_length=20),
    proximity: float = Query(16093, gt=0, le=200_000, description="metres from postcode"),
    paging: tuple[int, int] = Depends(_paging),
    factory: sessionmaker = Depends(sessions),
    area: frozenset[str] = Depends(_area),
) -> dict:
    page, per_page = paging
    with session_scope(factory) as db:
        if not (text or taxonomy_term_id or postcode):
            total, found = services.list_page(page, per_page, db_session=db, council=feed)
            return serialise.page(
                [serialise.service_basic(s) for s in found], total, page, per_page
            )
        search = Search(
            text=text, page=page, per_page=per_page, radius_miles=proximity / METRES_PER_MILE,
            council_slug=feed.slug if feed else None,
            hidden=frozenset(feed.hidden_records) if feed else frozenset(),
        )  # fmt: skip
        if postcode:
            search.place = places.resolve(postcode, area, db_session=db)
            search.sort = "distance"
        if taxonomy_term_id:
            search.where.append(services.in_taxonomy_term(taxonomy_term_id))
        outcome = services.search(search, db_session=db)
        loaded = services.load([h.row.id for h in outcome.hits], db_session=db)
        contents = [serialise.service_basic(loaded[h.row.id]) for h in outcome.hits]
        return serialise.page(contents, outcome.total, page, per_page)


@router.get("/services/{service_id}", summary="One service, in full")
def get_service(
    feed: FeedCouncil, service_id: str, factory: sessionmaker = Depends(sessions)
) -> dict:
    with session_scope(factory) as db:
        service = services.get(service_id[:64], db_session=db)
        if service is None or (feed and not owned_by(service, feed.slug, feed.hidden_records)):
            raise HTTPException(404, "There is no service with that id.")
        return serialise.service_full(service)


@router.get("/service_at_locations", summary="Services at places, nearest first")
def list_service_at_locations(
    feed: FeedCouncil,
    postcode: str | None = Query(None, max_length=20),
    proximity: float = Query(16093, gt=0, le=200_000, description="metres from postcode"),
    paging: tuple[int, int] = Depends(_paging),
    factory: sessionmaker = Depends(sessions),
    area: frozenset[str] = Depends(_area),
) -> dict:
    page, per_page = paging
    with session_scope(factory) as db:
        found = _service_at_locations(db, postcode, proximity, area, feed)
        start = (page - 1) * per_page
        contents = [serialise.service_at_location(sal) for sal in found[start : start + per_page]]
        return serialise.page(contents, len(found), page, per_page)


def _service_at_locations(
    db: Session, postcode: str | None, proximity: float, area: frozenset[str], feed: Council | None
) -> list[ServiceAtLocation]:
    query = (
        select(ServiceAtLocation)
        .join(SupportService, SupportService.id == ServiceAtLocation.service_id)
        .join(Venue, Venue.id == ServiceAtLocation.venue_id)
        .where(SupportService.status == "active")
        .order_by(SupportService.name, ServiceAtLocation.id)
    )
    if feed is not None:
        query = query.where(visible_to(SupportService, feed.slug, feed.hidden_records))
    rows = db.execute(query).scalars()
    if not postcode:
        return list(rows)
    origin = places.resolve(postcode, area, db_session=db)
    limit = proximity / METRES_PER_MILE
    near = []
    for sal in rows:
        if sal.venue.lat is None:
            continue
        miles = miles_between(origin.lat, origin.lon, sal.venue.lat, sal.venue.lon)
        if miles <= limit:
            near.append((miles, sal))
    near.sort(key=lambda pair: pair[0])
    return [sal for _miles, sal in near]


@router.get("/taxonomies", summary="Taxonomies the services are classified by")
def list_taxonomies(
    paging: tuple[int, int] = Depends(_paging), factory: sessionmaker = Depends(sessions)
) -> dict:
    page, per_page = paging
    with session_scope(factory) as db:
        total = db.execute(select(func.count()).select_from(Taxonomy)).scalar_one()
        rows = db.execute(
            select(Taxonomy).order_by(Taxonomy.name).offset((page - 1) * per_page).limit(per_page)
        ).scalars()
        return serialise.page([serialise.taxonomy(t) for t in rows], total, page, per_page)


@router.get("/taxonomy_terms", summary="Taxonomy terms")
def list_taxonomy_terms(
    taxonomy_id: str | None = Query(None, max_length=64),
    paging: tuple[int, int] = Depends(_paging),
    factory: sessionmaker = Depends(sessions),
) -> dict:
    page, per_page = paging
    with session_scope(factory) as db:
        stmt = select(TaxonomyTerm)
        if taxonomy_id:
            stmt = stmt.join(Taxonomy, Taxonomy.id == TaxonomyTerm.taxonomy_id).where(
                Taxonomy.uid == taxonomy_id
            )
        total = db.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = db.execute(
            stmt.order_by(TaxonomyTerm.name).offset((page - 1) * per_page).limit(per_page)
        ).scalars()
        return serialise.page([serialise.term(t) for t in rows], total, page, per_page)
