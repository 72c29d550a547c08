"""The assessment form: which question next, reading each answer, and help when stuck.

The rules live in ``bot.assessment`` (what to ask, how to read an answer) and
``bot.pathways`` (what the answers mean); this module adapts them to Rasa's form protocol.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.combined import member_for
from actions.common import (
    PERSON_BUTTON,
    council,
    database,
    entities_of,
    first_run_since_message,
    intent_of,
    rules,
    text_of,
)
from actions.encourage import encouraged_in_form
from actions.profile import NOTED, resident_text
from bot.assessment import facts, flow, parse, say
from bot.assessment.flow import SKIPPED, WANTS_BY_INTENT
from bot.assessment.read import HINTS, UNSURE, read
from bot.catalogue.search import place as places
from bot.postcode.service import PostcodeError

UNDECIDED = WANTS_BY_INTENT["career_advice"]  # a line of work named, not a course or a job

# Messages that are not answers: the dialogue's rules deal with them, then the form carries on.
DIGRESSIONS = {
    "ask_why", "ask_privacy", "request_adviser", "crisis", "start_again", "help", "goodbye",
    "bot_challenge", "explain_term", "out_of_scope", "thank", "greet", "book_appointment",
    "cancel_appointment", "more_results", "stop", "ask_question", "complain", "employer_enquiry",
    *WANTS_BY_INTENT,
}  # fmt: skip
NEVER_ANSWERS = {
    "ask_why", "ask_privacy", "request_adviser", "crisis", "start_again", "goodbye",
    "bot_challenge", "explain_term", "help", "out_of_scope", "book_appointment",
    "cancel_appointment", "stop", "ask_question", "complain", "employer_enquiry",
}  # fmt: skip
# Readings the model gets wrong for short answers ("didnt finish skool" is not "goodbye"): the
# answer stands if the words can be read as one.
MISREAD_ANSWERS = {"goodbye", "out_of_scope", "help", "bot_challenge", "book_appointment"}
# Searches leave the questions (data/rules.yml), unless the words answer the question asked
# ("warehouse" to "what interests you?").
LEAVES_WHEN_UNANSWERED = {"find_course", "find_job", "find_apprenticeship", "get_support"}
ASKED_BACK = re.compile(
    r"\?|^\W*(is|isn'?t|are|do|does|can|could|will|would|what|whats|how|why|who|when)\b",
    re.IGNORECASE,
)
SKIP_WORDS = re.compile(
    r"^\s*(skip|pass|next( question)?|prefer not to say|rather not( say)?|i'?d rather not|"
    r"no comment|don'?t want to say)\b",
    re.IGNORECASE,
)
SKIP_BUTTON = {"title": "Skip this question", "payload": "/skip"}
MAX_TOWN_WORDS = 3  # "Newton on Trent", not a sentence
# Questions "no" cannot answer, so a bare "nah" declines them
NO_IS_NO_ANSWER = frozenset({"age", "location"})
DECLINED = re.compile(r"^\W*(no|nah|na|nope|no thanks|no ta|rather not|prefer not)\W*$", re.I)


def _skipped_note(tracker: Tracker, required: list[str], starting: bool) -> str | None:
    """What the assistant already knows and so won't ask: everything known when the questions
    start, and after that whatever a message says besides the answer to the question."""
    noted = (tracker.get_slot(NOTED) or {}).get("new") or []
    names = [q for q in required if flow.known(tracker.get_slot(q)) and (starting or q in noted)]
    return say.skipping(tracker.slots, names)


def _names_a_place(text: str) -> bool:
    """A postcode (known or not: ``resolve`` says which) or a town in the places data."""
    with database() as db:
        return any(places.is_known(c, db_session=db) for c in parse.place_candidates(text))


class ValidateAssessmentForm(FormValidationAction):
    def name(self) -> str:
        return "validate_assessment_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("wants") == "employer":
            return []  # an employer is never asked a resident's questions (age, benefits...)
        return flow.questions_to_ask(tracker.slots, rules(tracker).minimum_age)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        just_said = first_run_since_message(tracker)  # not the question again
        requested, intent = tracker.get_slot("requested_slot"), intent_of(tracker)
        encouraged = encouraged_in_form(dispatcher, tracker, requested) if just_said else None
        if encouraged is not None:  # "whats the point" to "how old are you?"
            words = resident_text(tracker)
            # "nobody will hire me cos im 58" to "how old are you?": heard, and the age they
            # state is the answer, read from the words the gateway kept, so the questions go on.
            # Only an age said as theirs: "rejected 40 times" is no age, nor are hours or an
            # interest read from a feeling. (A time out of work is never passed on as losing heart.)
            if requested != "age" or facts.age(facts.normalise(words)) is None:
                return encouraged
            tracker.latest_message = {**tracker.latest_message, "text": words}
        changed = (tracker.get_slot(NOTED) or {}).get("changed") or []
        if "wants" in changed:  # "i'd rather do a course": a change of mind, the questions go on
            asks_instead = False
        elif intent in MISREAD_ANSWERS:  # "didnt finish skool" is no goodbye: an answer if read
            asks_instead = not self._extract(requested, tracker)
        else:
            asks_instead = intent in NEVER_ANSWERS or (
                intent in LEAVES_WHEN_UNANSWERED and not self._extract(requested, tracker)
            )
        if just_said and requested and asks_instead:
            # A request, not an answer: the rules answer it (facts in it are already kept),
            # then run the form again to ask its question, which must not be rejected again.
            return [ActionExecutionRejected(self.form_name())]
        starting = tracker.get_slot("requested_slot") is None
        events = await super().run(dispatcher, tracker, domain)
        # Said after reading the answer, which can make a known fact relevant ("out of work"
        # makes "for 2 years" an answer), and before the next question.
        tracker.slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
        required = flow.questions_to_ask(tracker.slots, rules(tracker).minimum_age)
        note = _skipped_note(tracker, required, starting)
        if note:
            dispatcher.utter_message(text=note)
        return events

    # --- Extraction: the requested question takes the message as its raw answer. ---

    def _extract(self, question: str, tracker: Tracker) -> dict[str, Any]:
        intent = intent_of(tracker)
        if question != tracker.get_slot("requested_slot"):
            return {}
        text = text_of(tracker)
        if intent in DIGRESSIONS and not self._answers_anyway(question, intent, text, tracker):
            return {}
        if intent == "skip" or SKIP_WORDS.match(text) or UNSURE.match(text):
            return {question: SKIPPED}  # "don't know" is an answer: unknown, not a failure
        if question in NO_IS_NO_ANSWER and DECLINED.match(text):
            return {question: SKIPPED}  # "nah" to "how old are you?": they'd rather not say
        if self._about_something_else(question, text, intent, tracker):
            if question == "wants" and "interests" in (tracker.get_slot(NOTED) or {}).get(
                "new", []
            ):
                # "something with cars": a line of work, not yet a course or a job. Asking
                # "what would you like help with?" again went round and round; they are not
                # sure yet, and the questions go on.
                return {question: UNDECIDED}
            return {}  # "actually id rather do a course", "sorry im 52" asked for a postcode
        return {question: text or "?"}

    @staticmethod
    def _about_something_else(question: str, text: str, intent: str, tracker: Tracker) -> bool:
        """The message told another fact (actions/profile.py noted it, and says so) and nothing
        in it answers the question asked: the question is asked again, without "Sorry"."""
        noted = tracker.get_slot(NOTED) or {}
        told = {*(noted.get("new") or []), *(noted.get("changed") or [])} - {question}
        if not told:
            return False
        if question == "location":
            return not _names_a_place(text)
        return read(question, text, intent, entities_of(tracker)) is None

    @staticmethod
    def _answers_anyway(question: str, intent: str, text: str, tracker: Tracker) -> bool:
        """A message the model took for something else may still answer the question:
        "mechanics" to "what interests you?", "a job" to "what would you like help with?",
        "part time" to "how many hours?". Questions back, a person, a crisis, a word to explain
        and the like never are answers."""
        if intent in NEVER_ANSWERS and intent not in MISREAD_ANSWERS:
            return False
        if question == "interests" and {e.get("entity") for e in entities_of(tracker)} & {
            "subject",
            "job_role",
        }:
            return True  # "warehouse" taken for a search follow-up still names an interest
        if question in ("wants", "interests"):
            return intent in WANTS_BY_INTENT
        if question == "location":  # "is this free?" is a question back, not a town
            return (
                bool(parse.place_candidates(text))
                and len(text.split()) <= 4
                and not ASKED_BACK.search(text)
            )
        return read(question, text, intent, entities_of(tracker)) is not None

    async def extract_wants(self, dispatcher, tracker, domain):
        return self._extract("wants", tracker)

    async def extract_age(self, dispatcher, tracker, domain):
        return self._extract("age", tracker)

    async def extract_location(self, dispatcher, tracker, domain):
        return self._extract("location", tracker)

    async def extract_situation(self, dispatcher, tracker, domain):
        return self._extract("situation", tracker)

    async def extract_work_security(self, dispatcher, tracker, domain):
        return self._extract("work_security", tracker)

    async def extract_out_of_work_months(self, dispatcher, tracker, domain):
        return self._extract("out_of_work_months", tracker)

    async def extract_highest_level(self, dispatcher, tracker, domain):
        return self._extract("highest_level", tracker)

    async def extract_gcse(self, dispatcher, tracker, domain):
        return self._extract("gcse", tracker)

    async def extract_digital_confidence(self, dispatcher, tracker, domain):
        return self._extract("digital_confidence", tracker)

    async def extract_barriers(self, dispatcher, tracker, domain):
        return self._extract("barriers", tracker)

    async def extract_care_leaver(self, dispatcher, tracker, domain):
        return self._extract("care_leaver", tracker)

    async def extract_on_benefits(self, dispatcher, tracker, domain):
        return self._extract("on_benefits", tracker)

    async def extract_hours(self, dispatcher, tracker, domain):
        return self._extract("hours", tracker)

    async def extract_interests(self, dispatcher, tracker, domain):
        return self._extract("interests", tracker)

    # --- Validation: read the raw answer by rule, or explain and ask again. ---

    def _validate(
        self, question: str, raw: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        if question != tracker.get_slot("requested_slot"):
            return {question: raw}  # read already from what was said (actions/profile.py)
        if raw == SKIPPED:
            return {question: SKIPPED, "failed_attempts": 0}
        if question == "location":
            return self._location(str(raw), dispatcher, tracker)
        text = str(raw)
        value = read(question, text, intent_of(tracker), entities_of(tracker))
        if value is None:
            if tracker.get_slot(NOTED):  # about something else, noted: the question again
                return {question: None}
            return self._not_understood(question, "", dispatcher, tracker)
        answered = {question: value, "failed_attempts": 0}
        for follow_up in flow.follow_ups(question, value):
            if not flow.known(tracker.get_slot(follow_up)):
                also = read(follow_up, text, intent_of(tracker), entities_of(tracker))
                if also is not None:
                    answered[follow_up] = also
        return answered

    def _location(
        self, raw: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        area = frozenset(council(tracker).local_authority_codes)
        problem = None
        with database() as db:
            for candidate in parse.place_candidates(raw) or [raw]:
                try:
                    place = places.resolve(candidate, area, db_session=db)
                except PostcodeError as exc:
                    # "no town called 'not rly good wiv computers'" only for words that could be one
                    if len(candidate.split()) <= MAX_TOWN_WORDS:
                        problem = problem or exc.message
                    continue
                moved = member_for(tracker, place, dispatcher)
                if not place.in_area and not council(tracker).members:
                    dispatcher.utter_message(
                        text=f"{place.label} is outside {council(tracker).area_name}. I can still "
                        "show you things nearby and online. An adviser can tell you what "
                        "your own council offers."
                    )
                return {"location": place.label, "in_area": place.in_area, "failed_attempts": 0,
                        **moved}  # fmt: skip
        return self._not_understood("location", problem or "", dispatcher, tracker)

    def _not_understood(
        self, question: str, problem: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        failed = int(tracker.get_slot("failed_attempts") or 0) + 1
        lead = problem or "Sorry, I didn't understand that."
        example = council(tracker).example_postcode
        hint = HINTS[question].replace("{like}", f" (like {example})" if example else "")
        dispatcher.utter_message(text=f"{lead} {hint}".strip())
        if failed >= 2:
            dispatcher.utter_message(
                text="If it's easier, choose an option, skip this question or talk to a person.",
                buttons=[SKIP_BUTTON, PERSON_BUTTON],
            )
        return {question: None, "failed_attempts": failed}

    def validate_wants(self, value, dispatcher, tracker, domain):
        return self._validate("wants", value, dispatcher, tracker)

    def validate_age(self, value, dispatcher, tracker, domain):
        return self._validate("age", value, dispatcher, tracker)

    def validate_location(self, value, dispatcher, tracker, domain):
        return self._validate("location", value, dispatcher, tracker)

    def validate_situation(self, value, dispatcher, tracker, domain):
        return self._validate("situation", value, dispatcher, tracker)

    def validate_work_security(self, value, dispatcher, tracker, domain):
        return self._validate("work_security", value, dispatcher, tracker)

    def validate_out_of_work_months(self, value, dispatcher, tracker, domain):
        return self._validate("out_of_work_months", value, dispatcher, tracker)

    def validate_highest_level(self, value, dispatcher, tracker, domain):
        return self._validate("highest_level", value, dispatcher, tracker)

    def validate_gcse(self, value, dispatcher, tracker, domain):
        return self._validate("gcse", value, dispatcher, tracker)

    def validate_digital_confidence(self, value, dispatcher, tracker, domain):
        return self._validate("digital_confidence", value, dispatcher, tracker)

    def validate_barriers(self, value, dispatcher, tracker, domain):
        return self._validate("barriers", value, dispatcher, tracker)

    def validate_care_leaver(self, value, dispatcher, tracker, domain):
        return self._validate("care_leaver", value, dispatcher, tracker)

    def validate_on_benefits(self, value, dispatcher, tracker, domain):
        return self._validate("on_benefits", value, dispatcher, tracker)

    def validate_hours(self, value, dispatcher, tracker, domain):
        return self._validate("hours", value, dispatcher, tracker)

    def validate_interests(self, value, dispatcher, tracker, domain):
        return self._validate("interests", value, dispatcher, tracker)


class ActionExplainWhy(Action):
    """Say why the question on screen is asked; the form then asks it again."""

    def name(self) -> str:
        return "action_explain_why"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        question = tracker.get_slot("requested_slot")
        response = f"utter_why_{question}"
        if question and response in domain.get("responses", {}):
            dispatcher.utter_message(response=response)
        else:
            dispatcher.utter_message(response="utter_why_general")
        return []
