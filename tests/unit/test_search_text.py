"""Query parsing: stop words, synonyms kept apart from the exact words, phrases, and typo repair
that never changes a real word."""

import pytest

from bot.catalogue.search import english
from bot.catalogue.search.text import Vocabulary, edit_distance, parse, stems


def _alternatives(query: str, vocabulary=None) -> list[set[str]]:
    return [{" ".join(p) for p in g.alternatives} for g in parse(query, vocabulary).groups]


def test_stop_words_and_generic_words_are_dropped():
    assert _alternatives("find me a good plumbing course near here please") == [
        {"plumbing", "plumber", "plumbers", "plumbing and heating"},
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


def test_synonyms_are_kept_apart_from_the_words_as_typed():
    (group,) = parse("chippy").groups
    assert group.exact == [("chippy",)]
    assert {("joinery",), ("carpentry",), ("joiner",)} <= set(group.wider)
    (security,) = parse("security").groups  # in no group: never "door supervisor"
    assert (security.exact, security.wider) == ([("security",)], [])


def test_adjacent_words_are_one_subject_and_and_separates_subjects():
    query = parse("cyber security")
    assert query.phrases == [("cyber", "security")] or [g.said for g in query.groups] == [
        "cyber security"
    ]
    query = parse("data entry")
    assert query.phrases == [("data", "entry")] or query.groups[0].said == "data entry"
    two = parse("plumbing and bricklaying, or welding")
    assert [[g.said for g in subject] for subject in two.subjects] == [
        ["plumbing"], ["bricklaying"], ["welding"]
    ]  # fmt: skip
    assert parse("health and social care").groups[0].said == "health and social care"


@pytest.mark.parametrize(
    "word", ["convictions", "prison", "career", "zebra", "addiction", "nights", "cyber"]
)
def test_real_english_words_are_never_repaired(word):
    near_misses = Vocabulary({"conditions", "prism", "carer", "zebu", "addition", "night", "cider"})
    query = parse(word, near_misses)
    assert query.corrections == {} and not query.groups[0].corrected
    assert not query.groups[0].noise  # a real word: searched as it is


def test_a_word_that_is_no_word_is_noise_unless_it_can_be_repaired():
    vocabulary = Vocabulary({"plumbing"})
    assert parse("plumbng", vocabulary).corrections == {"plumbng": "plumbing"}
    (noise,) = parse("asdfgh", vocabulary).groups
    assert noise.noise and not noise.in_catalogue


def test_a_repair_into_a_stop_word_is_dropped():
    assert parse("cours", Vocabulary({"course", "plumbing"})).groups == []


def test_words_the_catalogue_lacks_stop_some_of_the_words_being_enough():
    catalogue = Vocabulary({"plumbing", "electrician", "security"})
    assert parse("plumbing electrician", catalogue).may_relax
    assert parse("plumbing asdfgh", catalogue).may_relax  # noise may be left out
    assert not parse("cyber security", catalogue).may_relax  # a subject it does not have
    assert not parse("plumbing zebra", catalogue).may_relax
    assert not parse("plumbing", catalogue).may_relax  # one word: nothing to leave out


def test_the_word_list_is_real_english_and_leaves_misspellings_out():
    assert {"convictions", "conditions", "carpenter", "plasterer", "barista"} <= english.words()
    assert not {"plumbng", "electrcian", "maffs", "englsh", "cours", "lern"} & english.words()
    assert english.is_english("Convictions")


def test_titles_and_queries_share_the_index_stemmer():
    assert stems(["coding", "Coding".lower(), "plumbing", "carers"]) == ("code", "code", "plumb",
                                                                        "carer")  # fmt: skip
