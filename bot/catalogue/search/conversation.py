"""Search from what a resident says ("any free maths courses near DB3?"), and show results.

The dialogue's search actions call this module; it uses the same search service and the same
record shapes as the HTTP API, so a card in the chat and a result from ``/api/v1`` agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from bot.assessment import parse
from bot.catalogue.course import funding
from bot.catalogue.course import service as courses
from bot.catalogue.search import place as places
from bot.catalogue.search.service import Outcome, Search
from bot.catalogue.support import service as services
from bot.catalogue.vacancy import service as vacancies
from bot.postcode.service import Place, PostcodeError

KINDS = ("course", "job", "apprenticeship", "service")
PER_PAGE = 3
RADIUS_MILES = 10.0
FULL_TIME_FROM_HOURS = 30  # jobs under this many hours a week are part time
PAYLOAD_TYPES = {
    "course": "course_results",
    "job": "job_results",
    "apprenticeship": "job_results",
    "service": "service_results",
}
NOUNS = {"course": "courses", "job": "jobs", "apprenticeship": "apprenticeships",
         "service": "support services"}  # fmt: skip
# Words that say how to search rather than what to search for.
_MODIFIERS = re.compile(
    r"\b(free|for free|part[\s-]?time|full[\s-]?time|online|from home|remote|near me|nearby|"
    r"close by|closer|local|apprenticeships?|anything|something|else|more|other|ones?|only|"
    r"please|show|me|them|courses?|jobs?|support|services?|help|with|any|near|in|around)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Request:
    """One search the dialogue can repeat and refine; stored in a slot between turns."""

    kind: str
    words: str = ""
    near: str | None = None
    free: bool = False
    part_time: bool = False  # jobs: under 30 hours a week; courses: part-time or flexible
    online: bool = False  # courses: online only
    radius: float = RADIUS_MILES
    page: int = 1

    def as_slot(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_slot(cls, value: Mapping[str, Any] | None) -> Request | None:
        if not isinstance(value, Mapping) or value.get("kind") not in KINDS:
            return None
        fields = {k: value[k] for k in cls.__dataclass_fields__ if k in value}
        return cls(**fields)


def _entity_values(entities: list[Mapping[str, Any]], *names: str) -> list[str]:
    return [str(e["value"]) for e in entities if e.get("entity") in names and e.get("value")]


def places_named(text: str, entities: list[Mapping[str, Any]]) -> list[str]:
    """Places the model found, or else full postcodes read by rule."""
    return _entity_values(entities, "postcode", "place") or [
        c for c in parse.place_candidates(text) if parse.POSTCODE.fullmatch(c)
    ]


FILTER_WORDS = {
    "free": r"\bfree\b",
    "part_time": r"\bpart[\s-]?time\b",
    "online": r"\b(online|from home|remote)\b",
}


def _filters_asked(lowered: str) -> dict[str, bool]:
    """The filters the message asks for ("free", "part-time", "online"), each set to True."""
    return {name: True for name, pattern in FILTER_WORDS.items() if re.search(pattern, lowered)}


def from_message(
    kind: str, text: str, entities: list[Mapping[str, Any]], known_place: str | None
) -> Request:
    lowered = text.lower()
    named = _entity_values(entities, "subject", "job_role")
    candidates = parse.place_candidates(text)
    near = (places_named(text, entities) or [None])[0]
    after_near = re.search(r"\b(?:near|in|around)\s+([a-z][a-z' -]{2,30})\s*\??$", lowered)
    if near is None and after_near:
        near = after_near.group(1).strip()
    words = " ".join(named)
    if not words:
        stripped = text
        for phrase in [near or "", *candidates[:1]]:
            if phrase:
                stripped = re.sub(re.escape(phrase), " ", stripped, flags=re.IGNORECASE)
        words = " ".join(re.findall(r"[\w'-]+", _MODIFIERS.sub(" ", stripped)))
    return Request(
        kind=kind,
        words=words[:100],
        near=near or known_place,
        **_filters_asked(lowered),
    )


def refine(request: Request, text: str, entities: list[Mapping[str, Any]] = ()) -> Request:
    """A follow-up: "show me more", "closer to home", "anything part-time?", "only free", or a
    place ("DB3 1AA", "in Riverside") or what to look for ("what about plumbing")."""
    lowered = text.lower()
    changed = replace(request, page=1)
    places = places_named(text, entities)
    if places:
        changed = replace(changed, near=places[0])
    named = _entity_values(entities, "subject", "job_role")
    if named:
        changed = replace(changed, words=" ".join(named)[:100])
    if re.search(r"\b(closer|nearer|near(er)? (to )?home|not so far)\b", lowered):
        changed = replace(changed, radius=max(1.0, request.radius / 2))
    if re.search(r"\b(further|wider|farther)\b", lowered):
        changed = replace(changed, radius=min(50.0, request.radius * 2))
    changed = replace(changed, **_filters_asked(lowered))
    if changed == replace(request, page=1):
        return replace(request, page=request.page + 1)  # "show me more", "next"
    return changed


@dataclass
class Found:
    request: Request
    outcome: Outcome
    cards: list[dict[str, Any]]
    place: Place | None
    place_problem: str | None
    free_depends: bool = False  # "free" results include ones free only for some residents


def run(
    request: Request,
    *,
    db_session: Session,
    area_codes: frozenset[str],
    area_name: str,
    profile: funding.Profile | None = None,
) -> Found:
    place, problem = None, None
    if request.near:
        try:
            place = places.resolve(request.near, area_codes, db_session=db_session)
        except PostcodeError as exc:
            problem = exc.message
    search = Search(
        text=request.words,
        place=place,
        radius_miles=request.radius,
        page=request.page,
        per_page=PER_PAGE,
    )
    free_depends = False
    if request.kind == "course":
        if request.free:
            known = profile if profile is not None else funding.Profile()
            search.where.append(courses.free_for_me(known, possibly=True))
            free_depends = funding.free_course_types(known) != funding.free_course_types(
                known, possibly=True
            )
        if request.online:
            search.selected["delivery_mode"] = {"online"}
        if request.part_time:
            search.where.append(courses.not_full_time())
        outcome = courses.search(search, db_session=db_session, area_name=area_name)
        records = courses.load([h.row.id for h in outcome.hits], db_session=db_session)
        cards = [_course_card(records[h.row.id], h) for h in outcome.hits]
    elif request.kind in ("job", "apprenticeship"):
        if request.kind == "apprenticeship":
            search.selected["contract_type"] = {"apprenticeship"}
        if request.part_time:
            search.where.append(vacancies.hours_between(None, FULL_TIME_FROM_HOURS - 0.5))
        outcome = vacancies.search(search, db_session=db_session, area_name=area_name)
        records = vacancies.load([h.row.id for h in outcome.hits], db_session=db_session)
        cards = [_job_card(records[h.row.id], h) for h in outcome.hits]
    else:
        outcome = services.search(search, db_session=db_session, area_name=area_name)
        records = services.load([h.row.id for h in outcome.hits], db_session=db_session)
        cards = [_service_card(records[h.row.id], h) for h in outcome.hits]
    return Found(request, outcome, cards, place, problem, free_depends)


def _where(hit) -> str | None:
    if hit.distance is not None:
        return f"{hit.distance:.1f} miles away"
    return {"online": "Online", "national": "Available everywhere"}.get(hit.where)


def _course_card(course, hit) -> dict[str, Any]:
    out = courses.to_out(course, hit.distance, hit.where)
    return {
        "id": out.id, "title": out.title, "provider": out.provider, "where": _where(hit),
        "venue": out.venue, "cost": out.cost, "free_for": out.free_for,
        "start": "Start any time" if out.flexible_start else (
            out.start_date.strftime("%-d %B %Y") if out.start_date else None),
        "level": out.level_label, "url": out.url,
    }  # fmt: skip


def _job_card(vacancy, hit) -> dict[str, Any]:
    out = vacancies.to_out(vacancy, hit.distance, hit.where)
    return {
        "id": out.id, "title": out.title, "employer": out.employer, "where": _where(hit),
        "wage": out.wage, "hours": out.hours_per_week,
        "closing": out.closing_date.strftime("%-d %B %Y") if out.closing_date else None,
        "apprenticeship": out.is_apprenticeship,
        "disability_confident": out.disability_confident, "url": out.apply_url,
    }  # fmt: skip


def _service_card(service, hit) -> dict[str, Any]:
    out = services.to_out(service, hit.distance, hit.where)
    return {
        "id": out.id, "title": out.name, "organisation": out.organisation, "where": _where(hit),
        "description": out.description, "url": out.url, "email": out.email,
        "when": "; ".join(out.schedule) or None,
    }  # fmt: skip


def card_who(card: Mapping[str, Any]) -> str | None:
    """Who offers what a card shows: the course provider, the employer or the organisation."""
    return card.get("provider") or card.get("employer") or card.get("organisation")


def summary(found: Found) -> str:
    """The results as text, for screen readers and clients that don't draw cards."""
    request = found.request
    qualities = [
        word
        for word, wanted in (("free", request.free and not found.free_depends),
                             ("part-time", request.part_time),
                             ("online", request.online))
        if wanted
    ]  # fmt: skip
    noun = " ".join([*qualities, NOUNS[request.kind]])
    total = found.outcome.total
    what = f" for \u201c{request.words}\u201d" if request.words else ""
    where = f" near {found.place.label}" if found.place else ""
    if found.free_depends:
        where += " that are or could be free for you"
    if not total:
        return f"I couldn't find any {noun}{what}{where}."
    shown_from = (found.request.page - 1) * PER_PAGE + 1
    depends = " Each one says who it is free for." if found.free_depends else ""
    lines = [
        f"I found {total} {noun}{what}{where}.{depends} Here are {shown_from} to "
        f"{shown_from + len(found.cards) - 1}:"
    ]
    for card in found.cards:
        detail = ", ".join(
            str(v)
            for v in (card_who(card), card.get("where"), card.get("cost") or card.get("wage"),
                      card.get("start"))
            if v
        )  # fmt: skip
        lines.append(f"- {card['title']}" + (f" ({detail})" if detail else ""))
    return "\n".join(lines)
