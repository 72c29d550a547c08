"""The crisis safety net catches what residents really write and leaves everyday phrases alone."""

import time
from pathlib import Path

import pytest

from bot.safety.detect import is_crisis, kind

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


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


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("just necked about 25 of my nans codeine", "overdose"),
        ("i took way too many of my zopiclone, feel really weird", "overdose"),
        ("my brother took heroin and now hes not breathing properly", "overdose"),
        ("mixed my tramadol with vodka and cant stay awake", "overdose"),
        ("she's taken loads of her antidepressants and won't wake up", "overdose"),
        ("tomei uma caixa inteira de paracetamol", "overdose"),
        ("zażyłam wszystkie leki naraz", "overdose"),
        ("took a bunch of my dads heart pills", "overdose"),
        ("bütün ilaçlarımı içtim", "overdose"),  # noqa: RUF001 (Turkish on purpose)
        ("i'm gonna unalive myself", "suicide"),
        ("planning to jump off the motorway bridge tonight", "suicide"),
        ("i won't need my stuff where i'm going, gave it all away", "suicide"),
        ("everyone would be happier if i was gone", "suicide"),
        ("there's no reason for me to be alive", "suicide"),
        ("dont wanna be alive no more", "suicide"),
        ("ich will nicht mehr leben", "suicide"),
        ("я хочу умереть", "suicide"),
        ("my urges to cut are really strong tonight", "suicide"),
        ("relapsed and cut again", "suicide"),
        ("found cuts on my son's arms", "suicide"),
        ("kendimi kesiyorum", "suicide"),
        ("my boyfriend reads all my messages and takes my money", "abuse"),
        ("he threatened to share my nudes if i leave", "abuse"),
        ("my stepdad keeps coming into my room at night", "abuse"),
        ("I can hear my neighbour beating his wife", "abuse"),
        ("my ex is stalking me and turned up at my house with a knife", "abuse"),
        ("kocam beni dövüyor", "abuse"),
        ("a man offered me money to use my bank account", "exploitation"),
        ("they said if i stop dealing they'll stab me", "exploitation"),
        (
            "my cousin's 15 and keeps going missing, comes back with new trainers and cash",
            "exploitation",
        ),
        ("el patrón tiene mi pasaporte", "exploitation"),
        ("мне не платят и забрали паспорт", "exploitation"),
        ("i was brought here for work and now they won't let me leave", "exploitation"),
        ("third night sleeping rough", "homeless_tonight"),
        ("i'm in a doorway in town, it's freezing", "homeless_tonight"),
        ("Dorm pe stradă de o săptămână", "homeless_tonight"),
        ("je dors dans la rue depuis deux jours", "homeless_tonight"),
        ("got chucked out this morning, sleeping in the car tonight", "homeless_tonight"),
    ],
)
def test_danger_in_words_no_labelled_example_uses_is_named(text, danger):
    """Written after the fifth held-out set was folded in: the patterns are for kinds of words
    (verbs of swallowing, medicines, languages), so wordings of the same dangers are caught."""
    assert kind(text) == danger


@pytest.mark.parametrize(
    "text",
    [
        "i take all my meds in the morning, is a night shift ok",
        "this is my last week at the warehouse",
        "I'm done with everything on my to-do list",
        "what should i write in a goodbye message to my team",
        "my UC money goes through my bank account",
        "she's got a knife block as a wedding present",
        "I watched my brother beating him at FIFA",
        "my dad comes into my room at night to say goodnight",
        "my boss made me send him photos of the stock",
        "my manager makes me run food to tables all shift",
        "the older lads at work make me carry all the heavy stuff",
        "I get picked up by a van for the night shift",
        "my son works as a bouncer and needs a stab vest",
        "they take money for rent from my wages",
        "it'll hurt my chances if i quit the course",
        "i can't quit or they'll sanction me",
        "they cut my hours as punishment for being late",
        "i'm making myself sick over this interview",
        "my mum took my phone because i was on it too much",
        "I stood on the ledge of the window to clean it",
        "whats the point of a cv when i wont be here next month because i'm moving abroad",
        "my tent got nicked at the festival and i got nowhere with the police",
        "i was kicked out of the group chat today lol",
        "we were kicked out of the cafe for being too loud",
        "a night on the streets charity sleep out",
        "my son overdosed on sugar at the party lol",
        "kendimi kesinlikle hazır hissediyorum",  # noqa: RUF001 (Turkish on purpose)
        "annem beni öldürecek, geç kaldım",  # noqa: RUF001 (Turkish on purpose)
        "想死你了",
        "mă bate la cap să-mi găsesc de lucru",
        "sabzi kaatte hue haath kaat liya",
        "had my medication review, heart racing before the interview",
    ],
)
def test_everyday_readings_of_the_same_words_are_not(text):
    assert kind(text) is None


@pytest.mark.parametrize("repeated", ["a ", "took ", "he said ", "kicked me out ", "x", "my arms "])
def test_long_messages_are_read_quickly(repeated):
    """The patterns are bounded (``.{0,N}``), so a long message costs time in proportion to its
    length, never the runaway backtracking of unbounded repeats."""
    text = (repeated * (5000 // len(repeated) + 1))[:5000]
    started = time.perf_counter()
    kind(text)
    assert time.perf_counter() - started < 1.0


def test_asking_to_delete_the_chat_because_he_checks_the_phone_is_not_a_new_crisis():
    """The resident needs the deletion now (the abuse answer has said how); a second crisis
    answer in its place would leave the chat on the phone he checks."""
    assert kind("can u delete all this he checks my phone") is None


ORDINARY = [
    line
    for line in (FIXTURES / "ordinary_messages.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_that_share_the_rules_words_are_no_crisis(text):
    assert kind(text) is None


@pytest.mark.parametrize(
    ("text", "danger"),
    [("I cut myself shaving lol but honestly i want to die", "suicide"),
     ("my brother hits me up for money and when i say no he hits me", "abuse"),
     ("need to leave by 2 today, landlord changed the locks and ive nowhere to sleep tonight",
      "homeless_tonight"),
     ("bailiffs came today for the car finance and the landlord changed the locks, sleeping in "
      "the car tonight", "homeless_tonight"),
     # the everyday phrase's own words, meant as danger (from the review of the blanking)
     ("I'm in danger of killing myself", "suicide"),
     ("I'm in danger of being stabbed by him", "abuse"),
     ("I cut myself and it was not by accident", "suicide"),
     ("I cut myself last night, slipped up after 6 months clean", "suicide"),
     ("he hit me up against the wall", "abuse"),
     ("when im gone from this place look after my kids", "suicide"),
     ("i wont be around much longer tomorrow its all over", "suicide"),
     ("im going to finish it tonight, ive written my letters and my cv is useless anyway",
      "suicide"),
     ("ive got all my pills counted out for the week and im going to take them all tonight",
      "suicide"),
     ("my landlord says i have to be out by 5 today", "housing"),
     ("Safeguarding training today: signs of abuse, made me realise my husband hits me and i cant "
      "leave", "abuse")],
)  # fmt: skip
def test_an_everyday_phrase_never_hides_a_danger_said_beside_it(text, danger):
    """The everyday readings are blanked out, not the message: the rest is still read."""
    assert kind(text) == danger


@pytest.mark.parametrize(
    ("text", "danger"),
    [("nobody will hire me, might as well be dead", "suicide"),
     ("rejected again lol, wats the point of living", "suicide"),
     ("i give up, took some tablets", "overdose")],
)  # fmt: skip
def test_losing_heart_with_danger_in_it_is_a_crisis(text, danger):
    """Found by a resident's round after the losing-heart answer: these got no numbers."""
    assert kind(text) == danger


def test_tablets_for_cravings_after_giving_up_smoking_are_not():
    assert kind("i gave up smoking and took some tablets for the cravings") is None
