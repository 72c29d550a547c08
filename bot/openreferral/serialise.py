"""Our catalogue in Open Referral UK (HSDS-UK 3.0) shapes.

HSDS fields are typed strictly (a string field may not be null), so absent values are left out
rather than sent as ``null``. Ids are the UUIDs the records were published with, or stable UUIDs
derived from their source ids (see ``bot.catalogue.common.public_id``).
"""

from __future__ import annotations

from typing import Any

from bot.catalogue.common import public_id
from bot.catalogue.organisation.models import Organisation
from bot.catalogue.support.models import ServiceAtLocation, SupportService, Taxonomy, TaxonomyTerm
from bot.catalogue.venue.models import Venue

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None and v != []}


def organisation(org: Organisation | None) -> dict | None:
    if org is None:
        return None
    return _clean(
        {
            "id": org.uid,
            "name": org.name,
            "description": org.description or "",
            "email": org.email,
            "website": org.website,
        }
    )


def location(venue: Venue, full: bool) -> dict:
    body: dict[str, Any] = {
        "id": venue.uid,
        "location_type": venue.location_type,
        "name": venue.name,
        "description": venue.description,
        "latitude": venue.lat,
        "longitude": venue.lon,
    }
    if full:
        if venue.address_1 and venue.town and venue.postcode:
            body["addresses"] = [
                {
                    "id": venue.uid,
                    "location_id": venue.uid,
                    "address_1": venue.address_1,
                    "city": venue.town,
                    "state_province": "England",
                    "postal_code": venue.postcode,
                    "country": "GB",
                    "address_type": "physical",
                }
            ]
        if venue.accessibility:
            body["accessibility"] = [
                {"id": venue.uid, "location_id": venue.uid, "description": venue.accessibility}
            ]
    return _clean(body)


def service_basic(service: SupportService) -> dict:
    """The service fields every list item carries."""
    return _clean(
        {
            "id": service.uid,
            "organization_id": service.organisation.uid if service.organisation else None,
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees": service.fees,
            "accreditations": service.accreditations,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date.isoformat() if service.assured_date else None,
            "alert": service.alert,
            "last_modified": service.last_modified.isoformat() if service.last_modified else None,
            "organization": organisation(service.organisation),
        }
    )


def term(t: TaxonomyTerm) -> dict:
    return _clean(
        {
            "id": t.uid,
            "name": t.name,
            "description": t.description or t.name,
            "parent_id": t.parent_uid,
            "taxonomy": t.taxonomy_name,
            "taxonomy_id": t.taxonomy.uid if t.taxonomy else None,
            "term_uri": t.term_uri,
            "term": t.code,
        }
    )


def taxonomy(t: Taxonomy) -> dict:
    return _clean(
        {
            "id": t.uid,
            "name": t.name,
            "description": t.description or t.name,
            "uri": t.uri,
            "version": t.version,
        }
    )


def service_full(service: SupportService) -> dict:
    body = service_basic(service)
    body["service_at_locations"] = [
        _clean(
            {
                "id": sal.uid,
                "service_id": service.uid,
                "location_id": sal.venue.uid,
                "location": location(sal.venue, full=True),
            }
        )
        for sal in service.locations
    ]
    for key, items in service.details.items():
        body[key] = [
            {**item, "service_id": service.uid} if key != "service_areas" else item
            for item in items
        ]
    body["attributes"] = [
        {
            "id": public_id("attribute", service.uid, t.uid),
            "link_id": service.uid,
            "link_type": "service",
            "taxonomy_term_id": t.uid,
            "taxonomy_term": term(t),
        }
        for t in service.terms
    ]
    return _clean(body)


def service_at_location(sal: ServiceAtLocation) -> dict:
    return _clean(
        {
            "id": sal.uid,
            "service_id": sal.service.uid,
            "location_id": sal.venue.uid,
            "location": location(sal.venue, full=False),
            "service": service_basic(sal.service),
        }
    )


def page(contents: list[dict], total: int, page_number: int, size: int) -> dict:
    total_pages = max(1, -(-total // size))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
