"""Search from what a resident says ("any free maths courses near DB3?"), and show results.

The dialogue's search actions call this module (a dialogue adapter, so it lives beside them,
not in the search engine); it uses the same search service and the same record shapes as the
HTTP API, so a card in the chat and a result from ``/api/v1`` agree.

What is searched for is the subject of the request only (``bot.catalogue.search.message``):
"I need a job" asks for jobs, not for the words "I need a". A place is only a place if the
places data knows it ("jobs in data entry" is a subject). Follow-ups ("what about evenings",
"cheaper?", "more") refine the last search. When nothing answers the words,
``Found.relevant`` is False and ``Found.suggestions`` holds other searches that do find
something: the dialogue says so and offers a person, and never shows unrelated results instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from bot.assessment import parse
from bot.catalogue.course import funding
from bot.catalogue.course import service as courses
from bot.catalogue.course.models import LEVELS
from bot.catalogue.labels import ATTENDANCE_LABELS
from bot.catalogue.search import message
from bot.catalogue.search import place as places
from bot.catalogue.search.service import Outcome, Search
from bot.catalogue.support import service as services
from bot.catalogue.vacancy import service as vacancies
from bot.council.models import Council
from bot.postcode.service import Place, PostcodeError

KINDS = ("course", "job", "apprenticeship", "service")
PER_PAGE = 3
RADIUS_MILES = 10.0
FULL_TIME_FROM_HOURS = 30  # jobs under this many hours a week are part time
CHEAP_PENCE = 100_00  # "cheaper" courses: listed at £100 or less, or could be free for them
PAYLOAD_TYPES = {
    "course": "course_results",
    "job": "job_results",
    "apprenticeship": "job_results",
    "service": "service_results",
}
NOUNS = {"course": "courses", "job": "jobs", "apprenticeship": "apprenticeships",
         "service": "support services"}  # fmt: skip
FLAGS = (
    "free", "cheap", "part_time", "full_time", "online", *message.TIMES_OF_DAY, "no_driving"
)  # fmt: skip


@dataclass(frozen=True)
class Request:
    """One search the dialogue can repeat and refine; stored in a slot between turns."""

    kind: str
    words: str = ""
    near: str | None = None
    free: bool = False
    part_time: bool = False  # jobs: under 30 hours a week; courses: part-time or flexible
    online: bool = False  # courses: online only; jobs: from home; services: online
    radius: float = RADIUS_MILES
    page: int = 1
    full_time: bool = False  # jobs: 30 hours a week or more; courses: full-time study
    evening: bool = False  # courses: evening attendance; jobs: adverts that say evenings
    weekend: bool = False
    daytime: bool = False
    cheap: bool = False  # courses: £100 or less, or could be free for this resident
    # "in X" not yet checked against the places data (no database at hand when it was read):
    # ``run`` makes it the place if it is one, or adds it to the words if it is not.
    maybe_place: str | None = None
    # Courses at this level or above only (a plan for someone who has it already).
    min_level: str | None = None
    no_driving: bool = False  # jobs: none that drive or need a licence or own transport

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


def _flags(asked: set[str]) -> dict[str, bool]:
    """Request fields for the filters a message asks for."""
    return {name: True for name in FLAGS if name in asked}


def from_message(
    kind: str,
    text: str,
    entities: list[Mapping[str, Any]],
    known_place: str | None,
    *,
    db_session: Session | None = None,
) -> Request:
    """The search one message asks for: its subject, place and filters.

    With ``db_session``, "in X" is checked against the places data at once; without, X stays
    in the words and ``run`` takes it out if it is a place (``Request.maybe_place``).
    """
    said = message.normalise(text)
    near, maybe = _place_in(text, said, entities, db_session)
    words = _subject_in(kind, text, said, entities, near)
    if near is None and db_session is not None:
        near, words = _trailing_town(words, db_session)
    if maybe and f" {maybe} " not in f" {words} ":
        words = f"{words} {maybe}".strip()  # the model named the subject: X stays with it
    request = Request(
        kind=kind,
        words=words[:100],
        near=near or known_place,
        maybe_place=maybe,
        **_flags(message.filters_in(said)),
    )
    return settle_place(request, db_session) if db_session is not None else request


def _place_in(
    text: str, said: str, entities: list[Mapping[str, Any]], db_session: Session | None
) -> tuple[str | None, str | None]:
    """The place a message names, and a place-or-subject still to check, if any.

    Postcodes (from the model or read by rule) are places. Words after "in", "near"... (or a
    ``place`` entity) are a place only if the places data knows them: checked here with a
    database, else left for ``run``.
    """
    named = _entity_values(entities, "postcode", "place")
    postcode_like = [p for p in named if any(ch.isdigit() for ch in p)]
    near = (postcode_like or message.postcodes_in(text) or [None])[0]
    if near is not None:
        return near, None
    candidates = list(dict.fromkeys([*message.place_segments(message.without_filters(said)),
                                     *(p.lower() for p in named)]))  # fmt: skip
    if db_session is None:
        return None, (candidates[-1] if candidates else None)
    known = [c for c in reversed(candidates) if places.is_known(c, db_session=db_session)]
    return (known[0] if known else None), None


def _trailing_town(words: str, db_session: Session) -> tuple[str | None, str]:
    """ "care jobs riverside": a known town at the end of the subject is the place."""
    tokens = words.split()
    for size in (2, 1):
        town = " ".join(tokens[-size:]) if len(tokens) >= size else ""
        numbered = any(ch.isdigit() for ch in town)  # "level 2" is never a town
        if town and not numbered and places.is_known(town, db_session=db_session):
            return town, " ".join(tokens[:-size])
    return None, words


def _subject_in(
    kind: str, text: str, said: str, entities: list[Mapping[str, Any]], near: str | None
) -> str:
    """The subject: ESOL if the message says so, the model's subject if it found one, or the
    message's own words less request phrasing, filler, filters and the place."""
    esol = message.wants_esol(said)
    if esol:
        if kind in ("course", "service"):
            return "esol"
        said = re.sub(r"\benglish\b", " ", said)  # "no english good": a cue, not a job
    # "rejected from 20 jobs": the model's "20" is no subject
    named = [n for n in _entity_values(entities, "subject", "job_role") if re.search("[a-zA-Z]", n)]
    if esol:  # nor is the model's "english" taken from it
        named = [n for n in named if n.lower() not in ("english", "esol", "language")]
    filtering = message.filter_words(said)  # "i want no driving jobs": "driving" is no subject
    named = [n for n in named if not set(n.lower().split()) <= filtering]
    if named:
        return " ".join(dict.fromkeys(n.lower() for n in named))
    rest = _without_postcodes(message.without_filters(said), text)
    rest = message.without_phrase(rest, near or "")
    return message.subject(rest, kind, original=text)


def _without_postcodes(said: str, text: str) -> str:
    """The message without the postcodes in it, however they were typed ("db31aa")."""
    compact = {p.replace(" ", "").lower() for p in message.postcodes_in(text)}
    tokens, kept, i = said.split(), [], 0
    while i < len(tokens):
        if i + 1 < len(tokens) and tokens[i] + tokens[i + 1] in compact:
            i += 2
            continue
        if tokens[i] not in compact:
            kept.append(tokens[i])
        i += 1
    return " ".join(kept)


def settle_place(request: Request, db_session: Session | None) -> Request:
    """Make a ``maybe_place`` the place if the places data knows it, or else the subject.

    A place leaves the words ("care riverside" becomes "care" near Riverside). Anything else
    stays in them ("data entry"), or becomes them when a follow-up said nothing else.
    """
    maybe = request.maybe_place
    if not maybe or db_session is None:
        return request
    if places.is_known(maybe, db_session=db_session):
        words = message.without_phrase(request.words, maybe)
        return replace(request, near=maybe, words=words, maybe_place=None)
    in_words = f" {maybe} " in f" {request.words} "
    return replace(request, words=request.words if in_words else maybe[:100], maybe_place=None)


def refine(
    request: Request,
    text: str,
    entities: list[Mapping[str, Any]] = (),
    *,
    db_session: Session | None = None,
) -> Request:
    """A follow-up to the last search: a filter ("what about evenings", "only free ones",
    "cheaper?", "from home", "part-time"), a distance ("closer to home"), a place ("DB3 1AA",
    "in Riverside") or a new subject ("what about plumbing"). Only "more", "next" or "others"
    asks for the next page; a message that asks for nothing understood leaves it unchanged.
    """
    said = message.normalise(text)
    unchanged = replace(request, page=1)
    changed = _refined_filters(unchanged, said)
    changed = _refined_distance(changed, said)
    button = text.lstrip().startswith("/")  # its payload names an intent, not a subject
    words = ("", "") if button else (text, said)
    changed = _refined_place_and_subject(changed, *words, entities, db_session)
    if changed != unchanged:
        return changed
    if message.more(said):
        return replace(request, page=request.page + 1)
    return request


def _refined_filters(request: Request, said: str) -> Request:
    asked = message.filters_in(said)
    changes: dict[str, bool] = _flags(asked)
    if "part_time" in asked or "full_time" in asked:
        changes.setdefault("part_time", False)
        changes.setdefault("full_time", False)
    if asked & set(message.TIMES_OF_DAY) or message.any_time(said):
        for time in message.TIMES_OF_DAY:
            changes.setdefault(time, False)  # a new time of day replaces the old one
    if request.no_driving and message.can_drive(said):
        changes["no_driving"] = False  # "actually i can drive now", "what about driving jobs"
    return replace(request, **changes)


def _refined_distance(request: Request, said: str) -> Request:
    if message.closer(said):
        return replace(request, radius=max(1.0, request.radius / 2))
    if message.further(said):
        return replace(request, radius=min(50.0, request.radius * 2))
    return request


def _refined_place_and_subject(
    request: Request,
    text: str,
    said: str,
    entities: list[Mapping[str, Any]],
    db_session: Session | None,
) -> Request:
    near, maybe = _place_in(text, said, entities, db_session)
    words = _subject_in(request.kind, text, message.without_follow_up(said), entities, near)
    if near is None and db_session is not None and words:
        near, words = _trailing_town(words, db_session)
    if maybe and not message.without_phrase(words, maybe):
        words = ""  # only "in X": the subject stays, unless X turns out to be no place
    changed = replace(request, near=near or request.near, maybe_place=maybe or request.maybe_place)
    if words and message.only_a_level(words):
        words = f"{message.without_levels(request.words)} {words}".strip()
    return replace(changed, words=words[:100]) if words else changed


@dataclass
class Found:
    request: Request
    outcome: Outcome
    cards: list[dict[str, Any]]
    place: Place | None
    place_problem: str | None
    free_depends: bool = False  # "free" results include ones free only for some residents
    # False when the words found nothing: say so and offer a person, never other results.
    relevant: bool = True
    suggestions: list[str] = field(default_factory=list)  # searches that do find something


def run(
    request: Request,
    *,
    db_session: Session,
    council: Council,
    profile: funding.Profile | None = None,
) -> Found:
    """One search from the chat, for this council's residents: its area is "local", and its
    rules say which courses are free for them."""
    area_codes, area_name = frozenset(council.local_authority_codes), council.area_name
    request = settle_place(request, db_session)
    place, problem = _resolve(request.near, area_codes, db_session)
    search = Search(
        text=_search_text(request),
        place=place,
        radius_miles=request.radius,
        page=request.page,
        per_page=PER_PAGE,
        grouped=request.kind == "course",
        council_slug=council.slug,
        hidden=frozenset(council.hidden_records),
    )
    free_depends = False
    if request.kind == "course":
        free_depends = _course_filters(request, search, profile, council)
        outcome = courses.search(search, db_session=db_session, area_name=area_name)
        records = courses.load([h.row.id for h in outcome.hits], db_session=db_session)
        cards = [_course_card(records[h.row.id], h, council) for h in outcome.hits]
    elif request.kind in ("job", "apprenticeship"):
        _job_filters(request, search)
        if profile is not None and profile.age is not None:  # no night work shown to a 16-year-old
            search.where.append(vacancies.for_age(profile.age))
        outcome = vacancies.search(search, db_session=db_session, area_name=area_name)
        records = vacancies.load([h.row.id for h in outcome.hits], db_session=db_session)
        cards = [_job_card(records[h.row.id], h) for h in outcome.hits]
    else:
        if request.online:
            search.selected["where"] = {"online"}
        outcome = services.search(search, db_session=db_session, area_name=area_name)
        records = services.load([h.row.id for h in outcome.hits], db_session=db_session)
        cards = [_service_card(records[h.row.id], h) for h in outcome.hits]
    return Found(request, outcome, cards, place, problem, free_depends, outcome.relevant,
                 outcome.suggestions)  # fmt: skip


def _resolve(
    near: str | None, area_codes: frozenset[str], db_session: Session
) -> tuple[Place | None, str | None]:
    if not near:
        return None, None
    try:
        return places.resolve(near, area_codes, db_session=db_session), None
    except PostcodeError as exc:
        return None, exc.message


def _search_text(request: Request) -> str:
    """The words to search for. Job adverts have no field for the time of day, so for jobs
    "evenings" and "weekends" are looked for in the advert's words."""
    if request.kind not in ("job", "apprenticeship"):
        return request.words
    times = [t for t in ("evening", "weekend") if getattr(request, t)]
    return " ".join([request.words, *times]).strip()


def _course_filters(
    request: Request, search: Search, profile: funding.Profile | None, council: Council
) -> bool:
    """Add the course filters asked for; True if "free" includes free only for some."""
    known = profile if profile is not None else funding.Profile()
    free_depends = False
    if request.free:
        search.where.append(courses.free_for_me(known, council=council, possibly=True))
        free_depends = funding.free_course_types(known, council=council) != (
            funding.free_course_types(known, council=council, possibly=True)
        )
    if request.cheap and not request.free:
        search.where.append(courses.costing_at_most(CHEAP_PENCE, known, council=council))
    if request.min_level in LEVELS:
        search.selected["level"] = set(LEVELS[LEVELS.index(request.min_level) :])
    if request.online:
        search.selected["delivery_mode"] = {"online"}
    if request.part_time:
        search.where.append(courses.not_full_time())
    elif request.full_time:
        search.where.append(courses.full_time())
    times = {t for t in message.TIMES_OF_DAY if getattr(request, t)}
    if times:
        search.where.append(courses.attending(times))
    return free_depends


def _job_filters(request: Request, search: Search) -> None:
    if request.kind == "apprenticeship":
        search.selected["contract_type"] = {"apprenticeship"}
    if request.part_time:
        search.where.append(vacancies.hours_between(None, FULL_TIME_FROM_HOURS - 0.5))
    elif request.full_time:
        search.where.append(vacancies.hours_between(FULL_TIME_FROM_HOURS, None))
    if request.online:
        search.where.append(vacancies.remote_only())
    if request.no_driving:
        search.where.append(vacancies.no_driving())


def _where(hit) -> str | None:
    if hit.distance is not None:
        if hit.distance < 0.1:
            return "Less than 0.1 miles away"
        return f"{hit.distance:.1f} miles away"
    return {"online": "Online", "national": "Available everywhere"}.get(hit.where)


def _day(value) -> str:
    return value.strftime("%-d %B %Y")


def _course_card(course, hit, council: Council) -> dict[str, Any]:
    """A course, once however many dates it runs on: the soonest, and the others after it."""
    out = courses.to_out(course, hit.distance, hit.where, council=council)
    return {
        "id": out.id, "title": out.title, "provider": out.provider, "where": _where(hit),
        "venue": out.venue, "cost": out.cost, "free_for": out.free_for,
        "start": "Start any time" if out.flexible_start else (
            _day(out.start_date) if out.start_date else None),
        "more_dates": [_day(d) for d in hit.also],
        "attendance": ATTENDANCE_LABELS.get(out.attendance_pattern or ""),
        "level": out.level_label, "level_code": out.level, "url": out.url,
        "course_type": out.course_type, "cost_pence": out.cost_pence,
    }  # fmt: skip


def _job_card(vacancy, hit) -> dict[str, Any]:
    out = vacancies.to_out(vacancy, hit.distance, hit.where)
    return {
        # the town when no place is known yet: three "Retail Customer Assistant" lines alike
        # looked like one job said three times
        "id": out.id, "title": out.title, "employer": out.employer,
        "where": _where(hit) or (out.town if hit.where == "local" else None), "wage": out.wage,
        "hours": out.hours_per_week,
        "closing": _day(out.closing_date) if out.closing_date else None,
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


def _qualities(found: Found) -> list[str]:
    """What the resident asked the results to be, in words ("free", "evening")."""
    request = found.request
    online = "remote" if request.kind in ("job", "apprenticeship") else "online"
    return [
        word
        for word, wanted in (
            ("free", request.free and not found.free_depends),
            ("low-cost", request.cheap and not request.free),
            ("part-time", request.part_time),
            ("full-time", request.full_time and not request.part_time),
            (online, request.online),
            ("daytime", request.daytime),
            ("evening", request.evening),
            ("weekend", request.weekend),
        )
        if wanted
    ]


def summary(found: Found) -> str:
    """The results as text, for screen readers and clients that don't draw cards."""
    request = found.request
    total = found.outcome.total
    plural = NOUNS[request.kind]
    noun = " ".join([*_qualities(found), plural.removesuffix("s") if total == 1 else plural])
    what = f" for \u201c{request.words}\u201d" if request.words else ""
    where = f" near {found.place.label}" if found.place else ""
    if found.free_depends:
        where += " that are or could be free for you"
    if request.no_driving and request.kind in ("job", "apprenticeship"):
        where += " where you won't need to drive or have a car"
    if not total:
        tries = ""
        if found.suggestions:
            tries = (
                " I can look for "
                + " or ".join(f"\u201c{s}\u201d" for s in found.suggestions)
                + " instead."
            )
        return f"I couldn't find any {noun}{what}{where}.{tries}"
    shown_from = (found.request.page - 1) * PER_PAGE + 1
    depends = " Each one says what you may have to pay." if found.free_depends else ""
    last = shown_from + len(found.cards) - 1
    if total == 1:
        showing = "Here it is:"
    elif last == shown_from:
        showing = f"Here is number {last}:"
    else:
        showing = f"Here are {shown_from} to {last}:"
    if request.words and found.outcome.hits and not any(h.exact for h in found.outcome.hits):
        # Found only through similar words ("warehouse" -> logistics): said so, not passed off
        # as what was asked for.
        lines = [
            f"I couldn't find any {' '.join([*_qualities(found), plural])}{what} itself{where}, "
            f"but I found {total} that may "
            f"be related.{depends} {showing}"
        ]
    else:
        lines = [f"I found {total} {noun}{what}{where}.{depends} {showing}"]
    for card in found.cards:
        lines.append(card_line(card))
    return "\n".join(lines)


def card_line(card: Mapping[str, Any]) -> str:
    detail = ", ".join(
        str(v)
        for v in (card_who(card), card.get("where"), card.get("cost") or card.get("wage"),
                  card.get("start"))
        if v
    )  # fmt: skip
    if card.get("more_dates"):
        detail += "; also starts on " + ", ".join(card["more_dates"])
    return f"- {card['title']}" + (f" ({detail})" if detail else "")
