"""The Rasa server's speed fixes give exactly Rasa's results, errors included."""

import jsonschema
import pytest

from bot.assistant import nlu_cache, schema_checks, speedups

SCHEMA = {
    "type": "object",
    "properties": {"events": {"type": "array", "items": {"type": "object"}}},
    "required": ["events"],
}


def test_valid_responses_pass():
    schema_checks.validate({"events": [{"event": "slot"}]}, SCHEMA)


@pytest.mark.parametrize("response", [{}, {"events": "not a list"}, {"events": [1]}])
def test_invalid_responses_raise_the_same_error_as_jsonschema(response):
    with pytest.raises(jsonschema.ValidationError) as ours:
        schema_checks.validate(response, SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as theirs:
        jsonschema.validate(response, SCHEMA)
    assert ours.value.message == theirs.value.message


def test_an_invalid_schema_is_still_refused():
    with pytest.raises(jsonschema.SchemaError):
        schema_checks.validate({}, {"type": "no such type"})


def test_the_schema_is_compiled_once():
    schema_checks._compiled.clear()
    for _ in range(3):
        schema_checks.validate({"events": []}, dict(SCHEMA))
    assert len(schema_checks._compiled) == 1


def test_a_valid_action_response_passes_without_rasas_check():
    from rasa.core.actions.action import RemoteAction

    calls = []

    def rasas_own(self, result):
        calls.append(result)
        return True

    check = schema_checks.action_result_check(rasas_own, RemoteAction.action_response_format_spec())
    action = RemoteAction("action_search_courses", None)
    assert check(action, {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    assert calls == []


def test_an_invalid_action_response_gets_rasas_own_error():
    from rasa.core.actions.action import RemoteAction

    check = schema_checks.action_result_check(
        RemoteAction._validate_action_result, RemoteAction.action_response_format_spec()
    )
    with pytest.raises(jsonschema.ValidationError) as error:
        check(RemoteAction("action_search_courses", None), {"events": "not a list"})
    assert "Failed to validate Action server response" in error.value.message


def test_every_event_type_resolves_to_the_class_rasa_finds():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    lookup = speedups.event_class_lookup(Event, all_subclasses)
    for cls in all_subclasses(Event):
        assert lookup(cls.type_name) is Event.resolve_by_type(cls.type_name)
    assert lookup("topic") is None
    assert lookup("no_such_event", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        lookup("no_such_event")


def test_an_event_class_defined_later_is_found():
    from rasa.shared.core.events import ActionExecuted, Event
    from rasa.shared.utils.common import all_subclasses

    lookup = speedups.event_class_lookup(Event, all_subclasses)
    assert lookup("action") is ActionExecuted

    class LaterEvent(ActionExecuted):
        type_name = "later_event_for_test"

    assert lookup("later_event_for_test") is LaterEvent


def test_the_tracker_store_on_sqlite_uses_the_write_ahead_log(tmp_path):
    from sqlalchemy import text

    from bot.assistant.tracker_store import WorkLocalSQLTrackerStore

    store = WorkLocalSQLTrackerStore(dialect="sqlite", db=str(tmp_path / "tracker.db"))
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    store.engine.dispose()


def test_calls_to_the_action_server_reuse_one_connection(monkeypatch):
    from http.server import BaseHTTPRequestHandler

    from rasa.utils.endpoints import EndpointConfig

    from tests import aio
    from tests.http_double import answer_json, serving

    peers = []

    class KeepAlive(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            peers.append(self.client_address)
            answer_json(self, 200, {"events": [], "seen": self.headers.get("X-Test")})

    monkeypatch.setattr(EndpointConfig, "session", speedups.pooled_sessions(5))

    async def three_calls(url: str) -> list:
        endpoint = EndpointConfig(url=f"{url}/webhook", headers={"X-Test": "kept"})
        return [await endpoint.request(json={"n": n}) for n in range(3)]

    with serving(KeepAlive) as url:
        answers = aio.run(three_calls(url))
    assert answers == [{"events": [], "seen": "kept"}] * 3  # Rasa's headers still sent
    assert len(set(peers)) == 1


class FakeProcessor:
    """What the NLU cache needs of Rasa's ``MessageProcessor``: its model's graph runner."""

    def __init__(self) -> None:
        self.graph_runner = type("Runner", (), {})()


def counting_parse():
    calls = []

    def parse(processor, message, tracker, only_output_properties=True):
        calls.append(message.text)
        return {"text": message.text, "intent": {"name": "inform"}, "entities": [],
                "text_tokens": [(0, len(message.text))]}  # fmt: skip

    return parse, calls


def say(text):
    return type("Message", (), {"text": text})()


def test_a_repeated_message_is_parsed_once_and_each_caller_gets_its_own_copy():
    parse, calls = counting_parse()
    cached = nlu_cache.cached_parses(parse, size=10)
    processor = FakeProcessor()
    first = cached(processor, say("full time"), None)
    first["entities"].append({"entity": "added by Rasa"})
    again = cached(processor, say("full time"), None)
    assert calls == ["full time"]
    assert again == parse(processor, say("full time"), None)  # not the caller's changes
    again["intent"]["name"] = "changed"
    assert cached(processor, say("full time"), None)["intent"]["name"] == "inform"


def test_the_least_recently_used_parse_goes_first():
    parse, calls = counting_parse()
    cached = nlu_cache.cached_parses(parse, size=2)
    processor = FakeProcessor()
    for text in ["yes", "no", "yes", "17", "yes", "no"]:
        cached(processor, say(text), None)
    assert calls == ["yes", "no", "17", "no"]  # "no" was dropped for "17"; "yes" was kept


def test_each_model_has_its_own_parses_and_long_messages_are_not_kept():
    parse, calls = counting_parse()
    cached = nlu_cache.cached_parses(parse, size=10)
    old, new = FakeProcessor(), FakeProcessor()  # a new model loaded: a new graph runner
    cached(old, say("yes"), None)
    cached(new, say("yes"), None)
    story = "I left school at 16 and " + "worked in shops " * 20
    cached(new, say(story), None)
    cached(new, say(story), None)
    assert calls == ["yes", "yes", story, story]


def test_every_nlu_component_in_the_config_reads_only_the_text():
    """A component reading the tracker or the message's metadata would make a remembered parse
    wrong: such a component needs adding here with ``NLU_CACHE_SIZE=0`` (or a key with it)."""
    from rasa.shared.utils.io import read_yaml_file

    from bot.config import PROJECT_ROOT

    pipeline = read_yaml_file(PROJECT_ROOT / "config.yml")["pipeline"]
    assert {c["name"] for c in pipeline} <= nlu_cache.TEXT_ONLY_COMPONENTS


def action_responses() -> list:
    """Valid responses with every kind of event Rasa knows, and invalid ones of many shapes."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    examples = {
        "user": {"text": "hi", "parse_data": {"intent": {"name": "greet"}}},
        "action": {"name": "action_listen", "policy": None, "confidence": 1.0},
        "slot": {"name": "age", "value": "17"},
        "entities": {"entities": [{"entity": "age", "value": "17"}]},
        "bot": {"text": "Hello", "data": {}},
        "active_loop": {"name": "assessment_form"},
    }
    types = sorted({cls.type_name for cls in all_subclasses(Event) if cls.type_name})
    valid = [
        {"events": [{"event": kind, "timestamp": None, **examples.get(kind, {})}]} for kind in types
    ]
    two = [valid[0]["events"][0], {"event": "slot", "name": "x", "value": None}]
    valid += [{"events": [], "responses": []}, {}, {"responses": [{"text": "hi"}]}, {"events": two}]
    invalid = [
        {"events": "not a list"}, {"events": [1]}, {"events": [{}]}, {"events": [{"event": 3}]},
        {"events": [{"event": "no_such_event"}]}, {"events": [{"event": "slot"}]},
        {"events": [{"event": "slot", "name": "x"}]}, {"events": [{"event": "entities"}]},
        {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": "noon"}]},
        {"events": [{"event": "user", "text": 5}]}, {"responses": "hi"}, {"responses": [3]},
        {"events": [{"event": "slot", "name": "x", "value": 1}, {"event": "nothing"}]}, [],
    ]  # fmt: skip
    return [(response, True) for response in valid] + [(response, False) for response in invalid]


@pytest.mark.parametrize(("response", "valid"), action_responses())
def test_the_action_response_check_agrees_with_jsonschema(response, valid):
    from rasa.core.actions.action import RemoteAction

    spec = RemoteAction.action_response_format_spec()
    assert jsonschema.Draft202012Validator(spec).is_valid(response) is valid  # as Rasa's own
    assert schema_checks._validators_by_event_type(spec)(response) is valid


@pytest.mark.parametrize("value", [
    {"text": "Café in Leeds/Bradford", "n": 17, "x": 0.1 + 0.2, "big": 10**20, "none": None,
     "list": [True, False, "a\\nb", "\u2019", {"deep": [1.5e-7]}]},
    {"events": [{"event": "slot", "value": float("nan")}]},  # not strict JSON, but json writes it
    {"value": 2**70},  # beyond ujson's integers
])  # fmt: skip
def test_action_calls_are_written_as_json_writes_them(value):
    import json
    import math

    written = speedups.dumps(value)
    if "events" in value:
        assert math.isnan(json.loads(written)["events"][0]["value"])
    else:
        assert json.loads(written) == json.loads(json.dumps(value))


def test_applied_events_are_remembered_per_state_of_the_tracker():
    from rasa.shared.core.events import (
        ActionExecuted,
        ActiveLoop,
        Restarted,
        SlotSet,
        UserUtteranceReverted,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    original, walks = DialogueStateTracker.applied_events, []

    def walk(tracker):
        walks.append(len(tracker.events))
        return original(tracker)

    remembered = speedups.remembered_applied_events(walk)
    form = "assessment_form"
    history = [
        ActionExecuted("action_listen"), UserUttered("a job"), ActionExecuted(form),
        ActiveLoop(form), SlotSet("requested_slot", "age"), ActionExecuted("action_listen"),
        UserUttered("17"), ActionExecuted(form), SlotSet("age", "17"),
        ActionExecuted("action_listen"), UserUttered("oops"), UserUtteranceReverted(),
        ActionExecuted(form), Restarted(), ActionExecuted("action_listen"), UserUttered("hi"),
    ]  # fmt: skip
    tracker = DialogueStateTracker("someone", [])
    for event in history:
        tracker.update(event)
        assert remembered(tracker) == original(tracker)
        assert remembered(tracker) == original(tracker)
    assert walks == list(range(1, len(history) + 1))  # one walk per state, not per call
    mine = remembered(tracker)
    mine.clear()
    assert remembered(tracker) == original(tracker) != []  # a caller's list is its own
    tracker.events = tracker._create_events(history[:5])  # the deque replaced
    assert remembered(tracker) == original(tracker) == history[:5]


def conversation_with_a_form() -> list:
    """A resident's turns through a form: answers, a side question that interrupts it (the form
    runs again, and its earlier run is undone), a rule-only turn, a rewind and a restart."""
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionExecutionRejected,
        ActiveLoop,
        BotUttered,
        FollowupAction,
        Restarted,
        SessionStarted,
        SlotSet,
        UserUtteranceReverted,
        UserUttered,
    )

    form = "assessment_form"

    def said(text, intent, *entities):
        found = [{"entity": name, "value": value} for name, value in entities]
        return UserUttered(text, {"name": intent, "confidence": 0.9}, found)

    return [
        ActionExecuted("action_session_start"), SessionStarted(),
        SlotSet("council_name", "Demo Borough"), ActionExecuted("action_listen"),
        said("help me find work", "find_job"), ActionExecuted("action_extract_slots"),
        ActionExecuted(form), ActiveLoop(form), SlotSet("requested_slot", "age"),
        BotUttered("How old are you?"), ActionExecuted("action_listen"),
        said("im 19", "inform", ("age", "19")), ActionExecuted("action_extract_slots"),
        SlotSet("age", "19"), ActionExecuted(form), SlotSet("requested_slot", "location"),
        ActionExecuted("action_listen"), said("wait is this free", "help"),
        ActionExecuted("action_extract_slots"), ActionExecuted(form),
        ActionExecutionRejected(form), ActionExecuted("utter_help", hide_rule_turn=True),
        ActionExecuted(form), SlotSet("requested_slot", "location"),
        ActionExecuted("action_listen"), said("DB1 1AA", "inform", ("postcode", "DB1 1AA")),
        ActionExecuted("action_extract_slots"), ActionExecuted(form),
        SlotSet("location", "DB1 1AA"), ActiveLoop(None), SlotSet("requested_slot", None),
        ActionExecuted("action_assessment_summary"), FollowupAction("action_listen"),
        ActionExecuted("action_listen"), said("typo", "nlu_fallback"),
        UserUtteranceReverted(), said("jobs near me", "find_job"),
        ActionExecuted("action_search"), ActionExecuted("action_listen"),
        said("start again", "start_again"), ActionExecuted("action_restart"), Restarted(),
        ActionExecuted("action_listen"), said("hi", "greet"),
    ]  # fmt: skip


@pytest.mark.parametrize("omit_unset_slots", [False, True])
@pytest.mark.parametrize(
    "ignore_rule_only_turns, rule_only_data",
    [(False, None), (True, None),
     (True, {"rule_only_slots": ["requested_slot"], "rule_only_loops": ["assessment_form"]})],
)  # fmt: skip
def test_the_policies_states_carry_on_from_the_last_replay_with_rasas_answer(
    omit_unset_slots, ignore_rule_only_turns, rule_only_data
):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.config import PROJECT_ROOT

    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    rasas = Domain.states_for_tracker_history
    carried_on = speedups.incremental_states(Domain)
    arguments = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    tracker = DialogueStateTracker("someone", domain.slots)
    copies, replays = [], 0
    original_copy = tracker.init_copy
    tracker.init_copy = lambda: copies.append(1) or original_copy()
    history = conversation_with_a_form()
    for event in history:
        tracker.update(event)
        expected = rasas(domain, tracker, *arguments)
        before = len(copies)
        found = carried_on(domain, tracker, *arguments)
        replays += len(copies) - before
        assert found == expected
        if found:  # callers change states and sub-states (the featuriser deletes the last
            # state's user text): nothing kept moves
            for state in found:
                for sub_state in state.values():
                    sub_state.clear()
            found[0].clear()
            assert carried_on(domain, tracker, *arguments) == expected
    assert len(tracker.__dict__["_worklocal_states"]) == 1
    # Rasa replays once per call; here again only where events were undone (the form's
    # earlier runs, the rewind, the restart), which Rasa's applied events leave out.
    assert 2 <= replays <= 12 < len(history)


@pytest.mark.parametrize("selective_domain", [False, True])
def test_action_calls_carry_rasas_tracker_with_each_event_written_once(selective_domain):
    import copy
    import json
    from unittest import mock

    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event, SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    from bot.config import PROJECT_ROOT

    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    endpoint = EndpointConfig("http://actions", enable_selective_domain=selective_domain)
    action = RemoteAction("action_search", endpoint)
    ours = speedups.encoded_action_calls(RemoteAction._action_call_format)
    tracker = DialogueStateTracker("someone", domain.slots)
    written = []
    as_dict = Event.as_dict
    with mock.patch.object(Event, "as_dict", lambda e: written.append(e) or as_dict(e)):
        for event in conversation_with_a_form():
            tracker.update(event)
            for _ in range(2):  # two calls a turn
                call = speedups.dumps(ours(action, tracker, domain))
                with mock.patch.object(Event, "as_dict", as_dict):
                    expected = json.loads(json.dumps(action._action_call_format(tracker, domain)))
                assert json.loads(call) == expected
    assert ("domain" in expected) is not selective_domain
    # each event's JSON is kept on it: written when first sent, not at every call
    assert sorted(map(id, written)) == sorted(map(id, tracker.events))
    # an event changed since its JSON was written is written again: stamped again (as an
    # action's events are when logged for real), given the model's id, or deep-copied (as
    # Rasa copies the latest message to change its confidence)
    event = SlotSet("age", 17)
    tracker.update(event)
    assert sent_last(ours(action, tracker, domain)) == event.as_dict()
    event.timestamp += 1
    assert sent_last(ours(action, tracker, domain)) == event.as_dict()
    event.metadata = {**event.metadata, "model_id": "the model"}
    assert sent_last(ours(action, tracker, domain))["metadata"] == {"model_id": "the model"}
    twin = copy.deepcopy(event)
    twin.value = 18
    tracker.update(twin)
    assert sent_last(ours(action, tracker, domain))["value"] == 18


def sent_last(call: dict) -> dict:
    """The last event of an action call, as the action server reads it."""
    import json

    return json.loads(speedups.dumps(call))["tracker"]["events"][-1]


def test_encoded_events_are_refused_by_any_other_writer():
    import json

    from rasa.shared.core.events import SlotSet

    event = SlotSet("age", 17)
    call = {"tracker": {"events": speedups.EncodedEvents([event])}}
    with pytest.raises(TypeError):
        json.dumps(call)
    assert json.loads(speedups.dumps(call)) == {"tracker": {"events": [event.as_dict()]}}


def tracker_state(tracker) -> dict:
    """Everything a tracker holds, comparable: slots by their attributes, messages by theirs
    (an empty one stamped whenever it was made)."""
    held = {k: v for k, v in vars(tracker).items() if k not in speedups.KEPT_ON_TRACKERS}
    held["events"] = list(held["events"])
    held["slots"] = {name: vars(slot) for name, slot in held["slots"].items()}
    for name in ("latest_message", "latest_bot_utterance"):
        held[name] = held[name].as_dict() if held[name] is not None else None
        if held[name] and held[name]["text"] is None:  # none yet: an empty one, made now
            held[name].pop("timestamp")
    return held


def test_a_trackers_copy_is_the_one_rasas_replay_makes_and_stands_alone():
    import copy

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (
        ActiveLoop,
        ConversationPaused,
        ConversationResumed,
        LoopInterrupted,
        SlotSet,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.config import PROJECT_ROOT

    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    state_copy = speedups.state_copies(DialogueStateTracker.copy)
    tracker = DialogueStateTracker("someone", domain.slots)
    tracker.model_id, tracker.assistant_id = "model", "worklocal"  # a served tracker has both
    history = [*conversation_with_a_form(), ActiveLoop("assessment_form"), LoopInterrupted(True),
               SlotSet("barriers", ["childcare"]), ConversationPaused(), ConversationResumed(),
               UserUttered(None, None, message_id="no words")]  # fmt: skip
    for event in history:
        tracker.update(event)
        replayed, copied = DialogueStateTracker.copy(tracker), state_copy(tracker)
        assert tracker_state(copied) == tracker_state(replayed)
        before = copy.deepcopy(tracker_state(tracker))
        then = [LoopInterrupted(True), UserUttered("hi", {"name": "greet"}), SlotSet("age", 99),
                ActiveLoop("assessment_form"), LoopInterrupted(False)]  # fmt: skip
        for twin in (copied, replayed):  # what an action does to its copy stays there
            for later in then:
                twin.update(later)
        assert tracker_state(copied) == tracker_state(replayed)
        assert tracker_state(tracker) == before
    assert tracker.active_loop.is_interrupted and tracker.slots["barriers"].value == ["childcare"]


def test_a_tracker_holding_more_than_rasas_is_replayed():
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.assistant import tracker_store

    replays = []
    state_copy = speedups.state_copies(lambda t: replays.append(t) or "replayed")
    tracker = DialogueStateTracker("someone", [])
    tracker.something_new = 1
    assert state_copy(tracker) == "replayed" and replays == [tracker]
    assert state_copy(DialogueStateTracker("someone", None)) == "replayed"  # any slot name
    assert state_copy(DialogueStateTracker("someone", [], max_event_history=5)) == "replayed"
    # what the service keeps on a tracker is not the tracker's state
    kept = DialogueStateTracker("someone", [])
    for name in speedups.KEPT_ON_TRACKERS:
        kept.__dict__[name] = "kept"
    assert state_copy(kept) != "replayed" and tracker_store.KNOWN in speedups.KEPT_ON_TRACKERS


def test_the_tracker_a_form_or_the_profile_action_is_shown_is_rasas_replay():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.config import PROJECT_ROOT

    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    copies = []
    copy = speedups.state_copies(DialogueStateTracker.copy)
    state_copy = lambda t: copies.append(t) or copy(t)  # noqa: E731
    tracker = DialogueStateTracker("someone", domain.slots)
    tracker.model_id = "model"
    for event in conversation_with_a_form():  # ends with a restart: then Rasa's way
        tracker.update(event)
        added = [SlotSet("requested_slot", "age"), ActionExecuted("assessment_form"),
                 SlotSet("age", 24)]  # fmt: skip
        rasas = DialogueStateTracker.from_events(
            tracker.sender_id, tracker.events_after_latest_restart() + added, slots=domain.slots
        )
        ours = speedups.tracker_after(tracker, added, domain, state_copy)
        assert tracker_state(ours) == tracker_state(rasas)
        assert tracker.get_slot("age") != 24  # the tracker itself is left alone
    assert 10 < len(copies) < len(conversation_with_a_form())


def test_a_forms_and_the_slot_validations_trackers_to_be_are_rasas():
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.actions.forms import FormAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.config import PROJECT_ROOT

    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    fast_copy = speedups.state_copies(DialogueStateTracker.copy)
    form = FormAction("assessment_form", None)
    ours_for_the_form = speedups.form_trackers(fast_copy)
    ours_for_validation = speedups.slot_validation_trackers(fast_copy)
    tracker = DialogueStateTracker("someone", domain.slots)

    def shown_to_the_validation(execute) -> tuple:
        shown = []

        async def run_custom_action(name, output_channel, nlg, temporary, domain):
            shown.append(tracker_state(temporary))
            return [SlotSet("age", None)]

        extract = ActionExtractSlots(None)
        extract._run_custom_action = run_custom_action
        extracted = [SlotSet("age", 24), SlotSet("location", "DB1 1AA")]
        # A thread of its own: a browser test's event loop may still be running in this one.
        with ThreadPoolExecutor(1) as thread:
            run = thread.submit(
                asyncio.run, execute(extract, extracted, None, None, tracker, domain)
            )
            events = run.result()
        return shown, [(e.key, e.value) for e in events]

    for event in conversation_with_a_form():
        tracker.update(event)
        added = [SlotSet("age", 24)]
        assert tracker_state(ours_for_the_form(form, tracker, added, domain)) == tracker_state(
            form._temporary_tracker(tracker, added, domain)
        )
        assert shown_to_the_validation(ours_for_validation) == shown_to_the_validation(
            ActionExtractSlots._execute_validation_action
        )
