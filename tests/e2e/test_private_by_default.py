"""What a security assessor probed: residents' words in the logs, the internal servers' token,
and sockets fed what no widget sends. Each runs against the real processes."""

from __future__ import annotations

import asyncio
import json
import secrets
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import websockets

from tests.e2e.helpers import Resident, all_text

pytestmark = pytest.mark.e2e

# Personal data of the kind residents type, with a marker unique to this run.
NAME, PHONE, EMAIL, NI = "Jolene Fitzwilliam", "07700 900461", "jolene.f@example.com", "QQ123456C"
JSON = {"Content-Type": "application/json"}


def _words(marker: str) -> str:
    # "\ud800" is half a UTF-16 pair: valid JSON, but no encoder (and so not spaCy) takes it.
    return f"{marker} im {NAME} {PHONE} {EMAIL} {NI} \ud800 need work"


def _logs(stack) -> str:
    files = [*sorted((stack.var_dir / "logs").glob("*.log")), stack.var_dir / "run.log"]
    return "\n".join(path.read_text(errors="replace") for path in files if path.exists())


def in_own_loop(coroutine) -> None:
    """Run ``coroutine`` on a thread of its own: once the browser tests' Playwright (sync API)
    has started, this thread has an event loop running, and pytest-asyncio cannot start one."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def test_no_error_path_writes_what_a_resident_typed_to_any_log(embedded_stack):
    marker = f"MARK{secrets.token_hex(6)}"
    resident = Resident(embedded_stack.base_url)
    http = httpx.Client(base_url=embedded_stack.base_url, timeout=30)
    url = f"/api/v1/conversations/{resident.id}/messages"

    # Through the gateway: repaired, so the assistant answers instead of failing.
    body = json.dumps({"text": _words(marker)})  # json.dumps escapes the lone surrogate
    answer = http.post(url, content=body, headers=JSON)
    assert answer.status_code == 200
    assert "isn't working" not in all_text(answer.json()["messages"])
    # Refused inputs carrying the same words.
    too_long = json.dumps({"text": _words(marker) * 100})
    assert http.post(url, content=too_long, headers=JSON).status_code == 422
    broken = http.post(url, content=body[:-3], headers=JSON)
    assert broken.status_code == 422
    assert http.post(url, json={"text": f'/inform{{"name": "{marker}"}}'}).status_code == 200
    ws_url = (
        embedded_stack.base_url.replace("http", "ws") + f"/api/v1/conversations/{resident.id}/ws"
    )

    async def over_the_socket() -> None:
        async with websockets.connect(ws_url) as socket:
            await socket.send(body)
            assert "messages" in json.loads(await socket.recv())

    in_own_loop(over_the_socket())
    # Straight to Rasa, past the gateway's repair: spaCy fails, and Rasa logs the exception.
    sender = f"{marker}-conversation"
    direct = httpx.post(
        embedded_stack.rasa("/webhooks/rest/webhook"),
        content=json.dumps({"sender": sender, "message": _words(marker)}),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert direct.status_code == 200
    logged = _logs(embedded_stack)
    assert "rest.message.received.failure" in logged  # the failure itself is logged...
    for secret in (marker, NAME, PHONE, EMAIL, NI, resident.id, sender):
        assert secret not in logged, secret  # ...but no word of the message, nor its id
    assert '"locals"' not in logged


def test_rasa_and_the_action_server_answer_only_the_api(embedded_stack):
    rasa, token = embedded_stack.rasa_url, embedded_stack.token
    asked = [
        ("GET", "/status"),
        ("GET", "/conversations/someone/tracker"),
        ("POST", "/conversations/someone/tracker/events"),
        ("POST", "/webhooks/rest/webhook"),
        ("POST", "/model/parse"),
        ("POST", "/worklocal/conversations/someone/forget"),
    ]
    for method, path in asked:
        for query in ("", "?token=", f"?token={token[:-1]}x"):
            refused = httpx.request(method, f"{rasa}{path}{query}", json={}, timeout=10)
            assert refused.status_code == 401, (method, path, query)
    assert httpx.get(f"{rasa}/", timeout=10).status_code == 200  # the liveness probe
    assert httpx.get(embedded_stack.rasa("/status"), timeout=10).json()["model_file"]
    actions = f"http://127.0.0.1:{embedded_stack.ports['actions']}"
    assert httpx.get(f"{actions}/actions", timeout=10).status_code == 401
    assert httpx.post(f"{actions}/webhook", json={}, timeout=10).status_code == 401
    assert httpx.get(f"{actions}/health", timeout=10).status_code == 200
    # The API has the token: the conversation goes on.
    assert "not a person" in all_text(Resident(embedded_stack.base_url).say("r u a bot"))


def test_a_socket_fed_what_no_widget_sends_is_closed_with_a_code(embedded_stack):
    api_log = embedded_stack.var_dir / "logs" / "api.log"
    logged_before = len(api_log.read_text())
    resident = Resident(embedded_stack.base_url)
    ws_url = (
        embedded_stack.base_url.replace("http", "ws") + f"/api/v1/conversations/{resident.id}/ws"
    )

    async def feed() -> None:
        async with websockets.connect(ws_url) as socket:
            await socket.send("[" * 20_000 + "]" * 20_000)  # nested past Python's recursion limit
            assert json.loads(await socket.recv())["error"]["code"] == "invalid_request"
            await socket.send(json.dumps({"text": "still there?"}))
            assert "messages" in json.loads(await socket.recv())
            await socket.send(b"\x00\x01binary")
            with pytest.raises(websockets.ConnectionClosed):
                await socket.recv()
            assert socket.close_code == 1003
        async with websockets.connect(ws_url, max_size=None) as socket:
            await socket.send("x" * 200_000)
            with pytest.raises(websockets.ConnectionClosed):
                await socket.recv()
            assert socket.close_code == 1009

    in_own_loop(feed())
    assert "Traceback" not in api_log.read_text()[logged_before:]


def _held_anywhere(stack, marker: str) -> list[str]:
    """Where ``marker`` is still held: any row of any table of both SQLite databases, or any
    byte of their files and write-ahead logs."""
    import sqlite3

    found = []
    for name in ("worklocal.db", "tracker.db"):
        path = stack.var_dir / name
        with sqlite3.connect(path) as db:
            tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for table in tables:
                rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
                if any(marker in str(row) for row in rows):
                    found.append(f"{name}:{table}")
        for file in (path, path.with_name(name + "-wal")):
            if file.exists() and marker.encode() in file.read_bytes():
                found.append(file.name)
    return found


def test_forgetting_a_conversation_leaves_nothing_of_it_behind(embedded_stack):
    # Letters only: digits in it could be read as an age or a postcode.
    marker = "forgetme" + "".join(secrets.choice("bcdfghjklmnpqrstvwxz") for _ in range(10))
    resident = Resident(embedded_stack.base_url)
    resident.say(f"hi im {marker} im 19 and want a job in care")
    resident.say("DB1 1AA")
    reply = resident.say("show me my plan")
    plan = next((m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "plan"), None)
    assert plan is not None, all_text(reply)
    http = httpx.Client(base_url=embedded_stack.base_url, timeout=30)
    assert http.get(plan["link"]).status_code == 200
    assert "tracker.db:events" in _held_anywhere(embedded_stack, marker)  # it was held

    assert http.delete(f"/api/v1/conversations/{resident.id}").status_code == 204
    assert http.get(plan["link"]).status_code == 404  # the plan went with it
    assert http.get(f"/api/v1{plan['link']}").status_code == 404
    assert _held_anywhere(embedded_stack, marker) == []
    assert _held_anywhere(embedded_stack, resident.id) == []
