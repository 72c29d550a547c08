"""The council's people who use the adviser console: advisers, team leads and admins."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base

# What each role may do grows with the role: a team lead sees every team's cases, today's
# appointments for everyone, the outbox and the audit log; an admin also manages accounts.
ROLES = ("adviser", "team_lead", "admin")


class Staff(Base):
    __tablename__ = "staff"

    id = Column(Integer, primary_key=True)
    email = Column(String(254), nullable=False, unique=True)
    first_name = Column(String(60), nullable=False)  # what residents see in a live chat
    full_name = Column(String(120), nullable=False)
    role = Column(String(12), nullable=False, default="adviser")
    # The offers whose cases this person takes (youth_pathways, working_futures, ...).
    offers = Column(JSON, nullable=False, default=list)
    # The rota's key for the same person, so "today's appointments" finds their bookings.
    adviser_key = Column(String(60), nullable=True)
    password_hash = Column(String(200), nullable=False)
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(UTCDateTime, nullable=True)
    # Whether they take live chats when their console is open (presence needs both).
    available = Column(Boolean, nullable=False, default=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)


class StaffSession(Base):
    """A signed-in browser. Only a hash of the cookie's token is stored, so a copy of the
    database cannot be used to sign in."""

    __tablename__ = "staff_sessions"

    token_hash = Column(String(64), primary_key=True)
    staff_id = Column(ForeignKey("staff.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    expires_at = Column(UTCDateTime, nullable=False)
