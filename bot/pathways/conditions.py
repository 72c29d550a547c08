"""The small condition language of the routing rules (``when:`` in the rules files).

A condition is a mapping; every entry must hold. An entry is ``field: test`` where the field is
an ``Answers`` field and the test is a value (equal to it), a list (one of them; for barriers,
any of them), ``{min: , max: }`` (inclusive) or, for qualification levels, ``{below: }`` and
``{at_least: }``. ``any: [conditions]``, ``all: [conditions]`` and ``not: condition`` combine
conditions. An unknown answer never satisfies a test, so nothing is promised on a guess;
``may_hold`` asks the other question, whether a condition could still hold once the resident
tells us more, so a search for "free courses" can include what might be free for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.pathways.models import HIGHEST_LEVELS, Answers

COMBINATORS = ("any", "all", "not")
RANGE_KEYS = {"min", "max"}
LEVEL_KEYS = {"below", "at_least"}


def holds(condition: Mapping[str, Any], answers: Answers) -> bool:
    for name, test in condition.items():
        if name == "any":
            if not any(holds(c, answers) for c in test):
                return False
        elif name == "all":
            if not all(holds(c, answers) for c in test):
                return False
        elif name == "not":
            if holds(test, answers):
                return False
        elif not _passes(getattr(answers, name), test):
            return False
    return True


def may_hold(condition: Mapping[str, Any], answers: Answers) -> bool:
    """Whether the condition holds or could hold: only known answers can rule it out."""
    for name, test in condition.items():
        if name == "any":
            if not any(may_hold(c, answers) for c in test):
                return False
        elif name == "all":
            if not all(may_hold(c, answers) for c in test):
                return False
        elif name == "not":
            if holds(test, answers):
                return False
        else:
            value = getattr(answers, name)
            if value is not None and value != frozenset() and not _passes(value, test):
                return False
    return True


def _passes(value: Any, test: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, frozenset):
        return bool(value & set(test if isinstance(test, list) else [test]))
    if isinstance(test, list):
        return value in test
    if isinstance(test, dict) and test.keys() <= RANGE_KEYS:
        return test.get("min", value) <= value <= test.get("max", value)
    if isinstance(test, dict):
        rank = HIGHEST_LEVELS.index
        if "below" in test and not rank(value) < rank(str(test["below"])):
            return False
        return "at_least" not in test or rank(value) >= rank(str(test["at_least"]))
    return value == test


def check(condition: Any, where: str) -> None:
    """Raise ``ValueError`` naming the rule if a condition uses an unknown field or test."""
    if not isinstance(condition, Mapping):
        raise ValueError(f"{where}: a condition is a mapping of answer names to tests")
    for name, test in condition.items():
        if name in ("any", "all"):
            if not isinstance(test, list) or not test:
                raise ValueError(f"{where}: '{name}' takes a list of conditions")
            for i, part in enumerate(test):
                check(part, f"{where} {name}[{i}]")
        elif name == "not":
            check(test, f"{where} not")
        elif name not in Answers.__fields__:
            known = ", ".join(sorted(Answers.__fields__))
            raise ValueError(f"{where}: unknown answer {name!r} (known: {known})")
        elif isinstance(test, dict):
            keys = set(test)
            if name == "highest_level" and keys <= LEVEL_KEYS:
                for level in test.values():
                    if str(level) not in HIGHEST_LEVELS:
                        raise ValueError(f"{where}: unknown qualification level {level!r}")
            elif not keys or not keys <= RANGE_KEYS:
                raise ValueError(f"{where}: {name} takes a value, a list, or min/max")
