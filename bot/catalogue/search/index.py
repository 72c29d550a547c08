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

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from bot.catalogue.search.text import Group, Phrase

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


def scores(
    db_session: Session,
    kind: str,
    groups: list[Group],
    tags: list[str] | None,
    any_word: bool,
    scored: bool = True,
) -> dict[int, float]:
    """The ids of records matching the words and any of the tags, with their scores.

    Higher score is better on both engines. ``any_word`` relaxes AND between the resident's
    words to OR, for when no record has them all. ``scored=False`` skips ranking and gives
    every record 0, for searches sorted by distance or date.
    """
    table = TABLES[kind]
    joiner = " OR " if any_word else " AND "
    if _dialect(db_session) == "sqlite":
        parts = []
        if groups:
            text_part = joiner.join(
                "(" + " OR ".join(_fts5_phrase(p) for p in g.alternatives) + ")" for g in groups
            )
            parts.append("{title body} : (" + text_part + ")")
        if tags:
            parts.append("tags : (" + " OR ".join(tags) + ")")
        query = {"q": " AND ".join(parts)}
        if not (scored and groups):
            found = db_session.execute(
                text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q"), query
            )
            return dict.fromkeys(found.scalars(), 0.0)
        found = db_session.execute(
            text(
                f"SELECT rowid, highlight({table}, 0, :mark, ''), "
                f"highlight({table}, 1, :mark, '') FROM {table} WHERE {table} MATCH :q"
            ),
            {**query, "mark": MARK},
        )
        return {row_id: _fts5_score(title, body) for row_id, title, body in found}
    pg_joiner = " | " if any_word else " & "
    conditions, params = [], {}
    score = "0.0"
    if groups:
        params["tq"] = pg_joiner.join(
            "(" + " | ".join(_pg_phrase(p) for p in g.alternatives) + ")" for g in groups
        )
        conditions.append("document @@ to_tsquery('english', :tq)")
        if scored:
            score = "ts_rank(document, to_tsquery('english', :tq))"
    if tags:
        params["gq"] = " | ".join(tags)
        conditions.append("document @@ to_tsquery('simple', :gq)")
    found = db_session.execute(
        text(f"SELECT id, {score} FROM {table} WHERE {' AND '.join(conditions)}"), params
    )
    return {row_id: float(score) for row_id, score in found}
