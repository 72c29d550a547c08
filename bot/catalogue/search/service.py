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

Words are matched as typed first; synonyms widen a search only when the words as typed find
fewer than ``WIDEN_BELOW`` records, and rank below them. Ranking puts the typed words in the
title, as a phrase, first (``_Ranker``). When no record has all the words, records with some of
them are shown only if every word left out is one the catalogue could have matched, or no word
at all (``ParsedQuery.may_relax``); otherwise the outcome is empty, ``relevant`` is False, and
``suggestions`` holds other searches that do find something. Nothing unrelated is ever shown.
"""

from __future__ import annotations

import heapq
import itertools
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from bot import clock
from bot.catalogue.common import visible_to
from bot.catalogue.search import index
from bot.catalogue.search.index import Match, Scored
from bot.catalogue.search.models import FacetValue, SearchLocation
from bot.catalogue.search.text import SEPARATORS, Group, ParsedQuery, parse, stems, thesaurus, words
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
WIDEN_BELOW = 5  # synonyms widen a search only when the exact words find fewer records
TITLED = 5.0  # the ranking tier of a title holding every word as typed (``_Ranker``)
MAX_SUGGESTIONS = 3
MAX_SUGGESTION_PROBES = 6
SOME_WORDS = "Nothing matched all of your words, so these results match some of them."
Row = Any  # a SQLAlchemy Row of the kind's candidate columns
Values = tuple[frozenset[str], ...]  # one set of facet values per facet, in the kind's order


@dataclass(frozen=True)
class Facet:
    """A filter residents can pick values of, with a count beside each value."""

    values_of: Callable[[Row], Iterable[str]]
    label: Callable[[str], str] = lambda value: value
    order: tuple[str, ...] = ()
    # The same test in SQL ("the record has one of these values"), where it can be written so:
    # then whether a search finds anything is one statement (``_finds_any``).
    sql: Callable[[set[str]], ColumnElement] | None = None


@dataclass(frozen=True)
class Kind:
    """How one kind of record takes part in search."""

    name: str
    model: type
    # Must include id, lat, lon, national, online and title (ranking looks at the title).
    columns: Callable[[], list[ColumnElement]]
    active: Callable[[date], ColumnElement]
    facets: dict[str, Facet]
    start_of: Callable[[Row], date | None] = lambda row: None
    source: Callable[[], Any] | None = None  # FROM clause when columns span several tables
    # Records that are one offer to a resident (one course run at several dates) share a key.
    group_of: Callable[[Row], tuple] | None = None


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
    today: date = field(default_factory=clock.today)
    grouped: bool = False  # one result per group of records (``Kind.group_of``)
    # Whose residents ask: their council's local records and the shared ones it has not
    # hidden. None (the importers' own checks, the benchmarks) searches everything.
    council_slug: str | None = None
    hidden: frozenset[str] = frozenset()


@dataclass
class Hit:
    row: Row
    score: float
    distance: float | None
    where: str  # local, online or national
    values: Values = ()
    combo: int = -1  # in the shared part: which of its combinations of facet values
    exact: bool = True  # matched the words as typed, not only through synonyms
    also: tuple[date, ...] = ()  # grouped: the other start dates of the same offer


@dataclass
class Outcome:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    notices: list[str]
    corrections: dict[str, str]
    location: SearchLocation | None
    relevant: bool = True  # False: the resident's words found nothing at all
    suggestions: list[str] = field(default_factory=list)  # other words that do find records


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


@dataclass(frozen=True)
class Attempt:
    """One way of matching the words: all of them, or (where allowed) any of them.

    ``match`` includes synonyms; ``exact`` is the same with the words as typed only, and
    ``phrases`` holds the multi-word subjects as phrases. Both are checked per record, so
    ranking can put exact and phrase matches first and synonyms can be kept for when the
    exact words find little.
    """

    groups: tuple[Group, ...]
    match: Match
    exact: Match
    phrases: Match
    notice: str | None = None

    def words(self, wide: bool) -> Match:
        """What records must match: the words with their synonyms, or as typed."""
        return self.match if wide else self.exact

    @property
    def flags(self) -> list[Match]:
        """Checked per record for ranking: did it hold the typed phrases?"""
        return [self.phrases] if self.phrases else []


@dataclass
class Assembled:
    hits: list[Hit]
    total: int  # results: offers when grouped
    facets: dict[str, list[FacetValue]]
    records: int  # records, grouped or not: what decides whether to widen to synonyms


def _attempts(query: ParsedQuery) -> list[Attempt]:
    """All the words first; then any of them, only where ``ParsedQuery.may_relax`` allows."""
    if query.empty:
        return [Attempt((), (), (), ())]
    phrases: Match = (tuple((p,) for p in query.phrases),) if query.phrases else ()
    groups = tuple(query.groups)
    attempts = [
        Attempt(
            groups,
            (tuple(tuple(g.alternatives) for g in groups),),
            (tuple(tuple(g.exact) for g in groups),),
            phrases,
        )
    ]
    if query.may_relax:
        main = tuple(query.main)
        attempts.append(
            Attempt(
                main,
                tuple((tuple(g.alternatives),) for g in main),
                tuple((tuple(g.exact),) for g in main),
                phrases,
                SOME_WORDS,
            )
        )
    return attempts


def run(
    kind: Kind,
    search: Search,
    *,
    db_session: Session,
    area_name: str = "",
    suggest: bool = True,
) -> Outcome:
    query = parse(search.text, vocabulary(db_session))
    sort = _effective_sort(search, query)
    wanted = _wanted(kind, search.selected)
    found, notice = _first_that_finds(kind, search, query, sort, wanted, db_session)
    notices = [notice] if notice else []
    location = _location(search, area_name, notices)
    if query.corrections:
        notices.append(
            "We also searched for "
            + ", ".join(f"\u201c{fix}\u201d" for fix in query.corrections.values())
            + "."
        )
    relevant = query.empty or found.total > 0
    suggestions = [] if relevant or not suggest else _suggestions(kind, search, query, db_session)
    return Outcome(
        hits=found.hits,
        total=found.total,
        facets=found.facets,
        notices=notices,
        corrections=query.corrections,
        location=location,
        relevant=relevant,
        suggestions=suggestions,
    )


def _first_that_finds(
    kind: Kind,
    search: Search,
    query: ParsedQuery,
    sort: str,
    wanted: list[tuple[int, set[str]]],
    db_session: Session,
) -> tuple[Assembled, str | None]:
    """The first attempt that finds anything, exact words first and synonyms only if needed.

    The words as typed are searched on their own first: a narrower query than one with every
    synonym, and usually the last. Only when they find little is the search run again with
    synonyms, the records found the first time ranking above the others.
    """
    found = _assemble(kind, search, [], _shared_of([]), wanted, sort)
    for attempt in _attempts(query):
        local = _local(kind, search, attempt, sort, db_session) if search.place else []
        shared = _shared(kind, search, attempt, db_session)
        found = _assemble(kind, search, local, shared, wanted, sort)
        enough = found.records >= WIDEN_BELOW and _titled(found, sort)
        if query.empty or (found.total and (enough or not query.widens)):
            return found, attempt.notice
        if query.widens:
            exact = {h.row.id for h in local}
            local = _local(kind, search, attempt, sort, db_session, exact) if search.place else []
            shared = _shared(kind, search, attempt, db_session, wide=True)
            found = _assemble(kind, search, local, shared, wanted, sort)
            if found.total:
                return found, attempt.notice
    return found, None


def _titled(found: Assembled, sort: str) -> bool:
    """Whether the best result carries the typed words in its title. When only descriptions do
    ("shop" in "patrols in a shopping centre"), titles that say it in other words ("Retail
    Customer Assistant", found through synonyms) serve the resident better, so they are looked
    for too."""
    return sort != "relevance" or not found.hits or found.hits[0].score >= TITLED * 1000.0


def _location(search: Search, area_name: str, notices: list[str]) -> SearchLocation | None:
    """Where the search was measured from, with a notice if that is outside the area."""
    place = search.place
    if place is None:
        return None
    if not place.in_area:
        notices.append(
            f"{place.label} is outside {area_name or 'the council area'}, so these are the "
            "nearest results to it. Some services are only for residents of the area."
        )
    return SearchLocation(
        label=place.label,
        latitude=place.lat,
        longitude=place.lon,
        in_council_area=place.in_area,
        radius_miles=search.radius_miles,
    )


def _assemble(
    kind: Kind,
    search: Search,
    local: list[Hit],
    shared: Shared,
    wanted: list[tuple[int, set[str]]],
    sort: str,
) -> Assembled:
    """One page of the local and shared parts merged in order, with facet counts and a total."""
    # A record in both parts (a service in a library and online) is shown once, as local.
    overlap = [shared.by_id[h.row.id] for h in local if h.row.id in shared.by_id]
    counts = list(shared.counts)
    for hit in overlap:
        counts[hit.combo] -= 1
    skip = {h.row.id for h in overlap}
    weighted = [*Counter(h.values for h in local).items(), *zip(shared.combos, counts, strict=True)]
    facets = _facet_counts(kind, weighted, wanted)
    key = _sort_key(kind, sort)
    local = sorted((h for h in local if _passes(h.values, wanted)), key=key)
    passing = [_passes(values, wanted) for values in shared.combos]
    shared_total = sum(n for n, ok in zip(counts, passing, strict=True) if ok)
    start = (search.page - 1) * search.per_page
    page_end = start + search.per_page

    def shared_hits(limit: int | None) -> Iterable[Hit]:
        if not shared_total:
            return ()
        wanted_hits = (
            h for h in shared.ordered(sort, key) if passing[h.combo] and h.row.id not in skip
        )
        return itertools.islice(wanted_hits, limit)

    records = len(local) + shared_total
    if search.grouped and kind.group_of is not None:
        offers = _grouped(kind, heapq.merge(local, shared_hits(None), key=key))
        return Assembled(offers[start:page_end], len(offers), facets, records)
    merged = heapq.merge(local, shared_hits(page_end), key=key)
    hits = list(itertools.islice(merged, start, page_end))
    return Assembled(hits, records, facets, records)


def _grouped(kind: Kind, ordered: Iterable[Hit]) -> list[Hit]:
    """One hit per offer (the same course at several dates), in the order of its best record.

    This walks every result rather than a page, so it is for the conversation, where a resident
    should see a course once with its dates, not three cards that differ only in the date.
    """
    assert kind.group_of is not None
    offers: dict[tuple, list[Hit]] = {}
    for hit in ordered:
        offers.setdefault(kind.group_of(hit.row), []).append(hit)
    return [_one_offer(kind, members) for members in offers.values()]


def _one_offer(kind: Kind, members: list[Hit]) -> Hit:
    """The soonest start stands for the offer; the other dates go with it."""
    if len(members) == 1:
        return members[0]
    first = min(members, key=lambda h: kind.start_of(h.row) or date.min)  # None: start any time
    soonest = kind.start_of(first.row)
    later = {kind.start_of(h.row) for h in members} - {None, soonest}
    return replace(first, also=tuple(sorted(d for d in later if d is not None)))


def _suggestions(kind: Kind, search: Search, query: ParsedQuery, db_session: Session) -> list[str]:
    """Other searches that do find records, for a resident whose words found nothing.

    Related subjects from ``synonyms.yml`` ("cyber security": digital), then the resident's own
    words that find records on their own ("security"), each checked across the whole area with
    the same filters. Only offered, never searched in place of what was asked.
    """
    th = thesaurus()
    said = [tuple(words(g.said)) for g in query.groups] + [
        tuple(w for w in words(search.text) if w not in th.stopwords)
    ]
    candidates = [r for phrase in said for r in th.related.get(phrase, ())]
    candidates += [g.said for g in query.main if g.in_catalogue] if len(query.main) > 1 else []
    found: list[str] = []
    probe = replace(search, place=None, page=1, per_page=1, grouped=False)
    for text in list(dict.fromkeys(candidates))[:MAX_SUGGESTION_PROBES]:
        if len(found) == MAX_SUGGESTIONS:
            break
        if _finds_any_remembered(kind, replace(probe, text=text), db_session):
            found.append(text)
    return found


_found_any: OrderedDict[tuple, bool] = OrderedDict()
MAX_FOUND_ANY = 20_000  # answers kept, all councils together (a few MB)


def _finds_any_remembered(kind: Kind, search: Search, db_session: Session) -> bool:
    """``_finds_any``, kept until the next import (the index's version is in the key): the
    same few suggestions are checked for every resident of a council who asks the same thing."""
    base = _index_key(kind, search, db_session)
    if base is None:
        return _finds_any(kind, search, db_session)
    chosen = tuple(sorted((name, tuple(sorted(v))) for name, v in search.selected.items()))
    key = (*base, search.text, search.council_slug, chosen)
    with _cache_lock:
        if key in _found_any:
            _found_any.move_to_end(key)
            return _found_any[key]
    answer = _finds_any(kind, search, db_session)
    with _cache_lock:
        _found_any[key] = answer
        while len(_found_any) > MAX_FOUND_ANY:
            _found_any.popitem(last=False)
    return answer


def _finds_any(kind: Kind, search: Search, db_session: Session) -> bool:
    """Whether ``run`` would find anything across the council's whole area (no place: what
    suggestions ask), asked of the database as "is there one": a whole
    search ranks and counts every match in the council's area (a second or more for a common
    word in a million records), where a suggestion needs one. Filters the database can't test
    (a facet with no SQL) are tested here, row by row."""
    assert search.place is None, "a check across the whole area: the place is not looked at"
    query = parse(search.text, vocabulary(db_session))
    attempts = _attempts(query)
    if query.empty or not all(a.words(False) for a in attempts):
        return run(kind, search, db_session=db_session, suggest=False).total > 0
    chosen = [(kind.facets[name], values) for name, values in search.selected.items()
              if values and name in kind.facets]  # fmt: skip
    in_sql = all(facet.sql is not None for facet, _ in chosen)
    stmt = _statement(kind, search)
    if in_sql:
        stmt = stmt.where(*(facet.sql(values) for facet, values in chosen)).limit(1)
    wanted = _wanted(kind, search.selected)
    for attempt in attempts:
        for wide in (False, True) if query.widens else (False,):
            matched = kind.model.id.in_(index.matching(db_session, kind.name, attempt.words(wide)))
            rows = db_session.execute(stmt.where(matched))
            if any(in_sql or _passes(_values(kind, row), wanted) for row in rows):
                return True
    return False


@dataclass(frozen=True)
class _Ranking:
    """What ranking compares a title with: each word's exact and all phrases, stemmed."""

    exact: tuple[tuple[tuple[str, ...], ...], ...]
    wide: tuple[tuple[tuple[str, ...], ...], ...]
    phrases: tuple[tuple[str, ...], ...]


def _stemmed(phrase: Iterable[str]) -> tuple[str, ...]:
    """Stems of the words that matter: titles and queries both drop stop words ("and")."""
    ignored = thesaurus().stopwords | SEPARATORS
    return stems([w for w in phrase if w not in ignored])


@lru_cache(maxsize=100_000)
def _title_stems(title: str | None) -> tuple[str, ...]:
    """A title as stems, kept: the same titles come back run after run and search after search."""
    return _stemmed(words(title))


def _ranking(attempt: Attempt) -> _Ranking:
    def each(phrases: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
        return tuple(s for s in map(_stemmed, phrases) if s)

    return _Ranking(
        exact=tuple(each(g.exact) for g in attempt.groups),
        wide=tuple(each(g.alternatives) for g in attempt.groups),
        phrases=each(part[0] for part in attempt.phrases[0]) if attempt.phrases else (),
    )


def _contains(title: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(title[i : i + n] == phrase for i in range(len(title) - n + 1))


def _in_title(ranking: _Ranking, title: str | None) -> tuple[int, int, bool]:
    """How many words as typed, and with synonyms, the title holds; and the typed phrases?"""
    stemmed = _title_stems(title)
    exact = sum(any(_contains(stemmed, p) for p in g) for g in ranking.exact)
    wide = sum(any(_contains(stemmed, p) for p in g) for g in ranking.wide)
    return exact, wide, all(_contains(stemmed, p) for p in ranking.phrases)


class _Ranker:
    """Scores records against one attempt, working each distinct title out once."""

    def __init__(self, attempt: Attempt) -> None:
        self.ranking = _ranking(attempt)
        self._titles: dict[str | None, tuple[int, int, bool]] = {}

    def __call__(self, title: str | None, scored: Scored, exact: bool) -> float:
        """Higher is better: what the resident typed, in the title, as a phrase, ranks first.

        Tiers, best first: every word as typed in the title with the typed phrases intact;
        every word as typed in the title; the typed phrases anywhere; every word or a synonym in
        the title; every word as typed anywhere; the rest (synonyms in the description). A
        title that says it in other words ("Retail Customer Assistant" for "shop") is what was
        asked for more surely than a description that uses the word ("a shopping centre").
        Within a tier, how much of the request the title carries, then the engine's own score.
        """
        n = len(self.ranking.exact)
        if not n:
            return scored.score
        if title not in self._titles:
            self._titles[title] = _in_title(self.ranking, title)
        exact_in_title, any_in_title, phrases_in_title = self._titles[title]
        phrased = bool(self.ranking.phrases) and all(scored.flags)
        if exact_in_title == n:
            tier = 6.0 if phrases_in_title else TITLED
        elif exact and phrased:
            tier = 4.0
        elif any_in_title == n:
            tier = 3.5
        else:
            tier = 3.0 if exact else 1.0
        carried = 50.0 * (exact_in_title + any_in_title) / n
        return tier * 1000.0 + carried + min(scored.score, 99.0)


def _effective_sort(search: Search, query: ParsedQuery) -> str:
    sort = search.sort if search.sort in SORTS else "relevance"
    if sort == "relevance" and query.empty:
        # Nothing to rank by: nearest first when there is a place, soonest first when not.
        return "distance" if search.place is not None else "start_date"
    return sort


def _statement(kind: Kind, search: Search, owned: bool = True):
    """The records a search may find. ``owned=False`` for online and national records alone:
    they are every council's (``bot.catalogue.imports.ownership``), so only the ones the
    council hides are left out, and their part of a search is shared by every council."""
    stmt = select(*kind.columns())
    if kind.source is not None:
        stmt = stmt.select_from(kind.source())
    stmt = stmt.where(kind.active(search.today), *search.where)
    if search.council_slug is not None and owned:
        stmt = stmt.where(visible_to(kind.model, search.council_slug, search.hidden))
    elif search.hidden:
        stmt = stmt.where(kind.model.uid.not_in(sorted(search.hidden)))
    return stmt


def _rows(kind: Kind, stmt, ids: list[int], db_session: Session) -> Iterator[Row]:
    for start in range(0, len(ids), ID_CHUNK):
        yield from db_session.execute(stmt.where(kind.model.id.in_(ids[start : start + ID_CHUNK])))


def _where(row: Row) -> str:
    return "online" if row.online else "national" if row.national else "local"


def _values(kind: Kind, row: Row) -> Values:
    return tuple(frozenset(facet.values_of(row)) for facet in kind.facets.values())


def _hit(row: Row, found: Scored | None, rank: _Ranker, exact: bool = True, **where: Any) -> Hit:
    """A record as a result: ranked against what was asked, and whether it matched exactly."""
    if found is None:
        return Hit(row, 0.0, **where)
    return Hit(row, rank(row.title, found, exact), exact=exact, **where)


def _local(
    kind: Kind,
    search: Search,
    attempt: Attempt,
    sort: str,
    db_session: Session,
    exact: set[int] | None = None,
) -> list[Hit]:
    """Records with a place inside the circle, each once at its nearest place.

    ``exact``: the records the words as typed found, when this is the search widened with
    synonyms (``None`` when it is the words as typed).
    """
    place = search.place
    assert place is not None
    radius = search.radius_miles
    # The full-text match runs on its own first, then records are fetched by primary key.
    # Joined in one statement, SQLite may instead walk the whole table and probe the index
    # once per row, which is a hundred times slower on a large catalogue.
    scores = index.scores(
        db_session,
        kind.name,
        attempt.words(wide=exact is not None),
        cells_within(place.lat, place.lon, radius),
        scored=sort == "relevance",
        flags=attempt.flags,
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
    rank = _Ranker(attempt)
    hits: dict[int, Hit] = {}
    for row in _rows(kind, stmt, list(scores), db_session):
        if _where(row) != "local":
            continue  # online and national provision is in the shared part
        distance = miles_between(place.lat, place.lon, row.lat, row.lon)
        if distance > radius:
            continue
        best = hits.get(row.id)
        if best is None or distance < (best.distance or math.inf):
            found = scores[row.id] if attempt.match else None
            as_typed = exact is None or row.id in exact
            hits[row.id] = _hit(row, found, rank, as_typed, distance=distance, where="local",
                                values=_values(kind, row))  # fmt: skip
    return list(hits.values())


_cache: OrderedDict[tuple, Shared] = OrderedDict()
_cached_hits = 0
_cache_lock = threading.Lock()


def forget_cache() -> None:
    global _cached_hits
    with _cache_lock:
        _cache.clear()
        _found_any.clear()
        _cached_hits = 0
    _title_stems.cache_clear()


def _shared(
    kind: Kind, search: Search, attempt: Attempt, db_session: Session, wide: bool = False
) -> Shared:
    """The shared part for the words as typed, or (``wide``) with their synonyms too."""
    base = _index_key(kind, search, db_session)
    key = None
    if base is not None:
        key = (
            *base,
            search.place is None,
            attempt.words(wide),
            attempt.exact,
            attempt.phrases,
            # see _build_shared
            search.council_slug if search.place is None or kind.name == "service" else None,
        )
        with _cache_lock:
            if key in _cache:
                _cache.move_to_end(key)
                return _cache[key]
    exact = set(_shared(kind, search, attempt, db_session).by_id) if wide else None
    shared = _build_shared(kind, search, attempt, db_session, exact)
    if key is not None:
        _remember(key, shared)
    return shared


def _index_key(kind: Kind, search: Search, db_session: Session) -> tuple | None:
    """What every answer kept until the next import depends on: the database, the index's
    version, the day and the filters; None when the index has no version (nothing is kept)."""
    version = index.version(db_session, kind.name)
    if version is None:
        return None
    bind = db_session.get_bind()
    wheres = tuple(_signature(clause, bind.dialect) for clause in search.where)
    return (str(bind.url), kind.name, version, search.today, wheres, search.hidden)


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
    kind: Kind, search: Search, attempt: Attempt, db_session: Session, exact: set[int] | None
) -> Shared:
    everywhere = search.place is None
    tags = None if everywhere else [ONLINE_TOKEN, NATIONAL_TOKEN]
    # Searched everywhere, this part holds local records too, so only the council's own; near a
    # place it holds online and national records alone, which are every council's. A service
    # is one record with all its places, so a council's service with an online place too must
    # still be left out of another council's search.
    stmt = _statement(kind, search, owned=everywhere or kind.name == "service")
    match = attempt.words(wide=exact is not None)
    scores: dict[int, Scored] = {}
    if match or tags:
        scores = index.scores(db_session, kind.name, match, tags, flags=attempt.flags)
        rows: Iterable[Row] = _rows(kind, stmt, list(scores), db_session)
    else:
        rows = db_session.execute(stmt)
    rank = _Ranker(attempt)
    by_id: dict[int, Hit] = {}
    number: dict[Values, int] = {}
    for row in rows:
        where = _where(row)
        if row.id in by_id or (where == "local" and not everywhere):
            continue  # a local place of a record that is also online: the local part has it
        values = _values(kind, row)
        combo = number.setdefault(values, len(number))
        found = scores.get(row.id) if match else None
        as_typed = exact is None or row.id in exact
        by_id[row.id] = _hit(row, found, rank, as_typed, distance=None, where=where,
                             values=values, combo=combo)  # fmt: skip
    return _shared_of(list(by_id.values()), list(number))


def _shared_of(hits: list[Hit], combos: list[Values] | None = None) -> Shared:
    """A shared part from its hits, each of which knows its combination of facet values."""
    combos = combos or []
    counts = [0] * len(combos)
    for hit in hits:
        counts[hit.combo] += 1
    return Shared(hits=hits, combos=combos, counts=counts, by_id={h.row.id: h for h in hits})


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
