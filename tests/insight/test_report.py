"""The officers' counts, from generated events, on SQLite and PostgreSQL: the funnel by week,
offer and district, waits, attendance (corrected), crises, outcomes and the funders'
indicators; and the counts survive retention deleting every conversation and case."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.council import service as council_service
from bot.database import migrate
from bot.database.core import make_engine, session_factory, session_scope
from bot.insight import service as insight
from bot.insight.models import InsightEvent

MONDAY = date(2026, 11, 2)
OFFERS = ("youth_pathways", "working_futures", "skills_for_all")


@pytest.fixture
def sessions(database_url):
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    yield session_factory(engine)
    engine.dispose()


def _generate(sessions, council, seed: int = 7) -> Counter:
    """Four weeks of a made-up service, and what a report must say about it."""
    rng = random.Random(seed)
    expected: Counter = Counter()
    with session_scope(sessions) as db:
        for day in range(28):
            on = MONDAY + timedelta(days=day)
            for _ in range(rng.randint(3, 9)):
                channel = rng.choice(("web", "kiosk"))
                insight.record(db_session=db, council=council, kind="conversation_started",
                               channel=channel, on=on)  # fmt: skip
                expected["conversation_started"] += 1
                expected[("week", "conversation_started", on - timedelta(days=on.weekday()))] += 1
                if rng.random() < 0.6:
                    offer = rng.choice(OFFERS)
                    district = rng.choice(("DB1", "DB2", "DB3"))
                    insight.record(db_session=db, council=council, kind="assessment_completed",
                                   channel=channel, age_band="18-24", district=district,
                                   offer=offer, on=on)  # fmt: skip
                    insight.record(db_session=db, council=council, kind="pathway_offered",
                                   offer=offer, detail="everyone", on=on)  # fmt: skip
                    expected["assessment_completed"] += 1
                    expected["pathway_offered"] += 1
                    expected[("district", district, offer)] += 1
                    if rng.random() < 0.5:
                        insight.record(db_session=db, council=council, kind="booking_made",
                                       offer=offer, detail="phone", on=on)  # fmt: skip
                        expected["booking_made"] += 1
                        expected[("offer", offer, "booking_made")] += 1
                        came = rng.random() < 0.7
                        insight.record(db_session=db, council=council, on=on,
                                       kind="booking_attended" if came else
                                       "booking_not_attended", offer=offer,
                                       detail="phone")  # fmt: skip
                        expected[("attended" if came else "missed", offer)] += 1
                        expected["booking_attended"] += came
                        if came and rng.random() < 0.4:
                            insight.record(db_session=db, council=council, on=on,
                                           kind="outcome_recorded", offer=offer,
                                           detail="job_16h_plus",
                                           result="job_start")  # fmt: skip
                            expected["outcome_recorded"] += 1
            minutes = rng.randint(0, 90)
            insight.record(db_session=db, council=council, kind="handoff_claimed", on=on,
                           offer="youth_pathways", detail="asked", minutes=minutes)  # fmt: skip
            expected[("wait", minutes)] += 1
        insight.record(db_session=db, council=council, kind="crisis_answered", detail="suicide",
                       channel="web", on=MONDAY)  # fmt: skip
        insight.record(db_session=db, council=council, kind="follow_up_recorded",
                       offer="youth_pathways", detail="26", result="sustained",
                       on=MONDAY)  # fmt: skip
    return expected


def test_a_report_counts_what_happened(sessions):
    council = council_service.home()
    expected = _generate(sessions, council)
    with session_scope(sessions) as db:
        report = insight.report(db_session=db, council=council, start=MONDAY,
                                end=MONDAY + timedelta(days=27))  # fmt: skip
    funnel = {kind: count for kind, _label, count in report.funnel}
    for kind in ("conversation_started", "assessment_completed", "pathway_offered",
                 "booking_made", "booking_attended", "outcome_recorded"):  # fmt: skip
        assert funnel[kind] == expected[kind], kind
    assert report.weeks == [MONDAY + timedelta(weeks=i) for i in range(4)]
    for week in report.weeks:
        assert report.funnel_by_week["conversation_started"][week] == \
            expected[("week", "conversation_started", week)]  # fmt: skip
    for offer in OFFERS:
        made = expected[("offer", offer, "booking_made")]
        assert report.by_offer[offer].get("booking_made", 0) == made
        assert report.attendance.get(offer, (0, 0)) == (expected[("attended", offer)],
                                                        expected[("missed", offer)])  # fmt: skip
    assert report.by_district == {
        (key[1], key[2]): n for key, n in expected.items() if key[0] == "district"
    }
    waits = sorted(m for key, n in expected.items() if key[0] == "wait" for m in [key[1]] * n)
    assert report.wait_minutes["count"] == 28 and report.wait_minutes["longest"] == waits[-1]
    assert report.crises == {"suicide": 1}
    indicators = {key: count for key, _kind, _name, count in report.indicators}
    assert indicators["in_employment"] == expected["outcome_recorded"]
    assert indicators["sustained_employment_6_months"] == 1
    assert indicators["engaged_job_searching"] == 28 + expected["booking_attended"]


def test_counts_survive_retention_and_another_council_is_not_counted(sessions):
    from bot.retention import service as retention

    council = council_service.home()
    other = council.copy(update={"slug": "demo-vale"})
    expected = _generate(sessions, council)
    _generate(sessions, other, seed=8)
    engine = make_engine(str(sessions.kw["bind"].url))
    with session_scope(sessions) as db:
        before = insight.report(db_session=db, council=council, start=MONDAY,
                                end=MONDAY + timedelta(days=27))  # fmt: skip
        retention.purge(db_session=db, tracker_engine=engine, council=council,
                        now=datetime(2027, 6, 1, tzinfo=timezone.utc))  # fmt: skip
    with session_scope(sessions) as db:
        after = insight.report(db_session=db, council=council, start=MONDAY,
                               end=MONDAY + timedelta(days=27))  # fmt: skip
        mine = db.execute(select(InsightEvent).where(InsightEvent.council_slug == "demo"))
        assert all(e.council_slug == "demo" for e in mine.scalars())
    engine.dispose()
    assert after.funnel == before.funnel
    assert dict((k, n) for k, _l, n in after.funnel)["conversation_started"] == \
        expected["conversation_started"]  # fmt: skip


def test_a_corrected_attendance_moves_the_count(sessions):
    council = council_service.home()
    with session_scope(sessions) as db:
        for kind in ("booking_attended", "booking_attended", "booking_not_attended"):
            insight.record(db_session=db, council=council, kind=kind, offer="skills_for_all",
                           detail="in_person", on=MONDAY)  # fmt: skip
        assert insight.uncount(db_session=db, council=council, kind="booking_attended", on=MONDAY,
                               offer="skills_for_all", detail="in_person")  # fmt: skip
        other_offer = {"offer": "working_futures", "detail": "in_person"}
        assert not insight.uncount(db_session=db, council=council, kind="booking_attended",
                                   on=MONDAY, **other_offer)  # fmt: skip
        next_day = MONDAY + timedelta(days=1)  # another day's count stays
        assert not insight.uncount(db_session=db, council=council, kind="booking_attended",
                                   on=next_day, offer="skills_for_all",
                                   detail="in_person")  # fmt: skip
    with session_scope(sessions) as db:
        report = insight.report(db_session=db, council=council, start=MONDAY, end=MONDAY)
    assert report.attendance == {"skills_for_all": (1, 1)}


def test_the_demo_councils_made_up_weeks_load_once_and_fill_every_table(sessions):
    from bot.demo import insight as demo_insight

    council = council_service.home()
    with session_scope(sessions) as db:
        written = demo_insight.load(db_session=db, council=council, today=MONDAY)
    with session_scope(sessions) as db:
        assert demo_insight.load(db_session=db, council=council, today=MONDAY) == 0
        report = insight.report(db_session=db, council=council,
                                start=MONDAY - timedelta(weeks=12), end=MONDAY)  # fmt: skip
    assert written > 1000
    assert all(count > 0 for _kind, _label, count in report.funnel)
    assert report.by_district and report.attendance and report.wait_minutes["count"]
