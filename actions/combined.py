"""A combined authority's widget serves residents of several councils: the postcode a resident
gives says whose they are, and from then on that council's team, numbers and rules are theirs.

The action only says so; the gateway moves the conversation (it holds the conversation's row
for the turn, so the action server must not write it: ``bot.conversation.service``)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import council, database
from bot.catalogue.search import place as places
from bot.council import service as council_service
from bot.postcode.service import PostcodeError

FIND_YOUR_COUNCIL = "www.gov.uk/find-local-council"


def member_for(tracker: Tracker, label: str, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """The slots that make the member council whose area ``label`` is in the resident's, said
    to them; nothing for a single council's conversation or a place outside every member. A
    postcode district two members share says whose it is only with the whole postcode, so the
    resident is asked for it (the location is cleared, and asked again)."""
    here = council(tracker)
    if not here.members:
        return {}
    members = [council_service.get(slug) for slug in here.members]
    with database() as db:
        try:
            place = places.resolve(label, frozenset(here.local_authority_codes), db_session=db)
        except PostcodeError:
            return {}
    theirs = [m for m in members if place.la_codes & frozenset(m.local_authority_codes)]
    outside = place.la_codes - {code for m in theirs for code in m.local_authority_codes}
    if len(theirs) > 1 or (theirs and outside):  # a district two councils share
        names = [m.area_name for m in theirs] + (["another council's area"] if outside else [])
        dispatcher.utter_message(
            text=f"{place.label} is partly in {' and partly in '.join(names)}, so I need your "
            "full postcode to know whose team will help you."
        )
        return {"location": None, "in_area": None}
    if theirs:
        member = theirs[0]
        dispatcher.utter_message(
            text=f"You live in {member.area_name}, so {member.name}'s "
            f"{member.service_name} team will help you. Their number is {member.phone}.",
            json_message={"type": "council", "council": member.slug},
        )
        return {
            "council": member.slug,
            "council_name": member.name,
            "council_phone": member.phone,
            "service_name": member.service_name,
        }
    dispatcher.utter_message(
        text=f"{label} isn't in {here.area_name}, so the teams here can't offer you local "
        f"appointments. Your own council can help: find it at {FIND_YOUR_COUNCIL}. I can still "
        "show you courses and jobs online and nearby."
    )
    return {}
