"""The background job that sends queued messages and queues tomorrow's reminders.

It runs in a thread of each API process, waking every ``interval`` seconds. Several processes
can run it at once: on PostgreSQL each takes different rows (SKIP LOCKED), and a reminder is
queued once whoever queues it first (the outbox's dedupe key).
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.orm import sessionmaker

from bot.booking import flows as booking_flows
from bot.council import service as council_service
from bot.database.core import session_scope
from bot.notify import service as notify

log = logging.getLogger(__name__)


def run_once(factory: sessionmaker) -> dict[str, int]:
    council = council_service.get_default()
    with session_scope(factory) as db:
        reminders = booking_flows.queue_reminders(db_session=db, council=council)
    counts = {"reminders": reminders}
    if notify.configured():
        with session_scope(factory) as db:
            counts |= notify.deliver_due(db_session=db, council=council)
    return counts


class Worker:
    def __init__(self, factory: sessionmaker, interval: float = 30.0) -> None:
        self.factory = factory
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="notify-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                run_once(self.factory)
            except Exception:  # a bad moment (database restarting) must not end the loop
                log.exception("notification worker run failed; trying again shortly")
            self._stop.wait(self.interval)
