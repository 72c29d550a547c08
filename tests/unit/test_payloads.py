"""The payload shapes the widget renders: one schema, kept in step with the models, and the
payloads the actions and the gateway really build pass it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from bot.conversation import payloads

VALID = [
    {"type": "course_results", "total": 0, "page": 1, "results": [], "location": None},
    {"type": "pathways", "case": "KH3-7XP", "rules": "england-2026-27", "offers": [],
     "entitlements": [], "referrals": [], "too_young": None},
    {"type": "booking", "reference": "KH3-7XP", "label": "Tue 8 Dec, 10:00", "channel": "phone",
     "address": None, "calendar_url": "/api/v1/bookings/KH3-7XP.ics", "changed": True},
    {"type": "crisis", "case": None, "kind": "suicide"},
    {"type": "safety_numbers", "text": "Call 999"},
    {"type": "adviser", "seq": 12, "name": "Amira"},
    {"type": "did_you_mean"},
    {"type": "answer", "topic": "minimum_wage", "source": None},
]  # fmt: skip
INVALID = [
    {"type": "crisis"},  # which danger?
    {"type": "course_results", "total": -1, "page": 1, "results": []},
    {"type": "booking", "reference": "KH3-7XP"},
    {"type": "made_up"},
    {"no": "type"},
]


def test_the_committed_schema_is_the_models_schema():
    """Run ``python -m bot.conversation.payloads`` after changing a payload."""
    assert json.loads(payloads.SCHEMA_FILE.read_text()) == json.loads(json.dumps(payloads.schema()))


@pytest.mark.parametrize("custom", VALID)
def test_payloads_the_service_sends_pass_the_schema_and_the_models(custom):
    jsonschema.validate(custom, json.loads(payloads.SCHEMA_FILE.read_text()))
    assert payloads.parse(custom).type == custom["type"]


@pytest.mark.parametrize("custom", INVALID)
def test_payloads_missing_what_the_widget_reads_are_refused(custom):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(custom, json.loads(payloads.SCHEMA_FILE.read_text()))
    with pytest.raises(ValueError):
        payloads.parse(custom)
