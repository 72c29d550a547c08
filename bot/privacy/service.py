"""Find, copy and erase what is held about one resident.

A resident is known by their reference (one per resident: their case, plan and appointment
share it) and, on the resident's own pages, by the contact they gave with it, which proves the
reference is theirs. An admin finds them by reference or by contact. What is held about them:

- their cases with advisers: answers, summary, the conversation before the handoff, the
  contact, the chat with advisers and advisers' notes (notes are in an admin's copy; the
  resident's own page leaves them out and says they can be asked for);
- their bookings and the texts and emails sent about them;
- their plans, and a conversation still linked to a case, with Rasa's events for it.

Erasure respects the reasons a record must be kept: a case about a danger to the resident
(crisis, losing their home) that an adviser has not closed yet is a safeguarding record, and
stays until it is closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from bot import references
from bot.booking.contact import InvalidContact, parse
from bot.booking.contact import same as same_contact
from bot.booking.models import Booking
from bot.clock import utcnow
from bot.conversation.models import Conversation
from bot.handoff import outcomes as case_outcomes
from bot.handoff.models import URGENT_REASONS, Case, CaseMessage, CaseNote
from bot.notify.models import Notification
from bot.plan.models import Plan
from bot.privacy.models import ErasureRequest
from bot.staff.models import Staff

SAFEGUARDING = (
    "Case {reference} is about a danger to the resident and is still open: it is a "
    "safeguarding record and is kept until an adviser closes it."
)


@dataclass
class Subject:
    """Everything held under one or more of a resident's references."""

    cases: list[Case] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)

    @property
    def references(self) -> list[str]:
        found = [c.reference for c in self.cases] + [b.reference for b in self.bookings]
        return sorted(set(found + [p.reference for p in self.plans]))

    def __bool__(self) -> bool:
        return bool(self.cases or self.bookings or self.plans)


def _contact_of(case: Case) -> str | None:
    return (case.contact or {}).get("value")


def by_reference(reference: str, *, council_slug: str, db_session: Session) -> Subject:
    """What one council holds under a reference, and what is linked to it (a booking's case, a
    case's bookings and plan). Another council's records are never found."""
    code = references.normalise_any(reference)
    if code is None:
        return Subject()
    cases = list(db_session.execute(select(Case).where(
        Case.reference == code, Case.council_slug == council_slug
    )).scalars())  # fmt: skip
    bookings = list(db_session.execute(select(Booking).where(
        Booking.reference == code, Booking.council_slug == council_slug, Booking.status != "held"
    )).scalars())  # fmt: skip
    return _linked(Subject(cases, bookings), council_slug, db_session)


def by_contact(contact: str, *, council_slug: str, db_session: Session) -> Subject:
    """For an admin: everything booked or asked for with a phone number or email address, in
    their own council."""
    try:
        value = parse(contact).value
    except InvalidContact:
        return Subject()
    bookings = [b for b in db_session.execute(select(Booking).where(
        Booking.contact.is_not(None), Booking.council_slug == council_slug,
        Booking.status != "held",
    )).scalars() if same_contact(value, b.contact)]  # fmt: skip
    cases = [c for c in db_session.execute(select(Case).where(
        Case.contact.is_not(None), Case.council_slug == council_slug
    )).scalars() if same_contact(value, _contact_of(c))]  # fmt: skip
    return _linked(Subject(cases, bookings), council_slug, db_session)


def for_resident(
    reference: str, contact: str, *, council_slug: str, db_session: Session
) -> Subject:
    """What a resident may see: held by the council under their reference, when the contact
    they give is the one given with it. Anything else finds nothing, whichever part was wrong."""
    subject = by_reference(reference, council_slug=council_slug, db_session=db_session)
    contacts = [b.contact for b in subject.bookings] + [_contact_of(c) for c in subject.cases]
    if not any(same_contact(contact, stored) for stored in contacts if stored):
        return Subject()
    return subject


def _linked(subject: Subject, council_slug: str, db_session: Session) -> Subject:
    case_ids = {c.id for c in subject.cases} | {b.case_id for b in subject.bookings if b.case_id}
    cases = {c.id: c for c in subject.cases}
    if case_ids - set(cases):
        for case in db_session.execute(select(Case).where(
            Case.id.in_(case_ids), Case.council_slug == council_slug
        )).scalars():  # fmt: skip
            cases[case.id] = case
    bookings = {b.id: b for b in subject.bookings}
    if case_ids:
        for booking in db_session.execute(select(Booking).where(
            Booking.case_id.in_(case_ids), Booking.council_slug == council_slug,
            Booking.status != "held",
        )).scalars():  # fmt: skip
            bookings[booking.id] = booking
    plan_refs = {c.plan_reference for c in cases.values() if c.plan_reference}
    plan_refs |= {c.reference for c in cases.values()} | {b.reference for b in bookings.values()}
    plans = list(db_session.execute(select(Plan).where(
        Plan.reference.in_(plan_refs), Plan.council_slug == council_slug
    )).scalars())  # fmt: skip
    return Subject(sorted(cases.values(), key=lambda c: c.id),
                   sorted(bookings.values(), key=lambda b: b.id), plans)  # fmt: skip


def kept_because(subject: Subject) -> dict[int, str]:
    """The cases that must be kept, by id, with the reason an admin is shown."""
    return {
        case.id: SAFEGUARDING.format(reference=case.reference)
        for case in subject.cases
        if case.reason in URGENT_REASONS and case.status != "closed"
    }


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def export(subject: Subject, *, db_session: Session, with_notes: bool) -> dict:
    """A copy of everything held, as plain data (the JSON download and the readable page)."""
    refs = [b.reference for b in subject.bookings]
    sent = list(db_session.execute(
        select(Notification).where(Notification.booking_reference.in_(refs)).order_by(
            Notification.id)
    ).scalars()) if refs else []  # fmt: skip
    names = dict(db_session.execute(select(Staff.id, Staff.first_name)).all())
    cases = []
    for case in subject.cases:
        chat = db_session.execute(
            select(CaseMessage).where(CaseMessage.case_id == case.id).order_by(CaseMessage.id)
        ).scalars()
        entry = {
            "reference": case.reference, "opened": _when(case.created_at), "reason": case.reason,
            "team": case.offer, "status": case.status, "outcome": case.outcome,
            "answers": case.answers, "summary": case.summary,
            "conversation_before_handoff": case.transcript, "contact": case.contact,
            "call_back_by": _when(case.callback_by),
            "outcomes": [
                {"outcome": o.kind, "happened_on": o.happened_on.isoformat(),
                 "follow_ups": [{"after_weeks": f.weeks, "found": f.result} for f in checks]}
                for o, checks in case_outcomes.of_case(db_session=db_session, case=case)
            ],
            "chat_with_advisers": [
                {"at": _when(m.created_at), "from": m.sender,
                 "name": names.get(m.staff_id) if m.sender == "adviser" else None, "text": m.text}
                for m in chat
            ],
        }  # fmt: skip
        if with_notes:
            notes = db_session.execute(
                select(CaseNote).where(CaseNote.case_id == case.id).order_by(CaseNote.id)
            ).scalars()
            entry["advisers_notes"] = [
                {"at": _when(n.created_at), "by": names.get(n.staff_id), "text": n.text}
                for n in notes
            ]
        cases.append(entry)
    return {
        "references": subject.references,
        "cases": cases,
        "appointments": [
            {"reference": b.reference, "starts": _when(b.starts_at), "how": b.channel,
             "about": b.offer, "status": b.status, "first_name": b.first_name,
             "contact": b.contact, "agreed_to_be_contacted": b.consent,
             "booked": _when(b.created_at), "attendance": b.attendance}
            for b in subject.bookings
        ],
        "messages_sent_to_you": [
            {"sent": _when(n.sent_at or n.created_at), "by": n.medium, "to": n.to,
             "subject": n.subject, "text": n.body, "status": n.status}
            for n in sent
        ],
        "plans": [{"reference": p.reference, "made": _when(p.created_at), "plan": p.content}
                  for p in subject.plans],
    }  # fmt: skip


def erase(subject: Subject, *, db_session: Session) -> dict[str, Any]:
    """Erase everything held but the records that must be kept; says what went and what stayed.
    A booking still to come is erased too: its time is free again. ``conversations`` lists the
    conversations deleted here: the caller forgets them in Rasa (its tracker store and NLU
    cache) once this transaction has committed, so a rollback never leaves half an erasure."""
    kept = kept_because(subject)
    kept_ids = set(kept)
    cases = [c for c in subject.cases if c.id not in kept_ids]
    bookings = [b for b in subject.bookings if b.case_id not in kept_ids]
    kept_plan_refs = {c.plan_reference for c in subject.cases if c.id in kept_ids}
    plans = [p for p in subject.plans if p.reference not in kept_plan_refs]
    linked = [c.conversation_id for c in cases] + [b.conversation_id for b in bookings]
    conversations = sorted({cid for cid in linked + [p.conversation_id for p in plans] if cid})
    if conversations:
        db_session.execute(delete(Conversation).where(Conversation.id.in_(conversations)))
    refs = [b.reference for b in bookings]
    if refs:
        db_session.execute(delete(Notification).where(Notification.booking_reference.in_(refs)))
    for row in [*bookings, *plans, *cases]:  # a case's chat and notes go with it (CASCADE)
        db_session.delete(row)
    db_session.flush()
    return {"cases": len(cases), "appointments": len(bookings), "plans": len(plans),
            "kept": list(kept.values()), "conversations": conversations}  # fmt: skip


# ---- requests from residents -------------------------------------------------------------


def request_erasure(
    reference: str, contact: str, *, council_slug: str, db_session: Session
) -> ErasureRequest:
    code = references.normalise_any(reference) or reference.strip().upper()[:12]
    row = ErasureRequest(council_slug=council_slug, reference=code, contact=parse(contact).value,
                         status="open")  # fmt: skip
    db_session.add(row)
    db_session.flush()
    return row


def open_requests(*, council_slug: str, db_session: Session) -> list[ErasureRequest]:
    return list(db_session.execute(
        select(ErasureRequest)
        .where(ErasureRequest.council_slug == council_slug, ErasureRequest.status == "open")
        .order_by(ErasureRequest.created_at)
    ).scalars())  # fmt: skip


def close_requests(reference: str, *, council_slug: str, db_session: Session, staff_id: int,
                   status: str, outcome: str, now: datetime | None = None) -> int:  # fmt: skip
    """Close a council's open requests for a reference; the contact they held is no longer
    needed."""
    rows = db_session.execute(select(ErasureRequest).where(
        ErasureRequest.council_slug == council_slug,
        ErasureRequest.status == "open",
        or_(ErasureRequest.reference == reference,
            ErasureRequest.reference == (references.normalise_any(reference) or reference)),
    )).scalars().all()  # fmt: skip
    for row in rows:
        row.status, row.contact, row.outcome = status, None, outcome[:300]
        row.handled_by, row.handled_at = staff_id, now or utcnow()
    return len(rows)
