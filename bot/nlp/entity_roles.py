"""Whether a word is a subject or a job role depends on what the resident asked for.

"care", "electrician" or "retail" are something to learn in a course search and a kind of work in
a job search. The entity model sees a few words either side and guesses; the intent classifier
has read the whole message. This component runs after both and names the entity by the intent,
following the annotation rules in data/nlu/README.md. Other intents keep the model's label.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message

ROLE_BY_INTENT = {
    "find_job": "job_role",
    "career_advice": "job_role",
    "find_course": "subject",
    "find_apprenticeship": "subject",
    "inform": "subject",
}
ROLES = frozenset(ROLE_BY_INTENT.values())


def name_by_intent(intent: str | None, entities: list[dict[str, Any]]) -> None:
    """Rename subject/job_role entities in place to the role the intent implies."""
    role = ROLE_BY_INTENT.get(intent or "")
    if role is None:
        return
    for entity in entities:
        if entity.get(ENTITY_ATTRIBUTE_TYPE) in ROLES:
            entity[ENTITY_ATTRIBUTE_TYPE] = role


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class EntityRolesByIntent(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EntityRolesByIntent:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            name_by_intent(intent, message.get(ENTITIES) or [])
        return messages
