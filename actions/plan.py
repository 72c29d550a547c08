"""Make the resident's plan: offers and why, what is free, matched courses, jobs and support."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions import finder
from actions.common import (
    BOOK_BUTTON,
    PERSON_BUTTON,
    council,
    database,
    resident_reference,
    rules,
    text_of,
)
from actions.search import run_request
from bot.assessment import flow
from bot.booking import describe
from bot.booking import flows as booking_flows
from bot.booking import service as bookings
from bot.booking.models import Booking
from bot.council.models import Council
from bot.handoff import flows as handoff_flows
from bot.handoff import service as cases
from bot.pathways.models import Answers
from bot.pathways.service import route
from bot.plan import fit
from bot.plan import service as plans
from bot.plan.models import Match

PAGES = 3  # pages of results looked through for courses that suit the resident


def _matches(cards: list[dict], answers: Answers, this: Council) -> list[Match]:
    return [
        Match(
            id=card["id"],
            title=card["title"],
            who=finder.card_who(card),
            where=card.get("where"),
            detail=fit.cost_for(card, answers, council=this)
            or card.get("wage")
            or card.get("start")
            or card.get("when"),
            url=card.get("url"),
        )
        for card in cards
    ]


QUESTIONS_BUTTON = {"title": "Help me work out what's right for me", "payload": "/career_advice"}


# A plan made in another chat: "again", "yesterday", "lost", "my reference is 7BW-ZWH".
MADE_BEFORE = re.compile(
    r"\b(again|yesterday|before|last (time|week)|lost|earlier|already|reference|ref)\b"
    r"|\b[a-z0-9]{3}-[a-z0-9]{3}\b",
    re.IGNORECASE,
)


def earlier_plan(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, typed: bool = False
) -> None:
    """How to get back a plan made in another chat. This chat can't know it is theirs, so it
    never opens one by its reference: the link they were given does, and an adviser can.
    ``typed``: they gave a reference, which may be an appointment's too."""
    first = (
        "Thanks. If that's your plan's reference: your plan is kept at the link I gave you "
        "with it. If you've lost the link, an adviser can find your plan with that reference"
        if typed
        else "Your plan is kept at the link I gave you with it, so you can open it there. If "
        "you've lost the link, an adviser can find your plan with its reference (like KH3-7XP)"
    )
    appointment = " Or if it's for a booking, I can change or cancel it." if typed else ""
    dispatcher.utter_message(
        text=f"{first}: talk to a person, or call {council(tracker).phone}.{appointment} Or I "
        "can make a new plan with you now. It takes about 2 minutes.",
        buttons=[PERSON_BUTTON, *([MANAGE_BUTTON] if typed else []), QUESTIONS_BUTTON],
    )


MANAGE_BUTTON = {"title": "Change or cancel an appointment", "payload": "/cancel_appointment"}


def arranged(tracker: Tracker, this: Council, db: Session, booking: Booking | None) -> list[str]:
    """What this conversation has already arranged (``booking``, a call back), in the words
    the resident was told: the plan says so instead of telling them to book what they have."""
    said = []
    if booking is not None:
        venue = booking_flows.venue_of(booking, db_session=db)
        said.append(
            f"Go to your appointment on {describe.booking_label(booking, venue, this)}. "
            f"{describe.joining(booking.channel, venue, this)} You'll make your plan together."
        )
    case = cases.for_conversation(db_session=db, conversation_id=tracker.sender_id)
    if case is not None and case.status == "callback" and case.callback_by is not None:
        how = "call" if (case.contact or {}).get("how") == "phone" else "email"
        asked = ", as you asked" if (case.contact or {}).get("when") else ""
        said.append(
            f"An adviser will {how} you by {handoff_flows.when_text(case.callback_by, this)}"
            f"{asked}."
        )
    return said


class ActionShowPlan(Action):
    def name(self) -> str:
        return "action_show_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = tracker.slots
        this, in_force = council(tracker), rules(tracker)
        if all(slots.get(name) is None for name in flow.QUESTIONS):
            if MADE_BEFORE.search(text_of(tracker)):  # "can i see my plan from yesterday"
                earlier_plan(dispatcher, tracker)
                return []
            # "show me my plan" first thing: a plan of whatever is near would be padding. Once
            # the questions are answered or skipped, the plan is theirs, whatever it holds.
            dispatcher.utter_message(
                text="I don't know anything about you yet, so I can't make a plan that fits. "
                "Answer a few questions (it takes about 2 minutes), and I'll make your plan.",
                buttons=[QUESTIONS_BUTTON, PERSON_BUTTON],
            )
            return []
        answers = flow.answers(slots)
        routing = route(answers, in_force)
        place = flow.known_value(slots, "location")
        interests = flow.known_value(slots, "interests") or ""
        searches = {r.barrier: (r.finds, r.search) for r in in_force.referrals}
        found: dict[str, list[Match]] = {"course": [], "job": [], "service": []}
        served: dict[str, str] = {}
        with database() as db:

            def look(kind: str, words: str) -> list[Match]:
                """What the catalogue has for these words (nothing when nothing is relevant),
                keeping the courses that suit this resident."""
                cards: list[dict] = []
                for page in range(1, PAGES + 1):
                    level = fit.lowest_level(answers) if kind == "course" else None
                    request = finder.Request(kind=kind, words=words, near=place, page=page,
                                             min_level=level)  # fmt: skip
                    found = run_request(request, tracker, db)
                    if not found.relevant:
                        break
                    cards += [c for c in found.cards if kind != "course" or fit.suits(c, answers)]
                    if len(cards) >= plans.MAX_MATCHES or not found.cards:
                        break
                return _matches(cards, answers, this)

            if not routing.too_young:
                # Help for a barrier first: English classes come before courses for interests.
                housing_first = sorted(routing.referrals, key=lambda r: r.key != "housing")
                for referral in housing_first[:2]:
                    kind, words = searches.get(referral.key, ("service", ""))
                    matched = look(kind, words)[: 2 if kind == "course" else plans.MAX_MATCHES]
                    found[kind] += matched
                    if matched:
                        served[referral.key] = kind
                if interests:  # nothing to look for otherwise: courses near them are no plan
                    found["course"] += look("course", interests)
                wants_work = slots.get("wants") in ("job", "apprenticeship", None, flow.SKIPPED)
                if interests and wants_work:
                    kind = "apprenticeship" if slots.get("wants") == "apprenticeship" else "job"
                    found["job"] = look(kind, interests)
            booking = bookings.upcoming_in_conversation(tracker.sender_id, db_session=db)
            done = arranged(tracker, this, db, booking)
            booked = booking is not None
            content = plans.build(
                routing,
                council_name=this.name,
                phone=this.phone,
                place=place,
                courses=found["course"],
                jobs=found["job"],
                services=found["service"],
                served=served,
                arranged=done,
            )
            plan = plans.create(
                content, council_slug=this.slug, conversation_id=tracker.sender_id, db_session=db,
                reference=resident_reference(tracker.sender_id, db),
            )  # fmt: skip
            reference, link = plan.reference, plans.link(plan)
        steps = "\n".join(f"{i}. {step}" for i, step in enumerate(content.next_steps, 1))
        dispatcher.utter_message(
            text=f"Here is your plan. Your reference is {reference}: an adviser can use it to "
            f"see your plan, so you won't have to explain again. You can open, print or share "
            f"it with this link: {link}\nNext steps:\n{steps}",
            # booking what they have booked already would be a second appointment
            buttons=[PERSON_BUTTON] if booked else [BOOK_BUTTON, PERSON_BUTTON],
            json_message={
                "type": "plan",
                "reference": reference,
                "link": link,
                **content.dict(),
            },
        )
        return []
