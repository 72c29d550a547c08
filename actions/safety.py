"""A resident who may be in danger gets the right numbers at once, a person, and someone who
stays with them: the questions do not come back until they choose.

The gateway's safety net (``bot.safety.detect``) sends ``/crisis`` with the resident's words in
the message's metadata; the model's ``crisis`` intent comes here too. The answer depends on
the danger: thoughts of suicide or self-harm, abuse, nowhere to sleep tonight, or a home about
to be lost. Each ends with a question (are you safe now?) that ``action_crisis_follow_up``
hears, and the ``crisis_open`` slot keeps the dialogue with the resident until they say they
are safe or ask for something else.
"""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, council, intent_of, text_of
from actions.flows import MAIN_MENU
from actions.handoff import case_reference
from actions.profile import resident_text
from bot.conversation.aftercare import CRISIS_TYPE, SAFE_TYPE
from bot.council.models import Council
from bot.safety.detect import kind as danger

SAFE_BUTTON = {"title": "I'm safe right now", "payload": "/affirm"}
NOT_SAFE_BUTTON = {"title": "I'm not safe", "payload": "/deny"}
HOME_TONIGHT_BUTTON = {"title": "Yes, I have somewhere tonight", "payload": "/affirm"}
NO_HOME_TONIGHT_BUTTON = {"title": "No, nowhere tonight", "payload": "/deny"}
QUESTIONS_BUTTON = {"title": "Go back to the questions", "payload": "/career_advice"}
HOUSING_DUTY_DAYS = 56  # Housing Act 1996, Part 7 (as amended by the Homelessness Reduction Act)


def crisis_text(housing_phone: str, council_name: str) -> str:
    """Every number, for a crisis the rules could not name (the model's ``crisis`` intent)."""
    return (
        "I'm sorry you're going through this. You don't have to face it alone.\n"
        "- If you are in danger now, call 999.\n"
        "- Samaritans: call 116 123, free, any time, day or night.\n"
        "- Shout: text SHOUT to 85258, free, any time.\n"
        f"- If you have nowhere safe to sleep tonight, call {council_name}'s emergency housing "
        f"line on {housing_phone}.\n"
        "- Domestic abuse: call the free National Domestic Abuse Helpline on 0808 2000 247.\n"
        "I've let our team know this is urgent. You can also ask to talk to a person now."
    )


def _suicide(this: Council) -> str:
    return (
        "I'm really sorry you're feeling like this. You matter, and you don't have to face it "
        "alone.\n"
        "- If you are in danger now, call 999.\n"
        "- Samaritans: call 116 123, free, any time, day or night.\n"
        "- Shout: text SHOUT to 85258, free, any time.\n"
        "I've let our team know this is urgent. Are you safe right now?"
    )


def _abuse(this: Council) -> str:
    return (
        "I'm sorry this is happening to you. It is not your fault.\n"
        "- If you are in danger now, call 999. If you can't speak, call 999 and press 55.\n"
        "- National Domestic Abuse Helpline: call 0808 2000 247, free, any time.\n"
        f"- If you need somewhere safe to stay tonight, call {this.name}'s emergency housing "
        f"line on {this.emergency_housing_phone}.\n"
        "I've let our team know this is urgent. Are you safe right now?"
    )


def _homeless_tonight(this: Council) -> str:
    return (
        "I'm sorry. Nobody should have nowhere to sleep.\n"
        f"- Call {this.name}'s emergency housing line now on {this.emergency_housing_phone}. "
        "It answers day and night.\n"
        "- If you are in danger, call 999.\n"
        "- Samaritans: call 116 123 if you need to talk, free, any time.\n"
        "I've let our team know this is urgent. Do you have somewhere safe to stay tonight?"
    )


def _housing(this: Council) -> str:
    return (
        "I'm sorry, losing your home is frightening. Get help now, before you have to leave.\n"
        f"- Contact {this.name}'s Housing Options team on {this.phone}. If you could be "
        f"homeless within {HOUSING_DUTY_DAYS} days, the council must help you try to keep your "
        "home or find another.\n"
        f"- If you have nowhere to sleep tonight, call the emergency housing line on "
        f"{this.emergency_housing_phone}, day or night.\n"
        "I've let our team know this is urgent, and housing comes first in your plan. Do you "
        "have somewhere safe to stay tonight?"
    )


ANSWERS = {
    "suicide": (_suicide, [SAFE_BUTTON, NOT_SAFE_BUTTON]),
    "abuse": (_abuse, [SAFE_BUTTON, NOT_SAFE_BUTTON]),
    "homeless_tonight": (_homeless_tonight, [HOME_TONIGHT_BUTTON, NO_HOME_TONIGHT_BUTTON]),
    "housing": (_housing, [HOME_TONIGHT_BUTTON, NO_HOME_TONIGHT_BUTTON]),
}


class ActionCrisis(Action):
    def name(self) -> str:
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        this = council()
        said = resident_text(tracker) or text_of(tracker)
        found = danger(said)
        # An urgent case goes to the top of every adviser's queue, true to "I've let our team
        # know". The ``crisis`` payload tells the gateway to flag the conversation as urgent
        # (the gateway alone writes its conversation rows), to keep the numbers under the
        # next replies, and the widget to show them first.
        reference = case_reference(tracker, "housing" if found == "housing" else "crisis")
        if found in ANSWERS:
            write, buttons = ANSWERS[found]
            text = write(this)
        else:
            text, buttons = crisis_text(this.emergency_housing_phone, this.name), []
        events: list[EventType] = [
            SlotSet("urgent", True),
            SlotSet("crisis_open", True),
            SlotSet("crisis_kind", found or "crisis"),
        ]
        known = tracker.get_slot("barriers")
        if found in ("housing", "homeless_tonight"):
            barriers = set(known) if isinstance(known, list) else set()
            events.append(SlotSet("barriers", sorted(barriers | {"housing"})))
        dispatcher.utter_message(
            text=text,
            buttons=[*buttons, PERSON_BUTTON],
            json_message={"type": CRISIS_TYPE, "case": reference, "kind": found or "crisis"},
        )
        return events


_STILL_LOW = re.compile(
    r"\b(nobody|no one|noone|no-one) (cares|care|gives|listens|understands)|don'?t (care|know)|"
    r"dunno|idk|what'?s the point|no point|can'?t (cope|do this|take)|alone|lonely|hopeless|"
    r"worthless|tired of|sad|crying|scared|frightened|help me",
    re.IGNORECASE,
)


_SAFE = re.compile(
    r"^\W*(yes|yeah|yep|yup|yh|ye|yea|yes i am|i'?m safe|i am safe|safe now|i'?m ok now|i have "
    r"somewhere|i'?ve got somewhere|i have a place|i do)\b",
    re.IGNORECASE,
)
_NOT_SAFE = re.compile(
    r"^\W*(no|nope|nah|na|not safe|i'?m not|i am not|nowhere|i don'?t|i dont|not really)\b",
    re.IGNORECASE,
)


def _clear_answer(text: str) -> bool | None:
    """A typed yes or no to "are you safe?": only a plain one ("ok what now" is neither)."""
    if _NOT_SAFE.search(text):
        return False
    if _SAFE.search(text):
        return True
    return None


class ActionCrisisFollowUp(Action):
    """What a resident says after the crisis answer: whether they are safe, or how they feel.
    The conversation stays here until they say they are safe or ask for something else."""

    def name(self) -> str:
        return "action_crisis_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        this = council()
        text, intent = text_of(tracker), intent_of(tracker)
        said = resident_text(tracker) or text
        if text.startswith("/crisis") or danger(said):  # a new or worse danger: answer it
            return await ActionCrisis().run(dispatcher, tracker, domain)
        kind = tracker.get_slot("crisis_kind") or "crisis"
        housing = kind in ("housing", "homeless_tonight")
        if text == "/career_advice":  # the resident chose to go back to the questions
            return [SlotSet("crisis_open", None), FollowupAction("assessment_form")]
        answer = {"affirm": True, "deny": False}.get(intent or "") if text.startswith("/") else (
            _clear_answer(text))  # fmt: skip
        question = "Do you have somewhere safe to stay tonight?" if housing else (
            "Are you safe right now?")  # fmt: skip
        choices = ANSWERS[kind][1] if kind in ANSWERS else [SAFE_BUTTON, NOT_SAFE_BUTTON]
        if _STILL_LOW.search(text):
            dispatcher.utter_message(
                text="I'm sorry you feel like this. You matter, and people do want to help. "
                "Samaritans will listen, free, on 116 123, any time. A person from our team "
                f"can talk to you too. {question}",
                buttons=[*choices, PERSON_BUTTON],
            )
            return []
        if answer is True:
            return self._safe(dispatcher, housing, this)
        if answer is False:
            return self._not_safe(dispatcher, housing, this)
        dispatcher.utter_message(
            text="I'm still here. Take your time. If you want to talk to someone now, "
            "Samaritans are free on 116 123, day or night, or a person from our team can "
            f"help. {question}",
            buttons=[*choices, PERSON_BUTTON],
        )
        return []

    @staticmethod
    def _safe(dispatcher: CollectingDispatcher, housing: bool, this: Council) -> list[EventType]:
        first = (
            f"Good. The Housing Options team on {this.phone} can help you keep your home or "
            "find another, so please call them soon."
            if housing
            else "I'm glad you're safe. You can come back to this chat, or call Samaritans on "
            "116 123, whenever you need to."
        )
        dispatcher.utter_message(
            text=f"{first} There's no rush. What would you like to do now?",
            buttons=[PERSON_BUTTON, QUESTIONS_BUTTON, *MAIN_MENU[:2]],
            json_message={"type": SAFE_TYPE},
        )
        return [SlotSet("crisis_open", None)]

    @staticmethod
    def _not_safe(
        dispatcher: CollectingDispatcher, housing: bool, this: Council
    ) -> list[EventType]:
        if housing:
            text = (
                f"Please call the emergency housing line now on {this.emergency_housing_phone}. "
                "They answer day and night and can find you somewhere to stay tonight. If you "
                "are in danger, call 999. I've told our team it's urgent."
            )
        else:
            text = (
                "I'm sorry you feel like this. Please call 999 now if you might act on these "
                "thoughts or are in danger. Samaritans will listen, free, on 116 123, any time. "
                "Or text SHOUT to 85258. I've told our team it's urgent."
            )
        dispatcher.utter_message(text=text, buttons=[PERSON_BUTTON])
        return []


class ActionEmployer(Action):
    """An employer is answered as an employer for the rest of the chat, and sent to the
    council's employer team by name."""

    def name(self) -> str:
        return "action_employer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        this = council()
        dispatcher.utter_message(
            text="Thank you for getting in touch as an employer. The council's employer team "
            "can help you recruit locally, take on an apprentice, or train your staff. "
            f"Call {this.phone} or email {this.email} and ask for the employer team.",
            buttons=[
                {"title": "Ask the employer team to call me", "payload": "/request_callback"},
                {
                    "title": "What does an apprentice cost?",
                    "payload": '/ask_question{"topic":"employer_apprentice_costs"}',
                },
            ],
        )
        return [SlotSet("wants", "employer")]
