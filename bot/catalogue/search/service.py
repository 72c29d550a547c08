"""One search engine for every kind of record: words, place, filters, facets, sort, pages.

A search has two parts. The **local** part is the records near the resident: the database's
full-text engine finds records whose words match and whose grid cells touch the search circle,
and exact distances are worked out here. The **shared** part is what every resident sees
wherever they are: online and national provision, or everything when no place is given. It
does not depend on the place, and on a national catalogue it is the large part ("digital"
matches thousands of online courses), so it is worked out once per query and index version
and kept in memory as records plus counts per combination of facet values.

Facet counts are "disjunctive": each facet counts the results the other selected filters allow,
so a resident sees what each choice would give. Only the requested page of full records is
loaded by the caller.
"""

from __future__ import annotations

import heapq
import itertools
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
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
from bot.geo.distance import (
    MILES_PER_DEGREE_LAT,
    NATIONAL_TOKEN,
    ONLINE_TOKEN,
    cells_within,
    miles_between,
)
from bot.postcode.service import Place

SORTS = ("relevance", "distance", "start_date")
ID_CHUNK = 10_000  # well under SQLite's limit of bound parameters per statement
MAX_CACHED_HITS = 300_000  # the shared parts kept in memory, all queries together
Row = Any  # a SQLAlchemy Row of the kind's candidate columns
Values = tuple[frozenset[str], ...]  # one set of facet values per facet, in the kind's order


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
    values: Values = ()
    combo: int = -1  # in the shared part: which of its combinations of facet values


@dataclass
class Outcome:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    notices: list[str]
    corrections: dict[str, str]
    location: SearchLocation | None


@dataclass
class Shared:
    """The place-independent part of a search, kept between searches."""

    hits: list[Hit]
    combos: list[Values]  # each distinct combination of facet values, and how many have it
    counts: list[int]
    by_id: dict[int, Hit]
    orders: dict[str, list[Hit]] = field(default_factory=dict)

    def ordered(self, sort: str, key: Callable[[Hit], tuple]) -> list[Hit]:
        if sort not in self.orders:
            self.orders[sort] = sorted(self.hits, key=key)
        return self.orders[sort]


def run(kind: Kind, search: Search, *, db_session: Session, area_name: str = "") -> Outcome:
    query = parse(search.text, vocabulary(db_session))
    sort = _effective_sort(search, query)
    wanted = _wanted(kind, search.selected)
    notices: list[str] = []
    local, shared = _both_parts(kind, search, query, sort, db_session, any_word=False)
    if not local and not shared.hits and len(query.groups) > 1:
        local, shared = _both_parts(kind, search, query, sort, db_session, any_word=True)
        if local or shared.hits:
            notices.append(
                "Nothing matched all of your words, so these results match some of them."
            )
    # A record in both parts (a service in a library and online) is shown once, as local.
    overlap = [shared.by_id[h.row.id] for h in local if h.row.id in shared.by_id]
    counts = list(shared.counts)
    for hit in overlap:
        counts[hit.combo] -= 1
    skip = {h.row.id for h in overlap}
    weighted = [*Counter(h.values for h in local).items(), *zip(shared.combos, counts, strict=True)]
    facets = _facet_counts(kind, weighted, wanted)
    local = [h for h in local if _passes(h.values, wanted)]
    passing = [_passes(values, wanted) for values in shared.combos]
    shared_total = sum(n for n, ok in zip(counts, passing, strict=True) if ok)
    key = _sort_key(kind, sort)
    local.sort(key=key)
    start = (search.page - 1) * search.per_page
    page_end = start + search.per_page
    wanted_shared: Iterable[Hit] = ()
    if shared_total:
        wanted_shared = itertools.islice(
            (h for h in shared.ordered(sort, key) if passing[h.combo] and h.row.id not in skip),
            page_end,
        )
    merged = heapq.merge(local, wanted_shared, key=key)
    hits = list(itertools.islice(merged, start, page_end))
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
    return Outcome(
        hits=hits,
        total=len(local) + shared_total,
        facets=facets,
        notices=notices,
        corrections=query.corrections,
        location=location,
    )


def _effective_sort(search: Search, query: ParsedQuery) -> str:
    sort = search.sort if search.sort in SORTS else "relevance"
    if sort == "relevance" and query.empty:
        # Nothing to rank by: nearest first when there is a place, soonest first when not.
        return "distance" if search.place is not None else "start_date"
    return sort


def _both_parts(
    kind: Kind,
    search: Search,
    query: ParsedQuery,
    sort: str,
    db_session: Session,
    any_word: bool,
) -> tuple[list[Hit], Shared]:
    local = _local(kind, search, query, sort, db_session, any_word) if search.place else []
    return local, _shared(kind, search, query, db_session, any_word)


def _statement(kind: Kind, search: Search):
    stmt = select(*kind.columns())
    if kind.source is not None:
        stmt = stmt.select_from(kind.source())
    return stmt.where(kind.active(search.today), *search.where)


def _rows(kind: Kind, stmt, ids: list[int], db_session: Session) -> Iterator[Row]:
    for start in range(0, len(ids), ID_CHUNK):
        yield from db_session.execute(stmt.where(kind.model.id.in_(ids[start : start + ID_CHUNK])))


def _where(row: Row) -> str:
    return "online" if row.online else "national" if row.national else "local"


def _values(kind: Kind, row: Row) -> Values:
    return tuple(frozenset(facet.values_of(row)) for facet in kind.facets.values())


def _local(
    kind: Kind,
    search: Search,
    query: ParsedQuery,
    sort: str,
    db_session: Session,
    any_word: bool,
) -> list[Hit]:
    """Records with a place inside the circle, each once at its nearest place."""
    place = search.place
    assert place is not None
    radius = search.radius_miles
    # The full-text match runs on its own first, then records are fetched by primary key.
    # Joined in one statement, SQLite may instead walk the whole table and probe the index
    # once per row, which is a hundred times slower on a large catalogue.
    scores = index.scores(
        db_session,
        kind.name,
        query.groups,
        cells_within(place.lat, place.lon, radius),
        any_word,
        scored=sort == "relevance",
    )
    stmt = _statement(kind, search)
    # The cells cover a box larger than the circle: trim to the box around the circle here.
    dlat = radius / MILES_PER_DEGREE_LAT
    dlon = radius / (MILES_PER_DEGREE_LAT * max(0.05, math.cos(math.radians(place.lat))))
    lat, lon = stmt.selected_columns.lat, stmt.selected_columns.lon
    stmt = stmt.where(
        lat.between(place.lat - dlat, place.lat + dlat),
        lon.between(place.lon - dlon, place.lon + dlon),
    )
    hits: dict[int, Hit] = {}
    for row in _rows(kind, stmt, list(scores), db_session):
        if _where(row) != "local":
            continue  # online and national provision is in the shared part
        distance = miles_between(place.lat, place.lon, row.lat, row.lon)
        if distance > radius:
            continue
        best = hits.get(row.id)
        if best is None or distance < (best.distance or math.inf):
            hits[row.id] = Hit(row, float(scores[row.id]), distance, "local", _values(kind, row))
    return list(hits.values())


_cache: OrderedDict[tuple, Shared] = OrderedDict()
_cached_hits = 0
_cache_lock = threading.Lock()


def forget_cache() -> None:
    global _cached_hits
    with _cache_lock:
        _cache.clear()
        _cached_hits = 0


def _shared(
    kind: Kind, search: Search, query: ParsedQuery, db_session: Session, any_word: bool
) -> Shared:
    version = index.version(db_session, kind.name)
    key = None
    if version is not None:
        bind = db_session.get_bind()
        key = (
            str(bind.url),
            kind.name,
            version,
            search.place is None,
            tuple(tuple(g.alternatives) for g in query.groups),
            any_word,
            search.today,
            tuple(_signature(clause, bind.dialect) for clause in search.where),
        )
        with _cache_lock:
            if key in _cache:
                _cache.move_to_end(key)
                return _cache[key]
    shared = _build_shared(kind, search, query, db_session, any_word)
    if key is not None:
        _remember(key, shared)
    return shared


def _signature(clause: ColumnElement, dialect: Any) -> str:
    """The SQL and the values of a filter, as a cache key."""
    compiled = clause.compile(dialect=dialect)
    return f"{compiled} {sorted(compiled.params.items())!r}"


def _remember(key: tuple, shared: Shared) -> None:
    global _cached_hits
    size = len(shared.hits)
    if size > MAX_CACHED_HITS // 2:
        return  # a browse of the whole catalogue: too big to keep
    with _cache_lock:
        if key in _cache:
            return
        _cache[key] = shared
        _cached_hits += size
        while _cached_hits > MAX_CACHED_HITS:
            _old_key, old = _cache.popitem(last=False)
            _cached_hits -= len(old.hits)


def _build_shared(
    kind: Kind, search: Search, query: ParsedQuery, db_session: Session, any_word: bool
) -> Shared:
    everywhere = search.place is None
    tags = None if everywhere else [ONLINE_TOKEN, NATIONAL_TOKEN]
    stmt = _statement(kind, search)
    if query.groups or tags:
        scores = index.scores(db_session, kind.name, query.groups, tags, any_word)
        rows: Iterable[Row] = _rows(kind, stmt, list(scores), db_session)
    else:
        scores = {}
        rows = db_session.execute(stmt)
    by_id: dict[int, Hit] = {}
    number: dict[Values, int] = {}
    for row in rows:
        where = _where(row)
        if row.id in by_id or (where == "local" and not everywhere):
            continue  # a local place of a record that is also online: the local part has it
        score = float(scores.get(row.id, 0.0)) if query.groups else 0.0
        values = _values(kind, row)
        combo = number.setdefault(values, len(number))
        by_id[row.id] = Hit(row, score, None, where, values, combo)
    counts = [0] * len(number)
    for hit in by_id.values():
        counts[hit.combo] += 1
    return Shared(hits=list(by_id.values()), combos=list(number), counts=counts, by_id=by_id)


def _wanted(kind: Kind, selected: dict[str, set[str]]) -> list[tuple[int, set[str]]]:
    names = list(kind.facets)
    return [
        (names.index(name), values)
        for name, values in selected.items()
        if values and name in kind.facets
    ]


def _passes(values: Values, wanted: list[tuple[int, set[str]]], skip: int = -1) -> bool:
    return all(i == skip or not values[i].isdisjoint(want) for i, want in wanted)


def _facet_counts(
    kind: Kind, weighted: list[tuple[Values, int]], wanted: list[tuple[int, set[str]]]
) -> dict[str, list[FacetValue]]:
    """Counts per facet value, each facet under the other facets' selections only."""
    result = {}
    for i, (name, facet) in enumerate(kind.facets.items()):
        counts: Counter[str] = Counter()
        for values, n in weighted:
            if _passes(values, wanted, skip=i):
                for value in values[i]:
                    counts[value] += n
        rank = {v: r for r, v in enumerate(facet.order)}
        result[name] = [
            FacetValue(value=v, label=facet.label(v), count=c)
            for v, c in sorted(counts.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))
            if c
        ]
    return result


def _sort_key(kind: Kind, sort: str) -> Callable[[Hit], tuple]:
    """One ordering for both parts, so they merge; shared records have no distance."""
    far = math.inf

    def by_distance(h: Hit) -> tuple:
        # Local results by distance; online and national provision after them, still in order.
        return (h.distance if h.distance is not None else far, -h.score, h.row.id)

    if sort == "distance":
        return by_distance
    if sort == "start_date":
        return lambda h: (kind.start_of(h.row) or date.max, *by_distance(h))
    return lambda h: (-round(h.score, 6), *by_distance(h))
