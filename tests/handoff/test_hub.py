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


async def subscribed(hub, channel: str, updates) -> None:
    """Wait until the subscription really receives (Redis subscribes asynchronously): probe the
    channel until a probe comes back, then let the probes that were still on their way pass."""
    for _ in range(100):
        hub.publish(channel, {"probe": True})
        if await updates.get(timeout=0.05) is not None:
            while await updates.get(timeout=0.05) is not None:
                pass
            return
    raise AssertionError("the subscription never received anything")


def test_a_message_published_from_another_thread_reaches_only_its_channels(hub):
    channel, other = f"case:{uuid.uuid4().hex}", f"case:{uuid.uuid4().hex}"

    async def listen() -> list[dict]:
        got = []
        async with hub.listen([channel]) as updates:
            await subscribed(hub, channel, updates)
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


@pytest.fixture
def own_redis(tmp_path):
    from tests.services import own_redis

    with own_redis(tmp_path) as server:
        yield server


def test_one_redis_subscription_per_process_however_many_listen(own_redis):
    import redis

    hub = RedisHub(own_redis.url)

    async def many() -> int:
        from contextlib import AsyncExitStack

        async with AsyncExitStack() as stack:
            for n in range(5):
                await stack.enter_async_context(hub.listen([f"conversation:{n}"]))
            clients = redis.Redis.from_url(own_redis.url).client_list()
            return sum(1 for c in clients if int(c.get("psub", 0)) or int(c.get("sub", 0)))

    assert aio.run(many()) == 1


def test_after_redis_comes_back_listeners_are_told_to_catch_up_and_hear_again(own_redis):
    """While Redis is down nothing is published (the database keeps it); once it is back,
    each listener gets RESYNC, to fetch what it missed, and live messages flow again."""
    from bot.live.hub import RESYNC

    hub, channel = RedisHub(own_redis.url), "conversation:resync"

    async def through_an_outage() -> list[dict]:
        got = []
        async with hub.listen([channel]) as updates:
            hub.publish(channel, {"n": 1})
            got.append(await updates.get(timeout=5))
            await asyncio.to_thread(own_redis.stop)
            assert not hub.healthy()
            hub.publish(channel, {"n": 2})  # lost to live updates, not raised
            await asyncio.to_thread(own_redis.start)
            got.append(await updates.get(timeout=15))  # the reader is back
            assert hub.healthy()
            hub.publish(channel, {"n": 3})
            got.append(await updates.get(timeout=5))
        return got

    assert aio.run(through_an_outage()) == [{"n": 1}, RESYNC, {"n": 3}]
