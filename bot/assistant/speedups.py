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
- Rasa writes every event of the conversation as JSON for every action call: here each event
  is written once, when first sent, and kept on the event.
- Rasa copies a tracker before every action it runs (so that a rejected action leaves no
  trace) by replaying every event into a new one: here the copy takes the tracker's state as
  it is, which the same events made.
- Rasa works out a conversation's "applied events" (those not undone by a restart, a rewind or
  a form's re-run) by walking its whole history, and does so many times a turn: before each
  prediction, for each policy, and to check the session. A form that runs every turn makes
  each walk slow (it searches back for the form's previous run at each of them). Here each
  tracker keeps the last answer until an event is added; callers get their own list.
- Rasa works out the policies' states by replaying the whole conversation into a new tracker
  for every prediction, six times a turn: here each tracker carries on from where the last
  replay stopped, while its applied events only grow.
- The rule policy finds the rules that fit a conversation by testing every rule it learned
  against the latest state, six times a turn: here the rules are sorted once by the previous
  action and the intent they need, and only those that can fit are tested.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import json
import logging
import weakref
from collections import deque
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
    will not write (an unusual type, an integer too big for it) is left to ``json``. An action
    call whose events were written already (``EncodedEvents``) has them put in as they are."""
    if type(value) is dict:
        tracker = value.get("tracker")
        if type(tracker) is dict and isinstance(tracker.get("events"), EncodedEvents):
            return _with_encoded_events(value)
    try:
        return ujson.dumps(value, escape_forward_slashes=False, reject_bytes=True)
    except (TypeError, OverflowError, ValueError):
        return json.dumps(value)


class EncodedEvents:
    """A tracker's events as one JSON array, each event written once in the server's life:
    every action call carries the whole conversation (two or three calls a turn), and with
    trackers kept between turns the same events were written again and again. Not a list, so
    that any writer but ``dumps`` refuses it rather than writing something else."""

    __slots__ = ("json",)

    def __init__(self, events: Any) -> None:
        self.json = "[" + ",".join(_event_json(event) for event in events) + "]"


def _event_json(event: Any) -> str:
    """An event's JSON, kept on the event. Rasa changes a logged event in two ways only: a
    tracker with a model id gives the event new metadata, and ``update_with_events`` stamps
    it again (both when an action's events, first shown to it on a copy, are logged for
    real); either has it written anew. A copy of an event (Rasa deep-copies the latest message
    to change its confidence) is another event, and written anew too. Nothing else changes
    once logged (even ``EntitiesAdded`` leaves the message's logged entities alone)."""
    kept = event.__dict__.get("_worklocal_json")
    if (
        kept is None
        or kept[1] != event.timestamp
        or kept[2] is not event.metadata
        or kept[3] != id(event)
    ):
        kept = (dumps(event.as_dict()), event.timestamp, event.metadata, id(event))
        event.__dict__["_worklocal_json"] = kept
    return kept[0]


def _with_encoded_events(call: dict[str, Any]) -> str:
    """The action call's JSON with the tracker's events last, as they were written."""
    tracker = {name: value for name, value in call["tracker"].items() if name != "events"}
    tracker_json = _closed_with(dumps(tracker), "events", call["tracker"]["events"].json)
    rest = {name: value for name, value in call.items() if name != "tracker"}
    return _closed_with(dumps(rest), "tracker", tracker_json)


def _closed_with(object_json: str, name: str, value_json: str) -> str:
    """A JSON object with one more member, written last."""
    separator = "" if object_json == "{}" else ","
    return f'{object_json[:-1]}{separator}"{name}":{value_json}}}'


def _state_for_a_call(tracker: Any) -> dict[str, Any]:
    """``tracker.current_state(EventVerbosity.NONE)`` to be written as JSON at once: the
    active loop as a shallow dict, not ``dataclasses.asdict``'s deep copy of the message that
    started it (the same JSON)."""
    from rasa.shared.core.constants import ACTIVE_LOOP, FOLLOWUP_ACTION

    loop = tracker.active_loop
    return {
        "sender_id": tracker.sender_id,
        "slots": tracker.current_slot_values(),
        "latest_message": tracker._latest_message_data(),
        "latest_event_time": tracker.events[-1].timestamp if tracker.events else None,
        FOLLOWUP_ACTION: tracker.followup_action,
        "paused": tracker.is_paused(),
        "events": None,
        "latest_input_channel": tracker.get_latest_input_channel(),
        ACTIVE_LOOP: {f.name: getattr(loop, f.name) for f in dataclasses.fields(loop)}
        if loop
        else {},
        "latest_action": tracker.latest_action,
        "latest_action_name": tracker.latest_action_name,
    }


def encoded_action_calls(action_call_format: Any) -> Any:
    """``RemoteAction._action_call_format`` with the events as ``EncodedEvents``: the same call
    (Rasa's ``tracker.current_state(EventVerbosity.ALL)`` is the state without events plus
    every event's ``as_dict``), written without walking every event again. Only ``dumps``
    writes it, so only with ``pooled_sessions`` installed; a tracker subclass gets Rasa's."""
    import rasa
    from rasa.shared.core.trackers import DialogueStateTracker

    def call_format(self: Any, tracker: Any, domain: Any) -> dict[str, Any]:
        if type(tracker) is not DialogueStateTracker:
            return action_call_format(self, tracker, domain)
        tracker_state = _state_for_a_call(tracker)
        tracker_state["events"] = EncodedEvents(tracker.events)
        result = {
            "next_action": self._name,
            "sender_id": tracker.sender_id,
            "tracker": tracker_state,
            "version": rasa.__version__,
        }
        if not self._is_selective_domain_enabled() or (
            domain.does_custom_action_explicitly_need_domain(self.name())
        ):
            result["domain"] = domain.as_dict()
        return result

    return call_format


# Rasa's own logger for the slot validation it logs (``slot_validation_trackers``).
logger = logging.getLogger("rasa.core.actions.action")

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

    session.writer = dumps  # type: ignore[attr-defined]  # what writes each call's JSON
    return session


# What a tracker holds (``DialogueStateTracker.__init__``).
TRACKER_STATE = frozenset({
    "_max_event_history", "events", "sender_id", "slots", "sender_source", "is_rule_tracker",
    "_paused", "followup_action", "latest_action", "latest_message", "latest_bot_utterance",
    "active_loop", "model_id", "assistant_id",
})  # fmt: skip
# What this module and the tracker store (``tracker_store.KNOWN``) keep on a tracker.
KEPT_ON_TRACKERS = frozenset({"_applied_events", "_worklocal_states", "_worklocal_known"})


def state_copies(replayed_copy: Any) -> Any:
    """``DialogueStateTracker.copy`` without replaying every event: the new tracker gets what
    the replay would give it. That is the tracker's own state, since only events change a
    tracker's state (they set slots, the latest action and message, the loop, the follow-up
    action and the pause), each copied where an event changes it in place (the slots and the
    loop) and shared where the replay shares it (slot values, messages, events). Like the
    replay, the copy has no model or assistant id and no source file. A tracker holding
    anything else (a subclass, slots of any name) or a limit on its events (whose dropped
    events the replay would lose) is replayed.

    This holds for trackers built by logging their events one by one, as the SQL tracker
    store's are (``from_events``); Rasa's other stores rebuild a tracker from its applied
    events only. The replay's side effects are not repeated: a ``StoryExported`` event's file
    is not written again, an unknown slot's error not logged again."""
    from rasa.shared.constants import DEFAULT_SENDER_ID
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    def state_copy(self: Any) -> Any:
        held = self.__dict__
        if (
            type(self) is not DialogueStateTracker
            or type(held.get("slots")) is not dict
            or not held.keys() - KEPT_ON_TRACKERS <= TRACKER_STATE
            or self._max_event_history is not None
        ):
            return replayed_copy(self)
        twin = DialogueStateTracker.__new__(DialogueStateTracker)
        twin.__dict__.update(
            _max_event_history=self._max_event_history,
            events=deque(self.events, self._max_event_history),
            sender_id=self.sender_id or DEFAULT_SENDER_ID,
            slots={name: copy.copy(slot) for name, slot in self.slots.items()},
            sender_source=None,
            is_rule_tracker=self.is_rule_tracker,
            _paused=self._paused,
            followup_action=self.followup_action,
            latest_action=None if self.latest_action is None else dict(self.latest_action),
            latest_message=_logged_or_empty(self.latest_message, self.events, UserUttered),
            latest_bot_utterance=_logged_or_empty(
                self.latest_bot_utterance, self.events, BotUttered
            ),
            active_loop=copy.copy(self.active_loop),
            model_id=None,
            assistant_id=None,
        )
        return twin

    return state_copy


def tracker_after(tracker: Any, added: list[Any], domain: Any, state_copy: Any) -> Any:
    """``DialogueStateTracker.from_events(tracker.sender_id,
    tracker.events_after_latest_restart() + added, slots=domain.slots)``, the tracker Rasa
    builds to show a form or the slot validation action what it would be with ``added``: a
    copy of the tracker (``state_copy``) with ``added`` logged, when that is the same, as it is
    for a tracker never restarted, with the domain's slots and no limit on its events."""
    from rasa.shared.core.trackers import DialogueStateTracker

    if (
        type(tracker) is not DialogueStateTracker
        or tracker._max_event_history is not None
        or tracker.slots.keys() != {slot.name for slot in domain.slots}
        or tracker.idx_after_latest_restart() != 0
    ):
        return DialogueStateTracker.from_events(
            tracker.sender_id, tracker.events_after_latest_restart() + added, slots=domain.slots
        )
    twin = state_copy(tracker)
    twin.sender_id, twin.is_rule_tracker = tracker.sender_id, False
    for event in added:
        twin.update(event)
    return twin


def form_trackers(state_copy: Any) -> Any:
    """``FormAction._temporary_tracker`` by ``tracker_after``."""
    from rasa.shared.core.constants import REQUESTED_SLOT
    from rasa.shared.core.events import ActionExecuted, SlotSet

    def temporary_tracker(self: Any, current_tracker: Any, additional_events: list[Any],
                          domain: Any) -> Any:  # fmt: skip
        added = [SlotSet(REQUESTED_SLOT, self.get_slot_to_fill(current_tracker)),
                 ActionExecuted(self.name()), *additional_events]  # fmt: skip
        return tracker_after(current_tracker, added, domain, state_copy)

    return temporary_tracker


def slot_validation_trackers(state_copy: Any) -> Any:
    """``ActionExtractSlots._execute_validation_action`` with its tracker by ``tracker_after``
    (the rest as Rasa's: the slots the validation action leaves alone are taken as valid)."""
    from rasa.shared.core.constants import ACTION_VALIDATE_SLOT_MAPPINGS
    from rasa.shared.core.events import SlotSet

    async def execute_validation_action(self: Any, extraction_events: list[Any],
                                        output_channel: Any, nlg: Any, tracker: Any,
                                        domain: Any) -> list[Any]:  # fmt: skip
        slot_events = [event for event in extraction_events if isinstance(event, SlotSet)]
        logger.debug(f"Validating extracted slots: {chr(10).join(e.key for e in slot_events)}")
        if ACTION_VALIDATE_SLOT_MAPPINGS not in domain.user_actions:
            return slot_events
        temporary = tracker_after(tracker, list(slot_events), domain, state_copy)
        validate_events = await self._run_custom_action(
            ACTION_VALIDATE_SLOT_MAPPINGS, output_channel, nlg, temporary, domain
        )
        validated = [event.key for event in validate_events if isinstance(event, SlotSet)]
        return validate_events + [event for event in slot_events if event.key not in validated]

    return execute_validation_action


def _logged_or_empty(message: Any, events: Any, kind: Any) -> Any:
    """The latest message, shared as the replay shares it when it is one of the events; before
    there is one, a new empty one, as the replay makes (``kind.empty()``, stamped now)."""
    if message is None or any(event is message for event in reversed(events)):
        return message
    return kind.empty()


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


def indexed_rule_keys(get_possible_keys: Any) -> Any:
    """``RulePolicy._get_possible_keys`` testing only the rules whose last state can fit the
    conversation's latest state: those needing the action just run (or none) and the intent
    just said (or none). Any other rule fails Rasa's own test, which every candidate still
    goes through, in the order of Rasa's set of rules (so that a tie between rules of the same
    length is broken as Rasa breaks it): a rule whose last state has a previous action fits a
    state that has one only if every feature it names is there
    (``RulePolicy._does_rule_match_state``). A latest state without a previous action (the
    conversation's start) fits rules by other tests, so it takes Rasa's way. A loaded model's
    rules do not change; the sorting is redone if their number does."""
    from rasa.core.policies.rule_policy import SHOULD_NOT_BE_SET
    from rasa.shared.core.constants import PREVIOUS_ACTION, USER
    from rasa.shared.nlu.constants import ACTION_NAME, INTENT

    def needed(sub_state: Any, feature: str) -> str | None:
        value = (sub_state or {}).get(feature)
        return value if value and value != SHOULD_NOT_BE_SET else None

    def index_of(policy: Any, lookup: dict[str, Any]) -> tuple[list[str], dict[tuple, list]]:
        """The rules in the order Rasa's set of them gives (so that a tie between rules of
        the same length goes the same way), and the rules by what they need."""
        kept = policy.__dict__.setdefault("_worklocal_rule_index", {})
        found = kept.get(id(lookup))
        if found is None or found[0] is not lookup or found[1] != len(lookup):
            index: dict[tuple, list[str]] = {}
            for key in lookup:
                last = policy._rule_key_to_state(key)[-1]
                wanted = (needed(last.get(PREVIOUS_ACTION), ACTION_NAME),
                          needed(last.get(USER), INTENT))  # fmt: skip
                index.setdefault(wanted, []).append(key)
            found = kept[id(lookup)] = (lookup, len(lookup), list(set(lookup.keys())), index)
        return found[2], found[3]

    def possible_keys(self: Any, lookup: dict[str, Any], states: list[Any]) -> set[str]:
        if not states or not states[-1].get(PREVIOUS_ACTION):
            return get_possible_keys(self, lookup, states)
        order, index = index_of(self, lookup)
        action = needed(states[-1].get(PREVIOUS_ACTION), ACTION_NAME)
        intent = needed(states[-1].get(USER), INTENT)
        wanted = {(None, None), (action, None), (None, intent), (action, intent)}
        candidates = {key for needs in wanted for key in index.get(needs, ())}
        last = states[-1]
        possible = set(filter(lambda key: key in candidates
                              and self._is_rule_applicable(key, 0, last), order))  # fmt: skip
        for turn, state in enumerate(reversed(states[:-1]), start=1):
            possible = set(filter(lambda key: self._is_rule_applicable(key, turn, state),
                                  possible))  # fmt: skip
        return possible

    return possible_keys
