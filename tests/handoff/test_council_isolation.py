"""Two councils on one deployment: nothing of one council's residents reaches the other's staff,
widget or jobs. Demo Borough (the demo data) and Demo Vale (its own staff, no advisers' rota)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.booking import flows as booking_flows
from bot.booking import service as bookings
from bot.booking.models import Booking
from bot.clock import utcnow
from bot.config import PROJECT_ROOT, get_settings
from bot.conversation.models import Conversation
from bot.council import service as council_service
from bot.database.core import make_engine, session_factory, session_scope
from bot.demo.loader import DEMO_PASSWORD
from bot.live import hub as live_hub
from bot.notify import service as notify
from bot.retention import service as retention
from bot.staff import service as staff_service
from tests.handoff import fake_rasa
from tests.handoff.conftest import conversation, open_case

BASE = "http://127.0.0.1"
VALE = "demo-vale"
COMBINED = "demo-combined"


def _vale_file(folder: Path) -> None:
    council = yaml.safe_load((PROJECT_ROOT / "councils" / "demo.yml").read_text())
    council.update(slug=VALE, name="Demo Vale Council", area_name="Demo Vale",
                   phone="0113 496 0500", retention_days=7)  # fmt: skip
    (folder / f"{VALE}.yml").write_text(yaml.safe_dump(council))
    combined = (PROJECT_ROOT / "councils" / "demo-combined.yml").read_text()
    (folder / "demo-combined.yml").write_text(combined)


@pytest.fixture
def app(monkeypatch, tmp_path, demo_copy) -> Iterator[dict]:
    folder = tmp_path / "councils"
    folder.mkdir()
    (folder / "demo.yml").write_text((PROJECT_ROOT / "councils" / "demo.yml").read_text())
    _vale_file(folder)
    with fake_rasa.running() as rasa:
        monkeypatch.setenv("DATABASE_URL", demo_copy)
        monkeypatch.setenv("RASA_URL", rasa.url)
        monkeypatch.setenv("COUNCIL_FILE", str(folder / "demo.yml"))
        get_settings.cache_clear()
        live_hub.get_hub.cache_clear()
        engine = make_engine(demo_copy)
        factory = session_factory(engine)
        with session_scope(factory) as db:
            for key, role, slug in (("valerie", "admin", VALE), ("vic", "adviser", VALE),
                                    ("cara", "team_lead", COMBINED)):  # fmt: skip
                staff_service.create(
                    db_session=db, council_slug=slug, email=f"{key}@{slug}.example",
                    first_name=key.title(), full_name=key.title(), password=DEMO_PASSWORD,
                    role=role, offers=["youth_pathways"],
                )  # fmt: skip
        from bot.main import create_app

        yield {"app": create_app(), "rasa": rasa, "sessions": factory}
        engine.dispose()
        live_hub.get_hub.cache_clear()


def _client(app) -> TestClient:
    return TestClient(app["app"], base_url=BASE, raise_server_exceptions=False)


def _sign_in(client: TestClient, email: str) -> None:
    form = client.get("/console/sign-in")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    done = client.post("/console/sign-in", data={"email": email, "password": DEMO_PASSWORD,
                                                 "csrf": csrf}, follow_redirects=False)  # fmt: skip
    assert done.status_code == 303, done.text


def _borough_case(app) -> str:
    with session_scope(app["sessions"]) as db:
        chat = conversation(db, "conv-borough")
        case = open_case(db, chat.id, offer="youth_pathways")
        case.status, case.contact = "waiting", {"how": "chat"}
        return case.reference


def test_a_council_adviser_cannot_list_open_or_claim_another_councils_case(app):
    reference = _borough_case(app)
    with _client(app) as vale, _client(app) as borough:
        _sign_in(vale, "valerie@demo-vale.example")
        _sign_in(borough, "lead@demo.worklocal.example")
        assert reference in borough.get("/console").text
        assert reference not in vale.get("/console").text
        opened = vale.get(f"/console/cases/{reference}")
        assert opened.status_code == 403
        assert f"There is no case {reference}" in opened.text  # not "another team's"
        claimed = vale.post(f"/console/cases/{reference}/claim", data={"csrf": "x"})
        assert claimed.status_code == 403
        assert "Demo Vale Council" in vale.get("/console").text  # their own council's console


def test_an_admin_sees_and_changes_only_their_own_councils_accounts(app):
    with _client(app) as vale:
        _sign_in(vale, "valerie@demo-vale.example")
        page = vale.get("/console/staff")
        assert "vic@demo-vale.example" in page.text
        assert "amira@demo.worklocal.example" not in page.text
        with session_scope(app["sessions"]) as db:
            amira = staff_service.by_email(db_session=db, email="amira@demo.worklocal.example")
            amira_id = amira.id
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        refused = vale.post(f"/console/staff/{amira_id}",
                            data={"change": "deactivate", "csrf": csrf})  # fmt: skip
        assert refused.status_code == 404
    with session_scope(app["sessions"]) as db:
        assert staff_service.get(db_session=db, staff_id=amira_id).active


def test_an_admin_finds_no_resident_of_another_council(app):
    reference = _borough_case(app)
    with _client(app) as vale, _client(app) as borough:
        _sign_in(vale, "valerie@demo-vale.example")
        _sign_in(borough, "admin@demo.worklocal.example")
        assert "nothing held" not in borough.get("/console/residents", params={"q": reference}).text
        assert "Nothing is held" in vale.get("/console/residents", params={"q": reference}).text


def test_slots_and_bookings_are_the_asking_councils(app):
    with _client(app) as client:
        borough = client.get("/api/v1/slots", params={"offer": "youth_pathways"}).json()["slots"]
        assert borough  # the demo rota's advisers
        vale = client.get("/api/v1/slots", params={"offer": "youth_pathways", "council": VALE})
        assert vale.json()["slots"] == []  # Demo Vale has loaded no rota
        booked = client.post("/api/v1/bookings", json={
            "offer": "youth_pathways", "slot": borough[0]["id"],
            "channel": borough[0]["channels"][0],
            "first_name": "Sam", "contact": "07700 900123", "consent": True,
        })  # fmt: skip
        assert booked.status_code == 201, booked.text
        booked = booked.json()
        contact = {"X-Booking-Contact": "07700 900123"}
        assert (
            client.get(f"/api/v1/bookings/{booked['reference']}", headers=contact).status_code
            == 200
        )
        elsewhere = client.get(f"/api/v1/bookings/{booked['reference']}", headers=contact,
                               params={"council": VALE})  # fmt: skip
        assert elsewhere.status_code == 404
        assert "0113 496 0500" in elsewhere.json()["error"]["message"]  # Vale's own number
        # A slot id from Borough's widget can't be booked through Vale's.
        taken = client.post("/api/v1/bookings", params={"council": VALE}, json={
            "offer": "youth_pathways", "slot": borough[1]["id"],
            "channel": borough[1]["channels"][0],
            "first_name": "Sam", "contact": "07700 900124", "consent": True,
        })  # fmt: skip
        assert taken.status_code in (409, 422)
    with session_scope(app["sessions"]) as db:
        slugs = set(db.execute(select(Booking.council_slug)).scalars())
    assert slugs == {"demo"}


def test_each_council_forgets_on_its_own_retention(app):
    vale = council_service.get(VALE)  # 7 days; Demo Borough keeps 30
    old = utcnow() - timedelta(days=10)
    with session_scope(app["sessions"]) as db:
        for slug in ("demo", VALE):
            db.add(Conversation(id=f"old-{slug}", council_slug=slug, channel="web", turns=1,
                                offered_buttons=[], created_at=old,
                                last_active_at=old))  # fmt: skip
    tracker = make_engine(str(app["sessions"].kw["bind"].url))  # no Rasa events to forget
    with session_scope(app["sessions"]) as db:
        retention.purge(db_session=db, tracker_engine=tracker, council=vale)
    tracker.dispose()
    with session_scope(app["sessions"]) as db:
        left = set(
            db.execute(select(Conversation.id).where(Conversation.id.like("old-%"))).scalars()
        )
    assert left == {"old-demo"}


def test_reminders_and_the_outbox_are_per_council(app):
    borough = council_service.get("demo")
    vale = council_service.get(VALE)
    with session_scope(app["sessions"]) as db:
        offered = bookings.find_slots(db_session=db, council=borough, offer="youth_pathways")
        booking_flows.book(db_session=db, council=borough, slot=offered[0].id,
                           channel=offered[0].channels[0], first_name="Sam",
                           contact_text="07700 900125")  # fmt: skip
    with session_scope(app["sessions"]) as db:
        assert notify.outbox(db_session=db, council_slug="demo")  # the confirmation, held
        assert notify.outbox(db_session=db, council_slug=VALE) == []
        assert booking_flows.queue_reminders(db_session=db, council=vale,
                                             now=utcnow() + timedelta(days=30)) == 0  # fmt: skip


def test_a_conversation_belongs_to_the_council_its_widget_names_and_rasa_is_told(app):
    with _client(app) as client:
        started = client.post("/api/v1/conversations", params={"council": VALE}, json={})
        assert started.status_code == 201, started.text
        chat = started.json()["id"]
        said = client.post(f"/api/v1/conversations/{chat}/messages", json={"text": "hi"})
        assert said.status_code == 200
    assert [m["council"] for m in app["rasa"].metadata] == [VALE, VALE]  # greeting, then "hi"
    with session_scope(app["sessions"]) as db:
        assert db.get(Conversation, chat).council_slug == VALE


def test_a_combined_authoritys_conversation_moves_only_to_a_member_council(app):
    moved = {"text": "You live in Demo Vale...", "custom": {"type": "council", "council": VALE}}
    stray = {"text": "...", "custom": {"type": "council", "council": "elsewhere"}}
    app["rasa"].replies += [[{"text": "Hello"}], [{**stray, "recipient_id": "x"}],
                            [{**moved, "recipient_id": "x"}]]  # fmt: skip
    with _client(app) as client:
        chat = client.post("/api/v1/conversations", params={"council": COMBINED}, json={})
        chat = chat.json()["id"]
        client.post(f"/api/v1/conversations/{chat}/messages", json={"text": "DB9 1AA"})
        with session_scope(app["sessions"]) as db:
            assert db.get(Conversation, chat).council_slug == COMBINED  # not a member: stays
        client.post(f"/api/v1/conversations/{chat}/messages", json={"text": "DB9 1AA"})
        client.post(f"/api/v1/conversations/{chat}/messages", json={"text": "thanks"})
    with session_scope(app["sessions"]) as db:
        assert db.get(Conversation, chat).council_slug == VALE
    assert app["rasa"].metadata[-1]["council"] == VALE  # the actions now answer as Demo Vale


def test_a_corrected_postcode_moves_the_resident_to_the_other_member_council(app):
    """Moved to Demo Vale, "sorry i meant DB1 1AA" moves them to Demo Borough: the authority it
    began in is kept, and named to the actions; a member's own widget never moves anyone."""
    to_vale = {"text": "You live in Demo Vale...", "custom": {"type": "council", "council": VALE}}
    to_borough = {"text": "You live in Demo Borough...",
                  "custom": {"type": "council", "council": "demo"}}  # fmt: skip
    app["rasa"].replies += [[{"text": "Hello"}], [{**to_vale, "recipient_id": "x"}],
                            [{**to_borough, "recipient_id": "x"}], [{"text": "Hello"}],
                            [{**to_borough, "recipient_id": "y"}]]  # fmt: skip
    with _client(app) as client:
        chat = client.post("/api/v1/conversations", params={"council": COMBINED}, json={})
        chat = chat.json()["id"]
        client.post(f"/api/v1/conversations/{chat}/messages", json={"text": "DB9 1AA"})
        client.post(
            f"/api/v1/conversations/{chat}/messages", json={"text": "sorry i meant DB1 1AA"}
        )
        vale_widget = client.post("/api/v1/conversations", params={"council": VALE}, json={})
        vale_chat = vale_widget.json()["id"]
        client.post(f"/api/v1/conversations/{vale_chat}/messages", json={"text": "DB1 1AA"})
    with session_scope(app["sessions"]) as db:
        moved_twice = db.get(Conversation, chat)
        assert (moved_twice.council_slug, moved_twice.authority_slug) == ("demo", COMBINED)
        assert db.get(Conversation, vale_chat).council_slug == VALE  # not an authority's
    assert app["rasa"].metadata[2]["authority"] == COMBINED  # the correction, told whose widget
    assert "authority" not in app["rasa"].metadata[-1]


def test_combined_authority_staff_see_their_members_cases_and_members_not_each_others(app):
    reference = _borough_case(app)
    with _client(app) as combined, _client(app) as vale:
        _sign_in(combined, "cara@demo-combined.example")
        _sign_in(vale, "valerie@demo-vale.example")
        assert reference in combined.get("/console").text
        assert combined.get(f"/console/cases/{reference}").status_code == 200
        assert vale.get(f"/console/cases/{reference}").status_code == 403


def test_limits_count_per_council_and_address(app, monkeypatch):
    monkeypatch.setenv("CONVERSATIONS_PER_HOUR", "1")
    get_settings.cache_clear()
    from bot.main import create_app

    with TestClient(create_app(), base_url=BASE) as client:
        assert client.post("/api/v1/conversations", json={"greet": False}).status_code == 201
        again = client.post("/api/v1/conversations", json={"greet": False})
        assert again.status_code == 429
        assert "0113 496 0000" in again.json()["error"]["message"]
        there = client.post(
            "/api/v1/conversations", params={"council": VALE}, json={"greet": False}
        )
        assert there.status_code == 201  # the other council's residents at the same library


def test_another_councils_appointments_and_outbox_are_not_shown_or_recorded(app):
    borough = council_service.get("demo")
    with session_scope(app["sessions"]) as db:
        first = bookings.find_slots(db_session=db, council=borough, offer="youth_pathways")[0]
        booked = booking_flows.book(db_session=db, council=borough, slot=first.id,
                                    channel=first.channels[0], first_name="Sam",
                                    contact_text="07700 900126")  # fmt: skip
        reference = booked.reference
    with _client(app) as vale, _client(app) as borough:
        _sign_in(vale, "valerie@demo-vale.example")
        _sign_in(borough, "admin@demo.worklocal.example")
        assert reference in borough.get("/console/outbox").text  # the confirmation, held
        assert reference not in vale.get("/console/outbox").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', vale.get("/console").text).group(1)
        refused = vale.post(f"/console/appointments/{reference}/attendance",
                            data={"csrf": csrf, "attended": "attended"})  # fmt: skip
        assert refused.status_code == 404
