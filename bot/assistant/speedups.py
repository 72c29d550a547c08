"""Speed fixes for the Rasa server, installed by ``bot.assistant.patches`` (the table of every
change to Rasa, with the fingerprints checked before any is applied).

Each one keeps Rasa's behaviour (the same result, the same error) and removes work Rasa repeats
on every turn; ``make bench-load`` profiles showed where (docs/benchmarks.md, "Load through the
gateway"). Those with more to them have modules of their own:

- ``bot.assistant.schema_checks``: the JSON Schema checks of every action server response,
  compiled once and made per event type.
- ``bot.assistant.graph_runner``: the model graph run without dask's scheduler.
- ``bot.assistant.nlu_cache``: parses of recent distinct messages remembered.
- ``bot.assistant.sql_events``: the SQL tracker store's reads and writes through Core, used by
  the tracker store subclass ``bot.assistant.tracker_store``.

The rest are here:

- Rasa finds an event's class by walking every subclass of ``Event`` (with an ``isabstract``
  check each) for every event of every tracker it loads: here the walk is done once.
- Rasa opened a new HTTP session, and so a new connection, for every call to the action server:
  here calls share one pool of kept-alive connections per event loop. The pool lets a
  connection go after 2 s idle, before the action server (5 s) would close it under a request.
  Each call carries the whole conversation, written as JSON by ``ujson`` (already installed
  with Sanic) at a third of ``json``'s cost; the action server reads the same JSON.
- Rasa works out a conversation's "applied events" (those not undone by a restart, a rewind or
  a form's re-run) by walking its whole history, and does so many times a turn: before each
  prediction, for each policy, and to check the session. A form that runs every turn makes
  each walk slow (it searches back for the form's previous run at each of them). Here each
  tracker keeps the last answer until an event is added; callers get their own list.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from typing import Any

import ujson


def event_class_lookup(event_base: Any, all_subclasses: Any) -> Any:
    """``Event.resolve_by_type`` from a table of the event classes, built on first use and
    again whenever a name is not in it (an event class imported later)."""
    table: dict[str, Any] = {}

    def build() -> None:
        table.clear()
        for cls in all_subclasses(event_base):
            table.setdefault(cls.type_name, cls)  # the first match wins, as in Rasa's walk

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        found = table.get(type_name)
        if found is None:
            build()
            found = table.get(type_name)
        if found is not None:
            return found
        if type_name == "topic":
            return None  # Rasa's compatibility with old TopicSet events
        if default is not None:
            return default
        raise ValueError(f"Unknown event name '{type_name}'.")

    return resolve_by_type


def dumps(value: Any) -> str:
    """``json.dumps``'s JSON (the same values once read), written by ujson; anything ujson
    will not write (an unusual type, an integer too big for it) is left to ``json``."""
    try:
        return ujson.dumps(value, escape_forward_slashes=False, reject_bytes=True)
    except (TypeError, OverflowError, ValueError):
        return json.dumps(value)


KEEPALIVE_SECONDS = 2.0  # under the action server's (Sanic's) 5 s keep-alive


def pooled_sessions(timeout_seconds: float) -> Any:
    """``EndpointConfig.session`` on a shared connection pool: the same headers, credentials
    and timeout as Rasa's, one ``TCPConnector`` per running event loop."""
    import aiohttp

    pools: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def session(self: Any) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        pool = pools.get(loop)
        if pool is None or pool.closed:
            pool = pools[loop] = aiohttp.TCPConnector(
                limit=200, keepalive_timeout=KEEPALIVE_SECONDS
            )
        auth = None
        if self.basic_auth:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
        return aiohttp.ClientSession(
            json_serialize=dumps,
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=timeout_seconds),
            connector=pool,
            connector_owner=False,
        )

    return session


def remembered_applied_events(applied_events: Any) -> Any:
    """``DialogueStateTracker.applied_events`` worked out once per state of the tracker. The
    state is told by the events' deque and its length and last event, all three held with the
    answer (so no id can be reused while it is kept); events are only ever appended to a
    tracker, or its deque replaced."""

    def remembered(self: Any) -> list[Any]:
        events = self.events
        last = events[-1] if events else None
        kept = self.__dict__.get("_applied_events")
        if kept is None or kept[0] is not events or kept[1] != len(events) or kept[2] is not last:
            kept = (events, len(events), last, applied_events(self))
            self.__dict__["_applied_events"] = kept
        return list(kept[3])

    return remembered
