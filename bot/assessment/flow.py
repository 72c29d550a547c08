"""The assessment's questions, which of them to ask, and what the answers so far add up to.

Adaptive by rule: a question is asked only when its answer can change the advice (the routing
rules or the search). Slot values are what the dialogue stores; ``SKIPPED`` marks a question
the resident chose not to answer, which the routing treats as unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.pathways.models import Answers

SKIPPED = "skipped"
# Qualifications from another country: answered (not asked again), but their level is for an
# adviser to compare with UK ones, so the routing treats the level as unknown.
ABROAD = "abroad"
QUESTIONS = (
    "wants",
    "age",
    "location",
    "situation",
    "work_security",
    "out_of_work_months",
    "highest_level",
    "gcse",
    "digital_confidence",
    "barriers",
    "care_leaver",
    "on_benefits",
    "hours",
    "interests",
)
# Answers that often say more than was asked: "I lost my job 18 months ago" also says how long,
# "I work in a shop on a zero-hours contract" also says how secure. The follow-up question is
# then answered from the same words, if they can be read by rule, and not asked.
FOLLOW_UPS = {
    "situation": {"out_of_work": ("out_of_work_months",), "in_work": ("work_security",)},
}
WANTS_BY_INTENT = {
    "find_course": "course",
    "find_job": "job",
    "find_apprenticeship": "apprenticeship",
    "get_support": "support",
    "career_advice": "advice",
    "start_business": "business",
    "employer_enquiry": "employer",
}


def follow_ups(question: str, value: Any) -> tuple[str, ...]:
    """The later questions this answer may already have answered (see FOLLOW_UPS)."""
    if not isinstance(value, str):  # some answers are numbers or pairs: none has follow-ups
        return ()
    return FOLLOW_UPS.get(question, {}).get(value, ())


def known(value: Any) -> bool:
    return value is not None and value != SKIPPED


def known_value(slots: Mapping[str, Any], name: str) -> Any:
    """The slot's value, or None when it is empty or was skipped."""
    value = slots.get(name)
    return value if known(value) else None


def questions_to_ask(slots: Mapping[str, Any], minimum_age: int = 16) -> list[str]:
    """The questions still relevant for this resident, in the order they are asked."""
    # Before validation a slot can hold the raw text typed; only a read age is a number.
    age = known_value(slots, "age")
    age = age if isinstance(age, int) else None
    if age is not None and age < minimum_age:
        return ["wants", "age"]  # a kind signpost follows; nothing else is asked
    situation = known_value(slots, "situation")
    highest = known_value(slots, "highest_level")
    wants = known_value(slots, "wants")
    adult = age is None or age >= 19
    relevant = {
        "work_security": situation == "in_work",
        "out_of_work_months": situation == "out_of_work",
        # The English and maths entitlement is for adults without a grade 4; graduates have it, and
        # how a qualification from abroad compares is for an adviser to work out.
        "gcse": adult and highest not in {"4", "5", "6", "7", "8", ABROAD},
        "digital_confidence": adult,
        "care_leaver": age is None or age <= 25,
        # No benefit questions for young people in education; the answer changes nothing.
        "on_benefits": adult and situation != "in_education",
        "hours": wants in {None, "course", "job", "apprenticeship"},
        "interests": wants not in {"support", "employer"},
    }
    return [q for q in QUESTIONS if relevant.get(q, True)]


def answers(slots: Mapping[str, Any]) -> Answers:
    """The routing's view of the slots; skipped and unreadable answers are unknown."""
    gcse = known_value(slots, "gcse") or {}
    barriers = set(known_value(slots, "barriers") or [])
    highest = known_value(slots, "highest_level")
    if highest == ABROAD:
        barriers.add("overseas_qualifications")
        highest = None
    return Answers(
        wants=known_value(slots, "wants"),
        age=known_value(slots, "age"),
        in_area=slots.get("in_area"),
        situation=known_value(slots, "situation"),
        work_security=known_value(slots, "work_security"),
        out_of_work_months=known_value(slots, "out_of_work_months"),
        highest_level=highest,
        gcse_english=gcse.get("english") if isinstance(gcse, dict) else None,
        gcse_maths=gcse.get("maths") if isinstance(gcse, dict) else None,
        digital_confidence=known_value(slots, "digital_confidence"),
        barriers=frozenset(barriers),
        hours=known_value(slots, "hours"),
        on_benefits=known_value(slots, "on_benefits"),
        care_leaver=known_value(slots, "care_leaver"),
        interests=tuple(x for x in [known_value(slots, "interests")] if x),
    )
