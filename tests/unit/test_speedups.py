"""The Rasa server's speed fixes give exactly Rasa's results, errors included."""

import jsonschema
import pytest

from bot.assistant import speedups

SCHEMA = {
    "type": "object",
    "properties": {"events": {"type": "array", "items": {"type": "object"}}},
    "required": ["events"],
}


def test_valid_responses_pass():
    speedups.validate({"events": [{"event": "slot"}]}, SCHEMA)


@pytest.mark.parametrize("response", [{}, {"events": "not a list"}, {"events": [1]}])
def test_invalid_responses_raise_the_same_error_as_jsonschema(response):
    with pytest.raises(jsonschema.ValidationError) as ours:
        speedups.validate(response, SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as theirs:
        jsonschema.validate(response, SCHEMA)
    assert ours.value.message == theirs.value.message


def test_an_invalid_schema_is_still_refused():
    with pytest.raises(jsonschema.SchemaError):
        speedups.validate({}, {"type": "no such type"})


def test_the_schema_is_compiled_once():
    speedups._compiled.clear()
    for _ in range(3):
        speedups.validate({"events": []}, dict(SCHEMA))
    assert len(speedups._compiled) == 1


def test_a_valid_action_response_passes_without_rasas_check():
    from rasa.core.actions.action import RemoteAction

    calls = []

    def rasas_own(self, result):
        calls.append(result)
        return True

    check = speedups.action_result_check(rasas_own, RemoteAction.action_response_format_spec())
    action = RemoteAction("action_search_courses", None)
    assert check(action, {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    assert calls == []


def test_an_invalid_action_response_gets_rasas_own_error():
    from rasa.core.actions.action import RemoteAction

    check = speedups.action_result_check(
        RemoteAction._validate_action_result, RemoteAction.action_response_format_spec()
    )
    with pytest.raises(jsonschema.ValidationError) as error:
        check(RemoteAction("action_search_courses", None), {"events": "not a list"})
    assert "Failed to validate Action server response" in error.value.message


def test_every_event_type_resolves_to_the_class_rasa_finds():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    lookup = speedups.event_class_lookup(Event, all_subclasses)
    for cls in all_subclasses(Event):
        assert lookup(cls.type_name) is Event.resolve_by_type(cls.type_name)
    assert lookup("topic") is None
    assert lookup("no_such_event", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        lookup("no_such_event")


def test_an_event_class_defined_later_is_found():
    from rasa.shared.core.events import ActionExecuted, Event
    from rasa.shared.utils.common import all_subclasses

    lookup = speedups.event_class_lookup(Event, all_subclasses)
    assert lookup("action") is ActionExecuted

    class LaterEvent(ActionExecuted):
        type_name = "later_event_for_test"

    assert lookup("later_event_for_test") is LaterEvent


def test_the_tracker_store_on_sqlite_uses_the_write_ahead_log(tmp_path):
    from sqlalchemy import create_engine, event, text

    from bot.database.core import sqlite_pragmas

    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}", future=True)
    event.listen(engine, "connect", speedups.tracker_store_pragmas(sqlite_pragmas))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    engine.dispose()


def test_calls_to_the_action_server_reuse_one_connection(monkeypatch):
    from http.server import BaseHTTPRequestHandler

    from rasa.utils.endpoints import EndpointConfig

    from tests import aio
    from tests.http_double import answer_json, serving

    peers = []

    class KeepAlive(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            peers.append(self.client_address)
            answer_json(self, 200, {"events": [], "seen": self.headers.get("X-Test")})

    monkeypatch.setattr(EndpointConfig, "session", speedups.pooled_sessions(5))

    async def three_calls(url: str) -> list:
        endpoint = EndpointConfig(url=f"{url}/webhook", headers={"X-Test": "kept"})
        return [await endpoint.request(json={"n": n}) for n in range(3)]

    with serving(KeepAlive) as url:
        answers = aio.run(three_calls(url))
    assert answers == [{"events": [], "seen": "kept"}] * 3  # Rasa's headers still sent
    assert len(set(peers)) == 1
