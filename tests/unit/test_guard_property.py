"""No typed text reaches Rasa in a form its ``RegexMessageHandler`` reads as an intent.

The handler is Rasa's own code (``YAMLStoryReader.unpack_regex_message``, run on every message
before the NLU), given the project's domain, so a test here fails exactly when Rasa would have
taken typed text for an intent with entities.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.config import PROJECT_ROOT
from bot.conversation.guard import InvalidMessage, accept

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # Rasa on the domain's slots


@lru_cache(maxsize=1)
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def read_by_rasa_as_intent(text: str) -> bool:
    message = Message({TEXT: text.strip()})  # UserMessage strips its text the same way
    return YAMLStoryReader.unpack_regex_message(message, domain()) is not message


def test_the_check_itself_sees_a_command():
    assert read_by_rasa_as_intent('/inform{"age": 99}')
    assert read_by_rasa_as_intent("  /restart ")
    assert not read_by_rasa_as_intent("restart")


# Typed text made of what a command is built from: slashes, every kind of space, the names of
# the domain's intents, entity JSON, confidences, and ordinary words.
_PIECES = st.sampled_from(
    ["/", " ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "{", "}", '"age"', ":",
     "99", "@0.9", "restart", "request_adviser", "inform", "stop", "find job", "\ud800", "."]
)  # fmt: skip
_TYPED = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TYPED)
def test_no_typed_text_is_read_by_rasa_as_an_intent(typed):
    try:
        accepted = accept(text=typed, payload=None, offered=["/restart"], max_chars=2000)
    except InvalidMessage:
        return  # empty or too long: nothing is sent
    if accepted.rasa_text is not None:
        assert not read_by_rasa_as_intent(accepted.rasa_text)
        accepted.rasa_text.encode("utf-8")
