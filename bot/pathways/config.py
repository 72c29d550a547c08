"""Read the routing rules in force for a council on a date: the one place rules are loaded."""

from __future__ import annotations

import json
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
    """The council's rules for the date (outside every year's dates, the latest that started):
    the national template with the council's local changes, and only the offers it runs."""
    rules = _dated(council, on)
    if council.local_rules:
        local_json = json.dumps(council.local_rules, sort_keys=True, default=str)
        cached = _local_cache.get((id(rules), local_json))
        if cached is None or cached[0] is not rules:  # made from these national rules
            cached = (rules, _localised(rules, local_json))
            _local_cache[(id(rules), local_json)] = cached
        rules = cached[1]
    if council.offers is None:
        return rules
    return rules.copy(update={"offers": [o for o in rules.offers if o.key in council.offers]})


# Lists a council changes item by item, and what names an item in each.
_MERGED_BY = {"offers": "key", "entitlements": "key", "referrals": "barrier"}


_local_cache: dict[tuple[int, str], tuple[RuleSet, RuleSet]] = {}


def _localised(rules: RuleSet, local_json: str) -> RuleSet:
    """The national rules with a council's changes: a field it gives replaces the national
    one; an offer, entitlement or referral it gives changes the one with the same key, or is
    added (a local scheme). Checked as the national rules are, so a local change can't say
    what the rules engine can't follow."""
    merged = rules.dict()
    for field, value in json.loads(local_json).items():
        if field not in _MERGED_BY:
            merged[field] = value
            continue
        key = _MERGED_BY[field]
        items = {item[key]: item for item in merged.get(field, [])}
        for item in value:
            items[item[key]] = {**items.get(item[key], {}), **item}
        merged[field] = list(items.values())
    try:
        local = RuleSet.parse_obj(merged)
    except ValueError as exc:
        raise RulesError(f"local rules for {rules.name}: {exc}") from exc
    _check(local, f"{rules.name} with local rules")
    return local


def _dated(council: Council, on: date) -> RuleSet:
    sets = sorted((named(n) for n in council.routing_rules), key=lambda r: r.valid_from)
    for rules in sets:
        if rules.valid_from <= on <= rules.valid_to:
            return rules
    started = [r for r in sets if r.valid_from <= on]
    return started[-1] if started else sets[0]
