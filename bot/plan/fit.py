"""Whether a course found for a plan suits this resident, and what it costs them.

A plan must agree with the conversation: a resident told "English and maths are free for you"
must not see GCSE maths at £450 in their plan, and a graduate confident with computers must not
be offered Entry-level computer basics. The rules are those of the routing (``bot.pathways``),
through ``bot.catalogue.course.funding``, so the chat, the plan and the search agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.catalogue.course import funding
from bot.catalogue.course.models import LEVELS
from bot.council.models import Council
from bot.pathways.models import Answers

BASICS = re.compile(r"\b(digital|computer|computers|online basics|it skills|ict)\b", re.I)
ENGLISH = re.compile(r"\benglish\b", re.I)
MATHS = re.compile(r"\b(maths?|mathematics|numeracy|multiply)\b", re.I)
FREE_FOR_YOU = "Free for you"


def _rank(level: str | None) -> int | None:
    return LEVELS.index(level) if level in LEVELS else None


def lowest_level(answers: Answers) -> str | None:
    """The lowest course level worth offering: nothing below Level 2 for someone who has
    Level 3 or more (changing career starts at Level 2, not with the basics)."""
    held = _rank(answers.highest_level)
    return "2" if held is not None and held >= LEVELS.index("3") else None


def suits(card: Mapping[str, Any], answers: Answers) -> bool:
    """Basics (Entry level and Level 1) are left out for someone with Level 3 or more, unless
    they are the English or maths the resident still needs; computer basics are left out for
    someone confident with them."""
    title = str(card.get("title") or "")
    course = _rank(card.get("level_code"))
    basic = course is not None and course <= LEVELS.index("1")
    if (
        answers.digital_confidence == "confident"
        and BASICS.search(title)
        and (course is None or basic)
    ):
        return False
    if lowest_level(answers) is None or not basic:
        return True
    return bool(
        (ENGLISH.search(title) and answers.gcse_english is False)
        or (MATHS.search(title) and answers.gcse_maths is False)
    )


def cost_for(card: Mapping[str, Any], answers: Answers, *, council: Council) -> str | None:
    """ "Free for you" when the rules in force make it free for this resident (not just free for
    everyone, which its cost already says), else its cost."""
    course_type = card.get("course_type")
    if card.get("cost_pence") == 0 or not course_type:
        return card.get("cost")
    if funding.is_free_for(str(course_type), card.get("cost_pence"), answers, council=council):
        return FREE_FOR_YOU
    return card.get("cost")
