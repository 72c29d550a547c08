"""The background jobs: send queued messages, queue tomorrow's reminders, and (hourly) forget
what is past the council's retention period. A package of its own because it uses booking,
notify and retention, which must not import it back (notify once held it, and the three formed
a loop).

It runs in a thread of each API process, waking every ``interval`` seconds. Several processes
can run it at once: on PostgreSQL each takes different rows (SKIP LOCKED), and a reminder is
queued once whoever queues it first (the outbox's dedupe key).
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from bot.booking import flows as booking_flows
from bot.council import service as council_service
from bot.database.core import checkpoint, session_scope
from bot.notify import service as notify
from bot.retention import service as retention

log = logging.getLogger(__name__)


def _add(total: dict[str, int], counts: dict[str, int]) -> dict[str, int]:
    return {key: total.get(key, 0) + counts.get(key, 0) for key in {*total, *counts}}


def run_once(factory: sessionmaker) -> dict[str, int]:
    """Reminders and messages for every council, each with its own clock and templates."""
    counts: dict[str, int] = {"reminders": 0}
    for council in council_service.get_all():
        with session_scope(factory) as db:
            reminders = booking_flows.queue_reminders(db_session=db, council=council)
        counts = _add(counts, {"reminders": reminders})
        if notify.configured():
            with session_scope(factory) as db:
                counts = _add(counts, notify.deliver_due(db_session=db, council=council))
    return counts


def forget_old(factory: sessionmaker, tracker_engine: Engine) -> dict[str, int]:
    """Each council's records after its own retention periods."""
    counts: dict[str, int] = {}
    for council in council_service.get_all():
        with session_scope(factory) as db:
            counts = _add(counts, retention.purge(db_session=db, tracker_engine=tracker_engine,
                                                  council=council))  # fmt: skip
    if any(counts.values()):  # the SQLite logs must not keep what was just deleted
        checkpoint(factory.kw["bind"])
        checkpoint(tracker_engine)
    return counts


class Worker:
    RETENTION_EVERY = 3600.0  # seconds

    def __init__(
        self, factory: sessionmaker, tracker_engine: Engine, interval: float = 30.0
    ) -> None:
        self.factory = factory
        self.tracker_engine = tracker_engine
        self.interval = interval
        self._forgot_at = float("-inf")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="background-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                run_once(self.factory)
                if time.monotonic() - self._forgot_at >= self.RETENTION_EVERY:
                    self._forgot_at = time.monotonic()
                    gone = forget_old(self.factory, self.tracker_engine)
                    if any(gone.values()):
                        log.info("retention: forgot %s", gone)
            except Exception:  # a bad moment (database restarting) must not end the loop
                log.exception("notification worker run failed; trying again shortly")
            self._stop.wait(self.interval)
