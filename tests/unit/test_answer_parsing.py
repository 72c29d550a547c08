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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("unemployed", "out_of_work"), ("i lost my job in march", "out_of_work"),
        ("not working because of my back condition", "health"), ("off sick", "health"),
        ("im a full time mum", "caring"), ("i look after my dad", "caring"),
        ("at college", "in_education"), ("still at school", "in_education"),
        ("working zero hours", "in_work"), ("i work part time in a shop", "in_work"),
        ("retired", "other"), ("blah", None),
        # "work" in a sentence that says there is none is no job
        ("no work 8 month", "out_of_work"), ("i am without job", "out_of_work"),
        ("i dont have job now", "out_of_work"), ("i haven't got a job", "out_of_work"),
        ("no work experience, at college", "in_education"),
    ],
)  # fmt: skip
def test_situation(text, expected):
    assert parse.situation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2 years", 24), ("six months", 6), ("about a year", 12), ("few weeks", 0),
     ("never worked", 120), ("18 months", 18), ("a while", None), ("couple of years", 24)],
)  # fmt: skip
def test_months(text, expected):
    assert parse.months(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("GCSEs", "2"), ("a levels", "3"), ("I have a degree", "6"), ("nothing", "none"),
     ("no qualifications", "none"), ("masters", "7"), ("entry level 3", "E3"),
     ("failed my gcses", "1"), ("NVQ 2 in care", "2"), ("dunno", None),
     # "no" to the question itself, from a year 11 pupil, was "Sorry, I didn't understand"
     ("no", "none"), ("not yet", "none"), ("no gcses", "none"), ("doing my gcses now", "none"),
     # what they lack does not hide what they have
     ("i got no gcses but i have a level 3 btec", "3"), ("no gcses but i did an nvq level 2", "2")],
)  # fmt: skip
def test_highest_level(text, expected):
    assert parse.highest_level(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("both", (True, True)), ("yes english and maths", (True, True)), ("neither", (False, False)),
     ("just english", (True, False)), ("maths only", (False, True)),
     ("i didn't pass maths", (None, False)), ("i got english", (True, None)),
     ("not sure", None),
     # each subject's own words (these were "Sorry, I didn't understand")
     ("just maths tbh, failed english", (False, True)),
     ("got maths but failed english", (False, True)),
     ("maths yes english no", (False, True)), ("passed english, failed maths", (True, False)),
     ("failed english and maths", (False, False))],
)  # fmt: skip
def test_gcse(text, expected):
    assert parse.gcse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("very confident", "confident"), ("a bit", "basic"), ("only my phone", "basic"),
     ("never used one", "none"), ("not confident", "none"), ("hmm", None),
     ("i can use a phone but not a computer", "basic"),
     ("i can do emails but not much else", "basic"), ("i can't even use a phone", "none")],
)  # fmt: skip
def test_digital(text, expected):
    assert parse.digital(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("housing and childcare", {"housing", "childcare"}),
        ("i have anxiety and debts", {"mental_health", "money"}),
        ("bad back, no car", {"health", "transport"}),
        ("i have a criminal record", {"convictions"}),
        ("my english is not good", {"english_language"}),
        ("none", set()), ("no nothing", set()), ("purple", None),
    ],
)  # fmt: skip
def test_barriers(text, expected):
    result = parse.barriers(text)
    assert (None if result is None else set(result)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yes", True), ("yeah i am", True), ("no", False), ("nope", False), ("maybe", None)],
)
def test_yes_no(text, expected):
    assert parse.yes_no(text) is expected
