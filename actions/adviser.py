"""Tell the resident how to reach a person, with today's truth about opening hours."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import HELP_BUTTON, council
from bot.clock import utcnow
from bot.council import service as council_service


def contact_text(council, now: datetime) -> str:
    hours = council_service.opening_hours_text(council)
    if council_service.is_open(council, now):
        when = "The team is open now."
    else:
        when = "The team is closed right now, so you can email and they will reply when open."
    return (
        f"You can talk to a person in the {council.service_name} team at {council.name}. "
        f"Call {council.phone} or email {council.email}. {when} "
        f"Opening hours: {hours}."
    )


class ActionContactAdviser(Action):
    def name(self) -> str:
        return "action_contact_adviser"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        this = council(tracker)
        dispatcher.utter_message(
            text=contact_text(this, utcnow()),
            buttons=[HELP_BUTTON],
        )
        return []
