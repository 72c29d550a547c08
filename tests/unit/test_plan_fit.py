"""A plan agrees with the chat: what is free for the resident says so, and courses suit them."""

from __future__ import annotations

import pytest

from bot.council import service as council_service
from bot.pathways.models import Answers
from bot.plan import fit

DEMO = council_service.home()
GCSE_MATHS = {"title": "GCSE Maths (evening)", "level_code": "2", "course_type": "essential_skills",
              "cost_pence": 45000, "cost": "£450"}  # fmt: skip
BASICS = {"title": "Essential Digital Skills", "level_code": "E3",
          "course_type": "essential_skills",
          "cost_pence": 0, "cost": "Free"}  # fmt: skip
PLUMBING_L1 = {"title": "Plumbing Level 1", "level_code": "1", "course_type": "other",
               "cost_pence": 90000, "cost": "£900"}  # fmt: skip


def test_english_and_maths_are_free_for_an_adult_without_them():
    without = Answers(age=30, gcse_maths=False, gcse_english=True)
    assert fit.cost_for(GCSE_MATHS, without, council=DEMO) == "Free for you"
    assert (
        fit.cost_for(GCSE_MATHS, Answers(age=30, gcse_maths=True, highest_level="3"), council=DEMO)
        == "£450"
    )
    assert fit.cost_for(PLUMBING_L1, without, council=DEMO) == "£900"


@pytest.mark.parametrize(
    ("card", "answers", "suits"),
    [(BASICS, Answers(highest_level="6", digital_confidence="confident"), False),
     (BASICS, Answers(highest_level="none", digital_confidence="none"), True),
     (PLUMBING_L1, Answers(highest_level="6"), False),
     (PLUMBING_L1, Answers(highest_level="2"), True),
     (GCSE_MATHS, Answers(highest_level="6", gcse_maths=False), True),  # the maths they need
     (PLUMBING_L1, Answers(), True)],  # nothing known: nothing left out
)  # fmt: skip
def test_courses_suit_the_resident(card, answers, suits):
    assert fit.suits(card, answers) is suits
