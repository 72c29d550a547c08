"""After the assessment: the offers that fit, why, and what is free for the resident."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, rules
from actions.handoff import case_reference
from bot.assessment import flow, say
from bot.insight.events import age_band, district
from bot.pathways.models import Routing
from bot.pathways.service import route


def summary_text(routing: Routing) -> str:
    """The routing in two or three short lines (reading age about 9); the reasons, what is
    free and the help for each barrier are one press away, in the plan."""
    names = say.join([o.name for o in routing.offers])
    lines = [f"From what you've told me, {names} can help you."]
    if routing.entitlements:
        lines.append("Some courses are free for you.")
    if routing.referrals:
        helps = say.join([r.name for r in routing.referrals[:3]])
        lines.append(f"There is other help for you too: {helps}.")
    lines.append("Choose \u201cSee my plan\u201d for the details and what to do next.")
    return "\n".join(lines)


def next_buttons(slots: dict) -> list[dict]:
    wants = slots.get("wants")
    first = {
        "job": {"title": "Find jobs", "payload": "/find_job"},
        "apprenticeship": {"title": "Find apprenticeships", "payload": "/find_apprenticeship"},
        "support": {"title": "Find support", "payload": "/get_support"},
    }.get(wants, {"title": "Find courses", "payload": "/find_course"})
    others = [
        {"title": "Find courses", "payload": "/find_course"},
        {"title": "Find jobs", "payload": "/find_job"},
        {"title": "Find support", "payload": "/get_support"},
    ]
    age = slots.get("age")
    if isinstance(age, int) and age <= 24:  # apprenticeships suit young people most
        others.insert(2, {"title": "Find apprenticeships", "payload": "/find_apprenticeship"})
    plan = {"title": "See my plan", "payload": "/show_plan"}
    return [plan, first, *[b for b in others if b != first], PERSON_BUTTON]


class ActionAssessmentSummary(Action):
    def name(self) -> str:
        return "action_assessment_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("wants") == "employer":  # "what would i have to pay them"
            from actions.knowledge import ActionAnswerQuestion

            return await ActionAnswerQuestion().run(dispatcher, tracker, domain)
        routing = route(flow.answers(tracker.slots), rules(tracker))
        if routing.too_young:
            dispatcher.utter_message(text=routing.too_young, buttons=[PERSON_BUTTON])
            return []
        # The end of the assessment opens the resident's case: whoever helps them next (live,
        # at an appointment, on a call back) starts from their answers.
        reference = case_reference(tracker, "assessment")
        dispatcher.utter_message(
            text=summary_text(routing),
            buttons=next_buttons(tracker.slots),
            json_message={
                "type": "pathways",
                "case": reference,
                **routing.dict(),
                # For the anonymous count only; the gateway takes it out (bot.insight.turns).
                "insight": {
                    "age_band": age_band(tracker.get_slot("age")),
                    "district": district(tracker.get_slot("location")),
                },
            },
        )
        return []
