"""Each Rasa server remembers the NLU parses of recent distinct messages. Installed by
``bot.assistant.speedups.apply`` unless ``NLU_CACHE_SIZE`` is 0.

Rasa runs NLU on every message, though residents send the same words again and again ("yes",
"none", "full time", a button's payload). Every component of our pipeline reads only the
message's text (``TEXT_ONLY_COMPONENTS``; a test holds config.yml to it), so a parse depends on
the text and the model alone. NLU was a quarter of the Rasa server's time under load.
"""

from __future__ import annotations

import copy
import weakref
from collections import OrderedDict
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
            cache = caches[self.graph_runner] = OrderedDict()
        key = (text, only_output_properties)
        found = cache.get(key)
        if found is None:
            found = parse(self, message, tracker, only_output_properties)
            cache[key] = copy.deepcopy(found)
            if len(cache) > size:
                cache.popitem(last=False)
            return found
        cache.move_to_end(key)
        return copy.deepcopy(found)

    return parse_message
