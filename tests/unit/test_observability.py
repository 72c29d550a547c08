"""Metrics and logs: counts and timings without personal data, and a request id per request."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.observability import logs


def test_personal_data_and_resident_keys_are_removed_from_log_lines():
    line = ('"POST /api/v1/conversations/Abc_123-xyz/messages HTTP/1.1" 200; plan /plans/tok3n; '
            "GET /api/v1/bookings/KH3-7XP.ics?token=secret; sam@example.org; 07700 900123; "
            "+447700900123; /console/cases/QW3R-TY8P")  # fmt: skip
    assert logs.redact(line) == (
        '"POST /api/v1/conversations/…/messages HTTP/1.1" 200; plan /plans/…; '
        "GET /api/v1/bookings/….ics?token=…; [email]; [phone]; [phone]; /console/cases/…"
    )


def test_json_lines_carry_the_request_id():
    record = logging.LogRecord(
        "worklocal", logging.INFO, __file__, 1, "hello %s", ("sam@example.org",), None
    )
    token = logs.REQUEST_ID.set("req-1")
    try:
        line = json.loads(logs.JsonFormatter().format(record))
    finally:
        logs.REQUEST_ID.reset(token)
    assert line["message"] == "hello [email]" and line["request_id"] == "req-1"
    assert line["level"] == "info" and line["logger"] == "worklocal"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:9")  # nothing listens: the assistant is down
    get_settings.cache_clear()
    from bot.database import migrate
    from bot.main import create_app

    get_settings().var_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(get_settings().effective_database_url)
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def _sample(text: str, name: str, labels: str = "") -> float:
    for line in text.splitlines():
        if line.startswith(f"{name}{labels} ") or (not labels and line.startswith(f"{name} ")):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


PROMETHEUS = {"Authorization": "Bearer prometheus-secret"}


def test_metrics_count_turns_errors_and_the_queue(client, monkeypatch):
    monkeypatch.setenv("METRICS_TOKEN", "prometheus-secret")
    get_settings.cache_clear()
    before = client.get("/metrics", headers=PROMETHEUS).text
    failed = client.post("/api/v1/conversations", json={"greet": False})
    conversation = failed.json()["id"]
    assert client.post(f"/api/v1/conversations/{conversation}/messages",
                       json={"text": "hello"}).status_code == 503  # fmt: skip
    client.post(f"/api/v1/conversations/{conversation}/messages", json={"payload": "/forged"})
    after = client.get("/metrics", headers=PROMETHEUS)
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text
    errors = 'worklocal_errors_total{kind="assistant_unavailable"}'
    invalid = 'worklocal_errors_total{kind="invalid_message"}'
    assert _sample(text, errors) == _sample(before, errors) + 1
    assert _sample(text, invalid) == _sample(before, invalid) + 1
    gateway = 'worklocal_turn_seconds_count{stage="gateway"}'
    assert _sample(text, gateway) == _sample(before, gateway) + 2
    assert 'worklocal_handoff_queue{status="waiting"} 0.0' in text
    assert conversation not in text  # no ids in metrics


def test_metrics_are_not_public(client, monkeypatch):
    assert client.get("/metrics").status_code == 404  # not this machine, no token set
    monkeypatch.setenv("METRICS_TOKEN", "prometheus-secret")
    get_settings.cache_clear()
    assert client.get("/metrics").status_code == 404
    wrong = client.get("/metrics", headers={"Authorization": "Bearer prometheus-secreT"})
    assert wrong.status_code == 404
    assert client.get("/metrics", headers=PROMETHEUS).status_code == 200


def test_metrics_without_a_token_answer_this_machine_but_not_through_a_proxy():
    from starlette.requests import Request

    from bot.observability.views import may_read_metrics

    def request(client: str, headers: list) -> Request:
        scope = {"type": "http", "client": (client, 5000), "headers": headers, "path": "/metrics"}
        return Request(scope)

    assert may_read_metrics(request("127.0.0.1", []))
    assert may_read_metrics(request("::1", []))
    for proxy in (b"x-forwarded-for", b"x-real-ip", b"forwarded", b"via"):
        assert not may_read_metrics(request("127.0.0.1", [(proxy, b"203.0.113.9")]))
    assert not may_read_metrics(request("203.0.113.9", []))


def test_access_lines_keep_the_network_not_the_address_and_no_query():
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("203.0.113.77:51234", "GET", "/api/v1/courses?postcode=DB1%201AA&q=care", "1.1", 200),
        None,
    )  # fmt: skip
    assert logs.AccessLogPrivacy().filter(record)
    assert record.getMessage() == '203.0.113.0 - "GET /api/v1/courses HTTP/1.1" 200'
    assert logs.network_of("2001:db8:1:2::5:443") == "2001:db8:1::"
    socket = logging.LogRecord(
        "uvicorn.error", logging.INFO, __file__, 1, '%s - "WebSocket %s" [accepted]',
        ("203.0.113.77:51234", "/api/v1/conversations/abc/ws?after=3"), None,
    )  # fmt: skip
    assert logs.AccessLogPrivacy().filter(socket)
    assert (
        socket.getMessage() == '203.0.113.0 - "WebSocket /api/v1/conversations/abc/ws" [accepted]'
    )
    assert logs.redact("GET /api/v1/postcodes/LS1%204AP HTTP/1.1") == (
        "GET /api/v1/postcodes/… HTTP/1.1"
    )


def test_every_response_has_a_request_id_and_a_safe_one_is_kept(client):
    made = client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 16
    assert (
        client.get("/healthz", headers={"x-request-id": "lb-42"}).headers["x-request-id"] == "lb-42"
    )
    odd = client.get("/healthz", headers={"x-request-id": "<script>"}).headers["x-request-id"]
    assert odd != "<script>" and len(odd) == 16


def test_a_password_link_never_reaches_the_logs():
    token = "k7Q2x-secret_token_value"
    assert token not in logs.redact(f"GET /console/recover/{token} HTTP/1.1")
