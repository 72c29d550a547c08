"""``/api/v1/courses``: search and read courses."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Depends, Query
from fastapi.exceptions import HTTPException
from sqlalchemy.orm import sessionmaker

from bot.catalogue.common import owned_by
from bot.catalogue.course import funding
from bot.catalogue.course import service as courses
from bot.catalogue.course.models import COURSE_TYPES, DELIVERY_MODES, LEVELS, CourseOut
from bot.catalogue.search import params
from bot.catalogue.search.models import Page
from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import sessions

router = APIRouter(prefix="/api/v1/courses", tags=["courses"])


@router.get("", response_model=Page[CourseOut], summary="Search courses")
def search_courses(
    council: RequestCouncil,
    common: params.Common = Depends(params.common),
    level: list[str] | None = Query(None, description="Qualification levels: E1-E3, 1-8"),
    course_type: list[str] | None = Query(None, description=", ".join(COURSE_TYPES)),
    delivery_mode: list[str] | None = Query(None, description=", ".join(DELIVERY_MODES)),
    attendance_pattern: list[str] | None = Query(None),
    free: bool = Query(False, description="Only courses that are free for everyone"),
    free_for_me: bool = Query(False, description="Only courses free for someone like this:"),
    age: int | None = Query(None, ge=14, le=120),
    highest_level: str | None = Query(None, regex="^(none|E1|E2|E3|[1-8])$"),
    on_benefits: bool | None = Query(None),
    starts_within_weeks: int | None = Query(None, ge=0, le=104),
    factory: sessionmaker = Depends(sessions),
) -> Page[CourseOut]:
    """Courses matching the words, near a place, with filters and facet counts.

    Online and national courses are always included when searching near a place, and are
    labelled by ``where``. Courses that have already started (and have no flexible start)
    are left out.
    """
    for value in level or []:
        if value not in LEVELS:
            raise HTTPException(422, f"level {value[:10]!r} should be one of {', '.join(LEVELS)}")
    with session_scope(factory) as db:
        search = params.build(common, council=council, db_session=db)
        search.selected = params.selected(
            level=level,
            course_type=course_type,
            delivery_mode=delivery_mode,
            attendance_pattern=attendance_pattern,
            free=["free"] if free else None,
        )
        if free_for_me:
            profile = funding.Profile(age=age, highest_level=highest_level, on_benefits=on_benefits)
            search.where.append(courses.free_for_me(profile, council=council))
        if starts_within_weeks is not None:
            search.where.append(courses.starts_within(starts_within_weeks, search.today))
        outcome = courses.search(search, db_session=db, area_name=council.area_name)
        return params.page_of(
            outcome, search, courses.load, partial(courses.to_out, council=council), db_session=db
        )


@router.get("/{course_id}", response_model=CourseOut, summary="One course")
def get_course(
    council: RequestCouncil, course_id: str, factory: sessionmaker = Depends(sessions)
) -> CourseOut:
    with session_scope(factory) as db:
        course = courses.get(course_id[:64], db_session=db)
        if course is None or not owned_by(course, council.slug, council.hidden_records):
            raise HTTPException(404, "We couldn't find that course. It may have been removed.")
        return courses.to_out(course, council=council)
