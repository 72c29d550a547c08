"""Explain a term in plain English; ask what they meant if it isn't one we know."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, text_of
from bot.glossary.service import lookup


class ActionExplainTerm(Action):
    def name(self) -> str:
        return "action_explain_term"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # The glossary's own word lists find the term: exact, and new words need no retraining.
        term = lookup(text_of(tracker))
        if term is None:
            dispatcher.utter_message(
                text="Sorry, I don't know that word. An adviser can explain it.",
                buttons=[PERSON_BUTTON],
            )
        else:
            dispatcher.utter_message(text=f"{term.name}: {term.meaning}")
        return []
