"""Rasa's SQL tracker store, reading and writing its events through SQLAlchemy Core.

Rasa loads every event of a conversation as an ORM object on each turn, only to read one
column, and writes each turn's new events through the ORM's unit of work, one object at a time.
Under load that was over a quarter of the Rasa server's time (docs/benchmarks.md). These
methods run the same queries on the same table, in the same order, with the same results:
the events' ``data`` column read as plain rows (and parsed by ujson, which Sanic installs, at
two thirds of ``json``'s cost), the new events inserted in one statement.
Installed by ``bot.assistant.speedups.apply`` in the Rasa server's process only.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
import ujson


def event_rows(store: Any, sender_id: str, columns: list[Any], all_sessions: bool) -> Any:
    """Rasa's ``_event_query`` in Core: the sender's events, of its latest session only unless
    ``all_sessions``, ordered by id (timestamps may tie)."""
    from rasa.shared.core.events import SessionStarted

    events = store.SQLEvent.__table__
    query = sa.select(*columns).where(events.c.sender_id == sender_id)
    if not all_sessions:
        start = (
            sa.select(sa.func.max(events.c.timestamp).label("session_start"))
            .where(events.c.sender_id == sender_id, events.c.type_name == SessionStarted.type_name)
            .subquery()
        )
        query = query.where(
            sa.or_(events.c.timestamp >= start.c.session_start, start.c.session_start.is_(None))
        )
    return query.order_by(events.c.id)


async def retrieve_events(store: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
    """``SQLTrackerStore._retrieve``: the tracker from the stored events, or None."""
    from rasa.shared.core.trackers import DialogueStateTracker

    data = store.SQLEvent.__table__.c.data
    with store.session_scope() as session:
        query = event_rows(store, sender_id, [data], fetch_events_from_all_sessions)
        events = [_loads(row) for row in session.execute(query).scalars()]
    if store.domain and events:
        return DialogueStateTracker.from_dict(sender_id, events, store.domain.slots)
    return None


def stamp(session: Any, store: Any, sender_id: str) -> tuple[int, Any]:
    """What tells whether a conversation's stored events have changed: their number and latest
    timestamp (one query on the sender's index), for ``bot.assistant.tracker_cache``."""
    events = store.SQLEvent.__table__
    row = session.execute(
        sa.select(sa.func.count(), sa.func.max(events.c.timestamp)).where(
            events.c.sender_id == sender_id
        )
    ).one()
    return (int(row[0]), row[1])


async def save_events(store: Any, tracker: Any, stamped: bool = False, known: Any = None) -> Any:
    """``SQLTrackerStore.save``: stream the tracker's events, then store those not yet stored
    (the latest session's stored events are counted, as Rasa does). With ``stamped``, returns
    the conversation's ``stamp`` as this transaction leaves it.

    ``known`` is (stored events of the latest session, stamp) for a tracker handed back by the
    tracker cache: the database held exactly that when the turn began, and the conversation's
    lock keeps other writers out until it ends, so neither is asked of the database again."""
    await store.stream_events(tracker)
    events = store.SQLEvent.__table__
    if known is not None and known[0] > len(tracker.events):
        known = None  # not the tracker it was: ask
    with store.session_scope() as session:
        if known is None:
            stored_query = event_rows(store, tracker.sender_id, [events.c.id], all_sessions=False)
            stored = session.execute(
                sa.select(sa.func.count()).select_from(stored_query.subquery())
            ).scalar_one()
        else:
            stored = known[0]
        rows = [_row(tracker.sender_id, event) for event in list(tracker.events)[stored:]]
        if rows:
            session.execute(events.insert(), rows)
        after = None
        if stamped:
            after = _stamp_after(known[1], rows) if known is not None else None
            after = after or stamp(session, store, tracker.sender_id)
        session.commit()
    return after


def _stamp_after(before: tuple[int, Any], rows: list[dict[str, Any]]) -> Any:
    """The stamp once ``rows`` are added to a conversation stamped ``before``, or None when a
    row has no timestamp (then the database is asked)."""
    times = [row["timestamp"] for row in rows]
    if any(t is None for t in times):
        return None
    latest = [t for t in (before[1], *times) if t is not None]
    return (before[0] + len(rows), max(latest) if latest else None)


def _loads(data: str) -> Any:
    """``json.loads``'s value (ujson reads the same JSON the same way, NaN included); anything
    ujson refuses is left to ``json`` for its answer or error."""
    try:
        return ujson.loads(data)
    except (ValueError, OverflowError):
        return json.loads(data)


def _row(sender_id: str, event: Any) -> dict[str, Any]:
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }
