"""A Rasa server keeps each conversation's tracker between its turns
(``bot.assistant.tracker_cache``): the kept tracker must be exactly what the database read would
give, and never stand in for a conversation changed elsewhere, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.assistant import tracker_cache
from bot.config import PROJECT_ROOT
from tests import aio
from tests.unit.test_sql_events import session, tracker_store


def make_store(database_url: str):
    from bot.assistant.tracker_store import WorkLocalSQLTrackerStore

    return tracker_store(WorkLocalSQLTrackerStore, database_url)


@pytest.fixture
def store(database_url):
    found = make_store(database_url)
    yield found
    found.engine.dispose()


def read_from_database(store, sender_id: str):
    from bot.assistant import sql_events

    return aio.run(sql_events.retrieve_events(store, sender_id, False))


def state(tracker) -> dict:
    from rasa.shared.core.trackers import EventVerbosity

    return tracker.current_state(EventVerbosity.ALL)


def turn(store, sender_id: str, words: str, at: float):
    """One turn as Rasa takes it: retrieve (or create), append the turn's events, save."""
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered

    tracker = aio.run(store.get_or_create_tracker(sender_id, append_action_listen=False))
    if not tracker.events:
        tracker.update_with_events(session(at, "hello", "20"), store.domain, False)
    tracker.update_with_events(
        [
            UserUttered(words, {"name": "inform", "confidence": 0.9}, timestamp=at + 10),
            SlotSet("age", words, timestamp=at + 11),
            ActionExecuted("action_listen", timestamp=at + 12),
        ],
        store.domain,
        False,
    )
    aio.run(store.save(tracker))
    return tracker


def opened(store, sender_id: str, words: str = "19", at: float = 1000.0):
    """A conversation past its first turn."""
    turn(store, sender_id, "hi", at)
    return turn(store, sender_id, words, at + 100)


def test_the_next_turn_gets_the_tracker_it_saved_exactly_as_the_database_holds_it(store):
    saved = opened(store, "jo")
    from_database = state(read_from_database(store, "jo"))
    again = aio.run(store.retrieve("jo"))
    assert again is saved  # no read and replay of every event
    assert state(again) == from_database
    assert len(store.cache) == 0  # handed over, not shared
    aio.run(store.save(again))
    assert len(store.cache) == 1


def test_a_turn_that_never_saves_leaves_the_database_to_answer(store):
    from rasa.shared.core.events import SlotSet

    opened(store, "jo")
    half_done = aio.run(store.retrieve("jo"))
    half_done.update(SlotSet("age", "99", timestamp=2000.0))  # the turn fails before saving
    fresh = aio.run(store.retrieve("jo"))
    assert fresh is not half_done
    assert fresh.get_slot("age") == "19"


def test_events_another_server_wrote_are_read(store, database_url):
    opened(store, "jo")
    other = make_store(database_url)  # a second Rasa server on the same database
    try:
        turn(other, "jo", "24", 1200.0)
    finally:
        other.engine.dispose()
    found = aio.run(store.retrieve("jo"))
    assert found.get_slot("age") == "24"
    assert state(found) == state(read_from_database(store, "jo"))


def test_a_conversation_deleted_from_the_database_is_not_brought_back(store):
    opened(store, "jo")
    table = store.SQLEvent.__table__
    with store.engine.begin() as connection:  # retention, or the gateway forgetting it
        connection.execute(sa.delete(table).where(table.c.sender_id == "jo"))
    assert aio.run(store.retrieve("jo")) is None


def test_forgetting_a_conversation_lets_its_tracker_go(store):
    opened(store, "jo")
    opened(store, "sam", "30")
    assert tracker_cache.forget("jo") == 1
    assert len(store.cache) == 1
    assert tracker_cache.forget("jo") == 0


def test_a_tracker_that_started_a_new_session_is_not_kept(store):
    from rasa.shared.core.events import ActionExecuted

    tracker = opened(store, "jo")
    assert aio.run(store.retrieve("jo")) is tracker
    tracker.update_with_events(session(9000.0, "back again", "21"), store.domain, False)
    tracker.update(ActionExecuted("action_listen", timestamp=9010.0))
    aio.run(store.save(tracker))
    assert len(store.cache) == 0
    latest = aio.run(store.retrieve("jo"))
    assert len(latest.events) == len(session(9000.0, "x", "1")) + 1  # the latest session only


def test_a_first_turn_is_read_back_without_what_came_before_its_session(store):
    """Rasa runs ``action_session_start`` a moment before the session it starts, and reading
    the latest session leaves that event out: the tracker that holds it is not kept."""
    from rasa.shared.core.events import ActionExecuted

    tracker = aio.run(store.get_or_create_tracker("jo", append_action_listen=False))
    tracker.update(ActionExecuted("action_session_start", timestamp=999.5))
    tracker.update_with_events(session(1000.0, "hello", "20")[1:], store.domain, False)
    aio.run(store.save(tracker))
    read = aio.run(store.retrieve("jo"))
    assert read is not tracker
    assert len(read.events) == len(tracker.events) - 1


def test_a_new_model_reads_from_the_database(store):
    from rasa.shared.core.domain import Domain

    saved = opened(store, "jo")
    store.domain = Domain.load(PROJECT_ROOT / "domain.yml")  # a model loaded since
    assert aio.run(store.retrieve("jo")) is not saved


def test_the_oldest_go_first_and_none_is_kept_too_long(store, monkeypatch):
    store.cache.size = 2
    for name in ("a", "b", "c"):
        opened(store, name)
    assert sorted(store.cache._kept) == ["b", "c"]
    kept = opened(store, "d")
    now = tracker_cache.time.monotonic()
    monkeypatch.setattr(tracker_cache.time, "monotonic", lambda: now + 1801)
    assert aio.run(store.retrieve("d")) is not kept


def test_size_zero_reads_every_turn_from_the_database(database_url, monkeypatch):
    from bot.config import get_settings

    monkeypatch.setenv("TRACKER_CACHE_SIZE", "0")
    get_settings.cache_clear()
    try:
        plain = make_store(database_url)
    finally:
        monkeypatch.delenv("TRACKER_CACHE_SIZE")
        get_settings.cache_clear()
    try:
        saved = opened(plain, "jo")
        assert plain.cache is None
        assert aio.run(plain.retrieve("jo")) is not saved
    finally:
        plain.engine.dispose()


def test_a_handed_back_tracker_saves_what_a_read_one_would(store):
    """Its save is one insert, the stored count and the stamp worked out rather than asked:
    the rows and the stamp must be the database's own."""
    from bot.assistant import sql_events
    from tests.unit.test_sql_events import rows

    for name in ("kept", "read"):
        opened(store, name)
        for number, words in enumerate(("24", "DB1 1AA", "no")):
            if name == "read":
                tracker_cache.forget(name)  # each turn from the database
            turn(store, name, words, 2000.0 + 100 * number)
    assert rows(store, "kept") == rows(store, "read")
    with store.session_scope() as session:
        assert store.cache._kept["kept"].stamp == sql_events.stamp(session, store, "kept")


def test_a_first_turn_that_fails_leaves_no_changed_tracker_behind(store):
    """A new conversation's tracker is saved before its first turn runs: if the turn then fails,
    the tracker it changed must not be handed to the next turn, whose save would skip events."""
    from rasa.shared.core.events import SlotSet

    created = aio.run(store.get_or_create_tracker("jo"))
    created.update(SlotSet("age", "99", timestamp=2000.0))  # the first turn, failing unsaved
    again = aio.run(store.retrieve("jo"))
    assert again is not created and again.get_slot("age") is None


def test_a_tracker_kept_too_long_goes_at_the_next_turn_of_anyone(store, monkeypatch):
    opened(store, "jo")
    now = tracker_cache.time.monotonic()
    monkeypatch.setattr(tracker_cache.time, "monotonic", lambda: now + 1801)
    aio.run(store.retrieve("someone else"))
    assert len(store.cache) == 0
