"""Query parsing: stop words, synonyms, phrases and typo repair."""

from bot.catalogue.search.text import Vocabulary, edit_distance, parse


def _alternatives(query: str, vocabulary=None) -> list[set[str]]:
    return [{" ".join(p) for p in g.alternatives} for g in parse(query, vocabulary).groups]


def test_stop_words_and_generic_words_are_dropped():
    assert _alternatives("find me a plumbing course near here") == [
        {"plumbing", "plumber", "plumbers"},
        {"here"},
    ]


def test_synonyms_expand_both_ways():
    assert {"electrician", "electrical"} <= _alternatives("sparky")[0]
    assert "sparky" in _alternatives("electrician")[0]
    assert {"maths", "mathematics", "numeracy"} <= _alternatives("Maths")[0]


def test_it_stands_for_digital_skills_only():
    groups = _alternatives("IT courses")
    assert len(groups) == 1 and "it" not in groups[0] and "digital" in groups[0]


def test_multi_word_synonyms_stay_phrases():
    groups = _alternatives("english for speakers of other languages")
    assert len(groups) == 1 and "esol" in groups[0]
    groups = _alternatives("care worker jobs")
    assert len(groups) == 1 and {"care worker", "carer"} <= groups[0]


def test_misspelt_words_are_repaired_from_the_vocabulary():
    vocabulary = Vocabulary({"electrician", "plumbing", "bricklaying", "warehouse"})
    query = parse("electrcian warehuose", vocabulary)
    assert query.corrections == {"electrcian": "electrician", "warehuose": "warehouse"}
    # The repaired word brings its synonyms, and the word as typed is still searched.
    assert {"electrcian", "electrician", "sparky"} <= {
        " ".join(p) for p in query.groups[0].alternatives
    }


def test_known_short_and_numeric_words_are_left_alone():
    vocabulary = Vocabulary({"level", "gcse"})
    query = parse("level 2 gcse", vocabulary)
    assert query.corrections == {}
    assert [g.said for g in query.groups] == ["level", "2", "gcse"]


def test_nonsense_is_not_repaired_into_something_unrelated():
    assert parse("qwertyuiop", Vocabulary({"plumbing", "electrician"})).corrections == {}


def test_edit_distance_counts_swaps_once():
    assert edit_distance("warehuose", "warehouse", 2) == 1
    assert edit_distance("plumbng", "plumbing", 2) == 1
    assert edit_distance("abc", "xyz", 1) == 2  # stops early, past the limit
