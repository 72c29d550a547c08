"""Tell me once: the exact events the profile reader returns for what residents say."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet

from actions.profile import NOTED, ActionReadProfile
from tests.actions.conftest import make_tracker


def _read(dispatcher, text, slots=None, **kwargs):
    tracker = make_tracker(slots=slots, text=text, **kwargs)
    return asyncio.run(ActionReadProfile().run(dispatcher, tracker, {}))


def test_an_opening_message_fills_the_profile(demo_database, dispatcher):
    events = _read(dispatcher, "hi, i'm 19 and i'm not working or at college, i live in DB3 1AA")
    assert events == [
        SlotSet("age", 19),
        SlotSet("situation", "out_of_work"),
        SlotSet("location", "DB3 1AA"),
        SlotSet("in_area", True),
        SlotSet(NOTED, {"new": ["age", "location", "situation"], "changed": []}),
    ]
    assert dispatcher.messages == []  # nothing to correct: the questions will say what they skip


def test_the_question_on_screen_is_left_to_the_assessment(dispatcher):
    asked = {"requested_slot": "situation"}
    said = "im 45 and out of work for 2 years because of my back"
    events = _read(dispatcher, said, slots=asked, active_loop="assessment_form")
    assert events == [
        SlotSet("age", 45),
        SlotSet("out_of_work_months", 24),
        SlotSet("barriers", ["health"]),
        SlotSet(NOTED, {"new": ["age", "barriers", "out_of_work_months"], "changed": []}),
    ]


def test_a_subject_said_to_the_gcse_question_is_no_interest(dispatcher):
    """ "english only" at the GCSE question was saved as an interest in English, the interest
    question was skipped and the plan filled with English courses."""
    asked = {"requested_slot": "gcse", "wants": "job"}
    for said, subject in (("english only", "english"), ("just maths", "maths")):
        named = [{"entity": "subject", "value": subject}]  # as the model reads it
        read = _read(dispatcher, said, slots=asked, active_loop="assessment_form", entities=named)
        assert read == []
        # said anywhere else, it is one
        events = _read(dispatcher, said, slots={"wants": "course"}, entities=named)
        assert SlotSet("interests", subject) in events


def test_a_changed_answer_is_said_back(dispatcher):
    events = _read(dispatcher, "sorry i got it wrong, i'm 24", slots={"age": 19})
    assert events == [SlotSet("age", 24), SlotSet(NOTED, {"new": [], "changed": ["age"]})]
    assert dispatcher.messages[0]["text"] == "Thanks, I've changed that: you're 24."


def test_barriers_add_up_and_a_place_that_does_not_exist_is_not_kept(demo_database, dispatcher):
    events = _read(dispatcher, "i live in narnia and i have a criminal record",
                   slots={"barriers": ["housing"]})  # fmt: skip
    assert events == [
        SlotSet("barriers", ["convictions", "housing"]),
        SlotSet(NOTED, {"new": [], "changed": ["barriers"]}),
    ]


def test_a_message_with_nothing_about_them_changes_nothing(dispatcher):
    assert _read(dispatcher, "care jobs near me please") == []
    # ...and clears the note of the last message's facts.
    assert _read(dispatcher, "thanks", slots={NOTED: {"new": ["age"], "changed": []}}) == [
        SlotSet(NOTED, None)
    ]


def test_a_crisis_sent_by_the_safety_net_is_read_from_the_residents_words(dispatcher):
    user = {"event": "user", "text": "/crisis", "metadata": {"resident_text":
            "my landlord gave me notice, i'm 52 and on universal credit"}}  # fmt: skip
    events = _read(dispatcher, "/crisis", intent="crisis", events=[user])
    assert SlotSet("barriers", ["housing"]) in events
    assert SlotSet("age", 52) in events and SlotSet("on_benefits", True) in events


def test_qualifications_from_abroad_answer_the_question_for_an_adviser(dispatcher):
    events = _read(dispatcher, "i finished technical school in poland")
    assert SlotSet("highest_level", "abroad") in events


def test_a_search_says_what_they_want_and_what_interests_them(dispatcher):
    events = _read(dispatcher, "any jobs with animals?", intent="find_job")
    assert events[:2] == [SlotSet("interests", "animals"), SlotSet("wants", "job")]
    # A later search doesn't change what they first came for.
    later = _read(dispatcher, "cooking courses", intent="find_course", slots={"wants": "job"},
                  entities=[{"entity": "subject", "value": "cooking"}])  # fmt: skip
    assert SlotSet("interests", "cooking") in later
    assert all(e["name"] != "wants" for e in later)


def test_a_postcode_that_cannot_be_found_is_said_not_dropped(demo_database, dispatcher):
    """ "live in DB2 4RT" (no such postcode): the resident is told, so being asked for a
    postcode later is no surprise; the rest is noted."""
    events = _read(dispatcher, "im 22, live in DB2 4RT")
    assert events == [SlotSet("age", 22), SlotSet(NOTED, {"new": ["age"], "changed": []})]
    assert dispatcher.messages[-1]["text"].startswith("We couldn't find the postcode DB2 4RT.")
