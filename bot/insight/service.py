"""Record anonymous events, and count them for officers, funders and the council's own tools.

Every change a report counts writes its event in the same unit of work as the change, so a
count can't drift from what happened; and events are kept after the conversations and cases
are deleted, so last year's counts stay true after retention has done its work.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.council import service as council_service
from bot.council.models import Council
from bot.insight import events
from bot.insight import outcomes as outcome_rules
from bot.insight.models import InsightEvent

NO_OFFER = "none"  # an assessment that matched no offer


def record(
    *, db_session: Session, council: Council, kind: str, on: date | None = None, **fields: object
) -> InsightEvent:
    """Add one event (flushed with the caller's unit of work). NotAnonymous if a field or
    value is not one an anonymous event may hold."""
    given = events.check(kind, fields)
    event = InsightEvent(
        council_slug=council.slug,
        kind=kind,
        occurred_on=on or council_service.local_today(council),
        **given,
    )
    db_session.add(event)
    return event


def uncount(
    *, db_session: Session, council: Council, kind: str, on: date, **fields: object
) -> bool:
    """Take back an event like this one on that day, when a person corrects what they
    recorded (attended, then did not attend). Events carry nothing to find the exact one, and
    need nothing: any event with the same day and fields counts the same."""
    given = events.check(kind, fields)
    query = select(InsightEvent.id).where(
        InsightEvent.council_slug == council.slug,
        InsightEvent.kind == kind,
        InsightEvent.occurred_on == on,
    )
    for name in ("channel", "offer", "detail", "result", "age_band", "district"):
        column = getattr(InsightEvent, name)
        query = query.where(column == given[name] if name in given else column.is_(None))
    found = db_session.execute(query.limit(1)).scalar()
    if found is None:
        return False
    db_session.execute(delete(InsightEvent).where(InsightEvent.id == found))
    return True


def quarter_of(day: date) -> tuple[date, date]:
    """The calendar quarter holding ``day``. Tables by district are only ever made for whole
    quarters: if any two periods could be asked for, the difference between two overlapping
    tables would give back the small counts that each one hides."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    following = date(first.year + (first.month == 10), (first.month + 2) % 12 + 1, 1)
    return first, following - timedelta(days=1)


def week_of(day: date) -> date:
    """The Monday that starts the day's week (weeks run Monday to Sunday, as ONS's do)."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Row:
    """Events of one kind on one day with the same fields, and how many."""

    day: date
    kind: str
    offer: str | None
    detail: str | None
    result: str | None
    channel: str | None
    age_band: str | None
    district: str | None
    count: int


def rows(*, db_session: Session, council_slug: str, start: date, end: date) -> list[Row]:
    """The period's events (``start`` to ``end`` inclusive), counted by day and field: the
    council's, and for a combined authority its members' too (it sees their cases as well)."""
    grouped = (
        InsightEvent.occurred_on,
        InsightEvent.kind,
        InsightEvent.offer,
        InsightEvent.detail,
        InsightEvent.result,
        InsightEvent.channel,
        InsightEvent.age_band,
        InsightEvent.district,
    )
    found = db_session.execute(
        select(*grouped, func.count())
        .where(
            InsightEvent.council_slug.in_(sorted(council_service.covered_by(council_slug))),
            InsightEvent.occurred_on >= start,
            InsightEvent.occurred_on <= end,
        )
        .group_by(*grouped)
    ).all()
    return sorted((Row(*row) for row in found), key=lambda r: (r.day, r.kind))


def waits(
    *, db_session: Session, council_slug: str, start: date, end: date
) -> list[tuple[date, int]]:
    """How long each resident waited for an adviser to pick their case up, in minutes."""
    return [
        (day, minutes)
        for day, minutes in db_session.execute(
            select(InsightEvent.occurred_on, InsightEvent.minutes).where(
                InsightEvent.council_slug.in_(sorted(council_service.covered_by(council_slug))),
                InsightEvent.kind == "handoff_claimed",
                InsightEvent.minutes.is_not(None),
                InsightEvent.occurred_on >= start,
                InsightEvent.occurred_on <= end,
            )
        ).all()
    ]


@dataclass
class Report:
    """Everything the officers' page and the exports show for one council and period."""

    start: date
    end: date
    weeks: list[date]
    funnel: list[tuple[str, str, int]]  # (kind, label, count)
    funnel_by_week: dict[str, dict[date, int]]  # kind -> week -> count
    by_offer: dict[str, dict[str, int]]  # offer -> kind -> count
    # Assessments completed by (postcode district, first offer), before suppression.
    by_district: dict[tuple[str, str], int]
    attendance: dict[str, tuple[int, int]]  # offer -> (attended, not attended)
    crises: dict[str, int]  # kind of danger -> answers
    searches: dict[str, tuple[int, int]]  # search kind -> (found something, found nothing)
    wait_minutes: dict[str, float | int | None] = field(default_factory=dict)
    waits_by_week: dict[date, float] = field(default_factory=dict)  # median
    indicators: list[tuple[str, str, str, int]] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)  # outcome key -> count


def weeks_between(start: date, end: date) -> list[date]:
    first, last = week_of(start), week_of(end)
    return [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def report(
    *, db_session: Session, council: Council, start: date, end: date, found: list[Row] | None = None
) -> Report:
    """The period's report; ``found`` is the period's rows when the caller has them already."""
    if found is None:
        found = rows(db_session=db_session, council_slug=council.slug, start=start, end=end)
    totals: Counter[str] = Counter()
    by_week: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    by_offer: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_district: Counter[tuple[str, str]] = Counter()
    attendance: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    crises: Counter[str] = Counter()
    searches: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    outcome_counts: Counter[str] = Counter()
    for row in found:
        totals[row.kind] += row.count
        by_week[row.kind][week_of(row.day)] += row.count
        if row.offer:
            by_offer[row.offer][row.kind] += row.count
        if row.district and row.kind == "assessment_completed":
            by_district[(row.district, row.offer or NO_OFFER)] += row.count
        if row.kind in ("booking_attended", "booking_not_attended"):
            attendance[row.offer or "unknown"][row.kind == "booking_not_attended"] += row.count
        elif row.kind == "crisis_answered":
            crises[row.detail or "crisis"] += row.count
        elif row.kind == "search_made":
            searches[row.detail or "course"][row.result == "none"] += row.count
        elif row.kind == "outcome_recorded":
            outcome_counts[row.detail or ""] += row.count
    minutes = waits(db_session=db_session, council_slug=council.slug, start=start, end=end)
    weekly: dict[date, list[int]] = defaultdict(list)
    for day, waited in minutes:
        weekly[week_of(day)].append(waited)
    return Report(
        start=start,
        end=end,
        weeks=weeks_between(start, end),
        funnel=[(kind, label, totals[kind]) for kind, label in events.FUNNEL],
        funnel_by_week={kind: dict(weeks) for kind, weeks in by_week.items()},
        by_offer={offer: dict(kinds) for offer, kinds in by_offer.items()},
        by_district=dict(by_district),
        attendance={offer: (a, n) for offer, (a, n) in attendance.items()},
        crises=dict(crises),
        searches={kind: (f, n) for kind, (f, n) in searches.items()},
        wait_minutes=_wait_summary([waited for _day, waited in minutes]),
        waits_by_week={week: median(values) for week, values in sorted(weekly.items())},
        indicators=indicators(found, council),
        outcomes=dict(outcome_counts),
    )


def _wait_summary(values: list[int]) -> dict[str, float | int | None]:
    if not values:
        return {"count": 0, "median": None, "p90": None, "longest": None}
    ordered = sorted(values)
    return {
        "count": len(ordered),
        "median": median(ordered),
        "p90": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "longest": ordered[-1],
    }


def indicators(found: list[Row], council: Council) -> list[tuple[str, str, str, int]]:
    """The council's chosen UK Shared Prosperity Fund indicators: (key, output or outcome,
    published name, count), each the sum of the events its configuration names."""
    rules = outcome_rules.rules(council.insight.outcome_rules)
    chosen = set(council.insight.ukspf_indicators)
    answer = []
    for indicator in rules.ukspf_indicators:
        if chosen and indicator.key not in chosen:
            continue
        total = sum(row.count for row in found for count in indicator.counts if _counts(row, count))
        answer.append((indicator.key, indicator.kind, indicator.name, total))
    return answer


def _counts(row: Row, count: outcome_rules.Count) -> bool:
    return (
        row.kind == count.event
        and (count.offer is None or row.offer == count.offer)
        and (count.outcome_group is None or row.result == count.outcome_group)
        and (count.weeks is None or row.detail == str(count.weeks))
        and (count.result is None or row.result == count.result)
    )
