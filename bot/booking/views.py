"""``/api/v1/slots`` and ``/api/v1/bookings``: appointments for the widget and partner systems.

A booking is changed or cancelled with its reference and the contact given when booking: the
same "not found" answers a wrong reference and a wrong contact, so nobody can find out which
references exist. The calendar file also opens with the token in the confirmation's link.
"""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session, sessionmaker

from bot.booking import describe, flows
from bot.booking import service as bookings
from bot.booking.contact import InvalidContact
from bot.booking.models import CHANNELS, OFFERS, BookingChange, BookingIn, BookingOut, SlotsOut
from bot.catalogue.search import place as places
from bot.catalogue.venue import service as venue_service
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import client_address, current_time, sessions
from bot.errors import error_body
from bot.ratelimit.service import in_council, pseudonym

router = APIRouter(prefix="/api/v1", tags=["appointments"])
NOT_FOUND = (
    "We couldn't find a booking with that reference and contact. Check both are as they were "
    "given when booking (the reference is on the confirmation), or call {phone}."
)
TAKEN = "Sorry, that time has just been taken. Here are the next free times."
UNKNOWN_SLOT = "That isn't one of the times we offered. Please choose from the free times."
NO_CONSENT = (
    "We can only book an appointment if you agree that we may contact you about it. "
    "Tick the box to agree, or call {phone} to book instead."
)
PRIVATE = {"Cache-Control": "no-store"}


def booking_limit(request: Request, council: RequestCouncil) -> None:
    """Per council and network address: making appointments (``booking``), counted under the
    same key as bookings made in the chat (the actions get the address's pseudonym)."""
    request.app.state.limiter.check(
        "booking", in_council(council.slug, pseudonym(client_address(request)))
    )


def lookup_limit(request: Request, council: RequestCouncil) -> None:
    """Per network address: finding a booking by reference, so references cannot be tried
    one after another (``booking_lookup``)."""
    request.app.state.limiter.check(
        "booking_lookup", in_council(council.slug, client_address(request))
    )


def _problem(code: str, message: str, status: int, **extra) -> JSONResponse:
    body = error_body(code, message)
    body["error"].update(extra)
    return JSONResponse(body, status, headers=PRIVATE)


def _not_found(council: Council) -> JSONResponse:
    return _problem("booking_not_found", NOT_FOUND.format(phone=council.phone), 404)


def _fresh_slots(
    db: Session, council: Council, offer: str, venue_id: int | None, now: datetime, limit: int = 6
) -> list[dict]:
    found = bookings.find_slots(
        db_session=db, council=council, offer=offer, venue_id=venue_id, now=now
    )
    venues = bookings.venues({o.venue_id for o in found[:limit] if o.venue_id}, db_session=db)
    return [
        describe.slot_out(o, venues.get(o.venue_id or 0), council).dict() for o in found[:limit]
    ]


def _taken(db: Session, council: Council, slot: str, now: datetime) -> JSONResponse:
    try:
        offer, _, venue_id = bookings.parse_slot_id(slot)
    except bookings.UnknownSlot:
        return _problem("unknown_slot", UNKNOWN_SLOT, 422)
    fresh = _fresh_slots(db, council, offer, venue_id, now)
    body = {"error": {"code": "slot_taken", "message": TAKEN, "slots": fresh}}
    return JSONResponse(jsonable_encoder(body), 409, headers=PRIVATE)


def _json(out: BookingOut, status: int = 200) -> JSONResponse:
    return JSONResponse(jsonable_encoder(out), status, headers=PRIVATE)


@router.get("/slots", response_model=SlotsOut, summary="Free appointment times")
def list_slots(
    council: RequestCouncil,
    offer: str = Query(..., description=", ".join(OFFERS)),
    venue: str | None = Query(None, max_length=64, description="A venue id: only its times."),
    channel: str | None = Query(None, description="in_person, phone or video"),
    from_: date | None = Query(None, alias="from", description="First day (YYYY-MM-DD)."),
    to: date | None = Query(None, description="Last day (YYYY-MM-DD)."),
    near: str | None = Query(None, max_length=60, description="A postcode: adds distances."),
    limit: int = Query(20, ge=1, le=200),
    factory: sessionmaker = Depends(sessions),
    now: datetime = Depends(current_time),
) -> SlotsOut | JSONResponse:
    """The next free times within the council's booking window, earliest first."""
    if offer not in OFFERS:
        return _problem("unknown_offer", f"offer must be one of {', '.join(OFFERS)}.", 422)
    if channel is not None and channel not in CHANNELS:
        return _problem("unknown_channel", f"channel must be one of {', '.join(CHANNELS)}.", 422)
    with session_scope(factory) as db:
        venue_id = None
        if venue:
            record = venue_service.get(venue, db_session=db)
            if record is None:
                return _problem("unknown_venue", "We couldn't find that place.", 404)
            venue_id = record.id
        place = None
        if near:
            place = places.resolve(near, frozenset(council.local_authority_codes), db_session=db)
        found = bookings.find_slots(
            db_session=db, council=council, offer=offer, venue_id=venue_id, channel=channel,
            first_day=from_, last_day=to, now=now,
        )[:limit]  # fmt: skip
        venues = bookings.venues({o.venue_id for o in found if o.venue_id}, db_session=db)
        return SlotsOut(
            slots=[describe.slot_out(o, venues.get(o.venue_id or 0), council, place) for o in found]
        )


@router.post(
    "/bookings", status_code=201, response_model=BookingOut, summary="Book an appointment",
    dependencies=[Depends(booking_limit)],
)  # fmt: skip
def create_booking(
    council: RequestCouncil,
    booking_in: BookingIn,
    idempotency_key: str | None = Header(None, max_length=100),
    factory: sessionmaker = Depends(sessions),
    now: datetime = Depends(current_time),
) -> JSONResponse:
    """Book a slot from ``GET /api/v1/slots``. Send an ``Idempotency-Key`` header: a retried
    request with the same key gets the same booking instead of a second one. A time taken in
    the meantime answers 409 with the next free times."""
    if not booking_in.consent:
        return _problem("consent_needed", NO_CONSENT.format(phone=council.phone), 422)
    if not booking_in.slot.startswith(f"{booking_in.offer}."):
        return _problem("unknown_slot", UNKNOWN_SLOT, 422)
    with session_scope(factory) as db:
        try:
            booking = flows.book(
                db_session=db, council=council, slot=booking_in.slot,
                channel=booking_in.channel, first_name=booking_in.first_name,
                contact_text=booking_in.contact, idempotency_key=idempotency_key, now=now,
            )  # fmt: skip
        except InvalidContact as exc:
            return _problem("invalid_contact", str(exc), 422)
        except bookings.UnknownSlot:
            return _problem("unknown_slot", UNKNOWN_SLOT, 422)
        except bookings.SlotTaken:
            db.rollback()
            return _taken(db, council, booking_in.slot, now)
        except bookings.AlreadyBooked as exc:
            db.rollback()  # lets the hold on the new time go
            message = bookings.ALREADY_BOOKED[exc.reason].format(phone=council.phone)
            return _problem("already_booked", message, 409)
        return _json(flows.out(booking, db_session=db, council=council), 201)


@router.get(
    "/bookings/{reference}.ics",
    response_class=Response,
    summary="A booking as a calendar file",
    responses={200: {"content": {"text/calendar": {}}}},
    dependencies=[Depends(lookup_limit)],
)
def booking_calendar(
    council: RequestCouncil,
    reference: str,
    token: str | None = Query(None, max_length=64),
    x_booking_contact: str | None = Header(None, max_length=254),
    factory: sessionmaker = Depends(sessions),
) -> Response:
    """Opens with the ``token`` from the booking's ``calendar_url``, or with the contact in an
    ``X-Booking-Contact`` header."""
    with session_scope(factory) as db:
        try:
            if token:
                booking = bookings.by_calendar_token(reference, token, db_session=db)
                council = council_service.get(booking.council_slug)  # the link is its own
            else:
                booking = bookings.find(
                    reference, x_booking_contact or "", council_slug=council.slug, db_session=db
                )
        except bookings.NotFound:
            return _not_found(council)
        body = describe.booking_ics(booking, flows.venue_of(booking, db_session=db), council)
        filename = f"appointment-{booking.reference}.ics"
        return Response(
            body,
            media_type="text/calendar; charset=utf-8",
            headers={**PRIVATE, "Content-Disposition": f'attachment; filename="{filename}"'},
        )


@router.get(
    "/bookings/{reference}",
    response_model=BookingOut,
    summary="One booking",
    dependencies=[Depends(lookup_limit)],
)
def get_booking(
    council: RequestCouncil,
    reference: str,
    x_booking_contact: str = Header(..., max_length=254, description="The contact given."),
    factory: sessionmaker = Depends(sessions),
) -> JSONResponse:
    with session_scope(factory) as db:
        try:
            booking = bookings.find(
                reference, x_booking_contact, council_slug=council.slug, db_session=db
            )
        except bookings.NotFound:
            return _not_found(council)
        return _json(flows.out(booking, db_session=db, council=council))


@router.patch(
    "/bookings/{reference}",
    response_model=BookingOut,
    summary="Change the time",
    dependencies=[Depends(lookup_limit)],
)
def change_booking(
    council: RequestCouncil,
    reference: str,
    change: BookingChange,
    factory: sessionmaker = Depends(sessions),
    now: datetime = Depends(current_time),
) -> JSONResponse:
    """Move a booking to another free slot; the reference stays the same. If the new time has
    gone, the booking keeps its old time and the answer is 409 with the next free times."""
    with session_scope(factory) as db:
        try:
            booking = bookings.find(
                reference, change.contact, council_slug=council.slug, db_session=db
            )
            booking = flows.reschedule(
                booking, db_session=db, council=council, slot=change.slot,
                channel=change.channel, now=now,
            )  # fmt: skip
        except bookings.NotFound:
            return _not_found(council)
        except bookings.UnknownSlot:
            return _problem("unknown_slot", UNKNOWN_SLOT, 422)
        except bookings.SlotTaken:
            db.rollback()
            return _taken(db, council, change.slot, now)
        return _json(flows.out(booking, db_session=db, council=council))


@router.delete(
    "/bookings/{reference}",
    response_model=BookingOut,
    summary="Cancel a booking",
    dependencies=[Depends(lookup_limit)],
)
def cancel_booking(
    council: RequestCouncil,
    reference: str,
    x_booking_contact: str = Header(..., max_length=254, description="The contact given."),
    factory: sessionmaker = Depends(sessions),
    now: datetime = Depends(current_time),
) -> JSONResponse:
    """Cancelling twice is harmless: the second answer is the same cancelled booking."""
    with session_scope(factory) as db:
        try:
            booking = bookings.find(
                reference, x_booking_contact, council_slug=council.slug, db_session=db
            )
        except bookings.NotFound:
            return _not_found(council)
        booking = flows.cancel(booking, db_session=db, council=council, now=now)
        return _json(flows.out(booking, db_session=db, council=council))
