"""Getting back into the console without an admin: an emailed link that sets a new password.

Asking says the same whatever the email (no account, a stopped account, or one that asked too
often): the console must not tell a stranger who works there. A link works once, for
``LINK_LIFETIME``: the links table keeps only a hash; the message carrying it stays in the outbox
until it is sent and at most ``LINK_LIFETIME`` (the hourly purge, ``purge_messages``). Setting the
password signs the account out everywhere and forgets the wrong passwords counted against it.

Three links an hour per account stop a flood in someone's inbox; a browser the account signed
in with before (its device cookie) is never held back by that, so a stranger asking for links
can't lock the adviser out of getting one.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.booking.contact import Contact
from bot.clock import as_utc, utcnow
from bot.council.models import Council
from bot.notify import service as notify
from bot.notify.models import Notification
from bot.staff import service as staff_service
from bot.staff import throttle
from bot.staff.models import RecoveryLink, Staff

LINK_LIFETIME = timedelta(minutes=30)
LINKS_PER_HOUR = 3  # per account: enough for a lost email, not a flood in someone's inbox
PURPOSE = "console_recovery"  # the outbox never shows these messages' words (the link)


class LinkRefused(ValueError):
    """The link can't be used (unknown, used or out of date), or the password can't be; the
    message says what to do, and ``field`` is the input to change (None: ask for a new link)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def request_link(
    *,
    db_session: Session,
    email: str,
    base_url: str,
    council: Council,
    device: str | None = None,
    now: datetime | None = None,
    welcome: bool = False,
) -> Staff | None:
    """Email a link to the account with this address, if there is an active one that has not
    asked too often; the account it went to (for the audit log), else None. The caller says the
    same to the person asking either way. ``welcome``: a new account's first password, set by
    its owner (no one else ever knows it)."""
    now = now or utcnow()
    staff = staff_service.by_email(db_session=db_session, email=email)
    if staff is None or not staff.active:
        return None
    recent = db_session.execute(
        select(func.count()).where(
            RecoveryLink.staff_id == staff.id, RecoveryLink.created_at > now - timedelta(hours=1)
        )
    ).scalar_one()
    known_browser = bool(device) and hmac.compare_digest(
        device, throttle.device_token(staff.password_hash)
    )
    if recent >= LINKS_PER_HOUR and not known_browser:
        return None
    token = secrets.token_urlsafe(32)
    hashed = staff_service.hash_token(token)
    db_session.add(RecoveryLink(token_hash=hashed, staff_id=staff.id, created_at=now,
                                expires_at=now + LINK_LIFETIME))  # fmt: skip
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    service_name = council.service_name
    notify.queue(
        db_session=db_session,
        council_slug=council.slug,
        contact=Contact("email", staff.email),
        purpose=PURPOSE,
        subject=f"Set {'your' if welcome else 'a new'} password for the {service_name} adviser "
        "console",
        body=_welcome(staff, council, minutes, base_url, token)
        if welcome
        else (
            f"Hello {staff.first_name},\n\nSomeone (we hope you) asked to set a new password for "
            f"the {service_name} adviser console. This link works once, for the next {minutes} "
            f"minutes:\n\n{base_url.rstrip('/')}/console/recover/{token}\n\nIf it wasn't you, "
            "ignore this email: your password stays as it is. Tell your team lead if it keeps "
            "happening."
        ),
        dedupe_key=f"recovery:{hashed[:40]}",
        now=now,
    )
    return staff


def _welcome(staff: Staff, council: Council, minutes: int, base_url: str, token: str) -> str:
    return (
        f"Hello {staff.first_name},\n\nYou are {council.name}'s first admin on the "
        f"{council.service_name} adviser console. Set your password with this link; it works "
        f"once, for the next {minutes} minutes:\n\n{base_url.rstrip('/')}/console/recover/"
        f"{token}\n\nIf it has run out, ask for a new one at {base_url.rstrip('/')}/console/"
        "recover. Then add your colleagues' accounts under Accounts."
    )


def find(*, db_session: Session, token: str, now: datetime | None = None) -> RecoveryLink:
    """The link, if it can still be used; LinkRefused otherwise."""
    now = now or utcnow()
    link = db_session.get(RecoveryLink, staff_service.hash_token(token or ""))
    if link is None or link.used_at is not None or as_utc(link.expires_at) <= now:
        raise LinkRefused(
            "This link has been used or is out of date. Ask for a new one, or ask an admin to "
            "let you try again."
        )
    return link


def redeem(
    *, db_session: Session, token: str, password: str, again: str, now: datetime | None = None
) -> Staff:
    """Set the new password and use the link up: the account is signed out everywhere, its
    wrong passwords forgotten, and every other link it was sent stops working."""
    now = now or utcnow()
    link = find(db_session=db_session, token=token, now=now)
    staff = db_session.get(Staff, link.staff_id)
    if staff is None or not staff.active:
        raise LinkRefused("This account has been stopped. Ask an admin.")
    if len(password) < staff_service.MIN_PASSWORD:
        raise LinkRefused(
            f"Choose a password of {staff_service.MIN_PASSWORD} characters or more.", "password"
        )
    if password != again:
        raise LinkRefused("The two passwords are not the same. Type it again.", "again")
    # Used up in the same statement that checks it is unused: two sends at once set it once.
    taken = db_session.execute(
        update(RecoveryLink)
        .where(RecoveryLink.token_hash == link.token_hash, RecoveryLink.used_at.is_(None))
        .values(used_at=now)
    )
    if taken.rowcount != 1:
        raise LinkRefused("This link has just been used. Sign in with the new password.")
    staff_service.set_password(db_session=db_session, staff=staff, password=password)
    retire(db_session=db_session, staff=staff, now=now)
    return staff


def retire(*, db_session: Session, staff: Staff, now: datetime | None = None) -> None:
    """Every link the account was sent stops working (a password set, an account stopped)."""
    db_session.execute(
        update(RecoveryLink)
        .where(RecoveryLink.staff_id == staff.id, RecoveryLink.used_at.is_(None))
        .values(used_at=now or utcnow())
    )


def purge_messages(*, db_session: Session, now: datetime | None = None) -> int:
    """The outbox's copies of links that can no longer be used: they hold the link itself."""
    before = (now or utcnow()) - LINK_LIFETIME
    gone = db_session.execute(
        delete(Notification).where(
            Notification.purpose == PURPOSE, Notification.created_at < before
        )
    )
    return gone.rowcount or 0
