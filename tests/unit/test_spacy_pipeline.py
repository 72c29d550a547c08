"""The project's own spaCy pipeline: built from code, loaded from disk, exact postcodes."""

import pytest
import spacy

from bot.nlp import pipeline


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    target = tmp_path_factory.mktemp("spacy") / pipeline.NAME
    assert pipeline.ensure_built(target) is True
    assert pipeline.ensure_built(target) is False  # up to date: not rebuilt
    return spacy.load(target)


def postcodes(nlp, text):
    return [ent.text for ent in nlp(text).ents if ent.label_ == "postcode"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("any free maths courses near LS9 8AB?", ["LS9 8AB"]),
        ("i live at ls98ab", ["ls98ab"]),
        ("my postcode is sw1a 1aa thanks", ["sw1a 1aa"]),
        ("jobs near LS9", ["LS9"]),
        ("EC1A 1BB or M1 1AE", ["EC1A 1BB", "M1 1AE"]),
    ],
)
def test_postcodes_are_found(nlp, text, expected):
    assert postcodes(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    ["i want a level 2 course", "an L2 maths course", "i am 19", "hello", "call 0113 496 0000"],
)
def test_things_that_are_not_postcodes_are_not(nlp, text):
    assert postcodes(nlp, text) == []


def test_fingerprint_changes_with_source(monkeypatch, tmp_path):
    first = pipeline.fingerprint()
    assert first == pipeline.fingerprint()
    monkeypatch.setattr(pipeline, "__file__", str(tmp_path / "other.py"))
    (tmp_path / "other.py").write_text("# different source\n")
    assert pipeline.fingerprint() != first
