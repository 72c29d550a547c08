"""Postcode rules: what a UK postcode looks like, whether it exists, and whose area it is in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.postcode.models import Postcode

# Royal Mail's format rules: letters that never appear in each position are excluded.
_FORMAT = re.compile(r"^(?:GIR0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]?[0-9][ABD-HJLNP-UW-Z]{2})$")
_OUTWARD = re.compile(r"^[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]?$")


class PostcodeError(ValueError):
    """A postcode the service cannot use, with the reason in words a resident understands."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = 422


@dataclass(frozen=True)
class Place:
    """A point residents can search around, and what we know about it."""

    label: str
    lat: float
    lon: float
    in_area: bool
    kind: str  # "postcode", "outward" or "town"
    # The local authorities the place is in: a postcode district can straddle a boundary, so
    # "DB2" may be two councils' while each full postcode is one's.
    la_codes: frozenset[str] = frozenset()


def normalise(raw: str) -> str | None:
    """``" db11aa "`` -> ``"DB1 1AA"``; ``None`` if it cannot be a UK postcode."""
    compact = re.sub(r"\s+", "", raw or "").upper()
    if not _FORMAT.match(compact):
        return None
    return f"{compact[:-3]} {compact[-3:]}"


def is_outward_code(raw: str) -> bool:
    return bool(_OUTWARD.match(re.sub(r"\s+", "", raw or "").upper()))


def get(postcode: str, *, db_session: Session) -> Postcode | None:
    return db_session.get(Postcode, postcode)


def lookup(raw: str, *, db_session: Session) -> Postcode:
    """The live postcode record, or a ``PostcodeError`` that says what is wrong with it."""
    postcode = normalise(raw)
    if postcode is None:
        raise PostcodeError(
            "invalid_postcode",
            f"\u201c{raw.strip()[:20]}\u201d doesn't look like a UK postcode. "
            "A postcode looks like DB1 1AA.",
        )
    record = get(postcode, db_session=db_session)
    if record is None:
        raise PostcodeError(
            "unknown_postcode",
            f"We couldn't find the postcode {postcode}. Please check it, "
            "or search by the name of your town instead.",
        )
    if record.terminated:
        raise PostcodeError(
            "terminated_postcode",
            f"The postcode {postcode} is no longer in use. Please try a nearby postcode, "
            "or search by the name of your town instead.",
        )
    return record


def in_area(record: Postcode, area_codes: frozenset[str]) -> bool:
    return record.la_code in area_codes


def district(outward: str, *, db_session: Session) -> tuple[float, float, frozenset[str]] | None:
    """The middle of a postcode district, for residents who only give the first half, and every
    local authority it reaches into (districts follow the post, not council boundaries)."""
    live = (Postcode.outward == outward, Postcode.terminated.is_(False))
    row = db_session.execute(
        select(func.avg(Postcode.lat), func.avg(Postcode.lon)).where(*live)
    ).one()
    if row[0] is None:
        return None
    codes = db_session.execute(select(Postcode.la_code).where(*live).distinct()).scalars()
    return float(row[0]), float(row[1]), frozenset(code for code in codes if code)
