"""Whether a course is free for a resident, from the rules in ``funding.yml`` (one source)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.catalogue.course.models import LEVELS

RULES_FILE = Path(__file__).with_name("funding.yml")


@dataclass(frozen=True)
class Profile:
    """What a resident has told us that changes what they pay. Unknown stays ``None``."""

    age: int | None = None
    highest_level: str | None = None  # one of LEVELS, or "none"
    on_benefits: bool | None = None


@dataclass(frozen=True)
class Rule:
    label: str
    course_types: frozenset[str] | None  # None: any course type
    min_age: int | None = None
    max_age: int | None = None
    highest_level_below: str | None = None
    on_benefits: bool | None = None

    def covers(self, course_type: str) -> bool:
        return self.course_types is None or course_type in self.course_types

    def matches(self, profile: Profile) -> bool:
        if self.min_age is not None and (profile.age is None or profile.age < self.min_age):
            return False
        if self.max_age is not None and (profile.age is None or profile.age > self.max_age):
            return False
        if self.highest_level_below is not None and not _below(
            profile.highest_level, self.highest_level_below
        ):
            return False
        return not (self.on_benefits and not profile.on_benefits)


def _below(level: str | None, limit: str) -> bool:
    if level is None:
        return False
    if level == "none":
        return True
    return LEVELS.index(level) < LEVELS.index(limit)


@lru_cache(maxsize=2)
def rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    loaded = []
    for item in data["rules"]:
        types = item.get("course_types", "any")
        loaded.append(
            Rule(
                label=item["label"],
                course_types=None if types == "any" else frozenset(types),
                min_age=item.get("min_age"),
                max_age=item.get("max_age"),
                highest_level_below=(
                    str(item["highest_level_below"]) if "highest_level_below" in item else None
                ),
                on_benefits=item.get("on_benefits"),
            )
        )
    return tuple(loaded)


def free_for(course_type: str, cost_pence: int | None) -> list[str]:
    """Who this course is free for, in words a resident reads."""
    if cost_pence == 0:
        return ["Free for everyone"]
    return [rule.label for rule in rules() if rule.covers(course_type)]


def is_free_for(course_type: str, cost_pence: int | None, profile: Profile) -> bool:
    if cost_pence == 0:
        return True
    return any(rule.covers(course_type) and rule.matches(profile) for rule in rules())
