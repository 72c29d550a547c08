"""The Rasa launcher's schema check validates exactly as jsonschema does, only faster."""

import jsonschema
import pytest

from bot.assistant import rasa_server

SCHEMA = {
    "type": "object",
    "properties": {"events": {"type": "array", "items": {"type": "object"}}},
    "required": ["events"],
}


def test_valid_responses_pass():
    rasa_server.validate({"events": [{"event": "slot"}]}, SCHEMA)


@pytest.mark.parametrize("response", [{}, {"events": "not a list"}, {"events": [1]}])
def test_invalid_responses_raise_the_same_error_as_jsonschema(response):
    with pytest.raises(jsonschema.ValidationError) as ours:
        rasa_server.validate(response, SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as theirs:
        jsonschema.validate(response, SCHEMA)
    assert ours.value.message == theirs.value.message


def test_an_invalid_schema_is_still_refused():
    with pytest.raises(jsonschema.SchemaError):
        rasa_server.validate({}, {"type": "no such type"})


def test_the_schema_is_compiled_once():
    rasa_server._compiled.clear()
    for _ in range(3):
        rasa_server.validate({"events": []}, dict(SCHEMA))
    assert len(rasa_server._compiled) == 1
