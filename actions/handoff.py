"""Hand the resident to a person without them repeating themselves: open (or update) their
case with their answers, routing, plan and the conversation, and ask the gateway to find an
adviser. The gateway decides live chat or not, because only it knows who is online."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.booking import FORM_SLOTS, ValidateBookingForm, offer_for
from actions.common import BOOK_BUTTON, council, database, resident_reference, rules
from bot.assessment import flow
from bot.booking import contact as contacts
from bot.clock import utcnow
from bot.conversation.service import HANDOFF_TYPE
from bot.handoff import context
from bot.handoff import flows as handoff
from bot.handoff import service as cases
from bot.handoff.models import Case
from bot.pathways.service import route
from bot.plan import service as plans


def open_case(tracker: Tracker, reason: str, db: Session) -> Case:
    """The conversation's case with everything known so far (one case per conversation)."""
    slots = tracker.slots
    routing = route(flow.answers(slots), rules())
    return cases.open_case(
        session=db,
        council_slug=council().slug,
        conversation_id=tracker.sender_id,
        reason=reason,
        offer=offer_for(slots),
        context=context.build(slots, tracker.events, routing, reason),
        plan_reference=plans.latest_reference(tracker.sender_id, db_session=db),
        reference=resident_reference(tracker.sender_id, db),
    )


def case_reference(tracker: Tracker, reason: str) -> str:
    with database() as db:
        return open_case(tracker, reason, db).reference


class ActionHandoff(Action):
    """ "Talk to a person": the case, then the gateway's answer (live chat, or a booking or a
    call-back when nobody is online)."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reference = case_reference(tracker, "asked")
        dispatcher.utter_message(json_message={"type": HANDOFF_TYPE, "case": reference})
        return []


class ValidateCallbackForm(ValidateBookingForm):
    """The same first name, contact and consent as a booking, checked the same way."""

    def name(self) -> str:
        return "validate_callback_form"


class ActionRequestCallback(Action):
    def name(self) -> str:
        return "action_request_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cleared = [SlotSet(name, None) for name in FORM_SLOTS]
        this = council()
        if not tracker.get_slot("booking_consent"):
            dispatcher.utter_message(
                text="That's fine. Without your agreement we can't contact you, so I haven't "
                f"asked for a call back. You can call {this.phone} when the team is open.",
                buttons=[BOOK_BUTTON, {"title": "What can you do?", "payload": "/help"}],
            )
            return cleared
        contact = contacts.parse(tracker.get_slot("booking_contact") or "")
        name = tracker.get_slot("booking_first_name") or ""
        by = handoff.callback_by(this, utcnow())
        with database() as db:
            case = open_case(tracker, "asked", db)
            case.contact = {"how": contact.kind, "value": contact.value, "name": name}
            case.status, case.callback_by = "callback", by
            reference = case.reference
        verb = f"call you on {contacts.masked(contact.value)}" if contact.kind == "phone" else (
            f"email you at {contacts.masked(contact.value)}")  # fmt: skip
        who = "Someone from the employer team" if offer_for(tracker.slots) == "employer" else (
            "An adviser")  # fmt: skip
        dispatcher.utter_message(
            text=f"Thank you, {name}. {who} will {verb} by "
            f"{handoff.when_text(by, this)}. They can see what you've told me, so you won't "
            f"need to repeat it. Your reference is {reference}.",
            buttons=[BOOK_BUTTON, {"title": "What else can you do?", "payload": "/help"}],
            json_message={"type": "callback", "case": reference},
        )
        return cleared
