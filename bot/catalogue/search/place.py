"""Where a resident wants to search from: a postcode, a postcode district or a town."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.catalogue.venue.models import Venue
from bot.postcode import service as postcodes
from bot.postcode.models import Postcode
from bot.postcode.service import Place, PostcodeError

MAX_PLACE_CHARS = 60


def resolve(near: str, area_codes: frozenset[str], *, db_session: Session) -> Place:
    """The point to measure distances from, or a ``PostcodeError`` saying what to try instead."""
    raw = (near or "").strip()
    if not raw or len(raw) > MAX_PLACE_CHARS:
        raise PostcodeError(
            "invalid_place", "Please give a postcode (like DB1 1AA) or the name of a town."
        )
    if postcodes.normalise(raw):
        record = postcodes.lookup(raw, db_session=db_session)
        return Place(
            record.postcode,
            record.lat,
            record.lon,
            postcodes.in_area(record, area_codes),
            "postcode",
            frozenset({record.la_code} if record.la_code else ()),
        )
    if postcodes.is_outward_code(raw):
        outward = raw.replace(" ", "").upper()
        centre = postcodes.district(outward, db_session=db_session)
        if centre is None:
            raise PostcodeError(
                "unknown_postcode",
                f"We couldn't find the postcode district {outward}. Please give your full "
                "postcode, or search by the name of your town instead.",
            )
        lat, lon, codes = centre
        return Place(outward, lat, lon, bool(codes & area_codes), "outward", codes)
    if any(ch.isdigit() for ch in raw):
        raise PostcodeError(
            "invalid_postcode",
            f"\u201c{raw[:20]}\u201d doesn't look like a UK postcode. "
            "A postcode looks like DB1 1AA.",
        )
    return _town(raw, area_codes, db_session=db_session)


def is_known(name: str, *, db_session: Session) -> bool:
    """Whether words name a place to search around, so that "jobs in data entry" is read as a
    subject and "jobs in Riverside" as a place.

    Anything shaped like a postcode or a postcode district is a place (an unknown one gets its
    own message from ``resolve``); other words only if they are a town in the places data.
    """
    raw = (name or "").strip()
    if not raw or len(raw) > MAX_PLACE_CHARS:
        return False
    if postcodes.normalise(raw) or postcodes.is_outward_code(raw):
        return True
    return not any(ch.isdigit() for ch in raw) and _town_row(raw, db_session)[0] is not None


def _town_row(name: str, db_session: Session):
    """The centre of a town's venues, its written name and one of its postcodes."""
    return db_session.execute(
        select(
            func.avg(Venue.lat), func.avg(Venue.lon), func.min(Venue.town), func.min(Venue.postcode)
        ).where(func.lower(Venue.town) == name.lower(), Venue.lat.is_not(None))
    ).one()


def _town(name: str, area_codes: frozenset[str], *, db_session: Session) -> Place:
    row = _town_row(name, db_session)
    if row[0] is None:
        raise PostcodeError(
            "unknown_place",
            f"We couldn't find a town called \u201c{name[:40]}\u201d. "
            "Please try your postcode, or a nearby town.",
        )
    la_code = db_session.execute(
        select(Postcode.la_code).where(Postcode.postcode == row[3])
    ).scalar_one_or_none()
    codes = frozenset({la_code} if la_code else ())
    return Place(row[2], float(row[0]), float(row[1]), la_code in area_codes, "town", codes)
