"""Each Rasa server keeps the tracker of a conversation it has just saved, for that
conversation's next turn. Used by the service's tracker store (``bot.assistant.tracker_store``)
unless ``TRACKER_CACHE_SIZE`` is 0.

Rasa reads every event of a conversation back from SQL on each turn and replays them into a
new tracker, only to append a few and save: 13 % of the Rasa server's time under load, growing
with the conversation (docs/benchmarks.md, "Load through the gateway").

A kept tracker is handed back only while it is exactly what reading the database would give:

- the database must not have changed since it was saved. Each entry holds the conversation's
  stored row count and latest timestamp, checked again (one indexed query) before it is used,
  so events written by another Rasa server, deleted by retention or forgotten all send the
  turn to the database;
- it holds only the latest session, as the database read does (a tracker that has just
  started a session still holds the one before, so it is not kept);
- the model's domain must be the one it was built with;
- it is handed over, not shared: taking it removes it, so a turn that fails half-way (and
  never saves) leaves nothing behind, and the next turn reads the database.

Trackers hold residents' words, so entries go when their conversation is forgotten (the
gateway's ``FORGET_PATH`` call), and none is used after ``LONGEST_KEPT_SECONDS``: older ones
are dropped at the server's next turn, whichever conversation it is for.
"""

from __future__ import annotations

import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

LONGEST_KEPT_SECONDS = 1800.0
Stamp = tuple[int, Any]  # stored rows, latest timestamp
_CACHES: weakref.WeakSet = weakref.WeakSet()  # every cache in this process, to forget from


@dataclass
class _Kept:
    tracker: Any
    domain: Any
    stamp: Stamp
    kept_at: float
    events: int  # how many events it held when saved: more means a turn changed it unsaved


class TrackerCache:
    """The last saved tracker of up to ``size`` conversations, least recently saved first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        _CACHES.add(self)

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, sender_id: str) -> bool:
        return sender_id in self._kept

    def take(self, sender_id: str, domain: Any, stamp: Stamp) -> Any:
        """The kept tracker if the database still matches it, else None; either way it is no
        longer kept. A tracker a turn changed without saving (a conversation's first turn
        saves its new tracker before the turn runs) is not handed back."""
        self.drop_stale(time.monotonic())
        kept = self._kept.pop(sender_id, None)
        if kept is None or kept.domain is not domain or kept.stamp != stamp:
            return None
        if len(kept.tracker.events) != kept.events:
            return None
        return kept.tracker

    def keep(self, tracker: Any, domain: Any, stamp: Stamp) -> None:
        """Keep a tracker just saved, if it holds only what a read of its latest session would."""
        self._kept.pop(tracker.sender_id, None)
        if not holds_latest_session_only(tracker):
            return
        now = time.monotonic()
        self._kept[tracker.sender_id] = _Kept(tracker, domain, stamp, now, len(tracker.events))
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)
        self.drop_stale(now)

    def drop_stale(self, now: float | None = None) -> None:
        """Let go of every tracker kept longer than ``LONGEST_KEPT_SECONDS``."""
        now = time.monotonic() if now is None else now
        while self._kept:
            oldest = next(iter(self._kept.values()))
            if now - oldest.kept_at <= LONGEST_KEPT_SECONDS:
                break
            self._kept.popitem(last=False)

    def forget(self, sender_id: str) -> int:
        return 1 if self._kept.pop(sender_id, None) is not None else 0

    def __hash__(self) -> int:  # held in a WeakSet
        return id(self)


def holds_latest_session_only(tracker: Any) -> bool:
    """Whether every event is at or after the latest session's start, as the store reads them
    (``bot.assistant.sql_events.event_rows``)."""
    from rasa.shared.core.events import SessionStarted

    starts = [e.timestamp for e in tracker.events if isinstance(e, SessionStarted)]
    if not starts:
        return True
    start = max(starts)
    return all(e.timestamp >= start for e in tracker.events)


def forget(sender_id: str) -> int:
    """Let go of a conversation's tracker in every cache of this process."""
    return sum(cache.forget(sender_id) for cache in list(_CACHES))
