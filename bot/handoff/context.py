"""What travels with a case: the resident's answers in plain words, a summary written only from
those answers, and the conversation so far. Nothing here is guessed or invented."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel

from bot.assessment import flow
from bot.pathways.models import Routing

LABELS = {
    "wants": "Wants help with",
    "age": "Age",
    "location": "Postcode or town",
    "situation": "At the moment",
    "work_security": "Their work",
    "out_of_work_months": "Out of work for",
    "highest_level": "Highest qualification",
    "gcse": "GCSE English and maths at grade 4 or above",
    "digital_confidence": "Using a computer or the internet",
    "barriers": "Things making it harder",
    "care_leaver": "Has been in care",
    "on_benefits": "Gets an income-related benefit",
    "hours": "Hours a week they could work or study",
    "interests": "Interested in",
}
VALUES = {
    "wants": {
        "course": "a course",
        "job": "a job",
        "apprenticeship": "an apprenticeship",
        "support": "support",
        "advice": "working out what's right for them",
        "business": "starting a business",
        "employer": "recruiting (an employer)",
    },
    "situation": {
        "in_work": "in work",
        "out_of_work": "out of work",
        "in_education": "in education",
        "caring": "caring for someone",
        "health": "not working because of their health",
        "other": "something else",
    },
    "work_security": {
        "secure": "secure",
        "insecure": "insecure (e.g. zero hours)",
        "low_paid": "low paid",
    },
    "digital_confidence": {"none": "not confident", "basic": "a bit", "confident": "confident"},
    "highest_level": {
        "none": "none",
        "E1": "entry level 1",
        "E2": "entry level 2",
        "E3": "entry level 3",
        "1": "level 1",
        "2": "level 2 (GCSEs at grade 4 or above)",
        "3": "level 3 (A levels)",
        "4": "level 4",
        "5": "level 5",
        "6": "level 6 (a degree)",
        "7": "level 7 (a master's)",
        "8": "level 8 (a doctorate)",
        "abroad": "from another country (for an adviser to compare with UK levels)",
    },
    "barriers": {
        "health": "health",
        "disability": "disability",
        "mental_health": "mental health",
        "caring": "caring",
        "childcare": "childcare",
        "housing": "housing",
        "transport": "transport",
        "convictions": "convictions",
        "money": "money",
        "english_language": "English language",
        "overseas_qualifications": "qualifications from another country",
        "literacy": "reading and writing",
    },
}
REASON_TEXT = {
    "crisis": "They may be in crisis: the assistant gave emergency contacts.",
    "housing": "They may lose their home soon: the assistant gave Housing Options and the "
    "emergency housing line.",
    "asked": "They asked to talk to a person.",
    "not_understood": "The assistant did not understand them twice in a row.",
    "assessment": "They finished the assessment.",
}


class Answer(BaseModel):
    question: str
    answer: str


class Said(BaseModel):
    sender: str  # resident or assistant
    text: str


class CaseContext(BaseModel):
    answers: list[Answer]
    routing: dict[str, Any]
    summary: str
    transcript: list[Said]


def _yes_no(value: Any) -> str:
    return "yes" if value else "no"


def answer_text(question: str, value: Any) -> str:
    """One stored answer in plain words ("18 months", "housing, transport")."""
    if value == flow.SKIPPED:
        return "chose not to say"
    if question == "gcse" and isinstance(value, dict):
        has = [s for s in ("english", "maths") if value.get(s)]
        return " and ".join(has) if has else "neither"
    if question in ("care_leaver", "on_benefits"):
        return _yes_no(value)
    if question == "out_of_work_months" and isinstance(value, int):
        return f"{value // 12} years" if value >= 24 else f"{value} months"
    if question == "hours" and isinstance(value, int):
        return f"{value} hours"
    if question == "barriers":
        items = value if isinstance(value, list) else [value]
        return ", ".join(VALUES["barriers"].get(v, str(v)) for v in items) or "none"
    return VALUES.get(question, {}).get(value, str(value))


def answers(slots: Mapping[str, Any]) -> list[Answer]:
    """The questions answered or skipped, in the order the assessment asks them."""
    return [
        Answer(question=LABELS[q], answer=answer_text(q, slots[q]))
        for q in flow.QUESTIONS
        if slots.get(q) is not None
    ]


def summary(slots: Mapping[str, Any], routing: Routing | None, reason: str) -> str:
    """A few sentences for the adviser, built only from what the resident said."""
    known = {q: flow.known_value(slots, q) for q in flow.QUESTIONS}
    about = []
    if isinstance(known["age"], int):
        about.append(f"aged {known['age']}")
    situation = known["situation"]
    if situation:
        words = answer_text("situation", situation)
        if situation == "out_of_work" and known["out_of_work_months"] is not None:
            words += " for " + answer_text("out_of_work_months", known["out_of_work_months"])
        about.append(words)
    if known["location"]:
        about.append(f"in {known['location']}")
    sentences = []
    if about:
        sentences.append("The resident is " + ", ".join(about) + ".")
    if known["wants"]:
        sentences.append(f"They want help with {answer_text('wants', known['wants'])}.")
    if known["highest_level"]:
        sentences.append(
            f"Highest qualification: {answer_text('highest_level', known['highest_level'])}."
        )
    if known["barriers"]:
        sentences.append(f"Things making it harder: {answer_text('barriers', known['barriers'])}.")
    if known["interests"]:
        sentences.append(f"Interested in {known['interests']}.")
    if routing is not None and routing.offers:
        sentences.append("Fits " + " and ".join(o.name for o in routing.offers) + ".")
    if not any(known.values()):
        sentences.append("They have not answered any assessment questions yet.")
    sentences.append(REASON_TEXT[reason])
    return " ".join(sentences)


_PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$", re.DOTALL)


def said_text(text: str) -> str:
    """A button press arrives as its payload; show which option was chosen, not the syntax."""
    match = _PAYLOAD.match(text.strip())
    if not match:
        return text
    try:
        values = json.loads(match.group(2)) if match.group(2) else {}
    except ValueError:
        values = {}
    chosen = (
        ", ".join(answer_text(k, v) for k, v in values.items()) if isinstance(values, dict) else ""
    )
    return f"(chose: {chosen or match.group(1).replace('_', ' ')})"


def _resident_words(event: Mapping[str, Any]) -> str:
    """What the resident typed. A message the gateway passed on as a payload (a crisis, or
    losing heart) keeps the typed words in its metadata: the adviser opening an urgent case
    must read them, not "(chose: crisis)"."""
    metadata = event.get("metadata")
    typed = metadata.get("resident_text") if isinstance(metadata, Mapping) else None
    return str(typed) if typed else said_text(event["text"])


def transcript(events: Iterable[Mapping[str, Any]], limit: int = 200) -> list[Said]:
    """The conversation's words from Rasa's events: the resident's and the assistant's."""
    said = [
        Said(
            sender="resident" if event["event"] == "user" else "assistant",
            text=_resident_words(event) if event["event"] == "user" else event["text"],
        )
        for event in events
        if event.get("event") in ("user", "bot") and event.get("text")
    ]
    return said[-limit:]


def build(
    slots: Mapping[str, Any],
    events: Iterable[Mapping[str, Any]],
    routing: Routing | None,
    reason: str,
) -> CaseContext:
    return CaseContext(
        answers=answers(slots),
        routing=routing.dict() if routing is not None else {},
        summary=summary(slots, routing, reason),
        transcript=transcript(events),
    )
