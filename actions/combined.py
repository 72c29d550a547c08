"""A combined authority's widget serves residents of several councils: the postcode a resident
gives says whose they are, and from then on that council's team, numbers and rules are theirs.

The action only says so; the gateway moves the conversation (it holds the conversation's row
for the turn, so the action server must not write it: ``bot.conversation.service``)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import authority
from bot.council import service as council_service
from bot.postcode.service import Place

FIND_YOUR_COUNCIL = "www.gov.uk/find-local-council"


def member_for(tracker: Tracker, place: Place, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """The slots that make the member council whose area ``place`` (as the caller resolved it)
    is in the resident's, said to them; nothing for a single council's conversation or a place
    outside every member. A postcode district two councils share says whose it is only with the
    whole postcode, so the location is cleared for the question to ask again."""
    here = authority(tracker)  # a member's resident correcting their postcode: the authority's
    if not here.members:
        return {}
    members = [council_service.get(slug) for slug in here.members]
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
        text=f"{place.label} isn't in {here.area_name}, so the teams here can't offer you local "
        f"appointments. Your own council can help: find it at {FIND_YOUR_COUNCIL}. I can still "
        "show you courses and jobs online and nearby."
    )
    return {}
