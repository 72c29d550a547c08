"""Slots and bookings in the words and shapes residents and partner systems see.

The chat's buttons, the confirmation message, the API and the calendar file all take their
wording from here, so they always agree on where and when an appointment is.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from bot.booking import calendar
from bot.booking.availability import describe
from bot.booking.models import Adviser, Booking, BookingOut, SlotOut
from bot.booking.service import Offered
from bot.catalogue.venue.models import Venue
from bot.clock import as_utc, utcnow
from bot.council.models import Council
from bot.geo.distance import miles_between
from bot.postcode.service import Place

OFFER_NAMES = {
    "youth_pathways": "Youth Pathways adviser",
    "working_futures": "Working Futures adviser",
    "skills_for_all": "careers adviser",
    "employer": "employer team adviser",
}
REMOTE = "by phone or video"


def address(venue: Venue | None) -> str | None:
    if venue is None:
        return None
    parts = (venue.name, venue.address_1, venue.address_2, venue.town, venue.postcode)
    return ", ".join(p for p in parts if p)


# Words every venue's name shares: "where is the library" names none of them in particular.
_GENERIC = frozenset({"the", "of", "and", "library", "centre", "center", "central", "hub",
                      "family", "community", "house", "college", "office", "building", "jobcentre",
                      "(demo)", "demo"})  # fmt: skip


def named_venue(text: str, venues: list[Venue]) -> Venue | None:
    """The one venue a message names by its own words ("where is northgate library",
    "hows to get to demoton central"), or None when it names none or several."""
    said = set(re.findall(r"[a-z0-9']+", text.lower()))
    named = []
    for venue in venues:
        own = set(re.findall(r"[a-z0-9']+", venue.name.lower())) - _GENERIC
        if own and own <= said:
            named.append(venue)
    return named[0] if len(named) == 1 else None


def where(channel: str | None, venue: Venue | None) -> str:
    """Where an appointment happens, as a resident reads it."""
    if channel == "phone":
        return "by phone"
    if channel == "video":
        return "by video call"
    return venue.name if venue is not None else REMOTE


def joining(channel: str | None, venue: Venue | None, council: Council) -> str:
    """How the resident joins the appointment: the same words in every message about it."""
    if channel == "phone":
        return f"The adviser will phone you from {council.phone}."
    if channel == "video":
        return "The adviser will send you a link to join the video call."
    if venue is None:
        return f"The team will tell you where it is: call {council.phone} if you don't hear."
    return f"Where: {address(venue)}."


def distance(venue: Venue | None, place: Place | None) -> float | None:
    if venue is None or place is None or venue.lat is None or venue.lon is None:
        return None
    return round(miles_between(place.lat, place.lon, venue.lat, venue.lon), 1)


def remote_words(channels: tuple[str, ...] | list[str]) -> str:
    """How a time away from a venue can be held: only what its advisers offer at that time."""
    phone, video = "phone" in channels, "video" in channels
    if phone and video:
        return REMOTE
    return where("video" if video else "phone", None)


def slot_label(
    offered: Offered, venue: Venue | None, council: Council, remote: str | None = None
) -> str:
    """ "Tuesday 1 December, 09:30, Demoton Central Library" or "..., by phone or video".

    A remote time names only the ways its free advisers offer, so the label never promises a
    video call that nobody free can hold."""
    place = venue.name if venue is not None else remote or remote_words(offered.channels)
    return describe(offered.starts_at, place, ZoneInfo(council.timezone))


def slot_out(
    offered: Offered, venue: Venue | None, council: Council, place: Place | None = None
) -> SlotOut:
    return SlotOut(
        id=offered.id,
        offer=offered.offer,
        starts_at=offered.starts_at,
        ends_at=offered.ends_at,
        label=slot_label(offered, venue, council),
        channels=list(offered.channels),
        venue_id=venue.uid if venue is not None else None,
        venue=venue.name if venue is not None else None,
        address=address(venue),
        distance_miles=distance(venue, place),
    )


def booking_label(booking: Booking, venue: Venue | None, council: Council) -> str:
    return describe(as_utc(booking.starts_at), where(booking.channel, venue),
                    ZoneInfo(council.timezone))  # fmt: skip


def calendar_url(booking: Booking) -> str:
    return f"/api/v1/bookings/{booking.reference}.ics?token={booking.calendar_token}"


def booking_out(
    booking: Booking, adviser: Adviser, venue: Venue | None, council: Council
) -> BookingOut:
    return BookingOut(
        reference=booking.reference,
        status=booking.status,
        offer=booking.offer,
        starts_at=as_utc(booking.starts_at),
        ends_at=as_utc(booking.ends_at),
        label=booking_label(booking, venue, council),
        channel=booking.channel,
        venue=venue.name if venue is not None else None,
        address=address(venue),
        adviser_first_name=adviser.first_name,
        first_name=booking.first_name,
        calendar_url=calendar_url(booking),
    )


def booking_ics(booking: Booking, venue: Venue | None, council: Council) -> bytes:
    what = f"appointment with a {OFFER_NAMES.get(booking.offer or '', 'Work Local adviser')}"
    place = address(venue) if booking.channel == "in_person" else where(booking.channel, None)
    return calendar.ics(
        reference=booking.reference,
        sequence=booking.sequence,
        status=booking.status,
        starts_at=as_utc(booking.starts_at),
        ends_at=as_utc(booking.ends_at),
        what=what,
        where=place or REMOTE,
        council=council,
        stamp=as_utc(booking.updated_at or utcnow()),
    )
