"""Console accounts: passwords (argon2), sign-in slowed by wrong passwords, and server-side
sessions."""

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
from bot.ratelimit.service import wait_text
from bot.staff import throttle
from bot.staff.models import COUNCIL_ROLES, Staff, StaffSession

SESSION_LENGTH = timedelta(hours=9)  # a working day; then sign in again
MIN_PASSWORD = 12

_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
_DECOY = _hasher.hash(secrets.token_urlsafe(16))

WRONG = "The email address or password is not right. Check them and try again."
SLOWED = (
    "There have been several wrong passwords for this email address, so for your security "
    "please wait {wait} before trying again. If you have forgotten your password, ask an "
    "admin to reset it."
)


class SignInRefused(Exception):
    """``retry_after``: seconds to wait, when the refusal was the wait itself."""

    def __init__(self, message: str, retry_after: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class InvalidAccount(ValueError):
    """The details given for a new account cannot be used; the message says why, and
    ``field`` names the detail to change (email, first_name, role, offers or password)."""

    def __init__(self, message: str, field: str = "email") -> None:
        super().__init__(message)
        self.field = field


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def by_email(*, db_session: Session, email: str) -> Staff | None:
    return db_session.execute(
        select(Staff).where(func.lower(Staff.email) == email.strip().lower())
    ).scalar_one_or_none()


def get(*, db_session: Session, staff_id: int) -> Staff | None:
    return db_session.get(Staff, staff_id)


def names(ids: set[int], *, db_session: Session) -> dict[int, str]:
    """Full names by account id, for pages that say who wrote or holds something."""
    if not ids:
        return {}
    rows = db_session.execute(select(Staff.id, Staff.full_name).where(Staff.id.in_(ids))).all()
    return dict(rows)


def everyone(*, db_session: Session, council_slug: str) -> list[Staff]:
    """A council's console accounts (never another council's, nor the deployment's operators)."""
    query = (
        select(Staff)
        .where(Staff.council_slug == council_slug, Staff.role != "operator")
        .order_by(Staff.full_name)
    )
    return list(db_session.execute(query).scalars())


def accounts_by_council(*, db_session: Session) -> dict[str, dict[str, int]]:
    """Accounts per council and role, active or not, for the operator's list of councils
    (counts only: an operator sees no one's details). A council missing here has none."""
    rows = db_session.execute(
        select(Staff.council_slug, Staff.role, func.count())
        .where(Staff.role != "operator")
        .group_by(Staff.council_slug, Staff.role)
    ).all()
    counted: dict[str, dict[str, int]] = {}
    for slug, role, count in rows:
        counted.setdefault(slug, {})[role] = count
    return counted


def create(
    *,
    db_session: Session,
    council_slug: str,
    email: str,
    first_name: str,
    full_name: str,
    password: str,
    role: str = "adviser",
    offers: list[str] | None = None,
    adviser_key: str | None = None,
    roles: tuple[str, ...] = COUNCIL_ROLES,
) -> Staff:
    """A new account with one of ``roles``: a council's admin can make its own staff, never an
    operator (only the deployment's command line can)."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise InvalidAccount(f"{email!r} is not an email address")
    if not first_name.strip():
        raise InvalidAccount("give their first name", field="first_name")
    if role not in roles:
        raise InvalidAccount(f"unknown role {role!r}; use one of {', '.join(roles)}", field="role")
    unknown = set(offers or []) - set(OFFERS)
    if unknown:
        raise InvalidAccount(
            f"unknown offers {sorted(unknown)}; use {', '.join(OFFERS)}", field="offers"
        )
    if len(password) < MIN_PASSWORD:
        raise InvalidAccount(f"passwords need at least {MIN_PASSWORD} characters", field="password")
    if by_email(db_session=db_session, email=email) is not None:
        raise InvalidAccount(f"there is already an account for {email}")
    staff = Staff(
        council_slug=council_slug,
        email=email,
        first_name=first_name.strip(),
        full_name=full_name.strip(),
        role=role,
        offers=list(offers or []),
        adviser_key=adviser_key,
        password_hash=_hasher.hash(password),
        available=False,
        active=True,
    )
    db_session.add(staff)
    db_session.flush()
    return staff


def authenticate(
    *,
    db_session: Session,
    email: str,
    password: str,
    address: str = "",
    device: str | None = None,
    now: datetime | None = None,
) -> Staff:
    """The account, or SignInRefused. Wrong passwords slow further tries down
    (``bot.staff.throttle``) and never lock the account; an unknown email and a wrong password
    get the same answer, the same wait and the same time spent, so accounts cannot be probed."""
    now = now or utcnow()
    staff = by_email(db_session=db_session, email=email or "")
    known = staff is not None and staff.active
    trusted = known and hmac.compare_digest(
        device or "", throttle.device_token(staff.password_hash)
    )
    wait = throttle.wait_seconds(db_session=db_session, email=email, address=address, now=now,
                                 trusted_device=trusted)  # fmt: skip
    if wait > 0:
        raise SignInRefused(SLOWED.format(wait=wait_text(wait)), retry_after=wait)
    if not _verify(staff.password_hash if known else _DECOY, password) or not known:
        throttle.record_failure(db_session=db_session, email=email, address=address, now=now)
        raise SignInRefused(WRONG)
    throttle.signed_in(db_session=db_session, email=email, address=address)
    if _hasher.check_needs_rehash(staff.password_hash):
        staff.password_hash = _hasher.hash(password)
    return staff


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password or "")
    except (VerificationError, InvalidHashError):
        return False


def start_session(
    *, db_session: Session, staff: Staff, now: datetime | None = None
) -> tuple[str, StaffSession]:
    """A new session; the token goes in the cookie and only its hash is kept."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    row = StaffSession(
        token_hash=hash_token(token),
        staff_id=staff.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + SESSION_LENGTH,
    )
    db_session.add(row)
    db_session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
    return token, row


def by_token(
    *, db_session: Session, token: str | None, now: datetime | None = None
) -> tuple[Staff, StaffSession] | None:
    if not token or len(token) > 100:
        return None
    row = db_session.get(StaffSession, hash_token(token))
    if row is None or as_utc(row.expires_at) <= (now or utcnow()):
        return None
    staff = db_session.get(Staff, row.staff_id)
    if staff is None or not staff.active:
        return None
    return staff, row


def end_session(*, db_session: Session, token: str | None) -> None:
    if token:
        db_session.execute(delete(StaffSession).where(StaffSession.token_hash == hash_token(token)))


def end_sessions(*, db_session: Session, staff: Staff) -> None:
    """Sign someone out everywhere (their access was stopped)."""
    db_session.execute(delete(StaffSession).where(StaffSession.staff_id == staff.id))


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected and given) and hmac.compare_digest(str(expected), str(given))


def set_password(*, db_session: Session, staff: Staff, password: str) -> None:
    """A new password (checked by the caller for length): the account is signed out everywhere
    and the wrong passwords counted against it are forgotten."""
    staff.password_hash = _hasher.hash(password)
    end_sessions(db_session=db_session, staff=staff)
    unlock(db_session=db_session, staff=staff)


def unlock(*, db_session: Session, staff: Staff) -> None:
    """Let someone slowed down by wrong passwords (theirs or a guesser's) try again now."""
    throttle.clear(db_session=db_session, email=staff.email)


def can_lead(staff: Staff) -> bool:
    """Team leads and admins see every team's work, the outbox and the audit log."""
    return staff.role in ("team_lead", "admin")
