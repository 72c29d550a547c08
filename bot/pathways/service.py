"""Route a resident to offers, entitlements and referrals, with the reasons in plain English.

Pure functions over the rules in force (``bot.pathways.config``): the dialogue, the plan, the
API and the course search's "free for me" filter all ask this module, so there is one answer.
"""

from __future__ import annotations

from bot.pathways.conditions import holds, may_hold
from bot.pathways.models import Answers, OfferMatch, Reasoned, Routing, RuleSet


def _say(reason: str, answers: Answers) -> str:
    return reason.replace("{age}", str(answers.age) if answers.age is not None else "")


def route(answers: Answers, rules: RuleSet) -> Routing:
    if answers.age is not None and answers.age < rules.minimum_age:
        return Routing(
            rules=rules.name,
            too_young=rules.under_minimum_age,
            offers=[],
            entitlements=[],
            referrals=[],
        )
    offers = []
    for offer in rules.offers:
        held = [r for r in offer.routes if holds(r.when, answers)]
        if held:
            offers.append(
                OfferMatch(
                    key=offer.key,
                    name=offer.name,
                    reasons=_unique([_say(r.reason, answers) for r in held]),
                    reason_keys=_unique([r.key for r in held]),
                    summary=offer.summary,
                    guarantees=offer.guarantees,
                )
            )
    entitlements = [
        Reasoned(key=e.key, name=e.label, reasons=[_say(e.reason, answers)])
        for e in rules.entitlements
        if holds(e.when, answers)
    ]
    referrals = [
        Reasoned(key=r.barrier, name=r.name, reasons=[r.reason], how=r.how)
        for r in rules.referrals
        if r.barrier in answers.barriers
    ]
    return Routing(rules=rules.name, offers=offers, entitlements=entitlements, referrals=referrals)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def free_course_types(
    answers: Answers, rules: RuleSet, *, possibly: bool = False
) -> frozenset[str] | None:
    """Course types free for this resident besides free-for-everyone courses; ``None``: all.

    ``possibly`` also counts entitlements that answers not given yet could still bring, except
    those covering every course (16 to 18): "free" would then filter nothing for a resident
    whose age we don't know, and most residents asking are adults.
    """
    types: set[str] = set()
    for entitlement in rules.entitlements:
        if not entitlement.course_types:
            continue
        if holds(entitlement.when, answers) or (
            possibly and entitlement.course_types != "any" and may_hold(entitlement.when, answers)
        ):
            if entitlement.course_types == "any":
                return None
            types |= set(entitlement.course_types)
    return frozenset(types)


def free_for_labels(course_type: str, rules: RuleSet) -> list[str]:
    """Who a course type is free for, in words a resident reads."""
    return [
        e.label
        for e in rules.entitlements
        if e.course_types == "any" or course_type in e.course_types
    ]
