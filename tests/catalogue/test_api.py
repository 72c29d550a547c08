"""The catalogue's HTTP APIs over the demo data: shapes, errors, CORS, and ORUK conformance
(validated against the official HSDS-UK 3.0 schemas in tests/fixtures/oruk-v3-uk)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator, FormatChecker

from bot.config import get_settings
from bot.database import core
from bot.main import create_app
from tests.catalogue.conftest import ORUK


@pytest.fixture
def client(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("DATABASE_URL", demo_url)
    get_settings.cache_clear()
    core.get_engine.cache_clear()
    with TestClient(create_app()) as test_client:
        yield test_client
    core.get_engine.cache_clear()


def _schema(name: str) -> Draft202012Validator:
    schema = json.loads((ORUK / "schemas" / f"{name}.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _assert_valid(name: str, body: dict) -> None:
    errors = sorted(_schema(name).iter_errors(body), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def _assert_page(body: dict) -> None:
    assert set(body) >= {"total_items", "total_pages", "page_number", "size", "first_page",
                         "last_page", "empty", "contents"}  # fmt: skip
    assert body["size"] == len(body["contents"]) and body["empty"] == (not body["contents"])


def test_the_schemas_accept_the_official_examples():
    """Guards the validator itself: the profile's own examples must pass."""
    for name, example in [("service_list", "service_list"), ("service", "service_full"),
                          ("service_at_location_list", "service_at_location_list")]:  # fmt: skip
        _assert_valid(name, json.loads((ORUK / "examples" / f"{example}.json").read_text()))


def test_the_schemas_reject_a_broken_service():
    broken = {"id": "not-a-uuid", "name": "x", "status": "open"}
    assert list(_schema("service").iter_errors(broken))


def test_openreferral_feed_is_valid_hsds_uk(client):
    details = client.get("/openreferral/").json()
    _assert_valid("api_details", details)
    listing = client.get("/openreferral/services", params={"per_page": 100}).json()
    _assert_page(listing)
    _assert_valid("service_list", listing)
    assert listing["total_items"] == len(listing["contents"]) > 20
    for item in listing["contents"][:15]:
        full = client.get(f"/openreferral/services/{item['id']}")
        assert full.status_code == 200
        _assert_valid("service", full.json())
    near = client.get(
        "/openreferral/service_at_locations", params={"postcode": "DB1 1AA", "proximity": 2000}
    ).json()
    _assert_page(near)
    _assert_valid("service_at_location_list", near)
    assert near["contents"]
    taxonomies = client.get("/openreferral/taxonomies").json()
    _assert_valid("taxonomy_list", taxonomies)
    terms = client.get("/openreferral/taxonomy_terms").json()
    _assert_valid("taxonomy_term_list", terms)
    assert {t["name"] for t in terms["contents"]} >= {"Employment support", "Money advice"}


def test_openreferral_search_and_paging(client):
    first = client.get("/openreferral/services", params={"per_page": 5, "page": 1}).json()
    second = client.get("/openreferral/services", params={"per_page": 5, "page": 2}).json()
    assert first["first_page"] and not second["first_page"]
    assert not {s["id"] for s in first["contents"]} & {s["id"] for s in second["contents"]}
    found = client.get("/openreferral/services", params={"text": "debt"}).json()
    assert found["contents"][0]["name"].startswith("Money and Debt Advice")
    # Everything found is money advice: by its words or by its taxonomy term.
    money = client.get(
        "/api/v1/services", params={"taxonomy_term": "Money advice", "per_page": 50}
    ).json()
    assert {s["id"] for s in found["contents"]} <= {s["id"] for s in money["results"]}
    assert (
        client.get("/openreferral/services/00000000-0000-0000-0000-000000000000").status_code == 404
    )


def test_public_data_is_open_to_any_origin_but_the_chat_gateway_is_not(client):
    origin = {"Origin": "https://another-council.example"}
    assert (
        client.get("/openreferral/services", headers=origin).headers["access-control-allow-origin"]
        == "*"
    )
    assert (
        client.get("/api/v1/courses", headers=origin).headers["access-control-allow-origin"] == "*"
    )
    gateway = client.post("/api/v1/conversations", headers=origin, json={"greet": False})
    assert "access-control-allow-origin" not in gateway.headers


def test_course_search_api(client):
    body = client.get(
        "/api/v1/courses", params={"q": "maths", "near": "db3 1aa", "radius": 5, "per_page": 3}
    ).json()
    assert body["total"] > 3 and len(body["results"]) == 3
    assert body["location"]["label"] == "DB3 1AA" and body["location"]["in_council_area"]
    assert {"level", "course_type", "delivery_mode", "free"} <= set(body["facets"])
    first = body["results"][0]
    assert first["where"] in {"local", "online", "national"} and first["free_for"]
    one = client.get(f"/api/v1/courses/{first['id']}").json()
    assert one["title"] == first["title"]


def test_vacancy_service_venue_and_postcode_apis(client):
    jobs = client.get("/api/v1/vacancies", params={"apprenticeship": True, "near": "DB1"}).json()
    assert jobs["total"] > 0 and all(j["is_apprenticeship"] for j in jobs["results"])
    security = client.get("/api/v1/vacancies", params={"q": "security officer"}).json()
    assert security["total"] > 0 and {j["minimum_age"] for j in security["results"]} == {18}
    at_16 = client.get("/api/v1/vacancies", params={"q": "security officer", "age": 16}).json()
    assert all(j["minimum_age"] in (None, 16) for j in at_16["results"])
    assert not any("security" in j["title"].lower() for j in at_16["results"])
    drivers = client.get("/api/v1/vacancies", params={"q": "driver", "per_page": 50}).json()
    assert any(j["needs_driving"] for j in drivers["results"])
    walkers = client.get(
        "/api/v1/vacancies", params={"q": "driver", "no_driving": True, "per_page": 50}
    ).json()
    assert walkers["total"] < drivers["total"]
    assert not any(j["needs_driving"] for j in walkers["results"])
    services = client.get("/api/v1/services", params={"q": "digital", "age": 30}).json()
    assert services["total"] > 0
    venues = client.get("/api/v1/venues", params={"near": "DB1 1AA", "radius": 1}).json()
    distances = [v["distance_miles"] for v in venues["results"]]
    assert distances == sorted(distances) and distances
    postcode = client.get("/api/v1/postcodes/db11aa").json()
    assert postcode["postcode"] == "DB1 1AA" and postcode["in_council_area"]
    outside = client.get("/api/v1/postcodes/DB9 1AA").json()
    assert outside["in_council_area"] is False


@pytest.mark.parametrize(
    ("url", "status", "code", "words"),
    [
        ("/api/v1/courses?near=not%20a%20postcode1", 422, "invalid_postcode", "doesn't look like"),
        (
            "/api/v1/courses?near=DB7%201AA",
            422,
            "unknown_postcode",
            "search by the name of your town",
        ),
        ("/api/v1/courses?near=DB1%209ZZ", 422, "terminated_postcode", "no longer in use"),
        ("/api/v1/postcodes/DB1%209ZZ", 404, "terminated_postcode", "no longer in use"),
        ("/api/v1/postcodes/DB7%201AA", 404, "unknown_postcode", "couldn't find"),
        ("/api/v1/postcodes/hello", 422, "invalid_postcode", "doesn't look like"),
        ("/api/v1/courses?page=1000000000", 422, "invalid_request", "page"),
        ("/api/v1/courses?radius=-5", 422, "invalid_request", "radius"),
        ("/api/v1/courses?per_page=0", 422, "invalid_request", "per_page"),
        ("/api/v1/courses?level=12", 422, "http_error", "level"),
        ("/api/v1/vacancies?min_hours=30&max_hours=10", 422, "http_error", "min_hours"),
        ("/api/v1/courses/no-such-course", 404, "not_found", "couldn't find that course"),
        ("/api/v1/vacancies/no-such-vacancy", 404, "not_found", "couldn't find that vacancy"),
        ("/api/v1/services/nope", 404, "not_found", "couldn't find that service"),
        ("/api/v1/venues/nope", 404, "not_found", "couldn't find that place"),
        ("/openreferral/services?page=0", 422, "invalid_request", "page"),
    ],
)
def test_bad_requests_get_a_clear_error(client, url, status, code, words):
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and words in error["message"]


def test_search_is_in_the_api_docs(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/courses", "/api/v1/vacancies", "/api/v1/services", "/api/v1/venues",
            "/api/v1/postcodes/{postcode}", "/openreferral/services"} <= set(paths)  # fmt: skip


def test_each_council_has_its_own_openreferral_feed_and_the_plain_one_combines_them(client):
    combined = client.get("/openreferral/services", params={"per_page": 100}).json()
    borough = client.get("/openreferral/demo/services", params={"per_page": 100}).json()
    vale = client.get("/openreferral/demo-vale/services", params={"per_page": 100}).json()
    for feed in (borough, vale):
        _assert_page(feed)
        _assert_valid("service_list", feed)
    ids = {name: {s["id"] for s in feed["contents"]} for name, feed in
           (("combined", combined), ("borough", borough), ("vale", vale))}  # fmt: skip
    assert ids["borough"] == ids["combined"]  # every demo service is Demo Borough's or shared
    assert ids["vale"] < ids["borough"] and ids["vale"]  # Demo Vale: the shared ones only
    local = sorted(ids["borough"] - ids["vale"])[0]
    assert client.get(f"/openreferral/demo/services/{local}").status_code == 200
    _assert_valid("service", client.get(f"/openreferral/demo/services/{local}").json())
    assert client.get(f"/openreferral/demo-vale/services/{local}").status_code == 404
    near = client.get("/openreferral/demo-vale/service_at_locations",
                      params={"postcode": "DB1 1AA", "proximity": 2000}).json()  # fmt: skip
    _assert_valid("service_at_location_list", near)
    assert {s["service"]["id"] for s in near["contents"]} <= ids["vale"]
    assert client.get("/openreferral/nowhere/services").status_code == 404
