"""The full-text index behind every search, on whichever database the service runs.

SQLite uses an FTS5 table per kind (Porter stemming, ranked by matches in title and body);
PostgreSQL uses a table per kind holding a weighted ``tsvector`` under a GIN index. Both index
three fields: ``title`` (weighted highest), ``body`` and ``tags`` (grid cells, "online",
"national": see ``bot.geo``). The tables are created by migration 0002.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import column, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

from bot.catalogue.search.text import Phrase

TABLES = {"course": "fts_courses", "vacancy": "fts_vacancies", "service": "fts_services"}
TITLE_WEIGHT = 10.0
K1 = 1.2  # how quickly repeated mentions stop adding to a score (BM25's k1)
MARK = "\x01"  # put before each matched phrase by highlight(); never in catalogue text


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    body: str
    tags: Sequence[str]


def _dialect(bind: Session | Connection) -> str:
    return bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name


def replace(db_session: Session, kind: str, documents: Iterable[Document]) -> None:
    """Index (or re-index) records; idempotent, so re-imports never duplicate index rows."""
    docs = list(documents)
    if not docs:
        return
    table = TABLES[kind]
    rows = [{"id": d.id, "title": d.title, "body": d.body, "tags": " ".join(d.tags)} for d in docs]
    if _dialect(db_session) == "sqlite":
        db_session.execute(
            text(f"DELETE FROM {table} WHERE rowid = :id"), [{"id": d.id} for d in docs]
        )
        db_session.execute(
            text(
                f"INSERT INTO {table} (rowid, title, body, tags) VALUES (:id, :title, :body, :tags)"
            ),
            rows,
        )
    else:
        db_session.execute(
            text(
                f"INSERT INTO {table} (id, document) VALUES (:id, "
                "setweight(to_tsvector('english', :title), 'A') || "
                "setweight(to_tsvector('english', :body), 'D') || "
                "to_tsvector('simple', :tags)) "
                "ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document"
            ),
            rows,
        )
    _new_version(db_session, kind)


def _new_version(db_session: Session, kind: str) -> None:
    # The same upsert syntax works on SQLite and PostgreSQL.
    db_session.execute(
        text(
            "INSERT INTO search_index_versions (kind, token) VALUES (:kind, :token) "
            "ON CONFLICT (kind) DO UPDATE SET token = excluded.token"
        ),
        {"kind": kind, "token": uuid.uuid4().hex},
    )


def version(db_session: Session, kind: str) -> str | None:
    """The kind's current index version, or ``None`` if it was never written to."""
    return db_session.execute(
        text("SELECT token FROM search_index_versions WHERE kind = :kind"), {"kind": kind}
    ).scalar()


def _saturated(count: int) -> float:
    return count * (1 + K1) / (count + K1)


def _fts5_score(title_marked: str, body_marked: str) -> float:
    """Matches in the title, then in the body, each saturating as in BM25.

    Not FTS5's own ``bm25()``: that counts, for every phrase of the query, the documents of the
    whole catalogue containing it (a full pass over each phrase's index per search, 20 to 40 ms
    at a million records for a word like "care" with its synonyms). ``highlight()`` only looks at
    the rows matched, so this costs a few milliseconds. Without inverse document frequency all
    the resident's words weigh the same, which suits short queries of a few words.
    """
    return TITLE_WEIGHT * _saturated(title_marked.count(MARK)) + _saturated(body_marked.count(MARK))


def _fts5_phrase(phrase: Phrase) -> str:
    return '"' + " ".join(phrase) + '"'  # words are [^\W_]+ tokens: no quotes inside


def _pg_phrase(phrase: Phrase) -> str:
    return " <-> ".join(phrase)


# A search's words in one normal form both engines can say: any of the clauses, each clause
# needing all of its parts, each part any of its phrases.
Part = tuple[Phrase, ...]
Clause = tuple[Part, ...]
Match = tuple[Clause, ...]


def _fts5(match: Match) -> str:
    def clause_text(clause: Clause) -> str:
        return " AND ".join("(" + " OR ".join(map(_fts5_phrase, part)) + ")" for part in clause)

    return " OR ".join(f"({clause_text(clause)})" for clause in match)


def _pg(match: Match) -> str:
    def clause_text(clause: Clause) -> str:
        return " & ".join("(" + " | ".join(map(_pg_phrase, part)) + ")" for part in clause)

    return " | ".join(f"({clause_text(clause)})" for clause in match)


@dataclass(frozen=True)
class Scored:
    """How well a record matched (higher is better) and which of the extra tests it passed."""

    score: float
    flags: tuple[bool, ...] = ()


def scores(
    db_session: Session,
    kind: str,
    match: Match,
    tags: list[str] | None,
    scored: bool = True,
    flags: Sequence[Match] = (),
) -> dict[int, Scored]:
    """The ids of records matching the words and any of the tags, with their scores.

    Higher score is better on both engines. ``scored=False`` skips ranking and gives every
    record 0, for searches sorted by distance or date. ``flags`` are further word tests each
    record is checked against in the same statement (did it match the words exactly as typed?
    as a phrase?), so ranking and the choice to widen to synonyms cost no further query.
    """
    if _dialect(db_session) == "sqlite":
        return _fts5_scores(db_session, TABLES[kind], match, tags, scored, flags)
    return _pg_scores(db_session, TABLES[kind], match, tags, scored, flags)


def matching(db_session: Session, kind: str, match: Match) -> TextualSelect:
    """The ids of records matching the words, unranked, as a subquery (``id IN (...)``): for a
    check that needs one record passing its filters, not every record with its score."""
    table = TABLES[kind]
    if _dialect(db_session) == "sqlite":
        found = text(f"SELECT rowid AS id FROM {table} WHERE {table} MATCH :q")
        return found.bindparams(q=_fts5_query(match, None)).columns(column("id"))
    found = text(f"SELECT id FROM {table} WHERE document @@ to_tsquery('english', :tq)")
    return found.bindparams(tq=_pg(match)).columns(column("id"))


def _fts5_query(match: Match, tags: list[str] | None) -> str:
    parts = []
    if match:
        parts.append("{title body} : (" + _fts5(match) + ")")
    if tags:
        parts.append("tags : (" + " OR ".join(tags) + ")")
    return " AND ".join(parts)


def _fts5_scores(
    db_session: Session,
    table: str,
    match: Match,
    tags: list[str] | None,
    scored: bool,
    flags: Sequence[Match],
) -> dict[int, Scored]:
    params = {"q": _fts5_query(match, tags), "mark": MARK}
    tests = []
    for i, flag in enumerate(flags):
        params[f"f{i}"] = _fts5_query(flag, tags)
        tests.append(f"rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH :f{i})")
    columns = ["rowid", *tests]
    ranked = scored and bool(match)
    if ranked:
        columns += [f"highlight({table}, 0, :mark, '')", f"highlight({table}, 1, :mark, '')"]
    found = db_session.execute(
        text(f"SELECT {', '.join(columns)} FROM {table} WHERE {table} MATCH :q"), params
    )
    n = len(tests)
    return {
        row[0]: Scored(
            _fts5_score(row[n + 1], row[n + 2]) if ranked else 0.0,
            tuple(bool(v) for v in row[1 : n + 1]),
        )
        for row in found
    }


def _pg_scores(
    db_session: Session,
    table: str,
    match: Match,
    tags: list[str] | None,
    scored: bool,
    flags: Sequence[Match],
) -> dict[int, Scored]:
    conditions, params, columns = [], {}, ["id", "0.0"]
    if match:
        params["tq"] = _pg(match)
        conditions.append("document @@ to_tsquery('english', :tq)")
        if scored:
            columns[1] = "ts_rank(document, to_tsquery('english', :tq))"
    if tags:
        params["gq"] = " | ".join(tags)
        conditions.append("document @@ to_tsquery('simple', :gq)")
    for i, flag in enumerate(flags):
        params[f"f{i}"] = _pg(flag)
        columns.append(f"document @@ to_tsquery('english', :f{i})")
    found = db_session.execute(
        text(f"SELECT {', '.join(columns)} FROM {table} WHERE {' AND '.join(conditions)}"), params
    )
    return {row[0]: Scored(float(row[1]), tuple(bool(v) for v in row[2:])) for row in found}
