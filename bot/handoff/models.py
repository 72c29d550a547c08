"""Cases: what an adviser needs to help a resident without asking them again."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base

# Why the case exists; the queue puts a crisis first, then residents waiting to chat.
REASONS = ("crisis", "housing", "asked", "not_understood", "assessment")
# open: for an adviser to pick up; waiting: the resident waits in the chat for an adviser;
# live: an adviser is chatting with them; callback: they asked to be phoned; closed: done.
STATUSES = ("open", "waiting", "live", "callback", "closed")
# A home about to be lost is urgent (the council must help within 56 days), after danger now.
# Cases any adviser may see and take, whatever their team.
URGENT_REASONS = ("crisis", "housing")
URGENCY = {"crisis": 0, "housing": 1, "asked": 1, "not_understood": 2, "assessment": 3}


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_queue", "status", "urgency", "created_at"),)

    id = Column(Integer, primary_key=True)
    reference = Column(String(9), nullable=False, unique=True)
    council_slug = Column(String(40), nullable=False)
    # Cleared when the resident ends the chat: the case stays, the conversation is forgotten.
    conversation_id = Column(String(64), nullable=True, index=True)
    reason = Column(String(20), nullable=False)
    urgency = Column(Integer, nullable=False)  # lower first (URGENCY)
    offer = Column(String(40), nullable=False)  # the team that takes it
    status = Column(String(10), nullable=False, default="open")
    answers = Column(JSON, nullable=False, default=list)  # [{"question", "answer"}]
    routing = Column(JSON, nullable=False, default=dict)  # offers, entitlements, referrals
    plan_reference = Column(String(9), nullable=True)
    summary = Column(Text, nullable=False, default="")
    transcript = Column(JSON, nullable=False, default=list)  # [{"from", "text"}] before handoff
    # How the resident wants to hear from us: {"how": "chat"|"phone"|"email", "value", "name"}.
    contact = Column(JSON(none_as_null=True), nullable=True)  # None is SQL NULL, not "null"
    callback_by = Column(UTCDateTime, nullable=True)
    claimed_by = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    claimed_at = Column(UTCDateTime, nullable=True)
    waiting_since = Column(UTCDateTime, nullable=True)
    outcome = Column(String(20), nullable=True)  # a key of councils/outcomes/*.yml
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)
    closed_at = Column(UTCDateTime, nullable=True)


class CaseMessage(Base):
    """One message of a live chat, in order: the resident's, the adviser's, or a notice."""

    __tablename__ = "case_messages"

    id = Column(Integer, primary_key=True)
    case_id = Column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    sender = Column(String(10), nullable=False)  # resident, adviser, system
    kind = Column(String(20), nullable=True)  # for system lines: adviser_joined, adviser_left
    staff_id = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    text = Column(Text, nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)


class CaseNote(Base):
    """An adviser's note: for colleagues, never shown to the resident."""

    __tablename__ = "case_notes"

    id = Column(Integer, primary_key=True)
    case_id = Column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    staff_id = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    text = Column(Text, nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)


class CaseOutcome(Base):
    """What happened for a resident, with the date it happened, as an adviser recorded it."""

    __tablename__ = "case_outcomes"

    id = Column(Integer, primary_key=True)
    case_id = Column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    kind = Column(String(30), nullable=False)  # a key of councils/outcomes/*.yml
    happened_on = Column(Date, nullable=False)
    recorded_by = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    recorded_at = Column(UTCDateTime, nullable=False, default=utcnow)


class FollowUp(Base):
    """A check 13 or 26 weeks after a job start: is the resident still in work?"""

    __tablename__ = "outcome_follow_ups"
    __table_args__ = (UniqueConstraint("outcome_id", "weeks"),)  # each check once

    id = Column(Integer, primary_key=True)
    outcome_id = Column(
        ForeignKey("case_outcomes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    weeks = Column(Integer, nullable=False)
    result = Column(String(20), nullable=False)  # sustained, not_sustained, no_contact
    recorded_by = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    recorded_at = Column(UTCDateTime, nullable=False, default=utcnow)
