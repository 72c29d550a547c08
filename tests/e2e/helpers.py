"""A resident's side of the gateway, for end-to-end tests."""

from __future__ import annotations

import httpx


class Resident:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)
        created = self.http.post("/api/v1/conversations", json={})
        assert created.status_code == 201, created.text
        self.id = created.json()["id"]
        self.greeting = created.json()["messages"]

    def say(self, text: str) -> list[dict]:
        response = self.http.post(f"/api/v1/conversations/{self.id}/messages", json={"text": text})
        assert response.status_code == 200, response.text
        return response.json()["messages"]

    def press(self, payload: str) -> list[dict]:
        response = self.http.post(
            f"/api/v1/conversations/{self.id}/messages", json={"payload": payload}
        )
        assert response.status_code == 200, response.text
        return response.json()["messages"]


def all_text(messages: list[dict]) -> str:
    return " ".join(m.get("text", "") for m in messages)


def payloads(messages: list[dict]) -> list[str]:
    return [b["payload"] for m in messages for b in m.get("buttons", [])]
