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
- Rasa works out the policies' states by replaying the whole conversation into a new tracker
  for every prediction, six times a turn: here each tracker carries on from where the last
  replay stopped, while its applied events only grow.
"""

from __future__ import annotations

import asyncio
import copy
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


def incremental_states(domain_class: Any) -> Any:
    """``Domain.states_for_tracker_history`` carried on from where it stopped for the same
    tracker: Rasa replays the whole conversation into a new tracker for every prediction (six
    a turn), and with trackers kept between turns (``bot.assistant.tracker_cache``) the one
    tracker grows turn by turn.

    Each tracker keeps, per domain and arguments, the applied events replayed so far, the replay
    tracker after them and the states made at each action. A call whose applied events begin
    with exactly those (the same event objects) replays only the rest; any other (a form's
    earlier run undone, a rewind, another domain) starts again from nothing. The state after
    the last event is made anew each time, as the next event may be an action. Callers get
    copies of every state and sub-state, with sub-states shared between states as Rasa shares
    them, since they change the last state in place."""
    from rasa.shared.core.events import ActionExecuted

    def states_for_tracker_history(
        self: Any,
        tracker: Any,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: Any = None,
    ) -> list[Any]:
        applied = tracker.applied_events()
        memo = tracker.__dict__.setdefault("_worklocal_states", {})
        key = (id(self), omit_unset_slots, ignore_rule_only_turns)
        kept = memo.get(key)
        if (
            kept is None
            or kept["domain"] is not self
            or kept["rule_only_data"] != rule_only_data
            or len(kept["events"]) > len(applied)
            or any(a is not b for a, b in zip(kept["events"], applied, strict=False))
        ):
            kept = {
                "domain": self,
                "rule_only_data": copy.deepcopy(rule_only_data),
                "events": [],
                "replay": tracker.init_copy(),
                "states": [],
                "last_ml": None,
                "hidden": False,
            }
            memo[key] = kept
        step = _state_step(self, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        replay, states = kept["replay"], kept["states"]
        for event in applied[len(kept["events"]) :]:
            if isinstance(event, ActionExecuted):
                kept["last_ml"], kept["hidden"] = step(
                    replay, event.hide_rule_turn, states, kept["last_ml"], kept["hidden"]
                )
            replay.update(event)
        kept["events"] = applied
        # The state after the last event, on copies: the next call may add events before it.
        found = list(states)
        step(replay, False, found, kept["last_ml"], kept["hidden"])
        return _copied(found)

    return states_for_tracker_history


def _state_step(domain: Any, omit_unset_slots: bool, ignore_rule_only_turns: bool,
                rule_only_data: Any) -> Any:  # fmt: skip
    """One pass of the loop in Rasa's ``Domain.states_for_tracker_history`` (the same steps in
    the same order), for the tracker before one action: appends its state to ``states`` unless
    the turn is hidden, and returns the loop's two variables."""
    from rasa.shared.core.constants import PREVIOUS_ACTION

    def step(tr: Any, hide_rule_turn: bool, states: list[Any], last_ml: Any,
             hidden: bool) -> tuple[Any, bool]:  # fmt: skip
        if ignore_rule_only_turns:
            if not hidden:
                last_ml = domain._get_prev_action_sub_state(tr)
            if not tr.followup_action and tr.latest_action_name != tr.active_loop_name:
                hidden = hide_rule_turn
            if hidden:
                return last_ml, hidden
        state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
        if ignore_rule_only_turns:
            domain._remove_rule_only_features(state, rule_only_data)
            if states:
                domain._substitute_rule_only_user_input(state, states[-1])
            if last_ml:
                state[PREVIOUS_ACTION] = last_ml
        states.append(domain._clean_state(state))
        return last_ml, hidden

    return step


def _copied(states: list[Any]) -> list[Any]:
    """Each state and sub-state copied, a sub-state shared by several states copied once."""
    made: dict[int, Any] = {}
    copies = []
    for state in states:
        copied = {}
        for name, sub_state in state.items():
            twin = made.get(id(sub_state))
            if twin is None:
                twin = made[id(sub_state)] = dict(sub_state)
            copied[name] = twin
        copies.append(copied)
    return copies
