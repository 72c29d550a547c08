"""Custom actions return exactly the events and messages the dialogue relies on."""

import asyncio
from datetime import datetime, timezone

from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet

from actions.adviser import ActionContactAdviser, contact_text
from actions.session import ActionSessionStart
from bot.config import PROJECT_ROOT
from bot.council import service as council_service
from tests.actions.conftest import make_tracker

DEMO = council_service.load(PROJECT_ROOT / "councils" / "demo.yml")


def test_session_start_puts_council_identity_in_slots(dispatcher):
    events = asyncio.run(ActionSessionStart().run(dispatcher, make_tracker(), {}))
    assert events == [
        SessionStarted(),
        SlotSet("council_name", "Demo Borough Council"),
        SlotSet("council_phone", "0113 496 0000"),
        ActionExecuted("action_listen"),
    ]
    assert dispatcher.messages == []


def test_contact_adviser_gives_phone_email_and_hours(dispatcher):
    events = asyncio.run(ActionContactAdviser().run(dispatcher, make_tracker(), {}))
    assert events == []
    [message] = dispatcher.messages
    assert "0113 496 0000" in message["text"]
    assert "worklocal@demo-borough.example" in message["text"]
    assert "Monday 9am to 5pm" in message["text"]
    assert message["buttons"] == [{"title": "What else can you do?", "payload": "/help"}]


def test_contact_text_is_honest_about_whether_the_team_is_open():
    open_now = contact_text(DEMO, datetime(2026, 11, 25, 18, 0, tzinfo=timezone.utc))  # Wed
    closed = contact_text(DEMO, datetime(2026, 11, 29, 11, 0, tzinfo=timezone.utc))  # Sun
    assert "The team is open now." in open_now
    assert "closed right now" in closed


def test_start_again_says_the_chat_is_deleted_and_what_the_team_keeps(demo_database, dispatcher):
    from actions.handoff import case_reference
    from actions.session import ActionStartAgain

    tracker = make_tracker(sender_id="wipe-me")
    assert asyncio.run(ActionStartAgain().run(dispatcher, tracker, {})) == []
    [plain] = dispatcher.messages
    assert plain["custom"] == {"type": "start_again"}
    assert plain["text"] == "Done. I've deleted this chat, so nothing you told me here is kept."
    case_reference(tracker, "crisis")  # an urgent message passed to the team
    asyncio.run(ActionStartAgain().run(dispatcher, tracker, {}))
    assert "Our team still has what I passed to them" in dispatcher.messages[-1]["text"]
