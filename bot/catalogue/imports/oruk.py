"""Support services from an Open Referral UK (HSDS-UK 3.0) feed.

Accepts a ``Page`` of services (``GET /services``), a list of services, one full service
(``GET /services/{id}``), or the same for service_at_location items (each carrying its service).
Items are checked against the parts of the HSDS-UK schema we rely on; a location with impossible
coordinates is kept without them (and reported), because the service is still worth listing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.catalogue.imports import jsonscan
from bot.catalogue.imports import values as v
from bot.catalogue.imports.records import OrganisationIn, Parsed, ServiceIn, TermIn, VenueIn

STATUSES = {"active", "inactive", "defunct", "temporarily closed"}
LOCATION_TYPES = {"physical", "postal", "virtual"}
KEPT_AS_PUBLISHED = (
    "schedules",
    "service_areas",
    "languages",
    "funding",
    "cost_options",
    "contacts",
)


def parse(path: Path) -> Iterator[Parsed]:
    found, _paging = jsonscan.items(path.read_text(encoding="utf-8-sig"), ("contents",))
    merged: dict[str, Parsed] = {}
    order: list[str] = []
    for line, item in found:
        label = ""
        try:
            if not isinstance(item, dict):
                raise v.RowError("each item should be a JSON object")
            if "service" in item and "location" in item:
                service = item.get("service")
                if not isinstance(service, dict):
                    raise v.RowError("service should be an object")
                service = {
                    **service,
                    "service_at_locations": [
                        {"id": item.get("id"), "location": item.get("location")}
                    ],
                }
            else:
                service = item
            label = str(service.get("name", ""))[:60]
            warnings: list[str] = []
            record = read_service(service, warnings)
        except v.RowError as exc:
            yield Parsed(line, error=str(exc), label=label)
            continue
        # service_at_location feeds list a service once per place: fold them together.
        if record.source_id in merged:
            earlier = merged[record.source_id]
            assert isinstance(earlier.record, ServiceIn)
            known = {sal for sal, _ in earlier.record.locations}
            earlier.record.locations += [loc for loc in record.locations if loc[0] not in known]
            earlier.warnings += warnings
            continue
        merged[record.source_id] = Parsed(line, record=record, label=label, warnings=warnings)
        order.append(record.source_id)
    yield from (merged[k] for k in order)


def _id(value: Any, field: str) -> str:
    result = v.text(value, field, 100, required=True)
    assert result is not None
    return result


def read_service(item: dict, warnings: list[str]) -> ServiceIn:
    source_id = _id(item.get("id"), "id")
    status = v.text(item.get("status"), "status", 30, required=True)
    if status not in STATUSES:
        raise v.RowError(
            f"status \u201c{status}\u201d should be one of {', '.join(sorted(STATUSES))}"
        )
    minimum, maximum = (
        v.whole(item.get("minimum_age"), "minimum_age", 0, 130),
        v.whole(item.get("maximum_age"), "maximum_age", 0, 130),
    )
    if minimum is not None and maximum is not None and minimum > maximum:
        raise v.RowError(f"minimum_age {minimum} is above maximum_age {maximum}")
    org = item.get("organization")
    organisation = None
    if isinstance(org, dict) and org.get("name"):
        organisation = OrganisationIn(
            source_id=_id(org.get("id"), "organization.id"),
            name=v.text(org.get("name"), "organization.name", 300, True) or "",
            description=v.prose(org.get("description"), "organization.description"),
            email=v.text(org.get("email"), "organization.email", 200),
            website=v.text(org.get("website"), "organization.website", 500),
        )
    locations = []
    for n, sal in enumerate(item.get("service_at_locations") or []):
        if not isinstance(sal, dict) or not isinstance(sal.get("location"), dict):
            raise v.RowError(f"service_at_locations[{n}] should hold a location object")
        locations.append(
            (
                _id(sal.get("id"), f"service_at_locations[{n}].id"),
                _location(sal["location"], n, warnings),
            )
        )
    terms = []
    for n, attribute in enumerate(item.get("attributes") or []):
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if isinstance(term, dict):
            terms.append(
                TermIn(
                    source_id=_id(term.get("id"), f"attributes[{n}].taxonomy_term.id"),
                    name=v.text(term.get("name"), "taxonomy_term.name", 200, True) or "",
                    description=v.text(term.get("description"), "taxonomy_term.description", 2000)
                    or "",
                    code=v.text(term.get("code") or term.get("term"), "taxonomy_term.term", 100),
                    parent_id=v.text(term.get("parent_id"), "taxonomy_term.parent_id", 100),
                    taxonomy=v.text(term.get("taxonomy"), "taxonomy_term.taxonomy", 200),
                    taxonomy_id=v.text(term.get("taxonomy_id"), "taxonomy_term.taxonomy_id", 100),
                    term_uri=v.text(term.get("term_uri"), "taxonomy_term.term_uri", 500),
                )
            )
    details = {}
    for key in KEPT_AS_PUBLISHED:
        value = item.get(key)
        if value is not None:
            if not isinstance(value, list) or not all(
                isinstance(x, dict) and x.get("id") for x in value
            ):
                raise v.RowError(f"{key} should be a list of objects, each with an id")
            details[key] = value
    return ServiceIn(
        source_id=source_id,
        name=v.text(item.get("name"), "name", 300, True) or "",
        status=status,
        description=v.prose(item.get("description"), "description"),
        url=v.text(item.get("url"), "url", 500),
        email=v.text(item.get("email"), "email", 200),
        fees=v.prose(item.get("fees"), "fees", 2000),
        accreditations=v.prose(item.get("accreditations"), "accreditations", 2000),
        minimum_age=minimum,
        maximum_age=maximum,
        alert=v.prose(item.get("alert"), "alert", 2000),
        assured_date=v.day(item.get("assured_date"), "assured_date"),
        last_modified=v.moment(item.get("last_modified"), "last_modified"),
        organisation=organisation,
        locations=locations,
        terms=terms,
        details=details,
    )


def _location(loc: dict, n: int, warnings: list[str]) -> VenueIn:
    field = f"service_at_locations[{n}].location"
    kind = v.text(loc.get("location_type"), f"{field}.location_type", 20, required=True)
    if kind not in LOCATION_TYPES:
        raise v.RowError(f"{field}.location_type should be physical, postal or virtual")
    try:
        lat, lon = v.coordinates(loc.get("latitude"), loc.get("longitude"), field)
    except v.RowError as exc:
        warnings.append(f"{exc}; the location was kept without coordinates")
        lat = lon = None
    address = next((a for a in loc.get("addresses") or [] if isinstance(a, dict)), {})
    try:
        postcode = v.postcode(address.get("postal_code"), f"{field} postal_code")
    except v.RowError as exc:
        warnings.append(f"{exc}; the postcode was left out")
        postcode = None
    access = [a.get("description") for a in loc.get("accessibility") or [] if isinstance(a, dict)]
    return VenueIn(
        source_id=_id(loc.get("id"), f"{field}.id"),
        name=v.text(loc.get("name"), f"{field}.name") or "Location",
        location_type=kind,
        description=v.prose(loc.get("description"), f"{field}.description", 4000),
        address_1=v.text(address.get("address_1"), "address_1"),
        town=v.text(address.get("city"), "city", 100),
        postcode=postcode,
        lat=lat,
        lon=lon,
        accessibility="\n".join(a for a in access if a) or None,
    )
