"""Rate limits on the chat gateway: a resident over the limit is told how long to wait, and
nothing of the refused message is sent to the assistant or stored; API processes sharing
Redis share the count."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.conversation import service
from bot.database import migrate
from bot.database.core import make_engine, session_factory, session_scope
from bot.live import hub as live_hub
from tests.handoff import fake_rasa


@pytest.fixture
def rasa() -> Iterator[fake_rasa.FakeRasa]:
    with fake_rasa.running() as fake:
        yield fake


@pytest.fixture
def make_client(monkeypatch, tmp_path, rasa) -> Iterator:
    """Clients of separate app instances (as separate API processes) on one database."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    migrate.upgrade(url)
    with ExitStack() as stack:

        def make(**limits: str) -> TestClient:
            for name, value in {"DATABASE_URL": url, "RASA_URL": rasa.url, **limits}.items():
                monkeypatch.setenv(name, value)
            get_settings.cache_clear()
            live_hub.get_hub.cache_clear()
            from bot.main import create_app

            return stack.enter_context(TestClient(create_app(), raise_server_exceptions=False))

        yield make
    live_hub.get_hub.cache_clear()
    make_engine(url).dispose()


def turns_stored(conversation_id: str) -> int:
    with session_scope(session_factory(make_engine(get_settings().effective_database_url))) as db:
        return service.get(db_session=db, conversation_id=conversation_id).turns


def start(client: TestClient) -> str:
    created = client.post("/api/v1/conversations", json={"greet": False})
    assert created.status_code == 201, created.text
    return created.json()["id"]


def test_a_message_over_the_limit_is_refused_with_a_wait_and_goes_nowhere(make_client, rasa):
    client = make_client(MESSAGES_PER_MINUTE="3")
    conversation_id = start(client)
    path = f"/api/v1/conversations/{conversation_id}/messages"
    for n in range(3):
        assert client.post(path, json={"text": f"message {n}"}).status_code == 200
    refused = client.post(path, json={"text": "one too many", "id": "m-4"})
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["code"] == "rate_limited"
    assert error["retry_after"] == int(refused.headers["retry-after"]) > 0
    assert "faster than I can answer" in error["message"]
    assert "one too many" not in rasa.heard
    assert turns_stored(conversation_id) == 3
    # Another resident's conversation is not held up by this one.
    other = start(client)
    assert (
        client.post(f"/api/v1/conversations/{other}/messages", json={"text": "hi"}).json()[
            "messages"
        ][0]["text"]
        == "You said hi"
    )


def test_the_socket_says_the_same_and_answers_the_message_it_refused(make_client, rasa):
    client = make_client(MESSAGES_PER_MINUTE="1")
    conversation_id = start(client)
    with client.websocket_connect(f"/api/v1/conversations/{conversation_id}/ws") as socket:
        socket.send_json({"text": "first", "id": "a"})
        assert socket.receive_json()["reply_to"] == "a"
        socket.send_json({"text": "second", "id": "b"})
        refused = socket.receive_json()
    assert refused["reply_to"] == "b"
    assert refused["error"]["code"] == "rate_limited"
    assert refused["error"]["retry_after"] > 0
    assert rasa.heard == ["first"]


def test_new_conversations_from_one_address_are_limited_and_a_phone_number_given(make_client):
    client = make_client(CONVERSATIONS_PER_HOUR="2")
    started = [start(client), start(client)]
    refused = client.post("/api/v1/conversations", json={"greet": False})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert "0113 496 0000" in refused.json()["error"]["message"]
    assert int(refused.headers["retry-after"]) > 60  # an hourly limit: minutes, not seconds
    # Conversations already going carry on.
    reply = client.post(f"/api/v1/conversations/{started[0]}/messages", json={"text": "still here"})
    assert reply.status_code == 200


def test_api_processes_sharing_redis_share_the_count(make_client):
    redis_url = os.environ.get("TEST_REDIS_URL")
    if not redis_url:
        if os.environ.get("CI"):
            pytest.fail("TEST_REDIS_URL is not set: run the suite with `make test`")
        pytest.skip("Redis not available (run through `make test`)")
    first = make_client(REDIS_URL=redis_url, MESSAGES_PER_MINUTE="3")
    second = make_client(REDIS_URL=redis_url, MESSAGES_PER_MINUTE="3")
    conversation_id = start(first)
    path = f"/api/v1/conversations/{conversation_id}/messages"
    codes = [c.post(path, json={"text": "hi"}).status_code for c in (first, second, first, second)]
    assert codes == [200, 200, 200, 429]
