"""What a resident has told the assistant, and the shapes of the routing rules and their answer.

Every answer may be unknown (``None``): residents can skip any question, and a rule that needs
an unknown answer does not match, so the assistant never promises what it cannot know.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, validator

from bot.catalogue.course.models import LEVELS

SITUATIONS = ("in_work", "out_of_work", "in_education", "caring", "health", "other")
WORK_SECURITY = ("secure", "insecure", "low_paid")
DIGITAL = ("none", "basic", "confident")
BARRIERS = (
    "health",
    "disability",
    "mental_health",
    "caring",
    "childcare",
    "housing",
    "transport",
    "convictions",
    "money",
    "english_language",
    "overseas_qualifications",
    "literacy",
)
HIGHEST_LEVELS = ("none", *LEVELS)
WANTS = ("course", "job", "apprenticeship", "support", "advice", "business", "employer")


class Answers(BaseModel):
    """The assessment so far. Field names are the names rules use in ``when:`` conditions."""

    wants: Literal[WANTS] | None = None  # type: ignore[valid-type]
    age: int | None = Field(None, ge=0, le=120)
    in_area: bool | None = None
    situation: Literal[SITUATIONS] | None = None  # type: ignore[valid-type]
    work_security: Literal[WORK_SECURITY] | None = None  # type: ignore[valid-type]
    out_of_work_months: int | None = Field(None, ge=0, le=1200)
    highest_level: Literal[HIGHEST_LEVELS] | None = None  # type: ignore[valid-type]
    gcse_english: bool | None = None  # grade 4 (C) or above
    gcse_maths: bool | None = None
    digital_confidence: Literal[DIGITAL] | None = None  # type: ignore[valid-type]
    barriers: frozenset[str] = frozenset()
    hours: int | None = Field(None, ge=0, le=80)  # a week, for work or study
    on_benefits: bool | None = None  # a means-tested benefit such as Universal Credit
    care_leaver: bool | None = None
    send: bool | None = None  # special educational needs, with or without an EHC plan
    interests: tuple[str, ...] = ()

    @validator("barriers")
    def _known_barriers(cls, value: frozenset[str]) -> frozenset[str]:
        unknown = set(value) - set(BARRIERS)
        if unknown:
            raise ValueError(f"unknown barriers: {', '.join(sorted(unknown))}")
        return frozenset(value)

    class Config:
        frozen = True


class Route(BaseModel):
    """One way into an offer: when it applies, the reason a resident reads, and a key the
    officers' reports count it by (the reason's words change; the key does not)."""

    key: str = Field(..., regex=r"^[a-z][a-z0-9_]{1,39}$")  # as the insight's events take
    when: dict[str, Any] = Field(default_factory=dict)
    reason: str


class Offer(BaseModel):
    key: str = Field(..., regex=r"^[a-z_]{2,40}$")
    name: str
    summary: str
    guarantees: list[str] = Field(default_factory=list)
    routes: list[Route]


class Entitlement(BaseModel):
    """Something free for residents like this one; ``course_types`` feeds the course search."""

    key: str = Field(..., regex=r"^[a-z0-9_]{2,40}$")
    label: str
    course_types: list[str] | Literal["any"] = Field(default_factory=list)
    when: dict[str, Any] = Field(default_factory=dict)
    reason: str


class Referral(BaseModel):
    """Specialist help for a barrier, found in the catalogue by a taxonomy term or words."""

    barrier: str
    name: str
    search: str  # words for the catalogue search
    # What the help is in the catalogue: support services, or courses (English classes).
    finds: Literal["service", "course"] = "service"
    reason: str
    # How to get this help when the catalogue has no service for it, so a plan never names
    # help without a way to reach it.
    how: str | None = None


class RuleSet(BaseModel):
    """One year of routing rules for one area (or the national template)."""

    name: str
    valid_from: date
    valid_to: date
    minimum_age: int = 16
    under_minimum_age: str
    offers: list[Offer]
    entitlements: list[Entitlement]
    referrals: list[Referral] = Field(default_factory=list)


class Reasoned(BaseModel):
    key: str
    name: str
    reasons: list[str]
    how: str | None = None


class OfferMatch(Reasoned):
    reason_keys: list[str] = Field(default_factory=list)
    summary: str
    guarantees: list[str]


class Routing(BaseModel):
    """The answer for one resident: offers, entitlements and referrals, each with its reasons."""

    rules: str
    too_young: str | None = None
    offers: list[OfferMatch]
    entitlements: list[Reasoned]
    referrals: list[Reasoned]
