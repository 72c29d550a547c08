"""What the insight keeps: anonymous events, unanswered questions, and reporting tools' keys.

Events outlive the conversations and cases they tell of (retention deletes those), so they
carry no free text, no name, contact or id of a resident, an age band instead of an age, and a
postcode district at most: every value is one of a closed set (``bot.insight.events``).
"""

from __future__ import annotations

import secrets

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base


class InsightEvent(Base):
    __tablename__ = "insight_events"
    __table_args__ = (Index("ix_insight_events_report", "council_slug", "occurred_on", "kind"),)

    # Random, not a sequence: events written in one turn must not be tied together by
    # neighbouring ids (an assessment's district and age band to the reason it was routed).
    id = Column(String(32), primary_key=True, default=lambda: secrets.token_hex(16))
    council_slug = Column(String(40), nullable=False)
    kind = Column(String(30), nullable=False)
    # The council's local date only: a time of day would help tie an event to a person.
    occurred_on = Column(Date, nullable=False)
    channel = Column(String(10), nullable=True)  # web, kiosk
    offer = Column(String(40), nullable=True)
    detail = Column(String(40), nullable=True)  # the kind's own closed set (a reason, a code)
    result = Column(String(20), nullable=True)
    age_band = Column(String(8), nullable=True)
    district = Column(String(4), nullable=True)  # postcode district ("DB1"), never more
    minutes = Column(Integer, nullable=True)  # a wait, rounded


class UnansweredQuestion(Base):
    """A resident's message the assistant could not help with, with personal data taken out
    before it was stored (``bot.insight.scrub``); kept for the council's retention period."""

    __tablename__ = "unanswered_questions"
    __table_args__ = (Index("ix_unanswered_report", "council_slug", "asked_on"),)

    id = Column(Integer, primary_key=True)
    council_slug = Column(String(40), nullable=False)
    kind = Column(String(20), nullable=False)  # not_understood, out_of_scope, no_results
    text = Column(String(300), nullable=False)
    asked_on = Column(Date, nullable=False)
    handled_at = Column(UTCDateTime, nullable=True)
    handled_by = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)


class InsightKey(Base):
    """A key a council's own reporting tools use to read its insight. Only a hash is stored."""

    __tablename__ = "insight_keys"

    id = Column(Integer, primary_key=True)
    council_slug = Column(String(40), nullable=False)
    name = Column(String(80), nullable=False)
    key_hash = Column(String(64), nullable=False, unique=True)
    created_by = Column(ForeignKey("staff.id", ondelete="SET NULL"), nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_used_at = Column(UTCDateTime, nullable=True)
    revoked_at = Column(UTCDateTime, nullable=True)
