"""Postcodes from the ONS Postcode Directory / NSPL: where each is, and which council it is in."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import Boolean, Column, Float, String

from bot.database.core import Base


class Postcode(Base):
    """One postcode, stored in its standard written form (``"DB1 1AA"``)."""

    __tablename__ = "postcodes"

    postcode = Column(String(8), primary_key=True)
    outward = Column(String(4), nullable=False, index=True)
    lat = Column(Float, nullable=False)
    lon = Column(Float, nullable=False)
    la_code = Column(String(9), nullable=True, index=True)
    terminated = Column(Boolean, nullable=False, default=False)
    terminated_on = Column(String(7), nullable=True)


class PostcodeOut(BaseModel):
    postcode: str
    latitude: float
    longitude: float
    local_authority_code: str | None
    in_council_area: bool
    terminated: bool
