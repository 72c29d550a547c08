"""A booking as an iCalendar file (RFC 5545), so a resident can add it to their calendar.

The UID never changes for a booking and SEQUENCE goes up with every change, so calendars update
the entry they already have (a new time, or cancelled) instead of adding a second one.
"""

from __future__ import annotations

from datetime import datetime, timezone

from icalendar import Calendar, Event

from bot.council.models import Council

PRODID = "-//Work Local//Appointments//EN"


def ics(
    *,
    reference: str,
    sequence: int,
    status: str,
    starts_at: datetime,
    ends_at: datetime,
    what: str,
    where: str,
    council: Council,
    stamp: datetime,
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if status == "cancelled" else "PUBLISH")
    event = Event()
    event.add("uid", f"{reference}@{council.slug}.worklocal")
    event.add("sequence", sequence)
    event.add("dtstamp", stamp.astimezone(timezone.utc))
    event.add("dtstart", starts_at.astimezone(timezone.utc))
    event.add("dtend", ends_at.astimezone(timezone.utc))
    event.add("summary", f"{council.service_name}: {what}")
    event.add("location", where)
    event.add(
        "description",
        f"Your {council.service_name} appointment, reference {reference}. To change or cancel "
        f"it, tell the {council.service_name} assistant on the {council.name} website, or call "
        f"{council.phone}.",
    )
    event.add("status", "CANCELLED" if status == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return calendar.to_ical()
