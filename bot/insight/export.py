"""The insight as data: three datasets, each with a published schema, as CSV or JSON.

- ``counts``: events by week and field, with no place: for the council's own analysts.
- ``districts``: assessments completed by postcode district and the offer they led to, with
  small counts suppressed as official statistics do (``bot.insight.disclosure``), because a
  district and a small count together can point at a person.
- ``open``: the districts table again, rounded to the nearest 5 after suppression, safe to
  publish as open data.

The schemas (``SCHEMAS``) are JSON Schema for the JSON form and Frictionless Table Schema for
the CSV form; ``docs/insight.md`` describes them and the tests validate every export.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from bot.insight import disclosure, events
from bot.insight.service import Report, Row, week_of

DATASETS = ("counts", "districts", "open")
TOTAL = "ALL"  # the row and column of totals in the districts tables
SUPPRESSED = "c"  # how CSV marks a suppressed count ("confidential"), as ONS tables do

_COUNT_FIELDS = ("week", "kind", "offer", "detail", "result", "channel", "age_band", "count")
_DISTRICT_FIELDS = ("district", "offer", "count")


def counts(found: list[Row]) -> list[dict]:
    totals: dict[tuple, int] = {}
    for row in found:
        key = (week_of(row.day).isoformat(), row.kind, row.offer, row.detail, row.result,
               row.channel, row.age_band)  # fmt: skip
        totals[key] = totals.get(key, 0) + row.count
    return [dict(zip(_COUNT_FIELDS, (*key, n), strict=True)) for key, n in sorted(
        totals.items(), key=lambda item: tuple(str(v) for v in item[0]))]  # fmt: skip


def district_table(report: Report) -> disclosure.Table | None:
    """Assessments by district (rows) and offer (columns), suppressed, with totals."""
    cells = dict(sorted(report.by_district.items()))
    return disclosure.suppress_table(cells, totals=True) if cells else None


def districts(report: Report, *, rounded: bool = False) -> list[dict]:
    """Each district's assessments by offer, with the totals, suppressed (and rounded)."""
    table = district_table(report)
    if table is None:
        return []
    out: list[dict] = []

    def add(district: str, offer: str, value: int | None) -> None:
        shown = disclosure.rounded(value) if rounded else value
        out.append({"district": district, "offer": offer, "count": shown})

    offers = list(table.column_totals)
    for district in table.row_totals:
        for offer in offers:
            add(district, offer, table.cells.get((district, offer), 0))
        add(district, TOTAL, table.row_totals[district])
    for offer in offers:
        add(TOTAL, offer, table.column_totals[offer])
    add(TOTAL, TOTAL, table.grand_total)
    return out


def dataset(name: str, report: Report, found: list[Row]) -> list[dict]:
    if name == "counts":
        return counts(found)
    if name == "districts":
        return districts(report)
    if name == "open":
        return districts(report, rounded=True)
    raise ValueError(f"unknown dataset {name!r}")


def as_json(name: str, report: Report, records: list[dict], council_slug: str) -> dict:
    return {
        "dataset": name,
        "council": council_slug,
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "suppression": None if name == "counts" else {
            "rule": "counts from 1 to 4 suppressed, with secondary suppression so totals "
                    "cannot reveal them" + ("; then rounded to the nearest 5" if name == "open"
                                            else ""),
            "marker": None,
        },
        "records": records,
    }  # fmt: skip


def as_csv(name: str, records: list[dict]) -> str:
    fields = _COUNT_FIELDS if name == "counts" else _DISTRICT_FIELDS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: (SUPPRESSED if k == "count" and v is None and name != "counts"
                             else "" if v is None else v) for k, v in record.items()})  # fmt: skip
    return buffer.getvalue()


def filename(name: str, council_slug: str, start: date, end: date, ext: str) -> str:
    return f"{council_slug}-insight-{name}-{start.isoformat()}-to-{end.isoformat()}.{ext}"


_OFFER_PATTERN = f"^([a-z0-9_]{{2,40}}|{TOTAL})$"
_DISTRICT_PATTERN = f"^([A-Z]{{1,2}}[0-9][0-9A-Z]?|{TOTAL})$"
_KIND_ENUM = sorted(events.KINDS)

SCHEMAS: dict[str, dict] = {
    "counts": {
        "json": {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": "Work Local insight: counts by week",
            "type": "object",
            "required": ["dataset", "council", "from", "to", "records"],
            "properties": {
                "dataset": {"const": "counts"},
                "council": {"type": "string", "pattern": "^[a-z0-9-]{2,40}$"},
                "from": {"type": "string", "format": "date"},
                "to": {"type": "string", "format": "date"},
                "suppression": {"type": "null"},
                "records": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": list(_COUNT_FIELDS),
                        "properties": {
                            "week": {
                                "type": "string",
                                "format": "date",
                                "description": "The Monday that starts the week",
                            },
                            "kind": {"enum": _KIND_ENUM},
                            "offer": {"type": ["string", "null"], "pattern": "^[a-z0-9_]{2,40}$"},
                            "detail": {"type": ["string", "null"], "maxLength": 40},
                            "result": {"type": ["string", "null"], "maxLength": 20},
                            "channel": {"enum": [*sorted(events.CHANNELS), None]},
                            "age_band": {"enum": [*events.AGE_BANDS, None]},
                            "count": {"type": "integer", "minimum": 1},
                        },
                    },
                },
            },
        },
        "table": {
            "fields": [
                {"name": "week", "type": "date", "constraints": {"required": True}},
                {
                    "name": "kind",
                    "type": "string",
                    "constraints": {"required": True, "enum": _KIND_ENUM},
                },
                {"name": "offer", "type": "string"},
                {"name": "detail", "type": "string"},
                {"name": "result", "type": "string"},
                {
                    "name": "channel",
                    "type": "string",
                    "constraints": {"enum": sorted(events.CHANNELS)},
                },
                {
                    "name": "age_band",
                    "type": "string",
                    "constraints": {"enum": list(events.AGE_BANDS)},
                },
                {
                    "name": "count",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 1},
                },
            ],
            "missingValues": [""],
        },
    },
}
_DISTRICT_JSON = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["dataset", "council", "from", "to", "suppression", "records"],
    "properties": {
        "council": {"type": "string", "pattern": "^[a-z0-9-]{2,40}$"},
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
        "suppression": {"type": "object", "required": ["rule"]},
        "records": {"type": "array", "items": {
            "type": "object",
            "additionalProperties": False,
            "required": list(_DISTRICT_FIELDS),
            "properties": {
                "district": {"type": "string", "pattern": _DISTRICT_PATTERN},
                "offer": {"type": "string", "pattern": _OFFER_PATTERN},
                "count": {"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 0,
                                                        "not": {"enum": [1, 2, 3, 4]}}]},
            },
        }},
    },
}  # fmt: skip
_DISTRICT_TABLE = {
    "fields": [
        {"name": "district", "type": "string",
         "constraints": {"required": True, "pattern": _DISTRICT_PATTERN[1:-1]}},
        {"name": "offer", "type": "string",
         "constraints": {"required": True, "pattern": _OFFER_PATTERN[1:-1]}},
        {"name": "count", "type": "integer", "constraints": {"minimum": 0}},
    ],
    "missingValues": [SUPPRESSED],
}  # fmt: skip
for _name, _title in (
    ("districts", "assessments by postcode district and offer, small counts suppressed"),
    ("open", "assessments by postcode district and offer, suppressed and rounded (open data)"),
):
    SCHEMAS[_name] = {
        "json": {**_DISTRICT_JSON, "title": f"Work Local insight: {_title}",
                 "properties": {**_DISTRICT_JSON["properties"], "dataset": {"const": _name}}},
        "table": _DISTRICT_TABLE,
    }  # fmt: skip
