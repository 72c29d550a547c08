"""The summary after the assessment, the crisis answer, explanations and the fallback."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet

from actions import common
from actions.fallback import ActionTwoStageFallbackOffer
from actions.glossary import ActionExplainTerm
from actions.pathways import ActionAssessmentSummary
from actions.safety import ActionCrisis
from tests.actions.conftest import cases_of, make_tracker


def test_summary_names_offers_with_reasons_and_entitlements(dispatcher, demo_database):
    slots = {"wants": "job", "age": 45, "situation": "out_of_work", "out_of_work_months": 24,
             "barriers": ["health"], "highest_level": "2", "gcse": "skipped"}  # fmt: skip
    events = asyncio.run(ActionAssessmentSummary().run(dispatcher, make_tracker(slots), {}))
    assert events == []
    [message] = dispatcher.messages
    # Two or three short lines; the reasons are in the plan, a press away.
    assert message["text"].splitlines() == [
        "From what you've told me, Working Futures and Skills for All can help you.",
        "Some courses are free for you.",
        "Choose \u201cSee my plan\u201d for the details and what to do next.",
    ]
    assert message["custom"]["type"] == "pathways"
    working = next(o for o in message["custom"]["offers"] if o["key"] == "working_futures")
    assert "You have been out of work for a year or more." in working["reasons"]
    assert "free_courses_for_jobs" in {e["key"] for e in message["custom"]["entitlements"]}
    # The end of the assessment opens the resident's case for whoever helps them next.
    assert cases_of("test-conversation") == [("assessment", 3, "open")]
    assert message["custom"]["case"]
    assert {o["key"] for o in message["custom"]["offers"]} == {"working_futures", "skills_for_all"}
    assert [b["payload"] for b in message["buttons"][:2]] == ["/show_plan", "/find_job"]
    assert message["buttons"][-1]["payload"] == "/request_adviser"


def test_summary_for_under_16_is_the_signpost_only(dispatcher, demo_database):
    asyncio.run(ActionAssessmentSummary().run(dispatcher, make_tracker({"age": 14}), {}))
    [message] = dispatcher.messages
    assert "school" in message["text"]
    assert not message["custom"]


def test_crisis_gives_numbers_and_marks_the_answer_for_the_gateway(dispatcher, demo_database):
    events = asyncio.run(ActionCrisis().run(dispatcher, make_tracker(sender_id="c-1"), {}))
    assert events == [
        SlotSet("urgent", True),
        SlotSet("crisis_open", True),
        SlotSet("crisis_kind", "crisis"),
    ]
    [message] = dispatcher.messages
    for number in ("999", "116 123", "85258", "0113 496 0999"):
        assert number in message["text"]
    assert message["buttons"] == [common.PERSON_BUTTON]
    # The gateway flags the conversation on this type; the case is first in advisers' queues.
    assert message["custom"]["type"] == "crisis"
    assert cases_of("c-1") == [("crisis", 0, "open")]


def test_explain_a_term_from_the_words(dispatcher):
    tracker = make_tracker(text="what is a t-level", intent="explain_term")
    asyncio.run(ActionExplainTerm().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["text"].startswith("T Level: A T Level is a two-year course")


def test_an_unknown_term_offers_a_person(dispatcher):
    tracker = make_tracker(text="what is a flux capacitor", intent="explain_term")
    asyncio.run(ActionExplainTerm().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["buttons"] == [common.PERSON_BUTTON]


def test_what_about_some_jobs_is_a_search_not_a_word_to_explain(dispatcher, demo_database):
    """Read as a question about a word, but it asks for a search: "Sorry, I don't know that
    word" was the answer."""
    tracker = make_tracker(text="actually what about retail jobs", intent="explain_term")
    events = asyncio.run(ActionExplainTerm().run(dispatcher, tracker, {}))
    assert [e["name"] for e in events if e["event"] == "slot"] == ["last_search"]
    assert events[0]["value"]["kind"] == "job" and "retail" in events[0]["value"]["words"]
    assert "know that word" not in dispatcher.messages[0]["text"]


def test_fallback_suggests_first_then_offers_a_person(dispatcher, demo_database):
    first = make_tracker(text="erm work stuff?", intent="nlu_fallback")
    first.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback"}, {"name": "find_job"}, {"name": "greet"}, {"name": "help"}
    ]  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, first, {}))
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        "/find_job", "/help", "/request_adviser"
    ]  # fmt: skip
    again = make_tracker(
        text="blah",
        intent="nlu_fallback",
        events=[{"event": "user", "text": "erm work stuff?"},
                {"event": "action", "name": "action_two_stage_fallback_offer"},
                {"event": "bot", "text": "Sorry, I didn't quite understand.",
                 "data": {"custom": {"type": "did_you_mean"}}},
                {"event": "action", "name": "action_listen"}, {"event": "user"}],
    )  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, again, {}))
    assert "still not sure" in dispatcher.messages[1]["text"]
    assert dispatcher.messages[1]["buttons"][0] == common.PERSON_BUTTON
    assert cases_of("test-conversation") == [("not_understood", 2, "open")]  # misunderstood twice


def test_fallback_after_facts_says_what_was_noted_not_did_you_mean(dispatcher):
    slots = {"age": 19, "situation": "out_of_work", "profile_noted": {"new": ["age", "situation"]}}
    tracker = make_tracker(text="19 n skint tbh", intent="nlu_fallback", slots=slots)
    assert asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, tracker, {})) == []
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Thanks. I've noted that you're 19") and "Did you mean" not in text


def test_facts_after_a_misunderstanding_are_noted_not_a_second_misunderstanding(dispatcher):
    """ "wot can i do" (not understood), then "im 19 n live in DB1 1AA lookin for work": the
    second message was understood as facts, so no "still not sure" and no case."""
    slots = {"age": 19, "location": "DB1 1AA", "profile_noted": {"new": ["age", "location"]}}
    tracker = make_tracker(
        text="im 19 n live in DB1 1AA lookin for work", intent="nlu_fallback", slots=slots,
        events=[{"event": "action", "name": "action_two_stage_fallback_offer"},
                {"event": "action", "name": "action_listen"}, {"event": "user"}],
    )  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, tracker, {}))
    [said] = dispatcher.messages
    assert said["text"].startswith("Thanks. I've noted that you're 19")
    assert "still not sure" not in said["text"] and not said.get("custom")  # no case


def test_an_employers_follow_up_the_words_alone_dont_show_is_answered(dispatcher):
    """ "how much do i have to pay them" from someone who said they run a garage."""
    tracker = make_tracker(text="how much do i have to pay them", intent="nlu_fallback",
                           slots={"wants": "employer"})  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, tracker, {}))
    assert dispatcher.messages[-1]["custom"]["topic"] == "employer_apprentice_pay"


def test_an_employer_at_the_end_of_the_questions_gets_the_employers_answer(dispatcher):
    from actions.pathways import ActionAssessmentSummary

    tracker = make_tracker(text="what would i have to pay them", intent="career_advice",
                           slots={"wants": "employer"})  # fmt: skip
    asyncio.run(ActionAssessmentSummary().run(dispatcher, tracker, {}))
    assert dispatcher.messages[-1]["custom"]["topic"] == "employer_apprentice_pay"


def test_words_not_understood_while_asked_about_cancelling_are_about_the_appointment(
    dispatcher,
):
    """ "no dont cancel it, sorry" read as nothing in particular, after "are you sure?"."""
    asked = {"reference": "KH3-7XP", "contact": "07700900123", "asked": "cancel"}
    tracker = make_tracker(text="no dont cancel it, sorry", intent="nlu_fallback",
                           slots={"booking_managed": asked})  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, tracker, {}))
    assert dispatcher.messages[-1]["text"] == "OK, your appointment stays as it is."


def test_a_first_misunderstanding_after_an_answer_is_not_still(dispatcher, demo_database):
    """ "how long is it" after results the same action had answered ("is it free") got "I'm
    sorry, I'm still not sure what you need" the first time it was not understood."""
    answered = make_tracker(
        text="how long is it",
        intent="nlu_fallback",
        events=[{"event": "user", "text": "is it free"},
                {"event": "action", "name": "action_two_stage_fallback_offer"},
                {"event": "bot", "text": "I couldn't find any courses", "data": {}},
                {"event": "action", "name": "action_listen"}, {"event": "user"}],
    )  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, answered, {}))
    assert "still not sure" not in (dispatcher.messages[-1]["text"] or "")


def test_how_long_under_courses_says_where_the_details_are(dispatcher, demo_database):
    beauty = {"kind": "course", "words": "beauty", "near": "DB1 1AA"}
    for said in ("how long is it", "when does it start", "what days is the class"):
        tracker = make_tracker(text=said, intent="nlu_fallback", slots={"last_search": beauty})
        assert asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, tracker, {})) == []
        assert "ask the provider" in dispatcher.messages[-1]["text"]
    jobs = make_tracker(text="how long is it", intent="nlu_fallback",
                        slots={"last_search": {"kind": "job", "words": "care"}})  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, jobs, {}))
    assert "ask the provider" not in (dispatcher.messages[-1]["text"] or "")


def test_how_to_apply_and_the_hours_under_jobs_say_where_they_are(dispatcher, demo_database):
    """ "ow do i aply" and "whats the hours" under jobs got "I didn't understand" or the menu."""
    cleaning = {"kind": "job", "words": "cleaner", "near": "Westbrook"}
    for said, answer in (("ow do i aply", "how to apply"), ("how do i apply for the first one",
                         "how to apply"), ("whats the hours", "says its hours")):  # fmt: skip
        tracker = make_tracker(text=said, intent="nlu_fallback", slots={"last_search": cleaning})
        assert asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, tracker, {})) == []
        assert answer in dispatcher.messages[-1]["text"], said
    courses = make_tracker(text="ow do i aply", intent="nlu_fallback",
                           slots={"last_search": {"kind": "course", "words": "maths"}})  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, courses, {}))
    assert "employer's own advert" not in (dispatcher.messages[-1]["text"] or "")
