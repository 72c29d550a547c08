"""Explain a term in plain English; ask what they meant if it isn't one we know."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, council, rules, text_of
from bot.glossary.service import lookup

# The national template's programmes: a council may not run all of them (``offers``).
PROGRAMME_NAMES = ("Youth Pathways", "Working Futures", "Skills for All")


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
            return []
        this = council(tracker)
        meaning = term.meaning.replace("{service_name}", this.service_name)
        runs = {o.name for o in rules(tracker).offers}
        if term.name in PROGRAMME_NAMES and term.name not in runs:  # not offered here
            meaning += (f" {this.name} doesn't run {term.name}. An adviser can tell you what "
                        "it offers instead.")  # fmt: skip
        dispatcher.utter_message(text=f"{term.name}: {meaning}")
        return []
