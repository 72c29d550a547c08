"""Messages to residents (appointment confirmations, changes, reminders): an outbox table.

Every message is written in the same transaction as the change it tells of, so none is lost
when Notify is slow or down: a worker sends what is queued and retries failures. With no Notify
key configured, messages are kept as ``held`` and shown in the adviser console, so a person can
pass them on and nothing is silently dropped.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Text

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base

STATUSES = ("queued", "sent", "failed", "held")


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_due", "status", "next_attempt_at"),)

    id = Column(Integer, primary_key=True)
    # Whose message: sent with that council's Notify templates, and kept for its retention.
    council_slug = Column(String(40), nullable=False, index=True)
    medium = Column(String(8), nullable=False)  # email or sms
    to = Column(String(254), nullable=False)
    purpose = Column(String(40), nullable=False)  # booking_confirmed, booking_changed, ...
    subject = Column(String(200), nullable=False)
    body = Column(Text, nullable=False)
    booking_reference = Column(String(12), nullable=True, index=True)
    # Stops the same message being queued twice (a reminder by two workers, a retried request).
    dedupe_key = Column(String(120), nullable=False, unique=True)
    status = Column(String(8), nullable=False, default="queued")
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(UTCDateTime, nullable=True)
    last_error = Column(String(300), nullable=True)
    notify_id = Column(String(64), nullable=True)  # Notify's id for the message, once sent
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    sent_at = Column(UTCDateTime, nullable=True)
