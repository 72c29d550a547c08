"""The search vocabulary, and the shapes of a search request and its answer."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel
from pydantic.generics import GenericModel
from sqlalchemy import Column, String

from bot.database.core import Base

T = TypeVar("T")


class SearchTerm(Base):
    """Every word the catalogue uses, unstemmed, so a misspelt query word can be repaired."""

    __tablename__ = "search_terms"

    term = Column(String(60), primary_key=True)


class IndexVersion(Base):
    """A fresh token each time a kind's index changes, so cached search parts know they are stale.

    A random token rather than a counter, so two databases at the same address (a test database
    made again, a restored backup) can never be mistaken for each other.
    """

    __tablename__ = "search_index_versions"

    kind = Column(String(20), primary_key=True)
    token = Column(String(32), nullable=False)


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class SearchLocation(BaseModel):
    label: str
    latitude: float
    longitude: float
    in_council_area: bool
    radius_miles: float | None


class Page(GenericModel, Generic[T]):
    """A page of results with what a resident needs to understand it."""

    total: int
    page: int
    per_page: int
    total_pages: int
    results: list[T]
    facets: dict[str, list[FacetValue]]
    location: SearchLocation | None
    notices: list[str]
    corrections: dict[str, str]
    # When the words found nothing: other searches that do find something, to offer.
    suggestions: list[str] = []
