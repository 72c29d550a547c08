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
    assert response.json()["checks"] == {
        "database": True, "rasa": False, "action_server": False, "live_updates": True,
    }  # fmt: skip
    assert client.get("/healthz").status_code == 200


def test_conversation_without_greeting_still_starts_and_later_turn_is_503(client):
    created = client.post("/api/v1/conversations", json={"greet": False})
    assert created.status_code == 201
    conversation_id = created.json()["id"]
    turn = client.post(f"/api/v1/conversations/{conversation_id}/messages", json={"text": "hi"})
    assert turn.status_code == 503
    assert "0113 496 0000" in turn.json()["error"]["message"]


def test_pathways_api_routes_answers_with_reasons(client):
    response = client.post(
        "/api/v1/pathways",
        json={"age": 20, "situation": "out_of_work", "care_leaver": True, "barriers": ["housing"]},
    )
    assert response.status_code == 200
    body = response.json()
    offers = {o["key"]: o for o in body["offers"]}
    assert set(offers) == {"youth_pathways", "working_futures", "skills_for_all"}
    assert "You are 20 and not in work" in offers["youth_pathways"]["reasons"][0]
    assert [r["key"] for r in body["referrals"]] == ["housing"]


@pytest.mark.parametrize(
    "answers",
    [{"age": -3}, {"situation": "astronaut"}, {"barriers": ["weather"]}, {"age": "old"}],
)
def test_pathways_api_refuses_answers_it_cannot_use(client, answers):
    response = client.post("/api/v1/pathways", json=answers)
    assert response.status_code == 422
    assert response.json()["error"]["message"]
