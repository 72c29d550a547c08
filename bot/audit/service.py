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
    *, db_session: Session, council_slug: str, limit: int = 200, case_id: int | None = None
) -> list[tuple[AuditEntry, str | None, str | None]]:
    """A council's entries, newest first, with who (full name) and which case (reference): what
    its staff did and what was done to its cases. Entries about no one and no case (a sign-in
    with an unknown address) belong to no council and are left to the deployment's logs."""
    query = (
        select(AuditEntry, Staff.full_name, Case.reference)
        .outerjoin(Staff, Staff.id == AuditEntry.staff_id)
        .outerjoin(Case, Case.id == AuditEntry.case_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    # An operator's account is filed under the home council but is none of its staff.
    query = query.where(
        ((Staff.council_slug == council_slug) & (Staff.role != "operator"))
        | (Case.council_slug == council_slug)
    )
    if case_id is not None:
        query = query.where(AuditEntry.case_id == case_id)
    return [tuple(row) for row in db_session.execute(query).all()]


OPERATOR_ACTIONS = ("council_added", "first_admin_added")


def by_operators(
    *, db_session: Session, limit: int = 50
) -> list[tuple[AuditEntry, str | None, str | None]]:
    """What the deployment's operators did (councils and first admins added), newest first,
    for their own page: no council's log shows it."""
    query = (
        select(AuditEntry, Staff.full_name, None)
        .join(Staff, Staff.id == AuditEntry.staff_id)
        .where(Staff.role == "operator", AuditEntry.action.in_(OPERATOR_ACTIONS))
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return [tuple(row) for row in db_session.execute(query).all()]
