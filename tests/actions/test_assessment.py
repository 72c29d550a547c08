"""The assessment form's validation action: exact events for answers, skips, changes, failures."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import ActionExecutionRejected, SlotSet

from actions.assessment import ActionExplainWhy, ValidateAssessmentForm
from tests.actions.conftest import make_tracker

FORM = "assessment_form"
DOMAIN = {
    "forms": {FORM: {"required_slots": ["wants", "age", "location", "situation"]}},
    "slots": {},
    "responses": {"utter_why_age": [{"text": "Some help depends on age."}]},
}


def _run(tracker, dispatcher):
    return asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, DOMAIN))


def _answer(text, requested, slots=None, intent="inform", entities=None, events=None):
    return make_tracker(
        slots={"requested_slot": requested, **(slots or {})},
        text=text,
        intent=intent,
        entities=entities,
        active_loop=FORM,
        events=[*(events or []), {"event": "user", "text": text}],  # as Rasa sends it
    )


def test_a_typed_age_is_read_by_rule_and_the_next_question_chosen(dispatcher):
    events = _run(_answer("im nineteen", "age", {"wants": "job"}), dispatcher)
    assert events == [
        SlotSet("age", 19),
        SlotSet("failed_attempts", 0),
        SlotSet("requested_slot", "location"),
    ]
    assert dispatcher.messages == []


def test_a_button_answer_comes_from_its_entity(dispatcher):
    tracker = _answer(
        '/inform{"situation":"out_of_work"}',
        "situation",
        {"wants": "job", "age": 30, "location": "DB3 1AA"},
        entities=[{"entity": "situation", "value": "out_of_work"}],
    )
    events = _run(tracker, dispatcher)
    assert events[:2] == [SlotSet("situation", "out_of_work"), SlotSet("failed_attempts", 0)]
    assert events[2] == SlotSet("requested_slot", "out_of_work_months")  # asked because out of work


@pytest.mark.parametrize("text", ["skip", "prefer not to say", "dunno", "not sure"])
def test_skipping_or_not_knowing_moves_on(dispatcher, text):
    events = _run(_answer(text, "age", {"wants": "course"}), dispatcher)
    assert events[0] == SlotSet("age", "skipped")
    assert events[-1] == SlotSet("requested_slot", "location")


def test_the_skip_button_is_a_skip_too(dispatcher):
    events = _run(_answer("/skip", "age", {"wants": "course"}, intent="skip"), dispatcher)
    assert events[0] == SlotSet("age", "skipped")


def test_an_answer_not_understood_explains_and_asks_again(dispatcher):
    events = _run(_answer("purple", "situation", {"wants": "job", "age": 30}), dispatcher)
    assert events == [
        SlotSet("situation", None),
        SlotSet("failed_attempts", 1),
        SlotSet("requested_slot", "location"),  # location is still missing, so asked first
    ]
    assert "Sorry, I didn't understand that." in dispatcher.messages[0]["text"]
    assert len(dispatcher.messages) == 1


def test_after_two_failures_a_person_and_skip_are_offered(dispatcher):
    slots = {"wants": "job", "age": 30, "location": "DB3 1AA", "failed_attempts": 1}
    events = _run(_answer("purple", "situation", slots), dispatcher)
    assert SlotSet("failed_attempts", 2) in events
    offer = dispatcher.messages[-1]
    assert {b["payload"] for b in offer["buttons"]} == {"/skip", "/request_adviser"}


def test_a_message_about_something_else_is_kept_and_the_question_asked_again(dispatcher):
    """ "actually i'm 24" while asked what they do: actions/profile.py has changed the age (and
    said so); the form keeps it, and asks its question again without "Sorry"."""
    noted = {"new": [], "changed": ["age"]}
    tracker = _answer(
        "actually i'm 24",
        "situation",
        {"wants": "job", "age": 24, "location": "DB3 1AA", "profile_noted": noted},
        events=[{"event": "slot", "name": "age", "value": 19}],
    )
    tracker.events.append({"event": "slot", "name": "age", "value": 24})  # set by the profile
    events = _run(tracker, dispatcher)
    assert events == [SlotSet("age", 24), SlotSet("requested_slot", "situation")]
    assert dispatcher.messages == []


def test_a_line_of_work_for_what_they_want_is_not_sure_yet_and_the_questions_go_on(dispatcher):
    """ "something with cars" to "What would you like help with?" noted the interest, asked the
    same question again, and every answer after it went unread ("I keep giving you the same
    answer")."""
    noted = {"new": ["interests"], "changed": []}
    tracker = _answer("something with cars", "wants",
                      {"interests": "cars", "profile_noted": noted})  # fmt: skip
    events = _run(tracker, dispatcher)
    assert events[:2] == [SlotSet("wants", "advice"), SlotSet("failed_attempts", 0)]
    assert events[-1] == SlotSet("requested_slot", "age")
    assert [m["text"] for m in dispatcher.messages] == [
        "You told me you're interested in cars. I'll skip that question. If I got it wrong, "
        "just tell me."
    ]


def test_a_correction_at_the_postcode_question_is_not_read_as_a_postcode(dispatcher):
    """ "sorry im 52 not 25" asked for a postcode: the age is changed (and said so by the
    profile), and no "doesn't look like a UK postcode"."""
    noted = {"new": [], "changed": ["age"]}
    tracker = _answer("sorry im 52 not 25", "location",
                      {"wants": "job", "age": 52, "profile_noted": noted})  # fmt: skip
    assert _run(tracker, dispatcher) == [SlotSet("requested_slot", "location")]
    assert dispatcher.messages == []


def test_the_questions_start_by_saying_what_is_skipped(dispatcher):
    slots = {"age": 19, "situation": "out_of_work", "location": "DB3 1AA"}
    tracker = make_tracker(slots=slots, text="/career_advice", intent="career_advice",
                           active_loop=FORM)  # fmt: skip
    events = _run(tracker, dispatcher)
    assert events[-1] == SlotSet("requested_slot", "wants")
    assert dispatcher.messages[0]["text"] == (
        "You told me you're 19, you're in DB3 1AA and you're not working at the moment. "
        "I'll skip those questions. If I got it wrong, just tell me, like \u201cI'm 20\u201d."
    )


def test_facts_given_with_an_answer_are_said_to_be_skipped(dispatcher):
    noted = {"new": ["out_of_work_months"], "changed": []}
    tracker = _answer(
        "not working, about 2 years",
        "situation",
        {"wants": "job", "age": 45, "location": "DB3 1AA", "out_of_work_months": 24,
         "profile_noted": noted},
    )  # fmt: skip
    events = _run(tracker, dispatcher)
    assert events[:2] == [SlotSet("situation", "out_of_work"), SlotSet("failed_attempts", 0)]
    assert dispatcher.messages[0]["text"].startswith(
        "You told me you've been out of work for 2 years. I'll skip that question."
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [("why do you ask", "ask_why"), ("can i talk to a real person im 45", "request_adviser"),
     ("stop asking me questions", "stop"), ("will i lose my uc if i work", "ask_question")],
)  # fmt: skip
def test_a_request_is_never_taken_as_an_answer(dispatcher, text, intent):
    """The dialogue's rules answer it; the form hands the message back."""
    events = _run(_answer(text, "age", {"wants": "job"}, intent=intent), dispatcher)
    assert events == [ActionExecutionRejected(FORM)]


def test_under_16_ends_the_questions(dispatcher):
    events = _run(_answer("15", "age", {"wants": "course"}), dispatcher)
    assert events[0] == SlotSet("age", 15)
    assert events[-1] == SlotSet("requested_slot", None)


def test_the_why_of_the_question_on_screen(dispatcher):
    tracker = make_tracker(slots={"requested_slot": "age"}, intent="ask_why")
    assert asyncio.run(ActionExplainWhy().run(dispatcher, tracker, DOMAIN)) == []
    assert dispatcher.messages[0]["response"] == "utter_why_age"


def test_a_subject_taken_for_a_search_still_answers_what_interests_them(dispatcher):
    slots = {"wants": "job", "age": 17, "location": "DB1 1AA", "situation": "in_education",
             "highest_level": "2", "barriers": [], "care_leaver": False, "hours": 37}  # fmt: skip
    tracker = _answer("mechanics", "interests", slots, intent="find_apprenticeship")
    events = _run(tracker, dispatcher)
    assert SlotSet("interests", "mechanics") in events
    assert events[-1] == SlotSet("requested_slot", None)


def test_an_interest_taken_for_a_search_follow_up_still_answers_the_question(dispatcher):
    slots = {"wants": "job", "age": 45, "location": "DB3 1AA", "situation": "unemployed",
             "highest_level": "2", "barriers": ["health"], "hours": 16}  # fmt: skip
    warehouse = [{"entity": "subject", "value": "warehouse"}]
    tracker = _answer("warehouse", "interests", slots, intent="more_results", entities=warehouse)
    events = _run(tracker, dispatcher)
    assert SlotSet("interests", "warehouse") in events
    # "show me more" names nothing, so it is not taken for an interest
    dispatcher.messages.clear()
    events = _run(_answer("show me more", "interests", slots, intent="more_results"), dispatcher)
    assert not any(e["name"] == "interests" for e in events)


def test_asking_for_a_search_instead_of_an_age_leaves_the_questions(dispatcher):
    tracker = _answer("find me a course", "age", {"wants": "job"}, intent="find_course")
    assert _run(tracker, dispatcher) == [ActionExecutionRejected(FORM)]
    # ...even when the profile kept something it said ("delivery driver" as an interest)
    noted = {"new": ["interests"], "changed": []}
    said = _answer("can i just see some delivery driver jobs", "location",
                   {"wants": "job", "interests": "delivery driver", "profile_noted": noted},
                   intent="find_job")  # fmt: skip
    said.events.append({"event": "slot", "name": "interests", "value": "delivery driver"})
    assert _run(said, dispatcher) == [ActionExecutionRejected(FORM)]


def test_a_bare_number_answers_the_question_asked_not_the_age(dispatcher):
    slots = {"wants": "job", "age": 20, "location": "DB1 1AA", "situation": "in_education",
             "highest_level": "2", "barriers": [], "care_leaver": False}  # fmt: skip
    tracker = _answer("16", "hours", slots, entities=[{"entity": "age", "value": "16"}])
    events = _run(tracker, dispatcher)
    assert SlotSet("hours", 16) in events
    assert not any(e["name"] == "age" for e in events)


def test_an_answer_the_model_took_for_a_follow_up_still_answers(dispatcher):
    slots = {"wants": "job", "age": 45, "location": "DB3 1AA", "situation": "in_education",
             "highest_level": "2", "gcse": {"english": True, "maths": True},
             "digital_confidence": "confident", "barriers": [], "on_benefits": True}  # fmt: skip
    events = _run(_answer("part time", "hours", slots, intent="more_results"), dispatcher)
    assert SlotSet("hours", 29) in events


@pytest.mark.parametrize(
    ("text", "situation", "also", "next_question"),
    [
        ("i lost my job about 18 months ago", "out_of_work", {"out_of_work_months": 18},
         "highest_level"),
        ("i work in a shop on a zero hours contract", "in_work", {"work_security": "insecure"},
         "highest_level"),
        ("i lost my job", "out_of_work", {}, "out_of_work_months"),
    ],
)  # fmt: skip
def test_an_answer_that_says_more_answers_the_follow_up_too(
    dispatcher, text, situation, also, next_question
):
    slots = {"wants": "job", "age": 30, "location": "DB3 1AA"}
    events = _run(_answer(text, "situation", slots), dispatcher)
    assert events == [
        SlotSet("situation", situation),
        SlotSet("failed_attempts", 0),
        *[SlotSet(name, value) for name, value in also.items()],
        SlotSet("requested_slot", next_question),
    ]


@pytest.mark.parametrize(
    ("text", "question", "slots", "value"),
    [
        ("both", "gcse", {"highest_level": 2}, {"english": True, "maths": True}),
        ("twenty", "hours", {}, 20),
    ],
)
def test_answers_that_are_not_words_have_no_follow_ups(dispatcher, text, question, slots, value):
    base = {"wants": "job", "age": 30, "location": "DB3 1AA", "situation": "out_of_work"}
    events = _run(_answer(text, question, {**base, **slots}), dispatcher)
    assert events[:2] == [SlotSet(question, value), SlotSet("failed_attempts", 0)]


def test_after_a_digression_the_form_asks_again_instead_of_refusing_again(dispatcher):
    """The form runs again once "why do you ask?" is answered: that run asks its question."""
    tracker = _answer("why do you ask", "age", {"wants": "job"}, intent="ask_why")
    for name in ("action_explain_why", FORM):  # as Rasa's temporary tracker has them
        tracker.events.append({"event": "action", "name": name})
    assert ActionExecutionRejected(FORM) not in _run(tracker, dispatcher)


def test_a_change_of_mind_at_the_postcode_question_is_not_taken_for_a_town(dispatcher):
    """ "actually id rather do a course than get a job" when asked for a postcode: the profile
    has changed what they want (and said so); the form asks for the postcode again, without
    "We couldn't find a town called…"."""
    noted = {"new": [], "changed": ["wants"]}
    tracker = _answer(
        "actually id rather do a course than get a job",
        "location",
        {"wants": "course", "age": 24, "profile_noted": noted},
        intent="nlu_fallback",
    )
    assert _run(tracker, dispatcher) == [SlotSet("requested_slot", "location")]
    assert dispatcher.messages == []  # the form's own question follows, nothing about towns


def test_an_employer_is_never_asked_a_residents_questions(dispatcher):
    """ "what would i have to pay them", read as career advice, from someone who runs a cafe:
    no "How old are you?"."""
    tracker = make_tracker(slots={"wants": "employer"}, text="what would i have to pay them",
                           intent="career_advice", active_loop=FORM)  # fmt: skip
    required = asyncio.run(ValidateAssessmentForm().required_slots([], dispatcher, tracker, DOMAIN))
    assert required == []
    resident = make_tracker(slots={"wants": "job"}, intent="career_advice", active_loop=FORM)
    assert "age" in asyncio.run(
        ValidateAssessmentForm().required_slots([], dispatcher, resident, DOMAIN)
    )


def test_words_that_are_no_town_are_not_called_one(demo_database, dispatcher):
    """At the postcode question, "warehouse or driving" (noted as interests) is asked again
    quietly; "not rly good wiv computers" is not "a town we couldn't find"."""
    noted = {"new": ["interests"], "changed": []}
    told = _answer(
        "warehouse or driving",
        "location",
        {"wants": "job", "age": 22, "interests": "warehouse, driving", "profile_noted": noted},
    )
    assert _run(told, dispatcher) == [SlotSet("requested_slot", "location")]
    assert [m["text"] for m in dispatcher.messages] == [
        "You told me you're interested in warehouse, driving. I'll skip that question. If I got "
        "it wrong, just tell me."
    ]
    dispatcher.messages.clear()
    sentence = _answer("not rly good wiv computers", "location", {"wants": "job", "age": 22})
    _run(sentence, dispatcher)
    assert "town called" not in dispatcher.messages[0]["text"]
    assert dispatcher.messages[0]["text"].startswith("Sorry, I didn't understand that.")


@pytest.mark.parametrize("text", ["nah", "nope", "no thanks"])
def test_a_bare_no_declines_a_question_no_cannot_answer(dispatcher, text):
    """ "nah" to "how old are you?" is not "Please tell me your age as a number" again."""
    events = _run(_answer(text, "age", {"wants": "job"}, intent="deny"), dispatcher)
    assert SlotSet("age", "skipped") in events
    assert not any("Sorry" in (m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize("text", ["is this free?", "do u work weekends", "whats this for"])
def test_a_question_back_at_the_postcode_question_is_no_town(dispatcher, text):
    """ "is this free?" got "We couldn't find a town called 'is this free?'"."""
    events = _run(_answer(text, "location", {"wants": "job", "age": 24}, intent="help"), dispatcher)
    assert events == [ActionExecutionRejected(FORM)]
