"""The one clock: pinned by tests, started at a chosen moment by a whole process, UTC in the
database whatever the driver hands back."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Column, Integer, create_engine, select
from sqlalchemy.orm import Session, declarative_base

from bot import clock
from tests.conftest import TEST_AT

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 30, tzinfo=timezone.utc)


def test_a_pinned_clock_stands_still_until_moved_and_lets_go_after():
    with clock.pinned(SATURDAY_NIGHT) as pinned:
        assert clock.utcnow() == SATURDAY_NIGHT == clock.utcnow()
        pinned.advance(minutes=45)
        assert clock.utcnow() == SATURDAY_NIGHT + timedelta(minutes=45)
        assert clock.today() == SATURDAY_NIGHT.date() + timedelta(days=1)  # past midnight
    assert abs(clock.utcnow() - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_today_is_the_councils_date_across_the_summer_time_midnight():
    # 23:30 UTC on 31 July is 00:30 on 1 August in London: the new academic year's rules.
    with clock.pinned(datetime(2027, 7, 31, 23, 30, tzinfo=timezone.utc)):
        assert str(clock.today()) == "2027-07-31"
        assert str(clock.today(ZoneInfo("Europe/London"))) == "2027-08-01"


def test_a_process_started_with_worklocal_clock_begins_there_and_ticks_on():
    code = (
        "import time; from bot import clock; a = clock.utcnow(); time.sleep(0.2); "
        "b = clock.utcnow(); print(a.isoformat()); print((b - a).total_seconds())"
    )
    env = {**os.environ, clock.ENV: "2027-03-28T00:59:59Z"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True).stdout.split()  # fmt: skip
    started, ticked = clock.parse_moment(out[0]), float(out[1])
    assert (
        timedelta(0)
        <= started - datetime(2027, 3, 28, 0, 59, 59, tzinfo=timezone.utc)
        < (timedelta(seconds=2))
    )
    assert 0.15 < ticked < 2


def test_moments_without_an_offset_are_utc_and_others_are_converted():
    assert clock.parse_moment("2026-12-31T23:45:00") == datetime(
        2026, 12, 31, 23, 45, tzinfo=timezone.utc
    )
    assert clock.parse_moment("2027-06-01T10:00:00+01:00").hour == 9
    assert clock.as_utc(datetime(2027, 6, 1, 10, tzinfo=ZoneInfo("Europe/London"))).hour == 9


Base = declarative_base()


class Stamp(Base):
    __tablename__ = "stamps"
    id = Column(Integer, primary_key=True)
    at = Column(clock.UTCDateTime, nullable=False)


def test_utc_columns_read_back_aware_and_store_the_same_instant(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'stamps.db'}", future=True)
    Base.metadata.create_all(engine)
    london_summer = datetime(2027, 6, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    with Session(engine) as db_session:
        db_session.add_all([Stamp(id=1, at=london_summer), Stamp(id=2, at=SATURDAY_NIGHT)])
        db_session.commit()
    with Session(engine) as db_session:
        read = dict(db_session.execute(select(Stamp.id, Stamp.at)).all())
    assert read[1] == london_summer and read[1].tzinfo is not None
    assert read[1].utcoffset() == timedelta(0) and read[2] == SATURDAY_NIGHT


@pytest.mark.skipif(not os.environ.get(TEST_AT), reason=f"only when {TEST_AT} is set")
def test_the_date_proof_runs_really_run_at_their_moment():
    """scripts/test.sh runs the clock-sensitive tests at chosen moments; this says they did."""
    at = clock.parse_moment(os.environ[TEST_AT])
    assert at <= clock.utcnow() < at + timedelta(hours=1)
    assert at <= datetime.now(timezone.utc) < at + timedelta(hours=1)  # code not using the clock
