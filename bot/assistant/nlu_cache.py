"""Each Rasa server remembers the NLU parses of recent distinct messages. Installed by
``bot.assistant.patches`` unless ``NLU_CACHE_SIZE`` is 0.

Rasa runs NLU on every message, though residents send the same words again and again ("yes",
"none", "full time", a button's payload). Every component of our pipeline reads only the
message's text (``TEXT_ONLY_COMPONENTS``; a test holds config.yml to it), so a parse depends on
the text and the model alone. NLU was a quarter of the Rasa server's time under load.

A remembered message may be a resident's own words, so it is kept only while a conversation
that said it is: each entry knows which conversations said it, and forgetting a conversation
(``forget``, called by the gateway through ``FORGET_PATH`` when a resident ends a chat) lets go
of the entries only it said. Nothing is kept longer than ``LONGEST_KEPT_SECONDS`` either, well
inside the shortest retention a council may set, so conversations forgotten by retention are
never still here.
"""

from __future__ import annotations

import copy
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

# NLU components that read nothing but the message's text (and their model).
TEXT_ONLY_COMPONENTS = frozenset({
    "SpacyNLP", "SpacyTokenizer", "WhitespaceTokenizer", "RegexFeaturizer",
    "LexicalSyntacticFeaturizer", "CountVectorsFeaturizer", "LogisticRegressionClassifier",
    "CRFEntityExtractor", "bot.nlp.entity_roles.EntityRolesByIntent", "SpacyEntityExtractor",
    "EntitySynonymMapper", "FallbackClassifier", "RegexEntityExtractor",
    # Reads the text and the knowledge base's patterns: an officer's edit to those reaches a
    # message already cached when the Rasa server restarts (or the cache lets it go).
    "bot.nlp.intent_rules.IntentRules",
})  # fmt: skip
LONGEST_CACHED_TEXT = 200  # longer messages are one resident's own words, seldom repeated


LONGEST_KEPT_SECONDS = 3600.0
FORGET_PATH = "/worklocal/conversations/<sender_id:str>/forget"
_CACHES: weakref.WeakSet = weakref.WeakSet()  # every cache in this process, to forget from


@dataclass
class Entry:
    parse: dict[str, Any]
    said_at: float
    said_by: set[str] = field(default_factory=set)


class Cache(OrderedDict):
    """One model's remembered parses, oldest first."""

    def __hash__(self) -> int:  # held in a WeakSet
        return id(self)

    def forget(self, sender_id: str) -> int:
        """Let go of the messages only this conversation said; returns how many."""
        gone = [key for key, entry in self.items() if entry.said_by <= {sender_id}
                and sender_id in entry.said_by]  # fmt: skip
        for key in gone:
            del self[key]
        for entry in self.values():
            entry.said_by.discard(sender_id)
        return len(gone)

    def drop_stale(self, now: float) -> None:
        while self:
            key, entry = next(iter(self.items()))
            if now - entry.said_at <= LONGEST_KEPT_SECONDS:
                break
            del self[key]


def forget(sender_id: str) -> int:
    """Forget a conversation in every cache of this process (each loaded model has one)."""
    return sum(cache.forget(sender_id) for cache in list(_CACHES))


def cached_parses(parse: Any, size: int) -> Any:
    """``MessageProcessor._parse_message_with_graph`` remembering the last ``size`` distinct
    texts' parses for each graph runner (each loaded model). Callers get a copy, since Rasa adds
    to a parse as it handles it."""
    caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def parse_message(self: Any, message: Any, tracker: Any,
                      only_output_properties: bool = True) -> dict[str, Any]:  # fmt: skip
        text = message.text
        if not isinstance(text, str) or len(text) > LONGEST_CACHED_TEXT:
            return parse(self, message, tracker, only_output_properties)
        cache = caches.get(self.graph_runner)
        if cache is None:
            cache = caches[self.graph_runner] = Cache()
            _CACHES.add(cache)
        now = time.monotonic()
        cache.drop_stale(now)
        sender = getattr(tracker, "sender_id", None)
        key = (text, only_output_properties)
        found = cache.get(key)
        if found is None:
            parsed = parse(self, message, tracker, only_output_properties)
            cache[key] = Entry(copy.deepcopy(parsed), now)
            if sender:
                cache[key].said_by.add(sender)
            if len(cache) > size:
                cache.popitem(last=False)
            return parsed
        cache.move_to_end(key)
        found.said_at = now
        if sender:
            found.said_by.add(sender)
        return copy.deepcopy(found.parse)

    return parse_message


def with_forget_route(create_app: Any) -> Any:
    """Rasa's app factory, with ``POST FORGET_PATH``: the gateway's call when a resident's
    conversation is forgotten (the Rasa server listens on loopback, for the gateway only). It
    forgets the conversation's parses and its kept tracker (``bot.assistant.tracker_cache``)."""

    def create(*args: Any, **kwargs: Any) -> Any:
        from sanic import response

        app = create_app(*args, **kwargs)

        async def forget_conversation(request: Any, sender_id: str) -> Any:
            from bot.assistant import tracker_cache

            return response.json(
                {"forgotten": forget(sender_id), "trackers": tracker_cache.forget(sender_id)}
            )

        app.add_route(forget_conversation, FORGET_PATH, methods=["POST"],
                      name="worklocal_forget")  # fmt: skip
        return app

    return create
