"""Similar wordings of what residents asked, grouped into one topic each."""

from __future__ import annotations

import pytest

from bot.insight.grouping import MAX_KEY_LENGTH, group, wording_key
from bot.insight.scrub import scrub

SAME_TOPIC = [
    [
        "how do I get a forklift licence",
        "forklift licence pls",
        "where can i do my forklift license",
        "Forklift licences?",
        "i want a forklift licence",
    ],
    ["How do I get a CSCS card?", "cscs card", "where can i get cscs card pls", "CSCS CARD!!"],
    ["any cleaning jobs near me", "cleaning job", "Cleaning Jobs?", "im looking for cleaning job"],
    ["organisation skills course", "organization skills courses"],
    ["driving lessons", "Is there any drive lesson"],
    ["how can i get [name] a care job", "care jobs", "jobs in care"],
]


@pytest.mark.parametrize("wordings", SAME_TOPIC)
def test_wordings_of_one_topic_have_one_key(wordings):
    keys = {wording_key(w) for w in wordings}
    assert len(keys) == 1, keys
    assert keys != {""}


def test_different_topics_have_different_keys():
    keys = [wording_key(wordings[0]) for wordings in SAME_TOPIC]
    assert len(set(keys)) == len(keys)
    assert wording_key("forklift course") != wording_key("forklift licence")
    assert wording_key("cleaning job") != wording_key("cleaning course")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("how do i get a forklift licence", "forklift licenc"),
        ("where can i do my forklift license", "forklift licenc"),
        ("Forklift licences?", "forklift licenc"),
        ("any vacancies", "vacancy"),
        ("shopping", "shop"),
        ("classes", "class"),
        ("buses", "bus"),
        ("realize", "realis"),
        ("is there a course for level 2 maths", "2 cours level math"),
        ("call me on [phone] about [address]", "call"),
        ("I don't know what to do", ""),
    ],
)
def test_key_normalises_case_punctuation_spelling_and_endings(text, key):
    assert wording_key(text) == key


@pytest.mark.parametrize("text", ["", "hi", "hello??", "thanks!", "[name] [phone]", "pls help me"])
def test_filler_alone_has_an_empty_key(text):
    assert wording_key(text) == ""


def test_key_is_sorted_unique_and_at_most_300_characters():
    assert wording_key("credit universal Universal CREDIT") == "credit universal"
    long_key = wording_key(" ".join(f"topic{n}word" for n in range(100)))
    assert len(long_key) <= MAX_KEY_LENGTH
    assert long_key.split() == sorted(long_key.split())
    assert len(wording_key("x" * 1000)) == MAX_KEY_LENGTH  # one word too long: cut


def test_group_puts_similar_wordings_together_biggest_first():
    texts = [
        "how do I get a forklift licence",
        "forklift licence pls",
        "How do I get a CSCS card?",
        "where can i do my forklift license",
        "forklift licence pls",
        "cscs card",
        "universal credit help",
        "where can i get cscs card pls",
        "forklift course",
    ]
    assert group(texts) == [
        (
            "forklift licence pls",  # the most frequent wording
            [
                "how do I get a forklift licence",
                "forklift licence pls",
                "where can i do my forklift license",
                "forklift licence pls",
            ],
        ),
        (
            "cscs card",  # all once: the shortest
            ["How do I get a CSCS card?", "cscs card", "where can i get cscs card pls"],
        ),
        ("universal credit help", ["universal credit help"]),
        ("forklift course", ["forklift course"]),
    ]


def test_groups_with_half_their_words_in_common_merge():
    texts = [
        "universal credit",
        "Universal Credit?",
        "will i lose my universal credit if i work",  # {credit, lose, universal, work}: 2/4
        "universal credit sanction appeal",  # 2/4
        "credit union loan",  # 1/4: another topic
    ]
    groups = group(texts)
    assert groups[0] == ("universal credit", texts[:4])
    assert groups[1] == ("credit union loan", ["credit union loan"])


def test_merging_does_not_drift_along_a_chain():
    # b is like a and c is like b, but c is not like a: c stays apart.
    a, b, c = "alpha beta", "alpha beta gamma", "beta gamma delta"
    assert group([a, a, b, c]) == [("alpha beta", [a, a, b]), (c, [c])]


def test_texts_without_topic_words_group_together_and_apart():
    groups = group(["hi", "forklift licence", "hello??", "thanks"])
    assert groups == [
        ("hi", ["hi", "hello??", "thanks"]),
        ("forklift licence", ["forklift licence"]),
    ]


def test_group_is_deterministic_and_handles_nothing():
    texts = ["care job", "cleaning job", "care jobs", "job in care", "cleaning jobs", "chef"]
    assert group(texts) == group(list(texts))
    assert group([]) == []
    assert [len(members) for _, members in group(texts)] == [3, 2, 1]


def test_scrubbed_messages_group_by_topic_whoever_asked():
    messages = [
        "hi my name is Agnieszka i need forklift licence",
        "im Dave from LS6, forklift license pls",
        "Forklift licence? thanks, Priya",
        "my email is dave.smith@example.com, any cscs card course",
    ]
    scrubbed = [scrub(message) for message in messages]
    assert scrubbed == [
        "hi my name is [name] i need forklift licence",
        "im [name] from [postcode], forklift license pls",
        "Forklift licence? thanks, [name]",
        "my email is [email], any cscs card course",
    ]
    assert group(scrubbed) == [
        ("Forklift licence? thanks, [name]", scrubbed[:3]),  # all asked once: the shortest
        (scrubbed[3], [scrubbed[3]]),
    ]
