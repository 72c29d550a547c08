"""What every action needs: the database, the council, and the rules in force."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from rasa_sdk import Tracker
from sqlalchemy.orm import Session, sessionmaker

from bot.council import service as council_service
from bot.council.models import Council
from bot.database.core import session_factory, session_scope
from bot.pathways import config as pathways_config
from bot.pathways.models import RuleSet

PERSON_BUTTON = {"title": "Talk to a person", "payload": "/request_adviser"}
BOOK_BUTTON = {"title": "Book an appointment", "payload": "/book_appointment"}


@lru_cache(maxsize=1)
def _sessions() -> sessionmaker:
    return session_factory()


@contextmanager
def database() -> Iterator[Session]:
    with session_scope(_sessions()) as session:
        yield session


def council() -> Council:
    return council_service.get_default()


def rules() -> RuleSet:
    return pathways_config.in_force(council(), council_service.local_today(council()))


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def entities_of(tracker: Tracker) -> list[dict]:
    return list(tracker.latest_message.get("entities") or [])


def text_of(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""
