"""Whose the catalogue's records are: a council's local courses, jobs and services are only its
own residents'; online and national provision (and a feed imported as shared) is everyone's."""

from __future__ import annotations

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.catalogue.course import service as courses
from bot.catalogue.course.models import Course
from bot.catalogue.imports import flows
from bot.catalogue.search.service import Search
from bot.catalogue.support import service as services
from bot.catalogue.support.models import SupportService
from bot.catalogue.vacancy import service as vacancies
from bot.catalogue.vacancy.models import Vacancy
from bot.config import PROJECT_ROOT, get_settings
from bot.database.core import session_scope
from bot.demo.loader import REGIONAL_PROVIDER
from tests.catalogue.conftest import IMPORTS

KINDS = [(courses, Course), (vacancies, Vacancy), (services, SupportService)]


def _owners(db, model, ids) -> set[str | None]:
    return set(db.execute(select(model.council_slug).where(model.id.in_(ids))).scalars())


def test_the_demo_councils_local_records_are_its_own_and_online_ones_shared(demo_db):
    local = demo_db.execute(select(Course).where(Course.delivery_mode == "in_person")).scalars()
    owners = {(c.provider.name == REGIONAL_PROVIDER, c.council_slug) for c in local}
    assert owners == {(False, "demo"), (True, None)}  # a regional college's courses are shared
    online = demo_db.execute(select(Course).where(Course.delivery_mode == "online")).scalars()
    assert {c.council_slug for c in online} == {None}
    assert {v.council_slug for v in demo_db.execute(select(Vacancy)).scalars()} == {"demo", None}


@pytest.mark.parametrize(("service", "model"), KINDS)
def test_another_councils_residents_find_only_shared_records(demo_db, service, model):
    everything = service.search(Search(text="", per_page=1000), db_session=demo_db)
    mine = service.search(Search(text="", per_page=1000, council_slug="demo"), db_session=demo_db)
    theirs = service.search(Search(text="", per_page=1000, council_slug="demo-vale"),
                            db_session=demo_db)  # fmt: skip
    combined = service.search(Search(text="", per_page=1000, council_slug="demo-combined"),
                              db_session=demo_db)  # fmt: skip
    assert mine.total == everything.total
    assert 0 < theirs.total < mine.total
    assert combined.total == everything.total  # a combined authority: its members' records too
    assert _owners(demo_db, model, [h.row.id for h in theirs.hits]) == {None}


def test_a_council_can_hide_a_shared_record(demo_db):
    shared = demo_db.execute(select(Course).where(Course.council_slug.is_(None))).scalars().first()
    plain = Search(text=shared.title, per_page=50, council_slug="demo")
    hiding = Search(text=shared.title, per_page=50, council_slug="demo",
                    hidden=frozenset({shared.uid}))  # fmt: skip
    assert shared.id in {h.row.id for h in courses.search(plain, db_session=demo_db).hits}
    assert shared.id not in {h.row.id for h in courses.search(hiding, db_session=demo_db).hits}


def test_an_import_gives_local_records_to_its_council_or_to_everyone_when_shared(demo_db):
    path = IMPORTS / "courses.json"
    flows.run("postcodes", IMPORTS / "postcodes.csv", db_session=demo_db, council_slug=None)
    assert flows.run("courses", path, db_session=demo_db, council_slug="demo-vale",
                     source="vale-college").ok  # fmt: skip
    imported = demo_db.execute(select(Course).where(Course.source == "vale-college")).scalars()
    owners = {(c.delivery_mode == "online" or c.national, c.council_slug) for c in imported}
    assert owners == {(False, "demo-vale"), (True, None)}
    assert flows.run("courses", path, db_session=demo_db, council_slug=None,
                     source="vale-college").ok  # fmt: skip
    again = demo_db.execute(select(Course.council_slug).where(Course.source == "vale-college"))
    assert set(again.scalars()) == {None}  # regional provision: every council's residents'


@pytest.fixture
def client(tmp_path, monkeypatch, demo_copy):
    folder = tmp_path / "councils"
    folder.mkdir()
    demo = (PROJECT_ROOT / "councils" / "demo.yml").read_text()
    (folder / "demo.yml").write_text(demo)
    vale = yaml.safe_load(demo) | {"slug": "demo-vale", "name": "Demo Vale Council"}
    (folder / "demo-vale.yml").write_text(yaml.safe_dump(vale))
    monkeypatch.setenv("COUNCIL_FILE", str(folder / "demo.yml"))
    monkeypatch.setenv("DATABASE_URL", demo_copy)
    get_settings.cache_clear()
    from bot.main import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.mark.parametrize(("kind", "model"), [("courses", Course), ("vacancies", Vacancy),
                                             ("services", SupportService)])  # fmt: skip
def test_the_api_never_gives_one_councils_local_record_to_anothers_widget(client, kind, model):
    with session_scope() as db:
        mine = set(db.execute(select(model.uid).where(model.council_slug == "demo")).scalars())
    ours = client.get(f"/api/v1/{kind}", params={"per_page": 50}).json()
    theirs = client.get(f"/api/v1/{kind}", params={"per_page": 50, "council": "demo-vale"}).json()
    assert ours["total"] > theirs["total"]
    assert mine & {r["id"] for r in ours["results"]}
    assert not mine & {r["id"] for r in theirs["results"]}
    local = sorted(mine)[0]
    assert client.get(f"/api/v1/{kind}/{local}").status_code == 200
    assert client.get(f"/api/v1/{kind}/{local}", params={"council": "demo-vale"}).status_code == 404
