"""Courses in the shape of the National Careers Service *Find a course* search results.

Accepts ``{"results": [...]}`` (the API's response), ``{"courses": [...]}`` or a bare list.
Field names are the API's camelCase ones; see docs/importing.md for the full list we read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.catalogue.imports import jsonscan
from bot.catalogue.imports import values as v
from bot.catalogue.imports.records import CourseIn, OrganisationIn, Parsed, VenueIn

DELIVERY = {
    "classroombased": "in_person",
    "classroom": "in_person",
    "inperson": "in_person",
    "1": "in_person",
    "online": "online",
    "2": "online",
    "workbased": "work_based",
    "3": "work_based",
    "blended": "blended",
    "blendedlearning": "blended",
    "4": "blended",
}
STUDY = {
    "fulltime": "full_time",
    "parttime": "part_time",
    "flexible": "flexible",
    "1": "full_time",
    "2": "part_time",
    "3": "flexible",
}
ATTENDANCE = {
    "daytime": "daytime",
    "evening": "evening",
    "weekend": "weekend",
    "dayorblockrelease": "day_or_block_release",
    "1": "daytime",
    "2": "evening",
    "3": "weekend",
    "4": "day_or_block_release",
}
COURSE_TYPE = {
    "essentialskills": "essential_skills",
    "esol": "esol",
    "freecoursesforjobs": "free_courses_for_jobs",
    "fcfj": "free_courses_for_jobs",
    "multiply": "multiply",
    "skillsbootcamp": "skills_bootcamp",
    "skillsbootcamps": "skills_bootcamp",
    "apprenticeship": "apprenticeship",
    "communitylearning": "community_learning",
    "tlevel": "t_level",
    "tlevels": "t_level",
    "other": "other",
    "htqs": "other",
}
UNITS = {
    unit + s: unit + "s" for unit in ("hour", "day", "week", "month", "year") for s in ("", "s")
}


def parse(path: Path) -> Iterator[Parsed]:
    return jsonscan.parse_feed(path, ("results", "courses"), course, "courseName")


def course(item: Any) -> CourseIn:
    if not isinstance(item, dict):
        raise v.RowError("each course should be a JSON object")
    source_id = v.text(item.get("courseRunId") or item.get("courseId"), "courseRunId", 100, True)
    provider_name = v.text(item.get("providerName"), "providerName", 300)
    provider = None
    if provider_name:
        provider = OrganisationIn(
            source_id=str(item.get("providerUkprn") or provider_name.lower()),
            name=provider_name,
            website=v.text(item.get("providerWebsite"), "providerWebsite", 500),
        )
    delivery = v.choice(item.get("deliveryMode"), "deliveryMode", DELIVERY, "in_person")
    location = item.get("venueLocation") or {}
    if not isinstance(location, dict):
        raise v.RowError("venueLocation should be an object with latitude and longitude")
    lat, lon = v.coordinates(location.get("latitude"), location.get("longitude"), "venueLocation")
    venue = None
    venue_name = v.text(item.get("venueName"), "venueName")
    if venue_name or lat is not None:
        venue = VenueIn(
            source_id=str(
                item.get("venueId") or f"{venue_name}|{item.get('venuePostcode')}"
            ).lower(),
            name=venue_name or provider_name or "Venue",
            address_1=v.text(item.get("venueAddress"), "venueAddress"),
            town=v.text(item.get("venueTown"), "venueTown", 100),
            postcode=v.postcode(item.get("venuePostcode"), "venuePostcode"),
            lat=lat,
            lon=lon,
            kind=v.text(item.get("venueKind"), "venueKind", 40),
        )
    if (
        delivery in {"in_person", "blended", "work_based"}
        and venue is None
        and not item.get("national")
    ):
        raise v.RowError(f"a {delivery.replace('_', ' ')} course needs a venue or national: true")
    start = v.day(item.get("startDate"), "startDate")
    flexible = v.flag(item.get("flexibleStartDate"), "flexibleStartDate")
    if start is None and not flexible:
        flexible = True  # no date given means residents can ask to start at any time
    cost = item.get("cost")
    return CourseIn(
        source_id=source_id,
        title=v.text(
            item.get("courseName") or item.get("qualificationCourseTitle"), "courseName", 300, True
        ),
        description=v.prose(item.get("courseDescription"), "courseDescription"),
        subject=v.text(item.get("sectorDescription") or item.get("subject"), "subject", 100),
        level=v.choice(item.get("qualificationLevel"), "qualificationLevel", v.LEVEL_MAP),
        course_type=v.choice(item.get("courseType"), "courseType", COURSE_TYPE, "other"),
        study_mode=v.choice(item.get("studyMode"), "studyMode", STUDY),
        attendance_pattern=v.choice(
            item.get("attendancePattern") or item.get("venueAttendancePattern"),
            "attendancePattern",
            ATTENDANCE,
        ),
        delivery_mode=delivery,
        start_date=start,
        flexible_start=flexible,
        duration_value=v.whole(item.get("durationValue"), "durationValue", 1, 1000),
        duration_unit=v.choice(item.get("durationUnit"), "durationUnit", UNITS),
        cost_pence=v.pence(cost, "cost"),
        cost_description=v.text(item.get("costDescription"), "costDescription", 500),
        provider=provider,
        venue=venue,
        url=v.text(item.get("courseUrl") or item.get("courseWebsite"), "courseUrl", 500),
        national=v.flag(item.get("national"), "national"),
    )
