"""Pathway routing against a table of residents, and the checks on the rules files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.council.models import Council
from bot.pathways import config
from bot.pathways.conditions import holds, may_hold
from bot.pathways.models import Answers
from bot.pathways.service import free_course_types, route

RULES = config.named("england-2026-27")
YP, WF, SFA = "youth_pathways", "working_futures", "skills_for_all"

CASES = [
    # (who, answers, offers, entitlements that must be there, entitlements that must not)
    (
        "17-year-old who left college",
        Answers(age=17, situation="out_of_work", highest_level="1"),
        {YP, SFA},
        {"free_16_to_18"},
        {"free_courses_for_jobs", "english_maths"},
    ),
    (
        "care leaver of 20 in education",
        Answers(age=20, situation="in_education", care_leaver=True, highest_level="1"),
        {YP, SFA},
        {"first_level_2", "first_level_3", "free_courses_for_jobs"},
        {"free_16_to_18"},
    ),
    (
        "45, out of work two years, back condition",
        Answers(age=45, situation="out_of_work", out_of_work_months=24, barriers={"health"},
                highest_level="2", gcse_english=True, gcse_maths=True),
        {WF, SFA},
        {"free_courses_for_jobs"},
        {"first_level_2", "english_maths"},
    ),
    (
        "parent returning after caring",
        Answers(age=38, situation="caring", barriers={"childcare"}, highest_level="3"),
        {WF, SFA},
        set(),
        {"free_courses_for_jobs"},
    ),
    (
        "low-paid worker wanting a better job",
        Answers(age=30, situation="in_work", work_security="low_paid", highest_level="3"),
        {WF, SFA},
        {"free_courses_for_jobs"},
        set(),
    ),
    (
        "ESOL learner on Universal Credit",
        Answers(age=35, situation="out_of_work", out_of_work_months=3, on_benefits=True,
                barriers={"english_language"}),
        {SFA},
        {"on_benefits", "free_courses_for_jobs"},
        set(),
    ),
    (
        "graduate changing career",
        Answers(age=29, situation="in_work", work_security="secure", highest_level="6",
                gcse_english=True, gcse_maths=True, digital_confidence="confident"),
        {SFA},
        {"skills_bootcamps"},
        {"free_courses_for_jobs", "english_maths", "digital_skills", "first_level_3"},
    ),
    (
        "someone who skips everything",
        Answers(),
        {SFA},
        {"apprenticeships"},
        {"free_16_to_18", "english_maths", "skills_bootcamps"},
    ),
    (
        "24-year-old on zero hours",
        Answers(age=24, situation="in_work", work_security="insecure"),
        {YP, WF, SFA},
        set(),
        set(),
    ),
    (
        "25-year-old care leaver",
        Answers(age=25, situation="in_work", work_security="secure", care_leaver=True),
        {YP, SFA},
        set(),
        set(),
    ),
    (
        "26-year-old care leaver: Youth Pathways has ended",
        Answers(age=26, situation="in_work", work_security="secure", care_leaver=True),
        {SFA},
        set(),
        set(),
    ),
    (
        "50, no maths GCSE, new to computers",
        Answers(age=50, situation="in_work", work_security="secure", gcse_maths=False,
                digital_confidence="none"),
        {SFA},
        {"english_maths", "digital_skills"},
        set(),
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("who", "answers", "offers", "has", "has_not"), CASES, ids=[c[0] for c in CASES]
)
def test_routing_table(who, answers, offers, has, has_not):
    routing = route(answers, RULES)
    assert {o.key for o in routing.offers} == offers, who
    got = {e.key for e in routing.entitlements}
    assert has <= got, (who, got)
    assert not has_not & got, (who, got)
    for match in [*routing.offers, *routing.entitlements]:
        assert match.reasons and all(r and "{" not in r for r in match.reasons)


def test_reasons_say_why_in_the_residents_own_terms():
    routing = route(Answers(age=19, situation="out_of_work"), RULES)
    youth = next(o for o in routing.offers if o.key == YP)
    assert youth.reasons == ["You are 19 and not in work, education or training at the moment."]
    assert youth.guarantees  # what the offer promises, shown in the plan


def test_several_reasons_for_one_offer_are_all_given():
    answers = Answers(age=45, situation="out_of_work", out_of_work_months=30,
                      barriers={"health", "housing"})  # fmt: skip
    working = next(o for o in route(answers, RULES).offers if o.key == WF)
    assert len(working.reasons) == 3


def test_under_16_gets_a_kind_signpost_and_nothing_else():
    routing = route(Answers(age=15), RULES)
    assert routing.too_young and "school" in routing.too_young
    assert not routing.offers and not routing.entitlements


def test_barriers_bring_specialist_referrals():
    answers = Answers(age=33, barriers={"mental_health", "money", "housing", "transport"})
    assert {r.key for r in route(answers, RULES).referrals} == {
        "mental_health", "money", "housing", "transport",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "free"),
    [
        (Answers(age=17), None),  # everything is free at 16 to 18
        (Answers(age=30, highest_level="1"), {"essential_skills", "multiply",
                                              "free_courses_for_jobs", "skills_bootcamp"}),
        (Answers(), {"apprenticeship"}),
    ],
)  # fmt: skip
def test_free_course_types_come_from_the_same_entitlements(answers, free):
    types = free_course_types(answers, RULES)
    if free is None:
        assert types is None
    else:
        assert types is not None and free <= types | {"apprenticeship"}
        assert "esol" not in types


@pytest.mark.parametrize(
    ("condition", "answers", "result"),
    [
        ({}, Answers(), True),
        ({"age": {"min": 19}}, Answers(), False),  # unknown never satisfies
        ({"age": {"min": 19}}, Answers(age=19), True),
        ({"barriers": ["housing", "money"]}, Answers(barriers={"money"}), True),
        ({"barriers": ["housing"]}, Answers(barriers={"money"}), False),
        ({"highest_level": {"below": "2"}}, Answers(highest_level="E3"), True),
        ({"highest_level": {"below": "2"}}, Answers(highest_level="2"), False),
        ({"highest_level": {"at_least": "3"}}, Answers(highest_level="6"), True),
        ({"not": {"situation": ["in_work"]}}, Answers(situation="caring"), True),
        ({"any": [{"gcse_maths": False}, {"gcse_english": False}]}, Answers(gcse_maths=True),
         False),
    ],
)  # fmt: skip
def test_the_condition_language(condition, answers, result):
    assert holds(condition, answers) is result


@pytest.mark.parametrize(
    ("condition", "answers", "result"),
    [
        ({"age": {"min": 19}}, Answers(), True),  # could hold once we know the age
        ({"age": {"min": 19}}, Answers(age=17), False),
        ({"age": {"min": 19}, "on_benefits": True}, Answers(age=30), True),
        ({"age": {"min": 19}, "on_benefits": True}, Answers(age=30, on_benefits=False), False),
        ({"any": [{"gcse_maths": False}, {"highest_level": {"below": "2"}}]},
         Answers(gcse_maths=True), True),
        ({"any": [{"gcse_maths": False}, {"highest_level": {"below": "2"}}]},
         Answers(gcse_maths=True, highest_level="3"), False),
        ({"not": {"situation": ["in_work"]}}, Answers(), True),
        ({"not": {"situation": ["in_work"]}}, Answers(situation="in_work"), False),
    ],
)  # fmt: skip
def test_what_could_still_hold_once_the_resident_tells_us_more(condition, answers, result):
    assert may_hold(condition, answers) is result


def test_possibly_free_types_grow_only_with_unknown_answers():
    nothing_known = free_course_types(Answers(), RULES, possibly=True)
    assert free_course_types(Answers(), RULES) == {"apprenticeship"}  # free for everyone
    # Not None: "free for 16 to 18" would make every course possibly free.
    assert nothing_known is not None and "essential_skills" in nothing_known
    assert free_course_types(Answers(age=17), RULES, possibly=True) is None
    adult = Answers(age=40, highest_level="6", on_benefits=False, digital_confidence="confident",
                    gcse_english=True, gcse_maths=True, situation="in_work",
                    work_security="secure")  # fmt: skip
    assert free_course_types(adult, RULES, possibly=True) == free_course_types(adult, RULES)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("age: {min: 16, max: 24}", "agee: {min: 16, max: 24}"), "unknown answer 'agee'"),
        (('highest_level: {below: "2"}', 'highest_level: {below: "9"}'), "unknown qualification"),
        (("- barrier: transport", "- barrier: weather"), "unknown barrier"),
        (("valid_to: 2027-07-31", "valid_to: 2025-07-31"), "valid_to is before valid_from"),
        (("offers:", "offerz:"), "offers"),
    ],
)  # fmt: skip
def test_broken_rules_files_are_refused_with_the_reason(tmp_path: Path, change, message):
    text = (config.RULES_DIR / "england-2026-27.yml").read_text()
    assert change[0] in text
    path = tmp_path / "broken.yml"
    path.write_text(text.replace(change[0], change[1], 1))
    with pytest.raises(config.RulesError, match=message):
        config.load(path)


def test_the_rules_in_force_follow_the_date(monkeypatch, tmp_path: Path):
    text = (config.RULES_DIR / "england-2026-27.yml").read_text()
    (tmp_path / "england-2026-27.yml").write_text(text)
    (tmp_path / "england-2027-28.yml").write_text(
        text.replace("name: england-2026-27", "name: england-2027-28")
        .replace("valid_from: 2026-08-01", "valid_from: 2027-08-01")
        .replace("valid_to: 2027-07-31", "valid_to: 2028-07-31")
    )
    monkeypatch.setattr(config, "RULES_DIR", tmp_path)
    council = Council(
        slug="test", name="T", area_name="T", phone="1", email="e@example.org",
        emergency_housing_phone="2", routing_rules=["england-2026-27", "england-2027-28"],
    )  # fmt: skip
    assert config.in_force(council, date(2027, 7, 31)).name == "england-2026-27"
    assert config.in_force(council, date(2027, 8, 1)).name == "england-2027-28"
    assert config.in_force(council, date(2030, 1, 1)).name == "england-2027-28"
