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
from datetime import datetime

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import PERSON_BUTTON, council, intent_of, text_of
from actions.flows import MAIN_MENU, acknowledgement
from actions.handoff import case_reference
from actions.profile import resident_text
from bot.clock import utcnow
from bot.conversation.aftercare import CRISIS_TYPE, SAFE_TYPE
from bot.council import service as council_service
from bot.council.models import Council
from bot.safety.detect import kind as danger

SAFE_BUTTON = {"title": "I'm safe right now", "payload": "/affirm"}
NOT_SAFE_BUTTON = {"title": "I'm not safe", "payload": "/deny"}
HOME_TONIGHT_BUTTON = {"title": "Yes, I have somewhere tonight", "payload": "/affirm"}
NO_HOME_TONIGHT_BUTTON = {"title": "No, nowhere tonight", "payload": "/deny"}
QUESTIONS_BUTTON = {"title": "Go back to the questions", "payload": "/career_advice"}
HOUSING_DUTY_DAYS = 56  # Housing Act 1996, Part 7 (as amended by the Homelessness Reduction Act)


def team_note(this: Council, now: datetime) -> str:
    """True to the hour: at night "I've let our team know" must not sound like someone is
    reading it now, so the resident knows to use the numbers first."""
    if council_service.is_open(this, now):
        return "I've let our team know this is urgent."
    return (
        "I've let our team know this is urgent. They are closed now. "
        f"{council_service.reopening_text(this, now)} The numbers above can help you now."
    )


def crisis_text(this: Council, team: str) -> str:
    """Every number, for a crisis the rules could not name (the model's ``crisis`` intent)."""
    return (
        "I'm sorry you're going through this. You don't have to face it alone.\n"
        "- If you are in danger now, call 999.\n"
        "- Samaritans: call 116 123, free, any time, day or night.\n"
        "- Shout: text SHOUT to 85258, free, any time.\n"
        f"- If you have nowhere safe to sleep tonight, call {this.name}'s emergency housing "
        f"line on {this.emergency_housing_phone}.\n"
        "- Domestic abuse: call the free National Domestic Abuse Helpline on 0808 2000 247.\n"
        f"{team} You can also ask to talk to a person."
    )


def _overdose(this: Council, team: str) -> str:
    return (
        "Please get medical help now. This is an emergency even if you feel OK: some tablets "
        "harm you hours later.\n"
        "- Call 999 now, or go to A&E. If you can't call, ask someone near you to.\n"
        "- If you are not sure, call 111, free, any time.\n"
        "- Samaritans will listen too: call 116 123, free, any time.\n"
        f"{team} Are you safe right now?"
    )


def _suicide(this: Council, team: str) -> str:
    return (
        "I'm really sorry you're feeling like this. You matter, and you don't have to face it "
        "alone.\n"
        "- If you are in danger now, call 999.\n"
        "- Samaritans: call 116 123, free, any time, day or night.\n"
        "- Shout: text SHOUT to 85258, free, any time.\n"
        f"{team} Are you safe right now?"
    )


def _abuse(this: Council, team: str) -> str:
    return (
        "I'm sorry this is happening to you. It is not your fault.\n"
        "- If you are in danger now, call 999. If you can't speak, call 999 and press 55.\n"
        "- National Domestic Abuse Helpline: call 0808 2000 247, free, any time.\n"
        "- If someone checks your phone, you can delete this chat: choose Start again.\n"
        f"- If you need somewhere safe to stay tonight, call {this.name}'s emergency housing "
        f"line on {this.emergency_housing_phone}.\n"
        f"{team} Are you safe right now?"
    )


def _exploitation(this: Council, team: str) -> str:
    return (
        "I'm sorry. Nobody should be forced to work or sell things, or have their passport "
        "taken. It is not your fault, and you can get help, whatever your immigration status.\n"
        "- If you are in danger now, call 999.\n"
        "- Modern Slavery and Exploitation Helpline: call 08000 121 700, free, any time. They "
        "can use an interpreter.\n"
        "- Under 18? Childline: call 0800 1111, free, any time.\n"
        f"{team} Are you safe right now?"
    )


def _homeless_tonight(this: Council, team: str) -> str:
    return (
        "I'm sorry. Nobody should have nowhere to sleep.\n"
        f"- Call {this.name}'s emergency housing line now on {this.emergency_housing_phone}. "
        "It answers day and night.\n"
        "- If you are in danger, call 999.\n"
        "- Samaritans: call 116 123 if you need to talk, free, any time.\n"
        f"{team} Do you have somewhere safe to stay tonight?"
    )


def _housing(this: Council, team: str) -> str:
    return (
        "I'm sorry, losing your home is frightening. Get help now, before you have to leave.\n"
        f"- Contact {this.name}'s Housing Options team on {this.phone}. If you could be "
        f"homeless within {HOUSING_DUTY_DAYS} days, the council must help you try to keep your "
        "home or find another.\n"
        f"- If you have nowhere to sleep tonight, call the emergency housing line on "
        f"{this.emergency_housing_phone}, day or night.\n"
        f"{team} Housing comes first in your plan. Do you have somewhere safe to stay "
        "tonight?"
    )


ANSWERS = {
    "overdose": (_overdose, [SAFE_BUTTON, NOT_SAFE_BUTTON]),
    "suicide": (_suicide, [SAFE_BUTTON, NOT_SAFE_BUTTON]),
    "abuse": (_abuse, [SAFE_BUTTON, NOT_SAFE_BUTTON]),
    "exploitation": (_exploitation, [SAFE_BUTTON, NOT_SAFE_BUTTON]),
    "homeless_tonight": (_homeless_tonight, [HOME_TONIGHT_BUTTON, NO_HOME_TONIGHT_BUTTON]),
    "housing": (_housing, [HOME_TONIGHT_BUTTON, NO_HOME_TONIGHT_BUTTON]),
}


class ActionCrisis(Action):
    def name(self) -> str:
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        this = council(tracker)
        said = resident_text(tracker) or text_of(tracker)
        found = danger(said)
        # An urgent case goes to the top of every adviser's queue, true to "I've let our team
        # know". The ``crisis`` payload tells the gateway to flag the conversation as urgent
        # (the gateway alone writes its conversation rows), to keep the numbers under the
        # next replies, and the widget to show them first.
        reference = case_reference(tracker, "housing" if found == "housing" else "crisis")
        team = team_note(this, utcnow())
        if found in ANSWERS:
            write, buttons = ANSWERS[found]
            text = write(this, team)
        else:
            text, buttons = crisis_text(this, team), []
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
    r"worthless|tired of|sad|crying|scared|frightened|help me\b(?! (to )?(find|get|look for|"
    r"search for) (me )?(a |an |some )?(job|jobs|work|course|courses|training)\b)",
    re.IGNORECASE,
)


# "can u just help me find a job then", "i just need a job": a search asked for in so many
# words ("i want to go to work but he locks me in" is not one)
ASKS_FOR_A_SEARCH = re.compile(
    r"\b(find|get|look(ing)? for|show me|search( for)?|want|need)\s+(me\s+)?(((a|an|some|any)\s+)?"
    r"(jobs|work|courses|training|apprenticeships)|(a|an|some|any)\s+(job|course|"
    r"apprenticeship))\b",
    re.IGNORECASE,
)
_BARE_SUBJECT = 3  # "warehouse", "care work": a word or two naming what to look for


def _searched_since_crisis(tracker: Tracker) -> bool:
    """Whether the resident has asked for a search since the (latest) crisis answer."""
    for event in reversed(tracker.events):
        if event.get("event") != "slot":
            continue
        if event.get("name") == "crisis_open" and event.get("value"):
            return False  # the crisis answer, or a new one given by the follow-up
        if event.get("name") == "last_search":
            return True  # a search, whichever action ran it
    return False


def _named(tracker: Tracker) -> set[str]:
    """The kinds of entity the model found in the message."""
    return {e.get("entity") for e in tracker.latest_message.get("entities") or []}


def _their_own_request(tracker: Tracker, text: str) -> bool:
    """A request of their own after a crisis answer: a search asked for in words, or a subject
    alone ("warehouse") after the results they asked for."""
    if intent_of(tracker) == "crisis":
        return False
    if ASKS_FOR_A_SEARCH.search(text):
        return True
    named = _named(tracker)
    return (
        len(text.split()) <= _BARE_SUBJECT
        and bool(named & {"subject", "job_role", "postcode", "place"})
        and _searched_since_crisis(tracker)
    )


# "im fine with nights", "im ok doing evenings" say nothing about being safe; "ok for now" does
_NOT_ABOUT_SAFETY = r"(?! (?:with|doing|to|about|if|working|as)\b| for (?!now\b))"
_SAFE = re.compile(
    r"^\W*(?:(?:um+|erm|well|ok|okay|yes|yeah)\W+)?(?:yes|yeah|yep|yup|yh|ye|yea|ya|i think so|"
    r"i'?m safe|im safe|i am safe|safe now|(?:i'?m|im|i am) (?:ok|okay|fine|alright|all right)"
    rf"{_NOT_ABOUT_SAFETY}|"
    r"ok for now|okay for now|for now yes|i have somewhere|i'?ve got somewhere|i got somewhere|"
    r"i have a place|i can stay|i'?m staying|im staying|i do)\b",
    re.IGNORECASE,
)
_NOT_SAFE = re.compile(
    r"^\W*(?:(?:um+|erm|well)\W+)?(?:no|nope|nah|na|not safe|i'?m not|im not|i am not|nowhere|"
    r"i don'?t|i dont|not really|i'?m scared|im scared)\b",
    re.IGNORECASE,
)


_OK_NOW = re.compile(
    rf"\b(?:i'?m|im|i am) (?:ok|okay|fine|alright|all right|safe)\b{_NOT_ABOUT_SAFETY}", re.I
)
_NOT_OK = re.compile(r"\bnot (?:ok|okay|fine|alright|all right|safe)\b", re.I)


def clear_answer(text: str) -> bool | None:
    """A typed yes or no to "are you safe?": only a plain one ("ok what now" is neither).
    "no im ok, im not going to do anything" says safe, whatever its first word."""
    if _OK_NOW.search(text) and not _NOT_OK.search(text):
        return True
    if _NOT_SAFE.search(text):
        return False
    if _SAFE.search(text):
        return True
    return None


# Who to call now, by the kind of danger: said again whenever the resident is still in it.
HELPLINES = {
    "overdose": "please call 999 or go to A&E now, even if you feel OK (or 111 if you are not "
    "sure)",
    "suicide": "Samaritans are free on 116 123, day or night",
    "abuse": "the National Domestic Abuse Helpline is free on 0808 2000 247, any time, and in "
    "danger call 999 (if you can't speak, press 55)",
    "exploitation": "the Modern Slavery and Exploitation Helpline is free on 08000 121 700, any "
    "time (under 18: Childline, 0800 1111)",
}
NOT_SAFE_NOW = {
    "overdose": "Please call 999 now, or go to A&E. What you took can harm you even if you "
    "feel fine. If you can't call, ask someone near you to.",
    "abuse": "If you are in danger, call 999 now. If you can't speak, call 999 and press 55 "
    "when asked. The National Domestic Abuse Helpline is free on 0808 2000 247, any time.",
    "exploitation": "If you are in danger, call 999 now. The Modern Slavery and Exploitation "
    "Helpline is free on 08000 121 700, any time, with interpreters. Under 18? Childline is "
    "free on 0800 1111.",
}


def helpline(kind: str, this: Council) -> str:
    if kind in ("housing", "homeless_tonight"):
        return f"the emergency housing line is on {this.emergency_housing_phone}, day or night"
    return HELPLINES.get(kind, HELPLINES["suicide"])


class ActionCrisisFollowUp(Action):
    """What a resident says after the crisis answer: whether they are safe, or how they feel.
    The conversation stays here until they say they are safe or ask for something else."""

    def name(self) -> str:
        return "action_crisis_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        this = council(tracker)
        text, intent = text_of(tracker), intent_of(tracker)
        said = resident_text(tracker) or text
        if text.startswith("/crisis") or danger(said):  # a new or worse danger: answer it
            return await ActionCrisis().run(dispatcher, tracker, domain)
        kind = tracker.get_slot("crisis_kind") or "crisis"
        housing = kind in ("housing", "homeless_tonight")
        if text == "/career_advice":  # the resident chose to go back to the questions
            return [SlotSet("crisis_open", None), FollowupAction("assessment_form")]
        answer = {"affirm": True, "deny": False}.get(intent or "") if text.startswith("/") else (
            clear_answer(text))  # fmt: skip
        question = "Do you have somewhere safe to stay tonight?" if housing else (
            "Are you safe right now?")  # fmt: skip
        choices = ANSWERS[kind][1] if kind in ANSWERS else [SAFE_BUTTON, NOT_SAFE_BUTTON]
        if answer is True:  # "im safe now thanks, can u help me find work"
            return self._safe(dispatcher, housing, this, kind)
        if answer is None and not _STILL_LOW.search(text) and _their_own_request(tracker, text):
            # "can u just help me find a job then", or "warehouse" or "DB1 1AA" after the
            # results they asked for: a request of their own, answered (the numbers stay under
            # every reply)
            from actions.search import ActionMoreResults, ActionSearch

            named = _named(tracker)
            if not ASKS_FOR_A_SEARCH.search(text) and not named & {"subject", "job_role"}:
                # only where: the search they asked for, near there
                return await ActionMoreResults().run(dispatcher, tracker, domain)
            return await ActionSearch().run(dispatcher, tracker, domain)
        if _STILL_LOW.search(text):
            if housing:
                comfort = (
                    "I'm sorry, this is a lot to deal with. You don't have to sort it out alone. "
                    f"The Housing Options team on {this.phone} deals with this every day."
                )
            elif kind == "suicide" or kind not in HELPLINES:
                comfort = (
                    "I'm sorry you feel like this. You matter, and people do want to help. "
                    "Samaritans will listen, free, on 116 123, any time."
                )
            else:
                comfort = f"I'm sorry. It is not your fault. Help is there: {helpline(kind, this)}."
            dispatcher.utter_message(
                text=f"{comfort} A person from our team can talk to you too. {question}",
                buttons=[*choices, PERSON_BUTTON],
            )
            return []
        if answer is False and _last_said_not_safe(tracker):
            # "no" again: the numbers are on screen; a person, and a call back, offered plainly
            line = helpline(kind, this)
            dispatcher.utter_message(
                text=f"{HEARD_AGAIN} {line[0].upper()}{line[1:]}. If you can't call, choose "
                "Talk to a person. Our team will get back to you soon.",
                buttons=[PERSON_BUTTON],
            )
            return []
        if answer is False:
            return self._not_safe(dispatcher, housing, this, kind)
        heard = acknowledgement(tracker)
        if heard is not None:
            # "a couple of months": an answer to the questions they were on, noted, not ignored
            dispatcher.utter_message(
                text=f"{heard} We can carry on with the questions when you're ready. First, "
                f"{question[0].lower()}{question[1:]}",
                buttons=[*choices, PERSON_BUTTON],
            )
            return []
        if _said_not_safe(tracker):
            # "ok" after "no, nowhere tonight": they have answered; not asked again
            line = helpline(kind, this)
            dispatcher.utter_message(
                text=f"I'm still here. {line[0].upper()}{line[1:]}. If you can't call, a person "
                "from our team can help. When you're safe, tell me, and I can help with work "
                "and training too.",
                buttons=[choices[0], PERSON_BUTTON],
            )
            return []
        dispatcher.utter_message(
            text="I'm still here. Take your time. If you want to talk to someone now, "
            f"{helpline(kind, this)}, or a person from our team can help. {question}",
            buttons=[*choices, PERSON_BUTTON],
        )
        return []

    @staticmethod
    def _safe(
        dispatcher: CollectingDispatcher, housing: bool, this: Council, kind: str = ""
    ) -> list[EventType]:
        if kind == "homeless_tonight":  # safe tonight, with no home to keep ("in my car")
            text = (
                f"Good. Please call the Housing Options team on {this.phone} as soon as you "
                "can. They can help you find somewhere settled to live. I can also help with "
                "work and training. What would you like to do now?"
            )
        elif housing:  # safe tonight, but the home is still at risk: no "there's no rush" here
            text = (
                f"Good. Please call the Housing Options team on {this.phone} as soon as you "
                "can. The sooner they know, the more they can do to help you keep your home. "
                "I can also help with work and training. What would you like to do now?"
            )
        else:
            text = (
                "I'm glad you're safe. You can come back to this chat, or call Samaritans on "
                "116 123, whenever you need to. There's no rush. What would you like to do now?"
            )
        dispatcher.utter_message(
            text=text,
            buttons=[PERSON_BUTTON, QUESTIONS_BUTTON, *MAIN_MENU[:2]],
            json_message={"type": SAFE_TYPE},
        )
        return [SlotSet("crisis_open", None)]

    @staticmethod
    def _not_safe(
        dispatcher: CollectingDispatcher, housing: bool, this: Council, kind: str = "suicide"
    ) -> list[EventType]:
        if kind in NOT_SAFE_NOW:
            text = f"{NOT_SAFE_NOW[kind]} I've told our team it's urgent."
        elif housing:
            text = (
                f"{HOUSING_NOT_SAFE} on {this.emergency_housing_phone}. They answer day and "
                "night and can find you somewhere to stay tonight. If you are in danger, call "
                "999. I've told our team it's urgent."
            )
        else:
            text = (
                f"{LOW_NOT_SAFE} if you might act on these thoughts or are in danger. "
                "Samaritans will listen, free, on 116 123, any time. Or text SHOUT to 85258. "
                "I've told our team it's urgent."
            )
        dispatcher.utter_message(text=text, buttons=[PERSON_BUTTON])
        return []


# How the answers to "not safe" begin: a second "no" is not given the same words again.
HOUSING_NOT_SAFE = "Please call the emergency housing line now"
LOW_NOT_SAFE = "I'm sorry you feel like this. Please call 999 now"
HEARD_AGAIN = "I hear you."
_NOT_SAFE_OPENINGS = (
    *(text.split(".")[0] for text in NOT_SAFE_NOW.values()),
    HOUSING_NOT_SAFE,
    LOW_NOT_SAFE,
    HEARD_AGAIN,
)


def _said_not_safe(tracker: Tracker) -> bool:
    """Whether the assistant has answered "not safe" since its crisis answer."""
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        if str(event.get("text") or "").startswith(_NOT_SAFE_OPENINGS):
            return True
        if ((event.get("data") or {}).get("custom") or {}).get("type") == CRISIS_TYPE:
            return False
    return False


def _last_said_not_safe(tracker: Tracker) -> bool:
    """Whether the assistant's last answer was to "not safe"."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return str(event.get("text") or "").startswith(_NOT_SAFE_OPENINGS)
    return False


class ActionEmployer(Action):
    """An employer is answered as an employer for the rest of the chat, and sent to the
    council's employer team by name."""

    def name(self) -> str:
        return "action_employer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        this = council(tracker)
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
