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
