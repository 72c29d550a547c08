"""The Rasa server runs its model graph without dask (``graph_runner.run_in_order``) and must get
dask's answers: the same parse of every message and the same prediction on every tracker."""

from types import SimpleNamespace

import pytest

from bot.assistant import graph_runner
from bot.config import PROJECT_ROOT

TEXTS = [
    "help me work out what's right for me",
    "17",
    "DB1 1AA",
    "any courses near DB1 1AA?",
    "care jobs near me",
    "i want to talk to a person",
    "/affirm",
]


@pytest.fixture(scope="module")
def model(loaded_model):
    return loaded_model


def both(runner, inputs, targets):
    """Dask's answer and ours, from the same loaded nodes."""
    return runner.run(inputs, targets), graph_runner.run_in_order(runner, inputs, targets)


@pytest.mark.parametrize("text", TEXTS)
def test_every_message_parses_as_with_dask(model, text):
    from rasa.shared.core.trackers import DialogueStateTracker

    target = model.metadata.nlu_target
    inputs = {
        "__message__": [model.message(text, sender_id="s")],
        "__tracker__": DialogueStateTracker("s", []),
    }
    with_dask, ours = both(model.runner, inputs, [target])
    parsed, parsed_with_dask = (
        found[target][0].as_dict(only_output_properties=True) for found in (ours, with_dask)
    )
    assert parsed == parsed_with_dask
    assert parsed["intent"]["name"] and "intent_ranking" in parsed


def test_a_failing_component_raises_as_with_dask(model):
    """An empty message has no features for the intent classifier, which refuses it."""
    from rasa.engine.exceptions import GraphComponentException

    inputs = {"__message__": [model.message("", sender_id="s")]}
    with pytest.raises(GraphComponentException) as with_dask:
        model.runner.run(inputs, [model.metadata.nlu_target])
    with pytest.raises(GraphComponentException) as ours:
        graph_runner.run_in_order(model.runner, inputs, [model.metadata.nlu_target])
    assert str(ours.value) == str(with_dask.value)


def test_the_next_action_is_predicted_as_with_dask(model):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("hi", {"name": "start_assessment", "confidence": 0.99}),
        SlotSet("wants", "job"),
    ]
    tracker = DialogueStateTracker.from_events("s", events, domain.slots)
    target = model.metadata.core_target
    with_dask, ours = both(model.runner, {"__tracker__": tracker}, [target])
    assert ours[target].probabilities == with_dask[target].probabilities
    assert ours[target].policy_name == with_dask[target].policy_name
    assert max(ours[target].probabilities) > 0


def fake_runner(nodes: dict, needs: dict):
    """A runner's parts, for the cases a real model does not show."""
    from rasa.engine.runner.dask import DaskGraphRunner

    schema = SimpleNamespace(
        nodes={name: SimpleNamespace(needs=needs[name]) for name in nodes}, target_names=["c"]
    )
    return SimpleNamespace(
        _graph_schema=schema,
        _instantiated_nodes=nodes,
        _add_inputs_to_graph=DaskGraphRunner._add_inputs_to_graph,
    )


def test_nodes_run_after_what_they_need_and_once():
    calls = []

    def node(name):
        def run(*inputs):
            calls.append(name)
            return name, [name, *inputs]

        return run

    runner = fake_runner(
        {"c": node("c"), "b": node("b"), "a": node("a")},
        {"c": {"x": "b", "y": "a"}, "b": {"x": "a", "m": "__in__"}, "a": {}},
    )
    result = graph_runner.run_in_order(runner, {"__in__": 5}, None)
    assert calls == ["a", "b", "c"]
    assert result == {"c": ["c", ("b", ["b", ("a", ["a"]), ("__in__", 5)]), ("a", ["a"])]}
    graph_runner.run_in_order(runner, {"__in__": 6}, ["c"])  # the order is kept, not re-derived
    assert calls[3:] == ["a", "b", "c"]


def test_an_unprovided_need_is_passed_by_name_and_errors_are_rasas():
    from rasa.engine.exceptions import GraphRunError

    seen = []

    def needs_missing(*inputs):
        seen.extend(inputs)
        raise RuntimeError("broken")

    runner = fake_runner({"c": needs_missing}, {"c": {"x": "__missing__"}})
    with pytest.raises(GraphRunError, match="Error running runner"):
        graph_runner.run_in_order(runner, {}, ["c"])
    assert seen == ["__missing__"]
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        graph_runner.run_in_order(runner, {"__in__": "c"}, ["c"])
