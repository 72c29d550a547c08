"""Build Rasa SDK trackers the way the action server receives them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.conversation import payloads


def make_tracker(
    slots: dict[str, Any] | None = None,
    events: list | None = None,
    text: str = "",
    intent: str = "",
    entities: list[dict] | None = None,
    active_loop: str | None = None,
    sender_id: str = "test-conversation",
) -> Tracker:
    return Tracker(
        sender_id=sender_id,
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def dispatcher() -> Iterator[CollectingDispatcher]:
    """The actions' messages; after the test, every custom payload an action sent must have
    the shape the widget renders (``bot.conversation.payloads``)."""
    collected = CollectingDispatcher()
    yield collected
    for message in collected.messages:
        if message.get("custom"):
            payloads.parse(message["custom"])


@pytest.fixture
def demo_database(monkeypatch, demo_copy):
    """Actions that read or write the database use a fresh copy of the demo data."""
    from actions.common import _sessions
    from bot.config import get_settings
    from bot.database import core

    monkeypatch.setenv("DATABASE_URL", demo_copy)
    get_settings.cache_clear()
    _sessions.cache_clear()
    core.get_engine.cache_clear()
    yield demo_copy
    _sessions.cache_clear()


def cases_of(conversation_id: str) -> list:
    """The cases a conversation opened, as (reason, urgency, status)."""
    from sqlalchemy import select

    from actions.common import database
    from bot.handoff.models import Case

    with database() as db:
        rows = db.execute(select(Case).where(Case.conversation_id == conversation_id)).scalars()
        return [(c.reason, c.urgency, c.status) for c in rows]
