"""Courses: look one up, search them, and describe them to residents."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, false, or_, true
from sqlalchemy.orm import Session

from bot.catalogue.common import by_ids, by_uid
from bot.catalogue.course import funding
from bot.catalogue.course.models import (
    ATTENDANCE_PATTERNS,
    COURSE_TYPES,
    DELIVERY_MODES,
    LEVELS,
    Course,
    CourseOut,
)
from bot.catalogue.labels import (
    ATTENDANCE_LABELS,
    COURSE_TYPE_LABELS,
    DELIVERY_LABELS,
    LEVEL_LABELS,
    money,
)
from bot.catalogue.search import service as search_service
from bot.catalogue.search.service import Facet, Kind, Search
from bot.council.models import Council


def _columns() -> list:
    return [
        Course.id,
        Course.lat,
        Course.lon,
        Course.national,
        (Course.delivery_mode == "online").label("online"),
        Course.level,
        Course.course_type,
        Course.delivery_mode,
        Course.attendance_pattern,
        Course.cost_pence,
        Course.start_date,
        Course.flexible_start,
        Course.title,
        Course.provider_id,
        Course.venue_id,
    ]


def _active(today: date):
    """Courses that have not started yet, or that residents can join at any time."""
    return or_(Course.start_date.is_(None), Course.start_date >= today, Course.flexible_start)


KIND = Kind(
    name="course",
    model=Course,
    columns=_columns,
    active=_active,
    facets={
        "level": Facet(
            lambda r: [r.level] if r.level else [],
            LEVEL_LABELS.get,
            LEVELS,
            lambda v: Course.level.in_(sorted(v)),
        ),
        "course_type": Facet(
            lambda r: [r.course_type],
            COURSE_TYPE_LABELS.get,
            COURSE_TYPES,
            lambda v: Course.course_type.in_(sorted(v)),
        ),
        "delivery_mode": Facet(
            lambda r: [r.delivery_mode],
            DELIVERY_LABELS.get,
            DELIVERY_MODES,
            lambda v: Course.delivery_mode.in_(sorted(v)),
        ),
        "attendance_pattern": Facet(
            lambda r: [r.attendance_pattern] if r.attendance_pattern else [],
            ATTENDANCE_LABELS.get,
            ATTENDANCE_PATTERNS,
            lambda v: Course.attendance_pattern.in_(sorted(v)),
        ),
        "free": Facet(
            lambda r: ["free"] if r.cost_pence == 0 else [],
            lambda _v: "Free for everyone",
            sql=lambda v: Course.cost_pence == 0 if "free" in v else false(),
        ),
    },
    start_of=lambda r: None if r.flexible_start else r.start_date,
    group_of=lambda r: (r.provider_id, r.title.lower(), r.level, r.venue_id, r.delivery_mode),
)


def starts_within(weeks: int, today: date):
    """Courses starting within the weeks, or that residents can join at any time."""
    limit = today + timedelta(weeks=weeks)
    return or_(
        Course.flexible_start, and_(Course.start_date.isnot(None), Course.start_date <= limit)
    )


def not_full_time():
    """Courses a resident can fit around work or family: part-time or flexible study."""
    return or_(Course.study_mode.is_(None), Course.study_mode != "full_time")


def full_time():
    """Courses studied full time, for a resident who asks for them."""
    return Course.study_mode == "full_time"


def attending(patterns: set[str]):
    """Courses taught at the times asked for ("evening", "weekend", "daytime").

    The attendance pattern of *Find a course* is the only field that says when a course is
    taught; a course that does not give one is left out rather than guessed at.
    """
    return Course.attendance_pattern.in_(sorted(patterns))


def costing_at_most(pence: int, profile: funding.Profile | None = None, *, council: Council):
    """Courses listed at or under a price, or that could be free for this resident."""
    cheap = and_(Course.cost_pence.is_not(None), Course.cost_pence <= pence)
    if profile is None:
        return cheap
    return or_(cheap, free_for_me(profile, council=council, possibly=True))


def free_for_me(profile: funding.Profile, *, council: Council, possibly: bool = False):
    """Courses free for this resident under the entitlements in the routing rules.

    ``possibly`` keeps courses that could be free once the resident tells us more, for the
    dialogue: a resident asking for "free English courses" before the assessment should see
    Functional Skills English (free for most adults) with its conditions on the card, rather
    than only the few courses free for everyone.
    """
    types = funding.free_course_types(profile, council=council, possibly=possibly)
    if types is None:
        return true()
    return or_(Course.cost_pence == 0, Course.course_type.in_(sorted(types)))


def get(uid: str, *, db_session: Session) -> Course | None:
    return by_uid(Course, uid, db_session=db_session)


def search(search: Search, *, db_session: Session, area_name: str = "") -> search_service.Outcome:
    return search_service.run(KIND, search, db_session=db_session, area_name=area_name)


def load(ids: list[int], *, db_session: Session) -> dict[int, Course]:
    return by_ids(Course, ids, db_session=db_session)


def _duration(course: Course) -> str | None:
    if not course.duration_value or not course.duration_unit:
        return None
    unit = course.duration_unit if course.duration_value != 1 else course.duration_unit.rstrip("s")
    return f"{course.duration_value} {unit}"


def _cost(course: Course) -> str:
    if course.cost_pence == 0:
        return "Free"
    text = money(course.cost_pence)
    if text and course.cost_description:
        return f"{text} ({course.cost_description})"
    return text or course.cost_description or "Ask the provider about the cost"


def to_out(
    course: Course, distance: float | None = None, where: str | None = None, *, council: Council
) -> CourseOut:
    """The course as residents and partner systems see it; who it is free for follows the
    asking council's rules."""
    venue = course.venue
    if where is None:
        where = (
            "online"
            if course.delivery_mode == "online"
            else "national"
            if course.national
            else "local"
        )
    return CourseOut(
        id=course.uid,
        title=course.title,
        description=course.description,
        subject=course.subject,
        level=course.level,
        level_label=LEVEL_LABELS.get(course.level or ""),
        course_type=course.course_type,
        course_type_label=COURSE_TYPE_LABELS.get(course.course_type, course.course_type),
        study_mode=course.study_mode,
        attendance_pattern=course.attendance_pattern,
        delivery_mode=course.delivery_mode,
        start_date=course.start_date,
        flexible_start=course.flexible_start,
        duration=_duration(course),
        cost=_cost(course),
        cost_pence=course.cost_pence,
        free_for=funding.free_for(course.course_type, course.cost_pence, council=council),
        provider=course.provider.name if course.provider else None,
        venue=venue.name if venue else None,
        town=venue.town if venue else None,
        postcode=venue.postcode if venue else None,
        latitude=course.lat,
        longitude=course.lon,
        url=course.url,
        where=where,
        distance_miles=round(distance, 1) if distance is not None else None,
        source=course.source,
    )
