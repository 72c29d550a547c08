"""Two of every process (API, Rasa, actions) sharing PostgreSQL and Redis of the test's own:
conversations stay whole when their messages land on different replicas, and the stack rides
out a Rasa restart, Redis stopping and PostgreSQL restarting."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import text

from bot.config import PROJECT_ROOT
from bot.database.core import make_engine
from tests import services
from tests.e2e import stack as stack_module
from tests.e2e.helpers import _question, all_text

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

REPLICAS = 2
# Every message is a search, so every turn also goes through an action server.
SCRIPT = [
    "care jobs near DB1 1AA",
    "any courses near DB1 1AA?",
    "warehouse jobs near DB2 1AA",
    "maths courses near DB3 1AA",
]
GREETED = "/greet"  # the first user event: a new conversation's greeting
UNAVAILABLE_WITHIN = 6.0  # seconds: the longest a resident may wait for "try again" (timeouts)


@dataclass
class Scaled:
    stack: stack_module.Stack
    postgres: services.OwnPostgres
    redis: services.OwnRedis

    @property
    def apis(self) -> list[str]:
        return [f"http://127.0.0.1:{self.stack.ports['api'] + i}" for i in range(REPLICAS)]

    @property
    def rasas(self) -> list[str]:
        return [f"http://127.0.0.1:{self.stack.ports['rasa'] + i}" for i in range(REPLICAS)]

    def rasa_pids(self) -> list[int]:
        logs = self.stack.var_dir / "logs"
        return [int((logs / name).read_text()) for name in ("rasa.pid", "rasa-1.pid")]


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scaled")
    council_file = folder / "council.yml"
    shutil.copy(PROJECT_ROOT / "councils" / "demo.yml", council_file)
    with services.own_postgres() as postgres, services.own_redis(folder) as redis_server:
        stack = stack_module.start(
            folder / "var",
            {"DATABASE_URL": postgres.url, "REDIS_URL": redis_server.url,
             "COUNCIL_FILE": str(council_file)},
            replicas=REPLICAS,
        )  # fmt: skip
        scaled = Scaled(stack, postgres, redis_server)
        try:
            _all_ready(scaled)
            yield scaled
        finally:
            stack_module.stop(stack)


def _all_ready(scaled: Scaled, timeout: float = 300) -> None:
    """Every Rasa server has its model loaded and every API process is ready."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            token = scaled.stack.token  # Rasa answers only with the shared token
            rasa = [httpx.get(f"{url}/status?token={token}", timeout=2).json()
                    for url in scaled.rasas]  # fmt: skip
            apis = [httpx.get(f"{url}/readyz", timeout=5).status_code for url in scaled.apis]
            if all(r.get("model_file") for r in rasa) and apis == [200] * REPLICAS:
                return
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(1)
    raise AssertionError(f"the scaled stack is not ready\n{scaled.stack.log_tail()}")


def _start(api: str) -> str:
    created = httpx.post(f"{api}/api/v1/conversations", json={}, timeout=30)
    assert created.status_code == 201, created.text
    return created.json()["id"]


def _send(api: str, conversation_id: str, message: str, timeout: float = 30) -> httpx.Response:
    return httpx.post(f"{api}/api/v1/conversations/{conversation_id}/messages",
                      json={"text": message}, timeout=timeout)  # fmt: skip


def _tracker_events(scaled: Scaled, conversation_ids: list[str]) -> dict[str, list[dict]]:
    """Rasa's events as stored, in the order they were stored."""
    engine = make_engine(scaled.postgres.url)
    found: dict[str, list[dict]] = {cid: [] for cid in conversation_ids}
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, sender_id, type_name, timestamp, action_name, data FROM events "
                 "WHERE sender_id = ANY(:ids) ORDER BY id"),
            {"ids": conversation_ids},
        )  # fmt: skip
        for row in rows:
            found[row.sender_id].append({"id": row.id, "type": row.type_name,
                                         "timestamp": row.timestamp, "action": row.action_name,
                                         "text": json.loads(row.data).get("text")})  # fmt: skip
    engine.dispose()
    return found


def _whole_turns(events: list[dict]) -> list[str]:
    """The resident's messages, in order, checking each turn finished (the assistant listened
    again) before the next began: no turn lost, doubled or interleaved with another."""
    said, listening = [], True
    timestamps = [e["timestamp"] for e in events]
    assert timestamps == sorted(timestamps), "events stored out of order"
    for event in events:
        if event["type"] == "user":
            assert listening, f"a message arrived mid-turn: {event['text']!r}"
            said.append(event["text"])
            listening = False
        elif event["type"] == "action" and event["action"] == "action_listen":
            listening = True
    assert listening, "the last turn never finished"
    return said


def _metric(api: str, name: str, labels: str) -> float:
    for line in httpx.get(f"{api}/metrics", timeout=5).text.splitlines():
        if line.startswith(f"{name}{{{labels}}} "):
            return float(line.split()[-1])
    return 0.0


def test_100_conversations_interleaved_across_replicas_keep_every_event_in_order(scaled):
    apis = scaled.apis
    conversations = [_start(apis[n % REPLICAS]) for n in range(100)]

    def talk(n: int) -> list[str]:
        answers = []
        for step, message in enumerate(SCRIPT):
            # each message of a conversation to the other API process than the one before
            response = _send(apis[(n + step) % REPLICAS], conversations[n], message)
            assert response.status_code == 200, response.text
            answers.append(all_text(response.json()["messages"]).lower())
        return answers

    with ThreadPoolExecutor(20) as pool:
        answered = list(pool.map(talk, range(100)))
    for answers in answered:
        assert ["jobs" in answers[0], "course" in answers[1], "jobs" in answers[2],
                "course" in answers[3]] == [True] * 4, answers  # fmt: skip
    events = _tracker_events(scaled, conversations)
    for conversation_id in conversations:
        assert _whole_turns(events[conversation_id]) == [GREETED, *SCRIPT]
    # every API process sent turns to both Rasa servers
    for api in apis:
        sent = [_metric(api, "worklocal_assistant_requests_total", f'server="{i}"')
                for i in range(REPLICAS)]  # fmt: skip
        assert all(count >= 50 for count in sent), sent


def test_two_messages_of_one_conversation_at_once_on_two_apis_run_one_after_the_other(scaled):
    apis = scaled.apis
    conversation_id = _start(apis[0])
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(lambda pair: _send(pair[0], conversation_id, pair[1]),
                                 [(apis[0], SCRIPT[0]), (apis[1], SCRIPT[1])])  # fmt: skip
    assert (first.status_code, second.status_code) == (200, 200)
    said = _whole_turns(_tracker_events(scaled, [conversation_id])[conversation_id])
    assert said[0] == GREETED and sorted(said[1:]) == sorted(SCRIPT[:2])


def test_one_rasa_server_down_is_routed_around(scaled):
    conversation_id = _start(scaled.apis[0])
    os.kill(scaled.rasa_pids()[0], signal.SIGKILL)
    for step, message in enumerate(SCRIPT):
        response = _send(scaled.apis[step % REPLICAS], conversation_id, message)
        assert response.status_code == 200, response.text
    _all_ready(scaled)  # the supervisor has restarted it


def test_rasa_restarted_mid_assessment_then_the_conversation_resumes_from_the_tracker_store(
    scaled,
):
    api = scaled.apis[0]
    conversation_id = _start(api)
    first = _send(api, conversation_id, "help me work out what's right for me").json()
    assert _question(first["messages"]) == "wants"
    assert _question(_send(api, conversation_id, "a job").json()["messages"]) == "age"
    for pid in scaled.rasa_pids():
        os.kill(pid, signal.SIGKILL)
    started = time.perf_counter()
    meanwhile = _send(api, conversation_id, "17")
    assert time.perf_counter() - started < UNAVAILABLE_WITHIN
    assert meanwhile.status_code == 503
    assert meanwhile.json()["error"]["code"] == "assistant_unavailable"
    assert "0113 496 0000" in meanwhile.json()["error"]["message"]
    _all_ready(scaled)
    resumed = _send(scaled.apis[1], conversation_id, "17")
    assert resumed.status_code == 200, resumed.text
    assert _question(resumed.json()["messages"]) == "location"  # not back to the start


def test_redis_stopped_gives_a_clear_answer_at_once_and_recovers_without_a_restart(scaled):
    """Without Redis, Rasa cannot take a conversation's lock: the resident is told at once
    that it isn't working, with the council's number; nothing hangs, and it all comes back
    when Redis does."""
    api = scaled.apis[0]
    conversation_id = _start(api)
    assert _send(api, conversation_id, SCRIPT[0]).status_code == 200
    scaled.redis.stop()
    try:
        started = time.perf_counter()
        during = _send(api, conversation_id, SCRIPT[1])
        assert time.perf_counter() - started < UNAVAILABLE_WITHIN
        assert during.status_code == 200, during.text
        told = all_text(during.json()["messages"])
        assert "I can't search or answer that right now" in told and "0113 496 0000" in told
        ready = httpx.get(f"{api}/readyz", timeout=10)
        assert ready.json()["status"] == "degraded" and ready.status_code == 200
        assert ready.json()["checks"]["live_updates"] is False
        assert httpx.get(f"{api}/", timeout=10).status_code == 200  # pages need no Redis
    finally:
        scaled.redis.start()
    answers = [_send(url, conversation_id, SCRIPT[1]) for url in scaled.apis]
    assert ["course" in all_text(a.json()["messages"]) for a in answers] == [True, True]
    assert httpx.get(f"{api}/readyz", timeout=10).json()["status"] == "ready"
    said = _whole_turns(_tracker_events(scaled, [conversation_id])[conversation_id])
    assert said == [GREETED, SCRIPT[0], SCRIPT[1], SCRIPT[1]]  # the refused one not kept


def test_postgresql_restarted_the_pools_reconnect(scaled):
    conversation_id = _start(scaled.apis[0])
    assert _send(scaled.apis[0], conversation_id, SCRIPT[0]).status_code == 200
    scaled.postgres.stop()
    try:
        started = time.perf_counter()
        during = _send(scaled.apis[1], conversation_id, SCRIPT[1])
        assert time.perf_counter() - started < UNAVAILABLE_WITHIN
        assert during.status_code == 503
        assert during.json()["error"]["code"] in {"service_unavailable", "assistant_unavailable"}
    finally:
        scaled.postgres.start()
    # the first turns after the restart already work, on every API and Rasa process
    for step, message in enumerate(SCRIPT):
        response = _send(scaled.apis[step % REPLICAS], conversation_id, message)
        assert response.status_code == 200, response.text
    said = _whole_turns(_tracker_events(scaled, [conversation_id])[conversation_id])
    assert said == [GREETED, SCRIPT[0], *SCRIPT]  # the refused message never reached the tracker
