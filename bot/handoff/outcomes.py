"""What happened for a resident after the help: outcomes with their dates, and the checks 13
and 26 weeks after a job start that funders ask for ("sustained employment").

Each is recorded on the case (the adviser's record, deleted with the case) and counted as an
anonymous event in the same unit of work (the insight, which outlives the case).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.council import service as council_service
from bot.council.models import Council
from bot.handoff.models import Case, CaseOutcome, FollowUp
from bot.insight import outcomes as outcome_rules
from bot.insight import service as insight
from bot.staff.models import Staff


class InvalidOutcome(ValueError):
    """Not an outcome the council records, or a date it cannot have happened on. ``field`` is
    what the adviser should change: the outcome ("kind"), its date ("date") or the follow-up's
    result ("result")."""

    def __init__(self, message: str, field: str = "kind") -> None:
        super().__init__(message)
        self.field = field


def _rules(council: Council) -> outcome_rules.OutcomeRules:
    return outcome_rules.rules(council.insight.outcome_rules)


def record(
    *,
    db_session: Session,
    council: Council,
    case: Case,
    kind: str,
    happened_on: date,
    staff: Staff | None,
) -> CaseOutcome:
    outcome = _rules(council).get(kind)
    if outcome is None:
        raise InvalidOutcome("Choose an outcome from the list.")
    today = council_service.local_today(council)
    if happened_on > today:
        raise InvalidOutcome(
            "The date can't be in the future: record it once it has happened.", field="date"
        )
    if happened_on < today - timedelta(days=366):
        raise InvalidOutcome("The date must be within the last year.", field="date")
    if recorded(db_session=db_session, case=case, kind=kind) is not None:
        raise InvalidOutcome(f"{outcome.label} is already recorded for this case.")
    row = CaseOutcome(case_id=case.id, kind=kind, happened_on=happened_on,
                      recorded_by=staff.id if staff else None)  # fmt: skip
    db_session.add(row)
    # Counted on the day it happened, so it falls in the funder's period it belongs to.
    insight.record(
        db_session=db_session,
        council=council,
        kind="outcome_recorded",
        offer=case.offer,
        detail=kind,
        result=outcome.group,
        on=happened_on,
    )
    db_session.flush()
    return row


def recorded(*, db_session: Session, case: Case, kind: str) -> CaseOutcome | None:
    """The case's outcome of this kind, if an adviser has recorded one (each kind once)."""
    return (
        db_session.execute(
            select(CaseOutcome).where(CaseOutcome.case_id == case.id, CaseOutcome.kind == kind)
        )
        .scalars()
        .first()
    )


def of_case(*, db_session: Session, case: Case) -> list[tuple[CaseOutcome, list[FollowUp]]]:
    found = (
        db_session.execute(
            select(CaseOutcome)
            .where(CaseOutcome.case_id == case.id)
            .order_by(CaseOutcome.happened_on)
        )
        .scalars()
        .all()
    )
    checks = _follow_ups(db_session, [o.id for o in found])
    return [(o, checks.get(o.id, [])) for o in found]


def _follow_ups(db_session: Session, ids: list[int]) -> dict[int, list[FollowUp]]:
    if not ids:
        return {}
    answer: dict[int, list[FollowUp]] = {}
    for row in db_session.execute(
        select(FollowUp).where(FollowUp.outcome_id.in_(ids)).order_by(FollowUp.weeks)
    ).scalars():
        answer.setdefault(row.outcome_id, []).append(row)
    return answer


@dataclass(frozen=True)
class Due:
    """A follow-up an adviser should make: which case, which outcome, which check, by when."""

    case_reference: str
    offer: str
    outcome: CaseOutcome
    label: str
    weeks: int
    due_on: date


def due(*, db_session: Session, council: Council, on: date | None = None) -> list[Due]:
    """Follow-ups whose time has come and that nobody has recorded, the oldest first."""
    rules = _rules(council)
    today = on or council_service.local_today(council)
    weeks_for = {o.key: o.follow_up_weeks for o in rules.outcomes if o.follow_up_weeks}
    if not weeks_for:
        return []
    found = db_session.execute(
        select(CaseOutcome, Case.reference, Case.offer)
        .join(Case, Case.id == CaseOutcome.case_id)
        .where(
            Case.council_slug == council.slug,
            CaseOutcome.kind.in_(list(weeks_for)),
            CaseOutcome.happened_on
            <= today - timedelta(weeks=min(w for weeks in weeks_for.values() for w in weeks)),
        )
    ).all()
    done = _follow_ups(db_session, [row.id for row, _ref, _offer in found])
    answer = []
    for row, reference, offer in found:
        recorded = {f.weeks for f in done.get(row.id, [])}
        for weeks in weeks_for[row.kind]:
            due_on = row.happened_on + timedelta(weeks=weeks)
            if weeks not in recorded and due_on <= today:
                label = rules.get(row.kind).label  # type: ignore[union-attr]
                answer.append(Due(reference, offer, row, label, weeks, due_on))
    return sorted(answer, key=lambda d: (d.due_on, d.case_reference))


def follow_up(
    *,
    db_session: Session,
    council: Council,
    case: Case,
    outcome_id: int,
    weeks: int,
    result: str,
    staff: Staff | None,
) -> FollowUp:
    rules = _rules(council)
    outcome = db_session.get(CaseOutcome, outcome_id)
    if outcome is None or outcome.case_id != case.id:
        raise InvalidOutcome("That outcome is not on this case.")
    configured = rules.get(outcome.kind)
    if configured is None or weeks not in configured.follow_up_weeks:
        raise InvalidOutcome(f"There is no {weeks}-week follow-up for this outcome.")
    if result not in rules.follow_up_results:
        raise InvalidOutcome("Choose what the follow-up found.", field="result")
    if council_service.local_today(council) < outcome.happened_on + timedelta(weeks=weeks):
        raise InvalidOutcome(f"The {weeks}-week follow-up is not due yet.")
    if any(f.weeks == weeks for f in _follow_ups(db_session, [outcome.id]).get(outcome.id, [])):
        raise InvalidOutcome(f"The {weeks}-week follow-up is already recorded.")
    row = FollowUp(outcome_id=outcome.id, weeks=weeks, result=result,
                   recorded_by=staff.id if staff else None)  # fmt: skip
    db_session.add(row)
    insight.record(
        db_session=db_session,
        council=council,
        kind="follow_up_recorded",
        offer=case.offer,
        detail=str(weeks),
        result=result,
        on=outcome.happened_on + timedelta(weeks=weeks),
    )
    db_session.flush()
    return row
