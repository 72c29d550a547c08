"""The crisis safety net catches what residents really write and leaves everyday phrases alone."""

import pytest

from bot.safety.detect import is_crisis, kind


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
        "im drowning in debt and bailiffs keep coming",  # debt advice, not a home being lost
    ],
)  # fmt: skip
def test_everyday_phrases_are_not(text):
    assert not is_crisis(text)


@pytest.mark.parametrize(
    ("text", "danger"),
    [("gotta be out by friday and got 2 kids", "housing"),
     ("we have to be out of the flat by the 20th", "housing"),
     ("landlord selling up, need to be out in 2 weeks", "housing"),
     ("nowhere to take the kids if he sells", "housing"),
     ("im behind on rent 3 months", "housing"),
     ("got rent arrears and a letter", "housing"),
     ("got a court letter about my rent", "housing"),
     ("landlord is taking me to court", "housing"),
     ("bailiffs are coming to evict us friday", "housing"),
     ("my landlord has booked the bailiffs for friday", "housing"),
     ("bailiffs coming thursday to change locks", "housing"),
     ("i have a warrant, bailiffs coming", "housing"),
     ("nowhere to sleep tonight with my kids", "homeless_tonight"),
     ("he said he'll kill me if i leave", "abuse"),
     ("i took all my tablets", "overdose"),
     ("rejected from 20 jobs, feel like giving up on everything", "suicide")],
)  # fmt: skip
def test_each_danger_is_named(text, danger):
    assert kind(text) == danger


@pytest.mark.parametrize(
    "text",
    ["i need to be out of the house more, im bored", "can i do a course at the court house",
     "i used to work at the crown court", "my rent is paid by universal credit",
     "i want to get out more", "is there a course on being a landlord"],
)  # fmt: skip
def test_housing_words_in_everyday_sentences_are_not_a_crisis(text):
    assert not is_crisis(text)


@pytest.mark.parametrize(
    ("text", "danger"),
    [("ive had enough of life", "suicide"), ("i want to disappear forever", "suicide"),
     ("i just want everything to stop", "suicide"), ("i dont want to carry on", "suicide"),
     ("i cant carry on anymore", "suicide"), ("ive taken some pills", "overdose"),
     ("im in danger", "abuse"),
     ("i got beaten up at home", "abuse")],
)  # fmt: skip
def test_plainer_words_of_danger_are_named(text, danger):
    assert kind(text) == danger


@pytest.mark.parametrize(
    "text",
    ["i dont want to carry on with the course", "i want the calls to stop",
     "i dont feel safe giving my number", "i have had enough of warehouse work",
     "can i carry on tomorrow"],
)  # fmt: skip
def test_plainer_words_in_everyday_sentences_are_not(text):
    assert not is_crisis(text)


@pytest.mark.parametrize(
    ("text", "danger"),
    [("my boss keeps my passport and doesnt pay me", "exploitation"),
     ("im being forced to work for no money", "exploitation"),
     ("they wont let me leave the farm", None),
     ("im not allowed to leave the site and they took my id", "exploitation"),
     ("im on the streets", "homeless_tonight"), ("i have no where to sleep", "homeless_tonight"),
     ("im being hit at home", "abuse"), ("my partner is violent", "abuse"),
     ("someone attacked me", "abuse"),
     ("i want to end everything", "suicide")],
)  # fmt: skip
def test_more_dangers_by_name(text, danger):
    assert kind(text) == danger


@pytest.mark.parametrize(
    "text",
    ["can i work from home so i dont have to leave the house", "i work on the streets cleaning",
     "my ex is not safe to be around the kids", "i lost my passport, can i still get a job",
     "i cant leave the house because of my anxiety"],
)  # fmt: skip
def test_more_everyday_sentences_are_not(text):
    assert kind(text) != "exploitation" and kind(text) != "homeless_tonight"


@pytest.mark.parametrize(
    "text",
    ["been applying for jobs for 8 months nothing. honestly whats the point of anything anymore, "
     "everyone be better off without me",
     "whats the point of anything anymore",
     "the world would be better without me",
     "id be better off not waking up",
     "no point living anymore"],
)  # fmt: skip
def test_hopelessness_said_in_passing_is_caught(text):
    """Found by playing residents: the first of these got an answer about benefits."""
    assert kind(text) == "suicide"


@pytest.mark.parametrize(
    "text",
    ["whats the point of anything i apply for",
     "the shop is better off without me i was rubbish at tills",
     "the shop is better off without me, i was rubbish at tills",
     "my old team is better off without me",
     "no point going on the course if its full",
     "no point going on benefits", "theres no point going on about it",
     "no point going on holiday this year",
     "no point living in this town, there are no jobs"],
)  # fmt: skip
def test_the_same_words_about_work_are_not(text):
    assert kind(text) is None
