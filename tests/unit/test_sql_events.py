"""Rasa's SQL tracker store through SQLAlchemy Core (``bot.assistant.sql_events``) stores and
loads exactly what Rasa's own methods do, on SQLite and on PostgreSQL."""

import pytest
from sqlalchemy.engine import make_url

from bot.assistant import sql_events
from bot.config import PROJECT_ROOT
from tests import aio


def tracker_store(store_class, database_url: str, domain=None):
    """A SQL tracker store of ``store_class`` on the test's database, with the project's domain."""
    from rasa.shared.core.domain import Domain

    url = make_url(database_url)
    return store_class(
        domain or Domain.load(PROJECT_ROOT / "domain.yml"),
        dialect=url.get_backend_name(),
        host=url.host,
        port=url.port,
        db=url.database,
        username=url.username,
        password=url.password,
    )


@pytest.fixture
def store(database_url):
    from rasa.core.tracker_store import SQLTrackerStore

    found = tracker_store(SQLTrackerStore, database_url)
    yield found
    found.engine.dispose()


def session(start: float, words: str, age: str) -> list:
    """One conversation session's events, at fixed times so two copies are identical."""
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        SessionStarted,
        SlotSet,
        UserUttered,
    )

    return [
        ActionExecuted("action_session_start", timestamp=start),
        SessionStarted(timestamp=start),
        ActionExecuted("action_listen", timestamp=start + 1),
        UserUttered(
            words,
            {"name": "inform", "confidence": 0.9},
            [{"entity": "age", "value": age}],
            timestamp=start + 2,
        ),
        SlotSet("age", age, timestamp=start + 3),
        BotUttered(
            "Thanks", {"buttons": [{"title": "Yes", "payload": "/affirm"}]}, timestamp=start + 3
        ),
        ActionExecuted("action_listen", timestamp=start + 4),
    ]


def rows(store, sender_id: str) -> list:
    table = store.SQLEvent.__table__
    with store.engine.connect() as connection:
        found = connection.execute(
            table.select().where(table.c.sender_id == sender_id).order_by(table.c.id)
        ).all()
    return [tuple(row)[2:] for row in found]  # every column but the id and sender


def save_in_steps(store, sender_id: str, save) -> None:
    """A conversation saved after each turn, then in a second session. As in Rasa, each turn's
    tracker is the latest stored session's events (the store loads no more) and the turn's."""
    from rasa.shared.core.trackers import DialogueStateTracker

    first, second = session(1000.0, "I'm 17", "17"), session(9000.0, "actually 18", "18")
    for events in (first[:4], first[:6], first, first + second[:4], second):
        tracker = DialogueStateTracker.from_events(sender_id, events, store.domain.slots)
        aio.run(save(store, tracker))


def test_saved_events_are_the_rows_rasa_writes(store):
    from rasa.core.tracker_store import SQLTrackerStore

    save_in_steps(store, "rasa", SQLTrackerStore.save)
    save_in_steps(store, "ours", sql_events.save_events)
    assert rows(store, "ours") == rows(store, "rasa")
    assert len(rows(store, "ours")) == 14  # nothing stored twice


@pytest.mark.parametrize("all_sessions", [False, True])
def test_a_tracker_loads_as_rasa_loads_it(store, all_sessions):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.trackers import EventVerbosity

    save_in_steps(store, "someone", SQLTrackerStore.save)
    ours = aio.run(sql_events.retrieve_events(store, "someone", all_sessions))
    theirs = aio.run(SQLTrackerStore._retrieve(store, "someone", all_sessions))
    assert ours.current_state(EventVerbosity.ALL) == theirs.current_state(EventVerbosity.ALL)
    assert len(ours.events) == (14 if all_sessions else 7)
    assert ours.get_slot("age") == "18"


def test_an_unknown_conversation_has_no_tracker(store):
    assert aio.run(sql_events.retrieve_events(store, "nobody", False)) is None


@pytest.mark.parametrize(
    "data",
    ['{"event": "slot", "value": NaN}', '{"n": 123456789012345678901234567890, "s": "\\u00e9"}',
     '{"confidence": 0.9791234567891234, "t": 1700000000.123456}', '{"bad": }'],
)  # fmt: skip
def test_stored_events_read_as_json_reads_them(data):
    import json
    import math

    try:
        expected = json.loads(data)
    except ValueError as error:
        with pytest.raises(type(error)):
            sql_events._loads(data)
        return
    found = sql_events._loads(data)
    if "NaN" in data:
        assert math.isnan(found["value"])
    else:
        assert found == expected
