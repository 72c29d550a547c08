"""The concern classifier (bot/safety/concern.py): worried by danger put in words the rules have
not met, not by ordinary questions, and never where the rules already answer."""

from __future__ import annotations

import pytest

from bot.safety import concern
from bot.safety.detect import is_crisis

# Written for this test, in wordings none of the rule sets or examples use, and which the rules
# do not catch: a plan hinted at, a body in danger after "something", a night in a bus shelter in
# Scots, papers taken, food locked away, doorways tonight.
UNSEEN_DANGER = [
    "i am so tired of being here, tonight i will take everything in the cupboard",
    "im on the top floor of the car park looking down",
    "my mate took a load of something at the party and now hes gone a funny colour and wont wake",
    "nae bed the night, sat in the bus shelter wi ma bag",
    "they brought us here to work, took our documents, we sleep in the van",
    "he says i am useless and locks the food cupboard, i have not eaten properly in days",
    "got a carrier bag of my stuff and a sleeping bag, doorways tonight i guess",
]
ORDINARY = [
    "any forklift courses near DB1 this month",
    "how much do apprentices get paid",
    "can i do the english course if im on universal credit",
    "i need a job with school hours, i have two kids",
    "whats the pay for warehouse nights",
    "I am looking for a job in retail and I have customer service experience from my last job",
    # from a review: these had the check-in
    "my brother plays with a knife in fortnite",
    "i took too many days off sick",
    "we went on a trip to dover, any jobs at the port",
]


@pytest.mark.parametrize("text", UNSEEN_DANGER)
def test_danger_the_rules_miss_worries_it(text):
    assert not is_crisis(text)  # else the rules answer, and this tests nothing
    assert concern.worried(text)


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [("downed a packet of my citalopram", "połknąłem całe opakowanie leków", "INGEST+MEDICINE"),
     ("took about 40 ibuprofen", "maine bahut saari goliyan kha li", "INGEST+MEDICINE"),
     ("holding a razor right now", "the blade is out rn", "BLADE+NOW"),
     ("my husband hits me", "mi marido me pega", "PARTNER_FAMILY+VIOLENCE"),
     ("the boss keeps our passports", "szef zabrał mi paszport", "DOCUMENTS+TAKEN"),
     ("nowhere to sleep tonight", "nie mam gdzie spać", "NOWHERE+SLEEP")],
)  # fmt: skip
def test_the_same_danger_in_other_words_reads_alike(first, second, shared):
    assert shared in concern.concepts(first) and shared in concern.concepts(second)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_questions_do_not(text):
    assert not concern.worried(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [("we went on a trip to dover", "VIOLENCE"), ("the dove soap advert job", "VIOLENCE"),
     ("fields of oilseed rape near the farm", "SEXUAL"), ("rapeseed oil factory", "VIOLENCE"),
     ("lean manufacturing course", "STREET_DRUG"), ("molly from the jobcentre", "STREET_DRUG"),
     ("glass recycling plant jobs", "BLADE"), ("hairdresser with my own scissors", "BLADE"),
     ("injection moulding operator", "INGEST"), ("dog grooming course near me", "SEXUAL"),
     ("i take photos for weddings", "SEXUAL"), ("i took two days off sick", "BODY_DANGER"),
     ("learning to code from scratch", "SELF_HARM"), ("shovelling snow", "VIOLENCE")],
)  # fmt: skip
def test_everyday_words_are_not_danger_concepts(text, concept):
    """Stems that began English words (dov*, rape*, inject*, groom*, shov*), and words as often
    harmless (glass, scissors, photos, lean, molly), read as danger only where they are."""
    assert concept not in concern.concepts(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [("kocam beni dövüyor", "VIOLENCE"), ("i was raped", "SEXUAL"),
     ("scratched my arm with broken glass", "BLADE"), ("cut myself wiv scissors", "BLADE"),
     ("he makes me send him pictures", "SEXUAL"), ("he was grooming me online", "SEXUAL"),
     ("injected all my insulin", "INGEST"), ("feel sick after the pills", "BODY_DANGER")],
)  # fmt: skip
def test_the_same_words_in_danger_still_are(text, concept):
    assert concept in concern.concepts(text)


def test_no_residents_words_are_kept_between_messages():
    """A cache of the words read would keep residents' words in memory after their
    conversation is erased."""
    concern.concern("a message with an unusualword in it")
    kept = [name for name, value in vars(concern).items() if hasattr(value, "cache_info")]
    assert kept == []


def test_where_the_rules_already_answer_it_stays_quiet():
    assert concern.concern("i want to kill myself") >= concern.THRESHOLD
    assert not concern.worried("i want to kill myself")  # the full crisis answer comes instead


def test_it_learns_from_the_labelled_examples_and_the_dialogues_training_data():
    texts, labels = concern.training_set()
    assert sum(labels) > 300 and labels.count(0) > 2000
    assert "i want to kill myself" in texts


def test_the_lookup_table_gives_scikit_learns_probability():
    """The gateway scores with the table read from the fitted pipeline: it must be the model."""
    texts, labels = concern.training_set()
    fitted = concern.train(texts, labels)
    score = concern.scorer(fitted)
    judged = [*texts[::7], *UNSEEN_DANGER, *ORDINARY, "zzzz qqqq", "a", "!!!"]
    expected = fitted.predict_proba(judged)[:, 1]
    assert [round(score(text), 9) for text in judged] == [round(p, 9) for p in expected]
    assert any(p >= concern.THRESHOLD for p in expected) and any(p < 0.1 for p in expected)


@pytest.mark.parametrize(
    "text",
    [
        "everything is pointless",
        "whats the point",
        "i give up.",
        "i cant do this anymore",
        "feeling so hopeless tbh",
        "nothing matters anymore",
        "im so stressed, been rejected from every job, feel like a failure",
    ],
)
def test_despair_without_a_danger_named_gets_the_check_in_whatever_it_scores(text):
    assert not is_crisis(text) and concern.worried(text)


@pytest.mark.parametrize(
    "text",
    [
        "this course is pointless",
        "whats the point of applying if nobody replies",
        "i give up on this form, can i talk to someone",
        "i cant do this anymore, the course is too hard",
        "the job centre is hopeless",
        "I'm hopeless at maths",
        "i'm worthless at spelling",
        "my hands feel numb in the cold warehouse",
        "i feel useless at interviews",
    ],
)
def test_a_complaint_about_a_course_or_a_form_does_not(text):
    assert not concern.worried(text)


@pytest.mark.parametrize(
    "text",
    ["my dad beats me at chess every time lol", "I cut myself shaving before the interview",
     "my brother hits me up for money every payday"],
)  # fmt: skip
def test_the_everyday_phrases_the_rules_pass_do_not_worry_it_either(text):
    """The classifier reads the message with the same phrases blanked out as the rules do."""
    assert not concern.worried(text)
