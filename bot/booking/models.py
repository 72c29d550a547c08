"""Advisers and their bookings.

No adviser can be booked twice for the same time, and the database enforces it, not a check
before the insert: a partial unique index on (adviser, start) for bookings not cancelled, on
both databases, and on PostgreSQL also an exclusion constraint on the time range, so bookings
of different lengths cannot overlap either (migration 0007).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    text,
)

from bot.conversation.models import utcnow
from bot.database.core import Base

ACTIVE = text("status != 'cancelled'")


class Adviser(Base):
    __tablename__ = "advisers"

    id = Column(Integer, primary_key=True)
    first_name = Column(String(60), nullable=False)
    # The offer the adviser's team serves: youth_pathways, working_futures, skills_for_all,
    # employer.
    team = Column(String(40), nullable=False, index=True)
    active = Column(Boolean, nullable=False, default=True)


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = (
        Index(
            "uq_bookings_adviser_time",
            "adviser_id",
            "starts_at",
            unique=True,
            sqlite_where=ACTIVE,
            postgresql_where=ACTIVE,
        ),
    )

    id = Column(Integer, primary_key=True)
    reference = Column(String(8), nullable=False, unique=True)
    adviser_id = Column(ForeignKey("advisers.id"), nullable=False)
    starts_at = Column(DateTime(timezone=True), nullable=False)
    ends_at = Column(DateTime(timezone=True), nullable=False)
    channel = Column(String(20), nullable=False)  # in_person, phone, video
    venue_id = Column(ForeignKey("venues.id", ondelete="SET NULL"), nullable=True)
    # held: kept for the resident while they confirm, until hold_expires_at; then confirmed or
    # cancelled. A lapsed hold is cancelled by the next attempt at the same time.
    status = Column(String(12), nullable=False, default="held")
    hold_expires_at = Column(DateTime(timezone=True), nullable=True)
    first_name = Column(String(60), nullable=True)
    contact = Column(String(254), nullable=True)  # a phone number or an email address
    consent = Column(Boolean, nullable=False, default=False)
    idempotency_key = Column(String(100), nullable=True, unique=True)
    sequence = Column(Integer, nullable=False, default=0)  # iCalendar SEQUENCE, bumped on change
    conversation_id = Column(String(64), nullable=True, index=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
