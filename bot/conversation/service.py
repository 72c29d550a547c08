"""Create, continue and end conversations: the one path every client's messages take."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from zlib import crc32

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.conversation import guard, tracker
from bot.conversation.models import BotMessage, Button, Conversation, utcnow
from bot.conversation.rasa_client import RasaClient
from bot.safety.detect import is_crisis

GREETING_PAYLOAD = "/greet"
CRISIS_PAYLOAD = "/crisis"
CRISIS_TYPE = "crisis"  # the custom payload type of the assistant's crisis answer


# One conversation's turns run one at a time in this process, so a message sent twice at once
# (a widget retrying over a new connection while the first send is still running) is answered
# from the first. Across processes the row lock in ``send`` does the same on PostgreSQL.
_TURN_LOCKS = [threading.Lock() for _ in range(1024)]


@contextmanager
def turn_lock(conversation_id: str) -> Iterator[None]:
    """Hold around the whole unit of work of a turn, commit included."""
    with _TURN_LOCKS[crc32(conversation_id.encode()) % len(_TURN_LOCKS)]:
        yield


class ConversationNotFound(LookupError):
    """No live conversation has that id (never existed, ended, or expired)."""


def new_id() -> str:
    """192 random bits, URL-safe: the id is the resident's only credential."""
    return secrets.token_urlsafe(24)


def get(*, session: Session, conversation_id: str, for_update: bool = False) -> Conversation | None:
    """``for_update`` locks the row (PostgreSQL) so one conversation's turns run one at a time."""
    if not conversation_id or len(conversation_id) > 64:
        return None
    return session.get(Conversation, conversation_id, with_for_update=for_update or None)


def create(
    *, session: Session, rasa: RasaClient, council_slug: str, channel: str, greet: bool
) -> tuple[Conversation, list[BotMessage]]:
    """Start a conversation; with ``greet`` the assistant speaks first.

    The row is flushed but committed by the caller's unit of work, so if Rasa is down the
    conversation is not left half-made.
    """
    conversation = Conversation(
        id=new_id(), council_slug=council_slug, channel=channel, offered_buttons=[], turns=0
    )
    session.add(conversation)
    messages: list[BotMessage] = []
    if greet:
        messages = rasa.send(conversation.id, GREETING_PAYLOAD, _metadata(conversation))
        _remember_offers(conversation, messages)
    session.flush()
    return conversation, messages


def send(
    *,
    session: Session,
    rasa: RasaClient,
    conversation_id: str,
    text: str | None,
    payload: str | None,
    max_chars: int,
    message_id: str | None = None,
) -> list[BotMessage]:
    """One resident turn: check the input, pass it to Rasa, remember which buttons came back.

    A ``message_id`` seen last time is a client retrying after losing the answer: it gets the
    stored answer and Rasa does not see the message twice.
    """
    conversation = get(session=session, conversation_id=conversation_id, for_update=True)
    if conversation is None:
        raise ConversationNotFound(conversation_id)
    if message_id is not None and message_id == conversation.last_message_id:
        return [BotMessage(**message) for message in conversation.last_replies or []]
    messages = _turn(rasa, conversation, text, payload, max_chars)
    if message_id is not None:
        conversation.last_message_id = message_id
        conversation.last_replies = [m.dict(exclude_none=True) for m in messages]
    return messages


def _turn(
    rasa: RasaClient,
    conversation: Conversation,
    text: str | None,
    payload: str | None,
    max_chars: int,
) -> list[BotMessage]:
    offered = [Button(**button) for button in conversation.offered_buttons or []]
    accepted = guard.accept(
        text=text,
        payload=payload,
        offered=[button.payload for button in offered],
        max_chars=max_chars,
    )
    if accepted.rasa_text is None:
        # Re-offer the buttons still open so the resident is never left at a dead end.
        return [BotMessage(text=accepted.local_reply, buttons=offered or None)]
    rasa_text, metadata = accepted.rasa_text, _metadata(conversation)
    if text is not None and is_crisis(rasa_text):
        # The safety net: whatever the dialogue is doing and however sure its model is, a
        # resident in danger gets the emergency answer. Their own words stay in the metadata.
        mark_urgent(conversation)
        rasa_text, metadata = CRISIS_PAYLOAD, {**metadata, "resident_text": accepted.rasa_text}
    messages = rasa.send(conversation.id, rasa_text, metadata) or [_nothing_back()]
    if any((message.custom or {}).get("type") == CRISIS_TYPE for message in messages):
        mark_urgent(conversation)  # the model recognised a crisis the safety net's rules missed
    _remember_offers(conversation, messages)
    conversation.turns = (conversation.turns or 0) + 1
    conversation.last_active_at = utcnow()
    return messages


def end(*, session: Session, tracker_engine: Engine, conversation_id: str) -> None:
    """End a conversation and forget it: the gateway's row and everything Rasa stored."""
    conversation = get(session=session, conversation_id=conversation_id)
    if conversation is None:
        raise ConversationNotFound(conversation_id)
    tracker.forget(tracker_engine, conversation.id)
    session.delete(conversation)


def _nothing_back() -> BotMessage:
    """The assistant said nothing (an action failed): never leave the resident waiting."""
    return BotMessage(
        text="Sorry, something went wrong on our side and I couldn't answer that. Please try "
        "again, say it another way, or talk to a person.",
        buttons=[
            Button(title="Talk to a person", payload="/request_adviser"),
            Button(title="What can you do?", payload="/help"),
        ],
    )


def mark_urgent(conversation: Conversation) -> None:
    if conversation.urgent_at is None:
        conversation.urgent_at = utcnow()


def _metadata(conversation: Conversation) -> dict[str, str]:
    return {"council": conversation.council_slug, "channel": conversation.channel}


def _remember_offers(conversation: Conversation, messages: list[BotMessage]) -> None:
    conversation.offered_buttons = [
        button.dict() for message in messages for button in message.buttons or []
    ]
