"""Tell me once: every message fills the resident's profile, whatever it was meant to answer.

Rasa runs this action after every message the resident sends: it is the domain's global slot
validation action (``action_validate_slot_mappings``), which ``action_extract_slots`` calls
before the dialogue decides what to do, and the one place where a message's slots can be set
with a word to the resident ("Thanks, I've changed that") on the same turn. It reads the
message with ``bot.assessment.facts`` and sets each fact as the slot the assessment would have
set, so a question already answered is never asked, and the search, the routing, the plan and
the adviser's case all start from what was said.

The question on screen is left to the assessment form, which reads its own answer more freely
("19" is an age only when the age was asked). A fact that changes an earlier answer is said back
("Thanks, I've changed that: you're 24"), so the resident can see and correct what is kept.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.combined import member_for
from actions.common import council, database, entities_of, intent_of
from bot.assessment import facts, flow, say
from bot.catalogue.search import place as places
from bot.council import service as council_service
from bot.postcode.service import Place, PostcodeError

NAME = "action_validate_slot_mappings"
# The slots this message filled: {"new": [...], "changed": [...]}, for the form to say what it
# skips and to know the message was about something other than its question.
NOTED = "profile_noted"
# Answers worth saying back when they change: a wrong one would send the resident elsewhere.
SAID_BACK = ("age", "location", "situation", "highest_level", "hours", "wants")
# Set when a combined authority's resident is sent to their own council: not facts about them.
COUNCIL_SLOTS = ("council", "council_name", "council_phone", "service_name")
SEARCHES = ("find_course", "find_job", "find_apprenticeship", "get_support", "more_results")


def resident_text(tracker: Tracker) -> str:
    """What the resident typed. The gateway's safety net sends ``/crisis`` in place of a
    message in crisis and keeps the words in the message's metadata."""
    text = tracker.latest_message.get("text") or ""
    if not text.startswith("/"):
        return text
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return str((event.get("metadata") or {}).get("resident_text") or "")
    return ""


def _place(candidates: list[str], area: frozenset[str]) -> Place | str | None:
    """The first candidate that is a real postcode, district or town, and whether it is in the
    council's area; else why a postcode given could not be found ("We couldn't find the
    postcode DB2 4RT…"), so the resident knows why they are asked again. A town not found is
    left for the question to sort out."""
    problem = None
    with database() as db:
        for candidate in candidates:
            try:
                found = places.resolve(candidate, area, db_session=db)
            except PostcodeError as exc:
                if any(ch.isdigit() for ch in candidate):
                    problem = problem or exc.message
                continue
            return found
    return problem


def _merged_barriers(before: Any, found: set[str]) -> list[str] | None:
    """Barriers add up across messages; None when nothing new was said."""
    known = set(before) if isinstance(before, list) else set()
    return sorted(known | found) if found - known else None


def new_facts(tracker: Tracker) -> tuple[dict[str, Any], str | None, Place | None]:
    """The slot values this message states that differ from what is known, except the answer to
    the question on screen; why a postcode it gives could not be used, if so; and the place a
    new location is (for a combined authority to say whose team it is)."""
    asked = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
    read = facts.read(
        resident_text(tracker),
        entities_of(tracker),
        intent=intent_of(tracker),
        today=council_service.local_today(council(tracker)),
    )
    if asked in ("gcse", "highest_level"):
        read.pop("interests", None)  # "english only" names the GCSE they have, not an interest
    changes: dict[str, Any] = {}
    problem = place = None
    if (
        "location" not in read
        and not flow.known(tracker.get_slot("location"))
        and (intent_of(tracker) in SEARCHES and asked != "location")
    ):
        # Where they search is where they are, until they say otherwise: a postcode given
        # for "cleaning jobs round DB3 1AA" is not asked for again.
        searched = [str(e["value"]) for e in entities_of(tracker)
                    if e.get("entity") in ("postcode", "place") and e.get("value")]  # fmt: skip
        if searched:
            read["location"] = searched  # a place not found is for the search to say
    for slot, value in read.items():
        if slot == asked:
            continue
        before = tracker.get_slot(slot)
        if slot == "location":
            found = _place(value, frozenset(council(tracker).local_authority_codes))
            if isinstance(found, str) and intent_of(tracker) not in SEARCHES:
                problem = found
            if not isinstance(found, Place) or found.label == before:
                continue
            place = found
            changes["location"], changes["in_area"] = found.label, found.in_area
        elif slot == "barriers":
            merged = _merged_barriers(before, value)
            if merged is not None:
                changes["barriers"] = merged
        elif slot == "wants_changed":
            continue
        elif slot == "wants" and flow.known(before) and not read.get("wants_changed"):
            continue  # a search later on doesn't change what they first came for
        elif value != before:
            changes[slot] = value
    abroad = read.get("qualifications_abroad") and "highest_level" not in changes
    if abroad and asked != "highest_level" and not flow.known(tracker.get_slot("highest_level")):
        changes["highest_level"] = flow.ABROAD
    changes.pop("qualifications_abroad", None)
    return changes, problem, place


class ActionReadProfile(Action):
    def name(self) -> str:
        return NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        changes, problem, place = new_facts(tracker)
        if problem:  # "live in DB2 4RT": said, not silently dropped and asked for again
            dispatcher.utter_message(text=problem)
        if place is not None:
            moved = member_for(tracker, place, dispatcher)
            if "location" in moved:  # a district two councils share: the place isn't noted,
                moved = {}  # and one given before stays
                changes.pop("location")
                changes.pop("in_area", None)
            changes |= moved
        corrected = [
            (slot, value)
            for slot, value in changes.items()
            if slot in SAID_BACK and flow.known(tracker.get_slot(slot))
        ]
        if corrected:
            dispatcher.utter_message(text=say.changed(corrected))
        events: list[EventType] = [SlotSet(slot, value) for slot, value in changes.items()]
        # What is new, for the assessment to say what it skips; what changed was said above.
        said = sorted(set(changes) - {"in_area", *COUNCIL_SLOTS})
        fresh = [s for s in said if not flow.known(tracker.get_slot(s))]
        noted = {"new": fresh, "changed": [s for s in said if s not in fresh]} if said else None
        if noted or tracker.get_slot(NOTED):
            events.append(SlotSet(NOTED, noted))
        return events
