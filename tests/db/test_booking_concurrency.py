"""No adviser is ever booked twice: the database decides, under real concurrency."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from bot.booking import service
from bot.booking.models import Adviser, Booking
from bot.database import migrate
from bot.database.core import make_engine, session_factory, session_scope

START = datetime(2027, 2, 2, 9, 30, tzinfo=timezone.utc)
SLOTS = [(START + timedelta(hours=i), START + timedelta(hours=i, minutes=45)) for i in range(10)]


def _active(db, adviser_id: int) -> int:
    """Bookings and live holds the adviser has, counted by the database."""
    return db.execute(
        select(func.count()).where(Booking.adviser_id == adviser_id, Booking.status != "cancelled")
    ).scalar_one()


@pytest.fixture
def sessions(database_url):
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    factory = session_factory(engine)
    with session_scope(factory) as db:
        adviser = Adviser(
            council_slug="demo", first_name="Amy", team="working_futures", active=True
        )
        db.add(adviser)
    yield factory, adviser.id
    engine.dispose()


def _attempt(factory, adviser_id, slot, barrier, key=None):
    barrier.wait()
    try:
        with session_scope(factory) as db:
            booking = service.book(
                db_session=db, adviser_id=adviser_id, starts_at=slot[0], ends_at=slot[1],
                channel="in_person", idempotency_key=key,
            )  # fmt: skip
            return booking.reference
    except service.SlotTaken:
        return None


def test_200_simultaneous_attempts_at_10_slots_make_exactly_10_bookings(sessions):
    factory, adviser_id = sessions
    barrier = threading.Barrier(200)
    with ThreadPoolExecutor(200) as pool:
        results = list(
            pool.map(lambda i: _attempt(factory, adviser_id, SLOTS[i % 10], barrier), range(200))
        )
    made = [r for r in results if r]
    assert len(made) == 10 and len(set(made)) == 10
    with session_scope(factory) as db:
        assert _active(db, adviser_id) == 10


def test_a_retried_request_with_the_same_key_gets_the_same_booking(sessions):
    factory, adviser_id = sessions
    barrier = threading.Barrier(20)
    with ThreadPoolExecutor(20) as pool:
        results = list(
            pool.map(
                lambda _: _attempt(factory, adviser_id, SLOTS[0], barrier, key="req-1"), range(20)
            )
        )
    assert len(set(results)) == 1 and results[0] is not None  # one booking, every retry sees it


def test_a_lapsed_hold_frees_the_time_and_a_live_one_does_not(sessions):
    factory, adviser_id = sessions
    slot = SLOTS[3]
    with session_scope(factory) as db:
        held = service.book(
            db_session=db, adviser_id=adviser_id, starts_at=slot[0], ends_at=slot[1],
            channel="phone", hold=True, now=START - timedelta(hours=1),
        )  # fmt: skip
    assert held.status == "held"
    with pytest.raises(service.SlotTaken), session_scope(factory) as db:  # still held
        service.book(
            db_session=db, adviser_id=adviser_id, starts_at=slot[0], ends_at=slot[1],
            channel="phone", now=START - timedelta(hours=1) + timedelta(minutes=5),
        )  # fmt: skip
    with session_scope(factory) as db:  # the hold has lapsed
        booking = service.book(
            db_session=db, adviser_id=adviser_id, starts_at=slot[0], ends_at=slot[1],
            channel="phone", now=START - timedelta(minutes=30),
        )  # fmt: skip
    assert booking.status == "confirmed"
    with session_scope(factory) as db:
        assert _active(db, adviser_id) == 1


def test_on_postgresql_overlapping_times_are_refused_not_only_equal_starts(sessions, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the exclusion constraint on time ranges is PostgreSQL's")
    factory, adviser_id = sessions
    with session_scope(factory) as db:
        service.book(
            db_session=db, adviser_id=adviser_id, starts_at=START,
            ends_at=START + timedelta(hours=1), channel="video",
        )  # fmt: skip
    with pytest.raises(service.SlotTaken), session_scope(factory) as db:
        service.book(
            db_session=db, adviser_id=adviser_id, starts_at=START + timedelta(minutes=30),
            ends_at=START + timedelta(minutes=75), channel="video",
        )  # fmt: skip


def test_one_contact_confirming_two_times_at_the_same_instant_gets_one_appointment(sessions):
    from sqlalchemy.exc import OperationalError

    from bot.booking.contact import parse

    factory, adviser_id = sessions
    with session_scope(factory) as db:
        held = []
        for slot in SLOTS[:2]:
            booking = service.book(db_session=db, adviser_id=adviser_id, starts_at=slot[0],
                                   ends_at=slot[1], channel="phone", hold=True,
                                   now=START - timedelta(days=1))  # fmt: skip
            booking.offer = "working_futures"
            held.append(booking.id)
    barrier = threading.Barrier(2)
    contact = parse("07700 900777")

    def confirm(booking_id: int) -> bool:
        barrier.wait()
        try:
            with session_scope(factory) as db:
                booking = db.get(Booking, booking_id)
                service.check_not_already_booked(booking, contact, db_session=db,
                                                 now=START - timedelta(days=1))  # fmt: skip
                service.confirm(booking, db_session=db, first_name="Sam", contact=contact,
                                consent=True, now=START - timedelta(days=1))  # fmt: skip
                return True
        except (service.AlreadyBooked, OperationalError):  # SQLite: the other held the lock
            return False

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(confirm, held))
    assert sorted(results) == [False, True]
