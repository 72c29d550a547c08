"""Rate limits: how often one conversation may send, and one network address may start
conversations, try to sign in, book appointments or look bookings up by reference.

Counts are kept in Redis when ``REDIS_URL`` is set, so every API process sees the same count
(a resident's consecutive messages may reach different processes). Without Redis they are kept
in this process, except the booking limits: the API and the action server both take bookings,
so those counts go through the database (``DatabaseCounter``, table ``rate_counts``).
Each limit is a sliding window approximated from two fixed windows: the previous window's count
weighs in by how much of it still overlaps, so a burst at a window's edge cannot double the
allowance. An address is personal data: keys are hashed, so none is stored in the clear, and
expire after two windows; none is ever logged.

When Redis fails, requests are let through (logged, and checked again a few seconds later):
refusing every resident because a counter is unreachable would be worse than a burst let in.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from sqlalchemy import delete, select, update
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings, get_settings
from bot.observability import metrics

log = logging.getLogger(__name__)
PREFIX = "worklocal:rate:"
REDIS_RETRY_SECONDS = 5.0


@dataclass(frozen=True)
class Limit:
    """At most ``count`` uses per ``seconds``; a count of 0 means no limit."""

    name: str
    count: int
    seconds: int


class RateLimited(Exception):
    """Refused for now; ``retry_after`` is whole seconds until a use is allowed again."""

    def __init__(self, limit: Limit, retry_after: int) -> None:
        super().__init__(f"{limit.name}: more than {limit.count} in {limit.seconds} s")
        self.limit = limit
        self.retry_after = retry_after


class Counter(Protocol):
    def hit(self, bucket: str, window: int, ttl: int) -> tuple[int, int]:
        """Count one use in ``window``; return this window's and the previous window's counts."""
        ...

    def undo(self, bucket: str, window: int, ttl: int) -> None:
        """Take back a use that was refused."""
        ...


class MemoryCounter:
    """One process's counts: the embedded default, where there is one API process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Per window length (``ttl``): windows of a minute and of an hour are numbered apart.
        self._counts: dict[int, dict[tuple[str, int], int]] = {}
        self._oldest: dict[int, int] = {}

    def hit(self, bucket: str, window: int, ttl: int) -> tuple[int, int]:
        with self._lock:
            counts = self._forget_before(ttl, window - 1)
            current = counts.get((bucket, window), 0) + 1
            counts[(bucket, window)] = current
            return current, counts.get((bucket, window - 1), 0)

    def undo(self, bucket: str, window: int, ttl: int) -> None:
        with self._lock:
            counts = self._counts.get(ttl, {})
            if counts.get((bucket, window), 0) > 0:
                counts[(bucket, window)] -= 1

    def _forget_before(self, ttl: int, window: int) -> dict[tuple[str, int], int]:
        # Windows only move forward, so old counts are swept once per new window, not per hit.
        counts = self._counts.setdefault(ttl, {})
        if window > self._oldest.get(ttl, 0):
            counts = self._counts[ttl] = {k: n for k, n in counts.items() if k[1] >= window}
            self._oldest[ttl] = window
        return counts


class RedisCounter:
    """Counts shared by every API process through Redis."""

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)

    def hit(self, bucket: str, window: int, ttl: int) -> tuple[int, int]:
        with self._redis.pipeline(transaction=False) as pipe:
            pipe.incr(f"{PREFIX}{bucket}:{window}")
            pipe.expire(f"{PREFIX}{bucket}:{window}", ttl)
            pipe.get(f"{PREFIX}{bucket}:{window - 1}")
            current, _expiry, previous = pipe.execute()
        return int(current), int(previous or 0)

    def undo(self, bucket: str, window: int, ttl: int) -> None:
        self._redis.decr(f"{PREFIX}{bucket}:{window}")


class DatabaseCounter:
    """Counts shared through the service's database: for the limits that the API and the
    action server both check when there is no Redis (a resident can book in the chat or
    through the API, and each is its own process). Only for uses that write anyway (bookings
    and lookups), not for every message."""

    def __init__(self, engine) -> None:
        self._engine = engine
        if engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        self._insert = insert

    def hit(self, bucket: str, window: int, ttl: int) -> tuple[int, int]:
        from bot.clock import utcnow
        from bot.ratelimit.models import RateCount

        now = utcnow()
        add = self._insert(RateCount).values(
            bucket=bucket, period=window, count=1, expires_at=now + timedelta(seconds=ttl)
        )
        add = add.on_conflict_do_update(
            index_elements=["bucket", "period"], set_={"count": RateCount.count + 1}
        )
        with self._engine.begin() as connection:
            connection.execute(delete(RateCount).where(RateCount.expires_at < now))
            connection.execute(add)
            counts = dict(connection.execute(
                select(RateCount.period, RateCount.count).where(
                    RateCount.bucket == bucket, RateCount.period.in_((window, window - 1)))
            ).all())  # fmt: skip
        return counts.get(window, 1), counts.get(window - 1, 0)

    def undo(self, bucket: str, window: int, ttl: int) -> None:
        from bot.ratelimit.models import RateCount

        with self._engine.begin() as connection:
            connection.execute(
                update(RateCount)
                .where(RateCount.bucket == bucket, RateCount.period == window, RateCount.count > 0)
                .values(count=RateCount.count - 1)
            )


class ByLimit:
    """Each limit's counts where they need to be: the named limits in ``shared``, the rest in
    ``default``. Buckets start with their limit's name."""

    def __init__(self, shared: dict[str, Counter], default: Counter) -> None:
        self._shared, self._default = shared, default

    def _for(self, bucket: str) -> Counter:
        return self._shared.get(bucket.split(":", 1)[0], self._default)

    def hit(self, bucket: str, window: int, ttl: int) -> tuple[int, int]:
        return self._for(bucket).hit(bucket, window, ttl)

    def undo(self, bucket: str, window: int, ttl: int) -> None:
        self._for(bucket).undo(bucket, window, ttl)


# Checked in more than one process on the embedded defaults (the API and the action server).
SHARED_WITHOUT_REDIS = ("booking", "booking_lookup")


class Limiter:
    """Checks uses against the service's limits; one per API process."""

    def __init__(
        self,
        limits: dict[str, Limit],
        counter: Counter,
        redis_errors: tuple[type[BaseException], ...] = (),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.limits = limits
        self._counter = counter
        self._errors = redis_errors
        self._clock = clock
        # Per limit: a counter that fails (Redis down, a database busy) lets that limit's uses
        # through for a while; the other limits, perhaps counted elsewhere, still apply.
        self._skip_until: dict[str, float] = {}

    def check(self, name: str, key: str) -> None:
        """Count one use of limit ``name`` by ``key``; raise ``RateLimited`` if over it."""
        limit, now = self.limits[name], self._clock()
        if limit.count <= 0 or now < self._skip_until.get(name, 0.0):
            return
        window, into = divmod(now, limit.seconds)
        bucket = f"{limit.name}:{_digest(key)}"
        try:
            current, previous = self._counter.hit(bucket, int(window), limit.seconds * 2)
        except self._errors as exc:
            self._skip_until[name] = now + REDIS_RETRY_SECONDS
            log.warning("%s limit not checked for %.0f s (its counter failed: %s)", name,
                        REDIS_RETRY_SECONDS, type(exc).__name__)  # fmt: skip
            return
        overlap = 1 - into / limit.seconds
        if current + previous * overlap <= limit.count:
            return
        # A refused use is not counted: trying again early must not lengthen the wait.
        with contextlib.suppress(*self._errors):
            self._counter.undo(bucket, int(window), limit.seconds * 2)
        metrics.RATE_LIMITED.labels(limit.name).inc()
        raise RateLimited(limit, _retry_after(limit, current - 1, previous, into))


def _retry_after(limit: Limit, kept: int, previous: int, into: float) -> int:
    """Whole seconds until one more use would pass, with ``kept`` uses in this window.

    Within this window a use passes once the previous window has faded enough; once this
    window alone holds the limit, the wait runs into the next window, where this one fades.
    """
    seconds, room = limit.seconds, limit.count - kept - 1
    if room > 0 and previous:
        at = seconds * (1 - room / previous)
    else:
        at = seconds + seconds * (max(0.0, 1 - (limit.count - 1) / kept) if kept else 0.0)
    return max(1, math.ceil(round(at - into, 6)))  # 40.000000000001 s is 40 s


def in_council(council_slug: str, who: str) -> str:
    """A limit's key for one council's residents at one address: a library shared by two
    councils' residents uses up neither council's allowance for the other."""
    return f"{council_slug}|{who}"


def pseudonym(address: str) -> str:
    """A network address as the limits may pass it to other processes (in a message's metadata,
    which Rasa stores): keyed with the service's internal token, so it cannot be turned back
    into the address, and changes whenever the token does."""
    secret = get_settings().internal_token.encode() or b"worklocal"
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()[:24]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def limits(settings: Settings) -> dict[str, Limit]:
    """The limits this service enforces, from its settings (README, "Configuration")."""
    return {
        "message": Limit("message", settings.messages_per_minute, 60),
        "conversation": Limit("conversation", settings.conversations_per_hour, 3600),
        "sign_in": Limit("sign_in", settings.sign_ins_per_hour, 3600),
        "booking": Limit("booking", settings.bookings_per_hour, 3600),
        "booking_lookup": Limit("booking_lookup", settings.booking_lookups_per_hour, 3600),
    }


def make_limiter(settings: Settings, engine=None) -> Limiter:
    """Redis when ``REDIS_URL`` is set. Without it, this process's memory, except for the
    booking limits, which go through the database (``engine``, the service's by default) so the
    API and the action server count one resident's bookings together."""
    if not settings.redis_url:
        from bot.database.core import get_engine

        shared = DatabaseCounter(engine or get_engine())
        counter = ByLimit({name: shared for name in SHARED_WITHOUT_REDIS}, MemoryCounter())
        # A database that can't count (not migrated yet, busy) lets the use through, as Redis
        # failing does: refusing every resident would be worse.
        return Limiter(limits(settings), counter, (SQLAlchemyError,))
    import redis

    return Limiter(limits(settings), RedisCounter(settings.redis_url), (redis.RedisError, OSError))


def wait_text(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{math.ceil(seconds / 60)} minutes"
