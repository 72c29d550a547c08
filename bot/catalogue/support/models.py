"""Support services in Open Referral UK (HSDS-UK 3.0) terms, with their locations and taxonomy.

The ORUK sub-objects that residents and advisers only read (schedules, cost options, contacts,
languages, funding, service areas) are kept as validated JSON, exactly as published; what search
and eligibility need (ages, status, places, taxonomy terms) is in columns.
"""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import relationship

from bot.catalogue.common import OwnedMixin, SourcedMixin
from bot.catalogue.venue.models import VenueOut
from bot.clock import UTCDateTime
from bot.database.core import Base

service_taxonomy_terms = Table(
    "service_taxonomy_terms",
    Base.metadata,
    Column("service_id", ForeignKey("support_services.id", ondelete="CASCADE"), primary_key=True),
    Column("term_id", ForeignKey("taxonomy_terms.id", ondelete="CASCADE"), primary_key=True),
)


class Taxonomy(SourcedMixin, Base):
    __tablename__ = "taxonomies"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_taxonomies_source"),)

    name = Column(String(200), nullable=False)
    description = Column(Text, nullable=False, default="")
    uri = Column(String(500), nullable=True)
    version = Column(String(40), nullable=True)


class TaxonomyTerm(SourcedMixin, Base):
    __tablename__ = "taxonomy_terms"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_taxonomy_terms_source"),)

    name = Column(String(200), nullable=False)
    description = Column(Text, nullable=False, default="")
    code = Column(String(100), nullable=True)
    parent_uid = Column(String(36), nullable=True)
    taxonomy_id = Column(ForeignKey("taxonomies.id", ondelete="SET NULL"), nullable=True)
    taxonomy_name = Column(String(200), nullable=True)
    term_uri = Column(String(500), nullable=True)

    taxonomy = relationship("Taxonomy", lazy="joined")


class SupportService(SourcedMixin, OwnedMixin, Base):
    __tablename__ = "support_services"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_support_services_source"),)

    organisation_id = Column(ForeignKey("organisations.id", ondelete="SET NULL"), nullable=True)
    name = Column(String(300), nullable=False)
    description = Column(Text, nullable=True)
    url = Column(String(500), nullable=True)
    email = Column(String(200), nullable=True)
    status = Column(String(20), nullable=False, default="active")
    fees = Column(Text, nullable=True)
    accreditations = Column(Text, nullable=True)
    minimum_age = Column(Integer, nullable=True)
    maximum_age = Column(Integer, nullable=True)
    alert = Column(Text, nullable=True)
    assured_date = Column(Date, nullable=True)
    last_modified = Column(UTCDateTime, nullable=True)
    details = Column(JSON, nullable=False, default=dict)

    organisation = relationship("Organisation", lazy="joined")
    locations = relationship(
        "ServiceAtLocation", lazy="selectin", cascade="all, delete-orphan", back_populates="service"
    )
    terms = relationship("TaxonomyTerm", secondary=service_taxonomy_terms, lazy="selectin")


class ServiceAtLocation(Base):
    __tablename__ = "service_at_locations"

    id = Column(Integer, primary_key=True)
    uid = Column(String(36), nullable=False, unique=True)
    service_id = Column(
        ForeignKey("support_services.id", ondelete="CASCADE"), nullable=False, index=True
    )
    venue_id = Column(ForeignKey("venues.id", ondelete="CASCADE"), nullable=False, index=True)

    service = relationship("SupportService", back_populates="locations")
    venue = relationship("Venue", lazy="joined")


class TermOut(BaseModel):
    id: str
    name: str


class ServiceOut(BaseModel):
    id: str
    name: str
    description: str | None
    organisation: str | None
    url: str | None
    email: str | None
    fees: str | None
    minimum_age: int | None
    maximum_age: int | None
    alert: str | None
    schedule: list[str]
    terms: list[TermOut]
    locations: list[VenueOut]
    where: str  # "local", "online" or "area_wide"
    distance_miles: float | None = None
    source: str
