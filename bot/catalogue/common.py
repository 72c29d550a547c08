"""What every catalogue record shares: where it came from, a stable public id, and when."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Column, Integer, String, and_, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from bot.clock import UTCDateTime, utcnow
from bot.council.service import covered_by

# Public ids are UUIDs derived from (kind, source, source id): re-importing the same record, even
# into a fresh database, gives it the same id, so links and ORUK references stay valid.
_NAMESPACE = uuid.UUID("5b0b1f0e-7f38-4f5e-9b9c-2d6f0e6b9a11")


def public_id(kind: str, source: str, source_id: str) -> str:
    if kind in {"service", "organisation", "venue", "taxonomy_term", "taxonomy", "sal"}:
        try:  # ORUK records already carry UUIDs; keep theirs so feeds round-trip.
            return str(uuid.UUID(source_id))
        except ValueError:
            pass
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{source}:{source_id}"))


class SourcedMixin:
    """Columns that make an import idempotent: (source, source_id) is unique per table."""

    id = Column(Integer, primary_key=True)
    uid = Column(String(36), nullable=False, unique=True)
    source = Column(String(40), nullable=False)
    source_id = Column(String(200), nullable=False)
    imported_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)


class OwnedMixin:
    """A record one council offers its own residents, or (``council_slug`` empty) provision
    every council's residents may use: online and national, or a college serving several."""

    council_slug = Column(String(40), nullable=True, index=True)


def visible_to(model: type, council_slug: str, hidden: Iterable[str] = ()) -> ColumnElement:
    """The records a council's residents may find: its own (and, for a combined authority,
    its members') and the shared ones it has not hidden, never another council's local
    records."""
    # "Shared or ours" as one comparison no index can serve: SQLite then keeps fetching a
    # search's records by id, instead of walking a council's index (at 1M rows over ten
    # councils, search p95 58 ms against 169 ms with ``IS NULL OR =``: docs/benchmarks.md).
    ours = sorted(covered_by(council_slug))
    mine = func.coalesce(model.council_slug, council_slug).in_(ours)
    hidden = sorted(hidden)
    return and_(mine, model.uid.not_in(hidden)) if hidden else mine


def owned_by(record: Any, council_slug: str, hidden: Iterable[str] = ()) -> bool:
    """Whether one record is the council's to show (the same rule as ``visible_to``)."""
    mine = record.council_slug is None or record.council_slug in covered_by(council_slug)
    return mine and record.uid not in set(hidden)


def by_uid(model: type, uid: str, *, db_session: Session) -> Any | None:
    """The record with this public id, or ``None``."""
    return db_session.execute(select(model).where(model.uid == uid)).scalar_one_or_none()


def by_ids(model: type, ids: list[int], *, db_session: Session) -> dict[int, Any]:
    """Records by primary key, for turning a page of search hits into full records."""
    if not ids:
        return {}
    rows = db_session.execute(select(model).where(model.id.in_(ids))).scalars()
    return {r.id: r for r in rows}
