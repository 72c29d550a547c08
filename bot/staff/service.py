"""Console accounts: passwords (argon2), sign-in with lockout, and server-side sessions."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.booking.models import OFFERS
from bot.clock import as_utc, utcnow
from bot.staff.models import ROLES, Staff, StaffSession

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
SESSION_LENGTH = timedelta(hours=9)  # a working day; then sign in again
MIN_PASSWORD = 12

_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
_DECOY = _hasher.hash(secrets.token_urlsafe(16))

WRONG = "The email address or password is not right. Check them and try again."
LOCKED = (
    "This account is locked for 15 minutes after too many wrong passwords. "
    "Try again later, or ask an admin to unlock it."
)


class SignInRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidAccount(ValueError):
    """The details given for a new account cannot be used; the message says why."""


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def by_email(*, session: Session, email: str) -> Staff | None:
    return session.execute(
        select(Staff).where(func.lower(Staff.email) == email.strip().lower())
    ).scalar_one_or_none()


def get(*, session: Session, staff_id: int) -> Staff | None:
    return session.get(Staff, staff_id)


def create(
    *,
    session: Session,
    email: str,
    first_name: str,
    full_name: str,
    password: str,
    role: str = "adviser",
    offers: list[str] | None = None,
    adviser_key: str | None = None,
) -> Staff:
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise InvalidAccount(f"{email!r} is not an email address")
    if role not in ROLES:
        raise InvalidAccount(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    unknown = set(offers or []) - set(OFFERS)
    if unknown:
        raise InvalidAccount(f"unknown offers {sorted(unknown)}; use {', '.join(OFFERS)}")
    if len(password) < MIN_PASSWORD:
        raise InvalidAccount(f"passwords need at least {MIN_PASSWORD} characters")
    if by_email(session=session, email=email) is not None:
        raise InvalidAccount(f"there is already an account for {email}")
    staff = Staff(
        email=email,
        first_name=first_name.strip(),
        full_name=full_name.strip(),
        role=role,
        offers=list(offers or []),
        adviser_key=adviser_key,
        password_hash=_hasher.hash(password),
        failed_logins=0,
        available=False,
        active=True,
    )
    session.add(staff)
    session.flush()
    return staff


def authenticate(
    *, session: Session, email: str, password: str, now: datetime | None = None
) -> Staff:
    """The account, or SignInRefused. Five wrong passwords lock it for 15 minutes; the same
    message serves an unknown email and a wrong password, so accounts cannot be probed."""
    now = now or utcnow()
    staff = by_email(session=session, email=email or "")
    if staff is None or not staff.active:
        _verify(_DECOY, password)
        raise SignInRefused(WRONG)
    if staff.locked_until is not None and as_utc(staff.locked_until) > now:
        raise SignInRefused(LOCKED)
    if not _verify(staff.password_hash, password):
        staff.failed_logins = (staff.failed_logins or 0) + 1
        if staff.failed_logins >= MAX_FAILURES:
            staff.locked_until, staff.failed_logins = now + LOCKOUT, 0
            raise SignInRefused(LOCKED)
        raise SignInRefused(WRONG)
    staff.failed_logins, staff.locked_until = 0, None
    if _hasher.check_needs_rehash(staff.password_hash):
        staff.password_hash = _hasher.hash(password)
    return staff


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password or "")
    except (VerificationError, InvalidHashError):
        return False


def start_session(
    *, session: Session, staff: Staff, now: datetime | None = None
) -> tuple[str, StaffSession]:
    """A new session; the token goes in the cookie and only its hash is kept."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    row = StaffSession(
        token_hash=_hash_token(token),
        staff_id=staff.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + SESSION_LENGTH,
    )
    session.add(row)
    session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
    return token, row


def by_token(
    *, session: Session, token: str | None, now: datetime | None = None
) -> tuple[Staff, StaffSession] | None:
    if not token or len(token) > 100:
        return None
    row = session.get(StaffSession, _hash_token(token))
    if row is None or as_utc(row.expires_at) <= (now or utcnow()):
        return None
    staff = session.get(Staff, row.staff_id)
    if staff is None or not staff.active:
        return None
    return staff, row


def end_session(*, session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(StaffSession).where(StaffSession.token_hash == _hash_token(token)))


def end_sessions(*, session: Session, staff: Staff) -> None:
    """Sign someone out everywhere (their access was stopped)."""
    session.execute(delete(StaffSession).where(StaffSession.staff_id == staff.id))


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected and given) and hmac.compare_digest(str(expected), str(given))


def unlock(*, session: Session, staff: Staff) -> None:
    staff.failed_logins, staff.locked_until = 0, None


def can_lead(staff: Staff) -> bool:
    """Team leads and admins see every team's work, the outbox and the audit log."""
    return staff.role in ("team_lead", "admin")
