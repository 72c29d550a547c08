"""Find free times, book, hold, change and cancel appointments with advisers.

The database decides who gets a time; this module turns its refusal into "that time has just
been taken". Residents pick a time, not an adviser: the same time at the same place with two
advisers free is one option, and booking it gives it to whichever adviser is still free.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import references
from bot.booking import availability, rota
from bot.booking.contact import Contact
from bot.booking.contact import same as same_contact
from bot.booking.models import CHANNELS, Adviser, Booking
from bot.catalogue.venue.models import Venue
from bot.clock import as_utc, utcnow
from bot.council.models import Council

REFERENCE_LENGTH = references.LENGTH
HOLD = timedelta(minutes=10)  # long enough to type a name and a phone number
SLOT_CONSTRAINTS = ("uq_bookings_adviser_time", "ex_bookings_adviser_time", "bookings.adviser_id")
KEY_CONSTRAINTS = ("uq_bookings_idempotency_key", "bookings.idempotency_key")


class SlotTaken(Exception):
    """Someone else has just booked or is holding that time."""


class AlreadyBooked(Exception):
    """One contact already holds an appointment to come for the same offer, or a conversation
    has booked as many as one resident needs: one client must not fill an adviser's week."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "same_contact" or "conversation"


# Says that a booking exists, never when or its reference: whoever typed the contact may not
# be the resident.
ALREADY_BOOKED = {
    "same_contact": "There is already an appointment to come for this, booked with this "
    "contact. To change its time, use the reference on its confirmation, or call {phone}.",
    "conversation": "This conversation has already booked the appointments one person needs. "
    "To change one, use the reference on its confirmation, or call {phone}.",
}


class UnknownSlot(ValueError):
    """Not a slot id this service gave out."""


class NotFound(LookupError):
    """No booking with that reference and contact: one error for both, so nobody can probe
    which references exist."""


_SLOT_ID = re.compile(r"^([a-z_]{2,40})\.(\d{8}T\d{4})Z\.(\d{1,10}|remote)$")


@dataclass(frozen=True)
class Offered:
    """A time a resident can choose: one place (or phone and video), one or more advisers."""

    offer: str
    starts_at: datetime  # UTC
    ends_at: datetime
    venue_id: int | None
    channels: tuple[str, ...]
    adviser_ids: tuple[int, ...]

    @property
    def id(self) -> str:
        return slot_id(self.offer, self.starts_at, self.venue_id)


def slot_id(offer: str, starts_at: datetime, venue_id: int | None) -> str:
    """Readable and stable: "youth_pathways.20261201T0930Z.12" (UTC, venue 12)."""
    moment = starts_at.astimezone(timezone.utc)
    return f"{offer}.{moment:%Y%m%dT%H%M}Z.{venue_id if venue_id is not None else 'remote'}"


def parse_slot_id(value: str) -> tuple[str, datetime, int | None]:
    match = _SLOT_ID.match(value or "")
    if not match:
        raise UnknownSlot(value)
    offer, moment, venue = match.groups()
    try:
        starts_at = datetime.strptime(moment, "%Y%m%dT%H%M").replace(tzinfo=timezone.utc)
    except ValueError as exc:
        raise UnknownSlot(value) from exc
    return offer, starts_at, None if venue == "remote" else int(venue)


def _busy(
    db_session: Session, adviser_ids: list[int], start: datetime, end: datetime, now: datetime
) -> dict[int, list[tuple[datetime, datetime]]]:
    """Each adviser's booked and held times (live holds only) between start and end."""
    rows = db_session.execute(
        select(Booking.adviser_id, Booking.starts_at, Booking.ends_at).where(
            Booking.adviser_id.in_(adviser_ids),
            Booking.starts_at < end,
            Booking.ends_at > start,
            or_(
                Booking.status == "confirmed",
                (Booking.status == "held") & (Booking.hold_expires_at >= now),
            ),
        )
    )
    busy: dict[int, list[tuple[datetime, datetime]]] = {}
    for adviser_id, starts_at, ends_at in rows:
        busy.setdefault(adviser_id, []).append((as_utc(starts_at), as_utc(ends_at)))
    return busy


def find_slots(
    *,
    db_session: Session,
    council: Council,
    offer: str,
    venue_id: int | None = None,
    channel: str | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
    now: datetime | None = None,
) -> list[Offered]:
    """The free times for an offer, earliest first, within the council's booking window.

    ``venue_id`` keeps one place's times; ``channel`` keeps times offering that channel
    ("phone" includes phone sessions held at a venue).
    """
    rules = council.booking
    zone = ZoneInfo(council.timezone)
    now = now or utcnow()
    today = now.astimezone(zone).date()
    window_end = today + timedelta(days=rules.days_ahead - 1)
    first = max(first_day or today, today)
    last = min(last_day or window_end, window_end)
    if last < first:
        return []
    advisers = [
        a
        for a in db_session.execute(
            select(Adviser).where(Adviser.council_slug == council.slug, Adviser.active.is_(True))
        ).scalars()
        if offer in (a.offers or [a.team])
    ]
    if not advisers:
        return []
    length = timedelta(minutes=rules.slot_minutes)
    span_start = datetime.combine(first, datetime.min.time(), zone)
    span_end = datetime.combine(last + timedelta(days=1), datetime.min.time(), zone)
    busy = _busy(db_session, [a.id for a in advisers], span_start, span_end, now)
    grouped: dict[tuple[datetime, int | None], tuple[set[str], list[int], datetime]] = {}
    for adviser in advisers:
        taken = busy.get(adviser.id, [])
        for slot in availability.slots(
            adviser=str(adviser.id),
            sessions=rota.sessions_of(adviser),
            time_off=rota.time_off_of(adviser),
            first_day=first,
            days=(last - first).days + 1,
            length=length,
            buffer=timedelta(minutes=rules.buffer_minutes),
            not_before=now + timedelta(hours=rules.notice_hours),
            zone=zone,
        ):
            venue = slot.venue if isinstance(slot.venue, int) else None
            if venue_id is not None and venue != venue_id:
                continue
            if channel is not None and channel not in slot.channels:
                continue
            if any(slot.starts_at < end and start < slot.ends_at for start, end in taken):
                continue
            channels, ids, _ = grouped.setdefault(
                (slot.starts_at, venue), (set(), [], slot.ends_at)
            )
            channels.update(slot.channels)
            ids.append(adviser.id)
    return [
        Offered(
            offer=offer,
            starts_at=starts_at,
            ends_at=ends_at,
            venue_id=venue,
            channels=tuple(c for c in CHANNELS if c in channels),
            adviser_ids=tuple(ids),
        )
        for (starts_at, venue), (channels, ids, ends_at) in sorted(
            grouped.items(), key=lambda item: (item[0][0], item[0][1] or 0)
        )
    ]


def _offered(
    db_session: Session, council: Council, slot: str, channel: str | None, now: datetime
) -> Offered:
    """The slot as it is offered now; SlotTaken when nobody is free at that time any more."""
    offer, starts_at, venue_id = parse_slot_id(slot)
    if channel is not None and channel not in CHANNELS:
        raise UnknownSlot(slot)
    if channel == "in_person" and venue_id is None:
        raise UnknownSlot(slot)  # a phone or video time has no place to meet
    day = starts_at.astimezone(ZoneInfo(council.timezone)).date()
    for wanted in (channel, None):
        for offered in find_slots(
            db_session=db_session, council=council, offer=offer, venue_id=venue_id,
            channel=wanted, first_day=day, last_day=day, now=now,
        ):  # fmt: skip
            if offered.starts_at == starts_at and offered.venue_id == venue_id:
                if wanted is None:
                    raise UnknownSlot(slot)  # free, but not offered that way (phone, say)
                return offered
    raise SlotTaken()


def book_slot(
    *,
    db_session: Session,
    council: Council,
    slot: str,
    channel: str,
    hold: bool = False,
    idempotency_key: str | None = None,
    conversation_id: str | None = None,
    now: datetime | None = None,
    reference: str | None = None,
) -> Booking:
    """Book (or hold) a slot from ``find_slots`` with whichever of its advisers is still free.

    Raises UnknownSlot for an id this service never gave out, SlotTaken when the time has gone.
    """
    now = now or utcnow()
    if idempotency_key:
        earlier = _by_key(db_session, idempotency_key)
        if earlier is not None:
            return earlier
    offered = _offered(db_session, council, slot, channel, now)
    for adviser_id in offered.adviser_ids:
        try:
            booking = book(
                db_session=db_session, adviser_id=adviser_id, starts_at=offered.starts_at,
                ends_at=offered.ends_at, channel=channel,
                venue_id=offered.venue_id if channel == "in_person" else None, hold=hold,
                idempotency_key=idempotency_key, conversation_id=conversation_id, now=now,
                reference=reference,
            )  # fmt: skip
        except SlotTaken:
            continue
        booking.offer = offered.offer
        booking.calendar_token = booking.calendar_token or secrets.token_urlsafe(24)
        return booking
    raise SlotTaken()


def confirm(
    booking: Booking,
    *,
    db_session: Session,
    first_name: str,
    contact: Contact,
    consent: bool,
    now: datetime | None = None,
) -> Booking:
    """Turn a hold into a booking. SlotTaken if the hold lapsed and someone took the time."""
    now = now or utcnow()
    if booking.status == "held":
        # Conditional, so a competing booking that is cancelling the lapsed hold right now
        # and this confirmation cannot both win.
        won = db_session.execute(
            update(Booking)
            .where(Booking.id == booking.id, Booking.status == "held")
            .values(status="confirmed", hold_expires_at=None, updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        db_session.refresh(booking)
        if not won:
            raise SlotTaken()
    elif booking.status != "confirmed":
        raise SlotTaken()
    booking.first_name = first_name.strip()[:60]
    booking.contact = contact.value
    booking.consent = consent
    booking.updated_at = now
    db_session.flush()
    return booking


def by_reference(reference: str, *, db_session: Session) -> Booking | None:
    """A booking by its reference as typed or read out (any case, with or without the dash)."""
    code = references.normalise(reference, REFERENCE_LENGTH)
    if code is None:
        return None
    return db_session.execute(select(Booking).where(Booking.reference == code)).scalar_one_or_none()


def find(reference: str, contact: str, *, council_slug: str, db_session: Session) -> Booking:
    """A booking by its reference and the contact given with it; NotFound for any mismatch,
    and for another council's booking (the same answer, so nothing crosses councils)."""
    booking = by_reference(reference, db_session=db_session)
    if (
        booking is None
        or booking.council_slug != council_slug
        or booking.status == "held"
        or not same_contact(contact, booking.contact)
    ):
        raise NotFound()
    return booking


def of_case(case_id: int, *, db_session: Session) -> list[Booking]:
    """Every booking made for a case, in time order: what its adviser sees on the case page."""
    query = select(Booking).where(Booking.case_id == case_id).order_by(Booking.starts_at)
    return list(db_session.execute(query).scalars())


def confirmed_between(
    start: datetime,
    end: datetime,
    *,
    db_session: Session,
    council_slug: str,
    adviser_key: str | None = None,
) -> list[tuple[Booking, Adviser]]:
    """A council's confirmed appointments starting in [start, end) with their advisers, by
    adviser then time: a day's list for the team, or for one adviser when ``adviser_key`` is
    given."""
    query = (
        select(Booking, Adviser)
        .join(Adviser, Adviser.id == Booking.adviser_id)
        .where(
            Booking.council_slug == council_slug,
            Booking.status == "confirmed",
            Booking.starts_at >= start,
            Booking.starts_at < end,
        )
        .order_by(Adviser.first_name, Booking.starts_at)
    )
    if adviser_key is not None:
        query = query.where(Adviser.key == adviser_key)
    return [(booking, adviser) for booking, adviser in db_session.execute(query).all()]


def upcoming_for_contact(
    contact: Contact, *, council_slug: str, db_session: Session, now: datetime | None = None
) -> list[Booking]:
    """Confirmed appointments still to come that were booked with this contact with this
    council, soonest first: what a resident who has lost their reference is sent again."""
    now = now or utcnow()
    found = db_session.execute(
        select(Booking)
        .where(
            Booking.council_slug == council_slug,
            Booking.status == "confirmed",
            Booking.starts_at >= now,
        )
        .order_by(Booking.starts_at)
    ).scalars()
    return [b for b in found if same_contact(contact.value, b.contact)]


MAX_UPCOMING_PER_CONVERSATION = 2


def check_not_already_booked(
    booking: Booking, contact: Contact, *, db_session: Session, now: datetime | None = None
) -> None:
    """AlreadyBooked when ``contact`` has another appointment to come for ``booking``'s offer,
    or ``booking``'s conversation already has two to come. ``booking`` itself (a retried
    request, a confirmation repeated) never counts against itself."""
    now = now or utcnow()
    _serialise(db_session, f"contact:{contact.value.lower()}")
    if booking.conversation_id:
        _serialise(db_session, f"conversation:{booking.conversation_id}")
    others = [b for b in upcoming_for_contact(contact, council_slug=booking.council_slug,
                                              db_session=db_session, now=now)
              if b.id != booking.id]  # fmt: skip
    if any(b.offer == booking.offer for b in others):
        raise AlreadyBooked("same_contact")
    if booking.conversation_id:
        booked = db_session.execute(
            select(func.count(Booking.id)).where(
                Booking.conversation_id == booking.conversation_id,
                Booking.id != booking.id,
                Booking.status == "confirmed",
                Booking.starts_at >= now,
            )
        ).scalar_one()
        if booked >= MAX_UPCOMING_PER_CONVERSATION:
            raise AlreadyBooked("conversation")


def _serialise(db_session: Session, key: str) -> None:
    """Two confirmations for one contact or conversation at the same instant take turns until
    the first commits, so both cannot pass the check. On PostgreSQL, a transaction-scoped
    advisory lock; on SQLite, a write first, which takes the one write lock before the check
    reads (as ``book`` does)."""
    if db_session.get_bind().dialect.name == "postgresql":
        db_session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"booking-{key}"}
        )
    else:
        db_session.execute(text("UPDATE bookings SET sequence = sequence WHERE 0"))


def upcoming_in_conversation(
    conversation_id: str, *, db_session: Session, now: datetime | None = None
) -> Booking | None:
    """The next confirmed appointment booked in a conversation, if any."""
    return db_session.execute(
        select(Booking)
        .where(
            Booking.conversation_id == conversation_id,
            Booking.status == "confirmed",
            Booking.starts_at >= (now or utcnow()),
        )
        .order_by(Booking.starts_at)
        .limit(1)
    ).scalar_one_or_none()


def by_calendar_token(reference: str, token: str, *, db_session: Session) -> Booking:
    booking = by_reference(reference, db_session=db_session) if token else None
    if (
        booking is None
        or booking.calendar_token is None
        or not secrets.compare_digest(booking.calendar_token, token)
    ):
        raise NotFound()
    return booking


def reschedule(
    booking: Booking,
    *,
    db_session: Session,
    council: Council,
    slot: str,
    channel: str | None = None,
    now: datetime | None = None,
) -> Booking:
    """Move a booking to another slot, keeping its reference; the calendar entry is updated
    (SEQUENCE goes up). SlotTaken when the new time has gone; the old one is kept then."""
    now = now or utcnow()
    if booking.status != "confirmed":
        raise NotFound()
    channel = channel or booking.channel
    offered = _offered(db_session, council, slot, channel, now)
    if offered.offer != booking.offer:
        raise UnknownSlot(slot)
    for adviser_id in offered.adviser_ids:
        try:
            with db_session.begin_nested():
                booking.adviser_id = adviser_id
                booking.starts_at, booking.ends_at = offered.starts_at, offered.ends_at
                booking.channel = channel
                booking.venue_id = offered.venue_id if channel == "in_person" else None
                booking.sequence += 1
                booking.updated_at = now
                db_session.flush()
            return booking
        except IntegrityError:
            db_session.refresh(booking)
    raise SlotTaken()


def cancel(booking: Booking, *, db_session: Session, now: datetime | None = None) -> Booking:
    if booking.status != "cancelled":
        booking.status = "cancelled"
        booking.sequence += 1
        booking.updated_at = now or utcnow()
        db_session.flush()
    return booking


def venues(ids: set[int], *, db_session: Session) -> dict[int, Venue]:
    if not ids:
        return {}
    return {v.id: v for v in db_session.execute(select(Venue).where(Venue.id.in_(ids))).scalars()}


def adviser(adviser_id: int, *, db_session: Session) -> Adviser | None:
    return db_session.get(Adviser, adviser_id)


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
    reference: str | None = None,
) -> Booking:
    """Book one adviser's time (or ``hold`` it while the resident confirms). The booking takes
    the resident's ``reference`` if given and no other booking has it.

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
    adviser = db_session.get(Adviser, adviser_id)
    if adviser is None:
        raise UnknownSlot(f"no adviser {adviser_id}")
    for attempt in range(5):
        drawn = reference if reference and attempt == 0 else references.new(REFERENCE_LENGTH)
        booking = Booking(
            reference=drawn,
            council_slug=adviser.council_slug,  # the council whose adviser's time it is
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


def unlink_conversation(conversation_id: str, *, db_session: Session) -> None:
    """A forgotten conversation's appointments stay (the resident still expects them) but no
    longer name it."""
    db_session.execute(
        update(Booking)
        .where(Booking.conversation_id == conversation_id)
        .values(conversation_id=None)
        .execution_options(synchronize_session=False)
    )
