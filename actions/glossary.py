"""Explain a term in plain English; ask what they meant if it isn't one we know."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, council, rules, text_of
from bot.glossary.service import lookup

# The national template's programmes: a council may not run all of them (``offers``).
PROGRAMME_NAMES = ("Youth Pathways", "Working Futures", "Skills for All")


_SEARCHED = re.compile(
    r"\b(jobs?|vacanc\w*|courses?|classes|apprenticeships|training|work)\b", re.IGNORECASE
)


def _asks_for_a_search(text: str) -> bool:
    """Courses, jobs, apprenticeships or support named: "what about retail jobs", "what about
    courses in DB2 8AA" read as a question about a word, but ask for a search."""
    return bool(_SEARCHED.search(text))


class ActionExplainTerm(Action):
    def name(self) -> str:
        return "action_explain_term"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # The glossary's own word lists find the term: exact, and new words need no retraining.
        term = lookup(text_of(tracker))
        if term is None and _asks_for_a_search(text_of(tracker)):
            # "what about retail jobs": not a word to explain, another search
            from actions.search import ActionSearch

            return await ActionSearch().run(dispatcher, tracker, domain)
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
