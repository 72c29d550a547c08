"""Custom actions return exactly the events and messages the dialogue relies on."""

import asyncio
from datetime import datetime, timezone

import pytest
import yaml
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet

from actions.adviser import ActionContactAdviser, contact_text
from actions.session import ActionSessionStart
from bot.config import PROJECT_ROOT, get_settings
from bot.council import service as council_service
from tests.actions.conftest import make_tracker

DEMO = council_service.load(PROJECT_ROOT / "councils" / "demo.yml")


def test_session_start_puts_council_identity_in_slots(dispatcher):
    events = asyncio.run(ActionSessionStart().run(dispatcher, make_tracker(), {}))
    assert events == [
        SessionStarted(),
        SlotSet("council_name", "Demo Borough Council"),
        SlotSet("council_phone", "0113 496 0000"),
        SlotSet("service_name", "Work Local"),
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


@pytest.fixture
def vale(tmp_path, monkeypatch):
    """A second council beside the demo one, as one deployment serving two."""
    folder = tmp_path / "councils"
    folder.mkdir()
    demo = (PROJECT_ROOT / "councils" / "demo.yml").read_text()
    (folder / "demo.yml").write_text(demo)
    other = yaml.safe_load(demo) | {"slug": "demo-vale", "name": "Demo Vale Council",
                                    "phone": "0113 496 0500"}  # fmt: skip
    (folder / "demo-vale.yml").write_text(yaml.safe_dump(other))
    monkeypatch.setenv("COUNCIL_FILE", str(folder / "demo.yml"))
    get_settings.cache_clear()


def _said(council: str, text: str = "how do i talk to someone") -> dict:
    return {"event": "user", "text": text, "metadata": {"council": council, "channel": "web"}}


def test_the_council_is_the_one_the_gateway_names_in_the_messages_metadata(dispatcher, vale):
    asyncio.run(ActionContactAdviser().run(dispatcher, make_tracker(events=[_said("demo-vale")]),
                                           {}))  # fmt: skip
    [message] = dispatcher.messages
    assert "Demo Vale Council" in message["text"] and "0113 496 0500" in message["text"]


def test_a_new_session_greets_with_the_councils_own_name_and_number(dispatcher, vale):
    tracker = make_tracker(slots={"session_started_metadata": {"council": "demo-vale"}})
    events = asyncio.run(ActionSessionStart().run(dispatcher, tracker, {}))
    assert SlotSet("council_name", "Demo Vale Council") in events
    assert SlotSet("council_phone", "0113 496 0500") in events


def test_without_a_council_named_the_home_council_answers(dispatcher, vale):
    asyncio.run(ActionContactAdviser().run(dispatcher, make_tracker(events=[_said("nowhere")]),
                                           {}))  # fmt: skip
    assert "0113 496 0000" in dispatcher.messages[0]["text"]
