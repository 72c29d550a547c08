"""The answer to the question on screen is the resident's own: a relative's illness named in
an answer about barriers is not the resident's barrier."""

import pytest

from bot.assessment.read import read


@pytest.mark.parametrize(
    ("said", "barriers"),
    [("my husband is disabled so i cant work full time", []),
     ("i look after my mum she has dementia", ["caring"]),
     ("i care for my disabled son", ["caring"]),
     ("my back is bad and my son has autism", ["health"]),
     ("i have a disability and my son has adhd", ["disability"]),
     ("my partner has depression and i have a bad back", ["health"]),
     ("i have depression", ["mental_health"]),
     ("childcare and transport", ["childcare", "transport"]),
     ("no car and my kids are little", ["transport"]),
     ("none", [])],
)  # fmt: skip
def test_barriers_are_the_residents_own(said, barriers):
    assert read("barriers", said, None, []) == barriers


@pytest.mark.parametrize(
    ("said", "intent", "answer"),
    [("ok", "affirm", None),  # carry on, not "yes, I was in care"
     ("okay", "affirm", None),
     ("ye", "affirm", True),
     ("yes i was", "affirm", True),
     ("nope", "deny", False)],
)  # fmt: skip
def test_ok_is_not_yes_to_have_you_been_in_care(said, intent, answer):
    assert read("care_leaver", said, intent, []) == answer


@pytest.mark.parametrize("said", ["dunno tbh", "not sure yet", "im not sure really", "idk lol"])
def test_not_knowing_said_loosely_is_not_knowing(said):
    from bot.assessment.read import UNSURE

    assert UNSURE.match(said)


@pytest.mark.parametrize(
    ("said", "level"),
    [("english only", "2"),  # was "Sorry, I didn't understand", twice, then a dead end
     ("just maths", "2"),
     ("english and maths", "2"),
     ("failed english and maths", "1"),
     ("gcse english", "2"),
     ("i have qualification from romania", "abroad"),
     ("dunno", None),
     # English the language, or a plain no, is no GCSE: "no, sorry" was recorded as level 1
     ("my english is not good", None), ("i speak english", None), ("english course", None),
     ("no, sorry", None), ("neither", None)],
)  # fmt: skip
def test_a_subject_named_for_the_highest_qualification_is_a_gcse(said, level):
    from bot.assessment.read import ABROAD

    assert read("highest_level", said, None, []) == (ABROAD if level == "abroad" else level)


@pytest.mark.parametrize(
    ("said", "age"),
    [("not rly no quals left school at 15", None),  # an adult was told the service is for 16+
     ("left school at 16, im 34 now", 34),
     ("i was only 15 when i had my son, im 22", 22),
     ("since i was 16", None),
     ("45", 45)],
)  # fmt: skip
def test_an_age_they_were_is_not_their_age(said, age):
    assert read("age", said, "inform", []) == age
