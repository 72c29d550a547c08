"""Officers load the advisers' rota from one file; any problem is named and nothing is written."""

from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot.booking import rota
from bot.booking.models import Adviser
from bot.demo.loader import ROTA


def _advisers(db) -> dict[str, Adviser]:
    return {a.key: a for a in db.execute(select(Adviser)).scalars()}


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "rota.yml"
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data)
    return path


def test_the_demo_rota_is_loaded_with_its_venues(demo_db):
    advisers = _advisers(demo_db)
    assert len(advisers) == 7 and all(a.active for a in advisers.values())
    priya = advisers["priya"]
    assert priya.offers == ["skills_for_all", "youth_pathways"]  # her team, and the extra one
    sessions = rota.sessions_of(priya)
    assert {s.weekday for s in sessions} == {0, 2, 3}
    assert all(isinstance(s.venue, int) for s in sessions if "in_person" in s.channels)


def test_reimporting_updates_and_leaving_someone_out_retires_them(demo_db, tmp_path):
    data = yaml.safe_load(ROTA.read_text())
    report = rota.load(ROTA, council_slug="demo", db_session=demo_db)
    assert (report.added, report.updated, report.retired) == (0, 7, [])
    data["advisers"] = [a for a in data["advisers"] if a["key"] != "owen"]
    data["advisers"][0]["first_name"] = "Amira-Rose"
    report = rota.load(_write(tmp_path, data), council_slug="demo", db_session=demo_db)
    assert report.retired == ["owen"] and "1 retired (owen)" in report.summary()
    advisers = _advisers(demo_db)
    assert not advisers["owen"].active and advisers["amira"].first_name == "Amira-Rose"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a[0]["sessions"][0].update(venue="Atlantis Library"),
         "adviser amira, sessions 1: venue 'Atlantis Library': no venue has that name"),
        (lambda a: a[0]["sessions"][0].update(weekday="funday"),
         "adviser amira, sessions 1, weekday: unknown weekday 'funday'"),
        (lambda a: a[0]["sessions"][0].pop("venue"),
         "adviser amira, sessions 1, channels: an in-person session needs a venue"),
        (lambda a: a[1].update(key="amira"), "adviser amira: the key is used more than once"),
        (lambda a: a[2].update(team="astronauts"), "adviser grace, team: unknown team"),
        (lambda a: a[3]["sessions"][0].update(end="08:00"),
         "adviser tomasz, sessions 1, end: a session must end after it starts"),
        (lambda a: a[3].update(time_off=[{"on": "2026-12-24", "until": "2026-12-20"}]),
         "adviser tomasz, time_off 1, until: 'until' is before 'on'"),
    ],
)  # fmt: skip
def test_a_broken_rota_names_the_problem_and_writes_nothing(demo_db, tmp_path, change, message):
    data = yaml.safe_load(ROTA.read_text())
    change(data["advisers"])
    before = {k: (a.first_name, a.active) for k, a in _advisers(demo_db).items()}
    with pytest.raises(rota.RotaError) as caught:
        rota.load(_write(tmp_path, data), council_slug="demo", db_session=demo_db)
    assert any(message in problem for problem in caught.value.problems), caught.value.problems
    assert {k: (a.first_name, a.active) for k, a in _advisers(demo_db).items()} == before


@pytest.mark.parametrize("content", ["advisers: [", "just words", "advisers: []"])
def test_a_file_that_is_not_a_rota_is_refused(demo_db, tmp_path, content):
    with pytest.raises(rota.RotaError):
        rota.load(_write(tmp_path, content), council_slug="demo", db_session=demo_db)


def test_days_off_cover_every_day_of_a_run(demo_db):
    adviser = _advisers(demo_db)["amira"]
    adviser.time_off = [{"on": "2026-12-24", "until": "2026-12-27", "start": None, "end": None}]
    days = [t.on.isoformat() for t in rota.time_off_of(adviser)]
    assert days == ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27"]
