"""Rate limits: the sliding window, the wait it asks for, and Redis shared by processes."""

from __future__ import annotations

import os
import uuid

import pytest

from bot.ratelimit.service import (
    Limit,
    Limiter,
    MemoryCounter,
    RateLimited,
    RedisCounter,
    wait_text,
)


class Clock:
    def __init__(self, now: float = 1_000_000_000.0) -> None:  # 40 s into a minute window
        self.now = now

    def __call__(self) -> float:
        return self.now


def limiter(count: int, seconds: int = 60, counter=None, clock=None, errors=()) -> Limiter:
    return Limiter(
        {"message": Limit("message", count, seconds)},
        counter or MemoryCounter(),
        errors,
        clock=clock or Clock(),
    )


def refused(limits: Limiter, key: str = "conversation-1") -> RateLimited | None:
    try:
        limits.check("message", key)
    except RateLimited as exc:
        return exc
    return None


def test_allows_the_limit_then_refuses_with_a_wait():
    limits = limiter(3)
    assert [refused(limits) for _ in range(3)] == [None, None, None]
    refusal = refused(limits)
    assert refusal is not None
    assert refusal.limit.name == "message"
    # Three counted: one more passes 20 s into the next window, when 1 + 3 * (1 - 20/60) <= 3,
    # which is 20 + 20 s from now.
    assert refusal.retry_after == 40
    assert refused(limits).retry_after == 40  # asking again early does not add to the wait


def test_keys_are_counted_apart():
    limits = limiter(1)
    assert refused(limits, "a") is None
    assert refused(limits, "b") is None
    assert refused(limits, "a") is not None


def test_the_previous_window_weighs_in_as_it_fades():
    """Three uses late in one window and the limit is still nearly spent early in the next:
    a burst at a window's edge cannot double the allowance."""
    clock = Clock(1_000_000_010.0)  # 50 s into the window
    limits = limiter(3, clock=clock)
    for _ in range(3):
        limits.check("message", "k")
    clock.now += 15  # 5 s into the next window: the last one still counts 3 * 55/60
    refusal = refused(limits, "k")
    assert refusal is not None
    # One more use passes once 1 + 3 * (1 - t/60) <= 3: t >= 20 s into this window.
    assert refusal.retry_after == 15
    clock.now += refusal.retry_after
    assert refused(limits, "k") is None


@pytest.mark.parametrize("count", [1, 2, 5, 30])
def test_waiting_as_told_is_always_enough(count):
    """Whatever the pattern of use, a client that waits ``retry_after`` gets through."""
    clock = Clock()
    limits = limiter(count, clock=clock)
    for step in range(200):
        refusal = refused(limits, "k")
        if refusal is not None:
            clock.now += refusal.retry_after
            assert refused(limits, "k") is None, f"still refused after waiting (step {step})"
        clock.now += 0.7


def test_a_count_of_zero_means_no_limit():
    limits = limiter(0)
    assert all(refused(limits) is None for _ in range(1000))


def test_old_windows_are_forgotten():
    clock = Clock()
    counter = MemoryCounter()
    limits = limiter(5, counter=counter, clock=clock)
    for n in range(50):
        limits.check("message", f"key-{n}")
    clock.now += 180
    limits.check("message", "someone else")
    assert sum(len(counts) for counts in counter._counts.values()) == 1


def test_limits_of_a_minute_and_of_an_hour_keep_their_counts_side_by_side():
    """Messages (counted by the minute) going on between sign-in attempts (by the hour)
    must not wipe the hourly count."""
    clock = Clock()
    limits = Limiter(
        {"message": Limit("message", 30, 60), "sign_in": Limit("sign_in", 3, 3600)},
        MemoryCounter(),
        clock=clock,
    )
    for _ in range(3):
        limits.check("sign_in", "203.0.113.9")
        limits.check("message", "conversation-1")
        clock.now += 1
    with pytest.raises(RateLimited):
        limits.check("sign_in", "203.0.113.9")


def test_wait_text_reads_naturally():
    assert wait_text(1) == "1 second"
    assert wait_text(40) == "40 seconds"
    assert wait_text(1800) == "30 minutes"


def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_REDIS_URL is not set: run the suite with `make test`")
        pytest.skip("Redis not available (run through `make test`)")
    return url


def test_processes_share_one_count_through_redis_and_addresses_stay_out_of_it():
    import redis

    url, key = redis_url(), f"198.51.100.{uuid.uuid4().int % 250}-{uuid.uuid4().hex}"
    clock = Clock()
    first = limiter(4, counter=RedisCounter(url), clock=clock)
    second = limiter(4, counter=RedisCounter(url), clock=clock)
    results = [refused(process, key) for process in (first, second, first, second, first)]
    assert results[:4] == [None] * 4
    assert results[4] is not None
    stored = [k.decode() for k in redis.Redis.from_url(url).scan_iter("worklocal:rate:*")]
    assert stored and not any(key in name for name in stored)


def test_with_redis_down_requests_pass_and_redis_is_left_alone_for_a_while():
    class Failing:
        calls = 0

        def hit(self, bucket, window, ttl):
            Failing.calls += 1
            raise ConnectionError("Redis is down")

        def undo(self, bucket, window, ttl):
            raise AssertionError("nothing was counted")

    clock = Clock()
    limits = limiter(1, counter=Failing(), clock=clock, errors=(ConnectionError,))
    assert [refused(limits) for _ in range(5)] == [None] * 5
    assert Failing.calls == 1  # not asked again at once: each try could take a timeout
    clock.now += 6
    assert refused(limits) is None
    assert Failing.calls == 2


def test_a_real_unreachable_redis_lets_requests_through():
    import redis

    limits = limiter(1, counter=RedisCounter("redis://127.0.0.1:9/0"),
                     errors=(redis.RedisError, OSError))  # fmt: skip
    assert refused(limits) is None
    assert refused(limits) is None


def test_without_redis_the_api_and_the_action_server_count_bookings_together(database_url):
    """Two processes (the API and the action server) on one database: a resident's bookings
    are counted once, whichever takes them; chat messages stay each process's own."""
    from sqlalchemy import select

    from bot.config import Settings
    from bot.database import migrate
    from bot.database.core import make_engine
    from bot.ratelimit.models import RateCount
    from bot.ratelimit.service import make_limiter

    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    settings = Settings(redis_url="", bookings_per_hour=3, messages_per_minute=2)
    api, actions = make_limiter(settings, engine), make_limiter(settings, engine)
    address = "203.0.113.9"
    for process in (api, actions, api):
        process.check("booking", address)
    with pytest.raises(RateLimited):
        actions.check("booking", address)  # the fourth, in the other process
    api.check("booking", "203.0.113.10")  # someone else
    for process in (api, actions):  # two each: messages are not shared (nor need to be)
        process.check("message", "conversation-1")
        process.check("message", "conversation-1")
    with engine.connect() as connection:
        buckets = connection.execute(select(RateCount.bucket, RateCount.count)).all()
    engine.dispose()
    assert {count for _bucket, count in buckets} == {3, 1}  # the refused use was not counted
    assert not any(address in bucket for bucket, _count in buckets)  # hashed, never in clear
    assert all(bucket.startswith("booking:") for bucket, _count in buckets)


def test_without_redis_a_database_that_cannot_count_lets_bookings_through(tmp_path):
    from bot.config import Settings
    from bot.database.core import make_engine
    from bot.ratelimit.service import make_limiter

    engine = make_engine(f"sqlite:///{tmp_path / 'not-migrated.db'}")
    limits = make_limiter(Settings(redis_url="", bookings_per_hour=1), engine)
    for _ in range(3):
        limits.check("booking", "203.0.113.9")  # no table: let through, not a server error
    engine.dispose()


def test_a_failing_counter_lets_only_its_own_limit_through():
    """The booking counts in the database may fail (busy, not migrated): chat messages, counted
    in memory, are still limited meanwhile."""
    from bot.ratelimit.service import ByLimit

    class Failing:
        def hit(self, bucket, window, ttl):
            raise ConnectionError("database is locked")

        def undo(self, bucket, window, ttl):
            raise AssertionError("nothing was counted")

    limits = Limiter(
        {"message": Limit("message", 1, 60), "booking": Limit("booking", 1, 3600)},
        ByLimit({"booking": Failing()}, MemoryCounter()),
        (ConnectionError,),
        clock=Clock(),
    )
    limits.check("booking", "203.0.113.9")  # let through: its counter failed
    limits.check("booking", "203.0.113.9")
    limits.check("message", "conversation-1")
    with pytest.raises(RateLimited):
        limits.check("message", "conversation-1")
