"""Schema-driven testing of the public API: requests generated from the service's own OpenAPI
document (valid requests, edge cases and invalid ones) against the real app on a copy of the
demo data, with a stand-in Rasa answering. No answer may be a server error, and every answer
(status, content type, headers, body) must be one the document describes."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from bot.config import get_settings
from tests.handoff import fake_rasa

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]  # fmt: skip
# Every limit off: thousands of generated requests come from one client in a few seconds.
NO_LIMITS = ("CONVERSATIONS_PER_HOUR", "MESSAGES_PER_MINUTE", "BOOKINGS_PER_HOUR",
             "BOOKING_LOOKUPS_PER_HOUR")  # fmt: skip


@pytest.fixture
def api_schema(monkeypatch, demo_copy):
    with fake_rasa.running() as rasa:
        monkeypatch.setenv("DATABASE_URL", demo_copy)
        monkeypatch.setenv("RASA_URL", rasa.url)
        for limit in NO_LIMITS:
            monkeypatch.setenv(limit, "0")
        get_settings.cache_clear()
        from bot.main import create_app

        yield schemathesis.openapi.from_asgi("/openapi.json", create_app())


# Readiness answers 503 whenever a part is down, which is its job (no action server runs here).
schema = schemathesis.pytest.from_fixture("api_schema").exclude(path="/readyz")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_public_operation_answers_as_its_document_says(case):
    case.call_and_validate(checks=CHECKS)


def test_the_document_is_valid_openapi_3_0(monkeypatch):
    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:9")
    get_settings.cache_clear()
    from bot.main import create_app

    spec = create_app().openapi()
    numeric_bounds = []

    def walk(node, where):
        if isinstance(node, dict):
            for key in ("exclusiveMinimum", "exclusiveMaximum"):
                if key in node and not isinstance(node[key], bool):
                    numeric_bounds.append(where)
            for key, child in node.items():
                walk(child, f"{where}/{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, f"{where}/{i}")

    walk(spec, "")
    assert spec["openapi"] == "3.0.3" and numeric_bounds == []
    messages = spec["paths"]["/api/v1/conversations/{conversation_id}/messages"]["post"]
    assert {"404", "413", "422", "429", "503"} <= set(messages["responses"])


def test_a_turns_replies_carry_no_empty_fields(monkeypatch, demo_copy):
    """The widget reads a missing field as absent; the messages route encodes its own answer."""
    from fastapi.testclient import TestClient

    with fake_rasa.running() as rasa:
        monkeypatch.setenv("DATABASE_URL", demo_copy)
        monkeypatch.setenv("RASA_URL", rasa.url)
        get_settings.cache_clear()
        from bot.main import create_app

        with TestClient(create_app()) as client:
            started = client.post("/api/v1/conversations?council=demo", json={"greet": False})
            assert started.status_code == 201, started.text
            rasa.replies.append([
                {"recipient_id": "r", "text": "Which suits you?",
                 "buttons": [{"title": "Mornings", "payload": "/inform"}]},
                {"recipient_id": "r",
                 "custom": {"type": "plan_link", "url": "/plans/x", "note": None}},
            ])  # fmt: skip
            turn = client.post(
                f"/api/v1/conversations/{started.json()['id']}/messages",
                json={"text": "mornings pls", "id": "m1"},
            )
    assert turn.status_code == 200 and turn.headers["content-type"] == "application/json"
    assert turn.json() == {
        "messages": [  # the stand-in's two replies, joined as the client joins them
            {
                "text": "Which suits you?",
                "buttons": [{"title": "Mornings", "payload": "/inform"}],
                "custom": {"type": "plan_link", "url": "/plans/x"},
            }
        ],
        "reply_to": "m1",
    }
