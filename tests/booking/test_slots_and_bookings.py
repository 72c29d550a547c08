"""Free times come from the rota minus bookings and live holds; booking, moving and cancelling
keep one reference and never give a time away twice. On SQLite and PostgreSQL."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.booking import service as bookings
from bot.booking.contact import parse
from bot.booking.models import Adviser
from bot.catalogue.venue.models import Venue
from tests.booking.conftest import NOW

MONDAY = date(2026, 11, 30)


def _venue(db, name: str) -> int:
    return db.execute(select(Venue.id).where(Venue.name == name)).scalar_one()


def _slots(db, council, offer="youth_pathways", **kw):
    return bookings.find_slots(db_session=db, council=council, offer=offer, now=NOW, **kw)


def _add_twin(db, of: str) -> Adviser:
    """A second adviser with exactly the same rota as ``of``."""
    original = db.execute(select(Adviser).where(Adviser.key == of)).scalar_one()
    twin = Adviser(key=f"{of}-twin", council_slug=original.council_slug,
                   first_name="Twin", team=original.team,
                   offers=original.offers, sessions=original.sessions, time_off=[],
                   active=True)  # fmt: skip
    db.add(twin)
    db.flush()
    return twin


def test_the_next_free_times_follow_the_rota(demo_db, council):
    found = _slots(demo_db, council, first_day=MONDAY, last_day=MONDAY)
    central = _venue(demo_db, "Demoton Central Library")
    at_central = [o for o in found if o.venue_id == central]
    # Amira, Mondays 09:30-12:30 at Central Library: 45 minutes and a 15 minute buffer.
    assert [o.starts_at.strftime("%H:%M") for o in at_central] == ["09:30", "10:30", "11:30"]
    remote = [o for o in found if o.venue_id is None]
    assert remote and all(o.channels == ("phone", "video") for o in remote)  # Priya
    assert found == sorted(found, key=lambda o: (o.starts_at, o.venue_id or 0))
    assert not _slots(demo_db, council, offer="employer", first_day=MONDAY, last_day=MONDAY)


def test_filters_window_and_notice(demo_db, council):
    central = _venue(demo_db, "Demoton Central Library")
    only_central = _slots(demo_db, council, venue_id=central)
    assert only_central and all(o.venue_id == central for o in only_central)
    phone = _slots(demo_db, council, channel="phone")
    assert phone and all("phone" in o.channels for o in phone)
    every = _slots(demo_db, council)
    last_day = (NOW + timedelta(days=council.booking.days_ahead)).date()
    assert max(o.starts_at.date() for o in every) < last_day
    # Two hours' notice: at 07:30 on Monday the 09:30 is bookable; a minute later it is not.
    monday = NOW.replace(day=30, hour=7, minute=30)
    for now, first in [(monday, "09:30"), (monday + timedelta(minutes=1), "10:30")]:
        soon = bookings.find_slots(db_session=demo_db, council=council, offer="youth_pathways",
                                   venue_id=central, now=now)  # fmt: skip
        assert soon[0].starts_at.strftime("%H:%M") == first


def test_a_booking_or_live_hold_takes_the_time_and_a_lapsed_hold_gives_it_back(demo_db, council):
    first = _slots(demo_db, council)[0]
    held = bookings.book_slot(db_session=demo_db, council=council, slot=first.id,
                              channel=first.channels[0], hold=True, now=NOW)  # fmt: skip
    assert held.status == "held" and held.offer == "youth_pathways"
    assert first.id not in {o.id for o in _slots(demo_db, council)}
    later = NOW + bookings.HOLD + timedelta(seconds=1)
    again = bookings.find_slots(db_session=demo_db, council=council, offer="youth_pathways",
                                now=later)  # fmt: skip
    assert first.id in {o.id for o in again}
    other = bookings.book_slot(db_session=demo_db, council=council, slot=first.id,
                               channel=first.channels[0], now=later)  # fmt: skip
    demo_db.refresh(held)
    assert other.status == "confirmed" and held.status == "cancelled"
    with pytest.raises(bookings.SlotTaken):
        bookings.confirm(held, db_session=demo_db, first_name="Sam",
                         contact=parse("07700 900123"), consent=True)  # fmt: skip


def test_one_time_with_two_advisers_is_one_choice_and_books_twice(demo_db, council):
    twin = _add_twin(demo_db, "amira")
    central = _venue(demo_db, "Demoton Central Library")
    first = _slots(demo_db, council, venue_id=central)[0]
    assert len(first.adviser_ids) == 2 and twin.id in first.adviser_ids
    made = [
        bookings.book_slot(db_session=demo_db, council=council, slot=first.id,
                           channel="in_person", now=NOW)
        for _ in range(2)
    ]  # fmt: skip
    assert {b.adviser_id for b in made} == set(first.adviser_ids)
    with pytest.raises(bookings.SlotTaken):
        bookings.book_slot(db_session=demo_db, council=council, slot=first.id,
                           channel="in_person", now=NOW)  # fmt: skip


@pytest.mark.parametrize(
    "slot",
    ["", "nonsense", "youth_pathways.20261130T0930Z", "youth_pathways.20261399T0930Z.remote",
     "youth_pathways.20261130T0931Z.remote"],
)  # fmt: skip
def test_times_we_never_offered_cannot_be_booked(demo_db, council, slot):
    with pytest.raises((bookings.UnknownSlot, bookings.SlotTaken)):
        bookings.book_slot(db_session=demo_db, council=council, slot=slot, channel="phone",
                           now=NOW)  # fmt: skip


def test_in_person_needs_a_place(demo_db, council):
    remote = next(o for o in _slots(demo_db, council) if o.venue_id is None)
    with pytest.raises(bookings.UnknownSlot):
        bookings.book_slot(db_session=demo_db, council=council, slot=remote.id,
                           channel="in_person", now=NOW)  # fmt: skip


def _confirmed(db, council, offered, channel="in_person"):
    booking = bookings.book_slot(db_session=db, council=council, slot=offered.id,
                                 channel=channel, hold=True, now=NOW)  # fmt: skip
    return bookings.confirm(booking, db_session=db, first_name="Sam",
                            contact=parse("07700 900123"), consent=True, now=NOW)  # fmt: skip


def test_reschedule_keeps_the_reference_and_bumps_the_sequence(demo_db, council):
    central = _venue(demo_db, "Demoton Central Library")
    first, second, third = _slots(demo_db, council, venue_id=central)[:3]
    booking = _confirmed(demo_db, council, first)
    reference = booking.reference
    bookings.reschedule(booking, db_session=demo_db, council=council, slot=second.id, now=NOW)
    assert (booking.reference, booking.sequence) == (reference, 1)
    assert booking.starts_at == second.starts_at
    free = {o.id for o in _slots(demo_db, council, venue_id=central)}
    assert first.id in free and second.id not in free  # the old time is free again
    # Moving to a time someone has taken keeps the old time.
    _confirmed(demo_db, council, third)
    with pytest.raises(bookings.SlotTaken):
        bookings.reschedule(booking, db_session=demo_db, council=council, slot=third.id,
                            now=NOW)  # fmt: skip
    assert booking.starts_at == second.starts_at and booking.sequence == 1


def test_cancel_frees_the_time_and_finding_needs_reference_and_contact(demo_db, council):
    offered = _slots(demo_db, council)[0]
    booking = _confirmed(demo_db, council, offered, channel=offered.channels[0])
    found = bookings.find(booking.reference.replace("-", "").lower(), "+447700900123",
                          council_slug="demo", db_session=demo_db)  # fmt: skip
    assert found is booking
    for reference, contact in [(booking.reference, "07700 900999"), ("ZZZ-ZZZ", "07700900123"),
                               ("not a ref", "07700900123")]:  # fmt: skip
        with pytest.raises(bookings.NotFound):
            bookings.find(reference, contact, council_slug="demo", db_session=demo_db)
    bookings.cancel(booking, db_session=demo_db, now=NOW)
    assert booking.status == "cancelled" and booking.sequence == 1
    assert offered.id in {o.id for o in _slots(demo_db, council)}


def test_a_conversation_books_at_most_two_appointments_to_come(demo_db, council):
    offers = ["youth_pathways", "skills_for_all", "working_futures"]
    contacts = ["07700 900201", "07700 900202", "07700 900203"]  # one client, three "people"
    held = []
    for offer in offers:  # one after another: a live hold takes its adviser's time away
        first = _slots(demo_db, council, offer=offer)[0]
        held.append(bookings.book_slot(db_session=demo_db, council=council, slot=first.id,
                                       channel=first.channels[0], hold=True,
                                       conversation_id="conv-many", now=NOW))  # fmt: skip
    for booking, contact in zip(held[:2], contacts, strict=False):
        bookings.check_not_already_booked(booking, parse(contact), db_session=demo_db, now=NOW)
        bookings.confirm(booking, db_session=demo_db, first_name="Sam", contact=parse(contact),
                         consent=True, now=NOW)  # fmt: skip
    with pytest.raises(bookings.AlreadyBooked) as refused:
        bookings.check_not_already_booked(held[2], parse(contacts[2]), db_session=demo_db, now=NOW)
    assert refused.value.reason == "conversation"
    # A booking never counts against itself: confirming it again (a retry) is allowed.
    bookings.check_not_already_booked(held[0], parse(contacts[0]), db_session=demo_db, now=NOW)
