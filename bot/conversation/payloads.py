"""The shapes of the ``custom`` payloads the assistant's messages carry to the widget: one
module for the actions, the gateway and the widget to agree on, instead of bare strings on
each side.

Each payload has a ``type`` and the fields the widget reads; a payload may carry more (the
widget ignores what it does not know), but never less. ``schema()`` is the JSON Schema of them
all, written to ``web_widget/payloads.schema.json`` (``python -m bot.conversation.payloads``);
a unit test keeps the file in step, and the end-to-end conversation suite validates every
payload the real service sends against it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, parse_obj_as
from pydantic import schema_of as _schema_of

from bot.config import PROJECT_ROOT

SCHEMA_FILE = PROJECT_ROOT / "web_widget" / "payloads.schema.json"


class _Payload(BaseModel):
    class Config:
        extra = "allow"


class Results(_Payload):
    """Search results drawn as cards."""

    type: Literal["course_results", "job_results", "service_results"]
    total: int = Field(..., ge=0)
    page: int = Field(..., ge=1)
    results: list[dict[str, Any]]
    location: str | None = None


class Plan(_Payload):
    """The resident's plan, with its reference and link (``bot.plan``)."""

    type: Literal["plan"]
    reference: str
    link: str
    offers: list[dict[str, Any]] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)


class Pathways(_Payload):
    """The offers the assessment led to, each with its reasons (``bot.pathways``)."""

    type: Literal["pathways"]
    case: str | None = None
    rules: str
    offers: list[dict[str, Any]]
    entitlements: list[dict[str, Any]]
    referrals: list[dict[str, Any]]
    too_young: str | None = None


class Booking(_Payload):
    """An appointment made or moved."""

    type: Literal["booking"]
    reference: str
    label: str
    channel: str
    changed: bool = False


class CaseNotice(_Payload):
    """Something an adviser will see, under the resident's reference."""

    type: Literal["callback", "not_understood", "handoff_waiting", "handoff_offline"]
    case: str | None = None


class Crisis(_Payload):
    """The emergency answer, and which danger it answered."""

    type: Literal["crisis"]
    kind: str
    case: str | None = None


class SafetyNumbers(_Payload):
    """After a crisis answer, the numbers again with every reply (their words in ``text``)."""

    type: Literal["safety_numbers"]
    text: str


class OtherLanguage(_Payload):
    """The gateway's note that only English is read, with a person who can bring an
    interpreter and, unless they already follow, the numbers (its words in ``text``)."""

    type: Literal["other_language"]
    text: str


class Answer(_Payload):
    """A sourced answer from the knowledge base."""

    type: Literal["answer"]
    topic: str
    source: str | None = None


class Live(_Payload):
    """A line of the live chat with an adviser; ``seq`` lets a reconnecting widget drop a
    repeat."""

    type: Literal["adviser", "adviser_joined", "notice"]
    seq: int | None = None
    name: str | None = None


class Marker(_Payload):
    """A payload that only says what happened (for the widget, or counted by the gateway)."""

    type: Literal[
        "adviser_left", "safe_now", "start_again", "did_you_mean", "out_of_scope"
    ]  # fmt: skip


class CouncilChosen(_Payload):
    """A combined authority's resident belongs to this member council (by their postcode):
    the gateway moves the conversation to it."""

    type: Literal["council"]
    council: str


class ForTheGateway(_Payload):
    """An action asking the gateway to find the resident a person; the gateway replaces it
    with what it did, so the widget never receives it."""

    type: Literal["handoff"]


AnyPayload = Annotated[
    Results
    | Plan
    | Pathways
    | Booking
    | CaseNotice
    | Crisis
    | SafetyNumbers
    | OtherLanguage
    | Answer
    | Live
    | Marker
    | CouncilChosen
    | ForTheGateway,
    Field(discriminator="type"),
]


def parse(custom: dict[str, Any]) -> _Payload:
    """The payload as its model; ValidationError when it is not one the widget knows."""
    return parse_obj_as(AnyPayload, custom)  # type: ignore[arg-type]


def schema() -> dict[str, Any]:
    found = _schema_of(AnyPayload, title="Work Local message payload")
    for definition in found.get("definitions", {}).values():
        required = set(definition.get("required", []))
        for name, field in definition.get("properties", {}).items():
            if name not in required:  # pydantic 1 leaves out that None is allowed
                definition["properties"][name] = {"anyOf": [field, {"type": "null"}]}
    return {"$schema": "http://json-schema.org/draft-07/schema#", **found}


def write(path: Path = SCHEMA_FILE) -> None:
    path.write_text(json.dumps(schema(), indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_FILE)
