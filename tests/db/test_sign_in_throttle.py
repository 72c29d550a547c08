"""Wrong passwords slow sign-in down and never lock an account; a known and an unknown email
are answered alike (bot/staff/throttle.py). On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import utcnow
from bot.database import migrate
from bot.database.core import make_engine, session_factory, session_scope
from bot.staff import service as staff
from bot.staff import throttle

PASSWORD = "a-long-enough-password"
HOME, ELSEWHERE = "203.0.113.5", "198.51.100.7"


@pytest.fixture
def sessions(database_url):
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    factory = session_factory(engine)
    with session_scope(factory) as db:
        staff.create(db_session=db, council_slug="demo", email="callum@demo.example",
                     first_name="Callum",
                     full_name="Callum Reid", password=PASSWORD)  # fmt: skip
    yield factory
    engine.dispose()


def _try(factory, email, password, address, now, device=None):
    """What the sign-in page would answer: 'ok', 'wrong' or the seconds to wait."""
    with session_scope(factory) as db:
        try:
            staff.authenticate(db_session=db, email=email, password=password, address=address,
                               device=device, now=now)  # fmt: skip
        except staff.SignInRefused as refused:
            return refused.retry_after or "wrong"
        return "ok"


@pytest.mark.parametrize("email", ["callum@demo.example", "nobody@demo.example"])
def test_a_known_and_an_unknown_email_are_slowed_alike(sessions, email):
    now = utcnow()
    answers = [_try(sessions, email, "guess", HOME, now) for _ in range(3)]
    assert answers == ["wrong", "wrong", "wrong"]
    assert _try(sessions, email, "guess", HOME, now) == 1  # then wait a second
    later = now + timedelta(seconds=1)
    assert _try(sessions, email, "guess", HOME, later) == "wrong"
    assert _try(sessions, email, "guess", HOME, later) == 2  # doubling


def test_a_guesser_elsewhere_never_locks_the_adviser_out(sessions):
    at = utcnow()
    for _ in range(12):  # a guesser who waits out every delay, from their own address
        answer = _try(sessions, "callum@demo.example", "guess", ELSEWHERE, at)
        if answer != "wrong":
            at += timedelta(seconds=answer)
            answer = _try(sessions, "callum@demo.example", "guess", ELSEWHERE, at)
        assert answer == "wrong"
    # From anywhere the account now waits a little; at their desk the adviser gets in after it.
    wait = _try(sessions, "callum@demo.example", PASSWORD, HOME, at)
    assert 0 < wait <= throttle.LONGEST_FROM_ANYWHERE
    assert (
        _try(sessions, "callum@demo.example", PASSWORD, HOME, at + timedelta(seconds=wait)) == "ok"
    )


def test_signing_in_clears_only_that_place_and_an_admin_clears_everything(sessions):
    now = utcnow()
    for _ in range(3):
        _try(sessions, "callum@demo.example", "guess", HOME, now)
        _try(sessions, "callum@demo.example", "guess", ELSEWHERE, now)
    with session_scope(sessions) as db:
        assert throttle.slowed(db_session=db, emails=["callum@demo.example"], now=now)
        staff.unlock(
            db_session=db, staff=staff.by_email(db_session=db, email="callum@demo.example")
        )
        assert not throttle.slowed(db_session=db, emails=["callum@demo.example"], now=now)
    assert _try(sessions, "callum@demo.example", PASSWORD, ELSEWHERE, now) == "ok"


def test_counts_are_forgotten_an_hour_after_the_last_wrong_password(sessions):
    now = utcnow()
    for _ in range(5):
        _try(sessions, "nobody@demo.example", "guess", HOME, now)
    assert _try(sessions, "nobody@demo.example", "guess", HOME, now) > 0
    an_hour_on = now + throttle.FORGET_AFTER + timedelta(seconds=1)
    answers = [_try(sessions, "nobody@demo.example", "guess", HOME, an_hour_on) for _ in range(4)]
    assert answers == ["wrong", "wrong", "wrong", 1]  # counted from the start again


def test_the_delays_double_from_one_second_to_their_ceiling():
    assert [throttle.delay_after(n, 3, 900) for n in range(2, 8)] == [0, 1, 2, 4, 8, 16]
    assert throttle.delay_after(40, 3, 900) == 900


def test_a_guesser_who_keeps_failing_cannot_keep_the_adviser_s_own_browser_waiting(sessions):
    with session_scope(sessions) as db:
        own = throttle.device_token(
            staff.by_email(db_session=db, email="callum@demo.example").password_hash
        )
    at = utcnow()
    for _ in range(14):  # failing from elsewhere at every chance it gets
        answer = _try(sessions, "callum@demo.example", "guess", ELSEWHERE, at)
        if answer != "wrong":
            at += timedelta(seconds=answer)
            _try(sessions, "callum@demo.example", "guess", ELSEWHERE, at)
    assert _try(sessions, "callum@demo.example", PASSWORD, HOME, at) != "ok"  # a new browser waits
    assert _try(sessions, "callum@demo.example", PASSWORD, HOME, at, device=own) == "ok"
    assert _try(sessions, "callum@demo.example", PASSWORD, HOME, at, device="forged") != "ok"


def test_failures_at_the_same_moment_are_all_counted(sessions):
    from concurrent.futures import ThreadPoolExecutor

    now = utcnow()

    def fail(_) -> None:
        with session_scope(sessions) as db:
            throttle.record_failure(
                db_session=db, email="nobody@demo.example", address=HOME, now=now
            )

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(fail, range(8)))
    with session_scope(sessions) as db:
        from sqlalchemy import select

        from bot.staff.models import SignInFailure

        counts = db.execute(select(SignInFailure.failures)).scalars().all()
    assert sorted(counts) == [8, 8]  # the email alone, and the email with the address
