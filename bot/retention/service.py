"""Forget what the privacy notice says is forgotten: conversations and plans after the council's
retention period, and the outbox's copies of messages and the unanswered questions (without
personal data already) once they are that old. The insight's anonymous events stay.

Cases nobody acted on go with them, and appointments booked with no case once they have been
over for as long. Cases a person is involved in stay while they are open, and
for ``case_retention_days`` after they are closed (the council's record of the help given),
then go with their notes, chat and the appointments booked for them that are over.
Run by the background worker (``bot.jobs.worker``) about once an hour.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.booking.models import Booking
from bot.clock import utcnow
from bot.conversation import tracker
from bot.conversation.models import Conversation
from bot.council.models import Council
from bot.handoff.models import Case
from bot.handoff.service import forget_untouched
from bot.insight import unanswered
from bot.notify.models import Notification
from bot.plan.models import Plan
from bot.ratelimit.models import RateCount
from bot.staff import recovery

BATCH = 500  # conversations forgotten per statement, so a backlog never holds long locks


def purge(
    *, db_session: Session, tracker_engine: Engine, council: Council, now: datetime | None = None
) -> dict[str, int]:
    """Delete what is older than this council's retention period from its own records;
    returns how many of each went. The worker runs it for every council."""
    slug = council.slug
    cutoff = (now or utcnow()) - timedelta(days=council.retention_days)
    conversations = 0
    while True:
        ids = list(
            db_session.execute(
                select(Conversation.id)
                .where(Conversation.council_slug == slug, Conversation.last_active_at < cutoff)
                .limit(BATCH)
            ).scalars()
        )
        if not ids:
            break
        for conversation_id in ids:
            tracker.forget(tracker_engine, conversation_id)
        db_session.execute(
            delete(Conversation)
            .where(Conversation.id.in_(ids))
            .execution_options(synchronize_session=False)
        )
        conversations += len(ids)
    plans = db_session.execute(
        delete(Plan)
        .where(Plan.council_slug == slug, Plan.created_at < cutoff)
        .execution_options(synchronize_session=False)
    ).rowcount
    appointments = forget_appointments_without_case(
        db_session=db_session, council_slug=slug, before=cutoff
    )
    cases = forget_untouched(db_session=db_session, council_slug=slug, before=cutoff)
    cases += forget_closed(
        db_session=db_session,
        council_slug=slug,
        before=(now or utcnow()) - timedelta(days=council.case_retention_days),
    )
    messages = db_session.execute(
        delete(Notification)
        .where(
            Notification.council_slug == slug,
            Notification.created_at < cutoff,
            Notification.status != "queued",
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    questions = unanswered.purge(db_session=db_session, council=council, now=now)
    # Counts of bookings by address (hashed) outlive their two windows only until the next use;
    # with no use they go here, as the privacy notice says: after two hours.
    db_session.execute(delete(RateCount).where(RateCount.expires_at < (now or utcnow())))
    recovery.purge_messages(db_session=db_session, now=now)  # they hold a password link
    return {"conversations": conversations, "plans": plans or 0, "messages": messages or 0,
            "cases": cases, "appointments": appointments,
            "unanswered_questions": questions}  # fmt: skip


def forget_closed(*, db_session: Session, council_slug: str, before: datetime) -> int:
    """Delete a council's cases closed before ``before``, with their chat and notes (ON DELETE
    CASCADE), the appointments booked for them that are over, and the messages about those."""
    ids = list(db_session.execute(
        select(Case.id).where(Case.council_slug == council_slug, Case.status == "closed",
                              Case.closed_at < before)
    ).scalars())  # fmt: skip
    if not ids:
        return 0
    _forget_bookings(db_session, Booking.case_id.in_(ids), Booking.ends_at < before)
    for case in db_session.execute(select(Case).where(Case.id.in_(ids))).scalars():
        db_session.delete(case)  # through the ORM, so its messages and notes go with it
    db_session.flush()
    return len(ids)


def forget_appointments_without_case(
    *, db_session: Session, council_slug: str, before: datetime
) -> int:
    """Appointments booked with no case (through the API, or in a chat nobody else acted on)
    are kept for the retention period after they are over, then go with their messages."""
    return _forget_bookings(db_session, Booking.council_slug == council_slug,
                            Booking.case_id.is_(None), Booking.ends_at < before)  # fmt: skip


def _forget_bookings(db_session: Session, *where) -> int:
    """Delete the bookings matching ``where`` and the messages sent about them."""
    db_session.execute(
        delete(Notification)
        .where(Notification.booking_reference.in_(select(Booking.reference).where(*where)))
        .execution_options(synchronize_session=False)
    )
    gone = db_session.execute(
        delete(Booking).where(*where).execution_options(synchronize_session=False)
    )
    return gone.rowcount or 0
