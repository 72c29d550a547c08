"""Every export matches its published schema (JSON Schema for JSON, Table Schema for CSV),
and what is exported by district shows no count from 1 to 4, nor one a total would reveal."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import jsonschema
import pytest

from bot.council import service as council_service
from bot.database.core import session_scope
from bot.insight import export
from bot.insight import service as insight
from tests.insight.test_report import MONDAY, _generate, sessions  # noqa: F401

END = MONDAY + timedelta(days=27)


def _table_schema_errors(text: str, schema: dict) -> list[str]:
    """Check a CSV against a Frictionless Table Schema: the header, each field's type, and its
    constraints (required, enum, pattern, minimum), with ``missingValues`` as empty."""
    rows = list(csv.reader(io.StringIO(text)))
    fields = schema["fields"]
    errors = []
    if rows[0] != [f["name"] for f in fields]:
        return [f"header {rows[0]}"]
    for number, row in enumerate(rows[1:], start=2):
        for field, value in zip(fields, row, strict=True):
            rules = field.get("constraints", {})
            if value in schema.get("missingValues", [""]):
                if rules.get("required"):
                    errors.append(f"row {number}: {field['name']} is required")
                continue
            if field["type"] == "integer":
                if not re.fullmatch(r"-?\d+", value):
                    errors.append(f"row {number}: {field['name']} {value!r} is not an integer")
                    continue
                if "minimum" in rules and int(value) < rules["minimum"]:
                    errors.append(f"row {number}: {field['name']} below minimum")
            elif field["type"] == "date":
                date.fromisoformat(value)
            if "enum" in rules and value not in rules["enum"]:
                errors.append(f"row {number}: {field['name']} {value!r} not allowed")
            if "pattern" in rules and not re.fullmatch(rules["pattern"], value):
                errors.append(f"row {number}: {field['name']} {value!r} does not match")
    return errors


@pytest.mark.parametrize("name", export.DATASETS)
def test_every_export_matches_its_schemas(sessions, name):  # noqa: F811
    council = council_service.home()
    _generate(sessions, council)
    with session_scope(sessions) as db:
        report = insight.report(db_session=db, council=council, start=MONDAY, end=END)
        found = insight.rows(db_session=db, council_slug=council.slug, start=MONDAY, end=END)
    records = export.dataset(name, report, found)
    assert records, "the generated events give every dataset rows"
    document = export.as_json(name, report, records, council.slug)
    jsonschema.Draft7Validator(
        export.SCHEMAS[name]["json"], format_checker=jsonschema.FormatChecker()
    ).validate(document)
    assert _table_schema_errors(export.as_csv(name, records), export.SCHEMAS[name]["table"]) == []


def test_the_schema_check_catches_a_wrong_export():
    """The checks above can fail: a count of 3 by district breaks both schemas."""
    bad = [{"district": "DB1", "offer": "ALL", "count": 3}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"dataset": "districts", "council": "demo", "from": "2026-11-02",
                             "to": "2026-11-29", "suppression": {"rule": "x"}, "records": bad},
                            export.SCHEMAS["districts"]["json"])  # fmt: skip
    wrong = "district,offer,count\nDB1 1AA,ALL,7\n"
    assert _table_schema_errors(wrong, export.SCHEMAS["districts"]["table"])


def test_district_exports_suppress_small_counts_and_what_totals_would_reveal(sessions):  # noqa: F811
    council = council_service.home()
    with session_scope(sessions) as db:
        # DB9 has two Working Futures assessments: too few to show, and its total would tell.
        for district, offer, n in (
            ("DB1", "youth_pathways", 12),
            ("DB1", "working_futures", 9),
            ("DB9", "youth_pathways", 7),
            ("DB9", "working_futures", 2),
        ):
            for _ in range(n):
                insight.record(db_session=db, council=council, kind="assessment_completed",
                               district=district, offer=offer, on=MONDAY)  # fmt: skip
        report = insight.report(db_session=db, council=council, start=MONDAY, end=END)
    shown = {(r["district"], r["offer"]): r["count"] for r in export.districts(report)}
    assert shown[("DB9", "working_futures")] is None
    assert None in (shown[("DB9", "youth_pathways")], shown[("DB9", "ALL")])
    assert None in (shown[("DB1", "working_futures")], shown[("ALL", "working_futures")])
    assert all(v is None or v == 0 or v >= 5 for v in shown.values())
    opened = {
        (r["district"], r["offer"]): r["count"] for r in export.districts(report, rounded=True)
    }
    assert all(v is None or v % 5 == 0 for v in opened.values())
    assert shown[("ALL", "ALL")] == 30 and opened[("ALL", "ALL")] == 30
    assert shown[("ALL", "youth_pathways")] == 19 and opened[("ALL", "youth_pathways")] == 20
    csv_text = export.as_csv("open", export.districts(report, rounded=True))
    assert "DB9,working_futures,c" in csv_text


@pytest.mark.parametrize(("day", "quarter"), [
    (date(2026, 1, 5), (date(2026, 1, 1), date(2026, 3, 31))),
    (date(2026, 4, 1), (date(2026, 4, 1), date(2026, 6, 30))),
    (date(2026, 12, 31), (date(2026, 10, 1), date(2026, 12, 31))),
])  # fmt: skip
def test_district_tables_are_made_for_whole_calendar_quarters_only(day, quarter):
    """Two overlapping periods could be subtracted to give back what each table hides."""
    assert insight.quarter_of(day) == quarter
