"""A case: its page, its live messages, what an adviser does with it (claim, reply, note, hand
back, book, record outcomes, close), and the follow-ups of job starts that are due.

Every action is one unit of work that is audit-logged under a fixed name (``Action``): the audit
log must not change when a function is renamed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import Enum

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from bot.audit import service as audit
from bot.booking import contact as contacts
from bot.booking import describe
from bot.booking import flows as booking_flows
from bot.booking import service as bookings
from bot.console import auth
from bot.console.auth import SignedIn
from bot.console.deps import Adviser, DbSession, LiveHub, Rasa, ThisCouncil
from bot.console.pages import HEADERS, done, outcome_context, problem, render, wants_json
from bot.conversation import service as conversations
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.service import covered_by
from bot.handoff import flows as handoff
from bot.handoff import outcomes as case_outcomes
from bot.handoff import service as cases
from bot.handoff.models import Case
from bot.plan import service as plans
from bot.staff import service as staff_service

router = APIRouter(prefix="/console", include_in_schema=False)


class Action(str, Enum):
    """The audit log's name for each thing an adviser does to a case."""

    CLAIMED = "claimed"
    REPLIED = "replied"
    NOTED = "noted"
    HANDED_BACK = "handed_back"
    OUTCOME_RECORDED = "outcome_recorded"
    FOLLOW_UP_RECORDED = "follow_up_recorded"
    CLOSED = "closed"
    BOOKED_FOR_RESIDENT = "booked_for_resident"


class FieldProblem(cases.CaseConflict):
    """What the adviser typed or chose can't be used: the case page comes back with an error
    summary linking to ``field`` (the id of the input to change), and what they typed kept."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _case(db_session: Session, who: SignedIn, reference: str) -> Case:
    try:
        case = cases.get(db_session=db_session, reference=reference)
        if case.council_slug not in covered_by(who.staff.council_slug):  # as if there were none
            raise cases.CaseNotFound(reference)
    except cases.CaseNotFound:
        raise auth.Forbidden(f"There is no case {reference[:20]}. Check the reference.") from None
    if not cases.visible_to(case, who.staff):
        raise auth.Forbidden(f"Case {case.reference} belongs to another team.")
    return case


def _council_of(case: Case) -> Council:
    """The council whose case it is: its numbers, advisers and outcome rules."""
    return council_service.get(case.council_slug)


def _conversation(db_session: Session, case: Case):
    if not case.conversation_id:
        return None
    return conversations.get(db_session=db_session, conversation_id=case.conversation_id)


@router.get("/cases/{reference}")
def case_page(request: Request, reference: str, who: Adviser, db_session: DbSession) -> Response:
    case = _case(db_session, who, reference)
    audit.record(db_session=db_session, staff_id=who.staff.id, action="opened_case",
                 case_id=case.id)  # fmt: skip
    return _show(request, who, db_session, case)


def _show(
    request: Request, who: SignedIn, db_session: Session, case: Case,
    status: int = 200, given: dict[str, str] | None = None, **problem_context,
) -> Response:  # fmt: skip
    council = _council_of(case)  # a combined authority's staff act for the case's own council
    messages = cases.messages(db_session=db_session, case=case)
    notes = cases.notes(db_session=db_session, case=case)
    authors = staff_service.names(
        {m.staff_id for m in messages if m.staff_id} | {n.staff_id for n in notes}
        | ({case.claimed_by} if case.claimed_by else set()),
        db_session=db_session,
    )  # fmt: skip
    plan = plans.get_by_reference(case.plan_reference, db_session=db_session) \
        if case.plan_reference else None  # fmt: skip
    holder = cases.holds(case, who.staff)
    slots = []
    if holder and case.status != "closed":
        offered = bookings.find_slots(db_session=db_session, council=council, offer=case.offer)
        venues = bookings.venues(db_session=db_session, ids={o.venue_id for o in offered[:8]})
        slots = [(o.id, describe.slot_label(o, venues.get(o.venue_id), council))
                 for o in offered[:8]]  # fmt: skip
    booked = [
        (b, describe.booking_label(b, booking_flows.venue_of(b, db_session=db_session), council))
        for b in bookings.of_case(case.id, db_session=db_session)
    ]
    history = audit.recent(db_session=db_session, council_slug=case.council_slug,
                           case_id=case.id, limit=50) \
        if staff_service.can_lead(who.staff) else []  # fmt: skip
    return render(
        request, "case.html", who, case=case, messages=messages, authors=authors, notes=notes,
        holder=holder, bookings=booked, plan_link=plans.link(plan) if plan else None,
        slots=slots, in_chat=_conversation(db_session, case) is not None,
        recorded=case_outcomes.of_case(db_session=db_session, case=case),
        **outcome_context(council), today=council_service.local_today(council),
        timedelta=timedelta, history=history, status=status, given=given, **problem_context,
    )  # fmt: skip


@router.get("/cases/{reference}/messages")
def case_messages(reference: str, who: Adviser, db_session: DbSession, after: int = 0) -> Response:
    """Live chat lines after ``after``, for the console's script to catch up after a drop."""
    case = _case(db_session, who, reference)
    found = cases.messages(db_session=db_session, case=case, after=after)
    names = staff_service.names({m.staff_id for m in found if m.staff_id}, db_session=db_session)
    lines = [{**handoff.message_out(m), "name": names.get(m.staff_id)} for m in found]
    return JSONResponse({"messages": lines, "status": case.status}, headers=HEADERS)


CaseStep = Callable[[Session, SignedIn, Case], "str | None"]


def _act(
    request: Request,
    who: SignedIn,
    db_session: Session,
    reference: str,
    csrf: str,
    name: Action,
    step: CaseStep,
    given: dict[str, str] | None = None,
) -> Response:
    """One case action in one unit of work: CSRF, the case, ``step``, then the audit line.
    A step returns a short detail for the audit log, or None. ``given`` is what the form sent,
    shown again if a field must be changed."""
    auth.check_csrf(who, csrf)
    case = _case(db_session, who, reference)
    try:
        detail = step(db_session, who, case)
    except FieldProblem as wrong:
        db_session.rollback()
        if wants_json(request):
            return problem(request, who, wrong.message, status=422)
        return _show(request, who, db_session, case, status=422,
                     error_list=[(wrong.field, wrong.message)], given=given)  # fmt: skip
    except cases.CaseConflict as conflict:
        db_session.rollback()
        return problem(request, who, conflict.message)
    audit.record(db_session=db_session, staff_id=who.staff.id, action=name.value,
                 case_id=case.id, detail=detail)  # fmt: skip
    return done(request, f"/console/cases/{case.reference}")


@router.post("/cases/{reference}/claim")
def claim(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    rasa: Rasa, hub: LiveHub, csrf: str = Form(""),
) -> Response:  # fmt: skip
    def step(db_session, who, case):
        handoff.claim(db_session=db_session, case=case, staff=who.staff,
                      conversation=_conversation(db_session, case), rasa=rasa,
                      hub=hub)  # fmt: skip

    return _act(request, who, db_session, reference, csrf, Action.CLAIMED, step)


def _written(text: str, limit: int, what: str, field: str) -> str:
    words = text.strip()
    if not words:
        raise FieldProblem(field, f"Write the {what}.")
    if len(words) > limit:
        raise FieldProblem(field, f"Write a {what} of up to {limit:,} characters.")
    return words


@router.post("/cases/{reference}/reply")
def reply(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    hub: LiveHub, text: str = Form(""), csrf: str = Form(""),
) -> Response:  # fmt: skip
    def step(db_session, who, case):
        words = _written(text, 2000, "reply", "reply")
        handoff.reply(db_session=db_session, case=case, staff=who.staff, text=words, hub=hub)

    return _act(request, who, db_session, reference, csrf, Action.REPLIED, step)


@router.post("/cases/{reference}/notes")
def note(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    text: str = Form(""), csrf: str = Form(""),
) -> Response:  # fmt: skip
    def step(db_session, who, case):
        words = _written(text, 5000, "note", "note")
        cases.add_note(db_session=db_session, case=case, staff=who.staff, text=words)

    return _act(request, who, db_session, reference, csrf, Action.NOTED, step)


@router.post("/cases/{reference}/hand-back")
def hand_back(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    rasa: Rasa, hub: LiveHub, csrf: str = Form(""),
) -> Response:  # fmt: skip
    def step(db_session, who, case):
        handoff.hand_back(db_session=db_session, case=case, staff=who.staff,
                          conversation=_conversation(db_session, case), rasa=rasa,
                          hub=hub)  # fmt: skip

    return _act(request, who, db_session, reference, csrf, Action.HANDED_BACK, step)


def _day(text: str, council: Council, field: str) -> date:
    """A date from the form (the console's date field sends YYYY-MM-DD); today if empty."""
    if not text.strip():
        return council_service.local_today(council)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FieldProblem(field, "Give the date as day, month and year, for example "
                                  "2026-12-01.") from None  # fmt: skip


def _record_outcome(
    db_session: Session, who: SignedIn, case: Case, council: Council, outcome: str, on: str,
    fields: tuple[str, str],
) -> None:  # fmt: skip
    """``fields``: the ids of the form's outcome and date inputs, for an error to point at."""
    kind_field, date_field = fields
    try:
        case_outcomes.record(db_session=db_session, council=council, case=case, kind=outcome,
                             happened_on=_day(on, council, date_field),
                             staff=who.staff)  # fmt: skip
    except case_outcomes.InvalidOutcome as exc:
        raise FieldProblem(date_field if exc.field == "date" else kind_field, str(exc)) from None


@router.post("/cases/{reference}/outcomes")
def add_outcome(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    outcome: str = Form(""), happened_on: str = Form(""),
    csrf: str = Form(""),
) -> Response:  # fmt: skip
    """An outcome while the help goes on (a course started, then a job): the case stays open."""

    def step(db_session, who, case):
        cases.require_holder(db_session=db_session, case=case, staff=who.staff)
        _record_outcome(db_session, who, case, _council_of(case), outcome, happened_on,
                        ("new-outcome", "new-outcome-date"))  # fmt: skip
        return outcome

    return _act(request, who, db_session, reference, csrf, Action.OUTCOME_RECORDED,
                step)  # fmt: skip


@router.post("/cases/{reference}/follow-ups")
def add_follow_up(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    outcome_id: int = Form(0), weeks: int = Form(0),
    result: str = Form(""), csrf: str = Form(""),
) -> Response:  # fmt: skip
    """What a check 13 or 26 weeks after a job start found. Anyone who can see the case may
    record it: the adviser who helped may have moved on by then."""

    def step(db_session, who, case):
        try:
            case_outcomes.follow_up(db_session=db_session, council=_council_of(case), case=case,
                                    outcome_id=outcome_id, weeks=weeks, result=result,
                                    staff=who.staff)  # fmt: skip
        except case_outcomes.InvalidOutcome as exc:
            raise cases.CaseConflict(str(exc)) from None
        return f"{weeks} weeks: {result}"

    return _act(request, who, db_session, reference, csrf, Action.FOLLOW_UP_RECORDED,
                step)  # fmt: skip


@router.post("/cases/{reference}/close")
def close(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    rasa: Rasa, hub: LiveHub, outcome: str = Form(""),
    happened_on: str = Form(""), csrf: str = Form(""),
) -> Response:  # fmt: skip
    def step(db_session, who, case):
        cases.require_holder(db_session=db_session, case=case, staff=who.staff)
        rules = outcome_context(_council_of(case))["outcomes"]
        first = f"outcome-{next(iter(rules))}"  # the first choice: where the error links to
        if not outcome:
            raise FieldProblem(first, "Choose an outcome before closing the case.")
        if case_outcomes.recorded(db_session=db_session, case=case, kind=outcome) is None:
            _record_outcome(db_session, who, case, _council_of(case), outcome, happened_on,
                            (first, "close-date"))  # fmt: skip
        if case.status in cases.LIVE:
            handoff.hand_back(db_session=db_session, case=case, staff=who.staff, closing=True,
                              conversation=_conversation(db_session, case), rasa=rasa,
                              hub=hub)  # fmt: skip
        cases.close(db_session=db_session, case=case, outcome=outcome)
        handoff.publish_queue(db_session, hub, case)
        return outcome

    return _act(request, who, db_session, reference, csrf, Action.CLOSED, step)


# What a refused booking is told, by the reason the booking service gave.
_NOT_BOOKED = {
    bookings.SlotTaken: "That time has just been taken. Choose another.",
    bookings.AlreadyBooked: "This contact already has an appointment to come for this. Move "
    "that one to the new time instead (or cancel it first), so the resident is not booked twice.",
    bookings.UnknownSlot: "That time is not offered. Choose one from the list.",
}


@router.post("/cases/{reference}/book")
def book_for_resident(
    request: Request, reference: str, who: Adviser, db_session: DbSession,
    hub: LiveHub, slot: str = Form(""), first_name: str = Form(""),
    contact: str = Form(""), consent: str = Form(""), csrf: str = Form(""),
) -> Response:  # fmt: skip
    def step(db_session, who, case):
        cases.require_holder(db_session=db_session, case=case, staff=who.staff)
        if not first_name.strip():
            raise FieldProblem("first_name", "Give the resident's first name.")
        if consent != "yes":
            raise FieldProblem(
                "consent",
                "Ask the resident if we may contact them about the appointment, and tick the box.",
            )
        channel = "in_person" if slot.endswith(tuple("0123456789")) else "phone"
        try:
            booking = booking_flows.book(
                db_session=db_session, council=_council_of(case), slot=slot, channel=channel,
                first_name=first_name.strip()[:60], contact_text=contact, case_id=case.id,
            )  # fmt: skip
        except contacts.InvalidContact as exc:
            raise FieldProblem("contact", str(exc)) from None
        except tuple(_NOT_BOOKED) as exc:
            said = next(m for kind, m in _NOT_BOOKED.items() if isinstance(exc, kind))
            raise FieldProblem("book-times", said) from None  # the times, even if none are left
        venue = booking_flows.venue_of(booking, db_session=db_session)
        label = describe.booking_label(booking, venue, _council_of(case))
        if case.status == "live":
            handoff.notice(db_session=db_session, case=case, hub=hub, kind="notice",
                           text=f"{who.staff.first_name} has booked you an appointment: {label}. "
                           f"Your reference is {booking.reference}.")  # fmt: skip
        return booking.reference

    given = {"first_name": first_name, "contact": contact}
    return _act(request, who, db_session, reference, csrf, Action.BOOKED_FOR_RESIDENT,
                step, given)  # fmt: skip


@router.get("/follow-ups")
def follow_ups_page(
    request: Request, who: Adviser, db_session: DbSession, council: ThisCouncil
) -> Response:
    """Job starts whose 13- or 26-week check is due, for the team to make."""
    found = case_outcomes.due(db_session=db_session, council=council)
    offers = None if staff_service.can_lead(who.staff) else set(who.staff.offers or [])
    shown = [d for d in found if offers is None or d.offer in offers]
    return render(request, "follow_ups.html", who, due=shown)
