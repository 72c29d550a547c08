"""With Rasa unreachable the API answers 503 with the council's number, never a stack trace."""

import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings
from bot.database import migrate


@pytest.fixture
def client(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:9")  # discard port: nothing listens
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:9")
    get_settings.cache_clear()
    migrate.upgrade(database_url)
    from bot.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def test_new_conversation_when_rasa_is_down(client):
    response = client.post("/api/v1/conversations", json={})
    assert response.status_code == 503
    body = response.json()
    assert body["error"]["code"] == "assistant_unavailable"
    assert "0113 496 0000" in body["error"]["message"]
    assert "Traceback" not in response.text
    assert response.headers["retry-after"] == "30"


def test_readiness_names_what_is_down(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "rasa": False, "action_server": False}
    assert client.get("/healthz").status_code == 200


def test_conversation_without_greeting_still_starts_and_later_turn_is_503(client):
    created = client.post("/api/v1/conversations", json={"greet": False})
    assert created.status_code == 201
    conversation_id = created.json()["id"]
    turn = client.post(f"/api/v1/conversations/{conversation_id}/messages", json={"text": "hi"})
    assert turn.status_code == 503
    assert "0113 496 0000" in turn.json()["error"]["message"]
