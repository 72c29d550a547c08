"""Courses, in the shape of the National Careers Service *Find a course* results."""

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

from bot.catalogue.common import OwnedMixin, SourcedMixin
from bot.database.core import Base

LEVELS = ("E1", "E2", "E3", "1", "2", "3", "4", "5", "6", "7", "8")
COURSE_TYPES = (
    "essential_skills",
    "esol",
    "free_courses_for_jobs",
    "multiply",
    "skills_bootcamp",
    "apprenticeship",
    "community_learning",
    "t_level",
    "other",
)
DELIVERY_MODES = ("in_person", "online", "blended", "work_based")
STUDY_MODES = ("full_time", "part_time", "flexible")
ATTENDANCE_PATTERNS = ("daytime", "evening", "weekend", "day_or_block_release")


class Course(SourcedMixin, OwnedMixin, Base):
    __tablename__ = "courses"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_courses_source"),)

    title = Column(String(300), nullable=False)
    description = Column(Text, nullable=True)
    subject = Column(String(100), nullable=True)
    level = Column(String(2), nullable=True)
    course_type = Column(String(30), nullable=False, default="other")
    study_mode = Column(String(20), nullable=True)
    attendance_pattern = Column(String(30), nullable=True)
    delivery_mode = Column(String(20), nullable=False, default="in_person")
    start_date = Column(Date, nullable=True, index=True)
    flexible_start = Column(Boolean, nullable=False, default=False)
    duration_value = Column(Integer, nullable=True)
    duration_unit = Column(String(10), nullable=True)
    cost_pence = Column(Integer, nullable=True)
    cost_description = Column(Text, nullable=True)
    provider_id = Column(ForeignKey("organisations.id", ondelete="SET NULL"), nullable=True)
    venue_id = Column(ForeignKey("venues.id", ondelete="SET NULL"), nullable=True)
    url = Column(String(500), nullable=True)
    national = Column(Boolean, nullable=False, default=False)
    lat = Column(Float, nullable=True)
    lon = Column(Float, nullable=True)

    provider = relationship("Organisation", lazy="joined")
    venue = relationship("Venue", lazy="joined")


class CourseOut(BaseModel):
    id: str
    title: str
    description: str | None
    subject: str | None
    level: str | None
    level_label: str | None
    course_type: str
    course_type_label: str
    study_mode: str | None
    attendance_pattern: str | None
    delivery_mode: str
    start_date: date | None
    flexible_start: bool
    duration: str | None
    cost: str
    cost_pence: int | None
    free_for: list[str]
    provider: str | None
    venue: str | None
    town: str | None
    postcode: str | None
    latitude: float | None
    longitude: float | None
    url: str | None
    where: str  # "local", "online" or "national"
    distance_miles: float | None = None
    source: str
