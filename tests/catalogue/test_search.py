"""Search relevance, distance, filters and facets over the demo catalogue, on both engines."""

from __future__ import annotations

import pytest

from bot import clock
from bot.catalogue.course import funding
from bot.catalogue.course import service as courses
from bot.catalogue.imports import store
from bot.catalogue.imports.records import CourseIn, OrganisationIn
from bot.catalogue.search import place as places
from bot.catalogue.search.service import Search
from bot.catalogue.support import service as services
from bot.catalogue.vacancy import service as vacancies
from bot.council import service as council_service
from bot.demo import catalogue_data as data
from bot.demo.catalogue_data import COUNCIL_CODE
from bot.postcode.service import Place, PostcodeError

AREA = frozenset({COUNCIL_CODE})


def _place(db, near="DB3 1AA"):
    return places.resolve(near, AREA, db_session=db)


def _titles(db, outcome, n=5):
    loaded = courses.load([h.row.id for h in outcome.hits], db_session=db)
    return [loaded[h.row.id].title for h in outcome.hits[:n]]


@pytest.mark.parametrize(
    ("query", "expected_words"),
    [
        ("maths", {"maths", "mathematics", "numeracy", "multiply"}),
        ("mathamatics", {"maths", "mathematics", "numeracy", "multiply"}),  # typo
        ("sparky", {"electrical", "electrician"}),
        ("IT", {"digital", "computing", "computer", "it"}),
        ("carer", {"care"}),
        ("ESOL", {"esol", "english for speakers of other languages"}),
        ("plumbng", {"plumbing"}),
        ("forklift", {"forklift"}),
    ],
)
def test_words_residents_use_find_the_right_courses(demo_db, query, expected_words):
    outcome = courses.search(Search(text=query, per_page=5), db_session=demo_db)
    assert outcome.total > 0
    loaded = courses.load([h.row.id for h in outcome.hits], db_session=demo_db)
    for hit in outcome.hits:
        course = loaded[hit.row.id]
        text = f"{course.title} {course.description} {course.subject}".lower()
        assert any(word in text for word in expected_words), (query, course.title)


def test_a_typo_is_repaired_and_the_resident_is_told(demo_db):
    outcome = courses.search(Search(text="electrcian"), db_session=demo_db)
    assert outcome.corrections == {"electrcian": "electrician"}
    assert "We also searched for \u201celectrician\u201d." in outcome.notices
    assert "Electrical Installation Level 2" in _titles(demo_db, outcome, 10)


def test_title_matches_rank_above_description_matches(demo_db):
    outcome = courses.search(Search(text="plumbing", per_page=3), db_session=demo_db)
    assert _titles(demo_db, outcome, 1) == ["Plumbing Foundation"]


def test_distance_search_orders_local_results_and_keeps_online_ones_labelled(demo_db):
    place = _place(demo_db)
    outcome = courses.search(
        Search(text="maths", place=place, radius_miles=3, sort="distance", per_page=200),
        db_session=demo_db,
    )
    local = [h for h in outcome.hits if h.where == "local"]
    online = [h for h in outcome.hits if h.where == "online"]
    assert local and online
    distances = [h.distance for h in local]
    assert distances == sorted(distances) and max(distances) <= 3
    # Local results come first when sorting by distance; online ones follow.
    assert outcome.hits.index(online[0]) > outcome.hits.index(local[-1])
    assert all(h.distance is None for h in online)


def test_a_smaller_radius_never_finds_more(demo_db):
    place = _place(demo_db)
    wide = courses.search(Search(text="", place=place, radius_miles=10), db_session=demo_db)
    narrow = courses.search(Search(text="", place=place, radius_miles=1), db_session=demo_db)
    assert 0 < narrow.total < wide.total


def test_past_courses_and_closed_vacancies_drop_out(demo_db):
    today = clock.today()
    outcome = courses.search(Search(per_page=1000), db_session=demo_db)
    loaded = courses.load([h.row.id for h in outcome.hits], db_session=demo_db)
    assert all(
        c.flexible_start or c.start_date is None or c.start_date >= today for c in loaded.values()
    )
    runs = 7 * len(data.COURSES) + 3 * len(data.MORE_COURSES)
    assert outcome.total < runs  # the demo has runs that have already started
    jobs = vacancies.search(Search(per_page=1000), db_session=demo_db)
    loaded_jobs = vacancies.load([h.row.id for h in jobs.hits], db_session=demo_db)
    assert all(v.closing_date is None or v.closing_date >= today for v in loaded_jobs.values())
    assert jobs.total < 130 + 60 + 2 * len(data.MORE_JOBS)


def test_facets_count_what_each_choice_would_give(demo_db):
    everything = courses.search(Search(text="maths"), db_session=demo_db)
    levels = {f.value: f.count for f in everything.facets["level"]}
    assert sum(levels.values()) == everything.total
    picked = courses.search(Search(text="maths", selected={"level": {"2"}}), db_session=demo_db)
    assert picked.total == levels["2"]
    # The level facet still counts the other levels (disjunctive), so a resident can widen.
    assert {f.value: f.count for f in picked.facets["level"]} == levels
    # Other facets count only within level 2.
    assert sum(f.count for f in picked.facets["course_type"]) == levels["2"]


def test_free_for_me_follows_the_funding_rules(demo_db):
    adult_no_level_2 = funding.Profile(age=30, highest_level="1", on_benefits=False)
    search = Search(
        text="maths", where=[courses.free_for_me(adult_no_level_2, council=council_service.home())]
    )
    outcome = courses.search(search, db_session=demo_db)
    loaded = courses.load([h.row.id for h in outcome.hits], db_session=demo_db)
    assert outcome.total > 0
    assert {c.course_type for c in loaded.values()} <= {"essential_skills", "multiply"} | {
        c.course_type for c in loaded.values() if c.cost_pence == 0
    }
    graduate = funding.Profile(age=30, highest_level="6", on_benefits=False)
    fewer = courses.search(
        Search(text="maths", where=[courses.free_for_me(graduate, council=council_service.home())]),
        db_session=demo_db,
    )
    assert fewer.total < outcome.total


def test_vacancy_filters(demo_db):
    place = _place(demo_db, "DB1 1AA")
    search = Search(text="care", place=place, selected={"contract_type": {"apprenticeship"}})
    outcome = vacancies.search(search, db_session=demo_db)
    loaded = vacancies.load([h.row.id for h in outcome.hits], db_session=demo_db)
    assert outcome.total > 0
    assert all(v.contract_type == "apprenticeship" for v in loaded.values())
    confident = vacancies.search(
        Search(selected={"disability_confident": {"yes"}}), db_session=demo_db
    )
    part_time = vacancies.search(
        Search(where=[vacancies.hours_between(None, 20)], per_page=100), db_session=demo_db
    )
    assert confident.total > 0 and part_time.total > 0
    assert all(h.row.hours_per_week <= 20 for h in part_time.hits)


def test_services_by_age_and_place(demo_db):
    place = _place(demo_db, "DB2 1AA")
    young = services.search(
        Search(text="pathways", place=place, where=[services.for_age(19)]), db_session=demo_db
    )
    too_old = services.search(
        Search(text="pathways", place=place, where=[services.for_age(40)]), db_session=demo_db
    )
    assert young.total > 0 and too_old.total == 0
    nearest = young.hits[0]
    assert nearest.where == "local" and nearest.distance is not None


def test_outside_the_area_still_searches_and_says_so(demo_db):
    outside = _place(demo_db, "DB9 1AA")
    assert not outside.in_area
    outcome = courses.search(
        Search(text="maths", place=outside, radius_miles=20),
        db_session=demo_db,
        area_name="Demo Borough",
    )
    assert outcome.total > 0
    assert any("outside Demo Borough" in n for n in outcome.notices)


def test_some_of_the_words_only_when_the_others_could_be_found_too(demo_db):
    """Records with only some of the words are shown when no record has them all, but only if
    every word left out is one the catalogue uses (or no word at all): a real word it never
    uses ("zebra", "cyber") is what was asked for, and nothing else answers it."""
    some = courses.search(Search(text="plumbing electrician"), db_session=demo_db)
    assert some.total > 0 and any("some of them" in n for n in some.notices)
    assert courses.search(Search(text="plumbing asdfgh"), db_session=demo_db).total > 0
    zebra = courses.search(Search(text="plumbing zebra"), db_session=demo_db)
    assert (zebra.total, zebra.relevant, zebra.suggestions) == (0, False, ["plumbing"])


def test_pages_do_not_overlap(demo_db):
    first = courses.search(Search(text="skills", page=1, per_page=5), db_session=demo_db)
    second = courses.search(Search(text="skills", page=2, per_page=5), db_session=demo_db)
    assert first.total == second.total > 10
    assert not {h.row.id for h in first.hits} & {h.row.id for h in second.hits}


@pytest.mark.parametrize(
    ("near", "code"),
    [
        ("DB1 9ZZ", "terminated_postcode"),
        ("DB7 1AA", "unknown_postcode"),
        ("12345", "invalid_postcode"),
        ("Atlantis", "unknown_place"),
    ],
)
def test_places_we_cannot_use_say_why(demo_db, near, code):
    with pytest.raises(PostcodeError) as caught:
        _place(demo_db, near)
    assert caught.value.code == code


def test_towns_and_districts_are_places_too(demo_db):
    town = _place(demo_db, "riverside")
    district = _place(demo_db, "DB3")
    assert town.in_area and district.in_area
    assert abs(town.lat - district.lat) < 0.05


@pytest.mark.parametrize("sort", ["relevance", "distance", "start_date"])
def test_paging_shows_every_local_and_online_result_once_in_order(demo_db, sort):
    """Local results and the cached online/national part merge into one ordered list."""
    place = _place(demo_db)
    seen, keys, wheres, page = [], [], set(), 1
    while True:
        outcome = courses.search(
            Search(text="skills", place=place, sort=sort, page=page, per_page=7),
            db_session=demo_db,
        )
        if not outcome.hits:
            break
        seen += [h.row.id for h in outcome.hits]
        wheres |= {h.where for h in outcome.hits}
        if sort == "distance":
            keys += [h.distance if h.distance is not None else float("inf") for h in outcome.hits]
        elif sort == "relevance":
            keys += [-round(h.score, 6) for h in outcome.hits]
        page += 1
    assert wheres == {"local", "online"}
    assert len(seen) == len(set(seen)) == outcome.total > 7
    assert keys == sorted(keys)
    by_mode = sum(f.count for f in outcome.facets["delivery_mode"])
    assert by_mode == outcome.total


def test_new_records_are_found_straight_after_an_import(db):
    """The online part of searches is cached; an import must never leave it stale."""

    def online_course(source_id: str, title: str) -> CourseIn:
        return CourseIn(
            source_id=source_id, title=title, description="Learn at home.", subject="Welding",
            level="2", course_type="other", delivery_mode="online", national=True,
            start_date=None, flexible_start=True, cost_pence=0,
            provider=OrganisationIn("p1", "Provider One"),
        )  # fmt: skip

    place = Place("Test", 53.8, -1.55, True, "postcode")
    store.courses(db, "test", [online_course("a", "Welding theory online")])
    first = courses.search(Search(text="welding", place=place), db_session=db)
    assert first.total == 1 and first.hits[0].where == "online"
    store.courses(db, "test", [online_course("b", "Welding safety online")])
    second = courses.search(Search(text="welding", place=place), db_session=db)
    assert second.total == 2
