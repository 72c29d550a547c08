"""The handoff package's side of ``bot.conversation.live_chat``: routing a request for a
person, relaying the resident's words and their leaving, through cases and the live hub."""

from __future__ import annotations

import sys

from sqlalchemy.orm import Session

from bot.conversation import live_chat
from bot.conversation.models import BotMessage, Conversation
from bot.conversation.rasa_client import RasaClient
from bot.council.models import Council
from bot.handoff import flows, service
from bot.handoff.flows import LEAVE_QUEUE, resident_left
from bot.handoff.models import URGENCY, Case
from bot.live.hub import Hub

__all__ = ["LEAVE_QUEUE", "resident_left"]


def live_case(*, db_session: Session, conversation_id: str) -> Case | None:
    return service.live_for_conversation(db_session=db_session, conversation_id=conversation_id)


def route(
    *, db_session: Session, conversation: Conversation, council: Council, rasa: RasaClient,
    hub: Hub,
) -> list[BotMessage] | None:  # fmt: skip
    case = service.for_conversation(db_session=db_session, conversation_id=conversation.id)
    if case is None:
        return None
    return flows.route(db_session=db_session, case=case, conversation=conversation,
                       council=council, rasa=rasa, hub=hub)  # fmt: skip


def from_resident(
    *, db_session: Session, case: Case, text: str, crisis: bool, hub: Hub
) -> list[BotMessage]:
    if crisis:  # the adviser's queue puts them first, whatever the case was opened for
        case.reason, case.urgency = "crisis", URGENCY["crisis"]
    return flows.from_resident(db_session=db_session, case=case, text=text, hub=hub)


def leave(
    *, db_session: Session, case: Case, conversation: Conversation, rasa: RasaClient, hub: Hub
) -> list[BotMessage]:
    return flows.leave_queue(db_session=db_session, case=case, conversation=conversation,
                             rasa=rasa, hub=hub)  # fmt: skip


def said_to_resident(*, db_session: Session, conversation_id: str, after: int) -> list[BotMessage]:
    return [
        flows.bot_message(message, kind=message.kind or "adviser", name=name)
        for message, name in service.said_to_resident(
            db_session=db_session, conversation_id=conversation_id, after=after
        )
    ]


def install() -> None:
    """Register this module as the gateway's live chat (at start-up, in ``bot.main``)."""
    live_chat.register(sys.modules[__name__])
