"""What the resident told us, said back to them in plain words.

When the assistant skips a question because the answer is already known, or changes an answer
because the resident corrected it, it says so in a short sentence a resident can check: "You
told me you're 19 and not working. I'll skip those questions."
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.assessment import flow

SITUATIONS = {
    "in_work": "you're working",
    "out_of_work": "you're not working at the moment",
    "in_education": "you're studying",
    "caring": "you're caring for someone",
    "health": "your health stops you working at the moment",
    "other": "you're doing something else",
}
SECURITY = {
    "secure": "your work is steady",
    "insecure": "your work is not secure",
    "low_paid": "your work is low paid",
}
DIGITAL = {
    "none": "you're not confident with computers",
    "basic": "you're a bit confident with computers",
    "confident": "you're confident with computers",
}
WANTS = {
    "course": "you'd like a course",
    "job": "you'd like a job",
    "apprenticeship": "you'd like an apprenticeship",
    "support": "you'd like some support",
    "advice": "you'd like help to work out what's right for you",
    "business": "you'd like to start a business",
    "employer": "you're an employer",
}
LEVELS = {
    "none": "you have no qualifications yet",
    flow.ABROAD: "you have qualifications from another country",
    "E1": "your highest qualification is entry level",
    "E2": "your highest qualification is entry level",
    "E3": "your highest qualification is entry level",
    "1": "your highest qualification is level 1",
    "2": "you have GCSEs or level 2",
    "3": "you have A levels or level 3",
    "4": "you have a level 4 qualification",
    "5": "you have a level 5 qualification",
    "6": "you have a degree",
    "7": "you have a master's degree",
    "8": "you have a doctorate",
}
BARRIERS = {
    "health": "your health",
    "disability": "a disability",
    "mental_health": "your mental health",
    "caring": "caring for someone",
    "childcare": "childcare",
    "housing": "housing",
    "transport": "getting about",
    "convictions": "a criminal record",
    "money": "money",
    "english_language": "English not being your first language",
    "overseas_qualifications": "qualifications from another country",
    "literacy": "reading and writing",
}


def _months(months: int) -> str:
    if months >= 120:
        return "you have never worked"
    if months >= 24:
        return f"for {months // 12} years"
    if months >= 12:
        return "for about a year" if months < 18 else f"for {months} months"
    return f"for {months} months" if months > 1 else "for a short time"


def _gcse(value: Mapping[str, Any]) -> str | None:
    english, maths = value.get("english"), value.get("maths")
    if english and maths:
        return "you have GCSE English and maths"
    if english is True and maths is False:
        return "you have GCSE English but not maths"
    if maths is True and english is False:
        return "you have GCSE maths but not English"
    if english is False and maths is False:
        return "you don't have GCSE English or maths"
    if english is not None:
        return "you have GCSE English" if english else "you don't have GCSE English"
    if maths is not None:
        return "you have GCSE maths" if maths else "you don't have GCSE maths"
    return None


def fact(slot: str, value: Any) -> str | None:
    """One answer as a short clause ("you're 19"), or None when there is nothing to say."""
    if not flow.known(value):
        return None
    if slot == "age" and isinstance(value, int):
        return f"you're {value}"
    if slot == "location":
        return f"you're in {value}"
    if slot == "situation":
        return SITUATIONS.get(value)
    if slot == "out_of_work_months" and isinstance(value, int):
        return _months(value)
    if slot == "work_security":
        return SECURITY.get(value)
    if slot == "highest_level":
        return LEVELS.get(str(value))
    if slot == "gcse" and isinstance(value, Mapping):
        return _gcse(value)
    if slot == "digital_confidence":
        return DIGITAL.get(value)
    if slot == "barriers" and isinstance(value, list):
        names = [BARRIERS.get(b, b) for b in value]
        return f"{join(names)} can make things harder" if names else None
    if slot == "care_leaver":
        return "you've been in care" if value else "you haven't been in care"
    if slot == "on_benefits":
        return "you get Universal Credit or a similar benefit" if value else (
            "you don't get an income-related benefit")  # fmt: skip
    if slot == "hours" and isinstance(value, int):
        return "you can work in school hours" if value == 25 else (
            f"you can do about {value} hours a week")  # fmt: skip
    if slot == "interests":
        return f"you're interested in {value}"
    if slot == "wants":
        return WANTS.get(value)
    return None


def join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def told(slots: Mapping[str, Any], names: Iterable[str]) -> list[str]:
    """The clauses for the answers given, in the order the assessment asks them; "for 2 years"
    follows "you're not working" as one clause."""
    clauses: list[str] = []
    for name in flow.QUESTIONS:
        if name not in names:
            continue
        clause = fact(name, slots.get(name))
        if clause is None:
            continue
        if name == "out_of_work_months" and clause.startswith("for "):
            if clauses and clauses[-1] == SITUATIONS["out_of_work"]:
                clauses.pop()
            clause = f"you've been out of work {clause}"
        clauses.append(clause)
    return clauses


def skipping(slots: Mapping[str, Any], names: Iterable[str]) -> str | None:
    """Why some questions won't be asked: "You told me you're 19 and you're not working. I'll
    skip those questions. If I got it wrong, just tell me, like “I'm 20”." """
    clauses = told(slots, names)
    if not clauses:
        return None
    those = "that question" if len(clauses) == 1 else "those questions"
    example = ", like \u201cI'm 20\u201d" if "age" in names else ""
    return (
        f"You told me {join(clauses)}. I'll skip {those}. If I got it wrong, just tell me{example}."
    )


def changed(corrections: Iterable[tuple[str, Any]]) -> str:
    """ "Thanks, I've changed that: you're 24 now." """
    clauses = [c for slot, value in corrections if (c := fact(slot, value))]
    return (
        f"Thanks, I've changed that: {join(clauses)}." if clauses else "Thanks, I've changed that."
    )
