"""The shape of a year's knowledge base: figures, topics and where every answer comes from.

Checked when a file is loaded, so a mistake in the YAML (a pattern that does not compile, a
placeholder with no figure, a button the dialogue cannot follow, an answer with no source) stops
the file loading with a message naming the problem, instead of reaching a resident.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, root_validator, validator

AUDIENCES = ("resident", "employer")
# The intents a knowledge answer's buttons may start: the ones the dialogue already handles.
PAYLOADS = (
    "/request_adviser",
    "/book_appointment",
    "/find_course",
    "/find_job",
    "/find_apprenticeship",
    "/get_support",
    "/career_advice",
    "/employer_enquiry",
    "/help",
)
EMPLOYER_TEAM = "/employer_enquiry"
# Filled from the council's own configuration when an answer is rendered, not from figures.
COUNCIL_PLACEHOLDERS = ("council_name", "council_phone", "service_name", "opening_hours")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME = r"^[a-z][a-z0-9_]{1,59}$"


def compile_pattern(pattern: str, what: str) -> re.Pattern[str]:
    """A pattern as the matcher uses it; a clear error if it could never work there.

    Messages are matched in lower case with apostrophes removed ("don't" is "dont"), so a
    pattern with an apostrophe could never match; and one that matches an empty message would
    match every message.
    """
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{what} {pattern!r} is not a valid regular expression: {exc}") from exc
    if "'" in pattern or "\u2019" in pattern:
        raise ValueError(
            f"{what} {pattern!r} has an apostrophe; messages are matched without apostrophes"
        )
    if compiled.search(""):
        raise ValueError(f"{what} {pattern!r} matches an empty message, so it matches anything")
    return compiled


class Source(BaseModel):
    """Where a figure or an answer comes from: a page a resident or an officer can open."""

    organisation: str = Field(..., min_length=2)
    title: str = Field(..., min_length=2)
    url: str = Field(..., regex=r"^https://\S+$")


class Figure(BaseModel):
    """One figure that changes from year to year (a wage rate, a percentage, an amount)."""

    value: str = Field(..., min_length=1)
    applies_from: date | None = None  # for figures that change each April, the date they apply
    source: Source
    checked: date


class Button(BaseModel):
    title: str = Field(..., min_length=2, max_length=60)
    payload: str

    @validator("payload")
    def _known_payload(cls, value: str) -> str:
        if value not in PAYLOADS:
            raise ValueError(f"unknown payload {value!r}; use one of {', '.join(PAYLOADS)}")
        return value


class Topic(BaseModel):
    """A question residents (or employers) ask, how to recognise it, and the answer."""

    key: str = Field(..., regex=_NAME)
    audience: Literal[AUDIENCES]  # type: ignore[valid-type]
    patterns: list[str] = Field(..., min_items=1)
    # Patterns that rule the topic out: a nearer topic answers those messages instead.
    unless: list[str] = Field(default_factory=list)
    # About an appointment itself ("can my mum come with me", "do i need to bring anything"):
    # answered even where the intent model reads a booking request into the words.
    about_appointments: bool = False
    answer: str = Field(..., min_length=20)
    source: Source
    checked: date
    buttons: list[Button] = Field(..., min_items=1, max_items=3)

    @validator("patterns", "unless", each_item=True)
    def _compiles(cls, value: str, field: Any) -> str:
        # Each item is checked as a sub-field named "_patterns" or "_unless".
        compile_pattern(value, "unless pattern" if "unless" in field.name else "pattern")
        return value

    @validator("answer")
    def _one_paragraph(cls, value: str) -> str:
        return " ".join(value.split())

    @root_validator(skip_on_failure=True)
    def _employers_reach_the_team(cls, values: dict[str, Any]) -> dict[str, Any]:
        payloads = [button.payload for button in values["buttons"]]
        if values["audience"] == "employer" and EMPLOYER_TEAM not in payloads:
            raise ValueError(
                f"employer topic {values['key']} needs a {EMPLOYER_TEAM} button "
                "so the employer reaches the council's employer team"
            )
        return values


class KnowledgeBase(BaseModel):
    """One year of answers for one area (or the national template for England)."""

    name: str
    valid_from: date
    valid_to: date
    # A message must look like a question (this pattern) before any topic is tried: residents'
    # answers to the assessment ("I'm on Universal Credit", "I have a record") are not questions.
    question_pattern: str
    figures: dict[str, Figure] = Field(default_factory=dict)
    topics: list[Topic] = Field(..., min_items=1)

    @validator("question_pattern")
    def _question_compiles(cls, value: str) -> str:
        compile_pattern(value, "question_pattern")
        return value

    @validator("figures")
    def _figure_names(cls, value: dict[str, Figure]) -> dict[str, Figure]:
        for name in value:
            if not re.match(_NAME, name):
                raise ValueError(f"figure name {name!r} must be lower_case_with_underscores")
            if name in COUNCIL_PLACEHOLDERS:
                raise ValueError(f"figure name {name!r} is kept for the council's own details")
        return value

    @root_validator(skip_on_failure=True)
    def _consistent(cls, values: dict[str, Any]) -> dict[str, Any]:
        if values["valid_to"] < values["valid_from"]:
            raise ValueError("valid_to is before valid_from")
        seen: set[str] = set()
        for topic in values["topics"]:
            if topic.key in seen:
                raise ValueError(f"topic key {topic.key!r} is used twice")
            seen.add(topic.key)
            known = set(values["figures"]) | set(COUNCIL_PLACEHOLDERS)
            for name in PLACEHOLDER.findall(topic.answer):
                if name not in known:
                    raise ValueError(
                        f"topic {topic.key}: unknown placeholder {{{name}}} in the answer; "
                        "add it to figures or use one of "
                        + ", ".join(f"{{{p}}}" for p in COUNCIL_PLACEHOLDERS)
                    )
        return values
