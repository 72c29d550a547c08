"""A resident's side of the gateway, for end-to-end tests."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import yaml


class Resident:
    """One resident. ``think`` runs before each message (a benchmark's pause for reading and
    typing); ``latencies`` keeps how long each reply took, in milliseconds. ``http`` is a
    client with httpx's ``post``/``delete``/``close`` (the load benchmark passes a leaner one)."""

    def __init__(self, base_url: str, think: Callable[[], None] | None = None,
                 http: Any = None, council: str | None = None) -> None:  # fmt: skip
        self.http = http or httpx.Client(base_url=base_url, timeout=30)
        self.think = think
        self.latencies: list[float] = []
        start = f"/api/v1/conversations?council={council}" if council else "/api/v1/conversations"
        created = self.http.post(start, json={})
        assert created.status_code == 201, created.text
        self.id = created.json()["id"]
        self.greeting = created.json()["messages"]

    def _send(self, body: dict) -> list[dict]:
        if self.think:
            self.think()
        started = time.perf_counter()
        response = self.http.post(f"/api/v1/conversations/{self.id}/messages", json=body)
        self.latencies.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
        return response.json()["messages"]

    def say(self, text: str) -> list[dict]:
        return self._send({"text": text})

    def press(self, payload: str) -> list[dict]:
        return self._send({"payload": payload})

    def leave(self) -> None:
        self.http.delete(f"/api/v1/conversations/{self.id}")
        self.http.close()


def all_text(messages: list[dict]) -> str:
    return " ".join(m.get("text", "") for m in messages)


def custom(messages: list[dict], kind: str | None = None) -> dict:
    """The first custom payload (of this ``type``, if given) among the messages."""
    return next(
        m["custom"]
        for m in messages
        if m.get("custom") and (kind is None or m["custom"].get("type") == kind)
    )


def payloads(messages: list[dict]) -> list[str]:
    return [b["payload"] for m in messages for b in m.get("buttons", [])]


DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
QUESTIONS = {
    response[0]["text"].split("?")[0]: name.removeprefix("utter_ask_")
    for name, response in DOMAIN["responses"].items()
    if name.startswith("utter_ask_")
}
DONE = "From what you've told me"


def _question(messages: list[dict]) -> str | None:
    for message in reversed(messages):
        for start, name in QUESTIONS.items():
            if (message.get("text") or "").startswith(start):
                return name
    return None


def assess(resident: Resident, answers: dict[str, str]) -> tuple[list[dict], list[str]]:
    """Answer the questions as they come; returns the final messages and the questions asked."""
    messages = resident.say("help me work out what's right for me")
    asked: list[str] = []
    for _ in range(20):
        if any(DONE in (m.get("text") or "") or "aged 16 and over" in (m.get("text") or "")
               for m in messages):  # fmt: skip
            return messages, asked
        question = _question(messages)
        assert question, f"expected a question, got: {all_text(messages)}"
        asked.append(question)
        answer = answers.get(question)
        messages = resident.press("/skip") if answer is None else (
            resident.press(answer) if answer.startswith("/") else resident.say(answer))  # fmt: skip
    raise AssertionError(f"the assessment did not finish; asked {asked}")


# Typed answers of residents in tests/e2e/test_residents.py, shared with bench/turn_latency.py.
SEVENTEEN_LEFT_COLLEGE = {
    "wants": "a job", "age": "17", "location": "DB1 1AA", "situation": "unemployed",
    "out_of_work_months": "3 months", "highest_level": "gcses", "barriers": "none",
    "care_leaver": "no", "hours": "full time", "interests": "electrician",
}  # fmt: skip
FORTY_FIVE_WITH_A_BACK_CONDITION = {
    "wants": "a job", "age": "45", "location": "DB3 1AA", "situation": "out of work",
    "out_of_work_months": "2 years", "highest_level": "gcses", "gcse": "both",
    "digital_confidence": "confident", "barriers": "my back is bad", "care_leaver": "no",
    "on_benefits": "yes", "hours": "part time", "interests": "warehouse",
}  # fmt: skip
PARENT_RETURNING = {
    "wants": "a job", "age": "38", "location": "DB2 1AA",
    "situation": "i've been looking after my kids", "highest_level": "a levels",
    "gcse": "both", "digital_confidence": "a bit", "barriers": "childcare",
    "on_benefits": "no", "hours": "16 hours", "interests": "admin",
}  # fmt: skip
LOW_PAID_WORKER = {
    "wants": "/find_course", "age": "31", "location": "DB4 1AA",
    "situation": "i work in a shop", "work_security": "low paid",
    "highest_level": "gcses", "gcse": "both", "digital_confidence": "confident",
    "barriers": "none", "on_benefits": "no", "hours": "full time", "interests": "IT",
}  # fmt: skip


DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@contextmanager
def always_open(stack) -> Iterator[None]:
    """The team open around the clock for this test, whenever CI runs it; the service re-reads
    the council file when it changes, as it does for an officer's edit."""
    original = stack.council_file.read_text()
    council = yaml.safe_load(original)
    council["opening_hours"] = {day: ["00:00", "23:59"] for day in DAYS}
    stack.council_file.write_text(yaml.safe_dump(council))
    try:
        yield
    finally:
        stack.council_file.write_text(original)
        os.utime(stack.council_file)
