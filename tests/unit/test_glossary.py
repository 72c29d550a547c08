"""Residents' questions about jargon find the plain-English explanation."""

import pytest

from bot.glossary.service import lookup, terms


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("what does NEET mean", "NEET"), ("whats an apprenticeship", "Apprenticeship"),
        ("what is level 2?", "Qualification levels"),
        ("what's universal credit", "Universal Credit"),
        ("bootcamp??", "Skills Bootcamp"), ("what is ESOL", "ESOL"), ("T-level", "T Level"),
        ("explain free courses for jobs", "Free Courses for Jobs"), ("what's an EHCP", "EHC plan"),
    ],
)  # fmt: skip
def test_terms_are_found(question, name):
    term = lookup(question)
    assert term is not None and term.name == name


def test_unknown_words_find_nothing():
    assert lookup("what is a flux capacitor") is None


def test_explanations_are_short_plain_sentences():
    for term in terms():
        assert 40 < len(term.meaning) < 300
        assert all(len(sentence.split()) <= 30 for sentence in term.meaning.split(". "))
