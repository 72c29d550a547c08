"""The Rasa server's SQL tracker store: Rasa's own, reading and writing through SQLAlchemy Core,
with engine settings that survive a database restart.

Named by module path in the endpoints.yml the service writes (``bot.assistant.endpoints``), as
Rasa loads custom tracker stores, so a reader of that file sees it; ``WORKLOCAL_RASA_PATCHES=
off`` names Rasa's own ``SQL`` store instead. The queries are Rasa's (``bot.assistant.
sql_events``), whose originals ``bot.assistant.patches`` fingerprints. Each conversation's
tracker is kept between its turns (``bot.assistant.tracker_cache``, ``TRACKER_CACHE_SIZE``).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from sqlalchemy import event

from bot.assistant import sql_events
from bot.assistant.tracker_cache import TrackerCache
from bot.config import get_settings
from bot.database.core import sqlite_engine_kwargs, sqlite_pragmas


def engine_kwargs(url: Any) -> dict[str, Any]:
    """Rasa's engine settings, and on PostgreSQL each pooled connection checked before use (as
    the API's are) with connecting given up after 5 s rather than hanging a turn; on SQLite,
    connections kept in a pool rather than opened (and their pragmas run) for every read and
    write, as SQLAlchemy 1.4 does for files."""
    found = dict(create_engine_kwargs(url))
    # A failed statement's error (which Rasa logs) must not carry residents' words or ids.
    found["hide_parameters"] = True
    if found.get("pool_size"):  # PostgreSQL
        found["pool_pre_ping"] = True
        found["pool_timeout"] = 5
        found["connect_args"] = {**found.get("connect_args", {}), "connect_timeout": 5}
    elif str(url).startswith("sqlite"):
        found.update(sqlite_engine_kwargs())
    return found


def on_connect(dbapi_connection: Any, record: Any) -> None:
    """On SQLite, the service's pragmas (write-ahead log) and syncing at checkpoints only: a
    crash of the process loses nothing; a power cut may lose the last turns' events, never
    corrupt the file. Production uses PostgreSQL."""
    import sqlite3

    if isinstance(dbapi_connection, sqlite3.Connection):
        sqlite_pragmas(dbapi_connection, record)
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")


# On a tracker the cache handed back: its stored event count and stamp when the turn began.
KNOWN = "_worklocal_known"


class WorkLocalSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, **engine_kwargs(url))
        event.listen(self.engine, "connect", on_connect)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        size = get_settings().tracker_cache_size
        self.cache = TrackerCache(size) if size else None

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        if self.cache is not None:
            self.cache.drop_stale()  # at every turn, so a quiet conversation's goes too
        if (
            self.cache is not None
            and not fetch_events_from_all_sessions
            and sender_id in self.cache
        ):
            with self.session_scope() as session:
                stamp = sql_events.stamp(session, self, sender_id)
            kept = self.cache.take(sender_id, self.domain, stamp)
            if kept is not None:
                kept.__dict__[KNOWN] = (len(kept.events), stamp)
                return kept
        return await sql_events.retrieve_events(self, sender_id, fetch_events_from_all_sessions)

    async def save(self, tracker: Any) -> None:
        known = tracker.__dict__.pop(KNOWN, None)
        stamp = await sql_events.save_events(
            self, tracker, stamped=self.cache is not None, known=known
        )
        if self.cache is not None:
            self.cache.keep(tracker, self.domain, stamp)
