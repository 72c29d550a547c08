"""The council's own CSV template, for officers adding local courses, jobs and services by hand.

One row per record; ``record_type`` says which. The columns are documented in
docs/importing.md, and ``docs/examples/council-template.csv`` is a filled-in example.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from bot.catalogue.imports import findacourse
from bot.catalogue.imports import values as v
from bot.catalogue.imports.jsonscan import FeedError
from bot.catalogue.imports.records import (
    CourseIn,
    OrganisationIn,
    Parsed,
    ServiceIn,
    VacancyIn,
    VenueIn,
)

COLUMNS = (
    "record_type",
    "id",
    "title",
    "description",
    "organisation",
    "venue",
    "address",
    "town",
    "postcode",
    "latitude",
    "longitude",
    "delivery_mode",
    "subject",
    "level",
    "course_type",
    "start_date",
    "closing_date",
    "cost",
    "hours_per_week",
    "wage",
    "wage_unit",
    "contract_type",
    "url",
    "phone",
    "email",
    "min_age",
    "max_age",
    "disability_confident",
)
REQUIRED = ("record_type", "id", "title")
DELIVERY = {
    "inperson": "in_person",
    "online": "online",
    "blended": "blended",
    "atwork": "work_based",
}
CONTRACTS = {
    c.replace("_", ""): c
    for c in ("permanent", "temporary", "fixed_term", "apprenticeship", "zero_hours", "other")
}
WAGE_UNITS = {"hour": "hour", "week": "week", "month": "month", "year": "year"}


def parse(path: Path) -> Iterator[Parsed]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise FeedError(
                "the first row should name the template's columns; missing: " + ", ".join(missing)
            )
        unknown = [h for h in header if h not in COLUMNS]
        if unknown:
            raise FeedError("unknown columns (check their spelling): " + ", ".join(unknown))
        reader.fieldnames = header
        for row in reader:
            line = reader.line_num
            label = (row.get("title") or "")[:60]
            if None in row:
                yield Parsed(line, error="the row has more cells than the header", label=label)
                continue
            try:
                yield Parsed(line, record=record(row), label=label)
            except v.RowError as exc:
                yield Parsed(line, error=str(exc), label=label)


def _venue(row: dict, required: bool) -> VenueIn | None:
    postcode = v.postcode(row.get("postcode"))
    lat, lon = v.coordinates(row.get("latitude"), row.get("longitude"))
    name = v.text(row.get("venue"), "venue")
    if not (postcode or lat is not None or name):
        if required:
            raise v.RowError("give a postcode (or latitude and longitude) for where it happens")
        return None
    return VenueIn(
        source_id=f"{name or ''}|{postcode or ''}".lower(),
        name=name or v.text(row.get("organisation"), "organisation") or "Venue",
        address_1=v.text(row.get("address"), "address"),
        town=v.text(row.get("town"), "town", 100),
        postcode=postcode,
        lat=lat,
        lon=lon,
        phone=v.text(row.get("phone"), "phone", 40),
    )


def _organisation(row: dict, required: bool) -> OrganisationIn | None:
    name = v.text(row.get("organisation"), "organisation", 300, required)
    if not name:
        return None
    return OrganisationIn(
        source_id=name.lower(),
        name=name,
        email=v.text(row.get("email"), "email", 200),
        phone=v.text(row.get("phone"), "phone", 40),
    )


def record(row: dict) -> CourseIn | VacancyIn | ServiceIn:
    kind = (row.get("record_type") or "").strip().lower()
    source_id = v.text(row.get("id"), "id", 100, True) or ""
    title = v.text(row.get("title"), "title", 300, True) or ""
    description = v.prose(row.get("description"), "description")
    if kind == "course":
        delivery = (
            v.choice(row.get("delivery_mode"), "delivery_mode", DELIVERY, "in_person")
            or "in_person"
        )
        start = v.day(row.get("start_date"), "start_date")
        return CourseIn(
            source_id=source_id,
            title=title,
            description=description,
            subject=v.text(row.get("subject"), "subject", 100),
            level=v.choice(row.get("level"), "level", v.LEVEL_MAP),
            course_type=v.choice(
                row.get("course_type"), "course_type", findacourse.COURSE_TYPE, "other"
            )
            or "other",
            delivery_mode=delivery,
            start_date=start,
            flexible_start=start is None,
            cost_pence=v.pence(row.get("cost"), "cost"),
            provider=_organisation(row, required=True),
            venue=_venue(row, required=delivery != "online"),
            url=v.text(row.get("url"), "url", 500),
        )
    if kind == "vacancy":
        venue = _venue(row, required=True)
        assert venue is not None
        wage = v.pence(row.get("wage"), "wage")
        contract = (
            v.choice(row.get("contract_type"), "contract_type", CONTRACTS, "other") or "other"
        )
        return VacancyIn(
            source_id=source_id,
            title=title,
            description=description,
            employer=_organisation(row, required=True),
            wage_min_pence=wage,
            wage_max_pence=wage,
            wage_unit=v.choice(row.get("wage_unit"), "wage_unit", WAGE_UNITS),
            hours_per_week=v.number(row.get("hours_per_week"), "hours_per_week", 0, 80),
            contract_type=contract,
            closing_date=v.day(row.get("closing_date"), "closing_date"),
            start_date=v.day(row.get("start_date"), "start_date"),
            address=venue.address_1,
            town=venue.town,
            postcode=venue.postcode,
            lat=venue.lat,
            lon=venue.lon,
            disability_confident=v.flag(row.get("disability_confident"), "disability_confident"),
            apply_url=v.text(row.get("url"), "url", 500),
            minimum_age=v.whole(row.get("min_age"), "min_age", 14, 99)
            or v.minimum_age_in(description),
        )
    if kind == "service":
        venue = _venue(row, required=False)
        return ServiceIn(
            source_id=source_id,
            name=title,
            description=description,
            url=v.text(row.get("url"), "url", 500),
            email=v.text(row.get("email"), "email", 200),
            minimum_age=v.whole(row.get("min_age"), "min_age", 0, 130),
            maximum_age=v.whole(row.get("max_age"), "max_age", 0, 130),
            organisation=_organisation(row, required=False),
            locations=[(f"{source_id}@{venue.source_id}", venue)] if venue else [],
        )
    raise v.RowError("record_type should be course, vacancy or service")
