"""Live messages and adviser presence across the API's processes.

Redis pub/sub when ``REDIS_URL`` is set, so a resident's socket on one API worker hears the
adviser typing on another; in-process queues otherwise (the embedded single-process default).
Every failure of Redis is caught here and logged: live updates then stop, but nothing is lost,
because every message is first written to the database and clients catch up from there.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any, Protocol

from bot.config import get_settings

log = logging.getLogger(__name__)
PREFIX = "worklocal:"
PRESENCE_SECONDS = 60  # an adviser's console renews presence every 20 seconds
# Sent to every subscriber when live updates were interrupted: fetch what was missed.
RESYNC: dict[str, Any] = {"type": "resync"}


def conversation_channel(conversation_id: str) -> str:
    return f"conversation:{conversation_id}"


def case_channel(case_id: int) -> str:
    return f"case:{case_id}"


def queue_channel(council_slug: str) -> str:
    return f"queue:{council_slug}"


def teams(council_slug: str, offers: Iterable[str]) -> list[str]:
    """What presence is kept under: an offer's team in one council, so an adviser online in
    one council is never offered to another council's residents."""
    return [f"{council_slug}:{offer}" for offer in offers]


class Subscription(Protocol):
    async def get(self, timeout: float) -> dict[str, Any] | None: ...


class Hub(Protocol):
    def publish(self, channel: str, message: dict[str, Any]) -> None: ...

    def listen(self, channels: Iterable[str]) -> Any: ...  # async context -> Subscription

    def healthy(self) -> bool: ...

    def mark_present(self, staff_id: int, offers: Iterable[str], connection: str = "") -> None: ...

    def mark_absent(self, staff_id: int, connection: str | None = None) -> None: ...

    def present(self, offer: str) -> list[int]: ...


class _QueueSubscription:
    def __init__(self) -> None:
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.loop = asyncio.get_running_loop()

    async def get(self, timeout: float) -> dict[str, Any] | None:
        try:
            return await asyncio.wait_for(self.queue.get(), timeout)
        except asyncio.TimeoutError:
            return None


class _Fanout:
    """This process's subscribers: asyncio queues, each on the loop that made it, published to
    from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[str, set[_QueueSubscription]] = {}

    def publish(self, channel: str, message: dict[str, Any]) -> None:
        with self._lock:
            targets = list(self._subscribers.get(channel, ()))
        _deliver(targets, message)

    def publish_all(self, message: dict[str, Any]) -> None:
        with self._lock:
            targets = list({s for subscribers in self._subscribers.values() for s in subscribers})
        _deliver(targets, message)

    @asynccontextmanager
    async def listen(self, channels: Iterable[str]) -> AsyncIterator[_QueueSubscription]:
        subscription, names = _QueueSubscription(), list(channels)
        with self._lock:
            for name in names:
                self._subscribers.setdefault(name, set()).add(subscription)
        try:
            yield subscription
        finally:
            with self._lock:
                for name in names:
                    self._subscribers.get(name, set()).discard(subscription)


def _deliver(targets: list[_QueueSubscription], message: dict[str, Any]) -> None:
    for subscription in targets:
        with contextlib.suppress(RuntimeError):  # its loop has closed: nobody is listening
            subscription.loop.call_soon_threadsafe(subscription.queue.put_nowait, message)


class InProcessHub:
    """One process: subscribers are asyncio queues, published to from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fanout = _Fanout()
        # Per console connection, so closing one tab leaves an adviser online in another.
        self._presence: dict[tuple[int, str], tuple[frozenset[str], float]] = {}

    def publish(self, channel: str, message: dict[str, Any]) -> None:
        self._fanout.publish(channel, message)

    def listen(self, channels: Iterable[str]) -> Any:
        return self._fanout.listen(channels)

    def healthy(self) -> bool:
        return True

    def mark_present(self, staff_id: int, offers: Iterable[str], connection: str = "") -> None:
        until = time.monotonic() + PRESENCE_SECONDS
        with self._lock:
            self._presence[(staff_id, connection)] = (frozenset(offers), until)

    def mark_absent(self, staff_id: int, connection: str | None = None) -> None:
        """One connection gone, or (``connection`` None) the adviser stops taking chats."""
        with self._lock:
            for key in [k for k in self._presence if k[0] == staff_id]:
                if connection is None or key[1] == connection:
                    del self._presence[key]

    def present(self, offer: str) -> list[int]:
        now = time.monotonic()
        with self._lock:
            return sorted(
                {
                    who
                    for (who, _connection), (offers, until) in self._presence.items()
                    if until > now and offer in offers
                }
            )


class RedisHub:
    """Many processes: Redis channels, and presence as a sorted set per offer scored by expiry.

    Each process holds one Redis subscription, whatever the number of open sockets, and fans
    its messages out to them. If Redis goes away the subscription is made again with a
    backoff, and once it is back every subscriber is sent ``RESYNC`` to fetch from the
    database what was said meanwhile: nothing is lost, only late.
    """

    def __init__(self, url: str) -> None:
        import redis
        import redis.asyncio as aioredis

        self.url = url
        options = {"socket_timeout": 2, "socket_connect_timeout": 2}
        self._redis = redis.Redis.from_url(url, **options)
        self._aioredis = aioredis
        self._errors = (redis.RedisError, OSError)
        self._fanout = _Fanout()
        self._reader: asyncio.Task | None = None
        self._subscribed = asyncio.Event()

    def publish(self, channel: str, message: dict[str, Any]) -> None:
        try:
            self._redis.publish(PREFIX + channel, json.dumps(message, default=str))
        except self._errors as exc:
            log.warning("live update not published (Redis: %s)", exc)

    @asynccontextmanager
    async def listen(self, channels: Iterable[str]) -> AsyncIterator[_QueueSubscription]:
        async with self._fanout.listen(channels) as subscription:
            if self._start_reader():
                # The first subscriber waits (briefly) for the subscription, so nothing
                # published straight after it is missed; with Redis down it goes on without.
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._subscribed.wait(), 2)
            yield subscription

    def _start_reader(self) -> bool:
        """Start the reader on this event loop unless it runs there; True if started now."""
        loop = asyncio.get_running_loop()
        reader = self._reader
        if reader is not None and not reader.done() and reader.get_loop() is loop:
            return False
        self._subscribed = asyncio.Event()
        self._reader = loop.create_task(self._read(self._subscribed), name="redis-hub")
        return True

    async def _read(self, subscribed: asyncio.Event) -> None:
        backoff, lost = 0.5, False
        while True:
            client = self._aioredis.Redis.from_url(
                self.url, socket_connect_timeout=2, health_check_interval=15
            )
            pubsub = client.pubsub()
            try:
                await pubsub.psubscribe(PREFIX + "*")
                subscribed.set()
                if lost:
                    log.info("live updates through Redis are back")
                    self._fanout.publish_all(RESYNC)
                backoff, lost = 0.5, False
                while True:
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=15)
                    if message and message.get("type") == "pmessage":
                        channel = message["channel"].decode()[len(PREFIX) :]
                        self._fanout.publish(channel, json.loads(message["data"]))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # whatever Redis did, the reader tries again later
                if not lost:
                    log.warning("live updates through Redis stopped (%s); retrying", exc)
                lost = True
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.close()
                    await client.close()

    def healthy(self) -> bool:
        try:
            return bool(self._redis.ping())
        except self._errors:
            return False

    def _key(self, offer: str) -> str:
        return f"{PREFIX}presence:{offer}"

    def mark_present(self, staff_id: int, offers: Iterable[str], connection: str = "") -> None:
        until = time.time() + PRESENCE_SECONDS
        try:
            with self._redis.pipeline() as pipe:
                for offer in offers:
                    pipe.zadd(self._key(offer), {f"{staff_id}:{connection}": until})
                    pipe.expire(self._key(offer), PRESENCE_SECONDS * 2)
                pipe.execute()
        except self._errors as exc:
            log.warning("presence not recorded (Redis: %s)", exc)

    def mark_absent(self, staff_id: int, connection: str | None = None) -> None:
        """One connection gone, or (``connection`` None) the adviser stops taking chats."""
        try:
            for key in self._redis.scan_iter(f"{PREFIX}presence:*"):
                members = [m.decode() for m in self._redis.zrange(key, 0, -1)]
                gone = [m for m in members if m.split(":", 1)[0] == str(staff_id)
                        and (connection is None or m.split(":", 1)[1] == connection)]  # fmt: skip
                if gone:
                    self._redis.zrem(key, *gone)
        except self._errors as exc:
            log.warning("presence not cleared (Redis: %s)", exc)

    def present(self, offer: str) -> list[int]:
        """Who is online for an offer; nobody when Redis cannot say (the resident is then
        offered a booking or a call-back rather than left waiting for nobody)."""
        try:
            found = self._redis.zrangebyscore(self._key(offer), time.time(), "+inf")
        except self._errors as exc:
            log.warning("presence unknown (Redis: %s)", exc)
            return []
        return sorted({int(member.decode().split(":", 1)[0]) for member in found})


@lru_cache(maxsize=1)
def get_hub() -> Hub:
    url = get_settings().redis_url
    return RedisHub(url) if url else InProcessHub()


def publish_after_commit(db_session: Any, hub: Hub, channel: str, message: dict[str, Any]) -> None:
    """Publish once the session's transaction commits, never before: a console that fetches
    on hearing the news must find it in the database. A rollback drops the news with it."""
    from sqlalchemy import event

    if not db_session.info.get("live_hooked"):
        db_session.info["live_hooked"] = True

        @event.listens_for(db_session, "after_commit")
        def _send(committed: Any) -> None:
            for target, name, news in committed.info.pop("live_pending", []):
                target.publish(name, news)

        @event.listens_for(db_session, "after_rollback")
        def _drop(rolled_back: Any) -> None:
            rolled_back.info.pop("live_pending", None)

    db_session.info.setdefault("live_pending", []).append((hub, channel, message))
