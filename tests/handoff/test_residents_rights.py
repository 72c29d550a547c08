"""Residents see, copy and ask to erase what is held about them; admins find, export and erase
it, keeping what must be kept (bot/privacy). Through the real app on a copy of the demo data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.audit.models import AuditEntry
from bot.booking.models import Booking
from bot.config import get_settings
from bot.conversation.models import Conversation
from bot.database.core import make_engine, session_factory, session_scope
from bot.handoff import service as cases
from bot.handoff.models import Case
from bot.privacy.models import ErasureRequest
from tests.handoff import fake_rasa
from tests.handoff.conftest import adviser, conversation, open_case
from tests.handoff.test_console import _csrf, sign_in

BASE = "http://127.0.0.1"
PHONE = "07700 900555"


@pytest.fixture
def app(monkeypatch, demo_copy, pinned_clock) -> Iterator[dict]:
    with fake_rasa.running() as rasa:
        monkeypatch.setenv("DATABASE_URL", demo_copy)
        monkeypatch.setenv("RASA_URL", rasa.url)
        get_settings.cache_clear()
        from bot.main import create_app

        yield {"app": create_app(), "url": demo_copy}


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app["app"], base_url=BASE, raise_server_exceptions=False) as test_client:
        yield test_client


def _db(app):
    engine = make_engine(app["url"])
    return engine, session_factory(engine)


def _booked(client) -> str:
    slot = client.get("/api/v1/slots", params={"offer": "youth_pathways"}).json()["slots"][0]
    made = client.post("/api/v1/bookings", json={
        "offer": "youth_pathways", "slot": slot["id"], "channel": slot["channels"][0],
        "first_name": "Rosa", "contact": PHONE, "consent": True,
    })  # fmt: skip
    assert made.status_code == 201, made.text
    return made.json()["reference"]


def _case(app, reason: str = "asked", note: str | None = None) -> str:
    """A case a resident asked for, with their number and, if given, an adviser's note."""
    engine, factory = _db(app)
    with session_scope(factory) as db:
        conversation(db, f"conv-{reason}")
        case = open_case(db, f"conv-{reason}", reason=reason)
        case.contact = {"how": "phone", "value": PHONE.replace(" ", ""), "name": "Rosa"}
        if note:
            cases.add_note(db_session=db, case=case, staff=adviser(db), text=note)
        reference = case.reference
    engine.dispose()
    return reference


def _ask(client, reference: str, contact: str = PHONE, action: str = "show"):
    return client.post("/my-information", data={"reference": reference, "contact": contact,
                                                 "action": action})  # fmt: skip


def test_a_resident_sees_and_downloads_what_is_held_with_their_reference_and_contact(client):
    reference = _booked(client)
    page = _ask(client, reference.lower().replace("-", " "), "+44 7700 900555")
    assert page.status_code == 200 and reference in page.text and "Rosa" in page.text
    assert page.headers["cache-control"] == "no-store"
    copy = _ask(client, reference, action="download")
    assert copy.headers["content-disposition"].startswith("attachment;")
    held = json.loads(copy.text)
    assert [b["reference"] for b in held["appointments"]] == [reference]
    assert held["messages_sent_to_you"][0]["to"] == "07700900555"  # the confirmation text
    for wrong in (_ask(client, reference, "07700 900999"), _ask(client, "ZZZ-ZZZ")):
        assert wrong.status_code == 404  # the same answer whichever part was wrong
        assert "find anything held under that reference" in wrong.text
        assert "Rosa" not in wrong.text
        assert '<a href="#reference">' in wrong.text  # the error summary goes to the field
    blank = _ask(client, "", "")
    assert blank.status_code == 422 and blank.text.count("govuk-error-message") == 2
    assert '<a href="#reference">Enter your reference</a>' in blank.text
    assert '<a href="#contact">' in blank.text and "<title>Error:" in blank.text


def test_a_resident_asks_for_erasure_and_an_admin_erases_it(client, app):
    reference = _booked(client)
    asked = _ask(client, reference, action="erase")
    assert asked.status_code == 200 and "We've received your request" in asked.text
    sign_in(client, "admin")
    queue = client.get("/console/residents")
    assert reference in queue.text and "07700900555" not in queue.text  # the contact, masked
    found = client.get("/console/residents", params={"q": reference})
    assert "Rosa" in found.text
    csrf = _csrf(found.text)
    unticked = client.post("/console/residents/erase", data={"q": reference, "csrf": csrf})
    assert unticked.status_code == 422
    erased = client.post("/console/residents/erase",
                         data={"q": reference, "csrf": csrf, "confirm": "yes"})  # fmt: skip
    assert erased.status_code == 200 and f"Nothing is held under {reference}" in erased.text
    assert _ask(client, reference).status_code == 404  # nothing is held any more
    database = Path(app["url"].removeprefix("sqlite:///"))
    for file in (database, database.with_name(database.name + "-wal")):
        if file.exists():  # neither the database nor its log keeps the contact
            assert b"07700900555" not in file.read_bytes(), file.name
    engine, factory = _db(app)
    with session_scope(factory) as db:
        assert db.execute(select(Booking).where(Booking.reference == reference)).first() is None
        request = db.execute(select(ErasureRequest)).scalar_one()
        assert request.status == "erased" and request.contact is None
        actions = db.execute(select(AuditEntry.action)).scalars().all()
        assert {"resident_looked_up", "resident_erased"} <= set(actions)
    engine.dispose()


def test_an_admin_s_copy_has_advisers_notes_and_a_safeguarding_case_is_kept(client, app):
    reference = _case(app, reason="crisis", note="Safeguarding referral made")
    sign_in(client, "amira")  # an adviser: not theirs to search
    assert client.get("/console/residents", params={"q": reference}).status_code == 403
    client.cookies.clear()
    sign_in(client, "admin")
    found = client.get("/console/residents", params={"q": PHONE})  # found by contact too
    assert reference in found.text and "is still open: it is a safeguarding record" in found.text
    copy = client.get("/console/residents/export", params={"q": reference}).json()
    assert copy["cases"][0]["advisers_notes"][0]["text"] == "Safeguarding referral made"
    csrf = _csrf(found.text)
    client.post("/console/residents/erase", data={"q": reference, "csrf": csrf, "confirm": "yes"})
    engine, factory = _db(app)
    with session_scope(factory) as db:
        assert db.execute(select(Case).where(Case.reference == reference)).scalar_one()
        assert "resident_exported" in db.execute(select(AuditEntry.action)).scalars().all()
    engine.dispose()


def test_a_closed_case_with_notes_is_erased_whole_with_every_conversation_it_came_from(client, app):
    reference = _case(app, reason="asked", note="Rang back")
    engine, factory = _db(app)
    with session_scope(factory) as db:
        case = db.execute(select(Case).where(Case.reference == reference)).scalar_one()
        case.status = "closed"
        # An appointment booked for the case in another chat of the resident's.
        conversation(db, "conv-booked-in")
        slot = client.get("/api/v1/slots", params={"offer": "youth_pathways"}).json()["slots"][0]
        adviser_id = db.execute(select(Booking.adviser_id).limit(1)).scalar()
        db.add(Booking(council_slug="demo",
                       reference="BKD-AAA", adviser_id=adviser_id or 1, case_id=case.id,
                       conversation_id="conv-booked-in", starts_at=datetime.fromisoformat(
                           slot["starts_at"]), ends_at=datetime.fromisoformat(slot["ends_at"]),
                       channel="phone", status="confirmed", sequence=0, consent=True))  # fmt: skip
    engine.dispose()
    sign_in(client, "admin")
    page = client.get("/console/residents", params={"q": reference})
    csrf = _csrf(page.text)
    client.post("/console/residents/erase", data={"q": reference, "csrf": csrf, "confirm": "yes"})
    after = client.get("/console/residents", params={"q": reference})
    assert f"Nothing is held under {reference}" in after.text
    engine, factory = _db(app)
    with session_scope(factory) as db:
        left = db.execute(select(Conversation.id).where(
            Conversation.id.in_(["conv-asked", "conv-booked-in"]))).scalars().all()  # fmt: skip
        assert left == []
    engine.dispose()
