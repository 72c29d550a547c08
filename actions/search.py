"""Course, job, apprenticeship and support searches in the conversation, and follow-ups.

Results come only from the catalogue, through ``actions.finder``; each
answer is a short text (read by screen readers and plain clients) plus a ``custom`` payload
the widget draws as cards.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions import finder
from actions.common import PERSON_BUTTON, council, database, entities_of, intent_of, rules, text_of
from actions.flows import acknowledgement, next_steps
from actions.knowledge import answered_about_the_results
from bot.assessment import facts, flow
from bot.catalogue.search import message
from bot.catalogue.search import place as places
from bot.council.models import Council
from bot.pathways.models import Answers
from bot.pathways.service import route
from bot.plan import fit

KIND_BY_INTENT = {
    "find_course": "course",
    "find_job": "job",
    "find_apprenticeship": "apprenticeship",
    "get_support": "service",
}
KIND_BY_WANTS = {"course": "course", "job": "job", "apprenticeship": "apprenticeship",
                 "support": "service"}  # fmt: skip
MORE_BUTTON = {"title": "Show me more", "payload": "/more_results"}
ASSESS_BUTTON = {"title": "Help me work out what's right for me", "payload": "/career_advice"}
ESOL_BUTTON = {"title": "English classes (ESOL)", "payload": '/find_course{"subject": "esol"}'}
WIDER_MILES = 25.0
INTENT_BY_KIND = {kind: intent for intent, kind in KIND_BY_INTENT.items()}
ENTITY_BY_KIND = {"course": "subject", "job": "job_role", "apprenticeship": "job_role",
                  "service": "subject"}  # fmt: skip


_KIND_WORDS = re.compile(
    r"\b(?:(?P<apprenticeship>apprenticeships?)|(?P<job>jobs?|vacanc\w*)|"
    r"(?P<course>courses?|classes))\b",
    re.IGNORECASE,
)


VOLUNTEERING = re.compile(r"\bvolunt\w*\b", re.IGNORECASE)


def kind_named(text: str) -> str | None:
    """The kind of record the message names first, if it names one."""
    found = _KIND_WORDS.search(text or "")
    return found.lastgroup if found else None


def _request(tracker: Tracker, db: Session) -> finder.Request:
    slots = tracker.slots
    said = facts.normalise(text_of(tracker))
    said_kind = facts.wants_said(said)  # "help me find a job then"
    kind = (
        # "any volunteering", "i want to volunteer": unpaid, so found among support services
        ("service" if VOLUNTEERING.search(said) else None)
        # "no forget courses, find me a job instead": what is left once the denied kind goes
        or KIND_BY_WANTS.get(facts.changed_wants(said) or "")
        or KIND_BY_INTENT.get(intent_of(tracker) or "")
        or KIND_BY_WANTS.get(said_kind or "")
        or kind_named(text_of(tracker))  # "what about retail jobs"
        or (slots.get("last_search") or {}).get("kind")  # "warehouse" after jobs: jobs
        or KIND_BY_WANTS.get(slots.get("wants"), "course")
    )
    known_place = flow.known_value(slots, "location")
    text = text_of(tracker)
    entities = entities_of(tracker)
    if text.startswith("/"):  # a button: what the assessment found out, or a suggestion's words
        hours = slots.get("hours")
        part_time = isinstance(hours, int) and hours < finder.FULL_TIME_FROM_HOURS
        named = [str(e["value"]) for e in entities if e.get("entity") in ("subject", "job_role")]
        request = finder.Request(kind=kind, words=" ".join(named), near=known_place,
                                 part_time=part_time)  # fmt: skip
    else:
        request = finder.from_message(kind, text, entities, known_place, db_session=db)
        hours = slots.get("hours")
        said_hours = request.part_time or request.full_time
        if kind in ("job", "apprenticeship") and not said_hours and isinstance(hours, int):
            # "part time, school hours only" told before "Find a job": the jobs that fit it
            request = replace(request, part_time=hours < finder.FULL_TIME_FROM_HOURS)
    if not request.words:
        request = replace(request, words=_words_from_answers(kind, tracker))
    return request


FOLLOW_UP = re.compile(
    r"^\s*(and|also|what about|how about|any|only|just|but)\b|\b(ones?|those|them|these|"
    r"of them|any of)\b",
    re.IGNORECASE,
)


# "i live in Riverside", "im in DB3 1AA", "near Demoton", or the place alone: the answer to
# "Tell me your postcode or town to see what's near you" under results.
PLACE_ONLY = re.compile(
    r"^\s*(?:(?:i\s*(?:'?m|am)\s+(?:in|from|near|based in|living in)|i\s+live\s+(?:in|at|near)"
    r"|live\s+in|near|in|around|from|my\s+postcode\s+is|postcode|it'?s|its)\s+)?"
    r"(?P<place>[a-z][a-z0-9 '\-]{1,39}?)(?:\s+(?:please|pls|plz|thanks|thank you|ta|mate))?"
    r"\s*[.!?]*\s*$",
    re.IGNORECASE,
)


# "im 34" is an age, though "IM34" is shaped like a postcode district (the Isle of Man's).
AGE_SAID = re.compile(r"^(?:i\s*'?m|i am)\s+\d{1,2}$", re.IGNORECASE)


def place_answer(tracker: Tracker, db: Session) -> finder.Request | None:
    """The last search again near the place the resident's message is nothing but, or None.
    The model may hear "i live in Riverside" after job results as another job search; its
    words are a place, not a job."""
    previous = finder.Request.from_slot(tracker.get_slot("last_search"))
    said = PLACE_ONLY.match(text_of(tracker))
    if previous is None or said is None or text_of(tracker).startswith("/"):
        return None
    place = said.group("place").strip()
    if AGE_SAID.match(place) or not places.is_known(place, db_session=db):
        return None
    return replace(previous, near=place, page=1, maybe_place=None)


def _follows_up(tracker: Tracker) -> bool:
    """A search the model heard as new that names no new subject and speaks of the results
    on screen ("any part time ones", "what about online") refines the last one."""
    from actions.knowledge import refines

    previous = finder.Request.from_slot(tracker.get_slot("last_search"))
    text = text_of(tracker)
    kind = KIND_BY_INTENT.get(intent_of(tracker) or "")
    if previous is None or text.startswith("/") or kind not in (None, previous.kind):
        return False
    named = [e for e in entities_of(tracker) if e.get("entity") in ("subject", "job_role")]
    return not named and bool(FOLLOW_UP.search(text)) and refines(tracker)


def _words_from_answers(kind: str, tracker: Tracker) -> str:
    slots = tracker.slots
    if kind == "service":
        routing = route(flow.answers(slots), rules(tracker))
        searches = {r.barrier: r.search for r in rules(tracker).referrals}
        return next((searches[r.key] for r in routing.referrals if r.key in searches), "")
    interests = slots.get("interests")
    return interests if flow.known(interests) else ""


def show(
    found: finder.Found,
    dispatcher: CollectingDispatcher,
    assessed: bool,
    answers: Answers,
    this: Council,
    esol: bool = False,
) -> None:
    """Say what was found (or not), draw the cards, and offer what can come next. A course
    free for this resident says so, as their plan will."""
    if found.request.kind == "course":
        for card in found.cards:
            card["cost"] = fit.cost_for(card, answers, council=this)
    if found.place_problem:
        dispatcher.utter_message(
            text=f"{found.place_problem} For now I'll show results from everywhere."
        )
    buttons = []
    shown_to = (found.request.page - 1) * finder.PER_PAGE + len(found.cards)
    if found.relevant and found.outcome.total > shown_to:
        buttons.append(MORE_BUTTON)
    if not found.relevant:  # nothing for those words: searches that do find something
        kind = found.request.kind
        buttons += [
            {"title": f"Look for {words}",
             "payload": f"/{INTENT_BY_KIND[kind]}" + json.dumps({ENTITY_BY_KIND[kind]: words})}
            for words in found.suggestions
        ]  # fmt: skip
    if not assessed:
        buttons.append(ASSESS_BUTTON)
    buttons.append(PERSON_BUTTON)
    text = finder.summary(found)
    if esol and found.request.kind != "course":
        text += "\nI can also find free or low-cost English classes (ESOL) near you."
        buttons.insert(0, ESOL_BUTTON)
    if found.outcome.total == 0:
        text += " An adviser knows what is on locally and can look with you."
    elif found.place is None and not found.place_problem:
        text += "\nTell me your postcode or town to see what's near you."
    dispatcher.utter_message(
        text="\n".join([*found.outcome.notices, text]),
        buttons=buttons,
        json_message={
            "type": finder.PAYLOAD_TYPES[found.request.kind],
            "total": found.outcome.total,
            "page": found.request.page,
            "results": found.cards,
            "location": found.place.label if found.place else None,
            # The gateway counts a search (its first page) and removes this.
            **({"insight": {"search": found.request.kind}} if found.request.page == 1 else {}),
        },
    )


def run_request(request: finder.Request, tracker: Tracker, db: Session) -> finder.Found:
    """One search for this council, with "free for me" meaning free for this resident."""
    this = council(tracker)
    return finder.run(
        request,
        db_session=db,
        council=this,
        profile=flow.answers(tracker.slots),
    )


def search(request: finder.Request, tracker: Tracker, db: Session) -> finder.Found:
    """Run the search; with nothing found nearby, look further before giving up. With nothing
    for the words at all, say so (and what else finds something): never other records."""
    found = _search(request, tracker, db)
    if found.place_problem and _said_this_turn(tracker, found.place_problem):
        found.place_problem = None  # the profile reader has just said it: not twice in a row
    return found


def _said_this_turn(tracker: Tracker, text: str) -> bool:
    """Whether an earlier action in this turn said this already."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and str(event.get("text") or "").startswith(text):
            return True
    return False


def kept(found: finder.Found) -> dict[str, Any]:
    """The search to refine next time: a place that could not be found is not kept, so "full
    time" next does not say again that the postcode was not found."""
    request = found.request
    return (replace(request, near=None) if request.near and found.place is None else request
            ).as_slot()  # fmt: skip


def _search(request: finder.Request, tracker: Tracker, db: Session) -> finder.Found:
    found = run_request(request, tracker, db)
    settled = found.request  # the search may have found that "in X" was a place
    if found.outcome.total == 0 and found.place and settled.radius < WIDER_MILES:
        wider = run_request(replace(settled, radius=WIDER_MILES), tracker, db)
        if wider.outcome.total:
            wider.outcome.notices.insert(
                0,
                f"There was nothing within {settled.radius:g} miles, so I looked up to "
                f"{WIDER_MILES:g} miles away.",
            )
            found = wider
    return found


def _safe_again(tracker: Tracker) -> list[EventType]:
    """ "im ok i just want a job" after a crisis answer: safe, said with the request."""
    from actions.safety import clear_answer

    if tracker.get_slot("crisis_open") and clear_answer(text_of(tracker)) is True:
        return [SlotSet("crisis_open", None)]
    return []


def assessed(tracker: Tracker) -> bool:
    return flow.known(tracker.get_slot("age")) and flow.known(tracker.get_slot("situation"))


def _too_young_for_jobs(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Under the service's minimum age, a job search gets who can help instead: "im 15 and
    want a job" was shown adult jobs. Courses and support are still searched."""
    kind = KIND_BY_INTENT.get(intent_of(tracker) or "") or kind_named(text_of(tracker))
    age = flow.known_value(tracker.slots, "age")
    rules_now = rules(tracker)
    if kind not in ("job", "apprenticeship") or not isinstance(age, int):
        return False
    if age >= rules_now.minimum_age:
        return False
    dispatcher.utter_message(
        text=rules_now.under_minimum_age,
        buttons=[{"title": "Find a course", "payload": "/find_course"}, PERSON_BUTTON],
    )
    return True


class ActionSearch(Action):
    def name(self) -> str:
        return "action_search"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if answered_about_the_results(dispatcher, tracker):  # "how much do they cost"
            return []
        if _too_young_for_jobs(dispatcher, tracker):  # "im 15 and want a job"
            return []
        if _follows_up(tracker):  # "any part time ones?" after jobs: those jobs, part time
            return await ActionMoreResults().run(dispatcher, tracker, domain)
        with database() as db:
            found = search(place_answer(tracker, db) or _request(tracker, db), tracker, db)
        esol = message.wants_esol(message.normalise(text_of(tracker)))
        show(
            found,
            dispatcher,
            assessed(tracker),
            flow.answers(tracker.slots),
            council(tracker),
            esol,
        )
        return [SlotSet("last_search", kept(found)), *_safe_again(tracker)]


async def noted_then_searched(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType] | None:
    """What a message told me, then the search the resident came for, when it has just said
    what that is or where they are and nothing has been searched yet ("i work in cleaning
    zero hour but i want more hours, better job", then "DB1 1AA"); else None."""
    from actions.profile import NOTED

    heard = acknowledgement(tracker)
    noted = (tracker.get_slot(NOTED) or {}).get("new") or []
    ready = (
        heard is not None
        and not tracker.get_slot("last_search")
        and tracker.get_slot("wants") in ("job", "course", "apprenticeship")
        and bool({"wants", "location"} & set(noted))
    )
    if not ready:
        return None
    dispatcher.utter_message(text=heard)
    return await ActionSearch().run(dispatcher, tracker, domain)


class ActionMoreResults(Action):
    def name(self) -> str:
        return "action_more_results"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        previous = finder.Request.from_slot(tracker.get_slot("last_search"))
        if answered_about_the_results(dispatcher, tracker):  # "do u get paid on them"
            return []
        if ONE_OF_THEM.search(text_of(tracker)):  # "tell me more about the 2nd one"
            shown = show_one(dispatcher, tracker)
            if shown is not None:
                return shown
        heard = acknowledgement(tracker)
        searched = await noted_then_searched(dispatcher, tracker, domain)
        if searched is not None:
            return searched
        if previous is None and heard is not None:  # "i'm 19 and not working": noted
            dispatcher.utter_message(
                text=f"{heard} What would you like to do next?", buttons=next_steps(tracker)
            )
            return []
        if previous is None and tracker.get_slot("wants") in KIND_BY_WANTS:
            # "what about warehouse" or "show me more" before any search: what they came for
            return await ActionSearch().run(dispatcher, tracker, domain)
        if previous is None:
            dispatcher.utter_message(
                text="What would you like me to look for?",
                buttons=[
                    {"title": "Courses", "payload": "/find_course"},
                    {"title": "Jobs", "payload": "/find_job"},
                    {"title": "Support", "payload": "/get_support"},
                ],
            )
            return []
        with database() as db:
            refined = place_answer(tracker, db) or finder.refine(
                previous, text_of(tracker), entities_of(tracker), db_session=db
            )
            found = search(refined, tracker, db)
        if not found.cards and found.request.page > 1:
            dispatcher.utter_message(
                text="That's everything I found. An adviser may know of more.",
                buttons=[PERSON_BUTTON],
            )
            return []
        show(found, dispatcher, assessed(tracker), flow.answers(tracker.slots), council(tracker))
        return [SlotSet("last_search", kept(found))]


ORDINAL_WORDS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
                 "fourth": 3, "4th": 3, "fifth": 4, "5th": 4, "last": -1}  # fmt: skip


# One result named by its place in the list: "the 2nd one", "tell me about the first job".
ONE_OF_THEM = re.compile(
    rf"\b({'|'.join(ORDINAL_WORDS)})\s+(one|job|course|result|apprenticeship|option|link)\b",
    re.IGNORECASE,
)


def show_one(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "the second one", said about results on screen (not appointment times): that result
    again, on its own, with what to do next; None when no result is named."""
    previous = finder.Request.from_slot(tracker.get_slot("last_search"))
    lowered = text_of(tracker).lower()
    index = next((i for w, i in ORDINAL_WORDS.items() if re.search(rf"\b{w}\b", lowered)), None)
    if previous is None or index is None:
        return None
    with database() as db:
        found = run_request(previous, tracker, db)
    if not -len(found.cards) <= index < len(found.cards):
        return None
    card = found.cards[index]
    how = "apply" if previous.kind in ("job", "apprenticeship") else "find out more"
    dispatcher.utter_message(
        text=f"Here it is:\n{finder.card_line(card)}\nUse the link to {how}. An adviser can "
        "help you with it too.",
        buttons=[
            {"title": "Book an appointment", "payload": "/book_appointment"},
            MORE_BUTTON,
            PERSON_BUTTON,
        ],
        json_message={
            "type": finder.PAYLOAD_TYPES[previous.kind],
            "total": 1,
            "page": 1,
            "results": [card],
            "location": found.place.label if found.place else None,
        },
    )
    return []
