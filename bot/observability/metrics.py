"""Prometheus metrics: how long turns take and where, how many messages, errors, bookings,
and the handoff queue. Counts and timings only: no labels ever carry personal data or ids.

Each API process exposes its own ``/metrics``; Prometheus scrapes every process (see
docs/deploy.md), so nothing here is shared between processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from time import perf_counter

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily

REGISTRY = CollectorRegistry(auto_describe=True)
# Buckets for a chat turn: most take tens of milliseconds, a search with Rasa a few hundred.
TURN_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10)

TURN_SECONDS = Histogram(
    "worklocal_turn_seconds",
    "Time of a resident's turn, by stage: the whole turn in the gateway, and the assistant "
    "(Rasa's NLU, policies and actions) within it",
    ["stage"],
    buckets=TURN_BUCKETS,
    registry=REGISTRY,
)
MESSAGES = Counter(
    "worklocal_messages_total",
    "Messages by who sent them: resident (to the assistant or an adviser) or adviser",
    ["sender"],
    registry=REGISTRY,
)
ERRORS = Counter(
    "worklocal_errors_total",
    "Turns that failed, by kind: assistant_unavailable, database_unavailable, invalid_message",
    ["kind"],
    registry=REGISTRY,
)
ASSISTANT_REQUESTS = Counter(
    "worklocal_assistant_requests_total",
    "Requests to each Rasa server, by its position in RASA_URL (0 is the first): how evenly "
    "the API spreads turns",
    ["server"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "worklocal_rate_limited_total",
    "Requests refused by a rate limit: message (per conversation), conversation (starts per "
    "address) or sign_in (console sign-in attempts per address)",
    ["limit"],
    registry=REGISTRY,
)
BOOKINGS = Counter(
    "worklocal_bookings_total",
    "Appointments booked, changed and cancelled",
    ["event"],
    registry=REGISTRY,
)
HANDOFF_WAIT_SECONDS = Histogram(
    "worklocal_handoff_wait_seconds",
    "How long residents waited in the chat before an adviser claimed them",
    buckets=(5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600),
    registry=REGISTRY,
)


@contextmanager
def timed(stage: str) -> Iterator[None]:
    started = perf_counter()
    try:
        yield
    finally:
        TURN_SECONDS.labels(stage).observe(perf_counter() - started)


class QueueCollector:
    """The handoff queue's length by status, counted when scraped (``count`` reads the
    database), so every process reports the same truth."""

    def __init__(self, count: Callable[[], dict[str, int]]) -> None:
        self.count = count

    def describe(self):
        return [GaugeMetricFamily("worklocal_handoff_queue", "Cases not closed, by status")]

    def collect(self):
        family = GaugeMetricFamily(
            "worklocal_handoff_queue", "Cases not closed, by status", labels=["status"]
        )
        for status, number in self.count().items():
            family.add_metric([status], number)
        yield family


_queue_collector: QueueCollector | None = None


def watch_queue(count: Callable[[], dict[str, int]]) -> None:
    """Report the queue as ``count`` finds it (once per process; a new app replaces it)."""
    global _queue_collector
    if _queue_collector is not None:
        REGISTRY.unregister(_queue_collector)
    _queue_collector = QueueCollector(count)
    REGISTRY.register(_queue_collector)
