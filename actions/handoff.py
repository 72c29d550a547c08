"""Hand the resident to a person without them repeating themselves: open (or update) their
case with their answers, routing, plan and the conversation, and ask the gateway to find an
adviser. The gateway decides live chat or not, because only it knows who is online."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.booking import (
    FORM_SLOTS,
    SAFE_TIME_WORDS,
    ValidateBookingForm,
    consent_in,
    offer_for,
)
from actions.common import (
    BOOK_BUTTON,
    HELP_BUTTON,
    council,
    database,
    resident_reference,
    rules,
    text_of,
)
from actions.flows import leaving
from bot.assessment import flow
from bot.booking import contact as contacts
from bot.booking import preferences
from bot.clock import utcnow
from bot.conversation.service import HANDOFF_TYPE
from bot.council import service as council_service
from bot.council.models import Council
from bot.handoff import context
from bot.handoff import flows as handoff
from bot.handoff import service as cases
from bot.handoff.models import Case
from bot.insight import service as insight
from bot.pathways.service import route
from bot.plan import service as plans
from bot.safety.detect import kind as danger

SAFE_TIME_SLOT = "callback_safe_time"
# After these, someone else may answer the phone: ask when it is safe, and leave no message.
CONTACT_CAREFULLY = frozenset({"abuse", "exploitation"})
# "will you text me?", "please dont text me he reads my messages"
ABOUT_TEXTS = re.compile(r"\b(texts?|texting|txt|sms|messages?|msgs?|voicemail|letters?)\b", re.I)
# A time or a moment to call said with the request: "when hes at work, mornings", "after 2".
# Only words that say when it is safe: "when hes at work", "while she's out", "mornings".
# "he gets angry when hes home" says when it is NOT safe, so the question is still asked.
SAID_WHEN = re.compile(
    r"\b(when|while|whilst) (he|she|they|my \w+)('?s| is| are)? ?(at work|out|away|asleep|gone|"
    r"working|not (home|in|there|around))\b|\b(call|ring|phone)( me)?( back)?,? (in the )?"
    r"(mornings?|afternoons?|lunch ?time)\W*$",
    re.IGNORECASE,
)


def open_case(tracker: Tracker, reason: str, db: Session) -> Case:
    """The conversation's case with everything known so far (one case per conversation)."""
    slots = tracker.slots
    routing = route(flow.answers(slots), rules(tracker))
    return cases.open_case(
        db_session=db,
        council_slug=council(tracker).slug,
        conversation_id=tracker.sender_id,
        reason=reason,
        offer=offer_for(tracker),
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
    """The same first name, contact and consent as a booking, checked the same way; after
    abuse, also when it is safe to call, because the wrong person may answer."""

    def name(self) -> str:
        return "validate_callback_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("crisis_kind") in CONTACT_CAREFULLY:
            return domain_slots
        return [name for name in domain_slots if name != SAFE_TIME_SLOT]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """ "will you send me a text? he reads them": answered before anything else, and the
        question asked again when that was all the message said."""
        asked = tracker.get_slot("requested_slot")
        text = text_of(tracker)
        if (
            asked in (SAFE_TIME_SLOT, "booking_consent")
            and ABOUT_TEXTS.search(text)
            and not leaving(tracker)  # "stop, he checks my texts": let out, never asked again
            and danger(text) is None
        ):
            careful = tracker.get_slot("crisis_kind") in CONTACT_CAREFULLY
            by_email = "@" in str(tracker.get_slot("booking_contact") or "")
            how = "email you, only about this" if by_email else "only phone you"
            safe = ", at the time you say is safe. They won't leave a message." if careful else "."
            dispatcher.utter_message(
                text=f"No. We don't send texts about a call back. An adviser will {how}{safe}"
            )
            if "?" in text or not (SAFE_TIME_WORDS.search(text) or consent_in(text) is not None):
                return [SlotSet(asked, None), SlotSet("requested_slot", asked)]
        return await super().run(dispatcher, tracker, domain)

    async def extract_callback_safe_time(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """When it is safe to call, said with the request ("can you call me when hes at work,
        mornings"): kept, and not asked again."""
        if tracker.get_slot(SAFE_TIME_SLOT) or tracker.get_slot("requested_slot"):
            return {}
        for event in reversed(tracker.events):
            if event.get("event") != "user":
                continue
            said = str(event.get("text") or "")
            if SAID_WHEN.search(said):
                when = re.sub(r"^.*?\b(call|ring|phone|contact)( me| us)?( back)?\b\W*", "", said,
                              flags=re.IGNORECASE)  # fmt: skip
                return {SAFE_TIME_SLOT: " ".join((when or said).split())[:200]}
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent == "request_callback":
                break
        return {}

    def said_with_consent(self, tracker: Tracker) -> list[EventType]:
        """ "yes please but mornings only": the best time to call, kept with the request."""
        text = text_of(tracker)
        if tracker.get_slot(SAFE_TIME_SLOT) or not SAFE_TIME_WORDS.search(text):
            return []
        when = re.sub(r"^\W*((yes|yeah|yep|ok|okay|sure|fine|please|pls|that'?s fine|but|and|"
                      r"though)\b\W*)+", "", text, flags=re.IGNORECASE)  # fmt: skip
        return [SlotSet(SAFE_TIME_SLOT, " ".join(when.split())[:200] or text)]

    def another_time(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, asked: str | None, text: str
    ) -> list[EventType] | None:
        """ "after 6pm please im at work" said where a name or number was asked: when to call,
        kept (``asked_when`` reads it when the request is made), and the question asked again."""
        if asked not in ("booking_first_name", "booking_contact") or text.startswith("/"):
            return None
        wish = preferences.read(text, council_service.local_today(council(tracker)))
        if replace(wish, channel=None).empty:
            return None
        dispatcher.utter_message(text="Thanks, I'll tell the adviser when suits you.")
        return [SlotSet(asked, None), SlotSet("requested_slot", asked)]

    def validate_callback_safe_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        said = " ".join(str(value or "").split())
        if not said or said.startswith("/"):
            return {SAFE_TIME_SLOT: None}
        return {SAFE_TIME_SLOT: said[:200]}


def asked_when(tracker: Tracker, this: Council) -> preferences.Preference | None:
    """When the resident asked to be called, in the request or while giving their details
    ("please call me back on friday after 5pm", "evening is better, after 6"); None if never
    said. The latest wish counts."""
    today = council_service.local_today(this)
    wish = None
    for event in tracker.events:
        if event.get("event") != "user":
            continue
        text = str(event.get("text") or "")
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent == "request_callback":
            wish = None  # a new request: what was said before it was about something else
        if text.startswith("/"):
            continue
        # how they are reached is the contact they give: "no credit" is no time to call
        said = replace(preferences.read(text, today), channel=None, avoid_channels=frozenset())
        if not said.empty:
            wish = said
    return wish


def _wish_words(wish: preferences.Preference) -> str:
    """ "on Fridays after 5pm": the wish as residents say it."""
    return re.sub(
        r"\b(after|before|at) (\d{1,2}):00\b",
        lambda m: f"{m.group(1)} {council_service.clock(time(int(m.group(2))))}",
        wish.words().removeprefix("times "),
    )


class ActionRequestCallback(Action):
    def name(self) -> str:
        return "action_request_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cleared = [SlotSet(name, None) for name in (*FORM_SLOTS, SAFE_TIME_SLOT)]
        this = council(tracker)
        if not tracker.get_slot("booking_consent"):
            dispatcher.utter_message(
                text="That's fine. Without your agreement we can't contact you, so I haven't "
                f"asked for a call back. You can call {this.phone} when the team is open.",
                buttons=[BOOK_BUTTON, {"title": "What can you do?", "payload": "/help"}],
            )
            return cleared
        contact = contacts.parse(tracker.get_slot("booking_contact") or "")
        name = tracker.get_slot("booking_first_name") or ""
        now = utcnow()
        by = handoff.callback_by(this, now)
        careful = tracker.get_slot("crisis_kind") in CONTACT_CAREFULLY
        # A time asked for is kept for the adviser; a call's time is promised
        wish = None if careful else asked_when(tracker, this)
        window = handoff.asked_window(wish, this, now) if wish is not None else None
        with database() as db:
            case = open_case(tracker, "asked", db)
            case.contact = {"how": contact.kind, "value": contact.value, "name": name}
            safe_time = tracker.get_slot(SAFE_TIME_SLOT)
            if careful:  # the adviser sees this first
                case.contact |= {"safe_time": safe_time or "not said", "no_messages": True}
            elif wish is not None:
                case.contact["when"] = _wish_words(wish)
            elif safe_time:
                case.contact["when"] = safe_time
            case.status = "callback"
            case.callback_by = window[1] if window and contact.kind == "phone" else by
            reference = case.reference
            insight.record(db_session=db, council=this, kind="callback_requested", offer=case.offer)
        verb = f"call you on {contacts.masked(contact.value)}" if contact.kind == "phone" else (
            f"email you at {contacts.masked(contact.value)}")  # fmt: skip
        who = "Someone from the employer team" if offer_for(tracker) == "employer" else (
            "An adviser")  # fmt: skip
        promise = f"{who} will {verb} by {handoff.when_text(by, this)}."
        calls = wish is not None and contact.kind == "phone"  # an email has no time to keep
        if calls and window is not None:  # "call me back on friday after 2"
            start, end = window
            day = handoff.when_text(end, this).split(" on ", 1)[1]
            promise = (
                f"{who} will {verb} on {day}, between {council_service.clock(start)} and "
                f"{council_service.clock(end)}, as you asked."
            )
        elif calls and handoff.passed_today(wish, this, now):  # "today after 3", at 4.20pm
            promise = (
                f"That time has passed, so {who[0].lower()}{who[1:]} will {verb} by "
                f"{handoff.when_text(by, this)}."
            )
        elif calls:  # "after 5pm on friday", when nobody is working
            promise = (
                f"Our advisers aren't working {_wish_words(wish)} (their hours: "
                f"{council_service.opening_hours_text(this)}), so {who[0].lower()}{who[1:]} will "
                f"{verb} by {handoff.when_text(by, this)}. If that's a bad time, call {this.phone}"
                " when it suits you."
            )
        if careful:
            when = f' You told us when it is safe: "{safe_time}".' if safe_time else ""
            promise += (
                f"{when} They won't leave a message, and they will only say who they are to you."
            )
        elif safe_time and wish is None:
            promise += f' They will try to call when you asked: "{safe_time}".'
        dispatcher.utter_message(
            text=f"Thank you, {name}. {promise} They can see what you've told me, so you won't "
            f"need to repeat it. Your reference is {reference}.",
            buttons=[BOOK_BUTTON, HELP_BUTTON],
            json_message={"type": "callback", "case": reference},
        )
        return cleared
