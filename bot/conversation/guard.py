"""Decide what of a client's message may reach Rasa.

Rasa treats any text that starts with ``/`` (after stripping whitespace) as an intent with
entities, so a resident who types ``/inform{"age": 99}`` could set slots. Payloads are accepted
only when the assistant offered them on a button; typed text is first normalised (valid Unicode,
no control characters) and is then sent in a form that never starts with ``/``, however many
slashes and spaces of any kind it began with (``/ /restart``, ``/\t/request_adviser``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The shape Rasa parses as an intent: /name, optional {json}, optional @confidence.
_RASA_SYNTAX = re.compile(r"^\s*/[\w.\-]+\s*(\{.*\})?\s*(@[\d.]+)?\s*$", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Half of a UTF-16 pair on its own: JSON allows "\ud800", but no encoder or tokenizer does.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class InvalidMessage(ValueError):
    """The client's message cannot be used; ``code`` and the message are safe to show."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Accepted:
    """What to send to Rasa, or ``None`` with a polite local reply instead."""

    rasa_text: str | None
    local_reply: str | None = None


COMMAND_REPLY = (
    "That looks like a computer command, so I haven't acted on it. "
    "Please type what you need in your own words, or choose one of the options."
)


def accept(
    *, text: str | None, payload: str | None, offered: list[str], max_chars: int
) -> Accepted:
    if (text is None) == (payload is None):
        raise InvalidMessage("text_or_payload", "Send either 'text' or 'payload', not both.")
    if payload is not None:
        if payload not in offered:
            raise InvalidMessage(
                "payload_not_offered",
                "That option is no longer available. Please choose one of the latest options "
                "or type your answer.",
            )
        return Accepted(rasa_text=payload)

    cleaned = normalise(text or "")
    if not cleaned:
        raise InvalidMessage("empty_message", "Please type a message before sending.")
    if len(cleaned) > max_chars:
        raise InvalidMessage(
            "message_too_long",
            f"That message is too long. Please keep it under {max_chars:,} characters, "
            "or send it in parts.",
        )
    words = without_leading_slashes(cleaned)
    if words != cleaned and _RASA_SYNTAX.match("/" + words):
        return Accepted(rasa_text=None, local_reply=COMMAND_REPLY)
    # A slash in front of ordinary words ("/ I need a job") would still be parsed as an intent.
    return Accepted(rasa_text=words or None, local_reply=None)


def normalise(text: str) -> str:
    """Text every part of the service can store, log and tokenise: lone surrogates (which made
    spaCy fail inside Rasa) become U+FFFD, control characters go, and the ends are stripped."""
    return _CONTROL.sub("", _LONE_SURROGATE.sub("\ufffd", text)).strip()


def without_leading_slashes(text: str) -> str:
    """``text`` with every leading slash and whitespace character removed, using the same
    ``str.strip`` Rasa applies before it looks for the ``/`` of an intent."""
    text = text.strip()
    while text.startswith("/"):
        text = text[1:].strip()
    return text
