"""Rasa's structured log events (``structlog``), without residents' words or the frames' locals.

Rasa 3.6 renders an exception with ``dict_tracebacks``, which writes every frame's local
variables: a message's text, the conversation id (a resident's only key) and, through the NLU
cache, other residents' messages. Its own anonymiser runs only when a Rasa Pro plugin is
installed. This configuration replaces Rasa's in the Rasa server: tracebacks are plain text
(file, line, function, never a value), the event keys Rasa fills with what residents typed or
with their conversation id are replaced by their length, and the line then goes through the
service's redacting formatter (``bot.observability.logs``) like every other.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import structlog

# Rasa's own list of keys that may hold what a resident said (rasa.utils.log_utils._anonymizer),
# and the ones naming a conversation.
RESIDENT_KEYS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
        "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
        "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
        "entity", "token_text", "user_message", "json_message", "metadata", "tracker",
        "sender_id", "conversation_id", "events", "entities", "slots", "value", "slot_value",
    }
)  # fmt: skip


def remove_resident_data(_logger: Any, _name: str, event: dict[str, Any]) -> dict[str, Any]:
    """Keep that a value was there and how long it was, never the value."""
    for key in RESIDENT_KEYS & event.keys():
        value = event[key]
        size = len(value) if isinstance(value, (str, list, dict, tuple)) else None
        event[key] = "[removed]" if size is None else f"[removed, length {size}]"
    return event


def configure_structlog(log_level: int | None = None) -> None:
    """Called by Rasa's command line in place of ``rasa.utils.log_utils.configure_structlog``."""
    if log_level is None:
        log_level = logging.getLevelName(os.environ.get("LOG_LEVEL", "INFO").upper())
    structlog.configure(
        processors=[
            remove_resident_data,
            structlog.stdlib.filter_by_level,
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.UnicodeDecoder(),
            structlog.dev.set_exc_info,
            structlog.processors.format_exc_info,  # text, with no frame's variables
            structlog.processors.JSONRenderer(),
        ],
        context_class=dict,
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(log_level),
        cache_logger_on_first_use=True,
    )
