"""Forget what the privacy notice says is forgotten: conversations and plans after the council's
retention period, and the outbox's copies of messages once they are that old.

Bookings stay, and so do cases a person is involved in: the notice tells residents that what
they give to book or to be contacted is kept as part of their case. Cases nobody acted on go.
Run by the background worker (``bot.notify.worker``) about once an hour.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.conversation import tracker
from bot.conversation.models import Conversation
from bot.council.models import Council
from bot.handoff.service import forget_untouched
from bot.notify.models import Notification
from bot.plan.models import Plan

BATCH = 500  # conversations forgotten per statement, so a backlog never holds long locks


def purge(
    *, db_session: Session, tracker_engine: Engine, council: Council, now: datetime | None = None
) -> dict[str, int]:
    """Delete what is older than the retention period; returns how many of each went."""
    cutoff = (now or utcnow()) - timedelta(days=council.retention_days)
    conversations = 0
    while True:
        ids = list(
            db_session.execute(
                select(Conversation.id).where(Conversation.last_active_at < cutoff).limit(BATCH)
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
        delete(Plan).where(Plan.created_at < cutoff).execution_options(synchronize_session=False)
    ).rowcount
    cases = forget_untouched(session=db_session, before=cutoff)
    messages = db_session.execute(
        delete(Notification)
        .where(Notification.created_at < cutoff, Notification.status != "queued")
        .execution_options(synchronize_session=False)
    ).rowcount
    return {"conversations": conversations, "plans": plans or 0, "messages": messages or 0,
            "cases": cases}  # fmt: skip
