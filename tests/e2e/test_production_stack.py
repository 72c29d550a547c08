"""The same service on PostgreSQL (app database and Rasa's tracker store) and Redis (lock
store), selected only by DATABASE_URL and REDIS_URL; and a clean stop of all three processes."""

from __future__ import annotations

import os

import pytest
import redis
from sqlalchemy import text

from bot.database.core import make_engine
from tests.e2e import stack as stack_module
from tests.e2e.helpers import Resident, all_text

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
    stack = stack_module.start(
        tmp_path_factory.mktemp("production") / "var",
        {"DATABASE_URL": url, "REDIS_URL": redis_url},
    )
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


def test_ctrl_c_stops_all_three_processes(production_stack):
    stack, _url, _redis_url = production_stack
    assert all(stack_module.port_open(port) for port in stack.ports.values())
    assert stack_module.stop(stack) == 0
    assert not any(stack_module.port_open(port) for port in stack.ports.values())
