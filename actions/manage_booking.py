"""Cancel or change an appointment in the conversation, by its reference and the contact given
when booking: the same check as the API, and one neutral answer for any mismatch, so nobody can
find out which references exist."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.booking import ValidateBookingForm, _not_an_answer, _offer_times
from actions.common import (
    BOOK_BUTTON,
    HELP_BUTTON,
    PERSON_BUTTON,
    answering,
    council,
    database,
    entities_of,
    text_of,
)
from bot import references
from bot.booking import contact as contacts
from bot.booking import flows as booking_flows
from bot.booking import preferences
from bot.booking import service as bookings
from bot.catalogue.search import english
from bot.council import service as council_service
from bot.nlp.intent_words import YES_FIRST

ACTIONS = {"cancel": "Cancel it", "change": "Change the time", "keep": "Keep it",
           "cancel_confirmed": "Yes, cancel it"}  # fmt: skip
CLEARED = [SlotSet("booking_reference", None), SlotSet("booking_contact", None)]
CANCEL_WORDS = re.compile(r"\b(cancel\w*|cancle|call (it )?off|can'?t (make|come|go))\b", re.I)
CHANGE_WORDS = re.compile(
    r"\b(move|change|rearrange|reschedule|different (day|time)|another (day|time)|next week|"
    r"later|earlier|other (day|time)|instead)\b",
    re.I,
)
KEEP_WORDS = re.compile(r"\b(keep|leave it|as it is)\b", re.I)
NOT_CANCEL = re.compile(
    r"\b(don'?t|dont|do not|not|never|no need to|rather not)\s+(\w+\s+)?(cancel\w*|cancle)\b", re.I
)
# The reference slot holds this when the resident has no reference and will be sent it instead.
BY_CONTACT = "by-contact"
NO_REFERENCE = re.compile(
    r"\b(don'?t|dont|do not|haven'?t|have not|havent|can'?t|cannot|cant|no|lost|forgot\w*|"
    r"deleted|not got|never got|without)\b.{0,25}\b(ref(e?r+[ae]?n[cs]e)?|number|code|email|text|"
    r"message|confirmation)\b|\b(lost|forgot\w*|deleted|(can'?t|cant|cannot) find|(don'?t|dont|"
    r"do not|haven'?t|havent) (have|got)) it\b|\bno idea\b|\bwhat reference\b|\bdon'?t know\b",
    re.IGNORECASE,
)
# The contact slot holds this when the resident cannot give the contact they booked with.
NO_CONTACT = "unknown"


def _chosen(tracker: Tracker) -> str | None:
    """What to do with the appointment: the button's value, else the resident's own words."""
    picked = next((e.get("value") for e in entities_of(tracker)
                   if e.get("entity") == "booking_action"), None)  # fmt: skip
    if picked in ACTIONS or picked == BY_CONTACT:
        return picked
    said = text_of(tracker)  # "move it" (the model's word, not a button's value) and the rest
    if CANCEL_WORDS.search(said):
        return "cancel"
    if CHANGE_WORDS.search(said):
        return "change"
    return "keep" if KEEP_WORDS.search(said) else None


def wants_to_change(tracker: Tracker) -> bool:
    """Whether the message asks to move the appointment found ("friday morning instead")."""
    return _chosen(tracker) == "change"


def _choice(action: str) -> dict[str, str]:
    return {"title": ACTIONS[action],
            "payload": '/manage_booking{"booking_action":"' + action + '"}'}  # fmt: skip


class ValidateManageBookingForm(ValidateBookingForm):
    """The contact is checked as when booking; the reference is read however it is typed."""

    def name(self) -> str:
        return "validate_manage_booking_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("requested_slot") is None:  # starting: maybe nothing to ask
            known = _already_known(tracker)
            if known:
                return [SlotSet(name, value) for name, value in known.items()]
        lost = await self._validate_reference_first(tracker)
        return lost if lost is not None else await super().run(dispatcher, tracker, domain)

    async def _validate_reference_first(self, tracker: Tracker) -> list[EventType] | None:
        """ "I don't have it, I deleted the message" answers the reference question (it can be
        sent instead): never a reason to leave the form."""
        if tracker.get_slot("requested_slot") == "booking_reference" and NO_REFERENCE.search(
            text_of(tracker)
        ):
            return [SlotSet("booking_reference", BY_CONTACT), SlotSet("failed_attempts", 0)]
        return None

    def validate_booking_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        chosen = next((e.get("value") for e in entities_of(tracker)
                       if e.get("entity") == "booking_action"), None)  # fmt: skip
        if chosen == BY_CONTACT or NO_REFERENCE.search(text_of(tracker)):
            return {"booking_reference": BY_CONTACT, "failed_attempts": 0}
        if _not_an_answer(value):
            return {"booking_reference": None}
        code = reference_in(str(value))
        if code is not None:
            return {"booking_reference": code, "failed_attempts": 0}
        failed = int(tracker.get_slot("failed_attempts") or 0) + 1
        if failed >= 2:
            dispatcher.utter_message(
                text="That doesn't look like a booking reference either. If you can't find "
                "it, I can send it to the phone number or email you booked with. Or you can "
                f"talk to a person, or call {council(tracker).phone}.",
                buttons=[WITHOUT_REFERENCE, PERSON_BUTTON],
            )
        else:
            dispatcher.utter_message(
                text="That doesn't look like a booking reference. It is 6 letters and numbers, "
                "like KH3-7XP, and it is in your confirmation message.",
                buttons=[WITHOUT_REFERENCE],
            )
        return {"booking_reference": None, "failed_attempts": failed}

    def validate_booking_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ "I don't have that number any more" or a second answer that is no contact ends the
        question: without the contact the chat cannot find the appointment privately, and
        asking again would trap them. The form completes and a person is offered instead."""
        if _not_an_answer(value):
            return {"booking_contact": None}
        try:
            return {"booking_contact": contacts.parse(str(value)).value, "failed_attempts": 0}
        except contacts.InvalidContact as exc:
            failed = int(tracker.get_slot("failed_attempts") or 0) + 1
            if contacts.none_given(str(value)) or failed >= 2:
                return {"booking_contact": NO_CONTACT, "failed_attempts": 0}
            dispatcher.utter_message(text=str(exc))
            return {"booking_contact": None, "failed_attempts": failed}


def _already_known(tracker: Tracker) -> dict[str, str]:
    """What need not be asked: an appointment found a moment ago, one booked in this same
    conversation (the resident's own chat is proof enough), or a message that says the
    reference is lost."""
    managed = tracker.get_slot("booking_managed") or {}
    if managed.get("reference") and managed.get("contact"):
        return {"booking_reference": managed["reference"], "booking_contact": managed["contact"]}
    with database() as db:
        own = bookings.upcoming_in_conversation(tracker.sender_id, db_session=db)
        if own is not None and own.contact:
            return {"booking_reference": own.reference, "booking_contact": own.contact}
    if NO_REFERENCE.search(text_of(tracker)):
        return {"booking_reference": BY_CONTACT}
    said = reference_in(text_of(tracker))  # "my reference is 7NM-9VZ i want to cancel it"
    return {"booking_reference": said} if said else {}


WITHOUT_REFERENCE = {
    "title": "I don't have my reference",
    "payload": '/manage_booking{"booking_action":"' + BY_CONTACT + '"}',
}


def reference_in(text: str) -> str | None:
    """A booking reference however it is typed: "KH3-7XP", "kh37xp", "my ref is KH3 7XP"."""
    words = re.sub(r"\b(my|reference|ref|is|it'?s|the|number|code)\b", " ", text,
                   flags=re.IGNORECASE).split()  # fmt: skip
    halves = [a + b for a, b in pairwise(words) if len(a) == len(b) == 3]  # "KH3 7XP"
    # "change" or "cancel" could be a reference made of letters only: a typed word is read as
    # one only when nothing else in the message can be, and never an English word
    typed = [w for w in words if not english.is_english(w.lower().strip(".,!?"))]
    joined = "".join(words) if len(words) > 1 and any(ch.isdigit() for ch in text) else ""
    candidates = sorted([*typed, *halves, joined],
                        key=lambda c: not any(ch.isdigit() for ch in c))  # fmt: skip
    length = bookings.REFERENCE_LENGTH
    return next((c for w in candidates if (c := references.normalise(w, length))), None)


class ActionAskContact(Action):
    """The contact question, in the words that fit: to check it is them, or to send the
    reference there."""

    def name(self) -> str:
        return "action_ask_manage_booking_form_booking_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("booking_reference") == BY_CONTACT:
            dispatcher.utter_message(
                text="What's the mobile number or email address you booked with? I'll send "
                "your reference there, for you only."
            )
        else:
            dispatcher.utter_message(response="utter_ask_manage_booking_form_booking_contact")
        return []


class ActionFindBooking(Action):
    def name(self) -> str:
        return "action_find_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reference = tracker.get_slot("booking_reference") or ""
        contact = tracker.get_slot("booking_contact") or ""
        phone = council(tracker).phone
        if contact == NO_CONTACT:
            return _ask_a_person(dispatcher, tracker)
        if reference == BY_CONTACT:
            return _send_references(dispatcher, tracker, contact)
        with database() as db:
            try:
                booking = bookings.find(
                    reference, contact, council_slug=council(tracker).slug, db_session=db
                )
            except bookings.NotFound:
                booking = None
            else:
                out = booking_flows.out(booking, db_session=db, council=council(tracker))
                offer = booking.offer
        if booking is None:
            dispatcher.utter_message(
                text="I couldn't find an appointment with that reference and contact. Please "
                f"check them in your message, or call {phone}.",
                buttons=[{"title": "Try again", "payload": "/cancel_appointment"}, PERSON_BUTTON],
            )
            return CLEARED
        if out.status == "cancelled":
            dispatcher.utter_message(text=f"Your appointment {out.reference} ({out.label}) is "
                                     "already cancelled.", buttons=[BOOK_BUTTON])  # fmt: skip
            return CLEARED
        managed = {"reference": out.reference, "contact": contact, "offer": offer}
        found = f"I found your appointment: {out.label}, with {out.adviser_first_name}."
        said = text_of(tracker)
        if CANCEL_WORDS.search(said):  # asked to cancel: one more question, never at once
            dispatcher.utter_message(
                text=f"{found} Are you sure you want to cancel it?",
                buttons=[_choice("cancel_confirmed"), _choice("keep")],
            )
            return [*CLEARED, SlotSet("booking_managed", {**managed, "asked": "cancel"})]
        if CHANGE_WORDS.search(said):  # asked to move it: the times that fit what they said
            wish = preferences.read(said, council_service.local_today(council(tracker)))
            events = _offer_times(
                dispatcher,
                tracker,
                offer=offer,
                wish=wish,
                intro=f"{found} It stays booked until you choose a new time. ",
            )
            return [*CLEARED, SlotSet("booking_managed", managed), *events]  # fmt: skip
        dispatcher.utter_message(
            text=f"{found} What would you like to do?",
            buttons=[_choice("change"), _choice("cancel"), _choice("keep")],
        )
        return [*CLEARED, SlotSet("booking_managed", managed)]


def _ask_a_person(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """No contact to check: a person can find the appointment by asking other questions."""
    dispatcher.utter_message(
        text="That's OK. To keep appointments private, I can only find one here with the "
        "phone number or email it was booked with. A person from our team can check who you "
        f"are another way and find it for you. Talk to a person here, or call "
        f"{council(tracker).phone}.",
        buttons=[PERSON_BUTTON, BOOK_BUTTON],
    )
    return CLEARED


def _send_references(
    dispatcher: CollectingDispatcher, tracker: Tracker, contact: str
) -> list[EventType]:
    """The same answer whether or not the contact has bookings: the chat never says."""
    with database() as db:
        booking_flows.send_references(
            contacts.parse(contact), db_session=db, council=council(tracker)
        )
    how = "text" if "@" not in contact else "email"
    dispatcher.utter_message(
        text=f"If there is an appointment booked with {contacts.masked(contact)}, I've sent its "
        f"reference there by {how}. It can take a few minutes. When you have it, tell me the "
        f"reference to change or cancel it, or call {council(tracker).phone}.",
        buttons=[
            {"title": "I have my reference now", "payload": "/cancel_appointment"},
            PERSON_BUTTON,
        ],
    )
    return CLEARED


class ActionManageBooking(Action):
    def name(self) -> str:
        return "action_manage_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        managed = tracker.get_slot("booking_managed")
        chosen = _chosen(tracker)
        if chosen == BY_CONTACT:  # no reference: send it to the contact they booked with
            return [SlotSet("booking_reference", BY_CONTACT), FollowupAction("manage_booking_form")]
        intent = tracker.latest_message.get("intent", {}).get("name")
        said = text_of(tracker)
        if not managed and chosen is None and intent in ("affirm", "deny"):
            # "no" to "I couldn't find an appointment…": not a reason to ask for it again
            dispatcher.utter_message(text="OK. If you want to change or cancel an appointment "
                                     "later, just ask.", buttons=[HELP_BUTTON])  # fmt: skip
            return []
        if chosen == "keep" and answering(tracker) == "utter_confirm_restart":
            # "no keep it" to "do you want to start again?": everything is kept
            dispatcher.utter_message(response="utter_carry_on")
            return []
        if not managed:  # "cancel it" before any appointment is found: find it first
            return [FollowupAction("manage_booking_form")]
        if NOT_CANCEL.search(said):  # "please don't cancel it": never a yes
            chosen = "keep"
        elif managed.get("asked") == "cancel":  # "yes", "yes cancel it", "no" to "are you sure?"
            said_yes = intent == "affirm" or YES_FIRST.search(said)
            if said_yes and chosen in (None, "cancel"):  # a bare "cancel it" is asked again
                chosen = "cancel_confirmed"
        if chosen is None and intent == "deny":  # "no" to what to do with it: leave it be
            chosen = "keep"
        if chosen not in ACTIONS:
            dispatcher.utter_message(
                text=f"What would you like to do with your appointment {managed['reference']}?",
                buttons=[_choice("change"), _choice("cancel"), _choice("keep")],
            )
            return []
        if chosen == "keep":
            dispatcher.utter_message(text="OK, your appointment stays as it is.",
                                     buttons=[HELP_BUTTON])  # fmt: skip
            return [SlotSet("booking_managed", None)]
        if chosen == "cancel":  # cancelling can't be undone: ask once more
            dispatcher.utter_message(
                text=f"Are you sure you want to cancel your appointment {managed['reference']}?",
                buttons=[_choice("cancel_confirmed"), _choice("keep")],
            )
            return [SlotSet("booking_managed", {**managed, "asked": "cancel"})]
        if chosen == "change":  # no longer asked "are you sure?" about cancelling
            unasked = {k: v for k, v in managed.items() if k != "asked"}
            # "can i do friday morning instead": the times that fit what they said
            wish = preferences.read(said, council_service.local_today(council(tracker)))
            return [SlotSet("booking_managed", unasked), *_offer_times(
                dispatcher, tracker, offer=managed.get("offer"), wish=wish,
                intro="Your appointment stays booked until you choose a new time. ")]  # fmt: skip
        with database() as db:
            try:
                booking = bookings.find(
                    managed["reference"],
                    managed["contact"],
                    council_slug=council(tracker).slug,
                    db_session=db,
                )
            except bookings.NotFound:
                booking = None
            else:
                booking_flows.cancel(booking, db_session=db, council=council(tracker))
                out = booking_flows.out(booking, db_session=db, council=council(tracker))
        if booking is None:
            phone = council(tracker).phone
            dispatcher.utter_message(text=f"Sorry, I couldn't cancel it. Please call {phone}.",
                                     buttons=[PERSON_BUTTON])  # fmt: skip
        else:
            dispatcher.utter_message(
                text=f"Your appointment on {out.label} is cancelled. We'll send you a "
                f"confirmation to {contacts.masked(managed['contact'])}. You can book another "
                "time whenever you like.",
                buttons=[BOOK_BUTTON, HELP_BUTTON],
            )
        return [SlotSet("booking_managed", None)]
