"""Today's appointments, and whether the resident came."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from bot.audit import service as audit
from bot.booking import describe
from bot.booking import flows as booking_flows
from bot.booking import service as bookings
from bot.clock import as_utc, utcnow
from bot.console import auth
from bot.console.deps import Adviser, DbSession, ThisCouncil
from bot.console.pages import done, problem, render
from bot.handoff import service as cases
from bot.staff import service as staff_service

router = APIRouter(prefix="/console", include_in_schema=False)
ATTENDANCE = ("attended", "did_not_attend")


@router.get("/appointments")
def appointments(
    request: Request, who: Adviser, db_session: DbSession, council: ThisCouncil
) -> Response:
    """Today's appointments: an adviser's own, or everyone's for a team lead."""
    zone = ZoneInfo(council.timezone)
    now = utcnow()
    today = now.astimezone(zone).date()
    start = datetime.combine(today, datetime.min.time(), zone)
    mine = None if staff_service.can_lead(who.staff) else (who.staff.adviser_key or "")
    found = bookings.confirmed_between(start, start + timedelta(days=1), db_session=db_session,
                                       council_slug=council.slug, adviser_key=mine)  # fmt: skip
    rows = [
        (b, a, describe.booking_label(b, booking_flows.venue_of(b, db_session=db_session),
                                      council), as_utc(b.starts_at) <= now)
        for b, a in found
    ]  # fmt: skip
    references = cases.references_of({b.case_id for b, _a in found if b.case_id},
                                     db_session=db_session)  # fmt: skip
    return render(request, "appointments.html", who, rows=rows, today=today, cases=references)


@router.post("/appointments/{reference}/attendance")
def attendance(
    request: Request,
    reference: str,
    who: Adviser,
    db_session: DbSession,
    council: ThisCouncil,
    attended: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    auth.check_csrf(who, csrf)
    if attended not in ATTENDANCE:
        return problem(request, who, "Choose attended or did not attend.", status=422)
    booking = bookings.by_reference(reference, db_session=db_session)
    adviser = bookings.adviser(booking.adviser_id, db_session=db_session) if booking else None
    mine = adviser is not None and adviser.key == who.staff.adviser_key
    if (
        booking is None
        or booking.council_slug != council.slug
        or not (mine or staff_service.can_lead(who.staff))
    ):
        return problem(request, who, "There is no appointment of yours with that reference.",
                       status=404)  # fmt: skip
    if as_utc(booking.starts_at) > utcnow():
        return problem(request, who, "You can record attendance once the appointment "
                       "has started.", status=409)  # fmt: skip
    booking_flows.record_attendance(booking, attended == "attended", db_session=db_session,
                                    council=council)  # fmt: skip
    audit.record(db_session=db_session, staff_id=who.staff.id, action=attended,
                 case_id=booking.case_id, detail=booking.reference)  # fmt: skip
    return done(request, "/console/appointments")
