"""Create, continue and end conversations: the one path every client's messages take."""

from __future__ import annotations

import secrets

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.conversation import guard, tracker
from bot.conversation.models import BotMessage, Button, Conversation, utcnow
from bot.conversation.rasa_client import RasaClient

GREETING_PAYLOAD = "/greet"


class ConversationNotFound(LookupError):
    """No live conversation has that id (never existed, ended, or expired)."""


def new_id() -> str:
    """192 random bits, URL-safe: the id is the resident's only credential."""
    return secrets.token_urlsafe(24)


def get(*, session: Session, conversation_id: str) -> Conversation | None:
    if not conversation_id or len(conversation_id) > 64:
        return None
    return session.get(Conversation, conversation_id)


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
) -> list[BotMessage]:
    """One resident turn: check the input, pass it to Rasa, remember which buttons came back."""
    conversation = get(session=session, conversation_id=conversation_id)
    if conversation is None:
        raise ConversationNotFound(conversation_id)
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
    messages = rasa.send(conversation.id, accepted.rasa_text, _metadata(conversation))
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


def _metadata(conversation: Conversation) -> dict[str, str]:
    return {"council": conversation.council_slug, "channel": conversation.channel}


def _remember_offers(conversation: Conversation, messages: list[BotMessage]) -> None:
    conversation.offered_buttons = [
        button.dict() for message in messages for button in message.buttons or []
    ]
