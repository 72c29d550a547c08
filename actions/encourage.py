"""A resident losing heart ("whats the point, ive been rejected 40 times") is heard, and offered
what advisers do about it, instead of a search for their words. The gateway recognises such a
message (``bot.safety.discouraged``) and passes it on as ``/discouraged`` with the words in its
metadata; during a form's questions the form answers it the same way and asks its question
again (``encouraged_in_form``)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import BOOK_BUTTON, PERSON_BUTTON, intent_of
from actions.profile import resident_text
from actions.search import ASSESS_BUTTON, assessed

INTENT = "discouraged"
GENERAL = (
    "I'm sorry you're feeling like this. Looking for work can wear anyone down, and it is not a "
    "sign that you are failing."
)
REJECTIONS = (
    "I'm sorry, that sounds really hard. Most people get a lot of no's, or no reply at all, "
    "before they get a yes. It is not a sign that you are failing."
)
INTERVIEWS = (
    "I'm sorry, that sounds really hard. Interviews get easier with practice, and a no after "
    "one is not a sign that you are failing."
)
AGE = (
    "I'm sorry, that sounds really hard. Your age should not stop you. Lots of people start a "
    "new job later in life, and employers value what you have done before."
)
# The second time: the same paragraph again would not answer it.
AGAIN = (
    "That's a lot to carry, and you don't have to do it on your own. An adviser can look at "
    "it with you, and they will see what you've told me, so you won't have to say it again."
)
LEARNING = (
    "I'm sorry you feel like that. Lots of adults go back to learning. Courses start from where "
    "you are, and there is help along the way."
)
# What the resident said it is about, first match wins: learning ("too old to learn"), age,
# interviews, rejections and silence; anything else gets the general words.
_ABOUT = (
    (re.compile(r"\b(too\s+(thick|stupid|dumb)\s+for\s+(college|courses?|learning|studying)|"
                r"learn\w*|studying|to\s+study)\b", re.IGNORECASE), LEARNING),
    (re.compile(r"\b(too\s+old|my\s+age|(i'?m|im|i\s+am)\s+[4-7]\d)\b", re.IGNORECASE), AGE),
    (re.compile(r"\binterview", re.IGNORECASE), INTERVIEWS),
    (re.compile(r"\b(reject\w*|turned\s+down|knocked\s+back|knock\s*backs?|no'?s|repl\w*|hear\w*|"
                r"back\s+to\s+me|appl\w*|hire|take\s+me|want\s+me|cvs?)\b", re.IGNORECASE),
     REJECTIONS),
)  # fmt: skip
HELP = (
    "Our advisers help with this every day. They can look at your CV with you. They can help "
    "you get ready for interviews. And they know who is taking people on near you."
)
LEARNING_HELP = (
    "Our advisers help with this every day. They can find a course that starts where you are, "
    "and help you sign up."
)
BOOKING_CLOSING = "An adviser can help with this too."
CV_BUTTON = {"title": "Help with my CV", "payload": '/find_course{"subject": "CV"}'}


def _heard_before(tracker: Tracker) -> bool:
    """Whether an earlier message in the conversation was losing heart too."""
    said = [e for e in tracker.events if e.get("event") == "user"]
    return any(
        ((e.get("parse_data") or {}).get("intent") or {}).get("name") == INTENT for e in said[:-1]
    )


def what_to_say(said: str, tracker: Tracker) -> str:
    """What to say to what was said (age, learning, interviews, or applying in general);
    shorter the second time, which the same paragraph again would not answer."""
    if _heard_before(tracker):
        return AGAIN
    opening = next((answer for about, answer in _ABOUT if about.search(said)), GENERAL)
    return f"{opening} {LEARNING_HELP if opening == LEARNING else HELP}"


def buttons(tracker: Tracker) -> list[dict[str, Any]]:
    """A person first; the CV course; the questions, for a resident who has not answered them."""
    offered = [PERSON_BUTTON, CV_BUTTON]
    if not assessed(tracker):
        offered.append(ASSESS_BUTTON)
    return offered


def _choosing_a_time(tracker: Tracker) -> bool:
    """Whether the times to see an adviser were on screen when the resident wrote."""
    said = max((i for i, e in enumerate(tracker.events) if e.get("event") == "user"), default=0)
    ran = [e.get("name") for e in tracker.events[:said] if e.get("event") == "action"]
    return [name for name in ran if name != "action_listen"][-1:] == ["action_offer_slots"]


class ActionEncourage(Action):
    def name(self) -> str:
        return "action_encourage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        heard = what_to_say(resident_text(tracker), tracker)
        if _choosing_a_time(tracker):  # "whats the point" under the times: the times again
            dispatcher.utter_message(text=f"{heard} {BOOKING_CLOSING}", buttons=[BOOK_BUTTON])
            return []
        text = f"{heard} Would you like to talk to one?"
        dispatcher.utter_message(text=text, buttons=buttons(tracker))
        return []


def encouraged_in_form(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    asked: str | None,
    closing: str = "Just ask for an adviser any time.",
) -> list[EventType] | None:
    """During a form's questions: heard, then the same question again (the form asks it), so
    nothing answered so far is lost. None when the message is not that. ``closing`` fits the
    form: booking one, the adviser is already on the way."""
    if not asked or intent_of(tracker) != INTENT:
        return None
    dispatcher.utter_message(text=f"{what_to_say(resident_text(tracker), tracker)} {closing}")
    return [SlotSet(asked, None), SlotSet("requested_slot", asked)]
