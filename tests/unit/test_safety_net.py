"""The crisis safety net catches what residents really write and leaves everyday phrases alone."""

import pytest

from bot.safety.detect import is_crisis


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself", "i feel suicidal", "thinking about sucide", "i wanna die",
        "I don't want to live any more", "what's the point, better off dead",
        "I've been self harming again", "i keep cutting myself", "My partner hits me",
        "my husband threatened me last night", "I'm homeless tonight",
        "nowhere to sleep tonight", "i am sleeping rough", "got kicked out today",
        "experiencing domestic abuse", "Im scared to go home", "KMS", "took an overdose",
        "I want to end it all", "need a job but honestly I want to die",
        "i can't go on", "I can't go on like this", "im going to jump",
        "going to jump off the bridge", "nobody would miss me", "life isn't worth living",
    ],
)  # fmt: skip
def test_messages_in_crisis_are_caught(text):
    assert is_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm killing it at work but want a change", "dying to start a new job",
        "I want a job in a care home", "how do I end my contract", "I was homeless last year",
        "Is there help with housing", "I need a job", "career change", "I hurt my back at work",
        "nowhere near here", "my dad hits the gym", "street food chef jobs",
        "I can't go on the course on Tuesday", "I want to jump at this chance",
    ],
)  # fmt: skip
def test_everyday_phrases_are_not(text):
    assert not is_crisis(text)
