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

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.glossary import service as glossary
from bot.nlp.intent_words import (  # the rules' words
    ABOUT_A_COUNCIL_SERVICE,
    ABOUT_PROGRAMMES,
    ASK_QUESTION,
    BOOKING_INTENTS,
    COMPLAIN,
    GO_BACK,
    KEEP_INTENTS,
    KEEP_IT,
    LOOKING_FOR,
    NOT_RESTART,
    NOT_THAT_BUT,
    OWN_BUSINESS,
    PLAINLY,
    RESTART_WORDS,
    RIVAL,
    RULED,
    SEARCH_INTENTS,
    SURE_OF_CRISIS,
    WHAT_IS,
    WHAT_IS_WORDS,
    YES_FIRST,
    YES_REALLY,
    about_an_appointment,
    allowed,
    audience,
    frustrated,
    is_question,
    mashed,
    question_topic,
)
from bot.safety.concern import THRESHOLD as CONCERN_THRESHOLD
from bot.safety.concern import concern
from bot.safety.detect import kind as danger


def _ranking(message: Message) -> list[dict[str, Any]]:
    return list(message.get(INTENT_RANKING_KEY) or [])


def _set_intent(message: Message, name: str, confidence: float) -> None:
    """The intent, and the ranking with it first and only once (the fallback compares the top
    two of the ranking: the same intent twice would look ambiguous)."""
    message.set(INTENT, {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence},
                add_to_output=True)  # fmt: skip
    ranking = [r for r in _ranking(message) if r.get("name") != name]
    if confidence >= RULED:  # decided by rule: the model's guesses are no rival to it
        ranking = [{**r, "confidence": min(float(r.get("confidence") or 0), RIVAL)}
                   for r in ranking]  # fmt: skip
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": confidence}, *ranking],
                add_to_output=True)  # fmt: skip


def _demote(message: Message, name: str, text: str) -> None:
    """The model's next guess that may stand, in place of ``name``; the fallback then judges
    how sure it is."""
    ranking = [r for r in _ranking(message) if r.get("name") != name]
    best = next((r for r in ranking if allowed(r.get("name"), text)), None)
    if best is None:  # nothing else may stand: "Did you mean…", never the vetoed intent
        _set_intent(message, "nlu_fallback", 0.0)
        return
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    _set_intent(message, best["name"], float(best.get("confidence") or 0.0))


def apply(message: Message) -> None:
    """Correct the message's intent in place by the rules above."""
    text = message.get(TEXT) or ""
    intent = message.get(INTENT) or {}
    name = intent.get(INTENT_NAME_KEY)
    confidence = float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    if not text or text.startswith("/") or not name:
        return
    if mashed(text):  # nothing to act on: "Did you mean…?", never "Goodbye"
        _set_intent(message, "nlu_fallback", 0.0)
        return
    if danger(text) is not None:  # the safety net's words: the same reading as the gateway's
        _set_intent(message, "crisis", RULED)
        return
    if name == "crisis" and (confidence < SURE_OF_CRISIS or concern(text) < CONCERN_THRESHOLD):
        # The gateway's rules catch the words of danger; the model alone is too often wrong
        # ("been on here 20 mins and got nowhere"; "I'm interested in becoming an electrician,
        # I live in DB2 and I can't drive" at 0.87), and a false alarm frightens: its reading
        # stands only when the concern classifier, which knows danger better, agrees.
        _demote(message, name, text)
        name = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    if name in KEEP_INTENTS and not allowed(name, text):
        # kept from the knowledge base below only when its words are there: "my diploma need
        # to convert?" is no cancellation, and may be a question the knowledge base answers
        _demote(message, name, text)
        name = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    if (
        name not in ("crisis", "request_adviser", "request_callback")
        and frustrated(text)
        and not ABOUT_A_COUNCIL_SERVICE.search(text)
    ):
        _set_intent(message, COMPLAIN, 1.0)
        return
    if name == "stop" and GO_BACK.search(text):
        _set_intent(message, "help", 1.0)  # "go back": the menu, not "I've stopped"
        return
    if name == "deny" and NOT_THAT_BUT.search(text):
        _set_intent(message, "inform", 1.0)  # "nah not that sumthin outdoors": what instead
        return
    if KEEP_IT.search(text):
        _set_intent(message, "deny", 1.0)  # "no keep it": a no, whatever was asked
        return
    not_restart = NOT_RESTART.search(text) is not None
    if name in ("start_again", "confirm_restart") and not_restart:
        _set_intent(message, "deny", 1.0)  # "no dont start again": nothing is wiped
        return
    wipe_words = PLAINLY["start_again"].search(text) is not None  # "delete my info"
    if name == "confirm_restart" and not RESTART_WORDS.search(text) and not wipe_words:
        if YES_FIRST.search(text):
            _set_intent(message, "affirm", 1.0)  # a yes to something else: nothing is wiped
            return
        # "when does it start" is no yes at all: the model's next guess, or "Did you mean"
        _demote(message, name, text)
        name = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    plainly = next((i for i, words in PLAINLY.items() if words.search(text)), None)
    if plainly == "start_again" and not_restart:
        plainly = None
    if plainly == "start_again" and YES_REALLY.search(text):
        plainly = "confirm_restart"  # "yes delete this chat": the answer to "start again?"
    # "ok delete my info now, its a library computer": asked for, so asked first (start_again)
    if plainly is not None and name not in ("crisis", "request_adviser"):
        _set_intent(message, plainly, 1.0)
        return
    if name in BOOKING_INTENTS and about_an_appointment(text):
        _set_intent(message, ASK_QUESTION, 1.0)  # "can my mum come with me": asked, not booked
        return
    asks = name not in KEEP_INTENTS and not (name in SEARCH_INTENTS and LOOKING_FOR.search(text))
    topic = question_topic(text) if asks else None  # the knowledge base, matched once
    programmes = asks and is_question(text) and ABOUT_PROGRAMMES.search(text) is not None
    if topic is not None or programmes:
        _set_intent(message, ASK_QUESTION, 1.0)
        return
    if (
        name not in ("crisis", "request_adviser", "request_callback")
        and WHAT_IS.match(text)
        and len(text.split()) <= WHAT_IS_WORDS
        and glossary.lookup(text)
    ):
        _set_intent(message, "explain_term", 1.0)  # "wats esol": a word to explain, not a town
        return
    if name == ASK_QUESTION and (not is_question(text) or (topic is None and not programmes)):
        # "im 23 n jobless since xmas" tells, it doesn't ask; "im 17 left college dont no what
        # to do" asks what the assistant does (career advice), not what the answers know; "can
        # the council help us recruit" is for the employer team
        if audience(text) == "employer" and OWN_BUSINESS.search(text):
            _set_intent(message, "employer_enquiry", 1.0)
        else:
            _demote(message, name, text)
    elif not allowed(name, text):
        _demote(message, name, text)


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
