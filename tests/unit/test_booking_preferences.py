"""A wish typed while times are on screen picks the times that fit it."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.booking import preferences
from bot.booking.service import Offered

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 12, 7)  # a Monday


def _at(day: int, hour: int, venue: int | None = None, channels=("phone", "video")) -> Offered:
    start = datetime(2026, 12, day, hour, tzinfo=LONDON).astimezone(timezone.utc)
    return Offered(offer="youth_pathways", starts_at=start, ends_at=start, venue_id=venue,
                   channels=("in_person",) if venue else channels, adviser_ids=(1,))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "fits", "misses"),
    [("video call instead? friday morning", _at(11, 10), _at(11, 14)),
     ("friday morning", _at(11, 9, venue=3), _at(10, 9)),
     ("can it be by phone", _at(8, 15, channels=("phone",)), _at(8, 15, venue=3)),
     ("tuesday afternoon", _at(8, 14), _at(8, 11)),
     ("next week after 2", _at(15, 15), _at(9, 15)),
     ("tomorrow", _at(8, 9), _at(9, 9)),
     ("in person at the library please", _at(9, 9, venue=2), _at(9, 9)),
     ("none of them suit, i work tues and wed", _at(10, 10), _at(8, 10)),
     ("i cant do wednesdays", _at(11, 10), _at(9, 10)),
     ("any day but friday", _at(10, 15), _at(11, 15)),
     ("i can do monday but not tuesday", _at(14, 11), _at(8, 11)),
     ("not before 10 on friday", _at(11, 11), _at(11, 9)),
     ("have u got anything thursday after school pickup like 4ish", _at(10, 15), _at(10, 13)),
     # a way they cannot use is never the wish: "i dont have a phone" chose the phone time
     ("i dont have a phone", _at(9, 9, venue=2), _at(9, 9, channels=("phone",))),
     ("i dont have a phone", _at(9, 9), _at(9, 9, channels=("phone",))),
     ("cant do video, no internet", _at(9, 9, channels=("phone",)), _at(9, 9, channels=("video",))),
     ("no internet at home, phone is fine", _at(9, 9, channels=("phone",)), _at(9, 9, venue=2))],
)  # fmt: skip
def test_wishes_in_residents_words(text, fits, misses):
    wish = preferences.read(text, TODAY)
    assert not wish.empty
    assert preferences.fits(fits, wish, LONDON, TODAY)
    assert not preferences.fits(misses, wish, LONDON, TODAY)


def test_video_only_fits_times_whose_advisers_offer_video():
    wish = preferences.read("video please", TODAY)
    assert not preferences.fits(_at(9, 9, channels=("phone",)), wish, LONDON, TODAY)
    assert wish.words() == "video call times"


def test_no_wish_in_a_choice_or_a_no():
    for text in ("the second one", "10:30 please", "yes", "none of them"):
        assert preferences.read(text, TODAY).empty


def test_the_wish_said_back():
    wish = preferences.read("friday morning by video", TODAY)
    assert wish.words() == "video call times on Friday mornings"


def test_days_they_cannot_do_are_said_back():
    wish = preferences.read("none of them suit, i work tues and wed", TODAY)
    assert wish.words() == "times not on Tuesday or Wednesday"
    assert preferences.read("not before 10 on friday", TODAY).before_hour is None


def test_a_way_they_cannot_use_is_said_back_and_never_wished_for():
    wish = preferences.read("i dont have a phone", TODAY)
    assert (wish.channel, wish.avoid_channels) == (None, frozenset({"phone"}))
    assert wish.words() == "times not by phone"
    assert preferences.read("no, phone is fine", TODAY).avoid_channels == frozenset()
    assert preferences.read("by video, i dont have a phone", TODAY).channel == "video"


def test_an_hour_said_on_its_own_is_that_hour():
    for said in ("thursday at 11", "thursday 11am", "ring me thursday about 11ish"):
        wish = preferences.read(said, TODAY)
        assert (wish.days, wish.after_hour, wish.before_hour) == (frozenset({3}), 11, 12), said
        assert wish.words().endswith("on Thursdays at 11:00"), said
    assert preferences.read("at 3", TODAY).after_hour == 15
    for said in ("i can do 16 hours", "at 16 hours a week", "im 19"):
        assert preferences.read(said, TODAY).after_hour is None, said


def test_an_hour_they_cannot_do_is_no_wish_for_it():
    for said in ("not at 9", "i can do anything but not at 9", "i pick up kids at 3",
                 "i start work at 9 so earlier"):  # fmt: skip
        assert preferences.read(said, TODAY).after_hour is None, said
