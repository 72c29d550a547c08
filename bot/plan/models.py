"""A saved plan: a short reference to read out, and an unguessable link to open it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy import JSON, Column, Integer, String

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base
from bot.pathways.models import OfferMatch, Reasoned


class Plan(Base):
    """Kept for the council's retention period; the token is the only way to open it."""

    __tablename__ = "plans"

    id = Column(Integer, primary_key=True)
    reference = Column(String(12), nullable=False, unique=True)
    token = Column(String(64), nullable=False, unique=True)
    conversation_id = Column(String(64), nullable=True, index=True)
    council_slug = Column(String(40), nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    content = Column(JSON, nullable=False)


class Match(BaseModel):
    """A course, job or service chosen for the plan, with what a resident needs to act on it."""

    id: str
    title: str
    who: str | None = None  # provider, employer or organisation
    where: str | None = None
    detail: str | None = None  # cost, wage, or when it runs
    url: str | None = None


class PlanContent(BaseModel):
    council_name: str
    phone: str
    too_young: str | None = None
    offers: list[OfferMatch] = Field(default_factory=list)
    entitlements: list[Reasoned] = Field(default_factory=list)
    referrals: list[Reasoned] = Field(default_factory=list)
    courses: list[Match] = Field(default_factory=list)
    jobs: list[Match] = Field(default_factory=list)
    services: list[Match] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)
    place: str | None = None


class PlanOut(PlanContent):
    reference: str
    created_at: datetime
    link: str
