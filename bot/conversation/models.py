"""The gateway's record of a conversation, and the message shapes every client sees."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import JSON, Boolean, Column, Integer, String, false

from bot.clock import UTCDateTime, utcnow
from bot.database.core import Base


class Conversation(Base):
    """One resident's conversation. Its id is the only key a client holds, so it is unguessable.

    ``offered_buttons`` remembers the buttons the assistant last offered: only their payloads
    may come back, so a resident cannot drive the dialogue with raw ``/intent{...}`` text.
    """

    __tablename__ = "conversations"

    id = Column(String(64), primary_key=True)
    council_slug = Column(String(40), nullable=False, index=True)
    # The combined authority it began in, once moved to a member council by the resident's
    # postcode: a corrected postcode can move it to another member (None: never moved).
    authority_slug = Column(String(40), nullable=True)
    channel = Column(String(20), nullable=False, default="web")
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_active_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    turns = Column(Integer, nullable=False, default=0)
    offered_buttons = Column(JSON, nullable=False, default=list)
    # Set when the resident may be in danger (the safety net or the ``crisis`` intent): the
    # handoff queue puts these conversations first.
    urgent_at = Column(UTCDateTime, nullable=True, index=True)
    # The client's id for its last message and what the assistant answered: a client that lost
    # the reply (a dropped connection) sends the same id again and gets the same answer, so the
    # turn is neither lost nor run twice.
    last_message_id = Column(String(64), nullable=True)
    last_replies = Column(JSON, nullable=True)
    # After a crisis answer, until the resident says they are safe: every reply carries the
    # emergency numbers (bot.conversation.aftercare).
    crisis_open = Column(Boolean, nullable=False, default=False, server_default=false())
    crisis_kind = Column(String(20), nullable=True)  # suicide, abuse... (bot.safety.detect)
    # When the resident was last asked whether they are safe (bot.safety.concern was worried and
    # the rules were not): asked once, not at every message.
    checked_in_at = Column(UTCDateTime, nullable=True)
    # The texts of the last replies, so the same message never comes three times in a row.
    recent_replies = Column(JSON, nullable=True)
    # What the insight has counted once for this conversation ("assessment", "plan", an offer),
    # so a resident who looks at their pathways twice is one assessment (bot.insight.turns).
    counted = Column(JSON, nullable=True)


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    """One message from the assistant: any of text, buttons and a typed ``custom`` payload."""

    text: str | None = None
    buttons: list[Button] | None = None
    custom: dict[str, Any] | None = None


class MessagesOut(BaseModel):
    messages: list[BotMessage]
    reply_to: str | None = None  # the client's message id, when it sent one


class UserMessageIn(BaseModel):
    """What a client sends: free ``text`` typed by the resident, or a button's ``payload``.

    ``id`` is optional and chosen by the client, unique within the conversation: sending the same
    message again with the same id (after a dropped connection) returns the first answer.
    """

    text: str | None = None
    payload: str | None = None
    id: str | None = Field(None, regex=r"^[A-Za-z0-9_-]{1,64}$")


class ConversationCreate(BaseModel):
    channel: str = Field("web", regex=r"^(web|kiosk|test)$")
    greet: bool = True


class ConversationCreated(BaseModel):
    id: str
    messages: list[BotMessage]


class ErrorDetail(BaseModel):
    code: str
    message: str
    # With code ``rate_limited``: whole seconds before trying again (also in ``Retry-After``).
    retry_after: int | None = None


class ErrorOut(BaseModel):
    error: ErrorDetail
