"""Live messages and presence behave the same in-process and through Redis."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid

import pytest

from bot.live.hub import InProcessHub, RedisHub
from tests import aio


@pytest.fixture(params=["in-process", "redis"])
def hub(request):
    if request.param == "in-process":
        return InProcessHub()
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_REDIS_URL is not set: run the suite with `make test`")
        pytest.skip("Redis not available (run through `make test`)")
    return RedisHub(url)


def test_a_message_published_from_another_thread_reaches_only_its_channels(hub):
    channel, other = f"case:{uuid.uuid4().hex}", f"case:{uuid.uuid4().hex}"

    async def listen() -> list[dict]:
        got = []
        async with hub.listen([channel]) as updates:
            await asyncio.sleep(0.2)  # subscribed before anything is published
            sender = threading.Thread(target=lambda: (
                hub.publish(other, {"n": 0}), hub.publish(channel, {"n": 1}),
                hub.publish(channel, {"n": 2})))  # fmt: skip
            sender.start()
            while len(got) < 2:
                message = await updates.get(timeout=5)
                assert message is not None, "nothing arrived"
                got.append(message)
            sender.join()
            assert await updates.get(timeout=0.3) is None  # nothing from the other channel
        return got

    assert aio.run(listen()) == [{"n": 1}, {"n": 2}]


def test_presence_is_per_connection_and_per_offer(hub):
    adviser = int(uuid.uuid4().int % 1_000_000) + 1_000_000
    hub.mark_present(adviser, ["youth_pathways"], "tab-1")
    hub.mark_present(adviser, ["youth_pathways"], "tab-2")
    assert adviser in hub.present("youth_pathways")
    assert adviser not in hub.present("working_futures")
    hub.mark_absent(adviser, "tab-1")  # one tab closed: still online in the other
    assert adviser in hub.present("youth_pathways")
    hub.mark_absent(adviser)  # stopped taking chats
    assert adviser not in hub.present("youth_pathways")


def test_redis_being_down_is_survived(monkeypatch):
    down = RedisHub("redis://127.0.0.1:9/0")  # nothing listens on port 9
    down.publish("queue:demo", {"type": "queue"})  # logged, not raised
    down.mark_present(1, ["youth_pathways"])
    assert down.present("youth_pathways") == []  # unknown means nobody: offer a booking
