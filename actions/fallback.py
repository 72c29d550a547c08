"""When the assistant doesn't understand: first suggest what it might mean, then a person."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, council, database, text_of
from actions.flows import acknowledgement, next_steps
from actions.handoff import case_reference
from actions.profile import NOTED

if TYPE_CHECKING:
    from bot.knowledge.service import Answer

NAME = "action_two_stage_fallback_offer"
DID_YOU_MEAN = "did_you_mean"  # the custom payload of the first "didn't understand"
# What each intent means, as a button a resident would recognise.
SUGGESTIONS = {
    "find_course": "Find a course",
    "find_job": "Find a job",
    "find_apprenticeship": "Find an apprenticeship",
    "get_support": "Get support",
    "career_advice": "Help me work out what's right for me",
    "book_appointment": "Book an appointment",
    "explain_term": "Explain a word",
    "help": "What can you do?",
}


def _second_time(tracker: Tracker) -> bool:
    """Whether the assistant's previous answer was already "I didn't understand" (not merely
    this action answering another way, as it does for a question about results on screen)."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                return False
        elif event.get("event") == "bot" and users == 1:
            custom = (event.get("data") or {}).get("custom") or {}
            if custom.get("type") in (DID_YOU_MEAN, "not_understood"):
                return True
    return False


def _follows_a_search(tracker: Tracker) -> bool:
    from actions.knowledge import refines

    return bool(tracker.get_slot("last_search")) and refines(tracker)


# Asked under course results about one of them: how long, when, where, what it is like.
ABOUT_A_COURSE = re.compile(
    r"\b(how long|how many (weeks|months|hours|days)|when (does|do|is|will) (it|they|the course|"
    r"that one|the class)|what time|what days|start date|finish|how often|what do (you|u|i) "
    r"(do|learn)|is it (hard|online|in person))\b",
    re.IGNORECASE,
)


def _about_the_courses_shown(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "how long is it" under courses: the details are the provider's, and where to find them,
    instead of "I didn't understand"."""
    shown = tracker.get_slot("last_search") or {}
    if shown.get("kind") != "course" or not ABOUT_A_COURSE.search(text_of(tracker)):
        return False
    dispatcher.utter_message(
        text="Each course above shows where it is, what it costs and when it starts. For how "
        "long it runs, the days and what you'll learn, open the course to see its details, or "
        "ask the provider: they'll tell you before you sign up. An adviser can help you choose.",
        buttons=[PERSON_BUTTON, {"title": "Show me more", "payload": "/more_results"}],
    )
    return True


# Asked under jobs about one of them: how to apply, the hours.
HOW_TO_APPLY = re.compile(r"\b(appl\w*|aply\w*|aplly\w*|apply\w*|sign up|get (it|the job))\b", re.I)
ASKED = re.compile(r"\?|\b(how|hw|ow|where|wher|can i|do i|what|whats|wats|wat|wot)\b", re.I)
WHAT_HOURS = re.compile(r"\b(hours?|hrs|shifts?|what times?|days)\b", re.IGNORECASE)


def _about_the_jobs_shown(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "ow do i aply", "whats the hours" under jobs: where that is, instead of "I didn't
    understand"."""
    shown = tracker.get_slot("last_search") or {}
    said = text_of(tracker)
    if shown.get("kind") not in ("job", "apprenticeship") or len(said.split()) > 12:
        return False
    if not ASKED.search(said):  # "ive been applying for months": told, not asked
        return False
    if HOW_TO_APPLY.search(said):
        text = (
            "Open the job to see how to apply: each one links to the employer's own advert. An "
            "adviser can help you apply, and with your CV."
        )
    elif WHAT_HOURS.search(said):
        text = (
            "Each job's advert says its hours. Open the job to see them. I can also show only "
            "part-time or full-time jobs."
        )
    else:
        return False
    dispatcher.utter_message(
        text=text, buttons=[{"title": "Show me more", "payload": "/more_results"}, PERSON_BUTTON]
    )
    return True


def _employer_answer(tracker: Tracker) -> Answer | None:
    """An employer's follow-up the words alone don't show is theirs ("how much do i have to
    pay them"): the employer answer that knows it, if one does."""
    from actions.knowledge import find
    from bot.knowledge import service as knowledge

    try:
        return find(tracker)[0]
    except knowledge.KnowledgeError:
        return None


# "where is it exactly", "whats the address", "how do i get there": about the appointment
# just booked, when there is one.
WHERE_IS_IT = re.compile(
    r"\b(where (is|s|'s) (it|that|the (appointment|appt|meeting|place|library|office))|where "
    r"(do|shall|should) i (go|find|meet)|(what'?s|whats|what is) the (address|postcode|location)|"
    r"how (do|can) i get there|which (library|building|place|office))\b",
    re.IGNORECASE,
)


def _a_reference(text: str) -> bool:
    """A reference given on its own ("7BW-ZWH", "my ref is khb xpm"), read as the chat reads
    references anywhere; never a time ("9am-5pm")."""
    from actions.manage_booking import reference_in

    short = len(text.split()) <= 8 and not re.search(r"\d\s*(am|pm)\b", text, re.IGNORECASE)
    return short and reference_in(text) is not None


def _where_booked(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Where the appointment booked in this chat is, if that is what was asked: in the words of
    its confirmation message."""
    if not WHERE_IS_IT.search(text_of(tracker)):
        return False
    from bot.booking import describe, flows
    from bot.booking import service as bookings

    this = council(tracker)
    with database() as db:
        booking = bookings.upcoming_in_conversation(tracker.sender_id, db_session=db)
        if booking is None:
            return False
        venue = flows.venue_of(booking, db_session=db)
        label = describe.booking_label(booking, venue, this)
        joining = describe.joining(booking.channel, venue, this)
        reference = booking.reference
    dispatcher.utter_message(
        text=f"Your appointment is on {label}. {joining} If you need help getting there, or to "
        f"change it, call {this.phone} or tell me your reference, {reference}.",
        buttons=[PERSON_BUTTON],
    )
    return True


class ActionTwoStageFallbackOffer(Action):
    def name(self) -> str:
        return NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        from actions.search import noted_then_searched

        searched = await noted_then_searched(dispatcher, tracker, domain)
        if searched is not None:  # "…but i want more hours, better job": the jobs
            return searched
        heard = acknowledgement(tracker)
        new = (tracker.get_slot(NOTED) or {}).get("new") or []
        if (
            heard is not None
            and {"interests", "location"} & set(new)
            and _follows_a_search(tracker)
        ):
            # "machine operator" or "DB5" under the jobs: what to look for, or where, not only
            # a fact to note
            from actions.search import ActionMoreResults

            return await ActionMoreResults().run(dispatcher, tracker, domain)
        if heard is not None:  # "im 19 n skint": understood as facts, so no "Did you mean"
            dispatcher.utter_message(
                text=f"{heard} What would you like to do next?", buttons=next_steps(tracker)
            )
            return []
        if _where_booked(dispatcher, tracker):  # "where is it exactly", after booking
            return []
        if _a_reference(text_of(tracker)):  # "my reference is 7BW-ZWH", from another day
            from actions.plan import earlier_plan

            earlier_plan(dispatcher, tracker, typed=True)
            return []
        if _second_time(tracker):
            # Misunderstood twice: a case, so an adviser can see where the assistant failed.
            reference = case_reference(tracker, "not_understood")
            dispatcher.utter_message(
                text="I'm sorry, I'm still not sure what you need. A person from our team "
                "can help, or you can choose one of these.",
                buttons=[PERSON_BUTTON, {"title": "What can you do?", "payload": "/help"}],
                json_message={"type": "not_understood", "case": reference},
            )
            return []
        managed = tracker.get_slot("booking_managed") or {}
        from actions.manage_booking import ActionManageBooking, wants_to_change

        if managed.get("asked") or (managed and wants_to_change(tracker)):
            # "no dont cancel it, sorry"; "can i do friday morning instead" once it is found
            return await ActionManageBooking().run(dispatcher, tracker, domain)
        found = _employer_answer(tracker) if tracker.get_slot("wants") == "employer" else None
        if found is not None:  # "how much do i pay them"
            from actions.knowledge import say

            say(dispatcher, found)
            return []
        if _about_the_courses_shown(dispatcher, tracker):  # "how long is it", under courses
            return []
        if _about_the_jobs_shown(dispatcher, tracker):  # "ow do i aply", under jobs
            return []
        from actions.knowledge import answered_about_the_results

        if answered_about_the_results(dispatcher, tracker):  # "it cost money?", under courses
            return []
        if _follows_a_search(tracker):  # "can i do any of them from home": about the results
            from actions.search import ActionMoreResults

            return await ActionMoreResults().run(dispatcher, tracker, domain)
        ranking = tracker.latest_message.get("intent_ranking") or []
        guesses = [r["name"] for r in ranking if r.get("name") in SUGGESTIONS][:2]
        buttons = [{"title": SUGGESTIONS[g], "payload": f"/{g}"} for g in guesses]
        dispatcher.utter_message(
            text="Sorry, I didn't quite understand. Did you mean one of these? You can also "
            "say it another way.",
            buttons=[*buttons, PERSON_BUTTON],
            json_message={"type": DID_YOU_MEAN},  # the officers see what was not understood
        )
        return []
