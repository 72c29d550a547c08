"""Booking jobs with several steps: book and tell the resident, move, cancel, remind.

The dialogue and the HTTP API both call these, so a booking made in the chat and one made by a
partner system are confirmed, changed and reminded in the same words.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.booking import contact as contacts
from bot.booking import describe
from bot.booking import service as bookings
from bot.booking.models import Booking, BookingOut
from bot.catalogue.venue.models import Venue
from bot.clock import as_utc, utcnow
from bot.council.models import Council
from bot.handoff.service import for_conversation
from bot.insight import service as insight
from bot.notify import service as notify
from bot.observability import metrics

INTROS = {
    "booking_confirmed": "Your appointment is booked",
    "booking_changed": "Your appointment has moved",
    "booking_cancelled": "Your appointment is cancelled",
    "booking_reminder": "A reminder: your appointment is tomorrow",
}


def book(
    *,
    db_session: Session,
    council: Council,
    slot: str,
    channel: str,
    first_name: str,
    contact_text: str,
    idempotency_key: str | None = None,
    conversation_id: str | None = None,
    case_id: int | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book a slot in one step (the API, an adviser for a resident): validate the contact
    first, so a typo books nothing."""
    contact = contacts.parse(contact_text)
    booking = bookings.book_slot(
        db_session=db_session, council=council, slot=slot, channel=channel, hold=True,
        idempotency_key=idempotency_key, conversation_id=conversation_id, now=now,
    )  # fmt: skip
    booking.case_id = case_id
    return confirm(booking, db_session=db_session, council=council, first_name=first_name,
                   contact=contact, now=now)  # fmt: skip


def confirm(
    booking: Booking,
    *,
    db_session: Session,
    council: Council,
    first_name: str,
    contact: contacts.Contact,
    now: datetime | None = None,
) -> Booking:
    """Confirm a held booking (the resident agreed to be contacted) and queue the message.
    A booking made in a conversation joins its case, so the adviser starts from the answers.
    AlreadyBooked when the contact or the conversation has enough appointments to come: the
    caller lets the hold go."""
    bookings.check_not_already_booked(booking, contact, db_session=db_session, now=now)
    retried = booking.status == "confirmed"  # the same request again (an idempotency key)
    if booking.case_id is None and booking.conversation_id:
        case = for_conversation(db_session=db_session, conversation_id=booking.conversation_id)
        booking.case_id = case.id if case is not None else None
    bookings.confirm(booking, db_session=db_session, first_name=first_name, contact=contact,
                     consent=True, now=now)  # fmt: skip
    _tell(booking, "booking_confirmed", db_session=db_session, council=council, now=now)
    if not retried:
        _count(booking, "booking_made", db_session=db_session, council=council)
    metrics.BOOKINGS.labels("booked").inc()
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
    bookings.reschedule(booking, db_session=db_session, council=council, slot=slot,
                        channel=channel, now=now)  # fmt: skip
    _tell(booking, "booking_changed", db_session=db_session, council=council, now=now)
    _count(booking, "booking_moved", db_session=db_session, council=council)
    metrics.BOOKINGS.labels("changed").inc()
    return booking


def cancel(
    booking: Booking, *, db_session: Session, council: Council, now: datetime | None = None
) -> Booking:
    was = booking.status
    bookings.cancel(booking, db_session=db_session, now=now)
    if was != "cancelled":
        _tell(booking, "booking_cancelled", db_session=db_session, council=council, now=now)
        if was == "confirmed":  # a hold let go was never an appointment
            _count(booking, "booking_cancelled", db_session=db_session, council=council)
        metrics.BOOKINGS.labels("cancelled").inc()
    return booking


def _count(booking: Booking, kind: str, *, db_session: Session, council: Council,
           on: date | None = None) -> None:  # fmt: skip
    insight.record(db_session=db_session, council=council, kind=kind, offer=booking.offer,
                   detail=booking.channel, on=on)  # fmt: skip


def record_attendance(
    booking: Booking, attended: bool, *, db_session: Session, council: Council
) -> None:
    """An adviser says whether the resident came; a correction replaces the count it made.
    Counted on the appointment's day, whenever it is recorded."""
    kinds = {True: "booking_attended", False: "booking_not_attended"}
    was = {"attended": True, "did_not_attend": False}.get(booking.attendance or "")
    booking.attendance = "attended" if attended else "did_not_attend"
    day = as_utc(booking.starts_at).astimezone(ZoneInfo(council.timezone)).date()
    if was is not attended:
        if was is not None:
            insight.uncount(db_session=db_session, council=council, kind=kinds[was], on=day,
                            offer=booking.offer, detail=booking.channel)  # fmt: skip
        _count(booking, kinds[attended], db_session=db_session, council=council, on=day)


def queue_reminders(*, db_session: Session, council: Council, now: datetime | None = None) -> int:
    """Queue a reminder for every confirmed booking tomorrow (council time); safe to repeat."""
    now = now or utcnow()
    zone = ZoneInfo(council.timezone)
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, datetime.min.time(), zone)
    found = db_session.execute(
        select(Booking).where(
            Booking.council_slug == council.slug,
            Booking.status == "confirmed",
            Booking.starts_at >= start,
            Booking.starts_at < start + timedelta(days=1),
            Booking.contact.isnot(None),
        )
    ).scalars()
    return sum(
        _tell(b, "booking_reminder", db_session=db_session, council=council, now=now) for b in found
    )


def out(booking: Booking, *, db_session: Session, council: Council) -> BookingOut:
    adviser = bookings.adviser(booking.adviser_id, db_session=db_session)
    venue = venue_of(booking, db_session=db_session)
    return describe.booking_out(booking, adviser, venue, council)


def send_references(
    contact: contacts.Contact, *, db_session: Session, council: Council, now: datetime | None = None
) -> int:
    """Send the references of a contact's coming appointments to that contact, once a day at
    most. The resident is told the same whatever is found, so nobody can learn from the chat
    whether a number or email address has a booking."""
    now = now or utcnow()
    found = bookings.upcoming_for_contact(
        contact, council_slug=council.slug, db_session=db_session, now=now
    )
    if not found:
        return 0
    lines = [f"{describe.booking_label(b, venue_of(b, db_session=db_session), council)}: "
             f"reference {b.reference}" for b in found]  # fmt: skip
    body = "\n".join([
        "Hello,", "", f"You asked for your {council.service_name} appointment references:", *lines,
        "", f"To change or cancel one, tell the {council.service_name} assistant the reference, "
        f"or call {council.phone}.",
    ])  # fmt: skip
    queued = notify.queue(
        db_session=db_session, council_slug=council.slug, contact=contact,
        purpose="booking_references",
        subject="Your appointment references", body=body,
        dedupe_key=f"references:{contact.value}:{now.date().isoformat()}", now=now,
    )  # fmt: skip
    return 1 if queued is not None else 0


def venue_of(booking: Booking, *, db_session: Session) -> Venue | None:
    """Where an in-person booking happens; None for phone and video."""
    return db_session.get(Venue, booking.venue_id) if booking.venue_id else None


def message(booking: Booking, purpose: str, *, venue, council: Council) -> tuple[str, str]:
    """The subject and body of a message about a booking, for email and text alike."""
    label = describe.booking_label(booking, venue, council)
    adviser = describe.OFFER_NAMES.get(booking.offer or "", "Work Local adviser")
    lines = [f"Hello {booking.first_name or 'there'},", ""]
    if purpose == "booking_cancelled":
        lines.append(f"Your appointment with a {adviser} on {label} is cancelled.")
        lines.append(f"To book another time, ask the {council.service_name} assistant or "
                     f"call {council.phone}.")  # fmt: skip
    else:
        lines.append(f"{INTROS[purpose]}: {label}, with a {adviser}.")
        lines.append(describe.joining(booking.channel, venue, council))
        lines.append(
            f"To change or cancel it, tell the {council.service_name} assistant your reference "
            f"{booking.reference}, or call {council.phone}."
        )
    subject = f"{INTROS[purpose]}: {label} (reference {booking.reference})"
    return subject, "\n".join(lines)


def _tell(
    booking: Booking,
    purpose: str,
    *,
    db_session: Session,
    council: Council,
    now: datetime | None = None,
) -> int:
    if not booking.contact or not booking.consent:
        return 0
    venue = venue_of(booking, db_session=db_session)
    subject, body = message(booking, purpose, venue=venue, council=council)
    queued = notify.queue(
        db_session=db_session,
        council_slug=booking.council_slug,
        contact=contacts.parse(booking.contact),
        purpose=purpose,
        subject=subject,
        body=body,
        booking_reference=booking.reference,
        dedupe_key=f"{booking.reference}:{purpose}:{booking.sequence}",
        now=now,
    )
    return 1 if queued is not None else 0
