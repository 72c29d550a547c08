"""``/api/v1/venues``: libraries, family hubs, colleges and other places, nearest first."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel
from sqlalchemy.orm import sessionmaker

from bot.catalogue.search import params
from bot.catalogue.venue import service as venues
from bot.catalogue.venue.models import VenueOut
from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import sessions

router = APIRouter(prefix="/api/v1/venues", tags=["venues"])


class VenuePage(BaseModel):
    total: int
    page: int
    per_page: int
    results: list[VenueOut]


@router.get("", response_model=VenuePage, summary="List venues")
def list_venues(
    council: RequestCouncil,
    common: params.Common = Depends(params.common),
    kind: str | None = Query(None, max_length=40, description="library, family_hub, college, ..."),
    factory: sessionmaker = Depends(sessions),
) -> VenuePage:
    with session_scope(factory) as db:
        search = params.build(common, council=council, db_session=db)
        total, found = venues.nearby(
            search.place, common.radius, kind, common.page, common.per_page, db_session=db
        )
        return VenuePage(
            total=total,
            page=common.page,
            per_page=common.per_page,
            results=[venues.to_out(v, d) for v, d in found],
        )


@router.get("/{venue_id}", response_model=VenueOut, summary="One venue")
def get_venue(venue_id: str, factory: sessionmaker = Depends(sessions)) -> VenueOut:
    with session_scope(factory) as db:
        venue = venues.get(venue_id[:64], db_session=db)
        if venue is None:
            raise HTTPException(404, "We couldn't find that place.")
        return venues.to_out(venue)
