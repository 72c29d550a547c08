"""Intents that wipe or redirect a conversation need their words; questions the knowledge base
answers are questions; anger gets an apology."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp import intent_rules


def _parsed(text: str, *ranking: tuple[str, float]) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    intent_rules.apply(message)
    return message


@pytest.mark.parametrize(
    ("text", "guessed", "then"),
    [("retrain in IT", "start_again", "find_course"),
     ("data", "ask_privacy", "find_course"),
     ("record", "ask_privacy", "find_course"),
     ("where do i go", "ask_privacy", "find_course"),
     ("where is it exactly", "bot_challenge", "find_course"),
     ("full time please", "choose_slot", "find_course"),
     ("night shift", "goodbye", "find_course"),
     ("night", "goodbye", "goodbye"),
     ("ok thats all thanks bye", "goodbye", "goodbye"),
     ("my diploma need to convert?", "cancel_appointment", "ask_question"),
     ("i cant make it on thursday", "cancel_appointment", "cancel_appointment"),
     ("i wont be able to go", "cancel_appointment", "cancel_appointment"),
     ("something came up sorry", "cancel_appointment", "cancel_appointment"),
     ("the tuesday one", "choose_slot", "choose_slot"),
     ("are u a real person", "bot_challenge", "bot_challenge"),
     ("what are you exactly", "bot_challenge", "bot_challenge"),
     ("im from poland, english lessons?", "employer_enquiry", "find_course"),
     ("can we start again", "start_again", "start_again"),
     ("no dont start again", "start_again", "deny"),
     ("dont delete it", "find_course", "find_course"),
     ("who can see what i tell you", "ask_privacy", "ask_privacy"),
     ("we want to take on an apprentice", "employer_enquiry", "employer_enquiry"),
     ("i want to be self employed", "start_business", "start_business"),
     # a question the knowledge base has no answer for is the model's next reading
     ("im 58 and just been made redundant, where do i even start?", "ask_question",
      "find_course"),
     ("will i lose my uc if i get a job", "ask_question", "ask_question"),
     ("we need 5 warehouse staff before xmas, can the council help us recruit", "ask_question",
      "employer_enquiry"),
     ("what do employers look for in a cv?", "ask_question", "ask_question"),  # CV help
     ("would any employers take me on at 55?", "ask_question", "find_course"),
     # an answer is not leaving the questions
     ("cant read that good", "stop", "find_course"),
     # About them, not the chat: the next guess stands (the safety net reads the rest)
     ("im on the top floor of the car park looking down", "stop", "find_course"),
     ("i dont want to answer that", "stop", "stop"),
     # "we", "our" and "us" alone are a resident with family, or with the assistant
     ("can we carry on", "employer_enquiry", "find_course"),
     ("can u help us", "employer_enquiry", "find_course"),
     ("what about our appointment", "employer_enquiry", "find_course"),
     ("our son wants to do something with cars", "employer_enquiry", "find_course"),
     # an employer's word denied is no employer
     ("im not an employer", "employer_enquiry", "find_course"),
     ("no im not a business, im looking for work myself", "employer_enquiry", "find_course"),
     ("i dont run a company lol", "employer_enquiry", "find_course"),
     ("would anyone even hire someone my age?", "employer_enquiry", "find_course"),
     ("would employers take on someone with a record", "employer_enquiry", "ask_question"),
     # an employer's words
     ("we are hiring", "employer_enquiry", "employer_enquiry"),
     ("our company needs staff", "employer_enquiry", "employer_enquiry"),
     ("i need an apprentice for my salon", "employer_enquiry", "employer_enquiry"),
     ("we're a small business looking for staff", "employer_enquiry", "employer_enquiry"),
     ("i run a shop and need workers", "employer_enquiry", "employer_enquiry"),
     ("i own a bilding firm lookin to take on a labourer", "employer_enquiry",
      "employer_enquiry")],
)  # fmt: skip
def test_an_intent_needs_its_words(text, guessed, then):
    message = _parsed(text, (guessed, 0.6), ("find_course", 0.3))
    assert message.get("intent")["name"] == then


EMPLOYER_SAYS = [
    "we are hiring", "we're recruiting", "our company needs staff", "my salon",
    "i need an apprentice for my salon", "we're a small garage", "i run a cafe and need staff",
    "i own a business and need staff", "can you help me recruit", "i'm recruiting for a warehouse",
    "we have a vacancy to fill", "i want to advertise a vacancy", "i employ 20 people",
    "i'm a business owner looking for workers", "employer support", "apprenticeship levy",
    "we'd like to offer placements to young people", "how much do we have to pay an apprentice",
    "i'm an hr manager looking to recruit locally", "hire an apprentice for my business",
]  # fmt: skip
RESIDENT_SAYS = [
    "can we carry on", "can u help us", "what about our appointment", "is there anything for us",
    "can we talk about apprenticeships", "we need help with my sons cv", "im not an employer",
    "i dont run a company lol", "no im not a business, im looking for work myself",
    "will my employer find out", "my agency gave me no shifts", "i work in a warehouse",
    "will anyone hire me", "i want to be an apprentice", "i want an apprentice job",
    "i'm a nursery nurse", "i have a shop job", "i want to work in recruitment",
    "i want to start my own business", "i have a business idea",
    "do i have to tell employers about my conviction",
]  # fmt: skip


@pytest.mark.parametrize(("text", "employer"), [(t, True) for t in EMPLOYER_SAYS]
                         + [(t, False) for t in RESIDENT_SAYS])  # fmt: skip
def test_only_an_employers_words_make_an_employer(text, employer):
    assert intent_rules.allowed("employer_enquiry", text) is employer
    assert intent_rules.audience(text) == ("employer" if employer else "resident")


@pytest.mark.parametrize(
    ("text", "guessed", "topic"),
    [("how much do apprentices get paid", "find_apprenticeship", "apprentice_pay"),
     ("will i lose my universal credit if i get a job", "find_job", "uc_and_work"),
     ("do i have to tell them about my record", "get_support", "criminal_records"),
     ("how much does it cost me to take on an apprentice", "employer_enquiry",
      "employer_apprentice_costs")],
)  # fmt: skip
def test_a_question_the_knowledge_base_answers_is_a_question(text, guessed, topic):
    message = _parsed(text, (guessed, 0.7), ("inform", 0.2))
    assert message.get("intent") == {"name": "ask_question", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")][:3] == [
        "ask_question",
        guessed,
        "inform",
    ]
    assert intent_rules.question_topic(text) == topic


@pytest.mark.parametrize(
    ("text", "guessed", "then"),
    [("can my mum come with me", "cancel_appointment", "ask_question"),
     ("do i need to bring anything", "book_appointment", "ask_question"),
     ("can i bring my support worker?", "manage_booking", "ask_question"),
     # asking for the appointment itself stays a booking request
     ("can i change my appointment", "manage_booking", "manage_booking"),
     ("i cant come on thursday, cancel it", "cancel_appointment", "cancel_appointment"),
     ("can i book an appointment for my mum", "book_appointment", "book_appointment")],
)  # fmt: skip
def test_a_question_about_an_appointment_is_answered_not_booked(text, guessed, then):
    """Found right after booking: "can my mum come with me" asked for the booking reference."""
    assert _parsed(text, (guessed, 0.77), ("inform", 0.1)).get("intent")["name"] == then


@pytest.mark.parametrize(
    ("text", "guessed"),
    [("what programmes can i get", "ask_question"), ("wot programmes have u got", "inform"),
     ("which schemes do you run?", "career_advice")],
)  # fmt: skip
def test_a_question_about_the_programmes_is_a_question(text, guessed):
    """Answered from the council's own rules, not the knowledge base (which has no topic)."""
    assert _parsed(text, (guessed, 0.5), ("inform", 0.2)).get("intent")["name"] == "ask_question"


def test_naming_programmes_without_asking_is_not_a_question():
    said = _parsed("i was on a programme last year", ("inform", 0.6), ("ask_question", 0.3))
    assert said.get("intent")["name"] == "inform"


def test_a_statement_is_not_a_question_and_the_model_alone_is_not_a_crisis():
    told = _parsed("hiya im 23 n been jobless since xmas", ("ask_question", 0.6), ("inform", 0.3))
    assert told.get("intent")["name"] == "inform"
    moan = _parsed("been on here 20 mins and got nowhere", ("crisis", 0.6), ("complain", 0.3))
    assert moan.get("intent")["name"] == "complain"
    sure = _parsed("i cant take it anymore", ("crisis", 0.9), ("inform", 0.1))
    assert sure.get("intent")["name"] == "crisis"
    # sure, but nothing in it speaks of danger: the model alone raises no alarm
    electrician = "I'm interested in becoming an electrician, I live in DB2 and I can't drive"
    calm = _parsed(electrician, ("crisis", 0.87), ("career_advice", 0.05))
    assert calm.get("intent")["name"] == "career_advice"


def test_asking_for_a_person_or_a_crisis_is_never_turned_into_a_question():
    message = _parsed("can i talk to someone about my universal credit", ("request_adviser", 0.8))
    assert message.get("intent")["name"] == "request_adviser"
    said = "i want to end my life, can i talk to someone about my universal credit"
    assert _parsed(said, ("crisis", 0.8)).get("intent")["name"] == "crisis"
    # the model's crisis alone, vetoed, with nothing else to stand: "Did you mean", no answer
    vetoed = _parsed("can i talk to someone about my universal credit", ("crisis", 0.8))
    assert vetoed.get("intent")["name"] == "nlu_fallback"


def test_anger_gets_an_apology():
    assert _parsed("you're useless", ("deny", 0.5)).get("intent")["name"] == "complain"
    assert _parsed("this is a waste of time", ("out_of_scope", 0.5)).get("intent")["name"] == (
        "complain"
    )
    assert (
        _parsed("useless at maths, any courses?", ("find_course", 0.8)).get("intent")["name"]
        == "find_course"
    )


@pytest.mark.parametrize(
    ("text", "guessed", "then"),
    [("none of them suit, i work tues and wed", "career_advice", "book_appointment"),
     ("none of those times work for me", "deny", "book_appointment"),
     ("i cant make monday", "find_job", "book_appointment"),
     # not about appointment times
     ("none of these jobs are any good", "find_job", "find_job"),
     ("i work tuesdays and wednesdays", "inform", "inform"),
     ("i cant do my appointment on tuesday", "cancel_appointment", "cancel_appointment")],
)  # fmt: skip
def test_times_that_do_not_suit_are_about_the_times(text, guessed, then):
    parsed = _parsed(text, (guessed, 0.8), ("find_course", 0.1))
    assert parsed.get("intent")["name"] == then


@pytest.mark.parametrize(
    ("text", "then"),
    [("where can i do an esol course", "find_course"),
     ("looking for english classes near DB1", "find_course"),
     ("are esol classes free", "ask_question")],
)  # fmt: skip
def test_a_search_is_a_search_even_when_the_knowledge_base_knows_the_subject(text, then):
    assert _parsed(text, ("find_course", 0.9), ("ask_question", 0.05)).get("intent")["name"] == then


@pytest.mark.parametrize(
    ("text", "guessed", "then"),
    [("operator", "inform", "request_adviser"),
     ("a real person pls", "greet", "request_adviser"),
     ("nvm", "deny", "stop"),
     ("stop it now", "more_results", "stop"),
     ("leave me alone", "inform", "stop"),
     ("no more questions please", "career_advice", "stop"),
     ("halp", "greet", "help"),
     ("is this free?", "bot_challenge", "help"),
     ("wait is this free?", "inform", "help"),
     ("wait is this free? i cant afford to pay for nothing", "inform", "help"),
     ("do i have to pay", "deny", "help"),
     ("do i have to pay anything", "nlu_fallback", "help"),
     ("hang on do i gotta pay owt for using this", "inform", "help"),
     ("is this free to use?", "ask_question", "help"),
     ("how much does this cost", "ask_question", "help"),
     ("wot can i do", "nlu_fallback", "help"),
     ("sorry is there any charge for this", "inform", "help"),
     ("i got a appointment next week but lost the number they gave me", "book_appointment",
      "cancel_appointment"),
     ("i got a appointment next week but lost the refrence", "book_appointment",
      "cancel_appointment"),  # misspelt, as residents write it
     ("i had an apointment but lost the refrence", "book_appointment", "cancel_appointment"),
     ("i booked to see someone but lost the ref number", "nlu_fallback", "cancel_appointment"),
     # a job called operator or agent is work, not a request for a person: the next guess
     ("machine operator", "request_adviser", "find_course"),
     # "it" names no appointment: a question about the courses on screen is no booking to find
     ("it cost money?", "manage_booking", "find_course"),
     ("hi i did the questions yesterday and got a plan, can i see it again", "career_advice",
      "show_plan"),
     ("i lost my plan", "career_advice", "show_plan"),
     ("no keep it", "manage_booking", "deny"),
     ("nah not that sumthin outdoors", "deny", "inform"),  # ended the conversation
     ("no not those, something with animals", "deny", "inform"),
     ("go back", "stop", "help"),
     # asked for, not answered: "start again?" is asked before anything is wiped
     ("ok delete my info now, its a library computer", "confirm_restart", "start_again"),
     ("ok delete my info now, its a library computer", "affirm", "start_again"),
     ("yes delete this chat", "affirm", "confirm_restart"),
     # a complaint needs words of one: "sales assistant" after "Find a job" got an apology
     ("sales assistant", "complain", "find_course"),
     ("can u help me with my cv its rubbish", "complain", "ask_question"),
     ("this bot is rubbish", "find_course", "complain"),
     ("can someone ring me back thursday about 11ish im at work till then", "nlu_fallback",
      "request_callback"),
     ("no i dont want to book anything i want someone to ring me TODAY", "book_appointment",
      "request_callback"),
     ("please dont ring me", "deny", "deny"),
     ("nah leave it", "nlu_fallback", "deny"),
     ("plan b is to work in a shop", "inform", "inform"),
     ("i plan to go back to work after having my kids", "inform", "inform"),
     # refusing a call, or someone else's call, is no request for one
     ("you can't call me at work, email only", "inform", "inform"),
     ("the jobcentre said they would ring me back", "inform", "inform"),
     ("i need agent", "request_adviser", "request_adviser"),
     ("cant make it tomorrow", "manage_booking", "manage_booking"),
     ("I was a machine operator then a supervisor", "request_adviser", "find_course"),
     ("can i speak to an operator", "request_adviser", "request_adviser"),
     ("operator", "request_adviser", "request_adviser"),
     ("i forgot my booking ref", "nlu_fallback", "cancel_appointment"),
     # a reference for a job is no booking's
     ("can i book an appointment, i lost my job reference", "book_appointment",
      "book_appointment"),
     ("wats esol", "nlu_fallback", "explain_term"),
     ("ok yes i can stay at my mates tonight", "confirm_restart", "affirm"),
     ("yes i can stay at my mates", "confirm_restart", "affirm"),
     ("ok yes i can stay over at my mates tonight", "confirm_restart", "affirm"),
     ("yes ill try again tomorrow", "confirm_restart", "affirm"),
     ("yes thanks for everything", "confirm_restart", "affirm"),
     # no yes at all: a question under courses was read as "yes" (and then "OK. What would
     # you like to do?")
     ("when does it start", "confirm_restart", "find_course"),
     ("yes get rid of it all", "confirm_restart", "confirm_restart"),
     ("yes start again", "confirm_restart", "confirm_restart"),
     ("ok delete it all", "confirm_restart", "start_again"),  # after "start again?": wiped too
     ("tuesday afternoon", "greet", "inform"),
     ("any thursday after 4", "greet", "inform"),
     ("monday morning pls", "greet", "inform"),
     ("good afternoon", "greet", "greet"),
     ("wot is a t level", "inform", "explain_term"),
     ("whats the time", "out_of_scope", "out_of_scope"),
     ("what should i type", "career_advice", "help"),
     ("you keep asking the same thing", "skip", "complain"),
     ("not helpful at all", "deny", "complain"),
     # the same words with more to them are left to the model
     ("customer service", "inform", "inform"),
     ("person centred care jobs", "find_job", "find_job"),
     ("stop smoking support", "get_support", "get_support"),
     ("i dont want to do the questions", "stop", "stop"),
     ("i'll come back another time", "goodbye", "goodbye"),
     ("can i move it to another day", "manage_booking", "manage_booking"),
     ("how much does the forklift course cost", "ask_question", "ask_question"),
     ("do i have to pay for the maths course", "ask_question", "ask_question"),
     ("what should i do now? ive been out of work 2 years", "career_advice", "career_advice"),
     ("what do i do now? my jobseekers has been stopped", "get_support", "get_support"),
     ("what can i do with my life", "career_advice", "career_advice")],
)  # fmt: skip
def test_a_word_or_two_that_can_mean_one_thing(text, guessed, then):
    assert _parsed(text, (guessed, 0.6), ("find_course", 0.1)).get("intent")["name"] == then


def test_no_plain_words_pattern_backtracks_for_ever():
    """A resident's message must never freeze the Rasa server: the weekday pattern once took
    seconds on "monday" and 22 repeats of "  1", doubling with each more."""
    import signal

    from bot.nlp.intent_words import PLAINLY

    def stuck(*_):
        raise TimeoutError("a pattern backtracked for over two seconds")

    tricky = ["monday" + "  1" * 60, "monday " + "1 " * 200 + "x", "tuesday " + "after 4 " * 80,
              "yes " * 300 + "!", "wait " * 200 + "is this free" + "?" * 200]  # fmt: skip
    signal.signal(signal.SIGALRM, stuck)
    signal.alarm(2)
    try:
        for text in tricky:
            for pattern in PLAINLY.values():
                pattern.search(text)
    finally:
        signal.alarm(0)


def test_every_example_of_confirming_a_restart_names_the_wiping():
    """A yes without words of wiping is taken as a yes (RESTART_WORDS): each example the model
    learns "confirm_restart" from must still be one."""
    import yaml

    from bot.config import PROJECT_ROOT
    from bot.nlp.intent_words import RESTART_WORDS

    blocks = yaml.safe_load((PROJECT_ROOT / "data/nlu/conversation.yml").read_text())["nlu"]
    [examples] = [b["examples"] for b in blocks if b.get("intent") == "confirm_restart"]
    said = [line.strip()[2:] for line in examples.splitlines() if line.strip().startswith("- ")]
    assert len(said) > 5 and all(RESTART_WORDS.search(text) for text in said)
