"""Subject or job role follows what the resident asked for."""

import pytest

from bot.nlp.entity_roles import name_by_intent


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("find_job", "job_role"),
        ("career_advice", "job_role"),
        ("find_course", "subject"),
        ("find_apprenticeship", "subject"),
        ("inform", "subject"),
    ],
)
def test_the_intent_names_the_role(intent, expected):
    entities = [
        {"entity": "subject", "value": "care"},
        {"entity": "job_role", "value": "electrician"},
        {"entity": "postcode", "value": "DB3 1AA"},
    ]
    name_by_intent(intent, entities)
    assert [e["entity"] for e in entities] == [expected, expected, "postcode"]


@pytest.mark.parametrize("intent", ["get_support", "more_results", None])
def test_other_intents_keep_the_model_label(intent):
    entities = [{"entity": "subject", "value": "maths"}, {"entity": "job_role", "value": "chef"}]
    name_by_intent(intent, entities)
    assert [e["entity"] for e in entities] == ["subject", "job_role"]
