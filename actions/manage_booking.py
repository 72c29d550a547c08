"""Cancel or change an appointment in the conversation, by its reference and the contact given
when booking: the same check as the API, and one neutral answer for any mismatch, so nobody can
find out which references exist."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.booking import ValidateBookingForm, _not_an_answer, _offer_times
from actions.common import BOOK_BUTTON, PERSON_BUTTON, council, database, entities_of
from bot import references
from bot.booking import contact as contacts
from bot.booking import flows as booking_flows
from bot.booking import service as bookings

ACTIONS = {"cancel": "Cancel it", "change": "Change the time", "keep": "Keep it"}
CLEARED = [SlotSet("booking_reference", None), SlotSet("booking_contact", None)]


def _choice(action: str) -> dict[str, str]:
    return {"title": ACTIONS[action],
            "payload": '/manage_booking{"booking_action":"' + action + '"}'}  # fmt: skip


class ValidateManageBookingForm(ValidateBookingForm):
    """The contact is checked as when booking; the reference is read however it is typed."""

    def name(self) -> str:
        return "validate_manage_booking_form"

    def validate_booking_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if _not_an_answer(value):
            return {"booking_reference": None}
        words = str(value).replace("reference", "").replace("is", " ").split()
        candidates = [*words, "".join(words)]
        length = bookings.REFERENCE_LENGTH
        code = next((c for w in candidates if (c := references.normalise(w, length))), None)
        if code is None:
            dispatcher.utter_message(
                text="That doesn't look like a booking reference. It is 6 letters and numbers, "
                "like KH3-7XP, and it is in your confirmation message."
            )
        return {"booking_reference": code}


class ActionFindBooking(Action):
    def name(self) -> str:
        return "action_find_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reference = tracker.get_slot("booking_reference") or ""
        contact = tracker.get_slot("booking_contact") or ""
        phone = council().phone
        with database() as db:
            try:
                booking = bookings.find(reference, contact, db_session=db)
            except bookings.NotFound:
                booking = None
            else:
                out = booking_flows.out(booking, db_session=db, council=council())
                offer = booking.offer
        if booking is None:
            dispatcher.utter_message(
                text="I couldn't find an appointment with that reference and contact. Please "
                f"check both in your confirmation message, or call {phone}.",
                buttons=[{"title": "Try again", "payload": "/cancel_appointment"}, PERSON_BUTTON],
            )
            return CLEARED
        if out.status == "cancelled":
            dispatcher.utter_message(text=f"Your appointment {out.reference} ({out.label}) is "
                                     "already cancelled.", buttons=[BOOK_BUTTON])  # fmt: skip
            return CLEARED
        dispatcher.utter_message(
            text=f"I found your appointment: {out.label}, with {out.adviser_first_name}. What "
            "would you like to do?",
            buttons=[_choice("change"), _choice("cancel"), _choice("keep")],
        )
        managed = {"reference": out.reference, "contact": contact, "offer": offer}
        return [*CLEARED, SlotSet("booking_managed", managed)]


class ActionManageBooking(Action):
    def name(self) -> str:
        return "action_manage_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        managed = tracker.get_slot("booking_managed")
        chosen = next((e.get("value") for e in entities_of(tracker)
                       if e.get("entity") == "booking_action"), None)  # fmt: skip
        if not managed or chosen not in ACTIONS:
            dispatcher.utter_message(
                text="To change or cancel an appointment, I need its reference first.",
                buttons=[{"title": "Change or cancel an appointment",
                          "payload": "/cancel_appointment"}],
            )  # fmt: skip
            return []
        if chosen == "keep":
            dispatcher.utter_message(text="OK, your appointment stays as it is.",
                                     buttons=[{"title": "What else can you do?",
                                               "payload": "/help"}])  # fmt: skip
            return [SlotSet("booking_managed", None)]
        if chosen == "change":
            return _offer_times(dispatcher, tracker.slots, offer=managed.get("offer"),
                                intro="Your appointment stays booked until you choose a new "
                                "time. ")  # fmt: skip
        with database() as db:
            try:
                booking = bookings.find(managed["reference"], managed["contact"], db_session=db)
            except bookings.NotFound:
                booking = None
            else:
                booking_flows.cancel(booking, db_session=db, council=council())
                out = booking_flows.out(booking, db_session=db, council=council())
        if booking is None:
            dispatcher.utter_message(text=f"Sorry, I couldn't cancel it. Please call "
                                     f"{council().phone}.", buttons=[PERSON_BUTTON])  # fmt: skip
        else:
            dispatcher.utter_message(
                text=f"Your appointment on {out.label} is cancelled. We'll send you a "
                f"confirmation to {contacts.masked(managed['contact'])}. You can book another "
                "time whenever you like.",
                buttons=[BOOK_BUTTON, {"title": "What else can you do?", "payload": "/help"}],
            )
        return [SlotSet("booking_managed", None)]
