"""Ages and hours are read by rule from what residents really type."""

import pytest

from bot.assessment import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19", 19), ("im 19", 19), ("I'm nineteen", 19), ("twenty-four", 24),
        ("twenty four yrs old", 24), ("45 years old with 2 kids", 45), ("aged 17", 17),
        ("Fourty two", 42), ("i am 16 next month 17", None), ("between 20 and 30", None),
        ("old enough", None), ("", None), ("3", None), ("150", None), ("sixty", 60),
    ],
)  # fmt: skip
def test_age(text, expected):
    assert parse.age(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16", 16), ("about 20 hours", 20), ("16-20 hours", 16), ("10 to 15", 10),
        ("full time", 37), ("Part-time please", 29), ("parttime", 29), ("any", None),
        ("2 days a week 6 hours each", None), ("forty", 40),
    ],
)  # fmt: skip
def test_hours(text, expected):
    assert parse.hours(text) == expected
