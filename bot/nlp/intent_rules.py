"""Rules the intent model must obey: a few intents need their words, and questions the knowledge
base answers are questions.

The intent model learns from a few dozen examples each and reads character n-grams, so "retrain
in IT" looked enough like "restart" to wipe a conversation, "data" and "record" brought up the
privacy notice, and "is english for foreign people? i am from poland" was taken for an
employer. An intent that destroys something or changes the whole conversation is accepted only
when the message has words that mean it; otherwise the model's next guess stands (and the
fallback offers "Did you mean…" buttons when that guess is weak).

A question that the knowledge base (``bot.knowledge``) answers becomes ``ask_question``, unless
the resident is asking for a person, an appointment or help in a crisis: "how much do
apprentices get paid" is a question to answer, not an apprenticeship search.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot import clock
from bot.knowledge import service as knowledge

ASK_QUESTION = "ask_question"
TOPIC = "topic"
# Each of these intents stands only if the message has words that mean it.
NEEDS_WORDS = {
    "start_again": (
        r"\b(start(ing)? (it |this |all |everything )?(again|over|afresh|from (the )?(start|"
        r"beginning|scratch|top))|restart|re-?start|reset|new (chat|conversation)|clear (this|"
        r"the|my|it|everything|all|chat)|clear$|wipe|erase|begin again|from scratch|scrap (this|"
        r"that|it|everything)|delete (this|the|my|everything|it)|go back to the (start|"
        r"beginning)|back to the start|forget (everything|all|what i said|it all)|redo|do it "
        r"(all )?again)\b"
    ),
    "ask_privacy": (
        r"\b(privacy|private|confidential\w*|data protection|gdpr|my (data|information|info|"
        r"details|personal)|personal (data|information|info|details)|who (can |will |gets to )?"
        r"(see|sees|read|reads|know|knows)|stored?|storing|keep(ing)? (my|this|it)|delete my|"
        r"what (do|will|happens) (you )?(do )?with|share (my|this)|shared|sell my|safe to "
        r"(give|tell|say)|anonymous|(is|are) (this|you|it) (being )?(recorded|saved|kept|"
        r"logged)|record(ing|ed)? (this|me|my|our)|cookies|dwp|job ?centre see)\b"
    ),
    "employer_enquiry": (
        r"\b(we|our|us)\b|\bmy (own )?(business|company|firm|shop|cafe|café|restaurant|salon|"
        r"garage|staff|team|workers|employees|workforce|organisation|charity|practice)\b|"
        r"\b(i'?m|i am|as) (an? )?(employer|business owner|manager|owner|director|recruiter)\b|"
        r"\bemployers?\b|\b(hire|hiring|recruit\w*|take on|taking on|employ|employing) (an? |"
        r"some |new |more |young |local )?(apprentices?|staff|people|workers|someone|somebody|"
        r"employees|trainees?)\b|\bvacanc(y|ies) to fill\b|\bpost (a|our|my) (job|vacancy)\b|"
        r"\blevy\b|\bwork experience placements? for\b"
    ),
    "start_business": (
        r"\b(own business|own company|self[- ]?employ\w*|start(ing)? (up )?(a |my |an? own )?"
        r"(business|company|firm|shop|cafe|salon)|own boss|freelanc\w*|sole trader|business "
        r"idea|set(ting)? up (a|my) (business|company)|start[- ]?up)\b"
    ),
}
# A question these intents ask is theirs, not the knowledge base's.
KEEP_INTENTS = {
    "request_adviser", "request_callback", "crisis", "book_appointment", "cancel_appointment",
    "manage_booking", "choose_slot", "start_again", "stop", "goodbye",
}  # fmt: skip
EMPLOYER = re.compile(NEEDS_WORDS["employer_enquiry"], re.IGNORECASE)
# Anger at the assistant gets an apology and a person, whatever else the words look like.
COMPLAIN = "complain"
FRUSTRATED = re.compile(
    r"\b(you'?re|you are|ur|u r|this is|this bot is|that'?s|its|it'?s|what a|so|how)\s+(so |really "
    r"|fucking |f\w*ing |bloody |completely |absolutely )?(useless|rubbish|stupid|pointless|"
    r"hopeless|crap|shit|garbage|terrible|awful|a joke|a waste of time|no help|not helping|"
    r"not helpful|annoying|dumb|thick|thick as)\b|\bwaste of (my )?time\b|\bnot helping\b|"
    r"\bno help at all\b|\bfed up (with|of) (you|this)\b|\bffs\b|\bpiss(ed)? off\b|"
    r"\bgive up (on|with) (you|this)\b|\bdoesn'?t understand (anything|me)\b|"
    r"\byou (don'?t|do not|never) understand\b|\bstupid (bot|robot|thing|computer)\b",
    re.IGNORECASE,
)


def _ranking(message: Message) -> list[dict[str, Any]]:
    return list(message.get(INTENT_RANKING_KEY) or [])


def _set_intent(message: Message, name: str, confidence: float) -> None:
    message.set(INTENT, {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence},
                add_to_output=True)  # fmt: skip


def allowed(intent: str | None, text: str) -> bool:
    """Whether an intent may stand for this message (see NEEDS_WORDS)."""
    pattern = NEEDS_WORDS.get(intent or "")
    return pattern is None or re.search(pattern, text, re.IGNORECASE) is not None


def audience(text: str) -> str:
    """An employer asks about staff and apprentices they take on; everyone else is a
    resident."""
    return "employer" if EMPLOYER.search(text) else "resident"


def question_topic(text: str) -> str | None:
    """The knowledge base's topic for this question, for the audience the words suggest."""
    try:
        kb = knowledge.in_force(clock.today())
    except knowledge.KnowledgeError:
        return None  # no answers for today's date: the dialogue carries on without them
    topic = knowledge.match(text, kb, audience(text))
    if topic is None and audience(text) == "employer":
        topic = knowledge.match(text, kb, "resident")
    return topic.key if topic is not None else None


def apply(message: Message) -> None:
    """Correct the message's intent in place by the rules above."""
    text = message.get(TEXT) or ""
    intent = message.get(INTENT) or {}
    name = intent.get(INTENT_NAME_KEY)
    if not text or text.startswith("/") or not name:
        return
    if name not in KEEP_INTENTS and name != "request_adviser" and FRUSTRATED.search(text):
        _set_intent(message, COMPLAIN, 1.0)
        message.set(INTENT_RANKING_KEY, [{"name": COMPLAIN, "confidence": 1.0}], add_to_output=True)
        return
    if name not in KEEP_INTENTS:
        topic = question_topic(text)
        if topic is not None:
            _set_intent(message, ASK_QUESTION, 1.0)
            ranking = [{"name": ASK_QUESTION, "confidence": 1.0}, *_ranking(message)]
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            entity = {"entity": TOPIC, "value": topic, "start": 0, "end": len(text),
                      "extractor": "IntentRules"}  # fmt: skip
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
            return
    if allowed(name, text):
        return
    ranking = [r for r in _ranking(message) if r.get("name") != name]
    best = next((r for r in ranking if allowed(r.get("name"), text)), None)
    if best is None:
        return
    _set_intent(message, best["name"], float(best.get("confidence") or 0.0))
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class IntentRules(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentRules:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            apply(message)
        return messages
