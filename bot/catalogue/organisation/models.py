"""Organisations: course providers, employers and the bodies that run support services."""

from __future__ import annotations

from sqlalchemy import Column, String, Text, UniqueConstraint

from bot.catalogue.common import SourcedMixin
from bot.database.core import Base


class Organisation(SourcedMixin, Base):
    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_organisations_source"),)

    name = Column(String(300), nullable=False)
    description = Column(Text, nullable=True)
    email = Column(String(200), nullable=True)
    website = Column(String(500), nullable=True)
    phone = Column(String(40), nullable=True)
