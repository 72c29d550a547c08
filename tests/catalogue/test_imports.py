"""Every import format, on both databases: what lands, what is refused, and that re-imports
update in place while a bad file writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.catalogue.course.models import Course
from bot.catalogue.imports import flows
from bot.catalogue.support.models import SupportService
from bot.catalogue.vacancy.models import Vacancy
from bot.catalogue.venue.models import Venue
from bot.postcode.models import Postcode
from tests.catalogue.conftest import IMPORTS, ORUK


def _import(db, kind, name, **kwargs):
    path = ORUK / "examples" / name if kind == "oruk" else IMPORTS / name
    report = flows.run(kind, path, db_session=db, **{"council_slug": "demo", **kwargs})
    if report.ok:
        db.commit()
    else:
        db.rollback()
    return report


def _count(db, model) -> int:
    return db.execute(select(func.count()).select_from(model)).scalar_one()


def test_postcodes_import_keeps_terminated_ones_marked(db):
    report = _import(db, "postcodes", "postcodes.csv")
    assert (report.added, report.updated, report.rejected) == (5, 0, [])
    ended = db.get(Postcode, "TS1 1AD")
    assert ended.terminated and ended.terminated_on == "201905"
    assert db.get(Postcode, "YO1 1AA").la_code == "E06000014"
    again = _import(db, "postcodes", "postcodes.csv")
    assert (again.added, again.updated) == (0, 5)


def test_postcode_file_with_bad_rows_writes_nothing_and_names_the_lines(db):
    report = _import(db, "postcodes", "postcodes_broken.csv")
    assert not report.ok
    assert [(p.line, p.reason) for p in report.rejected] == [
        (3, "postcode \u201cNOT A POSTCODE\u201d is not a UK postcode"),
        (4, "ONS has no grid reference for this postcode"),
    ]
    assert _count(db, Postcode) == 0
    assert "Nothing was written" in report.summary()


def test_postcode_file_without_the_ons_columns_is_refused_whole(db):
    report = _import(db, "postcodes", "postcodes_wrong_header.csv")
    assert not report.ok and "not an ONS postcode file" in report.error


def test_find_a_course_results_import_with_venues_and_providers(db):
    _import(db, "postcodes", "postcodes.csv")
    report = _import(db, "courses", "courses.json")
    assert (report.added, report.updated, report.rejected) == (3, 0, [])
    maths = db.execute(select(Course).where(Course.source_id == "run-1")).scalar_one()
    assert maths.level == "E3" and maths.course_type == "essential_skills"
    assert maths.attendance_pattern == "evening" and maths.cost_pence == 25000
    assert maths.description == "Everyday maths for work."
    assert maths.venue.town == "Testborough" and maths.provider.name == "Teesside Test College"
    electrical = db.execute(select(Course).where(Course.source_id == "run-2")).scalar_one()
    # No coordinates in the feed: placed from the postcode directory.
    assert (electrical.lat, electrical.lon) == (54.590, -1.200)
    online = db.execute(select(Course).where(Course.source_id == "run-3")).scalar_one()
    assert online.delivery_mode == "online" and online.flexible_start and online.venue is None


def test_reimport_updates_in_place_and_keeps_public_ids(db):
    _import(db, "postcodes", "postcodes.csv")
    _import(db, "courses", "courses.json")
    ids = set(db.execute(select(Course.uid)).scalars())
    again = _import(db, "courses", "courses.json")
    assert (again.added, again.updated) == (0, 3)
    assert set(db.execute(select(Course.uid)).scalars()) == ids
    assert _count(db, Venue) == 2


def test_a_bad_row_refuses_the_whole_file_unless_told_to_skip(db):
    report = _import(db, "courses", "courses_bad_row.json")
    assert not report.ok
    reasons = {p.line: p.reason for p in report.rejected}
    assert reasons == {
        4: "qualificationLevel \u201cLevel 12\u201d is not one of the values we know",
        6: "postcode TS9 9ZZ is not in the postcode directory, so we cannot place it "
        "(import the postcode file first, or give latitude and longitude)",
    }
    assert _count(db, Course) == 0
    partial = _import(db, "courses", "courses_bad_row.json", skip_invalid=True)
    assert partial.ok and partial.added == 1 and len(partial.rejected) == 2
    assert _count(db, Course) == 1


def test_invalid_json_is_reported_with_its_line(db):
    report = _import(db, "courses", "not_json.json")
    assert not report.ok and report.error.startswith("line 3:")
    assert _count(db, Course) == 0


def test_display_advert_vacancies(db):
    _import(db, "postcodes", "postcodes.csv")
    report = _import(db, "apprenticeships", "apprenticeships.json")
    assert (report.added, report.rejected) == (2, [])
    care = db.execute(select(Vacancy).where(Vacancy.source_id == "VAC1000000001")).scalar_one()
    assert care.contract_type == "apprenticeship" and care.apprenticeship_level == 2
    assert care.disability_confident and care.hours_per_week == 37.5
    assert care.wage_text == "National Minimum Wage for apprentices"
    plumbing = db.execute(select(Vacancy).where(Vacancy.source_id == "VAC1000000002")).scalar_one()
    assert plumbing.wage_min_pence == 1_600_000 and plumbing.wage_unit == "year"
    assert plumbing.lat == 54.590  # from the postcode directory


def test_job_posting_json_ld(db):
    _import(db, "postcodes", "postcodes.csv")
    report = _import(db, "jobpostings", "jobs.jsonld")
    assert (report.added, report.rejected) == (2, [])
    warehouse = db.execute(select(Vacancy).where(Vacancy.source_id == "J-1")).scalar_one()
    assert warehouse.contract_type == "temporary" and warehouse.full_time is True
    assert warehouse.hours_per_week == 40 and warehouse.wage_min_pence == 1250
    assert warehouse.description == "Picking & packing."
    remote = db.execute(select(Vacancy).where(Vacancy.source_id == "J-2")).scalar_one()
    assert remote.remote and remote.full_time is False and remote.wage_max_pence == 2_800_000
    # The youngest each can take: the feed's own field, else the advert's words
    assert (warehouse.minimum_age, remote.minimum_age) == (18, 21)


def test_council_csv_template(db):
    _import(db, "postcodes", "postcodes.csv")
    report = _import(db, "csv", "council.csv")
    assert (report.added, report.rejected) == (3, [])
    assert db.execute(select(Course.title)).scalar_one() == "Confidence Building"
    job = db.execute(select(Vacancy)).scalar_one()
    assert job.disability_confident and job.wage_min_pence == 1240 and job.wage_unit == "hour"
    assert job.minimum_age is None  # the template's min_age column is empty for it
    service = db.execute(select(SupportService)).scalar_one()
    assert service.minimum_age == 16 and service.locations[0].venue.postcode == "TS1 1AA"
    # The course and the service are at the same library: one venue.
    assert _count(db, Venue) == 1


def test_council_csv_refusals_name_the_rows(db):
    _import(db, "postcodes", "postcodes.csv")
    report = _import(db, "csv", "council_bad.csv")
    assert not report.ok
    assert [(p.line, p.reason) for p in report.rejected] == [
        (3, "start_date \u201c31/02/2099\u201d is not a date (use YYYY-MM-DD)"),
        (4, "record_type should be course, vacancy or service"),
    ]
    assert report.rejected[0].label == "Bad date"


@pytest.mark.parametrize(
    "example",
    ["service_list.json", "service_full.json", "service_at_location_list.json",
     "service_at_location_full.json"],
)  # fmt: skip
def test_oruk_examples_import(db, example):
    report = _import(db, "oruk", example)
    assert report.ok and report.added == 1
    service = db.execute(select(SupportService)).scalar_one()
    assert service.uid == "ac148810-d857-441c-9679-408f346de14b"  # the feed's own id is kept
    assert (service.minimum_age, service.maximum_age) == (12, 100)
    if "full" in example:
        # The example's location has impossible coordinates: kept, without them, and reported.
        assert service.locations[0].venue.lat is None
        assert any("not in Great Britain" in w.reason for w in report.warnings)


def test_oruk_item_without_required_fields_is_refused(db, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text('{"contents": [\n{"id": "a", "name": "No status"}\n]}')
    report = flows.run("oruk", feed, db_session=db, council_slug="demo")
    assert not report.ok and [(p.line, p.reason) for p in report.rejected] == [
        (2, "status is missing")
    ]


def test_unknown_kind_and_missing_file(db, tmp_path):
    with pytest.raises(flows.UnknownKind):
        flows.run("spreadsheet", tmp_path / "x.csv", db_session=db, council_slug="demo")
    report = flows.run("csv", tmp_path / "missing.csv", db_session=db, council_slug="demo")
    assert report.error == "there is no such file"


@pytest.mark.parametrize(
    ("words", "age"),
    [("You must be 18 or over for night work.", 18),
     ("Applicants must be aged 21+ for our insurer", 21),
     ("Minimum age: 18", 18), ("18+ only", 18), ("SIA licence (you must be 18 to hold one)", 18),
     ("we welcome school leavers aged 16", None), ("for people aged 16 to 24", None),
     ("must be available weekends", None), ("You must be 18", 18), ("", None),
     ("Hours must be 20 per week", None), ("Availability must be 24/7", None),
     ("Site should be 20 minutes from the depot", None), ("must be over the age of 18", 18),
     ("Over 18s only", 18), ("must be 18 years old or over", 18)],
)  # fmt: skip
def test_an_adverts_own_words_give_the_youngest_it_can_take(words, age):
    from bot.catalogue.imports.values import minimum_age_in

    assert minimum_age_in(words) == age
