"""Reading what residents type into a search: the subject only, a place only if it is one, the
filters they ask for, and follow-ups. Phrasings are the kind residents really type: text-speak,
typos, English as an additional language, requests wrapped in politeness."""

from __future__ import annotations

from dataclasses import replace

import pytest

from actions import finder
from bot.catalogue.search import message
from bot.council import service as council_service
from bot.demo.catalogue_data import COUNCIL_CODE

AREA = frozenset({COUNCIL_CODE})

# kind, what the resident typed, the subject searched for
SUBJECTS = [
    # a life story told with the request is for the adviser: "Look for years" was offered
    ("job", "ello m8 need a job asap skint", ""),
    ("job", "just got out of prison last week on licence, need work asap", ""),
    ("job", "I was made redundant last month after 31 years at the same factory", ""),
    ("job", "ow do i aply", ""),
    ("course", "actually no i need the course first", ""),
    ("course", "first aid course", "first aid"),
    ("job", "prison officer jobs", "prison officer"),
    ("job", "I need a job", ""),
    ("job", "i need a job pls", ""),
    ("job", "need work asap", ""),
    ("course", "any courses near me", ""),
    ("course", "can i do a course in plumbing", "plumbing"),
    ("course", "courses in coding", "coding"),
    ("course", "i want to learn coding", "coding"),
    ("job", "looking for cleaning jobs", "cleaning"),
    ("job", "is there any warehouse work", "warehouse"),
    ("job", "got any jobs for a chippy?", "chippy"),
    ("course", "show me maths courses please", "maths"),
    ("job", "find me a job as a barista", "barista"),
    ("job", "Hi, I'm looking for a part time job as a cleaner thanks", "cleaner"),
    ("job", "lookin 4 wrk in care pls", "care"),
    ("job", "i wnt 2 be a brickie", "brickie"),
    ("course", "cn i do a plumbin course", "plumbin"),  # the search repairs the typo
    ("course", "is there any courses for forklift", "forklift"),
    ("course", "i'd like to train as an electrician", "electrician"),
    ("course", "how do i become a teaching assistant", "teaching assistant"),
    ("course", "cyber security courses", "cyber security"),
    # found playing residents: none of these words is what they want
    ("job", "jobs i guess", ""),
    ("job", "hiya m lookin for work im 16", ""),
    ("job", "any jobs rly", ""),
    ("job", "can u help me find a job tho", ""),
    ("job", "i cant read good can u help me get a job", ""),
    ("job", "i cannot write well, any cleaning jobs", "cleaning"),
    ("course", "i want to learn to read", "read"),
    ("course", "cant read or write, any courses to help", "read or write"),
    ("course", "money management course", "money management"),
    ("course", "can i do a level 3 in health and social care", "level 3 health and social care"),
    ("course", "maths and english for adults", "maths and english"),
    ("job", "any lollipop lady jobs", "lollipop lady"),
    ("job", "dinner lady job near me", "dinner lady"),
    ("job", "i want to be a bin man", "bin man"),
    ("service", "help with convictions", "convictions"),
    ("service", "i need help with debt", "debt"),
    ("service", "somewhere to talk about my mental health", "mental health"),
    ("course", "free online courses for digital skills", "digital skills"),
    ("course", "GCSE maths", "gcse maths"),
    ("course", "level 2 maths", "level 2 maths"),
    ("course", "IT courses", "it"),
    ("course", "i want to do an it course", "it"),
    ("job", "got any HGV jobs", "hgv"),
    ("course", "wanna do sum trainin in hairdressing", "hairdressing"),
    ("job", "have you got anything for a forklift driver?", "forklift driver"),
    ("job", "work as a sparky", "sparky"),
    ("course", "i would like to do a course to become a plasterer", "plasterer"),
    ("job", "jobs for school cooks", "school cooks"),
    ("job", "Data entry please", "data entry"),
    ("course", "wat courses r there 4 carers", "carers"),
    ("course", "beginners computer course", "computer"),
    ("course", "courses in the evening for english and maths", "english and maths"),
    ("course", "english for speakers of other languages", "esol"),
    ("job", "Anything in security?", "security"),
    ("job", "jobs in a school", "school"),
    ("job", "any jobs goin in riverside", ""),
    # an age said with the search is no subject
    ("apprenticeship", "hiya im 19 from DB1 lookin for an apprenticeship", ""),
    ("job", "im 45 and want warehouse work", "warehouse"),
    ("course", "i'm 30 years old n want to do maths", "maths"),
    ("course", "level 2 maths for a 19 yo", "level 2 maths"),
    # what they lack, and the words of asking, are no subject either
    ("job", "im 19 from DB1 no gcses want a job", ""),
    ("job", "i have no qualifications, want warehouse work", "warehouse"),
    ("job", "i just want to see jobs in DB1 1AA", ""),
    ("course", "gcse maths course", "gcse maths"),
    ("job", "kitchen fitting jobs", "kitchen fitting"),
    # how the search is going is a feeling, not search words ("found 9 jobs for 'fed up'")
    ("job", "sick of applying, are there any jobs in Northgate?", ""),
    ("job", "fed up of applying, any warehouse jobs near DB3 1AA", "warehouse"),
    ("job", "applied to 100 jobs, 0 interviews. fml", ""),
    ("job", "none of them will take me anyway", ""),
    ("job", "tired of my current job, want something in care", "care"),
    ("course", "im too thick for college anyway", ""),
]


@pytest.mark.parametrize(("kind", "text", "words"), SUBJECTS)
def test_only_the_subject_of_a_request_is_searched_for(demo_db, kind, text, words):
    request = finder.from_message(kind, text, [], None, db_session=demo_db)
    assert request.words == words


def test_there_are_enough_phrasings_to_mean_something():
    assert len(SUBJECTS) >= 40


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("I'm looking for a part time job as a cleaner", {"part_time"}),
        ("evening classes in bookkeeping", {"evening"}),
        ("free online courses", {"free", "online"}),
        ("can i work from home", {"online"}),
        ("full-time warehouse work", {"full_time"}),
        ("cheap courses on saturdays", {"cheap", "weekend"}),
        ("something while the kids are at school", {"daytime"}),
        # a greeting, the hours they work now, or hours they don't want, asks for no hours
        ("Good afternoon, I'm looking for warehouse work", set()),
        ("good evening, any cleaning jobs please", set()),
        ("i work nights in a warehouse now and want a day job instead", {"daytime"}),
        ("i cant do nights coz of my kids", set()),
        ("evening cleaning jobs", {"evening"}),
    ],
)  # fmt: skip
def test_filters_are_read_from_the_message_and_left_out_of_the_subject(demo_db, text, asked):
    request = finder.from_message("course", text, [], None, db_session=demo_db)
    assert {name for name in finder.FLAGS if getattr(request, name)} == asked
    assert not set(request.words.split()) & {"part", "time", "evening", "free", "online", "home"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i cant drive, any jobs", ""),
        ("I cannot drive", ""),
        ("no driving licence, any warehouse jobs", "warehouse"),
        ("no car or licence", ""),
        ("i dont drive or have a car, cleaning work?", "cleaning"),
        ("not got a car", ""),
        ("aint got a car, retail jobs", "retail"),
        ("i dont own a car", ""),
        ("no access to a car", ""),
        ("lost my licence last year, any jobs", ""),
        ("only got a provisional", ""),
        ("havent passed my driving test", ""),
        ("i get the bus, any cleaning jobs", "cleaning"),
        ("i rely on buses", ""),
        ("care jobs, no driving", "care"),
        ("non driver, any shop work", "shop"),
        ("jobs that dont need a licence", ""),
        ("not driving jobs please, maybe retail", "retail"),
        ("i can get to work on the bus", ""),
        ("travel agent jobs by bus", "travel agent"),
    ],
)  # fmt: skip
def test_a_resident_who_cant_drive_asks_for_jobs_without_driving(text, words):
    request = finder.from_message("job", text, [], None)
    assert request.no_driving and request.words == words


def test_the_models_driving_subject_inside_no_driving_is_dropped():
    """The model reads "[driving](job_role) jobs"; said with "no", it is the filter's word."""
    said = "i want no driving jobs, warehouse maybe"
    named = [
        {"entity": "job_role", "value": "driving"},
        {"entity": "job_role", "value": "warehouse"},
    ]
    request = finder.from_message("job", said, named, None)
    assert request.no_driving and request.words == "warehouse"


@pytest.mark.parametrize(
    "text",
    ["bus driver jobs", "jobs on the buses", "no transport costs", "forklift licence courses",
     "cleaning jobs by the bus station", "delivery driver work", "provisional start date",
     "i have no driving experience but want to be a delivery driver"],
)  # fmt: skip
def test_driving_words_that_are_not_a_resident_who_cant_drive(text):
    assert not finder.from_message("job", text, [], None).no_driving


@pytest.mark.parametrize(
    ("text", "lifted"),
    [
        ("what about part time ones", False),
        ("actually i can drive now", True),
        ("i have a car now", True),
        ("what about driving jobs", True),
        ("any delivery work", True),
        ("i dont want driving jobs", False),
        ("no delivery work please", False),
        ("i can drive a forklift, any warehouse jobs", False),
        ("i have a licence for door supervisor work", False),
    ],
)  # fmt: skip
def test_a_follow_up_keeps_no_driving_until_they_can_drive(text, lifted):
    before = finder.Request(kind="job", words="warehouse", near="DB1 1AA", no_driving=True)
    assert finder.refine(before, text).no_driving is not lifted


def test_care_at_home_is_a_job_not_working_from_home(demo_db):
    request = finder.from_message("job", "care at home jobs", [], None, db_session=demo_db)
    assert (request.words, request.online) == ("care at home", False)


@pytest.mark.parametrize(
    "text",
    ["esol", "ESOL classes", "english lessons", "i want learn english", "my english not good",
     "english for foreign people", "i dont speak english very well", "learn to speak english",
     "English is not my first language", "english as a second language please",
     "my english is bad, i want class"],
)  # fmt: skip
def test_english_as_a_second_language_cues_search_for_esol(text):
    assert finder.from_message("course", text, [], None).words == "esol"


@pytest.mark.parametrize("text", ["gcse english", "functional skills english", "english level 2"])
def test_english_for_native_speakers_is_not_esol(text):
    assert finder.from_message("course", text, [], None).words != "esol"


def test_the_models_subject_is_used_unless_the_message_asks_for_esol():
    found = [{"entity": "job_role", "value": "warehouse"}]
    assert finder.from_message("job", "warehouse jobs", found, None).words == "warehouse"
    english = [{"entity": "subject", "value": "english"}]
    text = "my english is not so good, i want to study"
    assert finder.from_message("course", text, english, None).words == "esol"


# kind, message, place, subject: "in X" is a place only if the places data knows X
PLACES = [
    ("job", "jobs in data entry", None, "data entry"),
    ("job", "jobs in data entry in Riverside", "riverside", "data entry"),
    ("job", "jobs in riverside", "riverside", ""),
    ("course", "courses in cyber security", None, "cyber security"),
    ("course", "plumbing course in riverside", "riverside", "plumbing"),
    ("course", "maths courses near DB3", "DB3", "maths"),
    ("job", "care jobs in eastfield please", "eastfield", "care"),
    ("job", "work in an office in Northgate", "northgate", "office"),
    ("course", "level 2 in maths", None, "level 2 maths"),
    ("job", "care jobs db31aa", "DB3 1AA", "care"),
    ("service", "debt advice near DB2", "DB2", "debt advice"),
    ("job", "cleaning jobs around westbrook", "westbrook", "cleaning"),
    ("job", "care jobs riverside", "riverside", "care"),
    ("course", "courses in atlantis", None, "atlantis"),
]


@pytest.mark.parametrize(("kind", "text", "near", "words"), PLACES)
def test_in_x_is_a_place_only_when_x_is_a_known_place(demo_db, kind, text, near, words):
    request = finder.from_message(kind, text, [], None, db_session=demo_db)
    assert (request.near, request.words) == (near, words)


@pytest.mark.parametrize(("kind", "text", "near", "words"), PLACES[:5])
def test_without_a_database_at_hand_the_search_settles_the_place(demo_db, kind, text, near, words):
    """The dialogue may read the message before it opens the database: ``run`` then decides."""
    request = finder.from_message(kind, text, [], None)
    found = finder.run(request, db_session=demo_db, council=council_service.home())
    assert (found.request.near, found.request.words) == (near, words)
    assert found.request.maybe_place is None


def test_a_known_place_is_used_when_the_message_has_none(demo_db):
    request = finder.from_message("job", "care jobs", [], "DB1 1AA", db_session=demo_db)
    assert request.near == "DB1 1AA"


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("what about evenings", {"evening": True}),
        ("any at the weekend?", {"weekend": True}),
        ("during the day", {"daytime": True}),
        ("evenings or weekends", {"evening": True, "weekend": True}),
        ("only online ones", {"online": True}),
        ("can i do it from home", {"online": True}),
        ("anything part time?", {"part_time": True}),
        ("full time please", {"full_time": True}),
        ("only free ones", {"free": True}),
        ("cheaper?", {"cheap": True}),
        ("any cheaper ones", {"cheap": True}),
        ("closer to home", {"radius": 5.0}),
        ("near me", {"radius": 5.0}),
        ("something nearer", {"radius": 5.0}),
        ("further away", {"radius": 20.0}),
        ("show me more", {"page": 2}),
        ("next", {"page": 2}),
        ("others", {"page": 2}),
        ("anything else?", {"page": 2}),
        ("/more_results", {"page": 2}),  # the "Show me more" button
        ("what about plumbing", {"words": "plumbing"}),
        ("what about english lessons", {"words": "esol"}),
        ("what about level 3", {"words": "maths level 3"}),
        ("DB3 2AB", {"near": "DB3 2AB"}),
        ("hmm ok", {}),
        ("ok thanks", {}),
    ],
)  # fmt: skip
def test_follow_ups_apply_filters_and_only_more_turns_the_page(text, change):
    before = finder.Request(kind="course", words="maths level 2", near="DB3 1AA")
    assert finder.refine(before, text) == replace(before, **change)


def test_a_new_time_of_day_or_hours_replaces_the_old_one():
    daytime = finder.Request(kind="course", words="maths", daytime=True, full_time=True)
    changed = finder.refine(daytime, "what about evenings")
    assert (changed.evening, changed.daytime) == (True, False)
    changed = finder.refine(daytime, "part time ones?")
    assert (changed.part_time, changed.full_time) == (True, False)
    assert finder.refine(changed, "any time is fine").evening is False


def test_a_place_after_a_search_is_checked_against_the_places_data(demo_db):
    before = finder.Request(kind="course", words="maths", page=2)
    moved = finder.refine(before, "in riverside", db_session=demo_db)
    assert (moved.near, moved.words, moved.page) == ("riverside", "maths", 1)
    other = finder.refine(before, "what about in data entry", db_session=demo_db)
    assert (other.near, other.words) == (None, "data entry")
    plumbing = [{"entity": "subject", "value": "plumbing"}]
    assert finder.refine(before, "what about plumbing", plumbing).words == "plumbing"


def test_without_a_database_at_hand_a_follow_up_place_is_settled_by_the_search(demo_db):
    before = finder.Request(kind="course", words="maths")

    def run(request):
        return finder.run(request, db_session=demo_db, council=council_service.home())

    moved = run(finder.refine(before, "in riverside")).request
    assert (moved.near, moved.words) == ("riverside", "maths")
    other = run(finder.refine(before, "what about in data entry")).request
    assert (other.near, other.words) == (None, "data entry")


def test_the_request_survives_a_slot_round_trip():
    request = finder.Request(kind="job", words="care", near="DB1 1AA", part_time=True, page=2,
                             evening=True, cheap=True)  # fmt: skip
    assert finder.Request.from_slot(request.as_slot()) == request
    old_slot = {"kind": "course", "words": "maths", "page": 2}  # saved before the new filters
    assert finder.Request.from_slot(old_slot) == finder.Request(kind="course", words="maths",
                                                                page=2)  # fmt: skip
    assert finder.Request.from_slot({"kind": "spaceship"}) is None
    assert finder.Request.from_slot("not a dict") is None


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("lookin 4 wrk pls", "looking for work please"),
        ("i wnt 2 be a chef", "i want to be a chef"),
        ("level 2 maths", "level 2 maths"),
        ("4 hours a week", "4 hours a week"),
        ("I\u2019m after a job & a course", "i am after a job and a course"),
        ("u got ne jobs?", "you got any jobs ?"),
    ],
)  # fmt: skip
def test_text_speak_is_read_as_what_it_stands_for(typed, read):
    assert message.normalise(typed) == read


@pytest.mark.parametrize(
    ("said", "esol"),
    [("my english small", True), ("english small, i want learn", True),
     ("i want job, english a little", True), ("my english is not good i need job", True),
     ("i speak little english", True), ("need english lesson", True),
     ("english literature course", False), ("small business english course", False),
     ("i teach english", False), ("gcse english", False)],
)  # fmt: skip
def test_english_as_an_additional_language_is_heard(said, esol):
    assert message.wants_esol(message.normalise(said)) is esol


@pytest.mark.parametrize("said", ["im 16", "oh btw im 16", "i'm 45"])
def test_an_age_said_under_results_changes_no_words(said):
    """ "im 16" under jobs searched for "16" and found nothing."""
    previous = finder.Request(kind="job", words="care", near="Demoton")
    assert finder.refine(previous, said).words == "care"
