"""Whether a course is free for a resident: the entitlements in the council's routing rules.

The same rules route residents to offers (``bot.pathways``), so what the plan says a resident
is entitled to and what the "free for me" filter shows can never disagree.
"""

from __future__ import annotations

from datetime import date

from bot.council import service as council_service
from bot.council.models import Council
from bot.pathways import config as pathways_config
from bot.pathways import service as pathways
from bot.pathways.models import Answers, RuleSet

Profile = Answers  # what the resident has told us; unknown answers promise nothing


def _rules(council: Council, on: date | None = None) -> RuleSet:
    """The council's rules in force (each council may run its own local schemes)."""
    return pathways_config.in_force(council, on or council_service.local_today(council))


def free_for(course_type: str, cost_pence: int | None, *, council: Council) -> list[str]:
    """Who this course is free for, in words a resident reads."""
    if cost_pence == 0:
        return ["Free for everyone"]
    return pathways.free_for_labels(course_type, _rules(council))


def free_course_types(
    profile: Profile, *, council: Council, possibly: bool = False
) -> frozenset[str] | None:
    """Course types free for this resident besides free-for-everyone ones; ``None``: all.

    ``possibly`` includes types that could be free once the resident tells us more.
    """
    return pathways.free_course_types(profile, _rules(council), possibly=possibly)


def is_free_for(
    course_type: str, cost_pence: int | None, profile: Profile, *, council: Council
) -> bool:
    if cost_pence == 0:
        return True
    types = free_course_types(profile, council=council)
    return types is None or course_type in types
