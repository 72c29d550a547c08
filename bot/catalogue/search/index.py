"""The full-text index behind every search, on whichever database the service runs.

SQLite uses an FTS5 table per kind (Porter stemming, BM25 ranking); PostgreSQL uses a table per
kind holding a weighted ``tsvector`` under a GIN index. Both index three fields: ``title``
(weighted highest), ``body`` and ``tags`` (grid cells, "online", "national": see ``bot.geo``).
The tables are created by migration 0002.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Float, Integer, column, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.sql.selectable import Subquery

from bot.catalogue.search.text import Group, Phrase

TABLES = {"course": "fts_courses", "vacancy": "fts_vacancies", "service": "fts_services"}
TITLE_WEIGHT = 10.0


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


def _fts5_phrase(phrase: Phrase) -> str:
    return '"' + " ".join(phrase) + '"'  # words are [^\W_]+ tokens: no quotes inside


def _pg_phrase(phrase: Phrase) -> str:
    return " <-> ".join(phrase)


def match(
    db_session: Session, kind: str, groups: list[Group], tags: list[str] | None, any_word: bool
) -> Subquery:
    """A selectable of ``(id, score)`` for records matching the words and any of the tags.

    Higher score is better on both engines. ``any_word`` relaxes AND between the resident's
    words to OR, for when no record has them all.
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
        clause = text(
            f"SELECT rowid AS id, -bm25({table}, {TITLE_WEIGHT}, 1.0, 0.0) AS score "
            f"FROM {table} WHERE {table} MATCH :q"
        ).bindparams(q=" AND ".join(parts))
        return _as_subquery(clause)
    pg_joiner = " | " if any_word else " & "
    conditions, params = [], {}
    score = "0.0"
    if groups:
        params["tq"] = pg_joiner.join(
            "(" + " | ".join(_pg_phrase(p) for p in g.alternatives) + ")" for g in groups
        )
        conditions.append("document @@ to_tsquery('english', :tq)")
        score = "ts_rank(document, to_tsquery('english', :tq))"
    if tags:
        params["gq"] = " | ".join(tags)
        conditions.append("document @@ to_tsquery('simple', :gq)")
    clause = text(
        f"SELECT id, {score} AS score FROM {table} WHERE {' AND '.join(conditions)}"
    ).bindparams(**params)
    return _as_subquery(clause)


def _as_subquery(clause: TextClause) -> Subquery:
    return clause.columns(column("id", Integer), column("score", Float)).subquery("matched")
