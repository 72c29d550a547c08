"""What residents asked that the assistant could not answer: kept without personal data, for
the council's retention period, grouped by wording so officers see what to add next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.clock import utcnow
from bot.conversation import guard
from bot.council import service as council_service
from bot.council.models import Council
from bot.insight.grouping import group
from bot.insight.models import UnansweredQuestion
from bot.insight.scrub import scrub

KINDS = {
    "not_understood": "Not understood",
    "out_of_scope": "Not something we help with",
    "no_results": "Search found nothing",
}


def remember(*, db_session: Session, council: Council, kind: str, text: str) -> bool:
    """Store the question with names, contacts, numbers and postcodes taken out; nothing is
    stored when nothing useful is left."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    cleaned = scrub(guard.normalise(text))  # storable whatever arrives (a lone surrogate)
    if not cleaned:
        return False
    db_session.add(
        UnansweredQuestion(
            council_slug=council.slug,
            kind=kind,
            text=cleaned[:300],
            asked_on=council_service.local_today(council),
        )
    )
    return True


@dataclass(frozen=True)
class Group:
    """Questions worded alike: one to show, how many, by week, and their ids."""

    text: str
    kinds: tuple[str, ...]
    count: int
    by_week: dict[date, int]
    ids: tuple[int, ...]


def groups(
    *, db_session: Session, council_slug: str, start: date, end: date, handled: bool = False
) -> list[Group]:
    """The period's questions grouped by similar wording, the most asked first."""
    found = (
        db_session.execute(
            select(UnansweredQuestion).where(
                UnansweredQuestion.council_slug == council_slug,
                UnansweredQuestion.asked_on >= start,
                UnansweredQuestion.asked_on <= end,
                UnansweredQuestion.handled_at.is_not(None)
                if handled
                else UnansweredQuestion.handled_at.is_(None),
            )
        )
        .scalars()
        .all()
    )
    by_text: dict[str, list[UnansweredQuestion]] = {}
    for question in found:
        by_text.setdefault(question.text, []).append(question)
    answer = []
    for shown, members in group(list(by_text)):
        rows = [row for text in dict.fromkeys(members) for row in by_text[text]]
        weeks: dict[date, int] = {}
        for row in rows:
            week = row.asked_on - timedelta(days=row.asked_on.weekday())
            weeks[week] = weeks.get(week, 0) + 1
        answer.append(
            Group(
                text=shown,
                kinds=tuple(sorted({row.kind for row in rows})),
                count=len(rows),
                by_week=dict(sorted(weeks.items())),
                ids=tuple(sorted(row.id for row in rows)),
            )
        )
    return sorted(answer, key=lambda g: (-g.count, g.text))


def mark_handled(*, db_session: Session, council_slug: str, ids: list[int], staff_id: int) -> int:
    """An officer has dealt with these (added content, asked for data): off the list."""
    return (
        db_session.execute(
            update(UnansweredQuestion)
            .where(
                UnansweredQuestion.council_slug == council_slug,
                UnansweredQuestion.id.in_(ids),
                UnansweredQuestion.handled_at.is_(None),
            )
            .values(handled_at=utcnow(), handled_by=staff_id)
            .execution_options(synchronize_session=False)
        ).rowcount
        or 0
    )


def purge(*, db_session: Session, council: Council, now: datetime | None = None) -> int:
    """Questions older than the council's retention period go, handled or not."""
    today = (now or utcnow()).astimezone(ZoneInfo(council.timezone)).date()
    cutoff = today - timedelta(days=council.retention_days)
    return (
        db_session.execute(
            delete(UnansweredQuestion)
            .where(
                UnansweredQuestion.council_slug == council.slug,
                UnansweredQuestion.asked_on < cutoff,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        or 0
    )
