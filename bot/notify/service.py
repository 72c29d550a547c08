"""Queue messages to residents, and send what is due through GOV.UK Notify's own client.

``queue`` writes into the caller's transaction; ``deliver_due`` is called by the worker
(``bot.jobs.worker``). A failure Notify may recover from (timeouts, 429, 5xx) is retried with
growing waits; one it will not (a bad number or template, 400 and 403) fails at once so the
console shows it for a person to follow up.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.booking.contact import Contact
from bot.clock import utcnow
from bot.config import get_settings
from bot.council.models import Council
from bot.notify.models import Notification

log = logging.getLogger(__name__)
RETRY_WAITS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30),
               timedelta(hours=2))  # fmt: skip
BATCH = 50


class Client(Protocol):
    def send_email_notification(self, email_address: str, template_id: str, **kw: Any) -> dict: ...
    def send_sms_notification(self, phone_number: str, template_id: str, **kw: Any) -> dict: ...


def configured() -> bool:
    return bool(get_settings().notify_api_key)


def client() -> Client:
    """Notify's official client, pointed at ``NOTIFY_BASE_URL`` (a fake in tests)."""
    from notifications_python_client.notifications import NotificationsAPIClient

    settings = get_settings()
    return NotificationsAPIClient(
        settings.notify_api_key,
        base_url=settings.notify_base_url,
        timeout=settings.notify_timeout_seconds,
    )


def queue(
    *,
    db_session: Session,
    council_slug: str,
    contact: Contact,
    purpose: str,
    subject: str,
    body: str,
    dedupe_key: str,
    booking_reference: str | None = None,
    now: datetime | None = None,
) -> Notification | None:
    """Add a message to the outbox; None when the same message (by ``dedupe_key``) is there."""
    now = now or utcnow()
    message = Notification(
        council_slug=council_slug,
        medium="email" if contact.kind == "email" else "sms",
        to=contact.value,
        purpose=purpose,
        subject=subject[:200],
        body=body,
        booking_reference=booking_reference,
        dedupe_key=dedupe_key[:120],
        status="queued" if configured() else "held",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    try:
        with db_session.begin_nested():
            db_session.add(message)
    except IntegrityError:
        return None
    return message


def _due(db_session: Session, council_slug: str, now: datetime) -> list[Notification]:
    stmt = (
        select(Notification)
        .where(
            Notification.council_slug == council_slug,
            Notification.status == "queued",
            Notification.next_attempt_at <= now,
        )
        .order_by(Notification.next_attempt_at)
        .limit(BATCH)
    )
    if db_session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)  # several workers share the queue
    return list(db_session.execute(stmt).scalars())


def _permanent(exc: Exception) -> bool:
    status = getattr(exc, "status_code", None)
    return isinstance(status, int) and 400 <= status < 500 and status != 429


def _send(message: Notification, council: Council, notify: Client) -> str | None:
    templates = council.notify
    if message.medium == "email":
        if not templates.email_template_id:
            raise LookupError("no email template configured (notify.email_template_id)")
        response = notify.send_email_notification(
            email_address=message.to,
            template_id=templates.email_template_id,
            personalisation={"subject": message.subject, "body": message.body},
            reference=message.dedupe_key,
        )
    else:
        if not templates.sms_template_id:
            raise LookupError("no text message template configured (notify.sms_template_id)")
        response = notify.send_sms_notification(
            phone_number=message.to,
            template_id=templates.sms_template_id,
            personalisation={"body": message.body},
            reference=message.dedupe_key,
        )
    return (response or {}).get("id")


def deliver_due(
    *,
    db_session: Session,
    council: Council,
    notify: Client | None = None,
    now: datetime | None = None,
) -> dict[str, int]:
    """Send the queued messages that are due; returns how many were sent, retried, failed."""
    now = now or utcnow()
    counts = {"sent": 0, "retry": 0, "failed": 0}
    due = _due(db_session, council.slug, now)
    if not due:
        return counts
    notify = notify or client()
    for message in due:
        message.attempts += 1
        try:
            message.notify_id = _send(message, council, notify)
        except Exception as exc:  # the client raises requests' and its own errors
            reason = f"{type(exc).__name__}: {getattr(exc, 'message', None) or exc}"[:300]
            message.last_error = reason
            if (
                isinstance(exc, LookupError)
                or _permanent(exc)
                or (message.attempts > len(RETRY_WAITS))
            ):
                message.status = "failed"
                counts["failed"] += 1
                log.warning("notification %s failed: %s", message.id, reason)
            else:
                message.next_attempt_at = now + RETRY_WAITS[message.attempts - 1]
                counts["retry"] += 1
            continue
        message.status, message.sent_at, message.last_error = "sent", now, None
        counts["sent"] += 1
    db_session.flush()
    return counts


def outbox(*, db_session: Session, council_slug: str, limit: int = 100) -> list[Notification]:
    """A council's messages a person should look at: held (no Notify key) and failed, newest
    first."""
    return list(
        db_session.execute(
            select(Notification)
            .where(
                Notification.council_slug == council_slug,
                Notification.status.in_(("held", "failed")),
            )
            .order_by(Notification.created_at.desc())
            .limit(limit)
        ).scalars()
    )
