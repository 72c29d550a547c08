"""Ten residents through the real gateway, Rasa and action server, on the demo council.

Each journey checks what matters to the resident: the offers and reasons they are given, what
is free for them, that only relevant questions are asked, and that results come from the
catalogue. Answers are typed the way residents type them.
"""

from __future__ import annotations

import pytest

from tests.e2e.helpers import (
    FORTY_FIVE_WITH_A_BACK_CONDITION,
    LOW_PAID_WORKER,
    PARENT_RETURNING,
    SEVENTEEN_LEFT_COLLEGE,
    Resident,
    all_text,
    assess,
    custom,
    payloads,
)

pytestmark = pytest.mark.e2e


def test_a_17_year_old_who_left_college(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages, asked = assess(resident, SEVENTEEN_LEFT_COLLEGE)
    result = custom(messages, "pathways")
    assert {o["key"] for o in result["offers"]} == {"youth_pathways", "skills_for_all"}
    assert "free_16_to_18" in {e["key"] for e in result["entitlements"]}
    assert not {"on_benefits", "gcse", "digital_confidence"} & set(asked)  # adults only
    jobs = resident.press("/find_apprenticeship")
    results = custom(jobs)
    assert results["type"] == "job_results" and results["results"]
    assert all(card["apprenticeship"] for card in results["results"])


def test_a_care_leaver_of_20(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages, _ = assess(resident, {
        "wants": "/find_course", "age": "twenty", "location": "riverside",
        "situation": "not working", "out_of_work_months": "about a year",
        "highest_level": "no qualifications", "gcse": "neither", "digital_confidence": "a bit",
        "barriers": "housing", "care_leaver": "yes", "on_benefits": "yes", "hours": "16",
        "interests": "cooking",
    })  # fmt: skip
    result = custom(messages, "pathways")
    youth = next(o for o in result["offers"] if o["key"] == "youth_pathways")
    assert any("been in care" in r for r in youth["reasons"])
    assert {"english_maths", "first_level_2", "digital_skills"} <= {
        e["key"] for e in result["entitlements"]
    }
    assert [r["key"] for r in result["referrals"]] == ["housing"]


def test_a_45_year_old_out_of_work_two_years_with_a_back_condition(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages, _ = assess(resident, FORTY_FIVE_WITH_A_BACK_CONDITION)
    working = next(
        o for o in custom(messages, "pathways")["offers"] if o["key"] == "working_futures"
    )
    assert "You have been out of work for a year or more." in working["reasons"]
    assert "You told us about your health, or that you are disabled." in working["reasons"]
    jobs = resident.press("/find_job")
    cards = custom(jobs)["results"]
    assert cards and all(card["hours"] < 30 for card in cards)  # part time, as they said


def test_a_parent_returning_after_caring(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages, _ = assess(resident, PARENT_RETURNING)
    result = custom(messages, "pathways")
    assert "working_futures" in {o["key"] for o in result["offers"]}
    assert [r["key"] for r in result["referrals"]] == ["childcare"]
    support = resident.press("/get_support")
    assert custom(support)["type"] == "service_results"


def test_a_low_paid_worker_wanting_a_better_job(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages, asked = assess(resident, LOW_PAID_WORKER)
    result = custom(messages, "pathways")
    assert "working_futures" in {o["key"] for o in result["offers"]}
    assert "free_courses_for_jobs" in {e["key"] for e in result["entitlements"]}
    assert "care_leaver" not in asked and "out_of_work_months" not in asked


def test_an_esol_learner(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    courses = resident.say("esol classes near DB2 1AA")
    results = custom(courses)
    assert results["type"] == "course_results" and results["results"]
    messages, _ = assess(resident, {
        "wants": "/find_course", "age": "35", "situation": "not working",
        "out_of_work_months": "6 months", "highest_level": "none", "gcse": "neither",
        "digital_confidence": "a bit", "barriers": "my english is not good",
        "care_leaver": "no", "on_benefits": "yes", "hours": "part time", "interests": "english",
    })  # fmt: skip
    result = custom(messages, "pathways")
    assert [r["key"] for r in result["referrals"]] == ["english_language"]
    assert "on_benefits" in {e["key"] for e in result["entitlements"]}


def test_a_graduate_changing_career(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages, asked = assess(resident, {
        "wants": "/find_course", "age": "29", "location": "DB1 1AA", "situation": "working",
        "work_security": "permanent", "highest_level": "i have a degree",
        "digital_confidence": "confident", "barriers": "no", "on_benefits": "no",
        "hours": "part time", "interests": "coding",
    })  # fmt: skip
    result = custom(messages, "pathways")
    assert [o["key"] for o in result["offers"]] == ["skills_for_all"]
    assert "gcse" not in asked  # a degree: the English and maths question changes nothing
    assert "skills_bootcamps" in {e["key"] for e in result["entitlements"]}


def test_an_employer_wanting_apprentices(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages = resident.say("we are a local business and want to take on apprentices")
    text = all_text(messages)
    assert "employer team" in text and "0113 496 0000" in text


def test_someone_in_crisis_during_the_assessment(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    resident.say("help me work out what's right for me")
    messages = resident.say("honestly i just want to kill myself")
    text = all_text(messages)
    for number in ("999", "116 123", "85258"):
        assert number in text
    assert "/request_adviser" in payloads(messages)
    # The questions stop; the resident is not asked the next one.
    assert not any((m.get("text") or "").startswith("How old are you") for m in messages)


def test_someone_who_skips_everything(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    messages, asked = assess(resident, {})
    result = custom(messages, "pathways")
    assert [o["key"] for o in result["offers"]] == ["skills_for_all"]
    assert {"free_16_to_18", "english_maths"}.isdisjoint({e["key"] for e in result["entitlements"]})
    assert len(asked) >= 10  # every question could be skipped, and was


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what does NEET mean", "not in education, employment or training"),
        ("how do i pay my council tax", "I can't help with that"),
        ("are you a robot", "computer program"),
    ],
)
def test_questions_outside_the_assessment(embedded_stack, text, expected):
    assert expected in all_text(Resident(embedded_stack.base_url).say(text))


def _booked(resident: Resident, choice: int = 0) -> tuple[list[dict], dict]:
    """Book the ``choice``-th time offered, answering the questions as a resident would."""
    offered = resident.say("can I book an appointment with an adviser?")
    times = [p for p in payloads(offered) if p.startswith("/choose_slot")]
    held = resident.press(times[choice])
    assert "I'll keep it for you for 10 minutes" in all_text(held)
    assert "first name" in all_text(held)
    assert "mobile number or email" in all_text(resident.say("my name is Jo"))
    retry = resident.say("jo at home")
    assert "07700 900123 or an email address" in all_text(retry)
    assert "Can we send messages about this appointment to jo@example.com" in all_text(
        resident.say("jo@example.com")
    )
    done = resident.press("/affirm")
    return offered, custom(done, "booking")


def test_a_young_person_books_a_youth_pathways_adviser_near_them(embedded_stack):
    import httpx

    resident = Resident(embedded_stack.base_url)
    assess(resident, SEVENTEEN_LEFT_COLLEGE)
    offered, booking = _booked(resident)
    assert "Youth Pathways adviser" in all_text(offered)
    assert booking["reference"] and booking["adviser_first_name"]
    api = httpx.Client(base_url=embedded_stack.base_url)
    stored = api.get(f"/api/v1/bookings/{booking['reference']}",
                     headers={"X-Booking-Contact": "JO@example.com"})  # fmt: skip
    assert stored.status_code == 200 and stored.json()["status"] == "confirmed"
    assert stored.json()["first_name"] == "Jo" and stored.json()["offer"] == "youth_pathways"
    calendar = api.get(booking["calendar_url"])
    assert calendar.status_code == 200 and booking["reference"] in calendar.text


def test_a_time_someone_else_is_holding_is_refused_with_fresh_times(embedded_stack):
    first, second = Resident(embedded_stack.base_url), Resident(embedded_stack.base_url)
    times = [p for p in payloads(first.say("book an appointment")) if p.startswith("/choose_sl")]
    second_times = [p for p in payloads(second.say("book an appointment"))
                    if p.startswith("/choose_sl")]  # fmt: skip
    assert times[0] == second_times[0]  # both see the same next free time
    first.press(times[0])
    refused = second.press(second_times[0])
    assert all_text(refused).startswith("Sorry, that time has just been taken.")
    fresh = [p for p in payloads(refused) if p.startswith("/choose_slot")]
    assert fresh and times[0] not in fresh
