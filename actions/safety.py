"""A resident who may be in danger gets emergency contacts at once, and a person."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, council
from actions.handoff import case_reference
from bot.conversation.service import CRISIS_TYPE


def crisis_text(housing_phone: str, council_name: str) -> str:
    return (
        "I'm sorry you're going through this. You don't have to face it alone.\n"
        "- If you are in danger now, call 999.\n"
        "- Samaritans: call 116 123, free, any time, day or night.\n"
        "- Shout: text SHOUT to 85258, free, any time.\n"
        f"- If you have nowhere safe to sleep tonight, call {council_name}'s emergency housing "
        f"line on {housing_phone}.\n"
        "- Domestic abuse: call the free National Domestic Abuse Helpline on 0808 2000 247.\n"
        "I've let our team know this is urgent. You can also ask to talk to a person now."
    )


class ActionCrisis(Action):
    def name(self) -> str:
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        this = council()
        # An urgent case goes to the top of every adviser's queue, true to "I've let our team
        # know". The ``crisis`` payload tells the gateway to flag the conversation as urgent
        # (the gateway alone writes its conversation rows) and the widget to show the numbers
        # first.
        reference = case_reference(tracker, "crisis")
        dispatcher.utter_message(
            text=crisis_text(this.emergency_housing_phone, this.name),
            buttons=[PERSON_BUTTON],
            json_message={"type": CRISIS_TYPE, "case": reference},
        )
        return [SlotSet("urgent", True)]
