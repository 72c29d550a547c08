"""The rule policy's rules sorted by the action and intent they need
(``speedups.indexed_rule_keys``) find exactly the rules Rasa's own search finds, for the
trained model's rules, on states they fit, nearly fit and cannot fit."""

import copy
import json
import random

import pytest

from bot.assistant import speedups


@pytest.fixture(scope="module")
def rule_policy(loaded_model):
    from rasa.core.policies.rule_policy import RulePolicy

    found = [node._component for node in loaded_model.runner._instantiated_nodes.values()
             if isinstance(getattr(node, "_component", None), RulePolicy)]  # fmt: skip
    assert len(found) == 1
    return found[0]


def as_conversation(rule_key: str) -> list[dict]:
    """A rule's own states, as a conversation would hold them (tuples, not JSON's lists)."""
    return [
        {
            name: {k: tuple(v) if isinstance(v, list) else v for k, v in sub.items()}
            for name, sub in state.items()
        }
        for state in json.loads(rule_key)
    ]


def variants(states: list[dict], rng: random.Random, actions: list, intents: list) -> list:
    """The states, and the same with the last state's intent, action, slots or loop changed,
    or an earlier state dropped: near misses that only some rules still fit."""
    found = [states]
    for change in ("intent", "action", "no user", "slot", "loop", "shorter"):
        changed = copy.deepcopy(states)
        last = changed[-1]
        if change == "intent":
            last["user"] = {"intent": rng.choice(intents)}
        elif change == "action":
            last["prev_action"] = {"action_name": rng.choice(actions)}
        elif change == "no user":
            last.pop("user", None)
        elif change == "slot":
            last.setdefault("slots", {})["requested_slot"] = (1.0,)
        elif change == "loop":
            last["active_loop"] = {"name": "assessment_form"}
        elif len(changed) > 1:
            changed = changed[1:]
        found.append(changed)
    return found


def test_the_rules_found_are_rasas_for_every_learned_rule_and_its_near_misses(rule_policy):
    from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy

    rasas = RulePolicy._get_possible_keys
    sorted_search = speedups.indexed_rule_keys(rasas)
    rng = random.Random(7)
    lookups = [rule_policy.lookup[RULES], rule_policy.lookup[RULES_FOR_LOOP_UNHAPPY_PATH]]
    assert len(lookups[0]) > 100  # the trained model's rules, not a handful
    states_seen = [as_conversation(key) for lookup in lookups for key in lookup]
    actions = sorted({s[-1].get("prev_action", {}).get("action_name") or "action_listen"
                      for s in states_seen})  # fmt: skip
    intents = sorted({s[-1].get("user", {}).get("intent") or "greet" for s in states_seen})
    compared = fitting = 0
    for states in states_seen:
        for conversation in variants(states, rng, actions, intents):
            for lookup in lookups:
                expected = rasas(rule_policy, lookup, conversation)
                assert sorted_search(rule_policy, lookup, conversation) == expected
                compared += 1
                fitting += bool(expected)
    assert compared > 1000 and fitting > compared // 4
    # a conversation's start (no previous action) and no states at all take Rasa's way
    for conversation in ([{}], [], [{"user": {"intent": "greet"}}]):
        assert sorted_search(rule_policy, lookups[0], conversation) == rasas(
            rule_policy, lookups[0], conversation
        )


def test_the_sorting_is_redone_when_the_rules_change(rule_policy):
    from rasa.core.policies.rule_policy import RULES, RulePolicy

    sorted_search = speedups.indexed_rule_keys(RulePolicy._get_possible_keys)
    lookup = dict(rule_policy.lookup[RULES])
    conversation = as_conversation(next(iter(lookup)))
    before = sorted_search(rule_policy, lookup, conversation)
    assert before
    for key in before:
        del lookup[key]
    assert not sorted_search(rule_policy, lookup, conversation) & before


def test_rules_after_a_bots_text_rather_than_an_action_are_found(rule_policy):
    """End-to-end-style rules name the bot's text, not an action: they need only the intent."""
    from rasa.core.policies.rule_policy import RULES, RulePolicy

    rasas = RulePolicy._get_possible_keys
    sorted_search = speedups.indexed_rule_keys(rasas)
    after_text = json.dumps([{"prev_action": {"action_text": "Hello!"},
                              "user": {"intent": "greet"}}])  # fmt: skip
    lookup = {**rule_policy.lookup[RULES], after_text: "utter_greet"}
    conversation = [{"prev_action": {"action_text": "Hello!"}, "user": {"intent": "greet"}}]
    assert after_text in sorted_search(rule_policy, lookup, conversation)
    assert sorted_search(rule_policy, lookup, conversation) == rasas(
        rule_policy, lookup, conversation
    )
