"""Start each session with the council's identity in slots, so responses can name it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.council import service as council_service


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = council_service.get_default()
        return [
            SessionStarted(),
            SlotSet("council_name", council.name),
            SlotSet("council_phone", council.phone),
            ActionExecuted("action_listen"),
        ]
