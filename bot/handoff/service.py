"""Cases: open one per conversation, queue them, claim them, and keep their messages and notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import case as when
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot import references
from bot.booking.models import Booking
from bot.clock import utcnow
from bot.council.service import covered_by
from bot.handoff.context import CaseContext
from bot.handoff.models import STATUSES, URGENCY, URGENT_REASONS, Case, CaseMessage, CaseNote
from bot.staff.models import Staff
from bot.staff.service import can_lead

LIVE = ("waiting", "live")


class CaseNotFound(LookupError):
    pass


class CaseConflict(Exception):
    """Another adviser has the case, or it is no longer in a state for this action."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def get(*, db_session: Session, reference: str) -> Case:
    code = references.normalise_any(reference)
    found = (
        code and db_session.execute(select(Case).where(Case.reference == code)).scalar_one_or_none()
    )
    if not found:
        raise CaseNotFound(reference)
    return found


def for_conversation(*, db_session: Session, conversation_id: str) -> Case | None:
    """The conversation's case still in progress, if any (one per conversation)."""
    return db_session.execute(
        select(Case)
        .where(Case.conversation_id == conversation_id, Case.status != "closed")
        .order_by(Case.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def references_of(ids: set[int], *, db_session: Session) -> dict[int, str]:
    """Case references by case id, for pages that link an appointment to its case."""
    if not ids:
        return {}
    return dict(db_session.execute(select(Case.id, Case.reference).where(Case.id.in_(ids))).all())


def live_for_conversation(*, db_session: Session, conversation_id: str) -> Case | None:
    found = for_conversation(db_session=db_session, conversation_id=conversation_id)
    return found if found is not None and found.status in LIVE else None


def open_case(
    *,
    db_session: Session,
    council_slug: str,
    conversation_id: str,
    reason: str,
    offer: str,
    context: CaseContext,
    plan_reference: str | None = None,
    reference: str | None = None,
) -> Case:
    """Open the conversation's case, or bring its case up to date: the most urgent reason
    wins, and the answers, summary and transcript are the latest. A new case takes the
    ``reference`` the resident already has (from a plan or a booking), if given."""
    now = utcnow()
    found = for_conversation(db_session=db_session, conversation_id=conversation_id)
    if found is None:
        found = Case(
            reference=reference or references.new(references.LENGTH),
            council_slug=council_slug,
            conversation_id=conversation_id,
            reason=reason,
            urgency=URGENCY[reason],
            offer=offer,
            status="open",
            created_at=now,
        )
        db_session.add(found)
    elif URGENCY[reason] < found.urgency:
        found.reason, found.urgency = reason, URGENCY[reason]
    if found.claimed_by is None:
        found.offer = offer  # the team can change as the assessment learns more
    found.answers = [a.dict() for a in context.answers]
    found.routing = context.routing
    found.summary = context.summary
    found.transcript = [s.dict() for s in context.transcript]
    found.plan_reference = plan_reference or found.plan_reference
    found.updated_at = now
    db_session.flush()
    return found


def queue(
    *, db_session: Session, council_slugs: Iterable[str], offers: list[str] | None
) -> list[Case]:
    """Cases an adviser can act on: a crisis first, then residents waiting in the chat, then
    the rest, each by how long it has waited. ``offers`` limits it to an adviser's teams; a
    crisis and a resident waiting in the chat are shown to everyone (see ``visible_to``).

    Not listed: assessments finished (or misunderstandings) by residents who asked for nothing
    and left no contact. Nobody can act on them, and an evening's worth would bury the
    residents who are waiting; the insight counts them instead."""
    query = select(Case).where(
        Case.council_slug.in_(sorted(council_slugs)),
        Case.status != "closed",
        ~nothing_to_act_on(),
    )
    if offers is not None:
        query = query.where(
            (Case.offer.in_(offers))
            | (Case.reason.in_(URGENT_REASONS))
            | (Case.status == "waiting")
        )
    waiting_first = when((Case.status == "waiting", 0), (Case.status == "callback", 1), else_=2)
    return list(
        db_session.execute(
            query.order_by(Case.urgency, waiting_first, Case.created_at).limit(200)
        ).scalars()
    )


def open_by_status(*, db_session: Session) -> dict[str, int]:
    """How many cases are in each status but closed (zero included), for the queue gauge."""
    found = dict(
        db_session.execute(
            select(Case.status, func.count()).where(Case.status != "closed").group_by(Case.status)
        ).all()
    )
    return {status: found.get(status, 0) for status in STATUSES if status != "closed"}


def not_actionable(*, db_session: Session, council_slugs: Iterable[str]) -> int:
    """How many open cases the queue leaves out (``queue``)."""
    return (
        db_session.execute(
            select(func.count(Case.id)).where(
                Case.council_slug.in_(sorted(council_slugs)), nothing_to_act_on()
            )
        ).scalar()
        or 0
    )


def nothing_to_act_on():
    """Open cases no adviser can act on: those ``untouched``, and requests for a person made
    out of hours by residents who then left no way to reach them (no chat, call back or
    booking). Those stay, as the privacy notice promises, for when the resident comes back
    with their reference; they are just not in the queue."""
    return untouched() | (
        (Case.reason == "asked")
        & (Case.status == "open")
        & Case.claimed_by.is_(None)
        & Case.contact.is_(None)
        & _nobody_acted()
    )


def untouched():
    """Cases nobody has acted on, opened only because the assessment ended or the assistant
    misunderstood (no contact asked for, no adviser, no booking, no adviser's note or message):
    they are the conversation's, and are forgotten with it, as the privacy notice says. What an
    adviser wrote is their record of the help given and keeps its case."""
    return (
        Case.reason.in_(("assessment", "not_understood"))
        & (Case.status == "open")
        & Case.claimed_by.is_(None)
        & Case.contact.is_(None)
        & _nobody_acted()
    )


def _nobody_acted():
    """No booking, no adviser's note and no adviser's message on the case."""
    return (
        ~select(Booking.id).where(Booking.case_id == Case.id).exists()
        & ~select(CaseNote.id).where(CaseNote.case_id == Case.id).exists()
        & ~select(CaseMessage.id)
        .where(CaseMessage.case_id == Case.id, CaseMessage.sender == "adviser")
        .exists()
    )


def forget_untouched(*, db_session: Session, conversation_id: str | None = None,
                     council_slug: str | None = None,
                     before: datetime | None = None) -> int:  # fmt: skip
    """Delete untouched cases of one conversation, or a council's last changed before a time."""
    query = delete(Case).where(untouched())
    if council_slug is not None:
        query = query.where(Case.council_slug == council_slug)
    if conversation_id is not None:
        query = query.where(Case.conversation_id == conversation_id)
    if before is not None:
        query = query.where(Case.updated_at < before)
    return db_session.execute(query.execution_options(synchronize_session=False)).rowcount or 0


def visible_to(case: Case, staff: Staff) -> bool:
    """Within their own council: advisers see their teams' cases; anyone may help a resident
    in crisis or one waiting in the chat; team leads and admins see everything. Officers see no
    case: they see counts. Nobody sees another council's cases."""
    if staff.role == "officer" or case.council_slug not in covered_by(staff.council_slug):
        return False
    return (
        can_lead(staff)
        or case.offer in (staff.offers or [])
        or case.reason in URGENT_REASONS
        or case.status == "waiting"
        or case.claimed_by == staff.id
    )


def claim(*, db_session: Session, case: Case, staff: Staff) -> Case:
    """Take the case. One conditional UPDATE, so two advisers pressing at once cannot both
    win; the loser is told who has it."""
    if case.claimed_by == staff.id:
        return case
    done = db_session.execute(
        update(Case)
        .where(Case.id == case.id, Case.claimed_by.is_(None), Case.status != "closed")
        .values(claimed_by=staff.id, claimed_at=utcnow(), updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    db_session.refresh(case)
    if not done:
        raise CaseConflict(conflict_message(db_session=db_session, case=case))
    return case


def conflict_message(*, db_session: Session, case: Case) -> str:
    if case.status == "closed":
        return f"Case {case.reference} is closed, so it can't be changed."
    holder = db_session.get(Staff, case.claimed_by) if case.claimed_by else None
    if holder is None:
        return f"Case {case.reference} is not claimed yet. Claim it first."
    at = case.claimed_at.strftime("%H:%M") if case.claimed_at else ""
    return (
        f"{holder.full_name} claimed case {case.reference}{' at ' + at if at else ''}, so only "
        "they can act on it. Ask them or a team lead if it needs to move."
    )


def holds(case: Case, staff: Staff) -> bool:
    """Whether this person may act on the case: its holder, or a team lead stepping in."""
    return case.claimed_by is not None and (case.claimed_by == staff.id or can_lead(staff))


def require_holder(*, db_session: Session, case: Case, staff: Staff) -> None:
    if case.status == "closed" or not holds(case, staff):
        raise CaseConflict(conflict_message(db_session=db_session, case=case))


def add_message(
    *,
    db_session: Session,
    case: Case,
    sender: str,
    text: str,
    staff_id: int | None = None,
    kind: str | None = None,
) -> CaseMessage:
    message = CaseMessage(case_id=case.id, sender=sender, text=text, staff_id=staff_id, kind=kind)
    db_session.add(message)
    case.updated_at = utcnow()
    db_session.flush()
    return message


def messages(*, db_session: Session, case: Case, after: int = 0) -> list[CaseMessage]:
    return list(
        db_session.execute(
            select(CaseMessage)
            .where(CaseMessage.case_id == case.id, CaseMessage.id > after)
            .order_by(CaseMessage.id)
        ).scalars()
    )


def said_to_resident(
    *, db_session: Session, conversation_id: str, after: int = 0
) -> list[tuple[CaseMessage, str | None]]:
    """What advisers and the service said in this conversation's live chats after ``after``,
    with the adviser's first name: a resident's reconnecting chat catches up from here."""
    rows = db_session.execute(
        select(CaseMessage, Staff.first_name)
        .join(Case, Case.id == CaseMessage.case_id)
        .outerjoin(Staff, Staff.id == CaseMessage.staff_id)
        .where(
            Case.conversation_id == conversation_id,
            CaseMessage.id > after,
            (CaseMessage.sender == "adviser")
            | ((CaseMessage.sender == "system") & CaseMessage.kind.is_not(None)),
        )
        .order_by(CaseMessage.id)
        .limit(100)
    ).all()
    return [tuple(row) for row in rows]


def add_note(*, db_session: Session, case: Case, staff: Staff, text: str) -> CaseNote:
    note = CaseNote(case_id=case.id, staff_id=staff.id, text=text)
    db_session.add(note)
    db_session.flush()
    return note


def notes(*, db_session: Session, case: Case) -> list[CaseNote]:
    return list(
        db_session.execute(
            select(CaseNote).where(CaseNote.case_id == case.id).order_by(CaseNote.id)
        ).scalars()
    )


def close(*, db_session: Session, case: Case, outcome: str, now: datetime | None = None) -> Case:
    """Close with the outcome that ends the help (recorded first: ``bot.handoff.outcomes``)."""
    case.status, case.outcome = "closed", outcome
    case.closed_at = case.updated_at = now or utcnow()
    return case
