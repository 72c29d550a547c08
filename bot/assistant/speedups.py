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
  Each call carries the whole conversation, written as JSON by ``ujson`` (already installed
  with Sanic) at a third of ``json``'s cost; the action server reads the same JSON.
- Rasa's SQLite tracker store (the embedded default) waited for the disk on every commit, in
  rollback-journal mode: here it uses the service's write-ahead log settings, and syncs at
  checkpoints only. A crash of the process loses nothing; a power cut may lose the last turns'
  events, never corrupt the file. The service's own database (bookings) keeps full syncs, and
  production uses PostgreSQL.
- Rasa ran its model graph (NLU on every message, the policies on every prediction) through
  dask's scheduler, which re-derived the graph and queued each node as a task every time: here
  the nodes run in an order worked out once per set of targets, with the same inputs, outputs
  and errors. Dask's bookkeeping was a twelfth of the Rasa server's time.
- Rasa ran NLU on every message, though residents send the same words again and again ("yes",
  "none", "full time", their age). Every component of our pipeline reads only the message's
  text (``TEXT_ONLY_COMPONENTS``; a test holds config.yml to it), so a parse depends on the text
  and the model alone: here each Rasa server keeps the parses of recent distinct messages
  (``NLU_CACHE_SIZE``, least recently used dropped first) for each loaded model, and hands out
  copies. NLU was a quarter of the Rasa server's time.
- Rasa works out a conversation's "applied events" (those not undone by a restart, a rewind or
  a form's re-run) by walking its whole history, and does so many times a turn: before each
  prediction, for each policy, and to check the session. A form that runs every turn makes
  each walk slow (it searches back for the form's previous run at each of them). Here each
  tracker keeps the last answer until an event is added; callers get their own list.
- Rasa's SQL tracker store read and wrote events through the ORM: ``bot.assistant.sql_events``
  runs the same queries through SQLAlchemy Core.
"""

from __future__ import annotations

import asyncio
import copy
import json
import weakref
from collections import OrderedDict
from typing import Any

import jsonschema
import ujson
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
    """``RemoteAction._validate_action_result`` from compiled validators; a response they do
    not pass still goes to Rasa's own method, for its error and message."""
    validators_for = _validators_by_event_type(spec)

    def check(self: Any, result: dict[str, Any]) -> bool:
        if validators_for(result):
            return True
        return original(self, result)

    return check


def _compile(schema: dict[str, Any]) -> Any:
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validators_by_event_type(spec: dict[str, Any]) -> Any:
    """A test of a response against ``spec`` giving jsonschema's verdict. Each event in a
    response must match exactly one of some twenty alternatives (``oneOf``), one per event type,
    and jsonschema tries every one, for every event, on every turn. An alternative whose
    ``event`` is a constant other than the event's own cannot match, so each event is checked
    against its own type's alternatives (and any without a constant) alone; the response
    around the events is checked with the events left out."""
    try:
        events = spec["properties"]["events"]
        items, alternatives = events["items"], events["items"]["oneOf"]
    except (KeyError, TypeError):  # another shape: the whole schema, compiled once
        return _compile(spec).is_valid
    outside = _compile({**spec, "properties": {**spec["properties"],
                                               "events": {**events, "items": {}}}})  # fmt: skip
    any_event = _compile(items)
    by_type: dict[str, list[Any]] = {}
    for alternative in alternatives:
        const = alternative.get("properties", {}).get("event", {}).get("const")
        by_type.setdefault(const, []).append(alternative)
    general = by_type.pop(None, [])
    per_type = {name: _compile({**items, "oneOf": own + general}) for name, own in by_type.items()}

    def is_valid(result: Any) -> bool:
        if not outside.is_valid(result):
            return False
        for event in result.get("events") or []:
            kind = event.get("event") if isinstance(event, dict) else None
            validator = per_type.get(kind) if isinstance(kind, str) else any_event
            if validator is None or not validator.is_valid(event):
                return False  # an unknown type too: Rasa's own check says why
        return True

    return is_valid


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
    will not write (NaN, an unusual type) is left to ``json``."""
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


def run_in_order(self: Any, inputs: dict[str, Any] | None = None,
                 targets: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    """``DaskGraphRunner.run`` without dask. Like dask, a node gets its parents' outputs (the
    ``(name, output)`` pairs) in the order of its ``needs``, and a need nothing provides is
    passed as its bare name, for the node to report."""
    from rasa.engine.exceptions import GraphRunError

    run_targets = list(targets if targets else self._graph_schema.target_names)
    orders = self.__dict__.setdefault("_orders", {})
    order = orders.get(tuple(run_targets))
    if order is None:
        order = orders[tuple(run_targets)] = _dependency_order(self._graph_schema, run_targets)
    graph: dict[str, Any] = dict.fromkeys(order)
    self._add_inputs_to_graph(inputs, graph)  # Rasa's own check of the inputs' names
    results = {name: value for name, value in graph.items() if value is not None}
    nodes = self._graph_schema.nodes
    try:
        for name in order:
            if name not in results:
                needs = nodes[name].needs.values()
                results[name] = self._instantiated_nodes[name](
                    *(results.get(need, need) for need in needs)
                )
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(results[target] for target in run_targets)


def _dependency_order(schema: Any, targets: list[str]) -> list[str]:
    """The nodes the targets need, each after everything it needs."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in schema.nodes:
            return
        seen.add(name)
        for need in schema.nodes[name].needs.values():
            visit(need)
        order.append(name)

    for target in targets:
        visit(target)
    return order


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


# NLU components that read nothing but the message's text (and their model).
TEXT_ONLY_COMPONENTS = frozenset({
    "SpacyNLP", "SpacyTokenizer", "WhitespaceTokenizer", "RegexFeaturizer",
    "LexicalSyntacticFeaturizer", "CountVectorsFeaturizer", "LogisticRegressionClassifier",
    "CRFEntityExtractor", "bot.nlp.entity_roles.EntityRolesByIntent", "SpacyEntityExtractor",
    "EntitySynonymMapper", "FallbackClassifier", "RegexEntityExtractor",
})  # fmt: skip
LONGEST_CACHED_TEXT = 200  # longer messages are one resident's own words, seldom repeated


def cached_parses(parse: Any, size: int) -> Any:
    """``MessageProcessor._parse_message_with_graph`` remembering the last ``size`` distinct
    texts' parses for each graph runner (each loaded model). Callers get a copy, since Rasa adds
    to a parse as it handles it."""
    caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def parse_message(self: Any, message: Any, tracker: Any,
                      only_output_properties: bool = True) -> dict[str, Any]:  # fmt: skip
        text = message.text
        if not isinstance(text, str) or len(text) > LONGEST_CACHED_TEXT:
            return parse(self, message, tracker, only_output_properties)
        cache = caches.get(self.graph_runner)
        if cache is None:
            cache = caches[self.graph_runner] = OrderedDict()
        key = (text, only_output_properties)
        found = cache.get(key)
        if found is None:
            found = parse(self, message, tracker, only_output_properties)
            cache[key] = copy.deepcopy(found)
            if len(cache) > size:
                cache.popitem(last=False)
            return found
        cache.move_to_end(key)
        return copy.deepcopy(found)

    return parse_message


def apply() -> None:
    """Install every fix. Called once, in the Rasa server's process, before Rasa is imported
    for serving."""
    import rasa.shared.utils.common
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from bot.assistant import sql_events
    from bot.config import get_settings
    from bot.database.core import sqlite_pragmas

    jsonschema.validate = validate
    RemoteAction._validate_action_result = action_result_check(
        RemoteAction._validate_action_result, RemoteAction.action_response_format_spec()
    )
    Event.resolve_by_type = staticmethod(
        event_class_lookup(Event, rasa.shared.utils.common.all_subclasses)
    )
    EndpointConfig.session = pooled_sessions(DEFAULT_REQUEST_TIMEOUT)
    DaskGraphRunner.run = run_in_order
    DialogueStateTracker.applied_events = remembered_applied_events(
        DialogueStateTracker.applied_events
    )
    SQLTrackerStore._retrieve = sql_events.retrieve_events
    SQLTrackerStore.save = sql_events.save_events
    cache_size = get_settings().nlu_cache_size
    if cache_size:
        MessageProcessor._parse_message_with_graph = cached_parses(
            MessageProcessor._parse_message_with_graph, cache_size
        )
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
