"""The personal plan: built from routing and catalogue, opened by link, found by reference."""

from __future__ import annotations

import asyncio
import re

import pytest
from fastapi.testclient import TestClient
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.plan import ActionShowPlan
from bot.config import get_settings
from bot.database import core
from bot.main import create_app
from bot.plan import service as plans
from tests.actions.conftest import make_tracker

SLOTS = {
    "wants": "job", "age": 20, "location": "DB2 1AA", "situation": "out_of_work",
    "out_of_work_months": 14, "highest_level": "1", "gcse": {"english": False, "maths": False},
    "digital_confidence": "basic", "barriers": ["housing"], "care_leaver": True,
    "on_benefits": True, "hours": 37, "interests": "care",
}  # fmt: skip


@pytest.fixture
def on_demo(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    get_settings.cache_clear()
    core.get_engine.cache_clear()
    common._sessions.cache_clear()
    yield demo_url
    common._sessions.cache_clear()


def _make_plan() -> dict:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=SLOTS, sender_id="plan-test")
    assert asyncio.run(ActionShowPlan().run(dispatcher, tracker, {})) == []
    [message] = dispatcher.messages
    return message


def test_the_plan_holds_offers_entitlements_and_catalogue_matches(on_demo):
    message = _make_plan()
    plan = message["custom"]
    assert plan["type"] == "plan"
    assert re.fullmatch(r"[2346789A-HJ-NP-RT-Z]{3}-[2346789A-HJ-NP-RT-Z]{3}", plan["reference"])
    assert plan["reference"] in message["text"] and plan["link"] in message["text"]
    assert {o["key"] for o in plan["offers"]} == {
        "youth_pathways", "working_futures", "skills_for_all"
    }  # fmt: skip
    assert 1 <= len(plan["courses"]) <= 5 and 1 <= len(plan["jobs"]) <= 5
    assert plan["services"], "a housing referral brings housing services"
    # both programmes: an adviser from either, not "a Youth Pathways and Working Futures adviser"
    assert any(
        s.startswith("Book a time with an adviser from Youth Pathways or Working Futures.")
        for s in plan["next_steps"]
    )
    assert "/book_appointment" in [b["payload"] for b in message["buttons"]]


def test_english_as_a_barrier_brings_english_classes_into_the_plan_once(on_demo):
    slots = {**SLOTS, "age": 36, "care_leaver": False, "interests": "esol",
             "barriers": ["english_language", "literacy"]}  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=slots, sender_id="plan-esol")
    asyncio.run(ActionShowPlan().run(dispatcher, tracker, {}))
    plan = dispatcher.messages[0]["custom"]
    ids = [c["id"] for c in plan["courses"]]
    assert ids and len(ids) == len(set(ids)), ids  # found twice (interest, barrier), shown once
    assert any("ESOL" in c["title"] or "English" in c["title"] for c in plan["courses"][:2])
    assert "English classes (ESOL): see the courses in this plan." in plan["next_steps"]


def test_the_plan_page_opens_by_link_prints_and_is_private(on_demo):
    plan = _make_plan()["custom"]
    with TestClient(create_app()) as client:
        page = client.get(plan["link"])
        assert page.status_code == 200
        assert plan["reference"] in page.text and "Print this plan" in page.text
        assert 'lang="en-GB"' in page.text
        assert page.headers["cache-control"] == "no-store"
        assert plan["courses"][0]["title"] in page.text
        assert 'data-autoprint="false"' in page.text  # prints only when asked
        printing = client.get(plan["link"] + "?print=1")  # the widget's "Print my plan"
        assert 'data-autoprint="true"' in printing.text
        assert "<script>" not in printing.text and "onclick" not in printing.text  # CSP: none
        script = client.get("/widget/plan.js")
        assert "data-autoprint" in script.text and "print-plan" in script.text
        # The widget prints through a hidden frame on the council's own site.
        assert "frame-ancestors 'self'" in printing.headers["content-security-policy"]
        as_json = client.get("/api/v1" + plan["link"])
        assert as_json.json()["reference"] == plan["reference"]
        assert as_json.headers["cache-control"] == "no-store"
        missing = client.get("/plans/not-a-real-token")
        assert missing.status_code == 404 and "Plan not found" in missing.text
        assert client.get("/api/v1/plans/nope").json()["error"]["message"]


def test_an_adviser_finds_the_plan_by_the_reference_read_out(on_demo):
    reference = _make_plan()["custom"]["reference"]
    with core.session_scope(core.session_factory()) as db:
        spoken = reference.lower().replace("-", " ")
        assert plans.get_by_reference(spoken, db_session=db).reference == reference
        assert plans.get_by_reference("ABCD", db_session=db) is None


def test_references_avoid_characters_that_are_misheard():
    codes = {plans.new_reference() for _ in range(2000)}
    # Random draws from 29**6 codes: a clash among 2,000 happens by chance about once in 300
    # runs (the database's unique key catches it), so only many clashes mean a broken draw.
    assert len(codes) >= 1990
    assert not set("".join(codes)) & set("01IOL5S")


def test_a_resident_has_one_reference_for_plan_case_and_appointment(on_demo):
    """Told once: the plan's reference is the case's and the appointment's, and a plan made
    again keeps its reference and link."""
    from actions import booking as booking_actions
    from actions.handoff import case_reference

    first = _make_plan()["custom"]
    tracker = make_tracker(slots=SLOTS, sender_id="plan-test")
    assert case_reference(tracker, "asked") == first["reference"]
    dispatcher = CollectingDispatcher()
    offered = asyncio.run(booking_actions.ActionOfferSlots().run(dispatcher, tracker, {}))
    chosen = offered[0]["value"]["choices"][0]["id"]
    hold = make_tracker(
        slots={**SLOTS, "booking_offered": offered[0]["value"]},
        sender_id="plan-test",
        entities=[{"entity": "slot_id", "value": chosen}],
    )
    asyncio.run(booking_actions.ActionHoldSlot().run(dispatcher, hold, {}))
    from bot.booking.models import Booking

    with common.database() as db:
        assert db.query(Booking.reference).scalar() == first["reference"]
    again = _make_plan()["custom"]
    assert (again["reference"], again["link"]) == (first["reference"], first["link"])


def test_a_plan_asked_for_first_thing_asks_about_them_instead_of_padding(on_demo):
    """ "show me my plan" as the first message gave a plan of hairdressing, CSCS and cleaning."""
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionShowPlan().run(dispatcher, make_tracker(sender_id="plan-empty"), {}))
    [message] = dispatcher.messages
    assert message["text"].startswith("I don't know anything about you yet")
    assert not message["custom"]
    # Knowing only their age, the plan holds no courses or jobs picked at random
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"age": 30}, sender_id="plan-age")
    asyncio.run(ActionShowPlan().run(dispatcher, tracker, {}))
    plan = dispatcher.messages[0]["custom"]
    assert plan["type"] == "plan" and plan["courses"] == [] and plan["jobs"] == []
    # Every question skipped: the plan is theirs (an adviser's next step), not the questions
    dispatcher = CollectingDispatcher()
    skipped = make_tracker(slots={"wants": "skipped", "age": "skipped"},
                           sender_id="plan-skipped")  # fmt: skip
    asyncio.run(ActionShowPlan().run(dispatcher, skipped, {}))
    assert dispatcher.messages[0]["custom"]["type"] == "plan"


def test_what_is_arranged_leads_the_plan_instead_of_booking_again(on_demo):
    """The plan told a resident who had just booked to "Book a time with an adviser", with a
    button to book a second appointment; a call back they had asked for was not in it."""
    from actions.handoff import case_reference
    from bot.booking import flows as booking_flows
    from bot.booking import service as bookings
    from bot.clock import utcnow
    from bot.council import service as council_service
    from bot.handoff.models import Case

    home = council_service.home()
    with common.database() as db:
        first = bookings.find_slots(db_session=db, council=home, offer="youth_pathways")[0]
        booking_flows.book(db_session=db, council=home, slot=first.id, channel=first.channels[0],
                           first_name="Ola", contact_text="07700900321",
                           conversation_id="plan-test")  # fmt: skip
    message = _make_plan()
    steps = message["custom"]["next_steps"]
    assert steps[0].startswith("Go to your appointment on ")
    assert not any(s.startswith("Book a time") for s in steps)
    assert "/book_appointment" not in [b["payload"] for b in message["buttons"]]
    # a call back asked for is promised in the plan too, by the time they were told
    tracker = make_tracker(slots=SLOTS, sender_id="plan-test")
    reference = case_reference(tracker, "asked")
    with common.database() as db:
        case = db.query(Case).filter(Case.reference == reference).one()
        case.status, case.contact = "callback", {"how": "phone", "value": "07700900321"}
        case.callback_by = utcnow()
    steps = _make_plan()["custom"]["next_steps"]
    assert steps[1].startswith("An adviser will call you by ")


def test_a_plan_from_another_day_is_found_by_its_link_or_an_adviser_not_made_again(on_demo):
    """ "i did the questions yesterday and got a plan, can i see it again" started the questions
    again, and "my reference is 7BW-ZWH" was not understood."""
    from actions.fallback import ActionTwoStageFallbackOffer

    dispatcher = CollectingDispatcher()
    asked = make_tracker(text="can i see my plan again, i lost the link", sender_id="plan-back")
    asyncio.run(ActionShowPlan().run(dispatcher, asked, {}))
    [message] = dispatcher.messages
    assert message["text"].startswith("Your plan is kept at the link I gave you")
    assert [b["payload"] for b in message["buttons"]] == ["/request_adviser", "/career_advice"]
    dispatcher = CollectingDispatcher()
    typed = make_tracker(text="my reference is 7BW-ZWH", intent="nlu_fallback",
                         sender_id="plan-back")  # fmt: skip
    asyncio.run(ActionTwoStageFallbackOffer().run(dispatcher, typed, {}))
    [message] = dispatcher.messages
    assert message["text"].startswith("Thanks. If that's your plan's reference")
    assert "/cancel_appointment" in [b["payload"] for b in message["buttons"]]
    assert not message["custom"]  # nothing of anyone's plan is shown for a reference alone
