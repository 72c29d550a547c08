"""Turn one message into the answer to one assessment question, by rule.

Button payloads arrive as entities (``/inform{"situation":"out_of_work"}``); typed answers are
read from the words. Anything unclear is ``None``, and the dialogue asks again with a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.assessment import facts, parse
from bot.assessment.flow import ABROAD, WANTS_BY_INTENT
from bot.pathways.models import BARRIERS, DIGITAL, HIGHEST_LEVELS, SITUATIONS, WORK_SECURITY

HINTS = {
    "wants": "You can choose one of the options, or tell me in a few words, like "
    "“a course” or “a job”.",
    "age": "Please tell me your age as a number, like 19.",
    # {like}: " (like DB1 1AA)", a postcode in the resident's council (its example_postcode)
    "location": "Please give your postcode{like} or the name of your town.",
    "situation": "For example: “out of work”, “in work”, “at college” or “looking after someone”.",
    "work_security": "For example: “permanent”, “zero hours” or “low paid”.",
    "out_of_work_months": "For example: “6 months” or “2 years”.",
    "highest_level": "For example: “GCSEs”, “A levels”, “a degree”, “none” or “from another "
    "country”.",
    "gcse": "You can say “both”, “just English”, “just maths” or “neither”.",
    "digital_confidence": "You can say “confident”, “a bit” or “not at all”.",
    "barriers": "You can name more than one, like “housing and childcare”, or say “none”.",
    "care_leaver": "Please answer yes or no.",
    "on_benefits": "Please answer yes or no.",
    "hours": "For example: “16 hours”, “part time” or “full time”.",
    "interests": "For example: “care work”, “driving” or “computers”.",
}
WANT_WORDS = [
    ("apprenticeship", r"\bapprentice"),
    ("course", r"\b(course|learn|train|study|class|college|qualification)"),
    ("job", r"\b(job|work|employ|vacanc)"),
    ("support", r"\b(support|help with|advice on)"),
    ("business", r"\b(business|self[- ]employed|own boss)"),
    ("advice", r"\b(advice|not sure|don'?t know|career|what to do)"),
]
# An age they were, not the age they are: "left school at 15", "since i was 16", "at 14".
PAST_AGE = re.compile(
    r"\b(?:(?:left|quit|finished|leaving|dropped out of) (?:school|college|education|home)|"
    r"(?:when|since|because|cos|coz) i (?:was|were)|(?:was|were) (?:only|just)|"
    r"from (?:age|the age of)|at (?:age|the age of))\s*(?:at |aged? )?\d{1,2}\b",
    re.IGNORECASE,
)
GCSE_BUTTONS = {
    "both": {"english": True, "maths": True},
    "english": {"english": True, "maths": False},
    "maths": {"english": False, "maths": True},
    "neither": {"english": False, "maths": False},
}
UNSURE = re.compile(
    r"^\s*(i'?m |im )?(not sure|dunno|don'?t know|dont know|idk|no idea|unsure|nothing yet)"
    r"( really| tbh| to be honest| yet| mate| lol)?\s*[.!]*\s*$",
    re.I,
)


def _entities(entities: Iterable[Mapping[str, Any]], name: str) -> list[Any]:
    return [e.get("value") for e in entities if e.get("entity") == name and e.get("value")]


def _chosen(entities: Iterable[Mapping[str, Any]], name: str, allowed: Iterable[str]) -> Any:
    for value in _entities(entities, name):
        if str(value) in allowed:
            return str(value)
    return None


_CLAUSES = re.compile(r"[,.;!?]|\b(?:and|but|so|because|cos|as|plus)\b", re.IGNORECASE)


def _own_barriers(text: str, parsed: Iterable[str]) -> set[str]:
    """The barriers that are the resident's: in a clause about a relative ("my husband is
    disabled"), only what the ownership-aware reader says is theirs (caring for him) counts."""
    said = facts.normalise(text)
    if not facts.names_someone_else(said):
        return set(parsed)
    theirs = facts.barriers(said)
    kept: set[str] = set()
    for clause in _CLAUSES.split(text):
        found = set(parse.barriers(clause) or ())
        kept |= found & theirs if facts.names_someone_else(facts.normalise(clause)) else found
    return kept | (theirs & set(BARRIERS))


def read(
    question: str, text: str, intent: str | None, entities: list[Mapping[str, Any]]
) -> Any | None:
    """The answer in a storable form (a slot value), or ``None`` if it can't be read."""
    text = text or ""
    if question == "wants":
        if intent in WANTS_BY_INTENT:
            return WANTS_BY_INTENT[intent]
        lowered = text.lower()
        return next((w for w, pattern in WANT_WORDS if re.search(pattern, lowered)), None)
    if question == "age":  # "im 19 sorry i mean 21": the age put right
        text = PAST_AGE.sub(" ", text)  # "left school at 15" is no age now
        return parse.age(text) or facts.age(facts.normalise(text))
    if question == "situation":
        return _chosen(entities, "situation", SITUATIONS) or parse.situation(text)
    if question == "work_security":
        return _chosen(entities, "work_security", WORK_SECURITY) or parse.work_security(text)
    if question == "out_of_work_months":
        chosen = _entities(entities, "duration")
        return parse.months(str(chosen[0])) if chosen else parse.months(text)
    if question == "highest_level":
        chosen = _chosen(entities, "qualification_level", (*HIGHEST_LEVELS, ABROAD))
        if chosen:
            return chosen
        said = facts.normalise(text)
        if facts.qualifications_abroad(said) or re.search(
            r"\b(another|other|different|my) country\b|\babroad\b|\boverseas\b|\bforeign\b", said
        ):
            return ABROAD
        level = parse.highest_level(text)
        named = re.search(r"\b(english|maths?|mathematics)\b", text, re.IGNORECASE)
        about_speaking = re.search(
            r"\b(speak\w*|language|course|classes?|lessons?|learn\w*|second|first|good|well|bad|"
            r"poor|ok|okay|little|broken|perfect)\b",
            text,
            re.I,
        )
        subjects = parse.gcse(text) if named and not about_speaking else None
        if level is None and subjects is not None:
            # "english only", "just maths": a GCSE subject named is a GCSE held, or one below
            # grade 4 when every subject named was failed
            return "2" if True in subjects else "1"
        return level
    if question == "gcse":
        chosen = _chosen(entities, "gcse", GCSE_BUTTONS)
        if chosen:
            return GCSE_BUTTONS[chosen]
        parsed = parse.gcse(text)
        return None if parsed is None else {"english": parsed[0], "maths": parsed[1]}
    if question == "digital_confidence":
        return _chosen(entities, "digital_confidence", DIGITAL) or parse.digital(text)
    if question == "barriers":
        chosen = [str(v) for v in _entities(entities, "barrier") if str(v) in BARRIERS]
        if chosen or _entities(entities, "barrier") == ["none"]:
            return sorted(set(chosen))
        parsed = parse.barriers(text)
        return None if parsed is None else sorted(_own_barriers(text, parsed))
    if question in ("care_leaver", "on_benefits"):
        if re.fullmatch(r"\W*(ok|okay|k|kk|okey|oki|alright|right|fine|hmm+|mm+)\W*", text, re.I):
            return None  # "ok" says carry on, not "yes, I was in care": asked again
        if intent == "affirm":
            return True
        if intent == "deny":
            return False
        return parse.yes_no(text)
    if question == "hours":
        for value in _entities(entities, "hours"):
            hours = parse.hours(str(value))
            if hours is not None:
                return hours
        return parse.hours(text)
    if question == "interests":
        named = _entities(entities, "subject") + _entities(entities, "job_role")
        if named:
            return ", ".join(dict.fromkeys(str(v) for v in named))[:100]
        cleaned = " ".join(text.split())[:100]
        return None if not cleaned or UNSURE.match(cleaned) else cleaned
    raise ValueError(f"no such question: {question}")
