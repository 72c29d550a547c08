"""Vacancies: apprenticeships (DfE *Display Advert API v2*) and jobs (schema.org JobPosting)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import relationship
from sqlalchemy.sql.expression import false

from bot.catalogue.common import OwnedMixin, SourcedMixin
from bot.database.core import Base

CONTRACT_TYPES = ("permanent", "temporary", "fixed_term", "apprenticeship", "zero_hours", "other")
WAGE_UNITS = ("hour", "week", "month", "year")
# Display Advert names -> the level an apprenticeship is at.
APPRENTICESHIP_LEVELS = {"intermediate": 2, "advanced": 3, "higher": 4, "degree": 6}


class Vacancy(SourcedMixin, OwnedMixin, Base):
    __tablename__ = "vacancies"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_vacancies_source"),)

    title = Column(String(300), nullable=False)
    description = Column(Text, nullable=True)
    employer_id = Column(ForeignKey("organisations.id", ondelete="SET NULL"), nullable=True)
    wage_min_pence = Column(Integer, nullable=True)
    wage_max_pence = Column(Integer, nullable=True)
    wage_unit = Column(String(10), nullable=True)
    wage_text = Column(String(300), nullable=True)
    hours_per_week = Column(Float, nullable=True)
    contract_type = Column(String(20), nullable=False, default="other")
    full_time = Column(Boolean, nullable=True)
    posted_date = Column(Date, nullable=True)
    closing_date = Column(Date, nullable=True, index=True)
    start_date = Column(Date, nullable=True)
    address = Column(String(500), nullable=True)
    town = Column(String(100), nullable=True)
    postcode = Column(String(8), nullable=True)
    lat = Column(Float, nullable=True)
    lon = Column(Float, nullable=True)
    remote = Column(Boolean, nullable=False, default=False)
    national = Column(Boolean, nullable=False, default=False)
    apprenticeship_level = Column(Integer, nullable=True)
    training_provider = Column(String(300), nullable=True)
    disability_confident = Column(Boolean, nullable=False, default=False)
    apply_url = Column(String(500), nullable=True)
    positions = Column(Integer, nullable=True)
    # The youngest the employer can take (night work, a security licence, an HGV licence, an
    # insurer's rule), where the feed or the advert says it: a 16-year-old is not shown such a
    # job. None: not said.
    minimum_age = Column(Integer, nullable=True)
    # Driving, or a licence or car asked for (bot.catalogue.vacancy.driving), set when stored
    needs_driving = Column(Boolean, nullable=False, default=False, server_default=false())

    employer = relationship("Organisation", lazy="joined")


class VacancyOut(BaseModel):
    id: str
    title: str
    description: str | None
    employer: str | None
    wage: str | None
    hours_per_week: float | None
    contract_type: str
    full_time: bool | None
    posted_date: date | None
    closing_date: date | None
    start_date: date | None
    address: str | None
    town: str | None
    postcode: str | None
    latitude: float | None
    longitude: float | None
    is_apprenticeship: bool
    apprenticeship_level: int | None
    training_provider: str | None
    disability_confident: bool
    apply_url: str | None
    where: str  # "local", "remote" or "national"
    minimum_age: int | None = None
    needs_driving: bool = False  # driving, or a licence or car asked for
    distance_miles: float | None = None
    source: str
