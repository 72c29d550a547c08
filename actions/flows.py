"""Never trapped: leaving a booking, a call back or finding an appointment for whatever the
resident asks for instead, and a greeting that hears what was said with it.

A form takes the resident's next message as its answer. When that message clearly asks for
something else (a person, help, to stop, a search, a question, a crisis), the form's validation
rejects it (``reject_if_leaving``) and the dialogue's "leave" rule runs ``action_leave_flow``:
the form ends, anything it was holding is let go, and the request is answered at once.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    PERSON_BUTTON,
    council,
    database,
    first_run_since_message,
    intent_of,
    text_of,
)
from actions.profile import NOTED
from bot.assessment import say
from bot.booking import service as bookings
from bot.booking.models import Booking
from bot.nlp.complaints import COMPLAINT

# What to do instead, by what the resident asked for.
CONFIRM_RESTART = "utter_confirm_restart"
NEXT_BY_INTENT = {
    "request_adviser": "action_handoff",
    "request_callback": "callback_form",
    "help": "utter_help",
    "goodbye": "utter_goodbye",
    "start_again": CONFIRM_RESTART,
    "find_course": "action_search",
    "find_job": "action_search",
    "find_apprenticeship": "action_search",
    "get_support": "action_search",
    "career_advice": "assessment_form",
    "ask_question": "action_answer_question",
    "employer_enquiry": "action_employer",
    "start_business": "utter_start_business",
    "out_of_scope": "utter_out_of_scope",
    "crisis": "action_crisis",
    "book_appointment": "action_offer_slots",
    "cancel_appointment": "manage_booking_form",
    "explain_term": "action_explain_term",
    "ask_privacy": "utter_privacy",
    "bot_challenge": "utter_iamabot",
    "show_plan": "action_show_plan",
    "complain": "action_apologise",
}
LEAVING = frozenset({"stop", *NEXT_BY_INTENT})
SEARCHES = frozenset({"find_course", "find_job", "find_apprenticeship", "get_support"})
SEARCH_WORDS = re.compile(
    r"\b(jobs?|work|vacanc\w*|courses?|training|class(es)?|apprentice\w*|support|help with|"
    r"qualifications?|esol|english|maths|college|volunteer\w*|find|search|look for|looking for)\b",
    re.IGNORECASE,
)
# Slots the booking forms fill; cleared when a form is left so a later one starts clean.
FORM_SLOTS = ("booking_first_name", "booking_contact", "booking_consent", "booking_reference")
MAIN_MENU = [
    {"title": "Find a course", "payload": "/find_course"},
    {"title": "Find a job", "payload": "/find_job"},
    {"title": "Help me work out what's right for me", "payload": "/career_advice"},
    PERSON_BUTTON,
]


def leaving(tracker: Tracker) -> bool:
    """Whether the message asks for something other than what the form is asking."""
    return intent_of(tracker) in LEAVING


def reject_if_leaving(tracker: Tracker, form: str) -> list[EventType] | None:
    """The events that hand the message back to the dialogue's rules, or None to carry on.
    The message that started the form ("cancel my appointment") is never a reason to leave."""
    requested = tracker.get_slot("requested_slot")
    if not requested or not leaving(tracker) or not first_run_since_message(tracker):
        return None
    if intent_of(tracker) in SEARCHES and not SEARCH_WORDS.search(text_of(tracker)):
        return None  # "do i need to bring anything" is no search, whatever the model thought
    events: list[EventType] = [ActionExecutionRejected(form)]
    if requested:
        events.insert(0, SlotSet(requested, None))
    return events


def let_go_of_hold(tracker: Tracker) -> list[EventType]:
    """A time held for this resident goes back to others at once instead of in 10 minutes."""
    hold = tracker.get_slot("booking_hold") or {}
    if not hold.get("id"):
        return []
    with database() as db:
        booking = db.get(Booking, hold["id"])
        if (
            booking is not None
            and booking.status == "held"
            and (booking.conversation_id == tracker.sender_id)
        ):
            bookings.cancel(booking, db_session=db)
    return [SlotSet("booking_hold", None)]


class ActionLeaveFlow(Action):
    def name(self) -> str:
        return "action_leave_flow"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        following = NEXT_BY_INTENT.get(intent_of(tracker) or "")
        if following == CONFIRM_RESTART:
            # Asked next by its own action (data/rules.yml), so that the rules answer "no" and
            # "yes" to it as they do anywhere else. Nothing is let go before the answer: "no"
            # keeps everything, the time held for them too (it lapses on its own).
            return [ActiveLoop(None), SlotSet("requested_slot", None)]
        held = let_go_of_hold(tracker)
        events: list[EventType] = [
            ActiveLoop(None),
            SlotSet("requested_slot", None),
            *[SlotSet(name, None) for name in FORM_SLOTS],
            SlotSet("booking_offered", None),
            SlotSet("picking_time", None),
            *held,
        ]
        if following is None:  # "stop"
            booked = " Nothing has been booked." if held else ""
            dispatcher.utter_message(
                text=f"OK, I've stopped that.{booked} What would you like to do now?",
                buttons=MAIN_MENU,
            )
            return events
        if following.endswith("_form"):  # a new form: Rasa runs it next, and it asks
            return [*events, FollowupAction(following)]
        # Anything else is answered here, in this action: the dialogue's rules then wait for
        # the resident, as they do after any answer.
        if following.startswith("utter_"):
            dispatcher.utter_message(response=following)
            return events
        answered = await _action(following).run(dispatcher, tracker, domain)
        return [*events, *answered]


class ActionApologise(Action):
    """Anger or "I already told you": sorry, and a way out; during the questions, the question
    can be answered again or skipped."""

    def name(self) -> str:
        return "action_apologise"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.active_loop_name == "assessment_form" and tracker.get_slot("requested_slot"):
            dispatcher.utter_message(
                text="I'm sorry. I may have missed what you told me. You can tell me again, "
                "skip this question, or talk to a person. You can also call "
                f"{council(tracker).phone}.",
                buttons=[{"title": "Skip this question", "payload": "/skip"}, PERSON_BUTTON],
            )
            return []
        if COMPLAINT.search(text_of(tracker)):
            this = council(tracker)
            dispatcher.utter_message(
                text="I'm sorry to hear that. You can tell the council what happened: call "
                f"{this.phone} or email {this.email}. A person from our team can help now too.",
                buttons=[PERSON_BUTTON],
            )
            return []
        dispatcher.utter_message(response="utter_apologise")
        return []


def _action(name: str) -> Action:
    """One of the dialogue's actions, to answer a request in the same turn. Imported here:
    those modules import this one."""
    from actions import adviser, glossary, handoff, knowledge, plan, safety, search
    from actions import booking as booking_actions

    found = {
        "action_handoff": handoff.ActionHandoff,
        "action_search": search.ActionSearch,
        "action_answer_question": knowledge.ActionAnswerQuestion,
        "action_employer": safety.ActionEmployer,
        "action_crisis": safety.ActionCrisis,
        "action_offer_slots": booking_actions.ActionOfferSlots,
        "action_explain_term": glossary.ActionExplainTerm,
        "action_show_plan": plan.ActionShowPlan,
        "action_contact_adviser": adviser.ActionContactAdviser,
        "action_apologise": ActionApologise,
    }[name]
    return found()


def acknowledgement(tracker: Tracker) -> str | None:
    """ "Thanks. I've noted that you're 19 and you're not working at the moment." for the facts
    a message has just given, or None."""
    noted = (tracker.get_slot(NOTED) or {}).get("new") or []
    clauses = say.told(tracker.slots, noted)
    return f"Thanks. I've noted that {say.join(clauses)}." if clauses else None


SUPPORT_BUTTON = {"title": "Get support", "payload": "/get_support"}


def next_steps(tracker: Tracker) -> list[dict[str, Any]]:
    """The most useful things to do next, given what is known: help with a barrier just named
    ("drowning in debt") comes first."""
    noted = (tracker.get_slot(NOTED) or {}).get("new") or []
    if (
        "barriers" in noted
        and isinstance(tracker.get_slot("barriers"), list)
        and (tracker.get_slot("barriers"))
    ):
        return [SUPPORT_BUTTON, *MAIN_MENU]
    return MAIN_MENU


class ActionGreet(Action):
    """Hello, and if the resident said something about themselves with it, that it was heard."""

    def name(self) -> str:
        return "action_greet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        heard = acknowledgement(tracker)
        if heard is None:
            dispatcher.utter_message(response="utter_greet")
            return []
        this = council(tracker)
        dispatcher.utter_message(
            text=f"Hello. {heard} I'm the {this.name} {this.service_name} assistant, "
            "a computer program. I can help you work out what's right for you, or find "
            "courses, jobs and support. What would you like to do?",
            buttons=next_steps(tracker),
        )
        return []
