"""The query parameters every search endpoint shares, and turning them into a ``Search``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Query
from sqlalchemy.orm import Session

from bot.catalogue.search import place as places
from bot.catalogue.search.models import Page
from bot.catalogue.search.service import Outcome, Search
from bot.council.models import Council

MAX_PAGE = 1000
MAX_QUERY_CHARS = 200


@dataclass
class Common:
    q: str
    near: str | None
    radius: float
    sort: str
    page: int
    per_page: int


def common(
    q: str = Query("", max_length=MAX_QUERY_CHARS, description="What to look for, in any words"),
    near: str | None = Query(
        None, max_length=60, description="A postcode, postcode district or town to search around"
    ),
    radius: float = Query(10.0, gt=0, le=100, description="How far from `near`, in miles"),
    sort: str = Query("relevance", regex="^(relevance|distance|start_date)$"),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(10, ge=1, le=50),
) -> Common:
    return Common(q, near, radius, sort, page, per_page)


def build(params: Common, *, council: Council, db_session: Session) -> Search:
    """A search from the shared parameters; raises ``PostcodeError`` for a place we can't use."""
    place = None
    if params.near and params.near.strip():
        place = places.resolve(
            params.near, frozenset(council.local_authority_codes), db_session=db_session
        )
    return Search(
        text=params.q,
        place=place,
        radius_miles=params.radius,
        sort=params.sort,
        page=params.page,
        per_page=params.per_page,
        council_slug=council.slug,
        hidden=frozenset(council.hidden_records),
    )


def selected(**facets: list[str] | None) -> dict[str, set[str]]:
    return {name: set(values) for name, values in facets.items() if values}


def page_of(
    outcome: Outcome,
    search: Search,
    load: Callable[..., dict],
    to_out: Callable[..., Any],
    *,
    db_session: Session,
) -> Page:
    records = load([h.row.id for h in outcome.hits], db_session=db_session)
    return Page(
        total=outcome.total,
        page=search.page,
        per_page=search.per_page,
        total_pages=max(1, -(-outcome.total // search.per_page)),
        results=[to_out(records[h.row.id], h.distance, h.where) for h in outcome.hits],
        facets=outcome.facets,
        location=outcome.location,
        notices=outcome.notices,
        corrections=outcome.corrections,
        suggestions=outcome.suggestions,
    )
