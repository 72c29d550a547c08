"""What of a client's message may reach Rasa: only offered payloads, never raw intent syntax."""

import pytest

from bot.conversation.guard import COMMAND_REPLY, InvalidMessage, accept

OFFERED = ["/find_course", "/request_adviser"]


def test_offered_payload_goes_to_rasa_unchanged():
    assert accept(text=None, payload="/find_course", offered=OFFERED, max_chars=50).rasa_text == (
        "/find_course"
    )


@pytest.mark.parametrize("payload", ["/restart", '/inform{"age": 99}', "/find_course ", ""])
def test_payload_not_offered_is_refused(payload):
    with pytest.raises(InvalidMessage) as caught:
        accept(text=None, payload=payload, offered=OFFERED, max_chars=50)
    assert caught.value.code == "payload_not_offered"


@pytest.mark.parametrize(
    "typed",
    [
        "/restart",
        '/inform{"age": 99}',
        '  /inform{"age": 99, "postcode": "LS9 8AB"}  ',
        "/request_adviser",
        "/greet@0.9",
        "/find_course",  # offered as a button, but typed: still never an intent
    ],
)
def test_typed_rasa_syntax_never_reaches_rasa(typed):
    accepted = accept(text=typed, payload=None, offered=OFFERED, max_chars=200)
    assert accepted.rasa_text is None
    assert accepted.local_reply == COMMAND_REPLY


def test_leading_slash_before_words_is_dropped_so_rasa_reads_words():
    accepted = accept(text="/ i need a job asap", payload=None, offered=[], max_chars=200)
    assert accepted.rasa_text == "i need a job asap"


@pytest.mark.parametrize("typed", ["", "   ", "\n\t", "\x00\x07"])
def test_empty_text_is_refused(typed):
    with pytest.raises(InvalidMessage) as caught:
        accept(text=typed, payload=None, offered=[], max_chars=200)
    assert caught.value.code == "empty_message"


def test_over_long_text_is_refused_with_the_limit_named():
    with pytest.raises(InvalidMessage) as caught:
        accept(text="a" * 2001, payload=None, offered=[], max_chars=2000)
    assert caught.value.code == "message_too_long"
    assert "2,000" in caught.value.message


def test_text_at_the_limit_is_accepted():
    assert accept(text="a" * 2000, payload=None, offered=[], max_chars=2000).rasa_text


@pytest.mark.parametrize("text,payload", [(None, None), ("hi", "/find_course")])
def test_exactly_one_of_text_and_payload(text, payload):
    with pytest.raises(InvalidMessage) as caught:
        accept(text=text, payload=payload, offered=OFFERED, max_chars=50)
    assert caught.value.code == "text_or_payload"


@pytest.mark.parametrize(
    "typed",
    [
        "/ /restart",
        "/\t/request_adviser",
        '/ /inform{"age": 99}',
        "//restart",
        "\u3000/restart",  # an ideographic space, which str.strip removes as Rasa does
        "/\u00a0/restart",
    ],
)
def test_slashes_and_spaces_in_front_do_not_smuggle_a_command(typed):
    accepted = accept(text=typed, payload=None, offered=OFFERED, max_chars=200)
    assert accepted.rasa_text is None
    assert accepted.local_reply == COMMAND_REPLY


def test_a_lone_surrogate_is_repaired_not_passed_on():
    accepted = accept(text="help me \ud800 find work", payload=None, offered=[], max_chars=200)
    assert accepted.rasa_text == "help me \ufffd find work"
    accepted.rasa_text.encode("utf-8")  # what spaCy, the databases and the logs need


def test_a_real_emoji_pair_is_kept():
    assert accept(text="job pls 😊", payload=None, offered=[], max_chars=200).rasa_text == (
        "job pls 😊"
    )
