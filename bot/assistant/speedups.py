"""Speed fixes for the Rasa server, applied by ``bot.assistant.rasa_server`` before Rasa starts.

Each one keeps Rasa's behaviour (the same result, the same error) and removes work Rasa repeats
on every turn; ``make bench-load`` profiles showed where (docs/benchmarks.md, "Load through the
gateway"):

- ``jsonschema.validate`` checks the schema itself against the meta-schema on every call: here
  each distinct schema is checked and compiled once. Rasa validates every action server
  response, so with a form on every turn of the assessment this was over half of Rasa's CPU.
- Rasa's check of an action server response also rebuilt its schema and the lookup key of the
  compiled validator each time: here one validator serves every response.
- Rasa finds an event's class by walking every subclass of ``Event`` (with an ``isabstract``
  check each) for every event of every tracker it loads: here the walk is done once.
- Rasa opened a new HTTP session, and so a new connection, for every call to the action server:
  here calls share one pool of kept-alive connections per event loop. The pool lets a
  connection go after 2 s idle, before the action server (5 s) would close it under a request.
- Rasa's SQLite tracker store (the embedded default) waited for the disk on every commit, in
  rollback-journal mode: here it uses the service's write-ahead log settings, and syncs at
  checkpoints only. A crash of the process loses nothing; a power cut may lose the last turns'
  events, never corrupt the file. The service's own database (bookings) keeps full syncs, and
  production uses PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import weakref
from typing import Any

import jsonschema
from jsonschema import exceptions, validators

_original_validate = jsonschema.validate
_compiled: dict[str, Any] = {}


def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
    """``jsonschema.validate`` with the schema checked and compiled once, then reused."""
    if cls is not None or args or kwargs:
        _original_validate(instance, schema, cls, *args, **kwargs)
        return
    key = json.dumps(schema, sort_keys=True, default=str)
    validator = _compiled.get(key)
    if validator is None:
        validator_class = validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = _compiled[key] = validator_class(schema)
    error = exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


def action_result_check(original: Any, spec: dict[str, Any]) -> Any:
    """``RemoteAction._validate_action_result`` with one compiled validator for ``spec``;
    an invalid response still goes to Rasa's own method, for its error and message."""
    validator_class = validators.validator_for(spec)
    validator_class.check_schema(spec)
    validator = validator_class(spec)

    def check(self: Any, result: dict[str, Any]) -> bool:
        if validator.is_valid(result):
            return True
        return original(self, result)

    return check


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
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=timeout_seconds),
            connector=pool,
            connector_owner=False,
        )

    return session


def apply() -> None:
    """Install every fix. Called once, in the Rasa server's process, before Rasa is imported
    for serving."""
    import rasa.shared.utils.common
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from bot.database.core import sqlite_pragmas

    jsonschema.validate = validate
    RemoteAction._validate_action_result = action_result_check(
        RemoteAction._validate_action_result, RemoteAction.action_response_format_spec()
    )
    Event.resolve_by_type = staticmethod(
        event_class_lookup(Event, rasa.shared.utils.common.all_subclasses)
    )
    EndpointConfig.session = pooled_sessions(DEFAULT_REQUEST_TIMEOUT)
    event.listen(Engine, "connect", tracker_store_pragmas(sqlite_pragmas))


def tracker_store_pragmas(service_pragmas: Any) -> Any:
    """A connect hook for every engine in the Rasa server's process: on SQLite, the service's
    pragmas and syncing at checkpoints only; nothing on PostgreSQL."""

    def on_connect(dbapi_connection: Any, record: Any) -> None:
        import sqlite3

        if isinstance(dbapi_connection, sqlite3.Connection):
            service_pragmas(dbapi_connection, record)
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    return on_connect
