"""What every action needs: the database, the council, and the rules in force."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from rasa_sdk import Tracker
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.booking.models import Booking
from bot.config import get_settings
from bot.council import service as council_service
from bot.council.models import Council
from bot.database.core import session_factory, session_scope
from bot.handoff.models import Case
from bot.pathways import config as pathways_config
from bot.pathways.models import RuleSet
from bot.plan.models import Plan
from bot.ratelimit.service import Limiter, make_limiter

PERSON_BUTTON = {"title": "Talk to a person", "payload": "/request_adviser"}
BOOK_BUTTON = {"title": "Book an appointment", "payload": "/book_appointment"}
HELP_BUTTON = {"title": "What else can you do?", "payload": "/help"}


@lru_cache(maxsize=1)
def _sessions() -> sessionmaker:
    return session_factory()


@contextmanager
def database() -> Iterator[Session]:
    with session_scope(_sessions()) as db_session:
        yield db_session


def resident_reference(conversation_id: str, db: Session) -> str | None:
    """The one reference this resident has been given, if any: their case's, their plan's or
    their appointment's (whichever came first took it, and the others take the same), so they
    are never told two references."""
    for column, where in (
        (Case.reference, Case.conversation_id == conversation_id),
        (Plan.reference, Plan.conversation_id == conversation_id),
        (Booking.reference, (Booking.conversation_id == conversation_id)
         & (Booking.status != "cancelled")),
    ):  # fmt: skip
        found = db.execute(select(column).where(where).limit(1)).scalar_one_or_none()
        if found:
            return found
    return None


@lru_cache(maxsize=1)
def limits() -> Limiter:
    """The service's rate limits in this process (shared with the API through Redis when
    ``REDIS_URL`` is set)."""
    return make_limiter(get_settings())


def client_of(tracker: Tracker) -> str:
    """The pseudonym of the network address the latest message came from (the gateway puts it
    in the message's metadata), or "" when there is none, as in the dialogue tests."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return str((event.get("metadata") or {}).get("client") or "")
    return ""


def council(tracker: Tracker) -> Council:
    """The council the conversation belongs to: the gateway names it in every message's
    metadata. Without one (the dialogue tests, which talk to Rasa directly) it is the home
    council."""
    routed = tracker.get_slot("council")  # a combined authority's resident, by their postcode
    if routed:
        try:
            return council_service.get(str(routed))
        except council_service.UnknownCouncil:
            pass
    said = [e.get("metadata") for e in reversed(tracker.events) if e.get("event") == "user"]
    # At the start of a session Rasa gives the first message's metadata as a slot instead.
    started = tracker.get_slot("session_started_metadata")
    for metadata in [*said, started]:
        slug = (metadata or {}).get("council") if isinstance(metadata, dict) else None
        if slug:
            try:
                return council_service.get(str(slug))
            except council_service.UnknownCouncil:
                break
    return council_service.home()


def authority(tracker: Tracker) -> Council:
    """Whose widget the resident came through: the combined authority a conversation moved to
    a member council began in (the gateway names it), else the conversation's council."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            slug = (event.get("metadata") or {}).get("authority")
            if slug:
                try:
                    return council_service.get(str(slug))
                except council_service.UnknownCouncil:
                    break
            break
    return council(tracker)


def rules(tracker: Tracker) -> RuleSet:
    this = council(tracker)
    return pathways_config.in_force(this, council_service.local_today(this))


def first_run_since_message(tracker: Tracker) -> bool:
    """Whether nothing but the form itself has run since the resident's message: the form is
    reading the message, not asking its question again after a digression was answered (the
    tracker a form validation action gets ends with the form's own run)."""
    events = tracker.events
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    ran = [e.get("name") for e in events[last_user + 1 :] if e.get("event") == "action"]
    return len([name for name in ran if name != "action_listen"]) <= 1


def answering(tracker: Tracker) -> str | None:
    """The response the resident's message answers: the last one said before it, whether said
    by its own action or by a custom action (``response=``); None when nothing was said."""
    events = tracker.events
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    for event in reversed(events[:last_user]):
        if event.get("event") == "user":
            return None
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def entities_of(tracker: Tracker) -> list[dict]:
    return list(tracker.latest_message.get("entities") or [])


def text_of(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""
