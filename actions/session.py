"""Start each session with the council's identity in slots, so responses can name it; and
start again from nothing when the resident confirms it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.common import council, database
from bot.booking.models import Booking
from bot.conversation.aftercare import START_AGAIN_TYPE
from bot.handoff import service as cases


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        this = council(tracker)
        return [
            SessionStarted(),
            SlotSet("council_name", this.name),
            SlotSet("council_phone", this.phone),
            SlotSet("service_name", this.service_name),
            ActionExecuted("action_listen"),
        ]


class ActionStartAgain(Action):
    """The resident confirmed "start again". The gateway deletes the conversation when it sees
    ``start_again`` (Rasa's own restart would keep the old events in the tracker store), so
    the words can say it is gone, and be honest about what the team keeps: a case already
    passed to them (after a crisis, or a request for a person) stays, to keep the resident
    safe."""

    def name(self) -> str:
        return "action_start_again"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = "Done. I've deleted this chat, so nothing you told me here is kept."
        with database() as db:
            passed_on = cases.for_conversation(db_session=db, conversation_id=tracker.sender_id)
            booked = db.execute(
                select(Booking.id).where(
                    (Booking.conversation_id == tracker.sender_id) & (Booking.status != "cancelled")
                )
            ).first()
        if passed_on is not None:
            text += (
                " Our team still has what I passed to them, so they can help you. Nobody else "
                "can see it."
            )
        if booked is not None:
            text += " Your appointment is still booked."
        dispatcher.utter_message(text=text, json_message={"type": START_AGAIN_TYPE})
        return []
