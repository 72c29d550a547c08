"""The council's people who use the adviser console: advisers, team leads and admins."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base

# What each role may do grows with the role: a team lead sees every team's cases, today's
# appointments for everyone, the outbox, the audit log and the insight; an admin also manages
# accounts. An officer (the council's employment and skills officer) sees the insight only:
# counts, never a resident's case. An operator runs the deployment, not a council: they add
# councils and a new council's first admin, and see no council's residents, cases or counts. An
# operator's account is filed under the home council (the column can't be empty) but is none of
# its staff: its admins neither see nor change it.
ROLES = ("adviser", "team_lead", "admin", "officer", "operator")
COUNCIL_ROLES = ROLES[:-1]


class Staff(Base):
    __tablename__ = "staff"

    id = Column(Integer, primary_key=True)
    # The council whose console this is: its cases, appointments, residents and colleagues are
    # all they see. An email address has one account (one council) in a deployment.
    council_slug = Column(String(40), nullable=False, index=True)
    email = Column(String(254), nullable=False, unique=True)
    first_name = Column(String(60), nullable=False)  # what residents see in a live chat
    full_name = Column(String(120), nullable=False)
    role = Column(String(12), nullable=False, default="adviser")
    # The offers whose cases this person takes (youth_pathways, working_futures, ...).
    offers = Column(JSON, nullable=False, default=list)
    # The rota's key for the same person, so "today's appointments" finds their bookings.
    adviser_key = Column(String(60), nullable=True)
    password_hash = Column(String(200), nullable=False)
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


class SignInFailure(Base):
    """Wrong passwords counted for an email address (whether or not it has an account, so the
    counting says nothing about which do), alone and together with the network address they
    came from. Only hashes are stored, and a count is forgotten an hour after its last
    failure (``bot.staff.throttle``)."""

    __tablename__ = "sign_in_failures"

    key = Column(String(64), primary_key=True)  # the email alone, or the email and the address
    account = Column(String(64), nullable=False, index=True)  # the email alone
    failures = Column(Integer, nullable=False, default=0)
    last_failed_at = Column(UTCDateTime, nullable=False, index=True)


class RecoveryLink(Base):
    """A link, emailed to an adviser who can't sign in, that sets a new password once. Only a
    hash of its token is stored; it works for ``recovery.LINK_LIFETIME`` and then never again."""

    __tablename__ = "staff_recovery_links"

    token_hash = Column(String(64), primary_key=True)
    staff_id = Column(ForeignKey("staff.id", ondelete="CASCADE"), nullable=False, index=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    expires_at = Column(UTCDateTime, nullable=False)
    used_at = Column(UTCDateTime, nullable=True)
