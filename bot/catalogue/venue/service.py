"""Venues: the places residents go, nearest first."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.catalogue.common import by_uid
from bot.catalogue.venue.models import Venue, VenueOut
from bot.geo.distance import miles_between
from bot.postcode.service import Place


def get(uid: str, *, db_session: Session) -> Venue | None:
    return by_uid(Venue, uid, db_session=db_session)


def nearby(
    place: Place | None,
    radius: float,
    kind: str | None,
    page: int,
    per_page: int,
    *,
    db_session: Session,
) -> tuple[int, list[tuple[Venue, float | None]]]:
    """Physical venues, nearest first (by name without a place). Venues are few per council."""
    stmt = select(Venue).where(Venue.location_type == "physical")
    if kind:
        stmt = stmt.where(func.lower(Venue.kind) == kind.lower())
    found = []
    for venue in db_session.execute(stmt).scalars():
        distance = None
        if place is not None:
            if venue.lat is None:
                continue
            distance = miles_between(place.lat, place.lon, venue.lat, venue.lon)
            if distance > radius:
                continue
        found.append((venue, distance))
    found.sort(key=lambda vd: (vd[1] if vd[1] is not None else 0.0, vd[0].name))
    start = (page - 1) * per_page
    return len(found), found[start : start + per_page]


def to_out(venue: Venue, distance: float | None = None) -> VenueOut:
    return VenueOut(
        id=venue.uid,
        name=venue.name,
        kind=venue.kind,
        address=", ".join(x for x in (venue.address_1, venue.address_2) if x) or None,
        town=venue.town,
        postcode=venue.postcode,
        latitude=venue.lat,
        longitude=venue.lon,
        phone=venue.phone,
        opening_hours=venue.opening_hours,
        accessibility=venue.accessibility,
        distance_miles=round(distance, 1) if distance is not None else None,
    )
