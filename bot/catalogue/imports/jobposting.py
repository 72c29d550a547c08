"""Jobs as schema.org ``JobPosting`` JSON-LD, which most job boards publish.

Accepts one JobPosting, a list of them, an ``@graph`` or an ``ItemList`` of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.catalogue.imports import jsonscan
from bot.catalogue.imports import values as v
from bot.catalogue.imports.records import OrganisationIn, Parsed, VacancyIn

UNITS = {"hour": "hour", "week": "week", "month": "month", "year": "year", "annum": "year"}
HOURS_FOR = {"FULL_TIME": True, "PART_TIME": False}
CONTRACTS = {
    "TEMPORARY": "temporary",
    "CONTRACTOR": "fixed_term",
    "INTERN": "fixed_term",
    "PER_DIEM": "zero_hours",
    "VOLUNTEER": "other",
}


def parse(path: Path) -> Iterator[Parsed]:
    return jsonscan.parse_feed(
        path, ("@graph", "itemListElement"), posting, "title", unwrap=_list_item
    )


def _list_item(item: Any) -> Any:
    """An ``ItemList`` wraps each posting in a ``ListItem``."""
    if isinstance(item, dict) and item.get("@type") == "ListItem":
        return item.get("item")
    return item


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _identifier(item: dict) -> str | None:
    ident = item.get("identifier")
    if isinstance(ident, dict):
        ident = ident.get("value")
    return v.text(ident or item.get("url") or item.get("@id"), "identifier", 200)


def posting(item: Any) -> VacancyIn:
    if not isinstance(item, dict):
        raise v.RowError("each job should be a JSON object")
    if item.get("@type") not in ("JobPosting", ["JobPosting"]):
        raise v.RowError(f'@type is {json.dumps(item.get("@type"))[:30]}, expected "JobPosting"')
    source_id = _identifier(item)
    if not source_id:
        raise v.RowError("the job has no identifier or url to recognise it by")
    org = _one(item.get("hiringOrganization")) or {}
    org_name = v.text(
        org.get("name") if isinstance(org, dict) else org, "hiringOrganization.name", 300, True
    )
    place = _one(item.get("jobLocation")) or {}
    address = place.get("address", {}) if isinstance(place, dict) else {}
    geo = place.get("geo", {}) if isinstance(place, dict) else {}
    if not isinstance(address, dict) or not isinstance(geo, dict):
        raise v.RowError("jobLocation should hold an address object and a geo object")
    lat, lon = v.coordinates(geo.get("latitude"), geo.get("longitude"), "jobLocation.geo")
    remote = item.get("jobLocationType") == "TELECOMMUTE"
    if lat is None and not address.get("postalCode") and not remote:
        raise v.RowError("the job has no jobLocation with a postalCode or geo, and is not remote")
    salary = item.get("baseSalary") or {}
    amount = salary.get("value", {}) if isinstance(salary, dict) else {}
    if not isinstance(amount, dict):
        amount = {"value": amount}
    low = v.pence(amount.get("minValue", amount.get("value")), "baseSalary.value")
    high = v.pence(amount.get("maxValue", amount.get("value")), "baseSalary.value")
    unit = v.choice(amount.get("unitText"), "baseSalary.unitText", UNITS)
    kinds = item.get("employmentType") or []
    kinds = [kinds] if isinstance(kinds, str) else kinds
    contract = next((CONTRACTS[k] for k in kinds if k in CONTRACTS), "permanent")
    full_time = next((HOURS_FOR[k] for k in kinds if k in HOURS_FOR), None)
    hours_said = re.search(r"\d+(?:\.\d+)?", str(item.get("workHours") or ""))
    hours = v.number(hours_said.group() if hours_said else None, "workHours", 0, 80)
    street = v.text(address.get("streetAddress"), "streetAddress")
    town = v.text(address.get("addressLocality"), "addressLocality", 100)
    return VacancyIn(
        source_id=source_id,
        title=v.text(item.get("title"), "title", 300, True),
        description=v.prose(item.get("description"), "description"),
        employer=OrganisationIn(
            source_id=org_name.lower(),
            name=org_name,
            website=v.text(org.get("sameAs") if isinstance(org, dict) else None, "sameAs", 500),
        ),
        wage_min_pence=low,
        wage_max_pence=high,
        wage_unit=unit,
        hours_per_week=hours,
        contract_type=contract,
        full_time=full_time,
        posted_date=v.day(item.get("datePosted"), "datePosted"),
        closing_date=v.day(item.get("validThrough"), "validThrough"),
        start_date=v.day(item.get("jobStartDate"), "jobStartDate"),
        address=", ".join(x for x in (street, town) if x) or None,
        town=town,
        postcode=v.postcode(address.get("postalCode"), "postalCode"),
        lat=lat,
        lon=lon,
        remote=remote,
        disability_confident=v.flag(item.get("disabilityConfident"), "disabilityConfident"),
        apply_url=v.text(item.get("url"), "url", 500),
        positions=v.whole(item.get("totalJobOpenings"), "totalJobOpenings", 1, 10_000),
        # schema.org has no field for it: the feed's own "minimumAge", else the advert's words
        minimum_age=v.whole(item.get("minimumAge"), "minimumAge", 14, 99)
        or v.minimum_age_in(str(item.get("description") or "")),
    )
