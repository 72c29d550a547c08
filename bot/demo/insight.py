"""Twelve weeks of made-up activity for the fictional demo council, so that a newcomer who
signs in as the demo officer sees what the insight pages do. Loaded once (only when the demo
council has no events yet), through the same ``record`` every real event takes, and the
insight page says the demo council's counts include it."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.council.models import Council
from bot.insight import service as insight
from bot.insight.models import InsightEvent, UnansweredQuestion
from bot.insight.scrub import scrub

DAYS = 84
DISTRICTS = ("DB1", "DB2", "DB3", "DB4")
OFFERS = {"youth_pathways": ("18-24", "16-17"), "working_futures": ("25-49", "50-64"),
          "skills_for_all": ("25-49", "50-64", "65+", "18-24")}  # fmt: skip
REASONS = {"youth_pathways": "not_in_work_or_learning", "working_futures": "out_of_work_a_year",
           "skills_for_all": "everyone"}  # fmt: skip
OUTCOMES = (("job_16h_plus", "job_start"), ("job_under_16h", "job_start"),
            ("apprenticeship", "job_start"), ("training_part_time", "training_start"),
            ("qualification_gained", "qualification"), ("volunteering", "volunteering"),
            ("no_longer_engaged", "no_longer_engaged"))  # fmt: skip
QUESTIONS = (
    "how do i get a forklift licence", "forklift license pls", "where can i do my forklift licence",
    "can u help me renew my bus pass", "do you do CSCS card courses", "cscs card test near me",
    "can i get help with childcare costs while i train", "is there a course in dog grooming",
    "how much is a provisional driving licence", "can i do an nvq in beauty on universal credit",
    "wot time does the library open", "any night shifts at the hospital",
)  # fmt: skip


def load(*, db_session: Session, council: Council, today: date, seed: int = 2026) -> int:
    """The demo events, once; returns how many were written (0 when there were some)."""
    held = db_session.execute(
        select(func.count()).where(InsightEvent.council_slug == council.slug)
    ).scalar()
    if held:
        return 0
    rng = random.Random(seed)
    written = 0

    def add(kind: str, on: date, **fields) -> None:
        nonlocal written
        insight.record(db_session=db_session, council=council, kind=kind, on=on, **fields)
        written += 1

    for back in range(DAYS, 0, -1):
        on = today - timedelta(days=back)
        busy = rng.randint(4, 9) if on.weekday() >= 5 else rng.randint(12, 26)
        for _ in range(busy):
            channel = "kiosk" if rng.random() < 0.2 else "web"
            add("conversation_started", on, channel=channel)
            if rng.random() < 0.65:
                found = rng.random() < 0.85
                add(
                    "search_made",
                    on,
                    channel=channel,
                    result="found" if found else "none",
                    detail=rng.choice(("course", "job", "job", "service", "apprenticeship")),
                )
            if rng.random() < 0.06:
                add("not_understood", on, channel=channel)
            if rng.random() < 0.01:
                add(
                    "crisis_answered",
                    on,
                    channel=channel,
                    detail=rng.choice(("housing", "homeless_tonight", "suicide", "abuse")),
                )
            if rng.random() >= 0.45:
                continue
            offer = rng.choice(list(OFFERS))
            add(
                "assessment_completed",
                on,
                channel=channel,
                offer=offer,
                age_band=rng.choice(OFFERS[offer]),
                district=rng.choice(DISTRICTS),
            )
            add("pathway_offered", on, offer=offer, detail=REASONS[offer])
            if rng.random() < 0.3:
                add("plan_made", on, channel=channel)
            if rng.random() < 0.25:
                add("handoff_requested", on, offer=offer, detail="asked", result="routine")
                add(
                    "handoff_claimed",
                    on,
                    offer=offer,
                    detail="asked",
                    minutes=min(int(rng.lognormvariate(2.3, 0.8)), 240),
                )
            if rng.random() < 0.2:
                add("booking_made", on, offer=offer, detail=rng.choice(("in_person", "phone")))
                came = rng.random() < 0.78
                add(
                    "booking_attended" if came else "booking_not_attended",
                    on,
                    offer=offer,
                    detail="in_person",
                )
                if came and rng.random() < 0.35:
                    outcome, group = rng.choice(OUTCOMES)
                    add("outcome_recorded", on, offer=offer, detail=outcome, result=group)
    for back, text in enumerate(QUESTIONS * 2):
        cleaned = scrub(text)
        if cleaned:
            db_session.add(UnansweredQuestion(
                council_slug=council.slug, kind="not_understood" if back % 3 else "no_results",
                text=cleaned, asked_on=today - timedelta(days=1 + (back * 5) % 27)))  # fmt: skip
    return written
