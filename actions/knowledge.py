"""Answer what residents and employers most ask, from the sourced knowledge base.

The topic comes from ``bot.nlp.intent_rules`` (the ``topic`` entity) or, for a question the
model took for ``ask_question`` on its own, from matching the words here. A question the
knowledge base cannot answer gets an honest "I don't know" and a person, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, council, entities_of, rules, text_of
from actions.profile import resident_text
from bot import clock
from bot.council import service as council_service
from bot.knowledge import service as knowledge
from bot.nlp.intent_words import ABOUT_PROGRAMMES, TOPIC, audience

ANSWER_TYPE = "answer"  # the custom payload: the topic and where the answer comes from
ADVICE_BUTTON = {"title": "Help me work out what's right for me", "payload": "/career_advice"}
EMPLOYER_BUTTON = {"title": "Contact the employer team", "payload": "/employer_enquiry"}


def _audience(tracker: Tracker, text: str) -> str:
    """Someone who said they are an employer stays one for the rest of the chat."""
    return "employer" if tracker.get_slot("wants") == "employer" else audience(text)


def find(tracker: Tracker) -> tuple[knowledge.Answer | None, str]:
    """The answer to the question asked, if the knowledge base has one, and who asked."""
    text = resident_text(tracker) or text_of(tracker)
    who = _audience(tracker, text)
    kb = knowledge.in_force(clock.today())
    named = next((str(e["value"]) for e in entities_of(tracker) if e.get("entity") == TOPIC), None)
    topic = next((t for t in kb.topics if t.key == named), None) if named else None
    if topic is None or (who == "employer" and topic.audience != "employer"):
        # someone who said they are an employer never gets a resident's answer ("is the
        # training free" about their apprentice); a resident asking about "an employer" does
        known = tracker.get_slot("wants") == "employer"
        topic = knowledge.match(text, kb, who) or (None if known else topic)
        if topic is None and not known:
            topic = knowledge.match(text, kb)
    if topic is None:
        return None, who
    return _answer(tracker, topic, kb), who


# "how much do they cost", "are they free", "do u get paid on them": about the results shown,
# never the subject of another search ("courses for much cost").
ABOUT_THE_COST = re.compile(
    r"\b(how much|hw much|cost\w*|price\w*|fees?|charge\w*|paid|payed|wages?|pay|money)\b|"
    r"\b(is|are|r|iz)\s+(it|they|these|those|this|that|them|the courses?|the classes?)\s+"
    r"(\w+\s+)?free\b",
    re.IGNORECASE,
)
# A question about the results on screen, not a new request: "how much", "do they pay", "?".
ASKED_ABOUT_THEM = re.compile(
    r"\?|^\W*(how|hw|what|wat|wot|whats|is|are|r|do|does|will|would|can|could|iz)\b|"
    r"\b(they|them|it|these|those|that one|this one)\b",
    re.IGNORECASE,
)
# A new search or hardship, whatever else it says: "well paid warehouse jobs", "i have no money
# for food", "i cant pay my rent".
NOT_ABOUT_THEM = re.compile(
    r"\b(jobs?|courses?|classes|apprenticeships?|well paid|better paid|no money|cant pay|can'?t "
    r"pay|cannot pay|afford|debt|debts|rent|food|bills?|skint|broke)\b",
    re.IGNORECASE,
)
# "any free ones", "only paid jobs", "show me cheaper": a filter on the results, not a question.
A_FILTER = re.compile(
    r"\b(any|only|just|show|find|cheap\w*)\b.{0,15}\b(free|paid|cheap\w*|ones?)\b", re.IGNORECASE
)
ABOUT_THE_RESULTS_WORDS = 10  # longer messages say more than a question about the results
APPRENTICE_PAY = "apprentice_pay"


def _answer(tracker: Tracker, topic: knowledge.Topic, kb: knowledge.KnowledgeBase):
    this = council(tracker)
    return knowledge.answer(
        topic, kb, council_name=this.name, council_phone=this.phone,
        service_name=this.service_name,
        opening_hours=council_service.opening_hours_text(this),
    )  # fmt: skip


def answered_about_the_results(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A question about what the results on screen cost or pay, answered for their kind: the
    course fees (ESOL's own when English classes are shown), an apprentice's pay, or where a
    job's pay is. False when it is not that question."""
    shown = tracker.get_slot("last_search") or {}
    text = text_of(tracker)
    if (
        not shown.get("kind")
        or not ABOUT_THE_COST.search(text)
        or A_FILTER.search(text)
        or not ASKED_ABOUT_THEM.search(text)
        or NOT_ABOUT_THEM.search(text)
        or len(text.split()) > ABOUT_THE_RESULTS_WORDS
    ):
        return False
    kb = knowledge.in_force(clock.today())
    kind, words = shown["kind"], str(shown.get("words") or "")
    topic = None
    if kind == "course":
        topic = knowledge.match(f"{text} {words} courses", kb, "resident") or knowledge.match(
            f"how much do {words} courses cost", kb, "resident"
        )  # "are they free": what these courses cost
    elif kind == "apprenticeship":
        topic = next((t for t in kb.topics if t.key == APPRENTICE_PAY), None)
    if topic is not None:
        say(dispatcher, _answer(tracker, topic, kb))
        return True
    if kind != "job":
        return False
    dispatcher.utter_message(
        text="Each job above shows its pay, as the employer gives it. Open a job to see its "
        "hours and how to apply. Everyone must be paid at least the minimum wage for their age.",
        buttons=[{"title": "Show me more", "payload": "/more_results"}, PERSON_BUTTON],
    )
    return True


def _names_an_offer(tracker: Tracker) -> bool:
    """ "what is Working Futures": one programme by name, which the glossary explains."""
    said = text_of(tracker).lower()
    return any(offer.name.lower() in said for offer in rules(tracker).offers)


def programmes_text(tracker: Tracker) -> str:
    """The council's own programmes (only those it runs), each in a line, and how to find out
    which fit: a resident reading "Our programmes" on the council's page asks this."""
    this, offers = council(tracker), rules(tracker).offers
    lines = "\n".join(f"- **{offer.name}**: {offer.summary}" for offer in offers)
    return (
        f"{this.name}'s {this.service_name} service has {len(offers)} programmes:\n{lines}\n"
        "Which ones fit you depends on your age and situation. I can ask you a few questions "
        "to work it out, or you can talk to a person."
    )


def refines(tracker: Tracker) -> bool:
    """Whether a question is about the last search's results (a filter, a place)."""
    from actions import finder

    previous = finder.Request.from_slot(tracker.get_slot("last_search"))
    if previous is None:
        return False
    refined = finder.refine(previous, text_of(tracker), entities_of(tracker))
    return refined not in (previous, replace(previous, page=previous.page + 1))


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        try:
            found, who = find(tracker)
        except knowledge.KnowledgeError:
            found, who = None, "resident"
        about = ABOUT_PROGRAMMES.search(text_of(tracker))
        if found is None and about and not _names_an_offer(tracker):
            buttons = [ADVICE_BUTTON, PERSON_BUTTON]  # nothing more particular was asked
            dispatcher.utter_message(text=programmes_text(tracker), buttons=buttons)
            return []
        if found is None and answered_about_the_results(dispatcher, tracker):
            return []  # "how much do they cost" under courses: their fees
        if found is None and tracker.get_slot("last_search") and refines(tracker):
            from actions.search import ActionMoreResults  # "can i do any of them from home"

            return await ActionMoreResults().run(dispatcher, tracker, domain)
        if found is None:
            team = "the employer team" if who == "employer" else "an adviser"
            dispatcher.utter_message(
                text=f"Sorry, I don't know the answer to that. I don't want to guess, but "
                f"{team} can tell you. You can also call {council(tracker).phone}.",
                buttons=[
                    EMPLOYER_BUTTON if who == "employer" else PERSON_BUTTON,
                    {"title": "What can you do?", "payload": "/help"},
                ],
            )
            return []
        say(dispatcher, found)
        return []


def say(dispatcher: CollectingDispatcher, found: knowledge.Answer) -> None:
    """The answer, its next steps, and where it comes from (for the widget and the logs)."""
    dispatcher.utter_message(
        text=found.text,
        buttons=found.buttons,
        json_message={"type": ANSWER_TYPE, "topic": found.key, "source": found.source_url},
    )
