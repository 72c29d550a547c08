"""The appointments API as the widget and partner systems use it, on a copy of the demo data."""

from __future__ import annotations

import icalendar
import pytest
from fastapi.testclient import TestClient

from bot.config import get_settings


@pytest.fixture
def client(monkeypatch, demo_copy, pinned_clock):
    """The API on a copy of the demo data, with the clock stopped: the free times a test lists
    are still the free times when it books (no slot passes its notice period in between)."""
    monkeypatch.setenv("DATABASE_URL", demo_copy)
    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:9")
    get_settings.cache_clear()
    from bot.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def _slots(client, **params) -> list[dict]:
    response = client.get("/api/v1/slots", params={"offer": "youth_pathways", **params})
    assert response.status_code == 200, response.text
    return response.json()["slots"]


def _book(client, offered: dict, key: str | None = None, **change):
    body = {"offer": offered["offer"], "slot": offered["id"], "channel": offered["channels"][0],
            "first_name": "Sam", "contact": "07700 900123", "consent": True, **change}  # fmt: skip
    headers = {"Idempotency-Key": key} if key else {}
    return client.post("/api/v1/bookings", json=body, headers=headers)


def test_slots_come_with_labels_places_and_distances(client):
    slots = _slots(client, near="DB2 1AA", limit=50)
    assert 0 < len(slots) <= 50
    first = slots[0]
    assert first["label"].count(",") >= 2 and first["id"].startswith("youth_pathways.")
    in_person = next(s for s in slots if s["venue"])
    assert in_person["venue_id"] and in_person["address"] and in_person["distance_miles"] >= 0
    venue = _slots(client, venue=in_person["venue_id"])
    assert venue and {s["venue"] for s in venue} == {in_person["venue"]}
    assert all("video" in s["channels"] for s in _slots(client, channel="video"))
    for params, code in [({"offer": "astronauts"}, "unknown_offer"),
                         ({"channel": "pigeon"}, "unknown_channel"),
                         ({"venue": "no-such-venue"}, "unknown_venue")]:  # fmt: skip
        response = client.get("/api/v1/slots", params={"offer": "youth_pathways", **params})
        assert response.json()["error"]["code"] == code


def _made(demo_copy) -> int:
    """Appointments the insight has counted."""
    from sqlalchemy import func, select

    from bot.database.core import make_engine, session_factory, session_scope
    from bot.insight.models import InsightEvent

    engine = make_engine(demo_copy)
    with session_scope(session_factory(engine)) as db:
        made = db.execute(select(func.count()).where(InsightEvent.kind == "booking_made")).scalar()
    engine.dispose()
    return made


def test_book_retry_with_the_same_key_and_a_taken_time(client, demo_copy):
    slot = _slots(client)[0]
    first = _book(client, slot, key="req-42")
    assert first.status_code == 201 and first.headers["cache-control"] == "no-store"
    booking = first.json()
    assert booking["status"] == "confirmed" and booking["first_name"] == "Sam"
    assert len(booking["reference"]) == 7 and booking["adviser_first_name"]
    assert _book(client, slot, key="req-42").json()["reference"] == booking["reference"]
    assert _made(demo_copy) == 1  # the retry is the same appointment, counted once
    taken = _book(client, slot, contact="jo@example.com")
    assert taken.status_code == 409
    error = taken.json()["error"]
    assert error["code"] == "slot_taken" and "just been taken" in error["message"]
    assert error["slots"] and slot["id"] not in {s["id"] for s in error["slots"]}
    assert slot["id"] not in {s["id"] for s in _slots(client)}


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        ({"contact": "my mum's phone"}, "invalid_contact", "07700 900123"),
        ({"consent": False}, "consent_needed", "agree"),
        ({"slot": "youth_pathways.20991301T0930Z.remote"}, "unknown_slot", "one of the times"),
        ({"offer": "working_futures"}, "unknown_slot", "one of the times"),
    ],
)
def test_bad_bookings_are_refused_politely_and_book_nothing(client, change, code, words):
    slot = _slots(client)[0]
    response = _book(client, slot, **change)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code and words in response.json()["error"]["message"]
    assert slot["id"] in {s["id"] for s in _slots(client)}


def test_a_wrong_reference_and_a_wrong_contact_get_the_same_answer(client):
    booking = _book(client, _slots(client)[0]).json()
    wrong_contact = client.get(f"/api/v1/bookings/{booking['reference']}",
                               headers={"X-Booking-Contact": "07700 900999"})  # fmt: skip
    wrong_reference = client.get("/api/v1/bookings/ZZZ-ZZZ",
                                 headers={"X-Booking-Contact": "07700 900123"})  # fmt: skip
    assert wrong_contact.status_code == wrong_reference.status_code == 404
    assert wrong_contact.json() == wrong_reference.json()
    right = client.get(f"/api/v1/bookings/{booking['reference'].lower()}",
                       headers={"X-Booking-Contact": "+44 7700 900123"})  # fmt: skip
    assert right.status_code == 200 and right.json()["reference"] == booking["reference"]


def _when(label: str) -> str:
    """ "Monday 7 December, 10:30" of "Monday 7 December, 10:30, by phone or video"."""
    return label.rsplit(", ", 1)[0]


def test_reschedule_then_cancel_with_the_calendar_file_following(client):
    first = _slots(client)[0]
    booking = _book(client, first).json()
    # A later time that can be held the way this one was booked (which advisers are free, and
    # so how a time can be held, depends on the day of the week).
    third = _slots(client, channel=booking["channel"])[2]
    reference, url = booking["reference"], booking["calendar_url"]
    event = _event(client.get(url))
    assert str(event["uid"]) == f"{reference}@demo.worklocal" and event["sequence"] == 0
    assert event["dtstart"].dt.isoformat() == booking["starts_at"]
    moved = client.patch(f"/api/v1/bookings/{reference}",
                         json={"contact": "07700900123", "slot": third["id"]})  # fmt: skip
    assert moved.status_code == 200, moved.text
    assert moved.json()["starts_at"] == third["starts_at"]
    assert _when(moved.json()["label"]) == _when(third["label"])
    assert (moved.json()["reference"], moved.json()["channel"]) == (reference, booking["channel"])
    event = _event(client.get(url))
    assert str(event["uid"]) == f"{reference}@demo.worklocal" and event["sequence"] == 1
    assert first["id"] in {s["id"] for s in _slots(client)}
    gone = client.delete(
        f"/api/v1/bookings/{reference}", headers={"X-Booking-Contact": "07700900123"}
    )
    assert gone.status_code == 200 and gone.json()["status"] == "cancelled"
    calendar = icalendar.Calendar.from_ical(client.get(url).content)
    assert calendar["method"] == "CANCEL"
    event = calendar.walk("VEVENT")[0]
    assert event["status"] == "CANCELLED" and event["sequence"] == 2
    again = client.delete(
        f"/api/v1/bookings/{reference}", headers={"X-Booking-Contact": "07700900123"}
    )
    assert again.status_code == 200  # cancelling twice is harmless
    assert (
        client.patch(
            f"/api/v1/bookings/{reference}", json={"contact": "07700900123", "slot": third["id"]}
        ).status_code
        == 404
    )


def test_the_calendar_file_needs_the_token_or_the_contact(client):
    booking = _book(client, _slots(client)[0]).json()
    reference = booking["reference"]
    assert client.get(f"/api/v1/bookings/{reference}.ics?token=guess").status_code == 404
    assert client.get(f"/api/v1/bookings/{reference}.ics").status_code == 404
    by_contact = client.get(f"/api/v1/bookings/{reference}.ics",
                            headers={"X-Booking-Contact": "07700 900123"})  # fmt: skip
    assert by_contact.status_code == 200
    assert by_contact.headers["content-type"].startswith("text/calendar")
    assert f'filename="appointment-{reference}.ics"' in by_contact.headers["content-disposition"]


def _event(response):
    assert response.status_code == 200, response.text
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]


def test_one_contact_cannot_book_a_second_time_for_the_same_thing(client):
    first, second = _slots(client)[:2]
    assert _book(client, first).status_code == 201
    again = _book(client, second)  # same contact, same offer
    assert again.status_code == 409
    error = again.json()["error"]
    assert error["code"] == "already_booked" and "reference on its confirmation" in error["message"]
    assert first["label"] not in error["message"]  # says that one exists, never when
    assert second["id"] in {s["id"] for s in _slots(client)}  # the new time was let go
    assert _book(client, second, contact="sam@example.com").status_code == 201  # another person
    careers = _slots(client, offer="skills_for_all")[0]
    assert _book(client, careers).status_code == 201  # the same person, another service


def test_looking_bookings_up_and_booking_are_limited_per_network_address(monkeypatch, demo_copy):
    monkeypatch.setenv("DATABASE_URL", demo_copy)
    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("BOOKING_LOOKUPS_PER_HOUR", "3")
    monkeypatch.setenv("BOOKINGS_PER_HOUR", "2")
    get_settings.cache_clear()
    from bot.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as client:
        contact = {"X-Booking-Contact": "07700 900123"}
        for reference in ("AAA-AAA", "AAA-AAB", "AAA-AAC"):  # trying references one by one
            assert client.get(f"/api/v1/bookings/{reference}", headers=contact).status_code == 404
        refused = client.delete("/api/v1/bookings/AAA-AAD", headers=contact)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
        assert refused.json()["error"]["code"] == "rate_limited"
        assert "0113 496 0000" in refused.json()["error"]["message"]

        slots = _slots(client)
        assert _book(client, slots[0]).status_code == 201
        assert _book(client, slots[1], contact="jo@example.com").status_code == 201
        third = _book(client, slots[2], contact="al@example.com")
        assert third.status_code == 429
        assert slots[2]["id"] in {s["id"] for s in _slots(client)}  # nothing was held
