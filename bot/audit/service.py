"""Record and read the audit log. Entries are only ever added, never changed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.audit.models import AuditEntry
from bot.handoff.models import Case
from bot.staff.models import Staff


def record(
    *,
    db_session: Session,
    staff_id: int | None,
    action: str,
    case_id: int | None = None,
    detail: str | None = None,
) -> AuditEntry:
    entry = AuditEntry(staff_id=staff_id, action=action, case_id=case_id,
                       detail=(detail or "")[:300] or None)  # fmt: skip
    db_session.add(entry)
    return entry


def recent(
    *, db_session: Session, limit: int = 200, case_id: int | None = None
) -> list[tuple[AuditEntry, str | None, str | None]]:
    """Newest first, with who (full name) and which case (reference)."""
    query = (
        select(AuditEntry, Staff.full_name, Case.reference)
        .outerjoin(Staff, Staff.id == AuditEntry.staff_id)
        .outerjoin(Case, Case.id == AuditEntry.case_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    if case_id is not None:
        query = query.where(AuditEntry.case_id == case_id)
    return [tuple(row) for row in db_session.execute(query).all()]
