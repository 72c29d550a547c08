"""The deployment's operator: adds councils and a new council's first admin in the console, and
sees no council's residents, cases, staff details or counts; councils' admins never see or
make an operator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.cli import main as cli
from bot.config import PROJECT_ROOT, get_settings
from bot.database.core import make_engine, session_factory, session_scope
from bot.demo.loader import DEMO_PASSWORD
from bot.live import hub as live_hub
from bot.notify.models import Notification
from bot.staff import service as staff_service
from tests.handoff import fake_rasa
from tests.handoff.conftest import conversation, open_case

BASE = "http://127.0.0.1"
OPERATOR = "olu@ops.example"
NEW = {
    "slug": "demo-fen", "name": "Demo Fen Council", "service_name": "Fen Futures",
    "area_name": "Demo Fen", "local_authority_codes": "E99999997", "phone": "0113 496 0800",
    "email": "fenfutures@demo-fen.example", "emergency_housing_phone": "0113 496 0899",
    "example_postcode": "DB9 1AA", "offers": ["youth_pathways", "skills_for_all"],
}  # fmt: skip


@pytest.fixture
def app(monkeypatch, tmp_path, demo_copy) -> Iterator[dict]:
    folder = tmp_path / "councils"
    folder.mkdir()
    for name in ("demo.yml", "demo-vale.yml"):
        (folder / name).write_text((PROJECT_ROOT / "councils" / name).read_text())
    with fake_rasa.running() as rasa:
        monkeypatch.setenv("DATABASE_URL", demo_copy)
        monkeypatch.setenv("RASA_URL", rasa.url)
        monkeypatch.setenv("COUNCIL_FILE", str(folder / "demo.yml"))
        get_settings.cache_clear()
        live_hub.get_hub.cache_clear()
        engine = make_engine(demo_copy)
        factory = session_factory(engine)
        with session_scope(factory) as db:
            staff_service.create(db_session=db, council_slug="demo", email=OPERATOR,
                                 first_name="Olu", full_name="Olu Ops", password=DEMO_PASSWORD,
                                 role="operator", roles=("operator",))  # fmt: skip
            case = open_case(db, conversation(db, "conv-ops").id).reference
        from bot.main import create_app

        with ExitStack() as stack:
            yield {"app": create_app(), "folder": folder, "case": case, "sessions": factory,
                   "stack": stack}  # fmt: skip
        engine.dispose()
        live_hub.get_hub.cache_clear()


def _signed_in(app: dict, email: str) -> TestClient:
    """A browser signed in as ``email``; the app is started (its lifespan) for it and stopped
    with the test."""
    client = app["stack"].enter_context(
        TestClient(app["app"], base_url=BASE, raise_server_exceptions=False)
    )
    form = client.get("/console/sign-in")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    done = client.post("/console/sign-in", data={"email": email, "password": DEMO_PASSWORD,
                                                 "csrf": csrf}, follow_redirects=False)  # fmt: skip
    assert done.status_code == 303, done.text
    return client


def _csrf(page) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def test_an_operator_sees_the_councils_and_no_ones_data(app):
    client = _signed_in(app, OPERATOR)
    home = client.get("/console")
    assert home.url.path == "/console/councils"
    assert "Demo Borough Council" in home.text and "Demo Vale Council" in home.text
    assert "Every council (operator)" in home.text
    # Counts of accounts, never who they are.
    assert "1 admin" in home.text
    assert "amira@demo.worklocal.example" not in home.text and "Amira" not in home.text
    for page in ("/console/queue", f"/console/cases/{app['case']}", "/console/appointments",
                 "/console/residents", "/console/staff", "/console/audit", "/console/outbox",
                 "/console/insight", "/console/follow-ups"):  # fmt: skip
        refused = client.get(page)
        assert refused.status_code == 403, page
        assert app["case"] not in refused.text
        assert "Back to the councils" in refused.text


def test_a_councils_staff_cant_open_the_operators_page_nor_see_or_make_an_operator(app):
    admin = _signed_in(app, "admin@demo.worklocal.example")
    assert admin.get("/console/councils").status_code == 403
    accounts = admin.get("/console/staff")
    assert OPERATOR not in accounts.text
    made = admin.post("/console/staff", data={
        "email": "sneaky@demo.example", "first_name": "Sneaky", "role": "operator",
        "password": "a-long-enough-password", "csrf": _csrf(accounts)})  # fmt: skip
    assert made.status_code == 422
    assert "unknown role &#39;operator&#39;" in made.text
    with session_scope(app["sessions"]) as db:
        assert staff_service.by_email(db_session=db, email="sneaky@demo.example") is None
        operator_id = staff_service.by_email(db_session=db, email=OPERATOR).id
    stopped = admin.post(f"/console/staff/{operator_id}",
                         data={"change": "deactivate", "csrf": _csrf(accounts)})  # fmt: skip
    assert stopped.status_code == 404
    with session_scope(app["sessions"]) as db:
        assert staff_service.by_email(db_session=db, email=OPERATOR).active


def test_an_operator_adds_a_council_on_the_national_template_then_its_first_admin(app):
    client = _signed_in(app, OPERATOR)
    page = client.get("/console/councils")
    added = client.post("/console/councils", data={**NEW, "csrf": _csrf(page)},
                        follow_redirects=False)  # fmt: skip
    assert added.status_code == 303, added.text
    written = yaml.safe_load((app["folder"] / "demo-fen.yml").read_text())
    assert written["service_name"] == "Fen Futures"
    assert written["offers"] == ["youth_pathways", "skills_for_all"]
    assert written["opening_hours"]["monday"] == ["09:00", "17:00"]
    # Served from the next request, with no restart.
    widget = client.get("/api/v1/widget/config", params={"council": "demo-fen"}).json()
    assert widget["service_name"] == "Fen Futures"
    page = client.get("/console/councils")
    assert "Add Demo Fen Council's first admin" in page.text
    assert "Council added: demo-fen: Demo Fen Council" in page.text

    first = {"email": "fay@demo-fen.example", "first_name": "Fay", "csrf": _csrf(page),
             "password": "the-operator-would-know-this"}  # fmt: skip
    assert client.post("/console/councils/demo-fen/admin", data=first,
                       follow_redirects=False).status_code == 303  # fmt: skip
    again = client.post("/console/councils/demo-fen/admin",
                        data=first | {"email": "fred@demo-fen.example"})  # fmt: skip
    assert again.status_code == 409
    assert "Demo Fen Council has console accounts already" in again.text
    # A council with accounts is its admins' to staff, the Borough's included.
    borough = client.post("/console/councils/demo/admin",
                          data=first | {"email": "bob@demo.example"})  # fmt: skip
    assert borough.status_code == 409

    # No password the operator typed or saw opens the account: Fay sets her own by the link.
    fay = TestClient(app["app"], base_url=BASE, raise_server_exceptions=False)
    app["stack"].enter_context(fay)
    form = fay.get("/console/sign-in")
    typed = fay.post("/console/sign-in", data={"email": first["email"], "csrf": _csrf(form),
                                                "password": first["password"]})  # fmt: skip
    assert typed.status_code in (400, 429)
    with session_scope(app["sessions"]) as db:
        [welcome] = db.execute(select(Notification).where(
            Notification.to == "fay@demo-fen.example")).scalars()  # fmt: skip
        body, subject = welcome.body, welcome.subject
    assert subject == "Set your password for the Fen Futures adviser console"
    assert "You are Demo Fen Council's first admin" in body
    link = re.search(r"(/console/recover/[\w-]+)", body).group(1)
    chosen = "fays-own-password-2026"
    set_form = fay.get(link)
    assert fay.post(link, data={"password": chosen, "again": chosen, "csrf": _csrf(set_form)},
                    follow_redirects=False).status_code == 303  # fmt: skip
    form = fay.get("/console/sign-in")
    assert fay.post("/console/sign-in", data={"email": first["email"], "password": chosen,
                                              "csrf": _csrf(form)},
                    follow_redirects=False).status_code == 303  # fmt: skip
    accounts = fay.get("/console/staff")
    assert accounts.status_code == 200
    assert "Fen Futures adviser console" in accounts.text
    assert "amira@demo.worklocal.example" not in accounts.text
    assert "by the deployment&#39;s operator Olu Ops" in fay.get("/console/audit").text


def test_a_council_the_form_cant_make_says_what_to_fix_and_writes_nothing(app):
    client = _signed_in(app, OPERATOR)
    page = client.get("/console/councils")
    bad = {**NEW, "slug": "Demo Fen!", "local_authority_codes": "fen", "offers": [],
           "phone": "", "csrf": _csrf(page)}  # fmt: skip
    refused = client.post("/console/councils", data=bad)
    assert refused.status_code == 422
    for said in ("The short name can only have lower-case letters", "Local authority codes look "
                 "like E08000035", "Enter the service&#39;s phone number",
                 "Choose at least one offer"):  # fmt: skip
        assert said in refused.text
    assert 'value="Demo Fen Council"' in refused.text  # what was typed is kept
    # A slug or code another council has: refused by the same checks as `council add`.
    taken = client.post("/console/councils", data={**NEW, "slug": "demo-vale", "csrf":
                                                    _csrf(page)})  # fmt: skip
    assert taken.status_code == 422
    assert "served already" in taken.text
    assert sorted(p.name for p in app["folder"].iterdir()) == ["demo-vale.yml", "demo.yml"]


def test_an_operator_is_made_from_the_command_line_for_no_council(app, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("another-long-password\n"))
    assert cli(["add-staff", "ops2@ops.example", "Sam", "--role", "operator", "--council",
                "demo-vale"]) == 2  # fmt: skip
    assert "An operator is no council's" in capsys.readouterr().err
    assert cli(["add-staff", "ops2@ops.example", "Sam", "--role", "operator"]) == 0
    with session_scope(app["sessions"]) as db:
        made = staff_service.by_email(db_session=db, email="ops2@ops.example")
        assert (made.role, made.council_slug) == ("operator", "demo")
