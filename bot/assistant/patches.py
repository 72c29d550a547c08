"""Every change the service makes to Rasa 3.6.21 at start-up, in one table, checked before use.

Each patch replaces one Rasa function with one that keeps Rasa's results and errors and does
less work (docs/rasa-patches.md has the table with the measured gains). A patch is written
against a particular version of the function it replaces, so each row holds a fingerprint of
that function's source: if Rasa is not the pinned version, or a function has changed, the Rasa
server refuses to start and says which patch, rather than silently losing an upstream fix.
``WORKLOCAL_RASA_PATCHES=off`` runs stock Rasa instead (the tracker store too: see
``bot.assistant.endpoints``).

The SQL tracker store is not patched: ``bot.assistant.tracker_store`` subclasses Rasa's and is
named in the generated endpoints.yml; its fingerprints are checked here all the same.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

RASA_VERSION = "3.6.21"
ENV = "WORKLOCAL_RASA_PATCHES"


class PatchError(RuntimeError):
    """Rasa is not what the patches were written for: the server must not start with them."""


@dataclass(frozen=True)
class Patch:
    name: str
    target: str  # "module:Class.attribute" or "module:function", Rasa's original
    why: str
    gain: str  # what it measured (docs/benchmarks.md, "Load through the gateway")
    fingerprint: str  # sha256 of the original's source, first 16 hex digits
    install: Callable[[], None] | None = None  # None: checked only (used by a subclass)


def resolve(target: str) -> Any:
    module_name, _, path = target.partition(":")
    found: Any = importlib.import_module(module_name)
    for part in path.split("."):
        # On a class, the attribute as written there (a staticmethod, a property), not bound.
        found = inspect.getattr_static(found, part) if inspect.isclass(found) else (
            getattr(found, part))  # fmt: skip
    if isinstance(found, (staticmethod, classmethod)):
        found = found.__func__
    if isinstance(found, property):
        found = found.fget
    return found


def fingerprint(target: str) -> str:
    source = inspect.getsource(resolve(target))
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _install_schema_checks() -> None:
    import jsonschema
    from rasa.core.actions.action import RemoteAction

    from bot.assistant import schema_checks

    jsonschema.validate = schema_checks.validate
    RemoteAction._validate_action_result = schema_checks.action_result_check(
        RemoteAction._validate_action_result, RemoteAction.action_response_format_spec()
    )


def _install_event_lookup() -> None:
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event

    from bot.assistant import speedups

    Event.resolve_by_type = staticmethod(
        speedups.event_class_lookup(Event, rasa.shared.utils.common.all_subclasses)
    )


def _install_pooled_sessions() -> None:
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

    from bot.assistant import speedups

    EndpointConfig.session = speedups.pooled_sessions(DEFAULT_REQUEST_TIMEOUT)


def _install_encoded_action_calls() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    from bot.assistant import speedups

    if getattr(EndpointConfig.session, "writer", None) is not speedups.dumps:
        raise PatchError("each event written as JSON once needs the pooled sessions' writer")
    RemoteAction._action_call_format = speedups.encoded_action_calls(
        RemoteAction._action_call_format
    )


def _install_graph_runner() -> None:
    from rasa.engine.runner.dask import DaskGraphRunner

    from bot.assistant import graph_runner

    DaskGraphRunner.run = graph_runner.run_in_order


def _install_applied_events() -> None:
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.assistant import speedups

    DialogueStateTracker.applied_events = speedups.remembered_applied_events(
        DialogueStateTracker.applied_events
    )


def _install_state_copies() -> None:
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.assistant import speedups

    DialogueStateTracker.copy = speedups.state_copies(DialogueStateTracker.copy)


def _install_trackers_after() -> None:
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.actions.forms import FormAction

    from bot.assistant import speedups

    # The fast copy over Rasa's own (``copy`` is ``travel_back_in_time(inf)``), whatever the
    # order the rows are installed in.
    fast_copy = speedups.state_copies(lambda tracker: tracker.travel_back_in_time(float("inf")))
    FormAction._temporary_tracker = speedups.form_trackers(fast_copy)
    ActionExtractSlots._execute_validation_action = speedups.slot_validation_trackers(fast_copy)


def _install_incremental_states() -> None:
    from rasa.shared.core.domain import Domain

    from bot.assistant import speedups

    Domain.states_for_tracker_history = speedups.incremental_states(Domain)


def _install_rule_index() -> None:
    from rasa.core.policies.rule_policy import RulePolicy

    from bot.assistant import speedups

    RulePolicy._get_possible_keys = speedups.indexed_rule_keys(RulePolicy._get_possible_keys)


def _install_train_schema_on_demand() -> None:
    from rasa.engine.storage.storage import ModelMetadata

    from bot.assistant import deferred_imports

    original = ModelMetadata.from_dict.__func__
    ModelMetadata.from_dict = deferred_imports.metadata_with_train_schema_on_demand(original)


def _install_nlu_cache() -> None:
    from rasa.core.processor import MessageProcessor

    from bot.assistant import nlu_cache
    from bot.config import get_settings

    size = get_settings().nlu_cache_size
    if size:
        MessageProcessor._parse_message_with_graph = nlu_cache.cached_parses(
            MessageProcessor._parse_message_with_graph, size
        )


PATCHES = (
    Patch(
        "TensorFlow's training helpers imported when a model trains",
        "rasa.utils.train_utils:create_common_callbacks",
        "every policy imports rasa.utils.train_utils, whose first lines import TensorFlow for the "
        "callbacks and data generators only TensorFlow models use while training",
        "no TensorFlow in the Rasa server (with the row below): 650 MB -> 311 MB, loaded in 17 s "
        "not 24",
        "64164bd02e456e51",
        None,  # bot.assistant.deferred_imports, installed before any Rasa module is imported
    ),
    Patch(
        "training graph read when asked for",
        "rasa.engine.storage.storage:ModelMetadata.from_dict",
        "loading a model read its training graph too, importing every class it names: the "
        "recipe validator imports DIETClassifier and so TensorFlow",
        "with the row above",
        "ee3da9f00c7daa75",
        _install_train_schema_on_demand,
    ),
    Patch(
        "action response check per event type",
        "rasa.core.actions.action:RemoteAction._validate_action_result",
        "jsonschema tried every event type's schema for every event an action returns",
        "9x faster check; was 8 % of Rasa's time",
        "f8cdb4be68123961",
        _install_schema_checks,
    ),
    Patch(
        "jsonschema validators compiled once",
        "jsonschema:validate",
        "jsonschema re-checked each schema against its meta-schema on every call",
        "part of the 8 % above",
        "dc1e7e6a0aee8a4e",
        None,  # installed with the row above, which needs it
    ),
    Patch(
        "event class lookup",
        "rasa.shared.core.events:Event.resolve_by_type",
        "Rasa walks every Event subclass for every event of every tracker it loads",
        "a table built once",
        "b5cf570fa7f286c7",
        _install_event_lookup,
    ),
    Patch(
        "pooled action-server connections",
        "rasa.utils.endpoints:EndpointConfig.session",
        "a new HTTP session, and connection, for every call to the action server",
        "kept-alive connections; action calls written by ujson",
        "e55aa13d9d4fb4bc",
        _install_pooled_sessions,
    ),
    Patch(
        "each event written as JSON once",
        "rasa.core.actions.action:RemoteAction._action_call_format",
        "every event of the conversation written as JSON again for every action call (written by "
        "the pooled sessions' writer above)",
        "an action call written in 0.05 ms, not 0.25 ms, at 176 events",
        "428795b944f22edb",
        _install_encoded_action_calls,
    ),
    Patch(
        "each event written once: Rasa's state of the tracker",
        "rasa.shared.core.trackers:DialogueStateTracker.current_state",
        "copied by the row above, with the active loop's dict shallow (the same JSON)",
        "(the same call)",
        "a9f1526ceddf7a28",
    ),
    Patch(
        "each event written once: how events are logged",
        "rasa.shared.core.trackers:DialogueStateTracker.update",
        "the only place a logged event is given new metadata (its JSON is written again then)",
        "(the same call)",
        "b55e6b1c724fa6e9",
    ),
    Patch(
        "each event written once: how an action's events are stamped",
        "rasa.shared.core.trackers:DialogueStateTracker.update_with_events",
        "the only place a logged event is stamped again (its JSON is written again then)",
        "(the same call)",
        "5946dfbcdb912e6a",
    ),
    Patch(
        "each event written once: what reads the call",
        "rasa.core.actions.action:RemoteAction.run",
        "the call goes to the action server as it is (no plugin rewrites it here)",
        "(the same call)",
        "ccabf6f1160d527a",
    ),
    Patch(
        "model graph without dask",
        "rasa.engine.runner.dask:DaskGraphRunner.run",
        "dask's scheduler bookkeeping for a graph that runs in order anyway",
        "8 % of Rasa's time",
        "45f0f52f574f3aa9",
        _install_graph_runner,
    ),
    Patch(
        "applied events remembered per tracker state",
        "rasa.shared.core.trackers:DialogueStateTracker.applied_events",
        "the whole history walked many times a turn, searching back for the form's last run",
        "15 % of Rasa's time",
        "764d5065ea9997d6",
        _install_applied_events,
    ),
    Patch(
        "trackers copied without replaying their events",
        "rasa.shared.core.trackers:DialogueStateTracker.copy",
        "every event of the conversation replayed into a new tracker before each action",
        "4 % of Rasa's time",
        "dfa48dca9f355ad1",
        _install_state_copies,
    ),
    Patch(
        "trackers copied: what a tracker holds",
        "rasa.shared.core.trackers:DialogueStateTracker.__init__",
        "the copy above takes every attribute set here, and replays any other tracker",
        "(the same tracker)",
        "8f39eb22462aa62b",
    ),
    Patch(
        "trackers copied: Rasa's replay",
        "rasa.shared.core.trackers:DialogueStateTracker.travel_back_in_time",
        "what the copy above gives without replaying",
        "(the same tracker)",
        "09d16f28f007492f",
    ),
    Patch(
        "trackers copied: the new tracker Rasa's replay starts from",
        "rasa.shared.core.trackers:DialogueStateTracker.init_copy",
        "what the fast copy and the trackers-to-be reproduce",
        "(the same tracker)",
        "429fcd2243b9e0e1",
    ),
    Patch(
        "trackers copied: the state a replay starts from",
        "rasa.shared.core.trackers:DialogueStateTracker._reset",
        "what the fast copy and the trackers-to-be reproduce",
        "(the same tracker)",
        "190858eaf560a0c0",
    ),
    Patch(
        "a form's tracker-to-be copied, not replayed",
        "rasa.core.actions.forms:FormAction._temporary_tracker",
        "the form replays the conversation into a new tracker to validate and to ask, each turn",
        "3.5 % of Rasa's time, with the row below",
        "381bc4b6e07fc205",
        _install_trackers_after,
    ),
    Patch(
        "the slot validation's tracker-to-be copied, not replayed",
        "rasa.core.actions.action:ActionExtractSlots._execute_validation_action",
        "the conversation replayed into a new tracker for the profile action, every message",
        "see above",
        "3f1249f61cf252e0",
        None,  # installed with the row above
    ),
    Patch(
        "trackers-to-be: Rasa's replay",
        "rasa.shared.core.trackers:DialogueStateTracker.from_events",
        "what a form's and the slot validation's trackers-to-be give without replaying",
        "(the same tracker)",
        "820a9cbb7dd5ce34",
    ),
    Patch(
        "policies' states carried on from the last replay",
        "rasa.shared.core.domain:Domain.states_for_tracker_history",
        "the whole conversation replayed into a new tracker for every prediction, six a turn",
        "a third of the states' time (1.2 ms a turn) with trackers kept between turns",
        "035111ce73ac90ba",
        _install_incremental_states,
    ),
    Patch(
        "policies' states: the replay copied",
        "rasa.shared.core.trackers:DialogueStateTracker.generate_all_prior_trackers",
        "its loop is carried on by bot.assistant.speedups.incremental_states",
        "(the same states)",
        "a1f6954347b52649",
    ),
    Patch(
        "rules sorted by the action and intent they need",
        "rasa.core.policies.rule_policy:RulePolicy._get_possible_keys",
        "every rule learned tested against the latest state, for each of six predictions a turn",
        "rule matching 12 % of Rasa's time, now 4 % (py-spy, 20 residents)",
        "2915fd81711e194c",
        _install_rule_index,
    ),
    Patch(
        "rules sorted: Rasa's test of a rule against a state",
        "rasa.core.policies.rule_policy:RulePolicy._is_rule_applicable",
        "the sorting above leaves out only rules this test would refuse",
        "(the same rules)",
        "64a108b016b46e57",
    ),
    Patch(
        "rules sorted: Rasa's test of a rule's features",
        "rasa.core.policies.rule_policy:RulePolicy._does_rule_match_state",
        "the sorting above leaves out only rules this test would refuse",
        "(the same rules)",
        "d3109c1a97de319c",
    ),
    Patch(
        "NLU cache (NLU_CACHE_SIZE; forgotten with its conversations)",
        "rasa.core.processor:MessageProcessor._parse_message_with_graph",
        'the same short answers ("yes", "full time") parsed again for every resident',
        "NLU was a quarter of Rasa's time; 2.25x against 1.76x without it",
        "0bd50a53b5c013af",
        _install_nlu_cache,
    ),
    # Checked for bot.assistant.tracker_store's subclass, which copies Rasa's query.
    Patch(
        "SQL tracker store: read through Core",
        "rasa.core.tracker_store:SQLTrackerStore._retrieve",
        "each turn loaded every event as an ORM object to read one column",
        "over a quarter of Rasa's time, with the save below",
        "c8adbf6f4b61ddd1",
    ),
    Patch(
        "SQL tracker store: one insert per turn",
        "rasa.core.tracker_store:SQLTrackerStore.save",
        "each new event written through the ORM's unit of work",
        "see above",
        "57165e46eab3de08",
    ),
    Patch(
        "SQL tracker store: the session query",
        "rasa.core.tracker_store:SQLTrackerStore._event_query",
        "copied in Core by bot.assistant.sql_events.event_rows",
        "(the same rows)",
        "cd44f7901b860bfd",
    ),
    Patch(
        "SQL tracker store: trackers kept between turns (TRACKER_CACHE_SIZE)",
        "rasa.core.processor:MessageProcessor.handle_message",
        "each turn read every event back from SQL and replayed them; kept trackers rely on a "
        "turn reading its tracker once and saving it last (bot/assistant/tracker_cache.py)",
        "13 % of Rasa's time (with the rows below: 47.0 to 31.2 ms of CPU a turn, bench-load)",
        "0c41d4780d2d4676",
    ),
    Patch(
        "SQL tracker store: the latest session read by retrieve",
        "rasa.core.tracker_store:SQLTrackerStore.retrieve",
        "the kept tracker stands in for this read, of the latest session only",
        "(the same tracker)",
        "0d99846daced97d3",
    ),
    Patch(
        "SQL tracker store: engine settings",
        "rasa.core.tracker_store:create_engine_kwargs",
        "no pre-ping (a PostgreSQL restart broke turns) and a new SQLite connection per call",
        "a tenth of Rasa's time on SQLite",
        "dff5f092362096da",
    ),
)


def check() -> None:
    """Refuse to go on unless Rasa is the pinned version and every patched function is the
    one its patch was written for."""
    import rasa

    from bot.assistant import deferred_imports

    if rasa.__version__ != RASA_VERSION:
        raise PatchError(
            f"Rasa is {rasa.__version__}, but the service's Rasa patches were written for "
            f"{RASA_VERSION}. Install the pinned version (requirements/constraints.txt), or "
            f"start with {ENV}=off to run stock Rasa."
        )
    try:
        deferred_imports.check()
    except deferred_imports.DeferralError as exc:
        raise PatchError(f"{exc}. Check bot/assistant/deferred_imports.py against it.") from exc
    changed = [p for p in PATCHES if fingerprint(p.target) != p.fingerprint]
    if changed:
        names = "; ".join(f"{p.name} ({p.target})" for p in changed)
        raise PatchError(
            f"Rasa's code differs from what these patches replace: {names}. Check each against "
            f"the new code and update bot/assistant/patches.py, or start with {ENV}=off."
        )


def apply() -> None:
    """Check, then install every patch. Called once, in the Rasa server's process, before Rasa
    serves; TensorFlow's imports are deferred before any Rasa module is imported (the check
    imports them)."""
    from bot.assistant import deferred_imports

    deferred_imports.install()
    check()
    for patch in PATCHES:
        if patch.install is not None:
            patch.install()
