"""Rasa's REST output becomes the gateway's message shape; failures become one error type."""

import pytest

from bot.conversation.rasa_client import AssistantUnavailable, RasaClient, normalise


def test_text_buttons_and_custom_are_kept_and_unknown_keys_dropped():
    raw = [
        {
            "recipient_id": "abc",
            "text": "Hello",
            "buttons": [{"title": "Find a course", "payload": "/find_course"}],
        },
        {"recipient_id": "abc", "custom": {"type": "course_results", "items": []}},
        {"recipient_id": "abc", "image": "http://example.invalid/x.png"},
    ]
    messages = normalise(raw)
    assert [m.dict(exclude_none=True) for m in messages] == [
        {
            "text": "Hello",
            "buttons": [{"title": "Find a course", "payload": "/find_course"}],
            "custom": {"type": "course_results", "items": []},
        },
    ]


def test_a_custom_payload_joins_the_text_before_it_but_never_replaces_another():
    raw = [
        {"text": "Your plan"},
        {"custom": {"type": "plan"}},
        {"custom": {"type": "extra"}},
        {"text": "Anything else?"},
    ]
    assert [m.dict(exclude_none=True) for m in normalise(raw)] == [
        {"text": "Your plan", "custom": {"type": "plan"}},
        {"custom": {"type": "extra"}},
        {"text": "Anything else?"},
    ]


def test_buttons_without_payload_are_dropped():
    messages = normalise([{"text": "Pick", "buttons": [{"title": "Broken"}]}])
    assert messages[0].buttons is None


def test_unreachable_rasa_is_assistant_unavailable():
    client = RasaClient("http://127.0.0.1:9", timeout=1.0)  # discard port: nothing listens
    with pytest.raises(AssistantUnavailable):
        client.send("someone", "hello", {})
    assert client.is_ready() is False


def _rasa_double(name: str, seen: list[tuple[str, str | None]], status: int = 200):
    """A Rasa REST channel that answers with its own name and records each request id."""
    from http.server import BaseHTTPRequestHandler

    from tests.http_double import answer_json, serving

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            seen.append((name, self.headers.get("X-Request-ID")))
            answer_json(self, status, [{"text": f"from {name}"}])

    return serving(Handler)


def test_turns_go_to_each_rasa_server_in_turn_with_the_request_id():
    from bot.observability.logs import REQUEST_ID

    seen: list[tuple[str, str | None]] = []
    with _rasa_double("a", seen) as a, _rasa_double("b", seen) as b:
        client = RasaClient([a, b], timeout=2)
        token = REQUEST_ID.set("turn-1")
        try:
            answers = [client.send("someone", "hello", {})[0].text for _ in range(4)]
        finally:
            REQUEST_ID.reset(token)
        client.close()
    assert answers == ["from a", "from b", "from a", "from b"]
    assert [request_id for _name, request_id in seen] == ["turn-1"] * 4


def test_a_rasa_server_that_refuses_the_connection_is_skipped():
    seen: list[tuple[str, str | None]] = []
    with _rasa_double("up", seen) as up:
        client = RasaClient(["http://127.0.0.1:9", up], timeout=2)  # the first is down
        assert [client.send("someone", "hi", {})[0].text for _ in range(3)] == ["from up"] * 3
        assert client.ready_servers() == [False, False]  # the double has no /status
        client.close()


def test_a_rasa_server_error_is_not_retried_elsewhere():
    """The message may have been processed: sending it to another server could run it twice."""
    seen: list[tuple[str, str | None]] = []
    with _rasa_double("broken", seen, status=500) as broken, _rasa_double("ok", seen) as ok:
        client = RasaClient([broken, ok], timeout=2)
        with pytest.raises(AssistantUnavailable):
            client.send("someone", "hi", {})
        client.close()
    assert [name for name, _ in seen] == ["broken"]
