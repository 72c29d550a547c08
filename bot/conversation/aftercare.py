"""What the gateway adds to every answer: the emergency numbers while a resident may still be
in crisis, and a way out instead of the same message a third time.

Both are decided here, where every answer passes, rather than in each of the dialogue's
actions: a reply written later (a search, the handoff's "the team is closed") can never forget
the numbers, and no loop in the dialogue can trap a resident.
"""

from __future__ import annotations

import hashlib

from bot.clock import utcnow
from bot.conversation import language
from bot.conversation.models import BotMessage, Button, Conversation
from bot.council.models import Council
from bot.safety import concern

CRISIS_TYPE = "crisis"  # the custom payload type of the assistant's crisis answer
SAFE_TYPE = "safe_now"  # the resident said they are safe: the numbers can stop
NUMBERS_TYPE = "safety_numbers"
HELP_NOW = "/crisis"  # the check-in's one button: the full emergency answer
START_AGAIN_TYPE = "start_again"  # the resident confirmed: the conversation is deleted
NOT_UNDERSTOOD_TYPE = "did_you_mean"  # the dialogue's "Sorry, I didn't quite understand"
STILL_NOT_UNDERSTOOD_TYPE = "not_understood"  # the second time: a case for an adviser
OTHER_LANGUAGE_TYPE = "other_language"
REPEATS_ALLOWED = 2  # the same message twice may be fair (a question asked again); not three


# The first words of the reminder, by the kind of danger the resident spoke of.
FIRST_NUMBERS = {
    "overdose": "If you have taken something: call 999 or go to A&E now, or call 111.",
    "abuse": "Domestic abuse: call 0808 2000 247, free, any time. In danger, call 999 (can't "
    "speak? press 55).",
    "exploitation": "Forced to work or sell things: call 08000 121 700, free, any time. Under "
    "18: Childline 0800 1111.",
}


def safety_numbers(council: Council, kind: str | None = None) -> BotMessage:
    text = (
        "If you need help now: call 999, Samaritans 116 123, or text SHOUT to 85258. Nowhere to "
        f"sleep tonight? Call {council.name}'s emergency housing line on "
        f"{council.emergency_housing_phone}."
    )
    if kind in FIRST_NUMBERS:
        text = f"{FIRST_NUMBERS[kind]} {text}"
    return BotMessage(text=text, custom={"type": NUMBERS_TYPE, "text": text})


def check_in(
    conversation: Conversation,
    messages: list[BotMessage],
    council: Council,
    typed: str | None,
    *,
    encouraged: bool = False,
) -> list[BotMessage]:
    """When the concern classifier is worried by what the resident typed and the rules are not
    (bot.safety.concern), the answer opens with a gentle question, the numbers and one button,
    or is them when the dialogue only had "Sorry, I didn't quite understand". Once per
    conversation, and never beside a crisis answer or while its numbers are already being
    given. The classifier reads the words only when a check-in could follow."""
    if not typed or conversation.checked_in_at is not None or conversation.crisis_open:
        return messages
    if _kinds(messages) & {CRISIS_TYPE, NUMBERS_TYPE, START_AGAIN_TYPE, OTHER_LANGUAGE_TYPE}:
        return messages
    if not concern.worried(typed):
        return messages
    conversation.checked_in_at = utcnow()
    # "everything is pointless" alone is not understood as a request: the check-in is the answer,
    # not "Sorry, I didn't quite understand" and a button to explain a word.
    alone = bool(messages) and all(
        (m.custom or {}).get("type") == NOT_UNDERSTOOD_TYPE for m in messages
    )
    opening = "I'm sorry things feel so hard. If" if alone else "I may have got this wrong, but if"
    text = (
        f"{opening} you are not safe, or you are thinking about hurting "
        "yourself, you don't have to deal with it alone. Call 999 in an emergency, Samaritans "
        "116 123 (free, any time), or text SHOUT to 85258. Nowhere to sleep tonight? Call "
        f"{council.name}'s emergency housing line on {council.emergency_housing_phone}."
    )
    buttons = [Button(title="I need help now", payload=HELP_NOW)]
    if alone:
        text += " Or tell me what you'd like help with: work, a course, or someone to talk to."
        buttons.append(Button(title="Talk to a person", payload="/request_adviser"))
    asked = BotMessage(text=text, buttons=buttons, custom={"type": NUMBERS_TYPE, "text": text})
    if alone:
        return [asked]
    if encouraged:  # passed on as losing heart: the encouragement hears it first, and a question
        return [messages[0], asked, *messages[1:]]  # asked after it ("how old are you?") stays last
    # Otherwise before the dialogue's answer: what the resident said is heard first, and the last
    # thing said is what the dialogue asks next (a question asked again, a lookup's "That doesn't
    # look like a phone number"), so it is what they answer.
    return [asked, *messages]


def other_language(
    conversation: Conversation, messages: list[BotMessage], council: Council, typed: str | None
) -> list[BotMessage]:
    """A message in another language gets a way to be helped in it: a person, who can bring an
    interpreter, and the numbers in case it spoke of danger, which no rule or classifier here can
    read (bot.conversation.language). It replaces "Sorry, I didn't quite understand" and follows
    the second "still not sure" (whose case an adviser needs). Another script is certain, so it
    also follows an answer the dialogue made of it (an Arabic question read as "make my plan"),
    unless it was a name or a word or two; Latin letters are only a guess, so only when the
    dialogue did not understand either. Every such message gets it: each is as unreadable as
    the last. It leaves the check-in (``checked_in_at``) to the English the resident may write."""
    if not typed or not messages or not language.other_language(typed):
        return messages
    can_check_in = conversation.checked_in_at is None and not conversation.crisis_open
    if can_check_in and not language.other_script(typed) and concern.worried(typed):
        return messages  # a guess at a language gives way to the check-in on worrying English
    kinds = _kinds(messages)
    if kinds & {CRISIS_TYPE, START_AGAIN_TYPE}:
        return messages
    # The numbers kept after a crisis are not the dialogue's answer.
    numbers = _numbers(messages)
    said = [m for m in messages if m not in numbers]
    said_kinds = {str((m.custom or {}).get("type")) for m in said}
    alone = said_kinds == {NOT_UNDERSTOOD_TYPE}
    answered = not alone and STILL_NOT_UNDERSTOOD_TYPE not in said_kinds
    if answered and (not language.other_script(typed) or not language.sentence(typed)):
        return messages
    # Another script is certain; Latin letters are a guess, so Scots or a typo is not told it
    # is a foreign language.
    opening = (
        "I can only read English, sorry."
        if language.other_script(typed)
        else "Sorry, I didn't understand. Is it in another language? I can only read English."
    )
    text = (
        f"{opening} A person from our team can help you in your language, with an interpreter: "
        f"press Talk to a person, or call {council.phone}."
    )
    buttons = [Button(title="Talk to a person", payload="/request_adviser")]
    if NUMBERS_TYPE not in kinds and not conversation.crisis_open:
        # the words may speak of danger: the numbers, as the check-in gives them
        text += " If you are in danger, call 999. Samaritans: 116 123, free, any time."
        buttons.append(Button(title="I need help now", payload=HELP_NOW))
    note = BotMessage(
        text=text, buttons=buttons, custom={"type": OTHER_LANGUAGE_TYPE, "text": text}
    )
    return [note, *numbers] if alone else [*messages, note]


def _kinds(messages: list[BotMessage]) -> set[str]:
    return {str((m.custom or {}).get("type")) for m in messages if m.custom}


def _numbers(messages: list[BotMessage]) -> list[BotMessage]:
    """The emergency numbers among an answer's messages (kept after a crisis)."""
    return [m for m in messages if (m.custom or {}).get("type") == NUMBERS_TYPE]


def keep_numbers(
    conversation: Conversation, messages: list[BotMessage], council: Council
) -> list[BotMessage]:
    """After a crisis answer, every reply ends with the numbers until the resident is safe."""
    kinds = _kinds(messages)
    if CRISIS_TYPE in kinds:
        conversation.crisis_open = True
        conversation.crisis_kind = next(
            (m.custom.get("kind") for m in messages if (m.custom or {}).get("type") == CRISIS_TYPE),
            None,
        )
        return messages
    if SAFE_TYPE in kinds or START_AGAIN_TYPE in kinds:  # safe, or the chat is being deleted
        conversation.crisis_open = False
        return messages
    if conversation.crisis_open and NUMBERS_TYPE not in kinds:
        return [*messages, safety_numbers(council, conversation.crisis_kind)]
    return messages


def _signature(messages: list[BotMessage]) -> str:
    """The answer's first words: "Sorry, I didn't understand" three times is the same answer
    even when what follows it (a note of what was heard, other buttons) differs."""
    said = next(
        (m.text for m in messages if m.text and (m.custom or {}).get("type") != NUMBERS_TYPE), ""
    )
    return hashlib.sha256(said.strip().lower().encode()).hexdigest()[:16]


def way_out(council: Council) -> BotMessage:
    return BotMessage(
        text="I'm sorry, I keep giving you the same answer, so I'm not helping. A person from "
        f"our team can: talk to them here, or call {council.phone}. Or choose something else.",
        buttons=[
            Button(title="Talk to a person", payload="/request_adviser"),
            Button(title="What can you do?", payload="/help"),
            Button(title="Start the questions again", payload="/career_advice"),
        ],
    )


def no_third_time(
    conversation: Conversation, messages: list[BotMessage], council: Council
) -> list[BotMessage]:
    """The same answer a third time in a row becomes a way out: a person, the phone number, or
    something else to do. Not the note for a message in another language, which already offers
    a person and a phone number, and whose numbers would be lost."""
    if not messages or not any(m.text for m in messages):
        return messages
    signature = _signature(messages)
    recent = list(conversation.recent_replies or [])[-REPEATS_ALLOWED:]
    unreadable = OTHER_LANGUAGE_TYPE in _kinds(messages)  # each message unreadable as the last
    if len(recent) == REPEATS_ALLOWED and all(s == signature for s in recent) and not unreadable:
        messages = [way_out(council), *_numbers(messages)]  # the numbers after a crisis stay
        signature = _signature(messages)
    conversation.recent_replies = [*recent, signature][-REPEATS_ALLOWED:]
    return messages
