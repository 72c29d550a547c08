"""The concern classifier (bot/safety/concern.py): worried by danger put in words the rules have
not met, not by ordinary questions, and never where the rules already answer."""

from __future__ import annotations

import pytest

from bot.safety import concern

# Written for this test, in wordings none of the rule sets or examples use.
UNSEEN_DANGER = [
    "got the blade in my hand rn cant stop thinking about it",
    "took 2 many of my co-codamol on purpose lol cant feel my hands",
    "my uncle makes me send him pictures and says he will show my mum if i stop",
    "Połknęłam wszystkie tabletki nasenne, kręci mi się w głowie",
]
ORDINARY = [
    "any forklift courses near DB1 this month",
    "how much do apprentices get paid",
    "can i do the english course if im on universal credit",
    "i need a job with school hours, i have two kids",
    "whats the pay for warehouse nights",
    "I am looking for a job in retail and I have customer service experience from my last job",
]


@pytest.mark.parametrize("text", UNSEEN_DANGER)
def test_danger_the_rules_miss_worries_it(text):
    assert concern.worried(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_questions_do_not(text):
    assert not concern.worried(text)


def test_where_the_rules_already_answer_it_stays_quiet():
    assert concern.concern("i want to kill myself") >= concern.THRESHOLD
    assert not concern.worried("i want to kill myself")  # the full crisis answer comes instead


def test_it_learns_from_the_labelled_examples_and_the_dialogues_training_data():
    texts, labels = concern.training_set()
    assert sum(labels) > 300 and labels.count(0) > 2000
    assert "i want to kill myself" in texts


def test_the_lookup_table_gives_scikit_learns_probability():
    """The gateway scores with the table read from the fitted pipeline: it must be the model."""
    texts, labels = concern.training_set()
    fitted = concern.train(texts, labels)
    score = concern.scorer(fitted)
    judged = [*texts[::7], *UNSEEN_DANGER, *ORDINARY, "zzzz qqqq", "a", "!!!"]
    expected = fitted.predict_proba(judged)[:, 1]
    assert [round(score(text), 9) for text in judged] == [round(p, 9) for p in expected]
    assert any(p >= concern.THRESHOLD for p in expected) and any(p < 0.1 for p in expected)
