"""The gateway keeps the emergency numbers under every reply after a crisis, and never sends the
same message a third time running."""

from __future__ import annotations

from bot.config import PROJECT_ROOT
from bot.conversation import aftercare, payloads
from bot.conversation.models import BotMessage, Conversation
from bot.council.service import load

COUNCIL = load(PROJECT_ROOT / "councils" / "demo.yml")


def _conversation() -> Conversation:
    return Conversation(id="c", council_slug="demo", channel="web", crisis_open=False)


def _say(text: str, kind: str | None = None) -> list[BotMessage]:
    return [BotMessage(text=text, custom={"type": kind} if kind else None)]


def test_numbers_follow_a_crisis_until_the_resident_is_safe():
    conversation = _conversation()
    crisis = aftercare.keep_numbers(conversation, _say("numbers", "crisis"), COUNCIL)
    assert conversation.crisis_open and len(crisis) == 1  # the answer has them already
    later = aftercare.keep_numbers(conversation, _say("Here are 3 jobs"), COUNCIL)
    assert [m.custom for m in later] == [None, {"type": "safety_numbers", "text": later[1].text}]
    assert "116 123" in later[1].text and COUNCIL.emergency_housing_phone in later[1].text
    safe = aftercare.keep_numbers(conversation, _say("glad you're safe", "safe_now"), COUNCIL)
    assert not conversation.crisis_open and len(safe) == 1
    assert len(aftercare.keep_numbers(conversation, _say("Here are 3 jobs"), COUNCIL)) == 1


def test_the_same_answer_a_third_time_becomes_a_way_out():
    conversation = _conversation()
    loop = _say("Sorry, I didn't understand that. Please tell me your age as a number.")
    for _ in range(2):
        assert aftercare.no_third_time(conversation, loop, COUNCIL) == loop
    third = aftercare.no_third_time(conversation, loop, COUNCIL)
    assert third[0].text.startswith("I'm sorry, I keep giving you the same answer")
    assert COUNCIL.phone in third[0].text
    assert "/request_adviser" in [b.payload for b in third[0].buttons]
    # Something else in between resets the count: a question asked twice is fine.
    assert aftercare.no_third_time(conversation, loop, COUNCIL) == loop


def test_the_numbers_kept_after_abuse_start_with_the_abuse_helpline():
    conversation = _conversation()
    crisis = [BotMessage(text="numbers", custom={"type": "crisis", "kind": "abuse"})]
    aftercare.keep_numbers(conversation, crisis, COUNCIL)
    assert conversation.crisis_kind == "abuse"
    later = aftercare.keep_numbers(conversation, _say("Here are 3 courses"), COUNCIL)
    assert later[1].text.startswith("Domestic abuse: call 0808 2000 247")
    assert "116 123" in later[1].text  # and the others still follow


def test_starting_again_ends_the_numbers():
    conversation = _conversation()
    aftercare.keep_numbers(conversation, _say("numbers", "crisis"), COUNCIL)
    done = aftercare.keep_numbers(conversation, _say("Done. I've deleted", "start_again"), COUNCIL)
    assert len(done) == 1 and not conversation.crisis_open


WORRYING = "got the blade in my hand rn cant stop thinking about it"


def test_a_check_in_is_asked_once_and_never_beside_a_crisis_answer_or_its_numbers(monkeypatch):
    # The classifier's own judgement is tested in test_concern.py: here, worried by one phrase.
    monkeypatch.setattr(aftercare.concern, "worried", lambda typed: typed == WORRYING)
    conversation = _conversation()
    plain = aftercare.check_in(conversation, _say("Here are 3 jobs"), COUNCIL, typed="any jobs")
    assert len(plain) == 1 and conversation.checked_in_at is None
    asked = aftercare.check_in(conversation, _say("Here are 3 jobs"), COUNCIL, typed=WORRYING)
    # Heard first; the dialogue's answer, and whatever it asks next, come after.
    assert len(asked) == 2 and asked[0].buttons[0].payload == aftercare.HELP_NOW
    assert COUNCIL.emergency_housing_phone in asked[0].text and asked[1].text == "Here are 3 jobs"
    assert len(aftercare.check_in(conversation, _say("more jobs"), COUNCIL, typed=WORRYING)) == 1
    fresh = _conversation()
    crisis = aftercare.check_in(fresh, _say("numbers", "crisis"), COUNCIL, typed=WORRYING)
    assert len(crisis) == 1 and fresh.checked_in_at is None
    fresh.crisis_open = True  # the numbers already follow every reply
    assert len(aftercare.check_in(fresh, _say("ok"), COUNCIL, typed=WORRYING)) == 1


def test_despair_the_dialogue_did_not_understand_gets_the_check_in_instead():
    # "everything is pointless" is no request the dialogue knows: the check-in is the whole answer.
    conversation = _conversation()
    not_understood = _say("Sorry, I didn't quite understand. Did you mean", "did_you_mean")
    answer = aftercare.check_in(
        conversation, not_understood, COUNCIL, typed="everything is pointless"
    )
    assert len(answer) == 1 and answer[0].text.startswith("I'm sorry things feel so hard.")
    assert "116 123" in answer[0].text and conversation.checked_in_at is not None
    assert [b.payload for b in answer[0].buttons] == [aftercare.HELP_NOW, "/request_adviser"]
    # An answer the dialogue did give is kept, after the check-in, so what it asks comes last.
    later = _conversation()
    asked = _say("What is your postcode?")
    again = aftercare.check_in(later, asked, COUNCIL, typed="i cant do this anymore")
    assert again[1].text == "What is your postcode?" and again[0].text.startswith(
        "I may have got this wrong"
    )
    # Losing heart was passed on as such and answered by the encouragement, which hears it first.
    heard = [*_say("I'm sorry, that sounds really hard."), *_say("What is your postcode?")]
    encouraged = aftercare.check_in(
        _conversation(), heard, COUNCIL, typed="i give up", encouraged=True
    )
    assert encouraged[0].text.startswith("I'm sorry, that sounds") and "116 123" in (
        encouraged[1].text
    )
    assert encouraged[2].text == "What is your postcode?"
    # Despair spoken of in a complaint about a course is not a check-in.
    other = _conversation()
    course = aftercare.check_in(other, not_understood, COUNCIL, typed="this course is pointless")
    assert course == not_understood and other.checked_in_at is None


NOT_UNDERSTOOD = "Sorry, I didn't quite understand. Did you mean one of these?"


def _after_a_turn(conversation: Conversation, messages: list[BotMessage], typed: str):
    """The gateway's order (bot.conversation.service.send)."""
    messages = aftercare.keep_numbers(conversation, messages, COUNCIL)
    messages = aftercare.other_language(conversation, messages, COUNCIL, typed)
    messages = aftercare.check_in(conversation, messages, COUNCIL, typed)
    return aftercare.no_third_time(conversation, messages, COUNCIL)


def test_a_message_in_another_language_gets_a_person_with_an_interpreter_and_the_numbers():
    conversation = _conversation()
    polish = "Dzień dobry, szukam pracy jako operator wózka widłowego w okolicy Peterborough"
    answer = _after_a_turn(conversation, _say(NOT_UNDERSTOOD, "did_you_mean"), polish)
    assert len(answer) == 1 and answer[0].text.startswith(
        "Sorry, I didn't understand. Is it in another language? I can only read English."
    )  # Latin letters are a guess: not told they wrote in another language
    assert "interpreter" in answer[0].text and COUNCIL.phone in answer[0].text
    assert "999" in answer[0].text and "116 123" in answer[0].text
    assert [b.payload for b in answer[0].buttons] == ["/request_adviser", aftercare.HELP_NOW]
    payloads.parse(answer[0].custom)
    # The check-in is left for what they may write in English next.
    assert conversation.checked_in_at is None
    later = _after_a_turn(conversation, _say(NOT_UNDERSTOOD, "did_you_mean"), "i give up")
    assert later[0].text.startswith("I'm sorry things feel so hard.")


def test_another_script_follows_whatever_the_dialogue_made_of_it_but_not_a_name():
    # An Arabic question about a free accounting course was read as "make my plan".
    conversation = _conversation()
    arabic = "مرحبا، أبحث عن دورة في المحاسبة، هل هناك دورات مجانية؟"
    misread = _say("I don't know anything about you yet, so I can't make a plan that fits.")
    answer = _after_a_turn(conversation, misread, arabic)
    assert answer[0] == misread[0] and answer[1].text.startswith("I can only read English")
    # A name in its own script, answering "What's your name?", is understood: left alone.
    thanks = _say("Thanks. What's the best way to contact you?")
    for name in ("محمد علي", "Олександр Шевченко"):
        assert _after_a_turn(_conversation(), thanks, name) == thanks


def test_latin_letters_the_dialogue_understood_are_left_alone():
    # Scots and text-speak can read like another language: only acted on when not understood.
    for typed in ("aye nae bother pal am lookin fur a joab", "i wnt 2 b a electrishun"):
        conversation = _conversation()
        jobs = _say("Here are 3 jobs")
        assert aftercare.other_language(conversation, jobs, COUNCIL, typed=typed) == jobs
        assert conversation.checked_in_at is None


def test_english_is_not_another_language():
    for typed in (
        "pls help wiv cv i dnt no wat to rite in personal statemnt",
        "hello i am from romania, 34 year, no work 6 month",
        "i want to move my appointment to next tuesday morning please",
        "can u help me find a warehouse job near the station",
        "Nguyen Thi Minh Anh",
        "sparky courses near DB1 1AA",
        "jolene.f@example.com",
    ):
        conversation = _conversation()
        not_understood = _say(NOT_UNDERSTOOD, "did_you_mean")
        assert aftercare.other_language(conversation, not_understood, COUNCIL, typed) == (
            not_understood
        )


def test_after_a_crisis_the_note_keeps_the_numbers_once_and_a_case_is_kept():
    polish = "nie wiem co robić, proszę o pomoc, boję się"
    conversation = _conversation()
    aftercare.keep_numbers(conversation, _say("numbers", "crisis"), COUNCIL)
    answer = _after_a_turn(conversation, _say(NOT_UNDERSTOOD, "did_you_mean"), polish)
    assert [m.custom["type"] for m in answer] == ["other_language", "safety_numbers"]
    assert "interpreter" in answer[0].text and "999" not in answer[0].text
    payloads.parse(answer[0].custom)  # what the widget is sent passes its schema
    second = [BotMessage(text="I'm still not sure", custom={"type": "not_understood", "case": "X"})]
    answer = _after_a_turn(conversation, second, polish)
    assert answer[0] == second[0]  # the case an adviser will see is still announced
    assert [m.custom["type"] for m in answer[1:]] == ["safety_numbers", "other_language"]


def test_a_third_message_in_another_language_still_gets_the_note_and_its_numbers():
    conversation = _conversation()
    polish = "Dzień dobry, nie wiem co robić, proszę o pomoc"
    for _ in range(3):
        answer = _after_a_turn(conversation, _say(NOT_UNDERSTOOD, "did_you_mean"), polish)
        assert answer[0].custom["type"] == "other_language" and "999" in answer[0].text


def test_chinese_and_shouted_messages_are_another_language_too():
    for typed in ("我需要帮助找工作", "AYUDA NO TENGO DONDE DORMIR ESTA NOCHE"):
        answer = _after_a_turn(_conversation(), _say(NOT_UNDERSTOOD, "did_you_mean"), typed)
        assert answer[0].custom["type"] == "other_language", typed


def test_worrying_dialect_gets_the_check_in_not_a_guess_at_a_language():
    scots = "ah cannae dae this nae mair, am gonnae jump aff the Tyne bridge"
    conversation = _conversation()
    answer = _after_a_turn(conversation, _say(NOT_UNDERSTOOD, "did_you_mean"), scots)
    assert "interpreter" not in answer[0].text and conversation.checked_in_at is not None


def test_the_way_out_after_a_crisis_keeps_the_numbers():
    conversation = _conversation()
    aftercare.keep_numbers(conversation, _say("numbers", "crisis"), COUNCIL)
    loop = _say("Sorry, I didn't understand that. Please tell me your age as a number.")
    for _ in range(3):
        answer = _after_a_turn(conversation, list(loop), "ok")
    assert answer[0].text.startswith("I'm sorry, I keep giving you the same answer")
    assert answer[-1].custom["type"] == "safety_numbers"
