"""Anonymous events hold nothing that points at a person: every field of every kind takes a
closed set of values, and the gateway's counting strips the actions' private payload."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.insight import events

PERSONAL = [
    "Agnieszka Nowak",
    "dave.smith@example.com",
    "07700 900123",
    "DB1 1AA",
    "QQ123456C",
    "14 Acacia Avenue",
    "conv-5f0c2b9e",  # a conversation id
    "WL7K2P9QX",  # a case reference
    "19",  # an age
    "i want to kill myself",
]


@pytest.mark.parametrize("kind", sorted(events.KINDS))
@pytest.mark.parametrize("value", PERSONAL)
def test_no_kind_takes_personal_data_in_any_field(kind, value):
    for field in ("channel", "offer", "detail", "result", "age_band", "district", "minutes"):
        with pytest.raises(events.NotAnonymous):
            events.check(kind, {field: value})


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(sorted(events.KINDS)), field=st.sampled_from(
    ["channel", "offer", "detail", "result", "age_band", "district", "minutes", "text", "name"]),
    value=st.text(min_size=1, max_size=60))  # fmt: skip
def test_free_text_is_refused_unless_it_is_one_of_the_closed_values(kind, field, value):
    """Whatever text arrives, it is stored only if it is a code: a key of the configuration
    (lower case, no spaces), a closed value, or a postcode district."""
    try:
        kept = events.check(kind, {field: value})
    except events.NotAnonymous:
        return
    assert field in events.KINDS[kind]
    assert value == kept[field]
    assert " " not in value.strip() or value in events.AGE_BANDS
    assert len(value) <= 40 and "@" not in value and not any(c.isdigit() for c in value[:1])


def test_a_key_is_not_a_sentence_and_a_district_is_not_a_postcode():
    assert events.check("pathway_offered", {"offer": "youth_pathways", "detail": "care_leaver"})
    with pytest.raises(events.NotAnonymous):
        events.check("assessment_completed", {"district": "DB1 1AA"})
    assert events.check("assessment_completed", {"district": "DB1"}) == {"district": "DB1"}
    with pytest.raises(events.NotAnonymous, match="unknown event kind"):
        events.check("resident_said", {})


@pytest.mark.parametrize(("age", "band"), [(15, "under 16"), (16, "16-17"), (17, "16-17"),
    (18, "18-24"), (24, "18-24"), (25, "25-49"), (49, "25-49"), (50, "50-64"), (64, "50-64"),
    (65, "65+"), (101, "65+"), (None, None), ("19", None), (True, None), (-1, None)])  # fmt: skip
def test_ages_become_bands(age, band):
    assert events.age_band(age) == band


@pytest.mark.parametrize(("location", "district"), [("DB1 1AA", "DB1"), ("db11aa", "DB1"),
    ("DB2", "DB2"), (" ls6 ", "LS6"), ("Demo Vale", None), ("", None), (None, None),
    ("SW1A 1AA", "SW1A")])  # fmt: skip
def test_a_place_becomes_its_postcode_district_at_most(location, district):
    assert events.district(location) == district
