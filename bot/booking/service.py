"""Book, hold and find advisers' time. The database decides who gets a time; this module turns
its refusal into "that time has just been taken"."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import references
from bot.booking.models import Booking
from bot.conversation.models import utcnow

REFERENCE_LENGTH = 6
HOLD = timedelta(minutes=10)  # long enough to type a name and a phone number
SLOT_CONSTRAINTS = ("uq_bookings_adviser_time", "ex_bookings_adviser_time", "bookings.adviser_id")
KEY_CONSTRAINTS = ("uq_bookings_idempotency_key", "bookings.idempotency_key")


class SlotTaken(Exception):
    """Someone else has just booked or is holding that time."""


def book(
    *,
    db_session: Session,
    adviser_id: int,
    starts_at: datetime,
    ends_at: datetime,
    channel: str,
    venue_id: int | None = None,
    hold: bool = False,
    idempotency_key: str | None = None,
    conversation_id: str | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book one adviser's time (or ``hold`` it while the resident confirms).

    A request retried with the same ``idempotency_key`` gets the booking the first one made.
    Raises SlotTaken if another booking or a live hold has the time.
    """
    now = now or utcnow()
    # A write first: SQLite then takes its write lock before this transaction reads anything.
    db_session.execute(
        update(Booking)
        .where(
            Booking.adviser_id == adviser_id,
            Booking.starts_at == starts_at,
            Booking.status == "held",
            Booking.hold_expires_at < now,
        )
        .values(status="cancelled", updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if idempotency_key:
        earlier = _by_key(db_session, idempotency_key)
        if earlier is not None:
            return earlier
    for _ in range(5):
        booking = Booking(
            reference=references.new(REFERENCE_LENGTH),
            adviser_id=adviser_id,
            starts_at=starts_at,
            ends_at=ends_at,
            channel=channel,
            venue_id=venue_id,
            status="held" if hold else "confirmed",
            hold_expires_at=now + HOLD if hold else None,
            consent=False,
            idempotency_key=idempotency_key,
            sequence=0,
            conversation_id=conversation_id,
            created_at=now,
            updated_at=now,
        )
        try:
            with db_session.begin_nested():
                db_session.add(booking)
            return booking
        except IntegrityError as exc:
            reason = str(exc.orig)
            if any(name in reason for name in SLOT_CONSTRAINTS):
                raise SlotTaken() from exc
            if idempotency_key and any(name in reason for name in KEY_CONSTRAINTS):
                earlier = _by_key(db_session, idempotency_key)  # the same request, just ahead
                if earlier is not None:
                    return earlier
            if "reference" not in reason:
                raise
    raise RuntimeError("could not draw an unused booking reference")


def _by_key(db_session: Session, key: str) -> Booking | None:
    return db_session.execute(
        select(Booking).where(Booking.idempotency_key == key)
    ).scalar_one_or_none()
