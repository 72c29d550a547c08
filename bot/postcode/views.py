"""``/api/v1/postcodes/{postcode}``: where a postcode is and whether it is in the council area."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import sessionmaker

from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import sessions
from bot.postcode import service as postcodes
from bot.postcode.models import PostcodeOut

router = APIRouter(prefix="/api/v1/postcodes", tags=["postcodes"])


@router.get("/{postcode}", response_model=PostcodeOut, summary="Look up a postcode")
def get_postcode(
    council: RequestCouncil, postcode: str, factory: sessionmaker = Depends(sessions)
) -> PostcodeOut:
    """422 if it is not a UK postcode; 404 if it does not exist or is no longer in use."""
    area = frozenset(council.local_authority_codes)
    with session_scope(factory) as db:
        try:
            record = postcodes.lookup(postcode[:20], db_session=db)
        except postcodes.PostcodeError as exc:
            if exc.code != "invalid_postcode":
                exc.status = 404  # it looks like a postcode, but there is no such (live) one
            raise
        return PostcodeOut(
            postcode=record.postcode,
            latitude=record.lat,
            longitude=record.lon,
            local_authority_code=record.la_code,
            in_council_area=postcodes.in_area(record, area),
            terminated=record.terminated,
        )
