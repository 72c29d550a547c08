"""Read the routing rules in force for a council on a date: the one place rules are loaded."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.council.models import Council
from bot.pathways import conditions
from bot.pathways.models import BARRIERS, RuleSet

RULES_DIR = PROJECT_ROOT / "councils" / "routing"


class RulesError(ValueError):
    """A rules file is missing, or says something the rules engine cannot follow."""


def load(path: Path) -> RuleSet:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = RuleSet.parse_obj(raw)
    except FileNotFoundError as exc:
        raise RulesError(f"routing rules not found: {path}") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise RulesError(f"routing rules {path.name}: {exc}") from exc
    _check(rules, path.name)
    return rules


def _check(rules: RuleSet, name: str) -> None:
    try:
        if rules.valid_to < rules.valid_from:
            raise ValueError("valid_to is before valid_from")
        for offer in rules.offers:
            for i, route in enumerate(offer.routes):
                conditions.check(route.when, f"offer {offer.key} route {i + 1}")
        for entitlement in rules.entitlements:
            conditions.check(entitlement.when, f"entitlement {entitlement.key}")
        for referral in rules.referrals:
            if referral.barrier not in BARRIERS:
                raise ValueError(f"referral for unknown barrier {referral.barrier!r}")
    except ValueError as exc:
        raise RulesError(f"routing rules {name}: {exc}") from exc


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float) -> RuleSet:
    return load(Path(path))


def named(name: str) -> RuleSet:
    path = RULES_DIR / f"{name}.yml"
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError as exc:
        raise RulesError(f"routing rules not found: {path}") from exc
    return _load_cached(str(path), mtime)


def in_force(council: Council, on: date) -> RuleSet:
    """The council's rules for the date (outside every year's dates, the latest that started),
    with only the offers the council runs: the national template, locally chosen."""
    rules = _dated(council, on)
    if council.offers is None:
        return rules
    return rules.copy(update={"offers": [o for o in rules.offers if o.key in council.offers]})


def _dated(council: Council, on: date) -> RuleSet:
    sets = sorted((named(n) for n in council.routing_rules), key=lambda r: r.valid_from)
    for rules in sets:
        if rules.valid_from <= on <= rules.valid_to:
            return rules
    started = [r for r in sets if r.valid_from <= on]
    return started[-1] if started else sets[0]
