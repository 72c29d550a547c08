"""Wrong passwords slow sign-in down; they never lock an account.

A lock after five wrong passwords let anyone shut an adviser out with five requests, and told
an attacker which emails had accounts (only they were ever locked). Here every email address
typed is counted the same way, known or not, so the answers cannot tell them apart:

- per email and network address: after 3 wrong passwords each try waits 1 s, 2 s, 4 s... up to
  15 minutes, so guessing from one place is slow;
- per email from anywhere: after 10, up to 5 minutes, so guessing from many places is slow too,
  while the adviser at their own desk waits minutes at worst, never hours.

A count is forgotten an hour after its last failure; signing in correctly clears that address's
count, and an admin's "unlock" clears them all. A browser that signed in to the account before
(a cookie only the server can make) is not held back by failures from elsewhere. Only hashes of
emails and addresses are kept.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.clock import as_utc
from bot.staff.models import SignInFailure

FREE_TRIES_FROM_ONE_PLACE, LONGEST_FROM_ONE_PLACE = 3, 15 * 60
FREE_TRIES_FROM_ANYWHERE, LONGEST_FROM_ANYWHERE = 10, 5 * 60
FORGET_AFTER = timedelta(hours=1)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(("worklocal-sign-in", *parts)).encode()).hexdigest()


def _keys(email: str, address: str) -> tuple[str, str]:
    """The email alone, and the email with the network address."""
    email = (email or "").strip().lower()
    return _digest(email), _digest(email, address)


def delay_after(failures: int, free: int, longest: int) -> int:
    """Seconds a try must wait after ``failures`` wrong passwords: none for the first ``free``,
    then doubling from one second."""
    if failures < free:
        return 0
    return min(longest, 2 ** min(failures - free, 20))


def wait_seconds(
    *, db_session: Session, email: str, address: str, now: datetime, trusted_device: bool = False
) -> int:
    """Whole seconds before this email may be tried again from this address (0: now). A
    browser the account signed in from before (``trusted_device``) waits only for the failures
    from its own address: a guesser elsewhere cannot keep its owner waiting."""
    account, pair = _keys(email, address)
    rows = {row.key: row for row in db_session.execute(
        select(SignInFailure).where(SignInFailure.key.in_((account, pair)))
    ).scalars()}  # fmt: skip
    waits = [0.0]
    limits = (
        (pair, FREE_TRIES_FROM_ONE_PLACE, LONGEST_FROM_ONE_PLACE),
        (account, FREE_TRIES_FROM_ANYWHERE, LONGEST_FROM_ANYWHERE),
    )
    for key, free, longest in limits:
        if trusted_device and key == account:
            continue
        row = rows.get(key)
        if row is None or now - as_utc(row.last_failed_at) > FORGET_AFTER:
            continue
        until = as_utc(row.last_failed_at) + timedelta(
            seconds=delay_after(row.failures, free, longest)
        )
        waits.append((until - now).total_seconds())
    return math.ceil(max(waits))


def record_failure(*, db_session: Session, email: str, address: str, now: datetime) -> None:
    """Count one wrong password, atomically (tries at once must not lose a count)."""
    account, pair = _keys(email, address)
    db_session.execute(
        delete(SignInFailure).where(SignInFailure.last_failed_at < now - FORGET_AFTER)
    )
    for key in (account, pair):
        if _counted(db_session, key, now):
            continue
        try:
            with db_session.begin_nested():
                db_session.add(SignInFailure(key=key, account=account, failures=1,
                                          last_failed_at=now))  # fmt: skip
        except IntegrityError:  # another process counted the first failure meanwhile
            _counted(db_session, key, now)
    db_session.flush()


def _counted(db_session: Session, key: str, now: datetime) -> bool:
    done = db_session.execute(
        update(SignInFailure)
        .where(SignInFailure.key == key)
        .values(failures=SignInFailure.failures + 1, last_failed_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    return bool(done)


def device_token(password_hash: str) -> str:
    """What a browser keeps after signing in to an account: it changes with the password, and
    only the server, which holds the hash, can make it."""
    return hmac.new(password_hash.encode(), b"worklocal trusted device", hashlib.sha256).hexdigest()


def signed_in(*, db_session: Session, email: str, address: str) -> None:
    """The right password from here: this address's count goes (the count from anywhere stays,
    so a correct sign-in cannot reset a guesser's delay elsewhere)."""
    db_session.execute(delete(SignInFailure).where(SignInFailure.key == _keys(email, address)[1]))


def clear(*, db_session: Session, email: str) -> None:
    """An admin's unlock: every count for this email, from everywhere."""
    db_session.execute(delete(SignInFailure).where(SignInFailure.account == _keys(email, "")[0]))


def slowed(*, db_session: Session, emails: list[str], now: datetime) -> set[str]:
    """Of ``emails``, those with wrong passwords counted in the last hour: the accounts an
    admin may want to unlock."""
    by_account = {_keys(email, "")[0]: email for email in emails}
    found = db_session.execute(
        select(SignInFailure.account).where(
            SignInFailure.account.in_(by_account),
            SignInFailure.last_failed_at >= now - FORGET_AFTER,
        )
    ).scalars()
    return {by_account[account] for account in found}
