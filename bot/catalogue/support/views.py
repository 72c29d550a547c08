"""``/api/v1/services``: search and read support services (the ORUK feed is /openreferral)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import sessionmaker

from bot.catalogue.common import owned_by
from bot.catalogue.search import params
from bot.catalogue.search.models import Page
from bot.catalogue.support import service as services
from bot.catalogue.support.models import ServiceOut
from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import sessions

router = APIRouter(prefix="/api/v1/services", tags=["services"])


@router.get("", response_model=Page[ServiceOut], summary="Search support services")
def search_services(
    council: RequestCouncil,
    common: params.Common = Depends(params.common),
    age: int | None = Query(None, ge=0, le=120, description="Only services open to this age"),
    taxonomy_term: str | None = Query(None, max_length=200, description="A term's id or name"),
    where: list[str] | None = Query(None, description="local, online or area_wide"),
    factory: sessionmaker = Depends(sessions),
) -> Page[ServiceOut]:
    with session_scope(factory) as db:
        search = params.build(common, council=council, db_session=db)
        search.selected = params.selected(where=where)
        if age is not None:
            search.where.append(services.for_age(age))
        if taxonomy_term:
            search.where.append(services.in_taxonomy_term(taxonomy_term))
        outcome = services.search(search, db_session=db, area_name=council.area_name)
        return params.page_of(outcome, search, services.load, services.to_out, db_session=db)


@router.get("/{service_id}", response_model=ServiceOut, summary="One support service")
def get_service(
    council: RequestCouncil, service_id: str, factory: sessionmaker = Depends(sessions)
) -> ServiceOut:
    with session_scope(factory) as db:
        service = services.get(service_id[:64], db_session=db)
        if service is None or not owned_by(service, council.slug, council.hidden_records):
            raise HTTPException(404, "We couldn't find that service. It may have closed.")
        return services.to_out(service)
