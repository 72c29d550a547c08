"""The anonymous events the insight is built from: each kind, the fields it may carry, and the
closed set of values each field may take.

An event outlives the conversation it tells of, so nothing in it may point back to a person:
no free text, no name, contact, reference or conversation id, an age band instead of an age,
a postcode district instead of a postcode, the day instead of the moment. ``check`` refuses
any value outside these sets, so a careless caller cannot store a resident's words here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.postcode import service as postcodes

CHANNELS = frozenset({"web", "kiosk"})
SEARCH_KINDS = frozenset({"course", "job", "apprenticeship", "service"})
HANDOFF_REASONS = frozenset({"crisis", "housing", "asked", "not_understood", "assessment"})
CRISIS_KINDS = frozenset(
    {"overdose", "suicide", "abuse", "exploitation", "homeless_tonight", "housing", "crisis"}
)
BOOKING_CHANNELS = frozenset({"in_person", "phone", "video"})
FOLLOW_UP_RESULTS = frozenset({"sustained", "not_sustained", "no_contact"})
OUTCOME_GROUPS = frozenset(
    {"job_start", "training_start", "qualification", "volunteering", "referral",
     "no_longer_engaged"}
)  # fmt: skip
# Bands as the UK Shared Prosperity Fund and DWP report ages; never an age itself.
AGE_BANDS = ("under 16", "16-17", "18-24", "25-49", "50-64", "65+")

_KEY = re.compile(r"^[a-z][a-z0-9_]{1,39}$")  # an offer, route or outcome key from configuration
_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")


def _one_of(values: frozenset[str] | tuple[str, ...]) -> Callable[[object], bool]:
    return lambda value: value in values


def _key(value: object) -> bool:
    return isinstance(value, str) and bool(_KEY.match(value))


def _minutes(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 60 * 24 * 90


FIELDS: dict[str, Callable[[object], bool]] = {
    "channel": _one_of(CHANNELS),
    "offer": _key,
    "age_band": _one_of(AGE_BANDS),
    "district": lambda value: isinstance(value, str) and bool(_DISTRICT.match(value)),
    "minutes": _minutes,
}

# Each kind: the fields it may carry, and what its ``detail`` and ``result`` may be.
KINDS: dict[str, dict[str, Callable[[object], bool]]] = {
    "conversation_started": {"channel": FIELDS["channel"]},
    "assessment_completed": {"channel": FIELDS["channel"], "age_band": FIELDS["age_band"],
                             "district": FIELDS["district"], "offer": _key},
    "pathway_offered": {"offer": _key, "detail": _key},
    "search_made": {"channel": FIELDS["channel"], "detail": _one_of(SEARCH_KINDS),
                    "result": _one_of(frozenset({"found", "none"}))},
    "plan_made": {"channel": FIELDS["channel"]},
    "handoff_requested": {"offer": _key, "detail": _one_of(HANDOFF_REASONS),
                          "result": _one_of(frozenset({"urgent", "routine"}))},
    "handoff_claimed": {"offer": _key, "detail": _one_of(HANDOFF_REASONS), "minutes": _minutes},
    "callback_requested": {"offer": _key},
    "booking_made": {"offer": _key, "detail": _one_of(BOOKING_CHANNELS)},
    "booking_moved": {"offer": _key, "detail": _one_of(BOOKING_CHANNELS)},
    "booking_cancelled": {"offer": _key, "detail": _one_of(BOOKING_CHANNELS)},
    "booking_attended": {"offer": _key, "detail": _one_of(BOOKING_CHANNELS)},
    "booking_not_attended": {"offer": _key, "detail": _one_of(BOOKING_CHANNELS)},
    "crisis_answered": {"channel": FIELDS["channel"], "detail": _one_of(CRISIS_KINDS)},
    "not_understood": {"channel": FIELDS["channel"]},
    "outcome_recorded": {"offer": _key, "detail": _key, "result": _one_of(OUTCOME_GROUPS)},
    "follow_up_recorded": {"offer": _key, "detail": _one_of(("13", "26")),
                           "result": _one_of(FOLLOW_UP_RESULTS)},
}  # fmt: skip

# The journey, in order, as the officers' funnel shows it.
FUNNEL = (
    ("conversation_started", "Conversations"),
    ("assessment_completed", "Assessments completed"),
    ("pathway_offered", "Pathways offered (one for each offer)"),
    ("handoff_requested", "Asked for a person"),
    ("booking_made", "Appointments booked"),
    ("booking_attended", "Appointments attended"),
    ("outcome_recorded", "Outcomes recorded"),
)


class NotAnonymous(ValueError):
    """A field or value an anonymous event may not hold."""


def check(kind: str, fields: dict[str, object]) -> dict[str, object]:
    """The fields without the empty ones, or NotAnonymous."""
    allowed = KINDS.get(kind)
    if allowed is None:
        raise NotAnonymous(f"unknown event kind {kind!r}")
    given = {name: value for name, value in fields.items() if value is not None}
    for name, value in given.items():
        if name not in allowed:
            raise NotAnonymous(f"{kind} events carry no {name}")
        if not allowed[name](value):
            raise NotAnonymous(f"{kind}: {name} may not be {str(value)[:20]!r}")
    return given


def age_band(age: object) -> str | None:
    if not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= 120:
        return None
    bounds = ((15, "under 16"), (17, "16-17"), (24, "18-24"), (49, "25-49"), (64, "50-64"))
    return next((band for top, band in bounds if age <= top), "65+")


def district(location: object) -> str | None:
    """The postcode district ("DB1") of a postcode or district the resident gave; a town or
    anything else gives none."""
    if not isinstance(location, str):
        return None
    full = postcodes.normalise(location)
    if full:
        return full[:-4]  # "DB1 1AA" -> "DB1"
    outward = location.strip().upper()
    return outward if postcodes.is_outward_code(outward) else None
