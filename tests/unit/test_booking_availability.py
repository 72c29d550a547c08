"""Bookable slots from advisers' hours: wall-clock London times, clock changes, bank holidays."""

from datetime import date, datetime, time, timedelta, timezone

import pytest

from bot.booking.availability import Session, TimeOff, bank_holidays, label, slots

UTC = timezone.utc
TUESDAY_MORNINGS = Session(weekday=1, start=time(9, 30), end=time(12, 30), venue="Central Library")


def _starts(found):
    return [s.starts_at for s in found]


def test_a_session_is_cut_into_slots_with_buffers_and_none_running_past_the_end():
    found = slots(adviser="amy", sessions=[TUESDAY_MORNINGS], first_day=date(2026, 12, 1), days=1)
    assert _starts(found) == [
        datetime(2026, 12, 1, 9, 30, tzinfo=UTC),  # winter: London time is UTC
        datetime(2026, 12, 1, 10, 30, tzinfo=UTC),
        datetime(2026, 12, 1, 11, 30, tzinfo=UTC),  # ends 12:15; 12:30 would end 13:15
    ]
    assert all(s.ends_at - s.starts_at == timedelta(minutes=45) for s in found)
    assert found[0].venue == "Central Library" and found[0].channels == ("in_person",)


@pytest.mark.parametrize(
    ("first_day", "before", "after"),
    [
        (date(2027, 3, 22), 10, 9),  # clocks go forward on 28 March 2027
        (date(2026, 10, 19), 9, 10),  # clocks go back on 25 October 2026
    ],
)
def test_ten_oclock_stays_ten_oclock_across_the_clock_change(first_day, before, after):
    tuesdays = Session(weekday=1, start=time(10), end=time(11))  # (29 March 2027 is Easter Monday)
    found = slots(
        adviser="amy", sessions=[tuesdays], first_day=first_day, days=14,
        length=timedelta(hours=1), buffer=timedelta(0),
    )  # fmt: skip
    assert [s.starts_at.hour for s in found] == [before, after]  # in UTC
    assert [label(s, "Central Library")[-22:] for s in found] == ["10:00, Central Library"] * 2


def test_bank_holidays_offer_nothing_unless_a_session_is_put_on_that_day():
    fridays = Session(weekday=4, start=time(10), end=time(11))
    mondays = Session(weekday=0, start=time(10), end=time(11))
    christmas_week = slots(
        adviser="amy", sessions=[fridays, mondays], first_day=date(2026, 12, 21), days=15,
        length=timedelta(hours=1),
    )  # fmt: skip
    days = [s.starts_at.date() for s in christmas_week]
    assert date(2026, 12, 25) not in days  # Christmas Day
    assert date(2026, 12, 28) not in days  # Boxing Day's substitute Monday
    assert days == [date(2026, 12, 21), date(2027, 1, 4)]  # 1 January is a Friday holiday
    extra = Session(on=date(2026, 12, 28), start=time(10), end=time(11))
    found = slots(
        adviser="amy", sessions=[extra], first_day=date(2026, 12, 28), days=1,
        length=timedelta(hours=1),
    )  # fmt: skip
    assert _starts(found) == [datetime(2026, 12, 28, 10, tzinfo=UTC)]


def test_time_off_removes_a_whole_day_or_only_the_slots_it_overlaps():
    week = dict(adviser="amy", sessions=[TUESDAY_MORNINGS], first_day=date(2026, 12, 1), days=8)
    assert len(slots(**week)) == 6
    day_off = slots(**week, time_off=[TimeOff(on=date(2026, 12, 1))])
    assert {s.starts_at.date() for s in day_off} == {date(2026, 12, 8)}
    meeting = TimeOff(on=date(2026, 12, 1), start=time(10, 45), end=time(11, 0))
    assert [s.starts_at.hour for s in slots(**week, time_off=[meeting])][:2] == [9, 11]


def test_slots_too_soon_to_prepare_for_are_not_offered():
    now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    found = slots(
        adviser="amy", sessions=[TUESDAY_MORNINGS], first_day=date(2026, 12, 1), days=1,
        not_before=now,
    )  # fmt: skip
    assert _starts(found) == [
        datetime(2026, 12, 1, 10, 30, tzinfo=UTC),
        datetime(2026, 12, 1, 11, 30, tzinfo=UTC),
    ]


def test_a_slot_reads_in_london_time_on_its_button():
    summer = slots(adviser="amy", sessions=[TUESDAY_MORNINGS], first_day=date(2027, 6, 1), days=1)[
        0
    ]
    assert summer.starts_at == datetime(2027, 6, 1, 8, 30, tzinfo=UTC)
    assert label(summer, "Central Library") == "Tuesday 1 June, 09:30, Central Library"
    by_phone = Session(weekday=1, start=time(14), end=time(15), channels=("phone", "video"))
    found = slots(adviser="amy", sessions=[by_phone], first_day=date(2027, 6, 1), days=1)
    assert label(found[0]) == "Tuesday 1 June, 14:00, by phone or video"


def test_bank_holidays_come_from_the_packaged_data_without_a_network():
    holidays = bank_holidays()
    assert date(2026, 12, 25) in holidays and date(2027, 5, 3) in holidays  # early May 2027
    assert date(2026, 12, 24) not in holidays


def test_nonsense_lengths_are_refused():
    with pytest.raises(ValueError):
        slots(adviser="amy", sessions=[], first_day=date(2026, 12, 1), days=1,
              length=timedelta(0))  # fmt: skip
