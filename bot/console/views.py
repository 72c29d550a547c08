"""The adviser console: server-rendered pages over the handoff, booking and staff services.

Every page is rendered from the same services the chat uses. Forms post back here with the
session's CSRF token and answer with a redirect (or, from the console's script, JSON), so the
console works without JavaScript and live updates are an addition, not a requirement.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import templating
from bot.audit import service as audit
from bot.booking import contact as contacts
from bot.booking import describe
from bot.booking import flows as booking_flows
from bot.booking import service as bookings
from bot.booking.models import Adviser, Booking
from bot.clock import as_utc, utcnow
from bot.console import auth
from bot.console.auth import SignedIn
from bot.conversation import service as conversations
from bot.council import service as council_service
from bot.database.core import session_scope
from bot.deps import client_address
from bot.handoff import flows as handoff
from bot.handoff import outcomes as case_outcomes
from bot.handoff import service as cases
from bot.handoff.models import Case
from bot.insight import keys as insight_keys
from bot.insight import outcomes as outcome_rules
from bot.live.hub import get_hub
from bot.notify import service as notify
from bot.plan import service as plans
from bot.ratelimit.service import RateLimited, wait_text
from bot.staff import service as staff_service
from bot.staff import throttle as staff_throttle
from bot.staff.models import Staff

router = APIRouter(prefix="/console", include_in_schema=False)
HERE = Path(__file__).parent
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
TEAMS = {
    "youth_pathways": "Youth Pathways",
    "working_futures": "Working Futures",
    "skills_for_all": "Skills for All (careers)",
    "employer": "Employer team",
}
REASONS = {
    "crisis": "Crisis",
    "housing": "Losing their home",
    "asked": "Asked for a person",
    "not_understood": "Not understood",
    "assessment": "Finished assessment",
}
STATUSES = {
    "open": "Open",
    "waiting": "Waiting in chat",
    "live": "Live chat",
    "callback": "Call back",
    "closed": "Closed",
}


def sessions_of(request: Request):
    return request.app.state.sessions


def render(request: Request, template: str, who: SignedIn | None, status: int = 200,
            **context) -> HTMLResponse:  # fmt: skip
    council = council_service.get_default()
    page = templating.templates(HERE / "templates").get_template(template)
    body = page.render(
        council=council, who=who, path=request.url.path, reasons=REASONS, statuses=STATUSES,
        offers=TEAMS, local=_local(council), **context,
    )  # fmt: skip
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def outcome_context(council) -> dict:
    """The outcomes a case page or the insight shows: read only by those pages, so a mistake
    in the outcomes file never takes the sign-in page or the queue down."""
    rules = outcome_rules.rules(council.insight.outcome_rules)
    return {"outcomes": {o.key: o.label for o in rules.outcomes}, "outcome_rules": rules}


def _local(council):
    zone = ZoneInfo(council.timezone)

    def local(moment: datetime | str | None, form: str = "%a %-d %b, %H:%M") -> str:
        """A moment as the council's clocks show it; an ISO string (from an export) too."""
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment)
        return as_utc(moment).astimezone(zone).strftime(form) if moment else ""

    return local


def done(request: Request, location: str, **payload) -> Response:
    """After a form: JSON for the console's script, a redirect (post/redirect/get) otherwise."""
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"ok": True, **payload}, headers=HEADERS)
    return RedirectResponse(location, status_code=303)


def problem(request: Request, who: SignedIn, message: str, status: int = 409) -> Response:
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"ok": False, "error": message}, status_code=status, headers=HEADERS)
    return render(request, "problem.html", who, status=status, message=message)


def install(app: FastAPI) -> None:
    """Send people who are not signed in to the sign-in page; explain refusals in words."""

    @app.exception_handler(auth.NotSignedIn)
    async def _sign_in(_request: Request, exc: auth.NotSignedIn) -> Response:
        return auth.to_sign_in(exc.next_path)

    @app.exception_handler(auth.Forbidden)
    async def _forbidden(request: Request, exc: auth.Forbidden) -> Response:
        return render(request, "problem.html", None, status=403, message=exc.message,
                      home=exc.home)  # fmt: skip

    from bot.console import insight, residents  # their pages use this module's helpers

    app.include_router(router)
    app.include_router(residents.router)
    app.include_router(insight.router)


# ---- signing in and out -------------------------------------------------------------------


@router.get("/sign-in")
def sign_in_page(request: Request, next: str = "/console") -> Response:
    token = auth.sign_in_token(request)
    response = render(request, "sign_in.html", None, csrf=token, next=next, error=None)
    auth.set_cookie(response, request, auth.SIGN_IN_COOKIE, token, max_age=3600)
    return response


@router.post("/sign-in")
def sign_in(
    request: Request,
    email: str = Form(""),
    password: str = Form(""),
    csrf: str = Form(""),
    next: str = Form("/console"),
) -> Response:
    expected = request.cookies.get(auth.SIGN_IN_COOKIE)
    if not staff_service.csrf_ok(expected, csrf):
        raise auth.Forbidden(
            "The sign-in form had expired. Go back, reload the page and sign in again."
        )
    try:
        request.app.state.limiter.check("sign_in", client_address(request))
    except RateLimited as exc:
        error = (
            "There have been too many sign-in attempts from this network. Please wait "
            f"{wait_text(exc.retry_after)} and try again, or ask a team leader to check your "
            "account."
        )
        response = render(request, "sign_in.html", None, status=429, csrf=expected, next=next,
                           error=error, email=email)  # fmt: skip
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    with session_scope(sessions_of(request)) as session:
        retry_after = 0
        try:
            staff = staff_service.authenticate(
                session=session, email=email, password=password,
                address=client_address(request), device=request.cookies.get(auth.DEVICE_COOKIE),
            )  # fmt: skip
        except staff_service.SignInRefused as refused:
            known = staff_service.by_email(session=session, email=email)
            action = "sign_in_slowed" if refused.retry_after else "sign_in_refused"
            audit.record(session=session, staff_id=known.id if known else None, action=action)
            error, retry_after = refused.message, refused.retry_after
        else:
            token, _row = staff_service.start_session(session=session, staff=staff)
            device = staff_throttle.device_token(staff.password_hash)
            audit.record(session=session, staff_id=staff.id, action="signed_in")
            error = None
    if error:
        response = render(request, "sign_in.html", None, status=429 if retry_after else 400,
                           csrf=expected, next=next, error=error, email=email)  # fmt: skip
        if retry_after:
            response.headers["Retry-After"] = str(retry_after)
        return response
    response = RedirectResponse(auth.safe_next(next), status_code=303)
    auth.set_cookie(response, request, auth.COOKIE, token,
                    max_age=int(staff_service.SESSION_LENGTH.total_seconds()))  # fmt: skip
    auth.set_cookie(response, request, auth.DEVICE_COOKIE, device,
                    max_age=auth.DEVICE_DAYS * 24 * 3600)  # fmt: skip
    response.delete_cookie(auth.SIGN_IN_COOKIE, path="/console")
    return response


@router.post("/sign-out")
def sign_out(request: Request, csrf: str = Form("")) -> Response:
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, any_role=True)
        auth.check_csrf(who, csrf)
        get_hub().mark_absent(who.staff.id)
        audit.record(session=session, staff_id=who.staff.id, action="signed_out")
        staff_service.end_session(session=session, token=request.cookies.get(auth.COOKIE))
    response = RedirectResponse("/console/sign-in", status_code=303)
    response.delete_cookie(auth.COOKIE, path="/console")
    return response


# ---- the queue ------------------------------------------------------------------------------


def _queue(session: Session, who: SignedIn) -> list[tuple[Case, str | None, int]]:
    """Each case with who holds it and how many minutes it has waited."""
    offers = None if staff_service.can_lead(who.staff) else list(who.staff.offers or [])
    council = council_service.get_default()
    found = cases.queue(session=session, council_slug=council.slug, offers=offers)
    names = _names(session, {c.claimed_by for c in found if c.claimed_by})
    now = utcnow()

    def waited(case: Case) -> int:
        since = as_utc(case.waiting_since or case.created_at)
        return int((now - since).total_seconds() // 60)

    return [(c, names.get(c.claimed_by), waited(c)) for c in found]


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(Staff.id, Staff.full_name).where(Staff.id.in_(ids))).all()
    return dict(rows)


@router.get("")
def queue_page(request: Request) -> Response:
    with session_scope(sessions_of(request)) as session:
        found = auth.signed_in(request, session)
        if found is not None and found.staff.role == "officer":
            return RedirectResponse("/console/insight", status_code=303)  # their home page
        who = auth.require(request, session)
        rows = _queue(session, who)
        hidden = cases.not_actionable(session=session,
                                      council_slug=council_service.get_default().slug)  # fmt: skip
        return render(request, "queue.html", who, rows=rows, hidden=hidden)


@router.get("/queue")
def queue_fragment(request: Request) -> Response:
    """The queue table alone, which the console's script swaps in when the queue changes."""
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        return render(request, "queue_table.html", who, rows=_queue(session, who))


@router.post("/availability")
def set_availability(request: Request, available: str = Form(""), csrf: str = Form("")):
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        auth.check_csrf(who, csrf)
        who.staff.available = available == "yes"
        hub = get_hub()
        if who.staff.available:
            hub.mark_present(who.staff.id, who.staff.offers or [])
        else:
            hub.mark_absent(who.staff.id)
        audit.record(session=session, staff_id=who.staff.id,
                     action="available" if who.staff.available else "unavailable")  # fmt: skip
    return done(request, "/console")


# ---- a case ---------------------------------------------------------------------------------


def _case(session: Session, who: SignedIn, reference: str) -> Case:
    try:
        case = cases.get(session=session, reference=reference)
    except cases.CaseNotFound:
        raise auth.Forbidden(f"There is no case {reference[:20]}. Check the reference.") from None
    if not cases.visible_to(case, who.staff):
        raise auth.Forbidden(f"Case {case.reference} belongs to another team.")
    return case


def _conversation(session: Session, case: Case):
    if not case.conversation_id:
        return None
    return conversations.get(session=session, conversation_id=case.conversation_id)


@router.get("/cases/{reference}")
def case_page(request: Request, reference: str) -> Response:
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        case = _case(session, who, reference)
        audit.record(session=session, staff_id=who.staff.id, action="opened_case",
                     case_id=case.id)  # fmt: skip
        council = council_service.get_default()
        messages = cases.messages(session=session, case=case)
        notes = cases.notes(session=session, case=case)
        authors = _names(session, {m.staff_id for m in messages if m.staff_id}
                         | {n.staff_id for n in notes}
                         | ({case.claimed_by} if case.claimed_by else set()))  # fmt: skip
        booked = (
            session.execute(
                select(Booking).where(Booking.case_id == case.id).order_by(Booking.starts_at)
            )
            .scalars()
            .all()
        )
        plan = plans.get_by_reference(case.plan_reference, db_session=session) \
            if case.plan_reference else None  # fmt: skip
        holder = cases.holds(case, who.staff)
        slots = []
        if holder and case.status != "closed":
            offered = bookings.find_slots(db_session=session, council=council, offer=case.offer)
            venues = bookings.venues(db_session=session, ids={o.venue_id for o in offered[:8]})
            slots = [(o.id, describe.slot_label(o, venues.get(o.venue_id), council))
                     for o in offered[:8]]  # fmt: skip
        return render(
            request, "case.html", who, case=case, messages=messages, authors=authors,
            notes=notes, holder=holder,
            bookings=[(b, describe.booking_label(b, booking_flows.venue_of(b, db_session=session),
                       council)) for b in booked],
            plan_link=plans.link(plan) if plan else None, slots=slots,
            in_chat=_conversation(session, case) is not None,
            recorded=case_outcomes.of_case(session=session, case=case),
            **outcome_context(council),
            today=council_service.local_today(council), timedelta=timedelta,
            history=audit.recent(session=session, case_id=case.id, limit=50)
            if staff_service.can_lead(who.staff) else [],
        )  # fmt: skip


@router.get("/cases/{reference}/messages")
def case_messages(request: Request, reference: str, after: int = 0) -> Response:
    """Live chat lines after ``after``, for the console's script to catch up after a drop."""
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        case = _case(session, who, reference)
        found = cases.messages(session=session, case=case, after=after)
        names = _names(session, {m.staff_id for m in found if m.staff_id})
        return JSONResponse(
            {
                "messages": [
                    {**handoff.message_out(m), "name": names.get(m.staff_id)} for m in found
                ],
                "status": case.status,
            },
            headers=HEADERS,
        )


def _act(request: Request, reference: str, csrf: str, action):
    """One case action in one unit of work: sign-in, CSRF, the case, then ``action``."""
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        auth.check_csrf(who, csrf)
        case = _case(session, who, reference)
        try:
            result = action(session, who, case)
        except cases.CaseConflict as conflict:
            session.rollback()
            return problem(request, who, conflict.message)
        detail = result if isinstance(result, str) else None
        audit.record(session=session, staff_id=who.staff.id, action=action.__name__,
                     case_id=case.id, detail=detail)  # fmt: skip
        location = f"/console/cases/{case.reference}"
    return done(request, location)


@router.post("/cases/{reference}/claim")
def claim(request: Request, reference: str, csrf: str = Form("")) -> Response:
    def claimed(session, who, case):
        handoff.claim(session=session, case=case, staff=who.staff,
                      conversation=_conversation(session, case), rasa=request.app.state.rasa,
                      hub=get_hub())  # fmt: skip

    return _act(request, reference, csrf, claimed)


def _written(text: str, limit: int, what: str) -> str:
    words = text.strip()
    if not words or len(words) > limit:
        raise cases.CaseConflict(f"Write a {what} of up to {limit:,} characters.")
    return words


@router.post("/cases/{reference}/reply")
def reply(request: Request, reference: str, text: str = Form(""), csrf: str = Form("")):
    def replied(session, who, case):
        words = _written(text, 2000, "reply")
        handoff.reply(session=session, case=case, staff=who.staff, text=words, hub=get_hub())

    return _act(request, reference, csrf, replied)


@router.post("/cases/{reference}/notes")
def note(request: Request, reference: str, text: str = Form(""), csrf: str = Form("")):
    def noted(session, who, case):
        words = _written(text, 5000, "note")
        cases.add_note(session=session, case=case, staff=who.staff, text=words)

    return _act(request, reference, csrf, noted)


@router.post("/cases/{reference}/hand-back")
def hand_back(request: Request, reference: str, csrf: str = Form("")) -> Response:
    def handed_back(session, who, case):
        handoff.hand_back(session=session, case=case, staff=who.staff,
                          conversation=_conversation(session, case),
                          rasa=request.app.state.rasa, hub=get_hub())  # fmt: skip

    return _act(request, reference, csrf, handed_back)


def _day(text: str, council) -> date:
    """A date from the form (the console's date field sends YYYY-MM-DD); today if empty."""
    if not text.strip():
        return council_service.local_today(council)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise cases.CaseConflict("Give the date as day, month and year, for example "
                                 "2026-12-01.") from None  # fmt: skip


def _record_outcome(session, who, case, outcome: str, happened_on: str) -> None:
    council = council_service.get_default()
    try:
        case_outcomes.record(session=session, council=council, case=case, kind=outcome,
                             happened_on=_day(happened_on, council), staff=who.staff)  # fmt: skip
    except case_outcomes.InvalidOutcome as exc:
        raise cases.CaseConflict(str(exc)) from None


@router.post("/cases/{reference}/outcomes")
def add_outcome(request: Request, reference: str, outcome: str = Form(""),
                happened_on: str = Form(""), csrf: str = Form("")) -> Response:  # fmt: skip
    """An outcome while the help goes on (a course started, then a job): the case stays open."""

    def outcome_recorded(session, who, case):
        cases.require_holder(session=session, case=case, staff=who.staff)
        _record_outcome(session, who, case, outcome, happened_on)
        return outcome

    return _act(request, reference, csrf, outcome_recorded)


@router.post("/cases/{reference}/follow-ups")
def add_follow_up(request: Request, reference: str, outcome_id: int = Form(0),
                  weeks: int = Form(0), result: str = Form(""),
                  csrf: str = Form("")) -> Response:  # fmt: skip
    """What a check 13 or 26 weeks after a job start found. Anyone who can see the case may
    record it: the adviser who helped may have moved on by then."""

    def follow_up_recorded(session, who, case):
        try:
            case_outcomes.follow_up(session=session, council=council_service.get_default(),
                                    case=case, outcome_id=outcome_id, weeks=weeks, result=result,
                                    staff=who.staff)  # fmt: skip
        except case_outcomes.InvalidOutcome as exc:
            raise cases.CaseConflict(str(exc)) from None
        return f"{weeks} weeks: {result}"

    return _act(request, reference, csrf, follow_up_recorded)


@router.post("/cases/{reference}/close")
def close(request: Request, reference: str, outcome: str = Form(""),
          happened_on: str = Form(""), csrf: str = Form("")) -> Response:  # fmt: skip
    def closed(session, who, case):
        if not outcome:
            raise cases.CaseConflict("Choose an outcome before closing the case.")
        cases.require_holder(session=session, case=case, staff=who.staff)
        if case_outcomes.recorded(session=session, case=case, kind=outcome) is None:
            _record_outcome(session, who, case, outcome, happened_on)  # else: counted already
        if case.status in cases.LIVE:
            handoff.hand_back(session=session, case=case, staff=who.staff, closing=True,
                              conversation=_conversation(session, case),
                              rasa=request.app.state.rasa, hub=get_hub())  # fmt: skip
        cases.close(session=session, case=case, outcome=outcome)
        handoff.publish_queue(session, get_hub(), case)
        return outcome

    return _act(request, reference, csrf, closed)


@router.post("/cases/{reference}/book")
def book_for_resident(
    request: Request,
    reference: str,
    slot: str = Form(""),
    first_name: str = Form(""),
    contact: str = Form(""),
    consent: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    def booked_for_resident(session, who, case):
        cases.require_holder(session=session, case=case, staff=who.staff)
        if consent != "yes":
            raise cases.CaseConflict(
                "Ask the resident if we may contact them about the appointment, and tick the box."
            )
        if not first_name.strip():
            raise cases.CaseConflict("Give the resident's first name.")
        council = council_service.get_default()
        channel = "in_person" if slot.endswith(tuple("0123456789")) else "phone"
        try:
            booking = booking_flows.book(
                db_session=session, council=council, slot=slot, channel=channel,
                first_name=first_name.strip()[:60], contact_text=contact, case_id=case.id,
            )  # fmt: skip
        except contacts.InvalidContact as exc:
            raise cases.CaseConflict(str(exc)) from None
        except bookings.SlotTaken:
            raise cases.CaseConflict("That time has just been taken. Choose another.") from None
        except bookings.AlreadyBooked:
            raise cases.CaseConflict(
                "This contact already has an appointment to come for this. Move that one to "
                "the new time instead (or cancel it first), so the resident is not booked twice."
            ) from None
        except bookings.UnknownSlot:
            raise cases.CaseConflict(
                "That time is not offered. Choose one from the list."
            ) from None
        label = describe.booking_label(booking, booking_flows.venue_of(booking, db_session=session),
                                       council)  # fmt: skip
        if case.status == "live":
            handoff.notice(session=session, case=case, hub=get_hub(), kind="notice",
                           text=f"{who.staff.first_name} has booked you an appointment: {label}. "
                           f"Your reference is {booking.reference}.")  # fmt: skip
        return booking.reference

    return _act(request, reference, csrf, booked_for_resident)


# ---- follow-ups of job starts ----------------------------------------------------------------


@router.get("/follow-ups")
def follow_ups_page(request: Request) -> Response:
    """Job starts whose 13- or 26-week check is due, for the team to make."""
    council = council_service.get_default()
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        found = case_outcomes.due(session=session, council=council)
        offers = None if staff_service.can_lead(who.staff) else set(who.staff.offers or [])
        shown = [d for d in found if offers is None or d.offer in offers]
        return render(request, "follow_ups.html", who, due=shown)


# ---- appointments, outbox, audit ------------------------------------------------------------


@router.get("/appointments")
def appointments(request: Request) -> Response:
    """Today's appointments: an adviser's own, or everyone's for a team lead."""
    council = council_service.get_default()
    zone = ZoneInfo(council.timezone)
    today = utcnow().astimezone(zone).date()
    start = datetime.combine(today, datetime.min.time(), zone)
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        query = (
            select(Booking, Adviser)
            .join(Adviser, Adviser.id == Booking.adviser_id)
            .where(Booking.status == "confirmed", Booking.starts_at >= start,
                   Booking.starts_at < start + timedelta(days=1))
            .order_by(Adviser.first_name, Booking.starts_at)
        )  # fmt: skip
        if not staff_service.can_lead(who.staff):
            query = query.where(Adviser.key == (who.staff.adviser_key or ""))
        now = utcnow()
        rows = [
            (b, a, describe.booking_label(b, booking_flows.venue_of(b, db_session=session),
                                          council), as_utc(b.starts_at) <= now)
            for b, a in session.execute(query).all()
        ]  # fmt: skip
        references = _names_of_cases(session, {row[0].case_id for row in rows if row[0].case_id})
        return render(request, "appointments.html", who, rows=rows, today=today,
                       cases=references)  # fmt: skip


def _names_of_cases(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Case.id, Case.reference).where(Case.id.in_(ids))).all())


@router.post("/appointments/{reference}/attendance")
def attendance(request: Request, reference: str, attended: str = Form(""), csrf: str = Form("")):
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session)
        auth.check_csrf(who, csrf)
        if attended not in ("attended", "did_not_attend"):
            return problem(request, who, "Choose attended or did not attend.", status=422)
        booking = session.execute(
            select(Booking).where(Booking.reference == reference)
        ).scalar_one_or_none()
        adviser = session.get(Adviser, booking.adviser_id) if booking else None
        mine = adviser is not None and adviser.key == who.staff.adviser_key
        if booking is None or not (mine or staff_service.can_lead(who.staff)):
            return problem(request, who, "There is no appointment of yours with that reference.",
                            status=404)  # fmt: skip
        if as_utc(booking.starts_at) > utcnow():
            return problem(request, who, "You can record attendance once the appointment "
                            "has started.", status=409)  # fmt: skip
        booking_flows.record_attendance(booking, attended == "attended", db_session=session,
                                        council=council_service.get_default())  # fmt: skip
        audit.record(session=session, staff_id=who.staff.id, action=attended,
                     case_id=booking.case_id, detail=booking.reference)  # fmt: skip
    return done(request, "/console/appointments")


@router.get("/outbox")
def outbox(request: Request) -> Response:
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, lead=True)
        return render(request, "outbox.html", who, messages=notify.outbox(db_session=session))


@router.get("/audit")
def audit_log(request: Request) -> Response:
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, lead=True)
        return render(request, "audit.html", who, entries=audit.recent(session=session))


@router.get("/static/{name}")
def static(name: str) -> Response:
    files = {"console.css": "text/css", "console.js": "text/javascript",
             "insight.js": "text/javascript"}  # fmt: skip
    if name not in files:
        return Response(status_code=404)
    return FileResponse(HERE / "static" / name, media_type=files[name],
                        headers={"Cache-Control": "no-cache"})  # fmt: skip


# ---- accounts (admins) ----------------------------------------------------------------------


@router.get("/staff")
def staff_page(request: Request) -> Response:
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, admin=True)
        people = session.execute(select(Staff).order_by(Staff.full_name)).scalars().all()
        slowed = staff_throttle.slowed(
            session=session, emails=[p.email for p in people], now=utcnow()
        )
        locked = {p.id for p in people if p.email in slowed}
        return render(request, "staff.html", who, people=people, locked_ids=locked)


@router.post("/staff")
def add_staff(
    request: Request,
    email: str = Form(""),
    first_name: str = Form(""),
    full_name: str = Form(""),
    role: str = Form("adviser"),
    offers: list[str] = Form([]),
    adviser_key: str = Form(""),
    password: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    """A new account; the admin passes the first password on, and it is never shown again."""
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, admin=True)
        auth.check_csrf(who, csrf)
        try:
            made = staff_service.create(
                session=session, email=email, first_name=first_name,
                full_name=full_name or first_name, password=password, role=role, offers=offers,
                adviser_key=adviser_key.strip() or None,
            )  # fmt: skip
        except staff_service.InvalidAccount as exc:
            session.rollback()
            return problem(request, who, f"No account was created: {exc}.", status=422)
        audit.record(session=session, staff_id=who.staff.id, action="account_created",
                     detail=made.email)  # fmt: skip
    return done(request, "/console/staff")


@router.post("/staff/{staff_id}")
def change_staff(
    request: Request, staff_id: int, change: str = Form(""), csrf: str = Form("")
) -> Response:
    """Let an account slowed by wrong passwords be tried again now, or stop or restart
    someone's access."""
    with session_scope(sessions_of(request)) as session:
        who = auth.require(request, session, admin=True)
        auth.check_csrf(who, csrf)
        person = staff_service.get(session=session, staff_id=staff_id)
        if person is None or change not in ("unlock", "deactivate", "reactivate"):
            return problem(request, who, "There is no such account or change.", status=404)
        if person.id == who.staff.id and change == "deactivate":
            return problem(request, who, "You can't deactivate your own account.")
        if change == "unlock":
            staff_service.unlock(session=session, staff=person)
        else:
            person.active = change == "reactivate"
            if not person.active:
                staff_service.end_sessions(session=session, staff=person)
                insight_keys.revoke_made_by(session=session, staff_id=person.id)
                get_hub().mark_absent(person.id)
        audit.record(session=session, staff_id=who.staff.id, action=f"account_{change}d",
                     detail=person.email)  # fmt: skip
    return done(request, "/console/staff")
