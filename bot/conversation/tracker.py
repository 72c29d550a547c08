"""Forget a conversation in Rasa's SQL tracker store.

Rasa's HTTP API can replace a tracker's events but the SQL store only ever appends, so ending a
conversation deletes its rows directly. The ``events`` table and ``sender_id`` column are Rasa's
own (``SQLTrackerStore.SQLEvent``), stable across Rasa 3.x.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError


def forget(engine: Engine, sender_id: str) -> int:
    """Delete every stored event of one conversation; returns how many went."""
    try:
        with engine.begin() as connection:
            result = connection.execute(
                text("DELETE FROM events WHERE sender_id = :sender_id"), {"sender_id": sender_id}
            )
            return result.rowcount or 0
    except (OperationalError, ProgrammingError) as exc:
        # No events table yet means Rasa has stored nothing for anybody: nothing to forget.
        if "events" in str(exc).lower() and (
            "no such table" in str(exc).lower() or "does not exist" in str(exc).lower()
        ):
            return 0
        raise


def count(engine: Engine, sender_id: str) -> int:
    """How many events Rasa holds for a conversation (used to prove forgetting)."""
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT COUNT(*) FROM events WHERE sender_id = :sender_id"),
            {"sender_id": sender_id},
        ).scalar_one()
