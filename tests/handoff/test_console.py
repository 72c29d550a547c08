"""The adviser console over HTTP: sign-in with lockout, cookies, CSRF, roles, the claim
conflict, and a live chat relayed to the resident's socket and back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.websockets import WebSocketDisconnect

from bot.audit.models import AuditEntry
from bot.clock import utcnow
from bot.config import get_settings
from bot.database.core import make_engine, session_factory, session_scope
from bot.demo.loader import DEMO_PASSWORD
from bot.handoff.models import Case
from bot.live import hub as live_hub
from tests.handoff import fake_rasa
from tests.handoff.conftest import conversation, open_case

BASE = "http://127.0.0.1"  # loopback: the console's cookies are not Secure-only here


@pytest.fixture
def app(monkeypatch, demo_copy) -> Iterator[dict]:
    with fake_rasa.running() as rasa:
        monkeypatch.setenv("DATABASE_URL", demo_copy)
        monkeypatch.setenv("RASA_URL", rasa.url)
        get_settings.cache_clear()
        live_hub.get_hub.cache_clear()
        from bot.main import create_app

        yield {"app": create_app(), "rasa": rasa, "url": demo_copy}
        live_hub.get_hub.cache_clear()


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app["app"], base_url=BASE, raise_server_exceptions=False) as test_client:
        yield test_client


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(client: TestClient, who: str, password: str = DEMO_PASSWORD):
    form = client.get("/console/sign-in")
    return client.post("/console/sign-in", data={
        "email": f"{who}@demo.worklocal.example", "password": password, "csrf": _csrf(form.text),
    }, follow_redirects=False)  # fmt: skip


def _case(app, status: str = "waiting", offer: str = "youth_pathways") -> tuple[str, str]:
    engine = make_engine(app["url"])
    with session_scope(session_factory(engine)) as db:
        chat = conversation(db, f"conv-{status}-{offer}")
        case = open_case(db, chat.id, offer=offer)
        case.status = status
        case.contact = {"how": "chat"}  # they asked in the chat: something to act on
        reference = case.reference
    engine.dispose()
    return reference, chat.id


def test_pages_need_signing_in_and_wrong_details_get_one_message(client):
    page = client.get("/console", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/console/sign-in?next=/console"
    wrong = sign_in(client, "amira", "not-the-password")
    unknown = sign_in(client, "nobody")
    assert wrong.status_code == unknown.status_code == 400
    assert "The email address or password is not right" in wrong.text
    assert "The email address or password is not right" in unknown.text


@pytest.mark.parametrize("who", ["callum", "nobody"])
def test_wrong_passwords_slow_the_next_try_alike_for_known_and_unknown_emails(client, who):
    for _ in range(3):
        assert sign_in(client, who, "wrong-password").status_code == 400
    slowed = sign_in(client, who)  # straight away, even with the right password
    assert slowed.status_code == 429 and slowed.headers["retry-after"] == "1"
    assert "please wait 1 second before trying again" in slowed.text
    assert sign_in(client, "amira").status_code == 303  # other accounts are unaffected
    with time_machine.travel(utcnow() + timedelta(seconds=2)):  # never locked: the wait ends
        assert sign_in(client, who).status_code == (303 if who == "callum" else 400)


def test_the_session_cookie_is_http_only_strict_and_secure_off_loopback(app, monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "console.example.gov.uk")  # the council's console
    get_settings.cache_clear()
    with TestClient(app["app"], base_url="https://console.example.gov.uk") as remote:
        signed = sign_in(remote, "amira")
    cookie = signed.headers["set-cookie"]
    assert signed.status_code == 303 and cookie.startswith("worklocal_console=")
    for flag in ("HttpOnly", "SameSite=strict", "Secure", "Path=/console"):
        assert flag.lower() in cookie.lower()


def test_forms_without_the_sessions_csrf_token_are_refused(client, app):
    reference, _ = _case(app)
    sign_in(client, "amira")
    for data in ({}, {"csrf": "forged"}):
        refused = client.post(f"/console/cases/{reference}/claim", data=data)
        assert refused.status_code == 403 and "did not come from the console" in refused.text
    # The sign-in form has its own token (a double-submit cookie): a forged post is refused.
    client.cookies.clear()
    forged = client.post("/console/sign-in", data={"email": "amira@demo.worklocal.example",
                         "password": DEMO_PASSWORD, "csrf": "forged"})  # fmt: skip
    assert forged.status_code == 403


def test_a_second_adviser_gets_a_clear_conflict(app):
    reference, _ = _case(app, status="open")
    with (
        TestClient(app["app"], base_url=BASE) as amira,
        TestClient(app["app"], base_url=BASE) as callum,
    ):
        sign_in(amira, "amira")
        sign_in(callum, "callum")
        page_a, page_c = (
            amira.get(f"/console/cases/{reference}"),
            callum.get(f"/console/cases/{reference}"),
        )
        assert amira.post(f"/console/cases/{reference}/claim",
                          data={"csrf": _csrf(page_a.text)}).status_code == 200  # fmt: skip
        late = callum.post(f"/console/cases/{reference}/claim", data={"csrf": _csrf(page_c.text)})
    assert late.status_code == 409
    assert f"Amira (demo adviser) claimed case {reference}" in late.text


def test_teams_and_roles_limit_what_is_seen_and_opening_a_case_is_audited(client, app):
    reference, _ = _case(app, status="open", offer="youth_pathways")
    sign_in(client, "grace")  # Working Futures
    assert client.get(f"/console/cases/{reference}").status_code == 403
    assert client.get("/console/outbox").status_code == 403
    assert reference not in client.get("/console").text
    client.cookies.clear()
    sign_in(client, "lead")
    assert reference in client.get("/console").text
    assert client.get(f"/console/cases/{reference}").status_code == 200
    assert client.get("/console/outbox").status_code == 200
    engine = make_engine(app["url"])
    with session_factory(engine)() as db:
        actions = db.execute(select(AuditEntry.action).join(Case, Case.id == AuditEntry.case_id)
                             .where(Case.reference == reference)).scalars().all()  # fmt: skip
    engine.dispose()
    assert actions == ["opened_case"]
    assert "opened case" in client.get("/console/audit").text


def test_a_live_chat_goes_both_ways_and_hands_back(client, app):
    reference, conversation_id = _case(app, status="waiting")
    sign_in(client, "amira")
    csrf = _csrf(client.get(f"/console/cases/{reference}").text)
    assert client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf}).status_code == 200
    socket_url = f"/api/v1/conversations/{conversation_id}/ws"
    with client.websocket_connect(socket_url) as resident:  # no Origin: not a browser
        joined = resident.receive_json()["messages"][0]  # caught up on connecting
        assert joined["text"] == "You're now talking to Amira from the Work Local team."
        assert joined["custom"]["type"] == "adviser_joined"
        resident.send_json({"text": "I lost my job last week", "id": "m1"})
        assert resident.receive_json() == {"messages": [], "reply_to": "m1"}  # not to Rasa
        sent = client.post(f"/console/cases/{reference}/reply", data={
            "csrf": csrf, "text": "Sorry to hear that. Let's look at it together."},
            headers={"accept": "application/json"})  # fmt: skip
        assert sent.json() == {"ok": True}
        reply = resident.receive_json()["messages"][0]
        assert reply["text"] == "Sorry to hear that. Let's look at it together."
        assert reply["custom"]["name"] == "Amira" and reply["custom"]["type"] == "adviser"
        client.post(f"/console/cases/{reference}/hand-back", data={"csrf": csrf})
        back = resident.receive_json()["messages"][0]
        assert back["custom"]["type"] == "adviser_left"
        assert [b["payload"] for b in back["buttons"]] == ["/book_appointment", "/help"]
    lines = client.get(f"/console/cases/{reference}/messages").json()["messages"]
    assert [m["sender"] for m in lines] == ["system", "resident", "adviser", "system"]
    assert app["rasa"].events == [(conversation_id, "resume")]
    replay = client.get(f"/api/v1/conversations/{conversation_id}/live",
                        params={"after": joined["custom"]["seq"]}).json()["messages"]  # fmt: skip
    assert [m["custom"]["type"] for m in replay] == ["adviser", "adviser_left"]


def test_what_live_updates_dropped_reaches_the_resident_when_they_are_back(
    client, app, monkeypatch
):
    """Redis down: the adviser's reply is saved but not published. When live updates return
    the hub says RESYNC, and the resident's socket fetches what it missed, and only that."""
    reference, conversation_id = _case(app, status="waiting")
    sign_in(client, "amira")
    csrf = _csrf(client.get(f"/console/cases/{reference}").text)
    client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf})
    hub = live_hub.get_hub()
    with client.websocket_connect(f"/api/v1/conversations/{conversation_id}/ws") as resident:
        assert resident.receive_json()["messages"][0]["custom"]["type"] == "adviser_joined"
        with monkeypatch.context() as outage:
            outage.setattr(hub, "publish", lambda *_args: None)
            client.post(f"/console/cases/{reference}/reply", data={
                "csrf": csrf, "text": "Are you still there?"})  # fmt: skip
        hub.publish(live_hub.conversation_channel(conversation_id), live_hub.RESYNC)
        missed = resident.receive_json()["messages"]
    assert [m["text"] for m in missed] == ["Are you still there?"]


def test_a_message_caught_up_from_the_database_is_not_sent_again_by_pub_sub(client, app):
    """The adviser joins while the resident's socket opens: the socket catches up from the
    database and then hears the same news from the hub. The resident gets it once."""
    reference, conversation_id = _case(app, status="waiting")
    sign_in(client, "amira")
    csrf = _csrf(client.get(f"/console/cases/{reference}").text)
    client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf})
    channel = live_hub.conversation_channel(conversation_id)
    with client.websocket_connect(f"/api/v1/conversations/{conversation_id}/ws") as resident:
        joined = resident.receive_json()["messages"]
        assert [m["custom"]["type"] for m in joined] == ["adviser_joined"]
        live_hub.get_hub().publish(channel, {"messages": joined})  # the late pub/sub copy
        live_hub.get_hub().publish(channel, {"typing": {"name": "Amira"}})
        assert resident.receive_json() == {"typing": {"name": "Amira"}}


def test_closing_needs_an_outcome_and_the_case_leaves_the_queue(client, app):
    reference, _ = _case(app, status="open")
    sign_in(client, "amira")
    csrf = _csrf(client.get(f"/console/cases/{reference}").text)
    client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf})
    client.post(
        f"/console/cases/{reference}/notes", data={"csrf": csrf, "text": "Called, no answer."}
    )
    refused = client.post(f"/console/cases/{reference}/close", data={"csrf": csrf})
    # The case page again, its error summary linking to the first outcome to choose from.
    assert refused.status_code == 422 and "Choose an outcome" in refused.text
    assert 'href="#outcome-' in refused.text and "govuk-error-summary" in refused.text
    done = client.post(f"/console/cases/{reference}/close",
                       data={"csrf": csrf, "outcome": "job_16h_plus"},
                       follow_redirects=False)  # fmt: skip
    assert done.status_code == 303
    page = client.get(f"/console/cases/{reference}").text
    assert "Started a job (16 hours a week or more)" in page and "Called, no answer." in page
    assert "EMP1" in page  # the destination code funders use
    assert reference not in client.get("/console/queue").text
    # The audit log names each step by a fixed name, whatever the code's functions are called;
    # a refused close is not logged.
    steps = [entry for entry in _audited(app, reference) if entry[0] != "opened_case"]
    assert steps == [("claimed", None), ("noted", None),
                     ("closed", "job_16h_plus")]  # fmt: skip


def _audited(app, reference: str) -> list[tuple[str, str | None]]:
    engine = make_engine(app["url"])
    with session_scope(session_factory(engine)) as db:
        case_id = db.execute(select(Case.id).where(Case.reference == reference)).scalar_one()
        found = db.execute(
            select(AuditEntry.action, AuditEntry.detail)
            .where(AuditEntry.case_id == case_id)
            .order_by(AuditEntry.id)
        ).all()
    engine.dispose()
    return [tuple(row) for row in found]


def _appointment(app, minutes_from_now: int, adviser_key: str = "amira") -> str:
    """A confirmed appointment today with a demo adviser; returns its reference."""
    from datetime import timedelta

    from bot.booking.models import Adviser, Booking
    from bot.clock import utcnow

    engine = make_engine(app["url"])
    starts = utcnow() + timedelta(minutes=minutes_from_now)
    from bot.references import ALPHABET

    # A reference of the real form (the console's lookup reads it as residents type it).
    turn = abs(minutes_from_now)
    later = "P" if minutes_from_now > 0 else "D"
    reference = f"T{ALPHABET[turn % 29]}{ALPHABET[turn // 29 % 29]}-{later}AB"
    with session_scope(session_factory(engine)) as db:
        adviser = db.execute(select(Adviser).where(Adviser.key == adviser_key)).scalar_one()
        db.add(Booking(council_slug="demo",
                       reference=reference, adviser_id=adviser.id, starts_at=starts,
                       ends_at=starts + timedelta(minutes=45), channel="phone",
                       offer="youth_pathways", status="confirmed", first_name="Sam",
                       contact="07700900123", consent=True, sequence=0))  # fmt: skip
    engine.dispose()
    return reference


def test_todays_appointments_and_attendance(client, app):
    started = _appointment(app, minutes_from_now=-1)
    sign_in(client, "amira")
    page = client.get("/console/appointments")
    assert page.status_code == 200 and started in page.text and "Sam" in page.text
    csrf = _csrf(page.text)
    recorded = client.post(f"/console/appointments/{started}/attendance",
                           data={"csrf": csrf, "attended": "did_not_attend"})  # fmt: skip
    assert recorded.status_code == 200 and "Did not attend" in recorded.text
    client.cookies.clear()
    sign_in(client, "callum")  # another adviser: not theirs to see or record
    assert started not in client.get("/console/appointments").text
    csrf = _csrf(client.get("/console").text)
    refused = client.post(f"/console/appointments/{started}/attendance",
                          data={"csrf": csrf, "attended": "attended"})  # fmt: skip
    assert refused.status_code == 404


def test_an_adviser_books_for_the_resident_and_the_booking_joins_the_case(client, app):
    reference, _ = _case(app, status="open")
    sign_in(client, "amira")
    csrf = _csrf(client.get(f"/console/cases/{reference}").text)
    client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf})
    page = client.get(f"/console/cases/{reference}").text
    slot = re.search(r'name="slot" id="slot-1" value="([^"]+)"', page).group(1)
    form = {"csrf": csrf, "slot": slot, "first_name": "Sam", "contact": "07700 900123"}
    refused = client.post(f"/console/cases/{reference}/book", data=form)
    assert refused.status_code == 422 and "tick the box" in refused.text
    assert '<a href="#consent">' in refused.text  # the error summary goes to the box to tick
    wrong = client.post(f"/console/cases/{reference}/book", data={**form, "consent": "yes",
                        "contact": "07700"})  # fmt: skip
    assert wrong.status_code == 422 and "07700 900123" in wrong.text  # re-asked with an example
    assert '<a href="#contact">' in wrong.text and 'value="07700"' in wrong.text  # kept
    booked = client.post(f"/console/cases/{reference}/book", data={**form, "consent": "yes"})
    assert booked.status_code == 200
    page = client.get(f"/console/cases/{reference}").text
    assert "None booked." not in page and "confirmed" in page
    booking = re.search(r" · ([2-9A-Z]{3}-[2-9A-Z]{3}) · confirmed", page).group(1)
    assert ("booked_for_resident", booking) in _audited(app, reference)


def test_a_waiting_resident_can_go_back_to_the_assistant(client, app):
    reference, conversation_id = _case(app, status="waiting")
    engine = make_engine(app["url"])
    with session_scope(session_factory(engine)) as db:
        from bot.conversation.models import Conversation

        db.get(Conversation, conversation_id).offered_buttons = [
            {"title": "Carry on with the assistant instead", "payload": "/leave_queue"}
        ]
    engine.dispose()
    back = client.post(f"/api/v1/conversations/{conversation_id}/messages",
                       json={"payload": "/leave_queue"})  # fmt: skip
    assert back.json()["messages"][0]["text"].startswith("OK, you're back with the assistant.")
    assert app["rasa"].events == [(conversation_id, "resume")]
    sign_in(client, "amira")
    page = client.get(f"/console/cases/{reference}").text
    assert "chose to carry on with the assistant instead of waiting" in page


def test_admins_add_unlock_and_deactivate_accounts(client):
    for _ in range(5):
        sign_in(client, "callum", "wrong-password")  # slowed down now
    sign_in(client, "lead")
    assert client.get("/console/staff").status_code == 403  # team leads don't manage accounts
    client.cookies.clear()
    sign_in(client, "admin")
    page = client.get("/console/staff")
    assert "sign-in slowed" in page.text
    csrf = _csrf(page.text)
    unlock = r'action="/console/staff/(\d+)"[^<]*<input[^>]*>\s*<button[^>]*value="unlock"'
    callum = re.search(unlock, page.text).group(1)  # the only locked account
    client.post(f"/console/staff/{callum}", data={"csrf": csrf, "change": "unlock"})
    added = client.post("/console/staff", data={
        "csrf": csrf, "email": "nia@demo.worklocal.example", "first_name": "Nia",
        "role": "adviser", "offers": ["working_futures"], "password": "a-long-first-password",
    })  # fmt: skip
    assert added.status_code == 200
    short = client.post("/console/staff", data={"csrf": csrf, "email": "x@example.org",
                        "first_name": "X", "password": "short"})  # fmt: skip
    assert short.status_code == 422 and "at least 12 characters" in short.text
    client.post(f"/console/staff/{callum}", data={"csrf": csrf, "change": "deactivate"})
    client.cookies.clear()
    assert sign_in(client, "callum").status_code == 400  # deactivated: cannot sign in
    assert sign_in(client, "nia", "a-long-first-password").status_code == 303


def test_the_resident_sees_when_their_adviser_is_typing(client, app):
    reference, conversation_id = _case(app, status="waiting")
    sign_in(client, "amira")
    csrf = _csrf(client.get(f"/console/cases/{reference}").text)
    client.post(f"/console/cases/{reference}/claim", data={"csrf": csrf})
    page = {"origin": "http://testserver"}  # the console's own page
    signed = {**page, "cookie": f"worklocal_console={client.cookies.get('worklocal_console')}"}
    console_url = f"/console/ws?case={reference}"
    resident_url = f"/api/v1/conversations/{conversation_id}/ws"
    with client.websocket_connect(resident_url) as resident:
        resident.receive_json()  # "You're now talking to Amira", caught up
        with client.websocket_connect(console_url, headers=signed) as console:
            console.send_text('{"typing": true}')
            assert resident.receive_json() == {"typing": {"name": "Amira"}}
    refused = pytest.raises(WebSocketDisconnect)  # no session: closed before accepting
    with refused, client.websocket_connect(console_url, headers=page):
        pass


def test_sign_in_attempts_from_one_address_are_limited(app, monkeypatch):
    """Password guessing spread across many accounts meets the per-address limit, which
    refuses even the right password until the wait is over, and says how long."""
    monkeypatch.setenv("SIGN_INS_PER_HOUR", "2")
    get_settings.cache_clear()
    with TestClient(app["app"], base_url=BASE, raise_server_exceptions=False) as client:
        assert sign_in(client, "amira", "wrong-1").status_code == 400
        assert sign_in(client, "callum", "wrong-2").status_code == 400
        refused = sign_in(client, "amira")
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) > 0
        assert "too many sign-in attempts from this network" in refused.text
        assert "worklocal_console=" not in refused.headers.get("set-cookie", "")
        assert client.get("/console", follow_redirects=False).status_code in (302, 303, 307)


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        ("/console/cases/KH3-7XP", "/console/cases/KH3-7XP"),
        ("/console/residents?q=KH3-7XP", "/console/residents?q=KH3-7XP"),
        ("/console/..//evil.example", "/console"),
        ("//evil.example/console", "/console"),
        ("/console\\evil", "/console"),
        ("https://evil.example/console", "/console"),
        ("/consolex", "/console"),
    ],
)
def test_signing_in_returns_only_to_a_console_page(asked, kept):
    from bot.console.auth import safe_next

    assert safe_next(asked) == kept


# ---- an adviser who can't sign in gets a link that sets a new password ------------------------


def _ask_for_link(client: TestClient, email: str):
    form = client.get("/console/recover")
    return client.post("/console/recover", data={"email": email, "csrf": _csrf(form.text)})


def _links_sent(app, email: str) -> list[str]:
    from bot.notify.models import Notification

    engine = make_engine(app["url"])
    with session_scope(session_factory(engine)) as db:
        bodies = db.execute(
            select(Notification.body).where(
                Notification.to == email, Notification.purpose == "console_recovery"
            )
        ).scalars()
        links = [re.search(r"(/console/recover/[\w-]+)", body).group(1) for body in bodies]
    engine.dispose()
    return links


def test_the_answer_to_asking_for_a_link_is_sent_before_the_account_is_looked_up(
    app, client, monkeypatch
):
    """Looking an account up and writing its link take time a stranger could measure: they
    happen after the answer, the same for every address, has gone."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlencode

    from bot.staff import recovery

    happened = []
    looked_up = recovery.request_link
    monkeypatch.setattr(recovery, "request_link",
                        lambda **kw: happened.append("looked up") or looked_up(**kw))  # fmt: skip
    form = client.get("/console/recover")
    body = urlencode({"email": "amira@demo.worklocal.example", "csrf": _csrf(form.text)})
    cookies = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/console/recover", "raw_path": b"/console/recover",
        "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 80),
        "headers": [(b"host", b"127.0.0.1"), (b"cookie", cookies.encode()),
                    (b"content-type", b"application/x-www-form-urlencoded"),
                    (b"content-length", str(len(body)).encode())],
    }  # fmt: skip

    async def ask() -> None:
        async def receive() -> dict:
            return {"type": "http.request", "body": body.encode(), "more_body": False}

        async def send(message: dict) -> None:
            if message["type"] == "http.response.start":
                happened.append(f"answer {message['status']}")
            elif not message.get("more_body"):
                happened.append("answer sent")

        await app["app"](scope, receive, send)

    # A thread of its own: a browser test's event loop may still be running in this one.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, ask()).result()
    assert happened == ["answer 200", "answer sent", "looked up"]
    assert _links_sent(app, "amira@demo.worklocal.example")  # and the link went all the same


def test_a_locked_out_adviser_sets_a_new_password_with_an_emailed_link_once(app, client):
    amira = "amira@demo.worklocal.example"
    with TestClient(app["app"], base_url=BASE) as elsewhere:  # her console open on another PC
        assert sign_in(elsewhere, "amira").status_code == 303
        for _ in range(3):
            sign_in(client, "amira", "a-wrong-guess-by-someone")  # a guesser slowed her down
        known, unknown = _ask_for_link(client, amira), _ask_for_link(client, "nobody@x.example")
        # The same answer whether or not there is such an account: no one learns who works here.
        assert known.status_code == unknown.status_code == 200
        assert known.text == unknown.text and "we have emailed it a link" in known.text
        assert _links_sent(app, "nobody@x.example") == []
        [link] = _links_sent(app, amira)

        page = client.get(link)
        form = {"csrf": _csrf(page.text)}
        short = client.post(link, data={**form, "password": "short", "again": "short"})
        assert short.status_code == 422 and '<a href="#password">' in short.text
        differ = client.post(link, data={**form, "password": "a long new one",
                                         "again": "a long new 1"})  # fmt: skip
        assert differ.status_code == 422 and '<a href="#again">' in differ.text
        new = {**form, "password": "a long new one", "again": "a long new one"}
        done = client.post(link, data=new, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == "/console/sign-in?reset=1"
        # Signed out everywhere; the old password is gone; the slowing-down is forgotten.
        assert elsewhere.get("/console", follow_redirects=False).status_code == 303
    assert sign_in(client, "amira").status_code == 400
    assert sign_in(client, "amira", "a long new one").status_code == 303
    # Once only.
    assert client.get(link).status_code == 410
    fresh = _csrf(client.get("/console/recover").text)  # a form that is in date, a link that isn't
    again = {"csrf": fresh, "password": "another long one", "again": "another long one"}
    assert client.post(link, data=again).status_code == 410
    audited = [a for (a,) in _audit_actions(app)]
    assert "recovery_link_sent" in audited and "password_reset_by_link" in audited


def _audit_actions(app):
    engine = make_engine(app["url"])
    with session_scope(session_factory(engine)) as db:
        found = db.execute(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    engine.dispose()
    return found


def test_a_link_lasts_half_an_hour_three_an_hour_and_the_outbox_never_shows_it(app, client):
    grace = "grace@demo.worklocal.example"
    for _ in range(4):
        assert _ask_for_link(client, grace).status_code == 200
    links = _links_sent(app, grace)
    assert len(links) == 3  # a fourth within the hour is not sent (the answer is the same)
    with time_machine.travel(utcnow() + timedelta(minutes=31)):
        assert client.get(links[0]).status_code == 410
    sign_in(client, "lead")
    outbox = client.get("/console/outbox").text
    assert "Set a new password" in outbox and links[0] not in outbox
    unknown = client.get("/console/recover/not-a-real-token")
    assert unknown.status_code == 410 and "Ask for a new link" in unknown.text


def test_strangers_asking_for_links_cannot_lock_an_adviser_out_of_getting_one(app, client):
    amira = "amira@demo.worklocal.example"
    for _ in range(3):
        _ask_for_link(client, amira)  # someone else, using up the hour's three
    assert len(_links_sent(app, amira)) == 3
    with TestClient(app["app"], base_url=BASE) as hers:  # her own browser, signed in before
        assert sign_in(hers, "amira").status_code == 303
        _ask_for_link(hers, amira)
    assert len(_links_sent(app, amira)) == 4


def test_a_stopped_account_cannot_be_set_up_again_by_its_link(app, client):
    _ask_for_link(client, "grace@demo.worklocal.example")
    [link] = _links_sent(app, "grace@demo.worklocal.example")
    with TestClient(app["app"], base_url=BASE) as admin:
        sign_in(admin, "admin")
        page = admin.get("/console/staff").text
        staff_id = _staff_id(app, "grace@demo.worklocal.example")
        stop = {"csrf": _csrf(page), "change": "deactivate"}
        assert admin.post(f"/console/staff/{staff_id}", data=stop).status_code in (200, 303)
    assert client.get(link).status_code == 410  # retired with the account


def test_the_outbox_forgets_a_password_link_once_it_can_no_longer_be_used(app, client):
    from bot.database.core import make_engine as engine_for
    from bot.staff import recovery

    _ask_for_link(client, "owen@demo.worklocal.example")
    assert _links_sent(app, "owen@demo.worklocal.example")
    engine = engine_for(app["url"])
    with session_scope(session_factory(engine)) as db:
        assert recovery.purge_messages(db_session=db) == 0  # still in date
        assert recovery.purge_messages(db_session=db, now=utcnow() + timedelta(minutes=31)) == 1
    engine.dispose()
    assert _links_sent(app, "owen@demo.worklocal.example") == []


def _staff_id(app, email: str) -> int:
    from bot.staff.models import Staff

    engine = make_engine(app["url"])
    with session_scope(session_factory(engine)) as db:
        found = db.execute(select(Staff.id).where(Staff.email == email)).scalar_one()
    engine.dispose()
    return found
