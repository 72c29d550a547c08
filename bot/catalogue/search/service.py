"""One search engine for every kind of record: words, place, filters, facets, sort, pages.

A search runs in two steps. The database's full-text engine finds the candidate records whose
words match and whose grid cells touch the search circle (plus online and national provision),
returning a few small columns per record. Exact distances, filters and facet counts are then
computed in Python over those candidates, which is what makes facet counts "disjunctive": each
facet counts the results the other selected filters allow, so a resident sees what each choice
would give. Only the requested page of full records is loaded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from bot.catalogue.search import index
from bot.catalogue.search.models import FacetValue, SearchLocation
from bot.catalogue.search.text import ParsedQuery, parse
from bot.catalogue.search.vocabulary import vocabulary
from bot.geo.distance import NATIONAL_TOKEN, ONLINE_TOKEN, cells_within, miles_between
from bot.postcode.service import Place

SORTS = ("relevance", "distance", "start_date")
ID_CHUNK = 10_000  # well under SQLite's limit of bound parameters per statement
Row = Any  # a SQLAlchemy Row of the kind's candidate columns


@dataclass(frozen=True)
class Facet:
    """A filter residents can pick values of, with a count beside each value."""

    values_of: Callable[[Row], Iterable[str]]
    label: Callable[[str], str] = lambda value: value
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    """How one kind of record takes part in search."""

    name: str
    model: type
    columns: Callable[[], list[ColumnElement]]  # must include id, lat, lon, national, online
    active: Callable[[date], ColumnElement]
    facets: dict[str, Facet]
    start_of: Callable[[Row], date | None] = lambda row: None
    source: Callable[[], Any] | None = None  # FROM clause when columns span several tables


@dataclass
class Search:
    text: str = ""
    place: Place | None = None
    radius_miles: float = 10.0
    selected: dict[str, set[str]] = field(default_factory=dict)
    predicates: list[Callable[[Row], bool]] = field(default_factory=list)
    where: list[ColumnElement] = field(default_factory=list)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    today: date = field(default_factory=date.today)


@dataclass
class Hit:
    row: Row
    score: float
    distance: float | None
    where: str  # local, online or national


@dataclass
class Outcome:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    notices: list[str]
    corrections: dict[str, str]
    location: SearchLocation | None


def run(kind: Kind, search: Search, *, db_session: Session, area_name: str = "") -> Outcome:
    query = parse(search.text, vocabulary(db_session))
    notices: list[str] = []
    hits = _candidates(kind, search, query, db_session, any_word=False)
    if not hits and len(query.groups) > 1:
        hits = _candidates(kind, search, query, db_session, any_word=True)
        if hits:
            notices.append(
                "Nothing matched all of your words, so these results match some of them."
            )
    hits = [h for h in hits if all(p(h.row) for p in search.predicates)]
    facets = _facet_counts(kind, hits, search.selected)
    hits = [h for h in hits if _passes(kind, h, search.selected)]
    _sort(kind, hits, search.sort if search.sort in SORTS else "relevance", search, query)
    location = None
    if search.place is not None:
        place = search.place
        location = SearchLocation(
            label=place.label,
            latitude=place.lat,
            longitude=place.lon,
            in_council_area=place.in_area,
            radius_miles=search.radius_miles,
        )
        if not place.in_area:
            notices.append(
                f"{place.label} is outside {area_name or 'the council area'}, so these are the "
                "nearest results to it. Some services are only for residents of the area."
            )
    if query.corrections:
        notices.append(
            "We also searched for "
            + ", ".join(f"\u201c{fix}\u201d" for fix in query.corrections.values())
            + "."
        )
    start = (search.page - 1) * search.per_page
    return Outcome(
        hits=hits[start : start + search.per_page],
        total=len(hits),
        facets=facets,
        notices=notices,
        corrections=query.corrections,
        location=location,
    )


def _candidates(
    kind: Kind, search: Search, query: ParsedQuery, db_session: Session, any_word: bool
) -> list[Hit]:
    place = search.place
    tags = None
    if place is not None:
        tags = [
            *cells_within(place.lat, place.lon, search.radius_miles),
            ONLINE_TOKEN,
            NATIONAL_TOKEN,
        ]
    stmt = select(*kind.columns())
    if kind.source is not None:
        stmt = stmt.select_from(kind.source())
    stmt = stmt.where(kind.active(search.today), *search.where)
    scores: dict[int, float] = {}
    if query.groups or tags:
        # The full-text match runs on its own first, then records are fetched by primary key.
        # Joined in one statement, SQLite may instead walk the whole table and probe the index
        # once per row, which is a hundred times slower on a large catalogue.
        matched = index.match(db_session, kind.name, query.groups, tags, any_word)
        scores = dict(db_session.execute(select(matched.c.id, matched.c.score)).all())
        ids = list(scores)
        rows = [
            row
            for start in range(0, len(ids), ID_CHUNK)
            for row in db_session.execute(
                stmt.where(kind.model.id.in_(ids[start : start + ID_CHUNK]))
            )
        ]
    else:
        rows = list(db_session.execute(stmt))
    hits: dict[int, Hit] = {}
    for row in rows:
        score = float(scores.get(row.id, 0.0)) if query.groups else 0.0
        where = "online" if row.online else "national" if row.national else "local"
        distance = None
        if row.lat is not None and place is not None and where == "local":
            distance = miles_between(place.lat, place.lon, row.lat, row.lon)
            if distance > search.radius_miles:
                continue
        elif place is not None and where == "local":
            continue  # a local record with no known place cannot be shown as near anywhere
        # A record at several places (a service in three libraries) counts once, at its nearest.
        best = hits.get(row.id)
        if best is None or _nearer(distance, best.distance):
            hits[row.id] = Hit(row, score, distance, where)
    return list(hits.values())


def _nearer(distance: float | None, than: float | None) -> bool:
    return distance is not None and (than is None or distance < than)


def _passes(kind: Kind, hit: Hit, selected: dict[str, set[str]], skip: str | None = None) -> bool:
    for name, wanted in selected.items():
        if name == skip or not wanted or name not in kind.facets:
            continue
        if wanted.isdisjoint(kind.facets[name].values_of(hit.row)):
            return False
    return True


def _facet_counts(
    kind: Kind, hits: list[Hit], selected: dict[str, set[str]]
) -> dict[str, list[FacetValue]]:
    result = {}
    for name, facet in kind.facets.items():
        counts: dict[str, int] = {}
        for hit in hits:
            if _passes(kind, hit, selected, skip=name):
                for value in set(facet.values_of(hit.row)):
                    counts[value] = counts.get(value, 0) + 1
        rank = {v: i for i, v in enumerate(facet.order)}
        result[name] = [
            FacetValue(value=v, label=facet.label(v), count=c)
            for v, c in sorted(counts.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))
        ]
    return result


def _sort(kind: Kind, hits: list[Hit], sort: str, search: Search, query: ParsedQuery) -> None:
    far = math.inf

    def by_distance(h: Hit) -> tuple:
        # Local results by distance; online and national provision after them, still in order.
        return (h.distance if h.distance is not None else far, -h.score, h.row.id)

    if sort == "distance" or (sort == "relevance" and query.empty and search.place is not None):
        hits.sort(key=by_distance)
    elif sort == "start_date" or (sort == "relevance" and query.empty):
        hits.sort(key=lambda h: (kind.start_of(h.row) or date.max, by_distance(h)))
    else:
        hits.sort(key=lambda h: (-round(h.score, 6), by_distance(h)))
