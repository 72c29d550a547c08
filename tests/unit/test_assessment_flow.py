"""Which questions the assessment asks, by what the resident has said so far."""

import pytest

from bot.assessment.flow import answers, questions_to_ask


@pytest.mark.parametrize(
    ("slots", "asked", "not_asked"),
    [
        ({}, {"age", "situation", "gcse", "on_benefits", "care_leaver"}, set()),
        ({"age": 16, "situation": "in_education"}, {"care_leaver"},
         {"on_benefits", "gcse", "digital_confidence", "work_security", "out_of_work_months"}),
        ({"age": 40, "situation": "in_work"}, {"work_security", "gcse", "on_benefits"},
         {"care_leaver", "out_of_work_months"}),
        ({"age": 30, "situation": "out_of_work"}, {"out_of_work_months"}, {"work_security"}),
        ({"age": 30, "highest_level": "6"}, {"digital_confidence"}, {"gcse"}),
        ({"wants": "support"}, {"barriers"}, {"hours", "interests"}),
        ({"wants": "employer"}, set(), {"interests"}),
        ({"age": "im 19 i think"}, {"care_leaver"}, set()),  # not yet read: ask as if unknown
    ],
)  # fmt: skip
def test_only_questions_that_change_the_advice_are_asked(slots, asked, not_asked):
    questions = set(questions_to_ask(slots))
    assert asked <= questions
    assert not (not_asked & questions)


def test_under_16_is_asked_nothing_more():
    assert questions_to_ask({"age": 14, "wants": "job"}) == ["wants", "age"]


def test_skipped_answers_are_unknown_to_the_routing():
    routed = answers({"age": "skipped", "situation": "out_of_work", "barriers": "skipped",
                      "gcse": {"english": True, "maths": None}})  # fmt: skip
    assert routed.age is None and routed.situation == "out_of_work"
    assert routed.barriers == frozenset() and routed.gcse_english and routed.gcse_maths is None
