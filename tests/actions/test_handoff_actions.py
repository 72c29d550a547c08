"""Handing over: the case holds what the resident said, and a call back is promised honestly."""

from __future__ import annotations

import asyncio
import re
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.events import SlotSet
from sqlalchemy import select

from actions import handoff as actions
from actions.common import database
from bot.clock import utcnow
from bot.council import service as council_service
from bot.handoff.models import Case
from tests.actions.conftest import make_tracker

SLOTS = {"wants": "job", "age": 20, "situation": "out_of_work", "location": "DB2 1AA"}
EVENTS = [
    {"event": "user", "text": "I need a job"},
    {"event": "bot", "text": "How old are you?"},
    {"event": "user", "text": "20"},
]


def _run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


def _case(conversation_id: str = "test-conversation") -> Case:
    with database() as db:
        case = db.execute(select(Case).where(Case.conversation_id == conversation_id)).scalar_one()
        db.expunge(case)
        return case


def test_talk_to_a_person_opens_the_case_and_asks_the_gateway(demo_database, dispatcher):
    events = _run(actions.ActionHandoff(), dispatcher, make_tracker(slots=SLOTS, events=EVENTS))
    assert events == []
    case = _case()
    assert dispatcher.messages == [{
        "text": None, "buttons": [], "elements": [], "custom": {"type": "handoff",
        "case": case.reference}, "template": None, "response": None, "image": None,
        "attachment": None,
    }]  # fmt: skip
    assert (case.reason, case.offer, case.status) == ("asked", "youth_pathways", "open")
    assert case.summary.startswith("The resident is aged 20, out of work, in DB2 1AA.")
    assert [s["text"] for s in case.transcript] == ["I need a job", "How old are you?", "20"]
    assert {"question": "Age", "answer": "20"} in case.answers


def test_a_call_back_is_saved_on_the_case_with_when_to_expect_it(demo_database, dispatcher):
    slots = {**SLOTS, "booking_first_name": "Sam", "booking_contact": "07700900123",
             "booking_consent": True}  # fmt: skip
    events = _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=slots))
    assert events == [SlotSet("booking_first_name", None), SlotSet("booking_contact", None),
                      SlotSet("booking_consent", None),
                      SlotSet("callback_safe_time", None)]  # fmt: skip
    case = _case()
    assert case.status == "callback" and case.callback_by is not None
    assert case.contact == {"how": "phone", "value": "07700900123", "name": "Sam"}
    [message] = dispatcher.messages
    assert message["text"].startswith("Thank you, Sam. An adviser will call you on •••••••0123 by ")
    assert message["custom"] == {"type": "callback", "case": case.reference}


def test_no_consent_means_no_call_back(demo_database, dispatcher):
    slots = {"booking_first_name": "Sam", "booking_contact": "07700900123",
             "booking_consent": False}  # fmt: skip
    _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=slots))
    assert "I haven't asked for a call back" in dispatcher.messages[0]["text"]
    with database() as db:
        assert db.execute(select(Case)).scalars().all() == []


def test_the_call_back_form_checks_contacts_like_a_booking(dispatcher):
    form = actions.ValidateCallbackForm()
    tracker = make_tracker(active_loop="callback_form")
    assert form.name() == "validate_callback_form"
    assert form.validate_booking_contact("07700 900", dispatcher, tracker, {}) == {
        "booking_contact": None
    }
    assert "07700 900123" in dispatcher.messages[0]["text"]  # re-asked with an example
    assert form.validate_booking_contact("+44 7700 900123", dispatcher, tracker, {}) == {
        "booking_contact": "07700900123"
    }


def test_after_abuse_the_call_back_asks_when_it_is_safe_and_leaves_no_message(
    demo_database, dispatcher
):
    form = actions.ValidateCallbackForm()
    asked = ["booking_first_name", "booking_contact", "callback_safe_time", "booking_consent"]
    calm = make_tracker(active_loop="callback_form")
    assert asyncio.run(form.required_slots(asked, dispatcher, calm, {})) == [
        "booking_first_name", "booking_contact", "booking_consent"]  # fmt: skip
    after_abuse = make_tracker(active_loop="callback_form", slots={"crisis_kind": "abuse"})
    assert asyncio.run(form.required_slots(asked, dispatcher, after_abuse, {})) == asked
    said = "only weekdays after 10  when hes at work"
    assert form.validate_callback_safe_time(said, dispatcher, after_abuse, {}) == {
        "callback_safe_time": "only weekdays after 10 when hes at work"
    }
    slots = {**SLOTS, "booking_first_name": "Sam", "booking_contact": "07700900123",
             "booking_consent": True, "crisis_kind": "abuse",
             "callback_safe_time": "only weekdays after 10 when hes at work"}  # fmt: skip
    _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=slots))
    case = _case()
    assert case.contact["no_messages"] is True
    assert case.contact["safe_time"] == "only weekdays after 10 when hes at work"
    text = dispatcher.messages[-1]["text"]
    assert 'when it is safe: "only weekdays after 10 when hes at work"' in text
    assert "won't leave a message" in text


def test_after_abuse_will_you_text_me_is_answered_and_a_safe_time_said_first_is_kept(dispatcher):
    """ "will you send me a text? he reads them" was taken for the safe time to call, and
    "when hes at work, mornings", said with the request, was asked for again."""
    form = actions.ValidateCallbackForm()
    careful = {"crisis_kind": "abuse", "requested_slot": "callback_safe_time"}
    asked = make_tracker(active_loop="callback_form", slots=careful,
                         text="will you send me a text? he reads them")  # fmt: skip
    again = [SlotSet("callback_safe_time", None), SlotSet("requested_slot", "callback_safe_time")]
    assert asyncio.run(form.run(dispatcher, asked, {})) == again
    said = dispatcher.messages[-1]["text"]
    assert said.startswith("No. We don't send texts") and "won't leave a message" in said
    request = {"event": "user", "text": "can you call me when hes at work, mornings",
               "parse_data": {"intent": {"name": "request_callback"}}}  # fmt: skip
    starting = make_tracker(active_loop="callback_form", slots={"crisis_kind": "abuse"},
                            events=[request])  # fmt: skip
    assert asyncio.run(form.extract_callback_safe_time(dispatcher, starting, {})) == {
        "callback_safe_time": "when hes at work, mornings"
    }
    for said in ("can someone call me back", "can someone call me, he gets angry when hes home"):
        plain = make_tracker(active_loop="callback_form", slots={"crisis_kind": "abuse"},
                             events=[{**request, "text": said}])  # fmt: skip
        assert asyncio.run(form.extract_callback_safe_time(dispatcher, plain, {})) == {}, said
    # "stop, he checks my texts" lets her out of the form: never the texts answer again
    stop = make_tracker(active_loop="callback_form", slots=careful, intent="stop",
                        text="stop, he checks my texts")  # fmt: skip
    events = asyncio.run(form.run(dispatcher, stop, {}))
    assert events and events[-1].get("event") == "action_execution_rejected"


def test_yes_with_a_best_time_agrees_and_keeps_the_time(demo_database, dispatcher):
    form = actions.ValidateCallbackForm()
    asked = make_tracker(active_loop="callback_form", text="yes please but mornings only",
                         intent="inform", slots={"requested_slot": "booking_consent"})  # fmt: skip
    assert asyncio.run(form.run(dispatcher, asked, {})) == [
        SlotSet("booking_consent", True),
        SlotSet("callback_safe_time", "mornings only"),
    ]
    slots = {**SLOTS, "booking_first_name": "Tom", "booking_contact": "07700900321",
             "booking_consent": True, "callback_safe_time": "mornings only"}  # fmt: skip
    _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=slots))
    assert _case().contact["when"] == "mornings only"
    assert 'when you asked: "mornings only"' in dispatcher.messages[-1]["text"]


def test_no_thanks_to_contact_is_a_no(dispatcher):
    form = actions.ValidateCallbackForm()
    asked = make_tracker(active_loop="callback_form", text="no thanks i'll ring them",
                         intent="deny", slots={"requested_slot": "booking_consent"})  # fmt: skip
    assert asyncio.run(form.run(dispatcher, asked, {})) == [SlotSet("booking_consent", False)]


def _asked(text: str) -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": "request_callback"}}}


CALL_ME = {**SLOTS, "booking_first_name": "Lee", "booking_contact": "07700900555",
           "booking_consent": True}  # fmt: skip


def test_a_call_back_asked_for_at_a_time_the_team_works_is_promised_then(demo_database, dispatcher):
    """ "please call me back on friday after 2" was promised "by 5pm on Tuesday"."""
    said = [{"event": "user", "text": "i used to work in a shop"},  # before the request: not it
            _asked("can someone call me back on friday after 2pm pls")]  # fmt: skip
    _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=CALL_ME, events=said))
    text = dispatcher.messages[-1]["text"]
    # from 2pm, or a little later when it is already Friday afternoon
    when = r"on Friday \d+ \w+, between (2pm|[234](:[0-5]\d)?pm) and 4:30pm, as you asked\."
    assert re.search(r"will call you on •+0555 " + when, text), text
    case = _case()
    assert case.contact["when"] == "on Fridays after 2pm"
    assert case.callback_by.astimezone(ZoneInfo("Europe/London")).strftime("%A %H:%M") == (
        "Friday 16:30"
    )


def test_a_call_back_at_an_hour_is_promised_for_that_hour_not_the_whole_day(
    demo_database, dispatcher
):
    """ "thursday at 11" was promised "between 9am and 5pm, as you asked"."""
    said = [_asked("can someone ring me back thursday about 11ish")]
    _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=CALL_ME, events=said))
    text = dispatcher.messages[-1]["text"]
    when = r"on Thursday \d+ \w+, between 11(:[0-5]\d)?am and (12pm|noon|midday), as you asked\."
    assert re.search(when, text), text
    assert _case().contact["when"] == "on Thursdays at 11am"


def test_a_call_back_asked_for_when_nobody_works_says_so_with_the_hours(demo_database, dispatcher):
    said = [_asked("please call me back on friday after 5pm, im at work til then")]
    _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=CALL_ME, events=said))
    text = dispatcher.messages[-1]["text"]
    assert "Our advisers aren't working on Fridays after 5pm (their hours: " in text
    assert "Friday 9am to 4:30pm" in text and "call 0113 496 0000 when it suits you" in text
    assert _case().contact["when"] == "on Fridays after 5pm"


def test_words_said_to_may_we_contact_you_ask_again_instead_of_leaving(dispatcher):
    """ "its about getting a job" at the consent question dropped the call back for a search."""
    form = actions.ValidateCallbackForm()
    for said, intent in (("its about getting a job", "find_job"),
                         ("evening is better, after 6", "inform")):  # fmt: skip
        asked = make_tracker(active_loop="callback_form", text=said, intent=intent,
                             slots={"requested_slot": "booking_consent"})  # fmt: skip
        events = asyncio.run(form.run(dispatcher, asked, {}))
        assert events[0] == SlotSet("booking_consent", None)
        assert events[-1] == SlotSet("requested_slot", "booking_consent")  # the same question
        assert dispatcher.messages[-1]["text"] == "Thanks. I just need a yes or a no to this:"
    find = "actually find me some jobs"
    leaving = make_tracker(active_loop="callback_form", text=find, intent="find_job",
                           slots={"requested_slot": "booking_consent"},
                           events=[{"event": "user", "text": find}])  # fmt: skip
    assert "action_execution_rejected" in [
        e["event"] for e in asyncio.run(form.run(dispatcher, leaving, {}))
    ]


def test_a_time_said_where_the_name_is_asked_is_kept_and_the_name_asked_again(dispatcher):
    """ "after 6pm please im at work" at the name question went off to the questions, and then
    the name, the number and "yes" were all refused."""
    form = actions.ValidateCallbackForm()
    said = "after 6pm please im at work"
    asked = make_tracker(active_loop="callback_form", text=said, intent="inform",
                         slots={"requested_slot": "booking_first_name"})  # fmt: skip
    assert asyncio.run(form.run(dispatcher, asked, {})) == [
        SlotSet("booking_first_name", None), SlotSet("requested_slot", "booking_first_name")
    ]  # fmt: skip
    assert dispatcher.messages[-1]["text"] == "Thanks, I'll tell the adviser when suits you."
    assert (
        actions.asked_when(
            make_tracker(events=[_asked("call me back pls"), {"event": "user", "text": said}]),
            council_service.home(),
        ).after_hour
        == 18
    )


@pytest.mark.parametrize(
    ("said", "intent"),
    [("only if its about the job stuff", "complain"), ("is this free", "help"),
     ("hmm what for", "nlu_fallback")],
)  # fmt: skip
def test_side_talk_at_may_we_contact_you_keeps_the_call_back(dispatcher, said, intent):
    form = actions.ValidateCallbackForm()
    asked = make_tracker(active_loop="callback_form", text=said, intent=intent,
                         slots={"requested_slot": "booking_consent"})  # fmt: skip
    events = asyncio.run(form.run(dispatcher, asked, {}))
    assert events[-1] == SlotSet("requested_slot", "booking_consent")


def test_a_call_back_asked_for_next_week_is_promised_next_week(demo_database, dispatcher):
    said = [_asked("can you ring me next week on tuesday after 2")]
    _run(actions.ActionRequestCallback(), dispatcher, make_tracker(slots=CALL_ME, events=said))
    text = dispatcher.messages[-1]["text"]
    found = re.search(r"on Tuesday (\d+) (\w+), between", text)
    assert found, text
    by = _case().callback_by.astimezone(ZoneInfo("Europe/London")).date()
    assert by.weekday() == 1 and (by - utcnow().date()).days > 6 - utcnow().weekday()
