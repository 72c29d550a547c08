"""The safety net on the labelled safeguarding set (tests/fixtures/safeguarding.yml): every
crisis in it is recognised, as the right kind of danger (so the right numbers are given), and no
look-alike is. The held-out part is measured by bench/safeguarding.py, not required here."""

from pathlib import Path

import pytest
import yaml

from bot.safety.detect import kind

LABELLED = yaml.safe_load((Path(__file__).parents[1] / "fixtures" / "safeguarding.yml").read_text())
CRISES = [(k, t) for k, texts in LABELLED["crisis"].items() for t in texts]


def test_the_set_is_big_enough_to_measure():
    assert len(CRISES) + len(LABELLED["not_crisis"]) >= 200


@pytest.mark.parametrize(("expected", "text"), CRISES)
def test_each_crisis_is_recognised_as_its_kind(expected, text):
    assert kind(text) == expected


@pytest.mark.parametrize("text", LABELLED["not_crisis"])
def test_no_look_alike_is_taken_for_a_crisis(text):
    assert kind(text) is None
