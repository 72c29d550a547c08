"""Venues: the places residents go (libraries, family hubs, colleges, jobcentres, workplaces)."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import JSON, Column, Float, ForeignKey, String, Text, UniqueConstraint

from bot.catalogue.common import SourcedMixin
from bot.database.core import Base


class Venue(SourcedMixin, Base):
    __tablename__ = "venues"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_venues_source"),)

    organisation_id = Column(ForeignKey("organisations.id", ondelete="SET NULL"), nullable=True)
    name = Column(String(300), nullable=False)
    kind = Column(String(40), nullable=True)  # library, family_hub, college, jobcentre, ...
    location_type = Column(String(10), nullable=False, default="physical")
    description = Column(Text, nullable=True)
    address_1 = Column(String(300), nullable=True)
    address_2 = Column(String(300), nullable=True)
    town = Column(String(100), nullable=True, index=True)
    postcode = Column(String(8), nullable=True, index=True)
    lat = Column(Float, nullable=True)
    lon = Column(Float, nullable=True)
    phone = Column(String(40), nullable=True)
    opening_hours = Column(JSON, nullable=True)  # {"monday": ["09:00", "17:00"], ...}
    accessibility = Column(Text, nullable=True)


class VenueOut(BaseModel):
    id: str
    name: str
    kind: str | None
    address: str | None
    town: str | None
    postcode: str | None
    latitude: float | None
    longitude: float | None
    phone: str | None
    opening_hours: dict[str, list[str]] | None
    accessibility: str | None
    distance_miles: float | None = None
