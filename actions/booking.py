"""Booking an adviser in the conversation: offer times, hold the chosen one, take a first name
and a contact with consent, confirm with a reference and a calendar link.

The times, the hold and the confirmation all come from ``bot.booking``, the same functions the
HTTP API uses, so the chat and partner systems can never double-book each other.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions import finder
from actions import search as search_actions
from actions.common import (
    BOOK_BUTTON,
    HELP_BUTTON,
    PERSON_BUTTON,
    client_of,
    council,
    database,
    entities_of,
    intent_of,
    limits,
    resident_reference,
    rules,
    text_of,
)
from actions.encourage import BOOKING_CLOSING, encouraged_in_form
from actions.flows import let_go_of_hold, reject_if_leaving
from bot.assessment import flow
from bot.booking import contact as contacts
from bot.booking import describe, preferences
from bot.booking import flows as booking_flows
from bot.booking import service as bookings
from bot.booking.models import Booking
from bot.catalogue.search import place as places
from bot.council import service as council_service
from bot.council.models import Council
from bot.errors import rate_limited_body
from bot.pathways.service import route
from bot.postcode.service import Place, PostcodeError
from bot.ratelimit.service import RateLimited, in_council

CONFIRMATION_FIELDS = {"reference", "label", "address", "channel", "adviser_first_name",
                       "calendar_url"}  # fmt: skip
SHOWN = 4  # times on screen at once; the council's ``booking.offered`` can lower it
FORM_SLOTS = ("booking_first_name", "booking_contact", "booking_consent")
OTHER_TIMES = {"title": "Other times", "payload": '/choose_slot{"slot_id":"more"}'}
ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3,
            "4th": 3, "last": -1, "earliest": 0, "soonest": 0}  # fmt: skip


def offer_for(tracker: Tracker) -> str:
    """The kind of adviser that fits the resident: their programme if the assessment found one,
    otherwise a careers adviser (Skills for All is for everyone)."""
    slots = tracker.slots
    if slots.get("wants") == "employer":
        return "employer"
    routing = route(flow.answers(slots), rules(tracker))
    keys = [o.key for o in routing.offers]
    return next((k for k in ("youth_pathways", "working_futures") if k in keys), "skills_for_all")


def _place(tracker: Tracker, near: str | None, db: Session) -> Place | None:
    """Where to look for times near: a place named with the request ("book an appointment near
    DB3 1AA"), else the postcode the resident gave in the assessment."""
    known = near or flow.known_value(tracker.slots, "location")
    if not known:
        return None
    try:
        codes = frozenset(council(tracker).local_authority_codes)
        return places.resolve(str(known), codes, db_session=db)
    except PostcodeError:
        return None


def _remote_channel(offered: bookings.Offered, wish: preferences.Preference) -> str:
    """How the chat books a time away from a venue: as the resident asked if its advisers
    offer that, else by phone, else by video, never a way they said they cannot use."""
    can = preferences.usable(offered, wish) or list(offered.channels)
    if wish.channel in can and wish.channel != "in_person":
        return str(wish.channel)
    return "phone" if "phone" in can else "video"


def choices(
    offered: list[bookings.Offered],
    venues: dict,
    place: Place | None,
    start: int = 0,
    wish: preferences.Preference | None = None,
    *,
    this: Council,
) -> list[dict[str, Any]]:
    """The times to show: the nearest place's first times, and the first phone time.

    Residents mostly want "near me, soon", and a phone call suits those who can't travel.
    """
    in_person = [o for o in offered if o.venue_id is not None]
    remote = [o for o in offered if o.venue_id is None]
    if place is not None and in_person:
        nearest = min(
            {o.venue_id for o in in_person},
            key=lambda v: describe.distance(venues.get(v), place) or 0.0,
        )
        in_person = [o for o in in_person if o.venue_id == nearest]
    page = start // (SHOWN - 1)
    if not in_person:  # only phone or video times wanted (or offered): show several
        picked = remote[start : start + SHOWN]
    elif not remote:
        picked = in_person[start : start + SHOWN]
    else:
        picked = [*in_person[start : start + SHOWN - 1], *remote[page : page + 1]]
    picked.sort(key=lambda o: o.starts_at)
    shown = []
    for o in picked:
        channel = (
            "in_person"
            if o.venue_id is not None
            else _remote_channel(o, wish or preferences.Preference())
        )
        words = None if o.venue_id is not None else describe.where(channel, None)
        label = describe.slot_label(o, venues.get(o.venue_id or 0), this, words)
        shown.append({"id": o.id, "channel": channel, "label": label})
    return shown


def _offer_times(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    start: int = 0,
    intro: str = "",
    near: str | None = None,
    offer: str | None = None,
    wish: preferences.Preference | None = None,
) -> list[EventType]:
    offer = offer or offer_for(tracker)
    wish = wish or preferences.Preference()
    this = council(tracker)
    zone = ZoneInfo(this.timezone)
    today = council_service.local_today(this)
    with database() as db:
        offered = bookings.find_slots(db_session=db, council=this, offer=offer)
        fitting = [o for o in offered if preferences.fits(o, wish, zone, today)]
        if not wish.empty and not fitting:
            intro += f"Sorry, there are no {wish.words()} in the next few weeks. "
            wish = preferences.nearest(wish, offered, zone, today)
            fitting = [o for o in offered if preferences.fits(o, wish, zone, today)]
        if not wish.empty:
            offered = fitting
        venues = bookings.venues({o.venue_id for o in offered if o.venue_id}, db_session=db)
        place = _place(tracker, near, db)
        shown = choices(offered, venues, place, start, wish, this=this)
    who = describe.OFFER_NAMES[offer]
    if not shown:
        dispatcher.utter_message(
            text=f"{intro}I'm sorry, there are no free times with a {who} in the next few weeks. "
            f"Please call {this.phone} and the team will find you a time.",
            buttons=[PERSON_BUTTON],
        )
        return [SlotSet("booking_offered", None), SlotSet("picking_time", None)]
    around = f" near {place.label}" if place is not None and start == 0 else ""
    which = f"{wish.words()} " if not wish.empty and fitting else "next free times "
    dispatcher.utter_message(
        text=f"{intro}Here are the {which}with a {who}{around}. Which suits you? You can also "
        "type a day or time, like \u201cFriday morning\u201d or \u201cby video\u201d.",
        buttons=[*_buttons(shown), OTHER_TIMES, PERSON_BUTTON],
    )
    offered_now = {"start": start, "choices": shown, "near": near, "offer": offer,
                   "wish": wish_slot(wish)}  # fmt: skip
    return [SlotSet("booking_offered", offered_now), SlotSet("picking_time", True),
            SlotSet("failed_attempts", 0)]  # fmt: skip


def wish_slot(wish: preferences.Preference) -> dict[str, Any] | None:
    """The wish, kept with the times shown so "other times" keeps to it."""
    if wish.empty:
        return None
    return {"days": sorted(wish.days), "part": wish.part, "channel": wish.channel,
            "after_hour": wish.after_hour, "before_hour": wish.before_hour, "week": wish.week,
            "on": wish.on.isoformat() if wish.on else None,
            "avoid_days": sorted(wish.avoid_days),
            "avoid_channels": sorted(wish.avoid_channels)}  # fmt: skip


def wish_from_slot(value: dict[str, Any] | None) -> preferences.Preference:
    if not value:
        return preferences.Preference()
    on = value.get("on")
    return preferences.Preference(
        days=frozenset(value.get("days") or ()), part=value.get("part"),
        channel=value.get("channel"), after_hour=value.get("after_hour"),
        before_hour=value.get("before_hour"), week=value.get("week"),
        on=date.fromisoformat(on) if on else None,
        avoid_days=frozenset(value.get("avoid_days") or ()),
        avoid_channels=frozenset(value.get("avoid_channels") or ()),
    )  # fmt: skip


def _buttons(shown: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"title": c["label"], "payload": _choose(c["id"])} for c in shown]


def _avoids_days(lowered: str) -> bool:
    """ "i can't do thursday" names a day to leave out, not the Thursday time."""
    return bool(preferences.read(lowered, date.today()).avoid_days)


def _one_day(lowered: str, shown: list[dict[str, Any]]) -> str | None:
    """The one time on screen on the day named ("the monday one"), or None: then the wish
    ("anything on a thursday? phone is easier") gets times that fit instead."""
    days = re.findall(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", lowered)
    if (
        not days
        or _avoids_days(lowered)
        or re.search(r"\b(anything|any|something|other|another|else|instead|is easier)\b", lowered)
    ):
        return None
    matching = [c for c in shown if all(day in c["label"].lower() for day in days)]
    return matching[0]["id"] if len(matching) == 1 else None


def _choose(slot_id: str) -> str:
    return '/choose_slot{"slot_id":"' + slot_id + '"}'


def _clock_labels(clock: re.Match | None, lowered: str) -> list[str]:
    """How a time said ("3.30", "3:30pm", "15:30") appears in the times' labels: "3.30" is the
    afternoon, as nobody meets an adviser at half past three in the morning."""
    if clock is None:
        return []
    hour, minutes = int(clock.group(1)), clock.group(2)
    later = re.match(r"\s*pm\b", lowered[clock.end() :]) is not None
    hours = [hour + 12] if later and hour < 12 else [hour, *([hour + 12] if 1 <= hour <= 7 else [])]
    return [f"{h:02d}:{minutes}" for h in hours]


def picked(text: str, entities: list[dict], offered: dict[str, Any] | None) -> str | None:
    """Which offered time the resident chose: a button, "the second one", "10:30", "Tuesday".
    ``"more"`` asks for other times; None when it is not clear."""
    named = [e.get("value") for e in entities if e.get("entity") == "slot_id" and e.get("value")]
    choices_ = (offered or {}).get("choices") or []
    if named:
        value = str(named[0])
        return value if value == "more" or any(c["id"] == value for c in choices_) else None
    lowered = text.lower()
    if re.search(r"\b(other|another|different|later|more) (times?|days?|ones?)\b", lowered):
        return "more"
    clock = re.search(r"\b(\d{1,2})[:.](\d{2})(?!\d)", lowered)
    if not clock and re.search(
        r"\b(video|zoom|teams|morning|afternoon|evening|week|tomorrow|today|after|before|"
        r"weekend|in person|face to face|instead)\b",
        lowered,
    ):
        return None  # a wish about when or how, not one of the times: times that fit it follow
    wish = preferences.read(lowered, date.today())
    if (wish.avoid_channels or wish.after_hour is not None) and not clock:
        return None  # "i dont have a phone", "thursday at 11": times that fit follow
    if re.search(r"\bday\b|\b(mon|tues|wednes|thurs|fri|satur|sun)", lowered) and not clock:
        return _one_day(lowered, choices_)
    if re.search(r"\bphone\b", lowered):
        phone = [c for c in choices_ if c["channel"] == "phone"]
        if phone:
            return phone[0]["id"]
    for word, index in ORDINALS.items():
        if re.search(rf"\b{word}\b", lowered) and choices_:
            return choices_[index]["id"] if -len(choices_) <= index < len(choices_) else None
    said_at = _clock_labels(clock, lowered)
    matching = [
        c for c in choices_
        if (not clock or any(at in c["label"] for at in said_at))
        and all(day in c["label"].lower() for day in re.findall(
            r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", lowered))
    ]  # fmt: skip
    if clock and matching:  # "the thursday 3.30 one" with several Thursdays: the soonest
        return matching[0]["id"]
    has_hint = re.search(r"day\b", lowered)
    return matching[0]["id"] if has_hint and len(matching) == 1 else None


class ActionOfferSlots(Action):
    def name(self) -> str:
        return "action_offer_slots"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = text_of(tracker)
        named = finder.places_named(text, entities_of(tracker))
        # "can i book for thursday afternoon": times that fit, not the next free ones
        wish = preferences.read(text, council_service.local_today(council(tracker)))
        return _offer_times(dispatcher, tracker, near=named[0] if named else None, wish=wish)


def over_booking_limit(tracker: Tracker) -> str | None:
    """Why no more can be booked from this network address now, counted with the API's
    bookings (``BOOKINGS_PER_HOUR``), or None."""
    client = client_of(tracker)
    if not client:
        return None
    try:
        limits().check("booking", in_council(council(tracker).slug, client))
    except RateLimited as exc:
        return rate_limited_body(exc, council(tracker))["error"]["message"]
    return None


class ActionHoldSlot(Action):
    """Hold the chosen time for a few minutes while the resident gives a name and contact."""

    def name(self) -> str:
        return "action_hold_slot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        offered = tracker.get_slot("booking_offered")
        text = text_of(tracker)
        if not offered and not tracker.get_slot("booking_managed"):
            # "the second one" about search results on screen, not about times
            shown = search_actions.show_one(dispatcher, tracker)
            if shown is not None:
                return shown
        chosen = picked(text, entities_of(tracker), offered)
        if chosen == "more":
            offered = offered or {}
            start = (offered.get("start") or 0) + SHOWN - 1
            return _offer_times(dispatcher, tracker, start, near=offered.get("near"),
                                offer=offered.get("offer"),
                                wish=wish_from_slot(offered.get("wish")))  # fmt: skip
        if chosen is None:
            return await _not_chosen(dispatcher, tracker, offered or {}, text)
        channel = next(c["channel"] for c in offered["choices"] if c["id"] == chosen)
        label = next(c["label"] for c in offered["choices"] if c["id"] == chosen)
        if tracker.get_slot("booking_managed"):  # changing an existing booking's time
            return move_booking(dispatcher, tracker, chosen, channel)
        refused = over_booking_limit(tracker)
        if refused:  # one network address booking appointment after appointment
            dispatcher.utter_message(text=refused, buttons=[PERSON_BUTTON])
            return []
        with database() as db:
            try:
                held = bookings.book_slot(
                    db_session=db, council=council(tracker), slot=chosen, channel=channel,
                    hold=True,
                    conversation_id=tracker.sender_id,
                    reference=resident_reference(tracker.sender_id, db),
                )  # fmt: skip
            except (bookings.SlotTaken, bookings.UnknownSlot):
                held = None
            hold = {"id": held.id, "label": label} if held is not None else None
        if hold is None:
            return _offer_times(dispatcher, tracker, intro="Sorry, that time has just been taken. ")
        minutes = int(bookings.HOLD.total_seconds() // 60)
        dispatcher.utter_message(
            text=f"Good choice: {label}. I'll keep it for you for {minutes} minutes while we "
            "finish booking."
        )
        return [
            SlotSet("booking_hold", hold),
            *[SlotSet(name, None) for name in FORM_SLOTS],
            SlotSet("picking_time", None),
            FollowupAction("booking_form"),
        ]


async def _not_chosen(
    dispatcher: CollectingDispatcher, tracker: Tracker, offered: dict[str, Any], text: str
) -> list[EventType]:
    """A message that is not one of the times: a wish ("friday morning", "video instead?")
    gets times that fit it; "no" gets other ways; after two misses, a person or the phone."""
    if _where_a_venue_is(dispatcher, tracker, offered):  # "where is northgate library"
        return []
    about_it = re.search(r"\b(it|this|that|appointment|adviser|service)\b", text, re.I)
    if COSTS.search(text) and about_it and len(text.split()) <= 8:  # "how much is it"
        dispatcher.utter_message(
            text="It's free. There's nothing to pay to see an adviser. Which time suits you?",
            buttons=[*_buttons(offered.get("choices") or []), OTHER_TIMES, PERSON_BUTTON],
        )
        return []
    wish = preferences.read(text, council_service.local_today(council(tracker)))
    if intent_of(tracker) == "out_of_scope":  # answered, and the times stay to choose from
        dispatcher.utter_message(response="utter_out_of_scope")
        dispatcher.utter_message(
            text="When you're ready, choose a time.",
            buttons=[*_buttons(offered.get("choices") or []), OTHER_TIMES],
        )
        return []
    if wish.empty and intent_of(tracker) == "ask_question":  # a question, not about the times
        from actions.knowledge import ActionAnswerQuestion

        return await ActionAnswerQuestion().run(dispatcher, tracker, {})
    if not offered or not wish.empty:
        return _offer_times(dispatcher, tracker, near=offered.get("near"),
                            offer=offered.get("offer"), wish=wish)  # fmt: skip
    shown = _buttons(offered.get("choices") or [])
    if intent_of(tracker) == "deny":
        dispatcher.utter_message(
            text="That's fine. You can see other times, or tell me a day or time that suits "
            "you, like \u201cTuesday afternoon\u201d. Or you can talk to a person.",
            buttons=[OTHER_TIMES, PERSON_BUTTON, STOP_BUTTON],
        )
        return []
    failed = int(tracker.get_slot("failed_attempts") or 0) + 1
    if failed >= 2:
        dispatcher.utter_message(
            text="Sorry, I still can't tell which time you'd like. A person can book it with "
            f"you: ask here, or call {council(tracker).phone}. Or choose a time below.",
            buttons=[PERSON_BUTTON, *shown, OTHER_TIMES, STOP_BUTTON],
        )
    else:
        dispatcher.utter_message(
            text="Sorry, I'm not sure which time you mean. Please choose one of these, or type "
            "a day or time that suits you, like \u201cFriday morning\u201d.",
            buttons=[*shown, OTHER_TIMES],
        )
    return [SlotSet("failed_attempts", failed)]


ASKS_WHERE = re.compile(
    r"\b(where|wheres|address|postcode|directions|how (do|can|would) i get|get there|how far|"
    r"location|find it|parking|park)\b",
    re.IGNORECASE,
)


def _where_a_venue_is(
    dispatcher: CollectingDispatcher, tracker: Tracker, offered: dict[str, Any]
) -> bool:
    """Where a place on the time buttons is, asked while choosing: its address, and the same
    times again (a place name is no time, and no question for the council's switchboard)."""
    text = text_of(tracker)
    if not offered or not ASKS_WHERE.search(text):
        return False
    this = council(tracker)
    with database() as db:
        offer = offered.get("offer") or offer_for(tracker)
        ids = {o.venue_id for o in bookings.find_slots(db_session=db, council=this, offer=offer)}
        venue = describe.named_venue(
            text, list(bookings.venues({i for i in ids if i}, db_session=db).values())
        )
        if venue is None:
            return False
        said = f"{describe.address(venue)}."
        if venue.accessibility:
            said += f" {venue.accessibility.rstrip('.')}."
    dispatcher.utter_message(
        text=f"{said} Which time suits you?",
        buttons=[*_buttons(offered.get("choices") or []), OTHER_TIMES, PERSON_BUTTON],
    )
    return True


HOW_LONG = re.compile(r"\b(how long|how many (minutes|mins|hours)|last|lasts)\b", re.IGNORECASE)


def _answer_aside(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
    """A side question in the middle of booking: how long the time held lasts, or the
    council's signpost for what the assistant does not answer."""
    hold = tracker.get_slot("booking_hold") or {}
    booking = None
    if HOW_LONG.search(text) and hold.get("id"):
        with database() as db:
            booking = db.get(Booking, hold["id"])
            minutes = (
                int((booking.ends_at - booking.starts_at).total_seconds() // 60) if booking else 0
            )
    if booking is not None and minutes > 0:
        dispatcher.utter_message(text=f"The appointment lasts about {minutes} minutes.")
    else:
        dispatcher.utter_message(response="utter_out_of_scope")


# Whether seeing an adviser costs anything, asked in the middle of booking.
COSTS = re.compile(
    r"\b(free|cost\w*|pay|paying|charge\w*|price|how much|fee|fees)\b", re.IGNORECASE
)
STOP_BUTTON = {"title": "Don't book now", "payload": "/stop"}
CHANGE_BUTTON = {
    "title": "Change my appointment",
    "payload": '/manage_booking{"booking_action":"change"}',
}


def _not_an_answer(value: Any) -> bool:
    """Nothing said yet: the slot cleared when the time was held, or the button press that
    started the form (Rasa offers its text to every slot the form fills from text)."""
    return value is None or str(value).startswith("/")


COMMAND_WORDS = {
    "help", "stop", "cancel", "quit", "exit", "person", "human", "adviser", "advisor", "someone",
    "no", "yes", "nope", "bye", "restart", "back", "menu", "why", "what", "how", "start", "again",
    "delete", "wipe", "forget", "talk", "speak", "call", "ring", "phone", "book", "find", "job",
    "jobs", "course", "courses", "where", "when", "who", "thanks", "ok", "okay",
}  # fmt: skip


def answers_question(slot: str | None, text: str) -> bool:
    """Whether a message reads as the answer to the booking question asked, so a name like
    "Hope" or a number is never taken for a request to leave."""
    if not slot or text.startswith("/"):
        return False
    if slot == "booking_first_name":
        words = re.findall(r"[^\W\d_]+", text.lower())
        return (
            1 <= len(words) <= 2
            and not set(words) & COMMAND_WORDS
            and "?" not in text
            and not _WHEN_WORDS.search(text)  # "thursday": a time, not a name
        )
    if slot == "booking_contact":
        try:
            contacts.parse(text)
        except contacts.InvalidContact:
            return contacts.none_given(text)  # "i dont have a phone": answered, not leaving
        return True
    if slot == "booking_reference":
        return bool(re.search(r"[A-Za-z0-9]{3}[\s-]?[A-Za-z0-9]{3}", text)) and len(text) < 30
    if slot == "callback_safe_time":
        return bool(SAFE_TIME_WORDS.search(text)) and len(text) <= 200
    return False


_YES = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|yh|ye|yea|ya|ok|okay|k|sure|fine|go on|please|pls|of course|"
    r"course|that'?s fine|thats fine|that'?s ok|no problem|absolutely|definitely|do it)\b",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^\W*(?:no|nope|nah|na|don'?t|dont|do not|i'?d rather not|rather not|not really)\b",
    re.IGNORECASE,
)


def consent_in(text: str) -> bool | None:
    """A typed yes or no to "may we contact you?", by its first words; None if neither."""
    if _NO.search(text):
        return False
    if _YES.search(text):
        return True
    return None


SAFE_TIME_WORDS = re.compile(
    r"\d|\b(any ?time|morning|mornings|afternoon|afternoons|evening|evenings|lunch|dinner|"
    r"day|days|weekdays?|weekends?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|noon|midday|am|pm|after|before|between|"
    r"until|till|til|when|while|whilst|not|never|only|work|out|school)\b",
    re.IGNORECASE,
)


_NAME_OPENING = re.compile(
    r"^(hi|hello|hiya)?[ ,]*(my name is|my name's|my names|name's|names|i'm|im|i am|it'?s for|"
    r"it's|its|this is|call me|(her|his|their|my (son|daughter|child)'?s?) name is)\s+",
    re.IGNORECASE,
)
# "but i'm her mum", "(my son)": who is speaking, after the name of the one booked for.
_BOOKED_FOR = re.compile(r"\s*(,|\bbut\b|\band\b|\(|-)\s*(i'?m|im|i am|my)\b.*$", re.IGNORECASE)
# Words no first name is: "is it free" and "yes please" were greeted as "Is" and "Yes".
NOT_NAMES = frozenset({
    "is", "it", "its", "it's", "free", "please", "pls", "plz", "what", "how", "does",
    "could", "the", "a", "this", "that", "there", "yes", "yeah", "yep", "no", "nope",
    "ok", "okay", "thanks", "thank", "you", "your", "u", "ur", "cost", "much", "need", "want",
    "why", "when", "where", "who", "not", "dont", "don't", "i", "im", "i'm", "me", "my", "we",
    "of", "to", "for", "and", "or", "but", "if", "about", "anything", "something", "nothing",
})  # fmt: skip
# Days and times said where a name was asked: never taken for one.
_WHEN_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tmrw|tonight|"
    r"morning|afternoon|evening|weekend|instead|o'?clock|next\s+week)\b",
    re.IGNORECASE,
)


# Asking for another time once one is held: "actually can i do thursday instead".
_ANOTHER_TIME = re.compile(
    r"\b(instead|change|another|different|other|rather|swap|move|better|how about|what about|"
    r"make it|can (i|we) (do|have|come|make it))\b",
    re.IGNORECASE,
)


# At "may we contact you?", only these leave for a search: "find me jobs", not "its about a job".
_SEARCH_ASKED = re.compile(
    r"\b(find|search|show|look(ing)? for|see (the|some|any)|any (jobs|courses|work)|list)\b",
    re.IGNORECASE,
)


# Said to "may we contact you?", these leave it (or are answered beside it, for the side
# questions the dialogue's rules answer before asking again); anything else asks again.
_LEAVES_CONSENT = frozenset({
    "request_adviser", "stop", "crisis", "start_again", "goodbye", "cancel_appointment",
    "employer_enquiry", "career_advice", "start_business", "show_plan",
    "ask_question", "ask_privacy", "bot_challenge",
})  # fmt: skip


def _leaves_consent(tracker: Tracker, text: str) -> bool:
    """Whether a message that is no yes or no, said to "may we contact you?", asks for
    something else (a person, to stop, a question, a search asked for in so many words), not
    "only if its about the job stuff" or "is this free"."""
    intent = intent_of(tracker)
    if intent in ("find_course", "find_job", "find_apprenticeship", "get_support"):
        return bool(_SEARCH_ASKED.search(text))
    return intent in _LEAVES_CONSENT


def _contact_in(text: str) -> str | None:
    """The phone number or email given after a name, if it is one."""
    try:
        return contacts.parse(text).value
    except contacts.InvalidContact:
        return None


class ValidateBookingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_booking_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """A message that asks for something else (a person, help, to stop) leaves the form;
        one that answers the question never does."""
        asked = tracker.get_slot("requested_slot")
        text = text_of(tracker)
        # "ugh nobody replies": heard, and the question again
        encouraged = encouraged_in_form(dispatcher, tracker, asked, BOOKING_CLOSING)
        if encouraged is not None:
            return encouraged
        if asked == "booking_consent" and not text.startswith("/"):
            agreed = consent_in(text)  # "yes please but mornings only" is a yes
            if agreed is not None:
                return [SlotSet("booking_consent", agreed), *self.said_with_consent(tracker)]
        if not answers_question(asked, text):
            other = self.another_time(dispatcher, tracker, asked, text)
            if other is not None:
                return other
            if (
                asked == "booking_consent"
                and not text.startswith("/")
                and not _leaves_consent(tracker, text)
            ):
                # "its about getting a job", "evening is better, after 6": said to the
                # question, not a new search. Asked again: the request is not dropped unseen.
                dispatcher.utter_message(text="Thanks. I just need a yes or a no to this:")
                return [SlotSet("booking_consent", None), *self.said_with_consent(tracker),
                        SlotSet("requested_slot", "booking_consent")]  # fmt: skip
            if asked and COSTS.search(text) and intent_of(tracker) == "help":
                # "is this free?" where the name is asked: answered, and the question again,
                # never the menu with the booking dropped
                dispatcher.utter_message(
                    text="Yes, it's free. There's nothing to pay for this service or to see an "
                    "adviser."
                )
                return [SlotSet(asked, None), SlotSet("requested_slot", asked)]
            if asked and intent_of(tracker) == "out_of_scope":
                # "how long is the appointment" where the name is asked: answered (or told it
                # is not ours to answer), and the question again, never the booking dropped
                _answer_aside(dispatcher, tracker, text)
                return [SlotSet(asked, None), SlotSet("requested_slot", asked)]
            rejected = reject_if_leaving(tracker, self.form_name())
            if rejected is not None:
                return rejected
        return await super().run(dispatcher, tracker, domain)

    def another_time(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, asked: str | None, text: str
    ) -> list[EventType] | None:
        """A day or time asked for while a time is held ("actually can i do thursday
        instead"): the held time goes back, times that fit the wish are offered, and the form
        ends (its confirmation finds nothing held and says nothing). None if it is not that."""
        if self.form_name() != "booking_form" or not tracker.get_slot("booking_hold"):
            return None
        if text.startswith("/") or not (
            _ANOTHER_TIME.search(text)
            or (asked == "booking_first_name" and _WHEN_WORDS.search(text))
        ):
            return None
        wish = preferences.read(text, council_service.local_today(council(tracker)))
        if wish.empty:
            return None
        offered = tracker.get_slot("booking_offered") or {}
        held = let_go_of_hold(tracker)
        shown = _offer_times(dispatcher, tracker, intro="No problem, I've let that time go. ",
                             near=offered.get("near"), offer=offered.get("offer"),
                             wish=wish)  # fmt: skip
        return [*held, *[SlotSet(name, None) for name in FORM_SLOTS], *shown,
                SlotSet("requested_slot", None)]  # fmt: skip

    def said_with_consent(self, tracker: Tracker) -> list[EventType]:
        """What else a typed yes says that the form keeps (a call-back's best time)."""
        return []

    def validate_booking_first_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if _not_an_answer(value):
            return {"booking_first_name": None}
        said = str(value or "").strip()
        # "Im Dave, 07700 900222": the name, and the contact asked for next, in one message.
        name, _, rest = said.partition(",")
        contact = _contact_in(rest) if rest else None
        name = _NAME_OPENING.sub("", name if contact else said).strip(" .!")
        name = _BOOKED_FOR.sub("", name).strip(" .!")  # "Chloe but I'm her mum"
        words = name.split()
        if (
            not 1 <= len(words) <= 3  # "the second one please" is a sentence, not a name
            or name.lower() in COMMAND_WORDS | {"ok", "okay", "yes", "yeah", "no", "k", "kk", "hi"}
            or any(w.lower() in NOT_NAMES for w in words)
            or "?" in said
            or len(name) > 60
            or not re.fullmatch(r"[^\W\d_][\w' .-]*", name)
            or _WHEN_WORDS.search(name)  # "thursday afternoon" is a time, not a name
        ):
            dispatcher.utter_message(text="Please tell me just your first name, like Sam.")
            return {"booking_first_name": None}
        first = words[0]
        found = {"booking_first_name": first.capitalize() if first.islower() else first}
        return {**found, "booking_contact": contact} if contact else found

    def validate_booking_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if _not_an_answer(value):
            return {"booking_contact": None}
        try:
            return {"booking_contact": contacts.parse(str(value)).value}
        except contacts.InvalidContact as exc:
            if contacts.none_given(str(value)) and self.form_name() == "callback_form":
                dispatcher.utter_message(
                    text="That's OK. An adviser needs a phone number or an email to reach you. "
                    "If you can't give one, talk to a person here now, or call "
                    f"{council(tracker).phone} when it suits you.",
                    buttons=[PERSON_BUTTON, STOP_BUTTON],
                )
            elif contacts.none_given(str(value)):
                dispatcher.utter_message(
                    text="That's OK. We send a text or email to say it's booked, and a "
                    "reminder. You can give the number or email of someone you trust, who can "
                    "pass them on. Or a person from our team can book it with you: talk to a "
                    f"person here, or call {council(tracker).phone}.",
                    buttons=[PERSON_BUTTON, STOP_BUTTON],
                )
            else:
                dispatcher.utter_message(text=str(exc))
            return {"booking_contact": None}

    def validate_booking_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"booking_consent": None if value is None else bool(value)}


class ActionConfirmBooking(Action):
    def name(self) -> str:
        return "action_confirm_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        hold = tracker.get_slot("booking_hold") or {}
        cleared = [SlotSet("booking_hold", None), *[SlotSet(n, None) for n in FORM_SLOTS]]
        phone = council(tracker).phone
        with database() as db:
            booking = db.get(Booking, hold.get("id")) if hold.get("id") else None
            if booking is None or booking.conversation_id != tracker.sender_id:
                return cleared
            if not tracker.get_slot("booking_consent"):
                bookings.cancel(booking, db_session=db)
                dispatcher.utter_message(
                    text="That's fine. Without your agreement we can't send you a confirmation "
                    f"or a reminder, so I haven't booked it. You can call {phone} to book "
                    "instead.",
                    buttons=[BOOK_BUTTON, PERSON_BUTTON],
                )
                return cleared
            contact = contacts.parse(tracker.get_slot("booking_contact") or "")
            try:
                booking_flows.confirm(
                    booking, db_session=db, council=council(tracker),
                    first_name=tracker.get_slot("booking_first_name") or "", contact=contact,
                )  # fmt: skip
            except bookings.SlotTaken:
                booking = None
            except bookings.AlreadyBooked as exc:
                bookings.cancel(booking, db_session=db)  # the hold on the new time goes
                text = bookings.ALREADY_BOOKED[exc.reason].format(phone=phone)
                dispatcher.utter_message(text=text, buttons=[CHANGE_BUTTON, PERSON_BUTTON])
                return cleared
            else:
                out = booking_flows.out(booking, db_session=db, council=council(tracker))
        if booking is None:
            return cleared + _offer_times(
                dispatcher, tracker, intro="Sorry, that time has just been taken. "
            )
        how = "a text" if contact.kind == "phone" else "an email"
        dispatcher.utter_message(
            text=f"You're booked, {out.first_name}: {out.label}, with {out.adviser_first_name}. "
            f"Your reference is {out.reference}. We'll send {how} to "
            f"{contacts.masked(contact.value)} to confirm, and a reminder the day before. "
            f"To change or cancel it, tell me your reference, or call {phone}.",
            json_message={"type": "booking", **out.dict(include=CONFIRMATION_FIELDS)},
            buttons=[{"title": "See my plan", "payload": "/show_plan"}, PERSON_BUTTON],
        )
        return cleared


def move_booking(
    dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, channel: str
) -> list[EventType]:
    """The new time for a booking found by reference and contact: same reference, the old time
    kept if the new one has just gone."""
    managed = tracker.get_slot("booking_managed") or {}
    with database() as db:
        try:
            booking = bookings.find(managed.get("reference", ""), managed.get("contact", ""),
                                    council_slug=council(tracker).slug, db_session=db)  # fmt: skip
            booking_flows.reschedule(booking, db_session=db, council=council(tracker), slot=slot,
                                     channel=channel)  # fmt: skip
        except bookings.NotFound:
            phone = council(tracker).phone
            dispatcher.utter_message(text=f"Sorry, I couldn't change it. Please call {phone}.",
                                     buttons=[PERSON_BUTTON])  # fmt: skip
            return [SlotSet("booking_managed", None), SlotSet("booking_offered", None)]
        except (bookings.SlotTaken, bookings.UnknownSlot):
            db.rollback()
            return _offer_times(dispatcher, tracker, offer=managed.get("offer"),
                                intro="Sorry, that time has just been taken. Your appointment "
                                "hasn't changed. ")  # fmt: skip
        out = booking_flows.out(booking, db_session=db, council=council(tracker))
    dispatcher.utter_message(
        text=f"Done: your appointment is now {out.label}, with {out.adviser_first_name}. Your "
        f"reference stays {out.reference}, and we'll send you the new details.",
        json_message={
            "type": "booking",
            "changed": True,
            **out.dict(include=CONFIRMATION_FIELDS),
        },
        buttons=[HELP_BUTTON],
    )
    return [
        SlotSet("booking_managed", None),
        SlotSet("booking_offered", None),
        SlotSet("picking_time", None),
    ]
