"""The same service on PostgreSQL (app database and Rasa's tracker store) and Redis (lock
store), selected only by DATABASE_URL and REDIS_URL; and a clean stop of all three processes."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil

import httpx
import pytest
import redis
import websockets
from sqlalchemy import text

from bot.config import PROJECT_ROOT
from bot.database.core import make_engine
from bot.demo.loader import DEMO_DOMAIN, DEMO_PASSWORD
from tests import aio
from tests.e2e import stack as stack_module
from tests.e2e.helpers import Resident, all_text, always_open

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def production_stack(tmp_path_factory):
    from tests.conftest import postgres_url

    base = postgres_url()
    redis_url = os.environ.get("TEST_REDIS_URL")
    if not base or not redis_url:
        pytest.skip("PostgreSQL and Redis not available (run through `make test`)")
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"wl_e2e_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    folder = tmp_path_factory.mktemp("production")
    council_file = folder / "council.yml"
    shutil.copy(PROJECT_ROOT / "councils" / "demo.yml", council_file)
    stack = stack_module.start(
        folder / "var",
        {"DATABASE_URL": url, "REDIS_URL": redis_url, "COUNCIL_FILE": str(council_file)},
    )
    stack.council_file = council_file
    yield stack, url, redis_url
    stack_module.stop(stack)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_conversation_is_stored_in_postgresql_and_forgotten_there(production_stack):
    stack, url, _redis_url = production_stack
    resident = Resident(stack.base_url)
    assert "0113 496 0000" in all_text(resident.press("/request_adviser"))
    engine = make_engine(url)
    with engine.connect() as connection:
        count = text("SELECT COUNT(*) FROM events WHERE sender_id = :id")
        assert connection.execute(count, {"id": resident.id}).scalar_one() > 0
        row = text("SELECT turns FROM conversations WHERE id = :id")
        assert connection.execute(row, {"id": resident.id}).scalar_one() == 1
    assert resident.http.delete(f"/api/v1/conversations/{resident.id}").status_code == 204
    with engine.connect() as connection:
        assert connection.execute(count, {"id": resident.id}).scalar_one() == 0
    engine.dispose()


def test_rasa_uses_the_redis_lock_store(production_stack):
    stack, _url, redis_url = production_stack
    assert "type: redis" in (stack.var_dir / "endpoints.yml").read_text()
    client = redis.Redis.from_url(redis_url)
    assert client.ping()
    resident = Resident(stack.base_url)
    # Rasa holds a lock per conversation while a turn runs and releases it after.
    assert resident.say("hello")
    assert not client.exists(f"worklocal:lock:{resident.id}")


def test_a_live_chat_is_relayed_through_redis(production_stack):
    """The adviser's words reach the resident's socket by Redis pub/sub, as they would from
    another API worker; presence comes from Redis too."""
    stack, _url, _redis_url = production_stack
    adviser = httpx.Client(
        base_url=stack.base_url, timeout=30, headers={"accept": "application/json"}
    )
    form = adviser.get("/console/sign-in")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    adviser.post("/console/sign-in", data={"email": f"amira@{DEMO_DOMAIN}",
                 "password": DEMO_PASSWORD, "csrf": csrf})  # fmt: skip
    csrf = re.search(r'name="csrf" value="([^"]+)"', adviser.get("/console").text).group(1)
    assert adviser.post("/console/availability", data={"csrf": csrf, "available": "yes"}).is_success
    resident = Resident(stack.base_url)
    with always_open(stack):
        waiting = all_text(resident.press("/request_adviser"))
    reference = re.search(r"reference is ([A-Z0-9-]+)", waiting).group(1)
    socket_url = f"{stack.base_url.replace('http', 'ws')}/api/v1/conversations/{resident.id}/ws"

    async def chat() -> list[str]:
        async with websockets.connect(socket_url) as socket:
            claim = adviser.post(f"/console/cases/{reference}/claim", data={"csrf": csrf})
            assert claim.is_success
            joined = json.loads(await asyncio.wait_for(socket.recv(), 10))
            reply = adviser.post(f"/console/cases/{reference}/reply",
                                 data={"csrf": csrf, "text": "Hello from Amira"})  # fmt: skip
            assert reply.is_success
            said = json.loads(await asyncio.wait_for(socket.recv(), 10))
            return [m["text"] for m in joined["messages"] + said["messages"]]

    assert aio.run(chat()) == [
        "You're now talking to Amira from the Work Local team.",
        "Hello from Amira",
    ]
    adviser.close()


def test_ctrl_c_stops_all_three_processes(production_stack):
    stack, _url, _redis_url = production_stack
    assert all(stack_module.port_open(port) for port in stack.ports.values())
    assert stack_module.stop(stack) == 0
    assert not any(stack_module.port_open(port) for port in stack.ports.values())
