"""Never trapped, stayed with after a crisis, answered when asked: exact events of the actions
that let residents leave a flow, answer a crisis and its aftermath, and answer questions."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop, FollowupAction, SlotSet
from sqlalchemy import select

from actions import booking as booking_actions
from actions.flows import ActionGreet, ActionLeaveFlow, reject_if_leaving
from actions.knowledge import ActionAnswerQuestion
from actions.safety import ActionCrisis, ActionCrisisFollowUp, ActionEmployer
from bot.booking.models import Booking
from tests.actions.conftest import make_tracker

LEFT = [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("booking_first_name", None),
        SlotSet("booking_contact", None), SlotSet("booking_consent", None),
        SlotSet("booking_reference", None), SlotSet("booking_offered", None),
        SlotSet("picking_time", None)]  # fmt: skip


def _run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


@pytest.mark.parametrize(
    ("intent", "text", "said"),
    [("request_adviser", "can i talk to a real person", {"custom": "handoff"}),
     ("help", "help", {"response": "utter_help"}),
     ("find_course", "plumbing courses", {"custom": "course_results"}),
     ("crisis", "/crisis", {"custom": "crisis"}),
     ("ask_question", "how much do apprentices get paid", {"custom": "answer"})],
)  # fmt: skip
def test_leaving_a_form_answers_the_request_at_once(demo_database, dispatcher, intent, text, said):
    """Answered in the same action (a follow-up action would leave the rules without one to
    wait for the resident after it), the form ended first."""
    tracker = make_tracker(intent=intent, text=text, active_loop="booking_form")
    events = _run(ActionLeaveFlow(), dispatcher, tracker)
    assert events[: len(LEFT)] == LEFT
    last = dispatcher.messages[-1]
    if "custom" in said:
        assert last["custom"]["type"] == said["custom"]
    else:
        assert last["response"] == said["response"]


def test_starting_again_in_a_form_leaves_it_for_the_rules_to_ask_and_keeps_everything(
    demo_database, dispatcher
):
    """The rules ask "do you want to start again?" next, with its own action, so that they
    answer "no" and "yes" to it as they do anywhere else (data/rules.yml); until then nothing
    is let go, so "no" truly keeps everything: the name, the contact, the time held."""
    offered = _run(booking_actions.ActionOfferSlots(), dispatcher, make_tracker())[0]["value"]
    chosen = [{"entity": "slot_id", "value": offered["choices"][0]["id"]}]
    holding = make_tracker(slots={"booking_offered": offered}, sender_id="conv-1", entities=chosen)
    held = _run(booking_actions.ActionHoldSlot(), dispatcher, holding)[0]["value"]
    asked = len(dispatcher.messages)
    tracker = make_tracker(slots={"booking_hold": held, "booking_first_name": "Ana"},
                           intent="start_again", text="ugh start again",
                           active_loop="booking_form", sender_id="conv-1")  # fmt: skip
    assert _run(ActionLeaveFlow(), dispatcher, tracker) == [
        ActiveLoop(None),
        SlotSet("requested_slot", None),
    ]
    assert dispatcher.messages[asked:] == []
    from actions.common import database

    with database() as db:
        assert db.get(Booking, held["id"]).status == "held"


def test_leaving_for_another_form_starts_it(dispatcher):
    tracker = make_tracker(intent="career_advice", active_loop="booking_form")
    assert _run(ActionLeaveFlow(), dispatcher, tracker) == [
        *LEFT,
        FollowupAction("assessment_form"),
    ]


def test_stopping_a_booking_lets_the_held_time_go(demo_database, dispatcher):
    offered = _run(booking_actions.ActionOfferSlots(), dispatcher, make_tracker())[0]["value"]
    first = offered["choices"][0]
    held = _run(booking_actions.ActionHoldSlot(), dispatcher, make_tracker(
        slots={"booking_offered": offered}, sender_id="conv-1",
        entities=[{"entity": "slot_id", "value": first["id"]}]))[0]["value"]  # fmt: skip
    tracker = make_tracker(slots={"booking_hold": held}, intent="stop", text="stop",
                           active_loop="booking_form", sender_id="conv-1")  # fmt: skip
    assert _run(ActionLeaveFlow(), dispatcher, tracker) == [*LEFT, SlotSet("booking_hold", None)]
    assert dispatcher.messages[-1]["text"].startswith("OK, I've stopped that. Nothing has been")
    from actions.common import database

    with database() as db:
        assert db.execute(select(Booking.status)).scalar_one() == "cancelled"


@pytest.mark.parametrize(
    ("requested", "text", "intent", "leaves"),
    [("booking_first_name", "talk to a person", "request_adviser", True),
     ("booking_first_name", "Hope", "request_adviser", False),  # a name, whatever the model says
     ("booking_first_name", "help", "help", True),
     ("booking_contact", "07700 900123", "stop", False),
     ("booking_contact", "forget it", "stop", True),
     ("booking_reference", "i want to end it all", "crisis", True),
     ("booking_first_name", "Sam", "inform", False),
     # a question the model took for a search is no search: the booking stays
     ("booking_first_name", "do i need to bring anything", "find_job", False),
     ("booking_first_name", "actually find me warehouse jobs", "find_job", True)],
)  # fmt: skip
def test_a_form_lets_go_only_of_a_request(requested, text, intent, leaves):
    tracker = make_tracker(slots={"requested_slot": requested}, text=text, intent=intent,
                           active_loop="booking_form")  # fmt: skip
    answers = booking_actions.answers_question(requested, text)
    rejected = None if answers else reject_if_leaving(tracker, "booking_form")
    expected = [SlotSet(requested, None), ActionExecutionRejected("booking_form")]
    assert rejected == (expected if leaves else None)


def test_a_greeting_hears_what_was_said_with_it(dispatcher):
    noted = {"new": ["age", "situation"], "changed": []}
    slots = {"age": 19, "situation": "out_of_work", "profile_noted": noted}
    _run(ActionGreet(), dispatcher, make_tracker(slots=slots, intent="greet"))
    assert dispatcher.messages[0]["text"].startswith(
        "Hello. Thanks. I've noted that you're 19 and you're not working at the moment."
    )
    plain = make_tracker(intent="greet")
    _run(ActionGreet(), dispatcher, plain)
    assert dispatcher.messages[-1]["response"] == "utter_greet"


def test_help_with_a_barrier_just_named_is_offered_first(dispatcher):
    """ "hi, drowning in debt": debt advice is one press away, before courses and jobs."""
    noted = {"new": ["barriers"], "changed": []}
    slots = {"barriers": ["money"], "profile_noted": noted}
    _run(ActionGreet(), dispatcher, make_tracker(slots=slots, intent="greet"))
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/get_support"
    other = {"age": 30, "profile_noted": {"new": ["age"], "changed": []}}
    _run(ActionGreet(), dispatcher, make_tracker(slots=other, intent="greet"))
    assert "/get_support" not in [b["payload"] for b in dispatcher.messages[-1]["buttons"]]


@pytest.mark.parametrize(
    ("said", "kind", "words"),
    [("i want to end it all", "suicide", ["116 123", "85258", "Are you safe right now?"]),
     ("my boyfriend hits me", "abuse", ["0808 2000 247", "999"]),
     ("my boss keeps my passport and doesnt pay me", "exploitation",
      ["08000 121 700", "999", "whatever your immigration status"]),
     ("i have nowhere to sleep tonight", "homeless_tonight", ["0113 496 0999"]),
     ("my landlord gave me notice to leave by friday", "housing",
      ["Housing Options", "56 days", "0113 496 0999", "Housing comes first in your plan"])],
)  # fmt: skip
def test_each_danger_gets_its_own_answer(demo_database, dispatcher, said, kind, words):
    user = {"event": "user", "text": "/crisis", "metadata": {"resident_text": said}}
    tracker = make_tracker(text="/crisis", intent="crisis", events=[user], sender_id=f"c-{kind}")
    events = _run(ActionCrisis(), dispatcher, tracker)
    assert events[:3] == [SlotSet("urgent", True), SlotSet("crisis_open", True),
                          SlotSet("crisis_kind", kind)]  # fmt: skip
    [message] = dispatcher.messages
    assert all(w in message["text"] for w in words)
    assert message["custom"]["type"] == "crisis" and message["custom"]["kind"] == kind
    if kind in ("housing", "homeless_tonight"):
        assert events[3] == SlotSet("barriers", ["housing"])


def _after(dispatcher, text, intent, kind="suicide"):
    slots = {"crisis_open": True, "crisis_kind": kind}
    tracker = make_tracker(slots=slots, text=text, intent=intent)
    return _run(ActionCrisisFollowUp(), dispatcher, tracker)


def test_after_a_crisis_low_words_are_heard_not_taken_for_a_request(dispatcher):
    assert _after(dispatcher, "i dont know. nobody cares", "career_advice") == []
    text = dispatcher.messages[-1]["text"]
    assert "You matter" in text and "116 123" in text and text.endswith("Are you safe right now?")


def test_after_a_crisis_safe_now_lets_the_resident_choose(dispatcher):
    assert _after(dispatcher, "yes im ok now", "affirm") == [SlotSet("crisis_open", None)]
    message = dispatcher.messages[-1]
    assert message["custom"] == {"type": "safe_now"}
    assert "/career_advice" in [b["payload"] for b in message["buttons"]]  # only if they choose


def test_after_a_crisis_a_request_of_their_own_is_answered(demo_database, dispatcher):
    """ "can u just help me find a job then" after an eviction answer gets jobs, not the same
    question again; so does "warehouse" after the jobs they asked for."""
    asked = make_tracker(
        slots={
            "crisis_open": True,
            "crisis_kind": "housing",
            "wants": "job",
        },  # the profile reads "a job" first
        text="can u just help me find a job then",
        intent="career_advice",
    )
    events = _run(ActionCrisisFollowUp(), dispatcher, asked)  # fmt: skip
    assert events[0]["name"] == "last_search"
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"
    searched = make_tracker(
        slots={"crisis_open": True, "crisis_kind": "suicide", "wants": "job"},
        text="warehouse", intent="inform",
        entities=[{"entity": "job_role", "value": "warehouse"}],
        events=[{"event": "action", "name": "action_crisis"},
                {"event": "action", "name": "action_crisis_follow_up"},
                {"event": "slot", "name": "last_search", "value": {"kind": "job"}}],
    )  # fmt: skip
    assert _run(ActionCrisisFollowUp(), dispatcher, searched)[0]["name"] == "last_search"
    assert "Are you safe" not in dispatcher.messages[-1].get("text", "")
    # the postcode for the courses they asked for, after abuse at home: the courses, near it
    where = make_tracker(
        slots={"crisis_open": True, "crisis_kind": "abuse", "wants": "course",
               "last_search": {"kind": "course", "online": True}},
        text="DB1 1AA", intent="inform",
        entities=[{"entity": "postcode", "value": "DB1 1AA"}],
        events=[{"event": "action", "name": "action_crisis"},
                {"event": "slot", "name": "last_search",
                 "value": {"kind": "course", "words": "", "online": True}}],
    )  # fmt: skip
    found = _run(ActionCrisisFollowUp(), dispatcher, where)
    assert found[0]["name"] == "last_search" and found[0]["value"]["near"] == "DB1 1AA"
    assert "Are you safe" not in dispatcher.messages[-1].get("text", "")
    # words of feeling low are still heard first
    assert _after(dispatcher, "i dont know. nobody cares about a job", "career_advice") == []
    assert dispatcher.messages[-1]["text"].endswith("Are you safe right now?")
    # a danger in words that name work is no request for jobs but the danger, answered again;
    # nor is "ok" after the jobs
    locked_in = _after(dispatcher, "i want to go to work but he locks me in", "inform",
                       kind="abuse")  # fmt: skip
    assert SlotSet("crisis_kind", "abuse") in locked_in
    assert all(event.get("name") != "last_search" for event in locked_in)
    assert "0808 2000 247" in dispatcher.messages[-1]["text"]
    ok = make_tracker(slots={"crisis_open": True, "crisis_kind": "suicide"}, text="ok",
                      intent="affirm", events=searched.events)  # fmt: skip
    assert _run(ActionCrisisFollowUp(), dispatcher, ok) == []
    assert dispatcher.messages[-1]["text"].endswith("Are you safe right now?")


def test_after_a_housing_crisis_nowhere_tonight_gets_the_emergency_line(dispatcher):
    assert _after(dispatcher, "no", "deny", kind="housing") == []
    assert "emergency housing line now on 0113 496 0999" in dispatcher.messages[-1]["text"]


def test_questions_get_sourced_answers_and_unknown_ones_an_honest_no(dispatcher):
    asked = make_tracker(text="how much do apprentices get paid", intent="ask_question",
                         entities=[{"entity": "topic", "value": "apprentice_pay"}])  # fmt: skip
    assert _run(ActionAnswerQuestion(), dispatcher, asked) == []
    answer = dispatcher.messages[-1]
    assert "£8.00" in answer["text"] and "Source: GOV.UK, checked" in answer["text"]
    assert answer["custom"]["topic"] == "apprentice_pay"
    unknown = make_tracker(text="how many moons has jupiter", intent="ask_question")
    _run(ActionAnswerQuestion(), dispatcher, unknown)
    assert dispatcher.messages[-1]["text"].startswith("Sorry, I don't know the answer to that.")


def test_an_employer_stays_an_employer(dispatcher):
    assert _run(ActionEmployer(), dispatcher, make_tracker()) == [SlotSet("wants", "employer")]
    assert "employer team" in dispatcher.messages[-1]["text"]
    cost = make_tracker(slots={"wants": "employer"}, intent="ask_question",
                        text="how much does it cost me to take on an apprentice")  # fmt: skip
    _run(ActionAnswerQuestion(), dispatcher, cost)
    assert dispatcher.messages[-1]["custom"]["topic"] == "employer_apprentice_costs"
    assert booking_actions.offer_for(make_tracker(slots={"wants": "employer"})) == "employer"


def test_an_employer_is_never_given_a_residents_answer(dispatcher):
    """A resident asking about "an employer" gets the resident's answer; someone who said they
    are an employer asking "is the course free" does not get the residents' course fees."""
    caution = make_tracker(
        intent="ask_question",
        text="got a caution 3 yrs ago, does an employer need to know about it",
    )
    _run(ActionAnswerQuestion(), dispatcher, caution)
    assert dispatcher.messages[-1]["custom"]["topic"] == "criminal_records"
    employer = make_tracker(slots={"wants": "employer"}, intent="ask_question",
                            text="is the course free")  # fmt: skip
    _run(ActionAnswerQuestion(), dispatcher, employer)
    assert dispatcher.messages[-1]["text"].startswith("Sorry, I don't know the answer to that.")
    assert "employer team" in dispatcher.messages[-1]["text"]


@pytest.mark.parametrize(
    ("moment", "note"),
    [("2026-12-07T10:00:00+00:00", "I've let our team know this is urgent. Are you safe"),
     ("2026-12-05T22:30:00+00:00", "They are closed now. They open again at 9am on Monday 7 "
                                   "December. The numbers above can help you now.")],
)  # fmt: skip
def test_a_crisis_at_night_says_when_the_team_will_see_it(demo_database, dispatcher, moment, note):
    from datetime import datetime

    from bot import clock

    user = {"event": "user", "text": "/crisis", "metadata": {"resident_text": "i want to die"}}
    tracker = make_tracker(text="/crisis", intent="crisis", events=[user], sender_id="night")
    with clock.pinned(datetime.fromisoformat(moment)):
        _run(ActionCrisis(), dispatcher, tracker)
    assert note in dispatcher.messages[-1]["text"]


@pytest.mark.parametrize(
    ("said", "safe"),
    [("yeah", True), ("um yeah i think so", True), ("im ok for now", True), ("ok for now", True),
     ("i'm alright", True), ("yh im safe", True), ("i can stay at my mums", True),
     ("im not ok", False), ("nah", False), ("im scared", False), ("not really", False),
     ("ok what now", None), ("can u find me a job", None), ("im fine with nights", None)],
)  # fmt: skip
def test_a_typed_answer_to_are_you_safe_is_read_plainly(said, safe):
    from actions.safety import clear_answer

    assert clear_answer(said) is safe


def test_safe_tonight_after_losing_a_home_still_urges_a_call_to_housing(dispatcher):
    assert _after(dispatcher, "yes at my sisters", "affirm", kind="housing") == [
        SlotSet("crisis_open", None)
    ]
    text = dispatcher.messages[-1]["text"]
    assert (
        "Housing Options team on 0113 496 0000 as soon as you can" in text and "no rush" not in text
    )
    _after(dispatcher, "i dont know what to do", "deny", kind="housing")
    low = dispatcher.messages[-1]["text"]
    assert "Samaritans" not in low and "Housing Options" in low
    assert low.endswith("Do you have somewhere safe to stay tonight?")


def test_after_an_overdose_medical_help_comes_first(dispatcher):
    assert _after(dispatcher, "i dont want an ambulance", "deny", kind="overdose") == []
    text = dispatcher.messages[-1]["text"]
    assert text.startswith("Please call 999 now, or go to A&E") and "if you might act" not in text


def test_after_abuse_the_abuse_helpline_is_given_again(dispatcher):
    _after(dispatcher, "he checks my phone", "inform", kind="abuse")
    assert "0808 2000 247" in dispatcher.messages[-1]["text"]
    assert "Samaritans" not in dispatcher.messages[-1]["text"]


@pytest.mark.parametrize(
    "said", ["no im ok, im not going to do anything", "im safe now thanks, can u help me find work"]
)
def test_safe_said_with_more_is_heard_as_safe(dispatcher, said):
    assert _after(dispatcher, said, "inform") == [SlotSet("crisis_open", None)]


def test_sleeping_in_a_car_then_safe_tonight_is_not_told_to_keep_their_home(dispatcher):
    _after(dispatcher, "yes for tonight", "affirm", kind="homeless_tonight")
    text = dispatcher.messages[-1]["text"]
    assert "somewhere settled to live" in text and "keep your home" not in text


@pytest.mark.parametrize(
    ("kind", "number"),
    [("homeless_tonight", "0113 496 0999"), ("abuse", "0808 2000 247"), ("overdose", "999"),
     ("suicide", "116 123")],
)  # fmt: skip
def test_not_safe_said_twice_is_not_given_the_same_words_twice(dispatcher, kind, number):
    """Found by playing residents: "no", "no" got the same paragraph twice, then "I keep
    giving you the same answer"."""
    first = make_tracker(slots={"crisis_open": True, "crisis_kind": kind}, text="no",
                         intent="deny")  # fmt: skip
    _run(ActionCrisisFollowUp(), dispatcher, first)
    said = dispatcher.messages[-1]["text"]
    again = make_tracker(
        slots={"crisis_open": True, "crisis_kind": kind}, text="no",
        intent="deny", events=[{"event": "bot", "text": said}],
    )  # fmt: skip
    _run(ActionCrisisFollowUp(), dispatcher, again)
    second = dispatcher.messages[-1]
    assert second["text"] != said and said[:40] not in second["text"]
    assert number in second["text"]
    assert second["buttons"][0]["payload"] == "/request_adviser"


def test_an_answer_to_the_questions_after_a_crisis_is_noted_not_ignored(dispatcher):
    """ "a couple of months" (how long out of work) after the emergency answer: noted, and the
    safety question asked once more, not "I'm still here. Take your time" to every answer."""
    tracker = make_tracker(
        slots={"crisis_open": True, "crisis_kind": "homeless_tonight",
               "out_of_work_months": 2,
               "profile_noted": {"new": ["out_of_work_months"], "changed": []}},
        text="a couple of months", intent="inform",
    )  # fmt: skip
    assert _run(ActionCrisisFollowUp(), dispatcher, tracker) == []
    text = dispatcher.messages[-1]["text"]
    assert text.startswith("Thanks. I've noted")
    assert "carry on with the questions" in text and text.endswith("safe to stay tonight?")


def test_ok_after_saying_nowhere_tonight_is_not_asked_the_same_question_again(dispatcher):
    """ "i got nowhere to sleep tonight", "no nowhere", "ok" asked "Do you have somewhere safe
    to stay tonight?" again."""
    slots = {"crisis_open": True, "crisis_kind": "homeless_tonight"}
    _run(ActionCrisisFollowUp(), dispatcher, make_tracker(slots=slots, text="no", intent="deny"))
    not_safe = dispatcher.messages[-1]["text"]
    events = [{"event": "bot", "text": "I'm sorry.", "data": {"custom": {"type": "crisis"}}},
              {"event": "bot", "text": not_safe}]  # fmt: skip
    ok = make_tracker(slots=slots, text="ok", intent="affirm", events=events)
    assert _run(ActionCrisisFollowUp(), dispatcher, ok) == []
    said = dispatcher.messages[-1]
    assert "safe to stay tonight?" not in said["text"] and "0113 496 0999" in said["text"]
    assert [b["payload"] for b in said["buttons"]][-1] == "/request_adviser"
    # A new crisis answer starts the question again
    fresh = [
        *events,
        {"event": "bot", "text": "I'm sorry.", "data": {"custom": {"type": "crisis"}}},
    ]
    _run(ActionCrisisFollowUp(), dispatcher, make_tracker(slots=slots, text="ok", events=fresh))
    assert dispatcher.messages[-1]["text"].endswith("safe to stay tonight?")
