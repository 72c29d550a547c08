"""A resident losing heart is heard and offered an adviser's help, never searched for; during a
form's questions the question comes again with nothing answered lost."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import SlotSet

from actions.assessment import ValidateAssessmentForm
from actions.booking import ValidateBookingForm
from actions.encourage import ActionEncourage
from tests.actions.conftest import make_tracker

SAID = "honestly whats the point, ive been rejected 40 times"


def _passed_on(said: str, **kwargs):
    """The tracker as the gateway leaves it: ``/discouraged``, the words in the metadata."""
    user = {"event": "user", "text": "/discouraged", "metadata": {"resident_text": said}}
    return make_tracker(text="/discouraged", intent="discouraged", events=[user], **kwargs)


def test_losing_heart_is_heard_and_offered_a_person_the_cv_course_and_the_questions(dispatcher):
    events = asyncio.run(ActionEncourage().run(dispatcher, _passed_on(SAID), {}))
    assert events == []  # the results on screen and every answer stay as they were
    [message] = dispatcher.messages
    assert message["text"].startswith("I'm sorry, that sounds really hard. Most people get")
    assert "They can look at your CV with you." in message["text"]
    assert [b["payload"] for b in message["buttons"]] == [
        "/request_adviser", '/find_course{"subject": "CV"}', "/career_advice"]  # fmt: skip


def test_interviews_are_answered_as_interviews_and_an_assessed_resident_is_not_asked_again(
    dispatcher,
):
    tracker = _passed_on("im useless at interviews", slots={"age": 34, "situation": "out_of_work"})
    asyncio.run(ActionEncourage().run(dispatcher, tracker, {}))
    [message] = dispatcher.messages
    assert "Interviews get easier with practice" in message["text"]
    assert "/career_advice" not in [b["payload"] for b in message["buttons"]]


def test_during_the_questions_the_same_question_comes_again(dispatcher):
    tracker = _passed_on(SAID, slots={"requested_slot": "age", "wants": "job"},
                         active_loop="assessment_form")  # fmt: skip
    domain = {"forms": {"assessment_form": {"required_slots": ["wants", "age"]}}}
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, domain))
    assert events == [SlotSet("age", None), SlotSet("requested_slot", "age")]
    [message] = dispatcher.messages
    assert message["text"].endswith("Just ask for an adviser any time.")
    assert "buttons" not in message or not message["buttons"]


def test_an_answer_said_while_losing_heart_is_kept_and_the_questions_go_on(dispatcher):
    """ "nobody will hire me cos im 58" to "how old are you?" was heard, then the age was asked
    again: the gateway passes the words on as ``/discouraged``, which the form could not read."""
    tracker = _passed_on("nobody will hire me cos im 58", slots={"requested_slot": "age",
                         "wants": "job"}, active_loop="assessment_form")  # fmt: skip
    domain = {"forms": {"assessment_form": {"required_slots": ["wants", "age"]}}}
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, domain))
    assert SlotSet("age", 58) in events and SlotSet("requested_slot", "age") not in events
    assert "Your age should not stop you" in dispatcher.messages[0]["text"]


def test_while_booking_the_held_time_and_the_question_stay(dispatcher):
    slots = {"requested_slot": "booking_contact", "booking_first_name": "Dee",
             "booking_hold": {"id": "h1"}}  # fmt: skip
    tracker = _passed_on("ugh nobody ever gets back to me", slots=slots,
                         active_loop="booking_form")  # fmt: skip
    events = asyncio.run(ValidateBookingForm().run(dispatcher, tracker, {}))
    asked = "booking_contact"
    assert events == [SlotSet(asked, None), SlotSet("requested_slot", asked)]
    text = dispatcher.messages[0]["text"]
    assert "Most people get a lot of no's" in text
    assert text.endswith("An adviser can help with this too.")  # not "ask for one"


def test_the_second_time_the_answer_is_shorter_and_says_nothing_need_be_told_again(dispatcher):
    def passed_on(said):
        parsed = {"intent": {"name": "discouraged"}}
        return {"event": "user", "text": "/discouraged", "parse_data": parsed,
                "metadata": {"resident_text": said}}  # fmt: skip

    first, again = passed_on(SAID), passed_on("nobody will ever hire me")
    tracker = make_tracker(text="/discouraged", intent="discouraged", events=[first, again])
    asyncio.run(ActionEncourage().run(dispatcher, tracker, {}))
    [message] = dispatcher.messages
    assert message["text"].startswith("That's a lot to carry")
    assert "so you won't have to say it again" in message["text"]


@pytest.mark.parametrize(
    ("said", "opening"),
    [("nobody will ever hire me cos im 58", "Your age should not stop you."),
     ("im too old to learn new things now", "Lots of adults go back to learning."),
     ("i keep failing every interview i go to", "Interviews get easier with practice"),
     ("ive applied for 40 jobs since leaving college and got nothing", "Most people get a lot"),
     ("i give up", "Looking for work can wear anyone down")],
)  # fmt: skip
def test_the_answer_speaks_to_what_it_is_about(dispatcher, said, opening):
    asyncio.run(ActionEncourage().run(dispatcher, _passed_on(said), {}))
    text = dispatcher.messages[0]["text"]
    assert opening in text
    learning = opening.startswith("Lots of adults")
    assert ("find a course that starts where you are" in text) == learning
    assert ("look at your CV" in text) != learning


def test_under_the_times_to_see_an_adviser_the_times_are_offered_again(dispatcher):
    """ "whats the point theyll just tell me the same stuff" under the times: the times stay
    one button away instead of being lost."""
    offered = [{"event": "action", "name": "action_offer_slots"},
               {"event": "action", "name": "action_listen"}]  # fmt: skip
    said = "whats the point theyll just tell me the same stuff"
    user = {"event": "user", "text": "/discouraged", "metadata": {"resident_text": said}}
    tracker = make_tracker(text="/discouraged", intent="discouraged", events=[*offered, user])
    asyncio.run(ActionEncourage().run(dispatcher, tracker, {}))
    [message] = dispatcher.messages
    assert message["text"].endswith("An adviser can help with this too.")
    assert message["buttons"] == [{"title": "Book an appointment", "payload": "/book_appointment"}]
