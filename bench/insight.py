"""How long the officers' insight page takes to count a big council's year, on SQLite and (when
the test services run) PostgreSQL: a year of events at 1,000 and 4,000 events a day (a large
council's widget and kiosks), the 12-week default page, a whole year, and a quarter's district
table. Writes docs/benchmarks.md, "Insight".

    .venv/bin/python bench/insight.py          # or: make bench-insight
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import write_section
from bot.council import service as council_service
from bot.database import migrate
from bot.database.core import make_engine, session_factory, session_scope
from bot.insight import export
from bot.insight import service as insight
from bot.insight.models import InsightEvent

END = date(2026, 11, 29)
KINDS = ("conversation_started", "search_made", "assessment_completed", "pathway_offered",
         "handoff_requested", "handoff_claimed", "booking_made", "booking_attended",
         "outcome_recorded", "not_understood")  # fmt: skip
WEIGHTS = (30, 20, 14, 14, 4, 3, 5, 4, 2, 4)
OFFERS = ("youth_pathways", "working_futures", "skills_for_all")


def _rows(per_day: int, rng: random.Random):
    for back in range(365):
        on = END - timedelta(days=back)
        for kind in rng.choices(KINDS, WEIGHTS, k=per_day):
            yield {
                "id": f"{rng.getrandbits(128):032x}", "council_slug": "demo", "kind": kind,
                "occurred_on": on, "offer": rng.choice(OFFERS),
                "channel": "web" if kind in ("conversation_started", "search_made") else None,
                "district": f"DB{rng.randint(1, 30)}" if kind == "assessment_completed" else None,
                "age_band": "25-49" if kind == "assessment_completed" else None,
                "minutes": rng.randint(0, 120) if kind == "handoff_claimed" else None,
            }  # fmt: skip


def _load(url: str, per_day: int) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    rng, batch = random.Random(per_day), []
    with engine.begin() as connection:
        for row in _rows(per_day, rng):
            batch.append(row)
            if len(batch) == 20_000:
                connection.execute(insert(InsightEvent), batch)
                batch = []
        if batch:
            connection.execute(insert(InsightEvent), batch)
    engine.dispose()


def _time(url: str) -> dict[str, float]:
    council = council_service.get_default()
    sessions = session_factory(make_engine(url))
    timings = {}
    periods = {"12 weeks": END - timedelta(weeks=12), "a year": END - timedelta(days=364)}
    for name, start in periods.items():
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            with session_scope(sessions) as db:
                insight.report(db_session=db, council=council, start=start, end=END)
            best = min(best, time.perf_counter() - began)
        timings[name] = best
    began = time.perf_counter()
    with session_scope(sessions) as db:
        first, last = insight.quarter_of(END)
        export.districts(insight.report(db_session=db, council=council, start=first, end=last))
    timings["quarter by district"] = time.perf_counter() - began
    return timings


def main() -> int:
    targets = [("SQLite", None)]
    if os.environ.get("TEST_POSTGRES_URL"):
        targets.append(("PostgreSQL", os.environ["TEST_POSTGRES_URL"]))
    lines = []
    for per_day in (1_000, 4_000):
        for name, base in targets:
            with tempfile.TemporaryDirectory() as folder:
                url = _bench_database(base) if base else f"sqlite:///{folder}/insight.db"
                began = time.perf_counter()
                _load(url, per_day)
                loaded = time.perf_counter() - began
                timings = _time(url)
            lines.append(
                f"| {name} | {per_day * 365:,} | {timings['12 weeks'] * 1000:.0f} ms | "
                f"{timings['a year'] * 1000:.0f} ms | {timings['quarter by district'] * 1000:.0f}"
                f" ms | {loaded:.0f} s |"
            )
            print(lines[-1], flush=True)
    body = "\n".join([
        "The officers' insight page (`bot.insight.service.report`) over a year of anonymous",
        "events for one council, made up at two volumes (1,000 and 4,000 events a day). Best of",
        "three for the page; once for the quarter's district table (what the districts export",
        "reads). Target: the default 12-week page under 1 s at the larger volume.",
        "",
        "| database | events | 12 weeks | a year | quarter by district | loading the events |",
        "| --- | --- | --- | --- | --- | --- |",
        *lines,
    ])  # fmt: skip
    write_section("Insight", body)
    return 0


def _bench_database(url: str) -> str:
    """A new database of its own on the test services' PostgreSQL (never the tests' one)."""
    target = make_url(url).set(database="worklocal_bench")
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql("DROP DATABASE IF EXISTS worklocal_bench")
        connection.exec_driver_sql("CREATE DATABASE worklocal_bench")
    admin.dispose()
    return target.render_as_string(hide_password=False)


if __name__ == "__main__":
    raise SystemExit(main())
