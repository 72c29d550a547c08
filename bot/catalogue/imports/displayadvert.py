"""Apprenticeship vacancies in the shape of the DfE *Display Advert API v2* ``/vacancy`` items.

Accepts ``{"vacancies": [...]}`` (the API's response) or a bare list of vacancies.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.catalogue.imports import jsonscan
from bot.catalogue.imports import values as v
from bot.catalogue.imports.records import OrganisationIn, Parsed, VacancyIn
from bot.catalogue.vacancy.models import APPRENTICESHIP_LEVELS

WAGE_UNITS = {
    "hourly": "hour",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "unspecified": None,
}
WAGE_TYPES = {
    "nationalminimumwageforapprentices": "National Minimum Wage for apprentices",
    "apprenticeshipminimumwage": "National Minimum Wage for apprentices",
    "nationalminimumwage": "National Minimum Wage",
    "competitivesalary": "Competitive salary",
}


def parse(path: Path) -> Iterator[Parsed]:
    return jsonscan.parse_feed(path, ("vacancies", "results"), vacancy, "title")


def _level(item: dict) -> int | None:
    raw = item.get("apprenticeshipLevel")
    if raw is None and isinstance(item.get("course"), dict):
        raw = item["course"].get("level")
    if raw in (None, ""):
        return None
    if isinstance(raw, int | float) or str(raw).isdigit():
        return v.whole(raw, "apprenticeshipLevel", 2, 7)
    key = str(raw).strip().lower()
    if key not in APPRENTICESHIP_LEVELS:
        raise v.RowError(f"apprenticeshipLevel \u201c{str(raw)[:20]}\u201d is not one we know")
    return APPRENTICESHIP_LEVELS[key]


def vacancy(item: Any) -> VacancyIn:
    if not isinstance(item, dict):
        raise v.RowError("each vacancy should be a JSON object")
    reference = v.text(item.get("vacancyReference"), "vacancyReference", 100, True)
    addresses = item.get("addresses") or ([item["address"]] if item.get("address") else [])
    if not isinstance(addresses, list) or not all(isinstance(a, dict) for a in addresses):
        raise v.RowError("addresses should be a list of address objects")
    first = addresses[0] if addresses else {}
    lat, lon = v.coordinates(first.get("latitude"), first.get("longitude"), "address")
    lines = [v.text(first.get(f"addressLine{n}"), f"addressLine{n}") for n in range(1, 5)]
    national = v.flag(item.get("isNationalVacancy"), "isNationalVacancy")
    if lat is None and not first.get("postcode") and not national:
        raise v.RowError("the vacancy has no address with a postcode or coordinates")
    wage = item.get("wage") or {}
    if not isinstance(wage, dict):
        raise v.RowError("wage should be an object")
    amount = v.pence(wage.get("wageAmount"), "wage.wageAmount")
    low = v.pence(wage.get("wageAmountLowerBound"), "wage.wageAmountLowerBound")
    high = v.pence(wage.get("wageAmountUpperBound"), "wage.wageAmountUpperBound")
    unit = v.choice(wage.get("wageUnit"), "wage.wageUnit", WAGE_UNITS)
    wage_type = WAGE_TYPES.get(
        "".join(ch for ch in str(wage.get("wageType") or "").lower() if ch.isalnum())
    )
    employer_name = v.text(item.get("employerName"), "employerName", 300, True)
    closing = v.day(item.get("closingDate"), "closingDate")
    start = v.day(item.get("startDate"), "startDate")
    return VacancyIn(
        source_id=reference,
        title=v.text(item.get("title"), "title", 300, True),
        description=v.prose(item.get("description"), "description"),
        employer=OrganisationIn(
            source_id=employer_name.lower(),
            name=employer_name,
            website=v.text(item.get("employerWebsiteUrl"), "employerWebsiteUrl", 500),
        ),
        wage_min_pence=amount if amount is not None else low,
        wage_max_pence=amount if amount is not None else high,
        wage_unit=unit,
        wage_text=wage_type if amount is None and low is None else None,
        hours_per_week=v.number(item.get("hoursPerWeek"), "hoursPerWeek", 0, 80),
        contract_type="apprenticeship",
        full_time=None,
        posted_date=v.day(item.get("postedDate"), "postedDate"),
        closing_date=closing,
        start_date=start,
        address=", ".join(x for x in lines if x) or None,
        town=v.text(first.get("addressLine4") or first.get("addressLine3"), "town", 100),
        postcode=v.postcode(first.get("postcode")),
        lat=lat,
        lon=lon,
        national=national,
        apprenticeship_level=_level(item),
        training_provider=v.text(item.get("providerName"), "providerName", 300),
        disability_confident=v.flag(item.get("isDisabilityConfident"), "isDisabilityConfident"),
        apply_url=v.text(item.get("vacancyUrl"), "vacancyUrl", 500),
        positions=v.whole(item.get("numberOfPositions"), "numberOfPositions", 1, 10_000),
        minimum_age=v.minimum_age_in(str(item.get("description") or "")),
    )
