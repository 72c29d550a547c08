"""The conversation's way to a person, as the gateway sees it: a small interface that the
handoff package implements and registers at start-up (``bot.handoff.live_chat.install``).

The gateway needs to know whether a person has the conversation, to route a request for one,
and to pass the resident's words on; it must not depend on how cases, queues and advisers
work. This keeps the conversation package below the handoff package (an import-linter
contract in pyproject.toml holds it there).
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy.orm import Session

from bot.conversation.models import BotMessage, Conversation
from bot.conversation.rasa_client import RasaClient
from bot.council.models import Council
from bot.live.hub import Hub


class LiveChat(Protocol):
    LEAVE_QUEUE: str  # the payload of the button that takes a waiting resident back

    def live_case(self, *, db_session: Session, conversation_id: str) -> Any | None:
        """The case a person has (or is about to take) in this conversation, if any."""

    def route(
        self, *, db_session: Session, conversation: Conversation, council: Council,
        rasa: RasaClient, hub: Hub,
    ) -> list[BotMessage] | None:  # fmt: skip
        """The resident asked for a person: what they are told. None when no case was saved."""

    def from_resident(
        self, *, db_session: Session, case: Any, text: str, crisis: bool, hub: Hub
    ) -> list[BotMessage]:
        """The resident's words while a person has the conversation."""

    def leave(
        self, *, db_session: Session, case: Any, conversation: Conversation, rasa: RasaClient,
        hub: Hub,
    ) -> list[BotMessage]:  # fmt: skip
        """The resident would rather carry on with the assistant than wait."""

    def resident_left(self, *, db_session: Session, conversation_id: str, hub: Hub) -> None:
        """The conversation is being forgotten."""

    def said_to_resident(
        self, *, db_session: Session, conversation_id: str, after: int
    ) -> list[BotMessage]:
        """What people said to the resident after ``after``, to catch up a reconnecting chat."""


class NotInstalled(RuntimeError):
    pass


_installed: list[LiveChat] = []


def register(implementation: LiveChat) -> None:
    _installed[:] = [implementation]


def current() -> LiveChat:
    if not _installed:
        raise NotInstalled(
            "No live chat is registered: call bot.handoff.live_chat.install() at start-up "
            "(bot.main.create_app does)."
        )
    return _installed[0]
