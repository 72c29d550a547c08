"""Search follow-ups in the conversation: a new-looking search that speaks of the results on
screen refines them, and "the second one" shows that result, not appointment times."""

from __future__ import annotations

import asyncio

import pytest

from actions import finder
from actions.booking import ActionHoldSlot
from actions.search import ActionMoreResults, ActionSearch
from tests.actions.conftest import make_tracker

WAREHOUSE = finder.Request(kind="job", words="warehouse").as_slot()


def _run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


def test_any_part_time_ones_after_jobs_keeps_the_jobs(demo_database, dispatcher):
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, text="any part time ones?",
                           intent="find_job")  # fmt: skip
    [event] = _run(ActionSearch(), dispatcher, tracker)
    searched = finder.Request.from_slot(event.get("value"))
    assert event["name"] == "last_search"
    assert (searched.words, searched.part_time) == ("warehouse", True)
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"


@pytest.mark.parametrize("said", ["i live in Riverside", "im in DB3 1AA", "riverside",
                                  "near Riverside please"])  # fmt: skip
@pytest.mark.parametrize(("intent", "action"), [("find_job", ActionSearch()),
                                               ("inform", ActionMoreResults())])  # fmt: skip
def test_a_place_said_under_results_searches_the_same_near_it(
    demo_database, dispatcher, said, intent, action
):
    """The results ask for a postcode or town; the answer is where, not what (the model may
    hear "i live in Riverside" as another job search, for the words "live riverside")."""
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, text=said, intent=intent)
    [event] = _run(action, dispatcher, tracker)
    searched = finder.Request.from_slot(event.get("value"))
    assert searched.words == "warehouse"
    assert searched.near.lower() in ("riverside", "db3 1aa")
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"
    assert "near" in dispatcher.messages[-1]["text"]


@pytest.mark.parametrize("said", ["im 34", "im 19", "Im 52"])
def test_an_age_said_under_results_is_not_a_postcode_district(demo_database, dispatcher, said):
    """ "im 34" is shaped like the Isle of Man's district IM34: it is an age, not a place."""
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, text=said, intent="inform")
    events = _run(ActionMoreResults(), dispatcher, tracker)
    told = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "postcode district" not in told
    assert all(finder.Request.from_slot(e.get("value")).near is None for e in events
               if e.get("name") == "last_search")  # fmt: skip


def test_a_new_subject_is_a_new_search(demo_database, dispatcher):
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, text="any jobs in retail",
                           intent="find_job",
                           entities=[{"entity": "job_role", "value": "retail"}])  # fmt: skip
    [event] = _run(ActionSearch(), dispatcher, tracker)
    assert finder.Request.from_slot(event.get("value")).words == "retail"


def test_a_subject_alone_after_jobs_looks_for_jobs(demo_database, dispatcher):
    """ "retail" typed after a job search (the model's "inform", nothing said of the kind)."""
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, text="retail", intent="inform",
                           entities=[{"entity": "job_role", "value": "retail"}])  # fmt: skip
    [event] = _run(ActionSearch(), dispatcher, tracker)
    assert finder.Request.from_slot(event.get("value")).kind == "job"
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"


def test_the_second_one_after_results_shows_that_result(demo_database, dispatcher):
    shown = make_tracker(slots={"last_search": WAREHOUSE}, text="warehouse jobs",
                         intent="find_job")  # fmt: skip
    _run(ActionSearch(), dispatcher, shown)
    second = dispatcher.messages[-1]["custom"]["results"][1]
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, text="tell me about the 2nd one",
                           intent="choose_slot")  # fmt: skip
    assert _run(ActionHoldSlot(), dispatcher, tracker) == []
    message = dispatcher.messages[-1]
    assert message["text"].startswith(f"Here it is:\n- {second['title']}")
    assert message["custom"]["results"] == [second]


def test_a_postcode_after_saying_what_they_want_searches_for_it(demo_database, dispatcher):
    """ "…i want more hours, better job", then "DB1 1AA": the jobs, near there, not "Thanks,
    I've noted that you're in DB1 1AA. What would you like to do next?" again."""
    tracker = make_tracker(
        slots={"wants": "job", "interests": "cleaning", "location": "DB1 1AA",
               "profile_noted": {"new": ["location"], "changed": []}},
        text="DB1 1AA", intent="inform", entities=[{"entity": "postcode", "value": "DB1 1AA"}],
    )  # fmt: skip
    events = _run(ActionMoreResults(), dispatcher, tracker)
    assert events[0]["name"] == "last_search" and events[0]["value"]["kind"] == "job"
    assert dispatcher.messages[0]["text"] == "Thanks. I've noted that you're in DB1 1AA."
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"
    nothing_wanted = make_tracker(
        slots={"location": "DB1 1AA", "profile_noted": {"new": ["location"], "changed": []}},
        text="DB1 1AA", intent="inform",
    )  # fmt: skip
    assert _run(ActionMoreResults(), dispatcher, nothing_wanted) == []


def test_a_change_of_mind_searches_what_they_want_now(demo_database, dispatcher):
    """ "no forget courses ... find me a job instead" searched courses for "forget money"."""
    said = "actually no forget courses I need money, find me a job instead"
    plumbing = finder.Request(kind="course", words="plumbing").as_slot()
    tracker = make_tracker(text=said, intent="find_course", slots={"last_search": plumbing})
    [event] = _run(ActionSearch(), dispatcher, tracker)
    searched = finder.Request.from_slot(event.get("value"))
    assert (searched.kind, searched.words) == ("job", "")
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"


def test_a_postcode_not_found_is_said_once_and_not_kept(demo_database, dispatcher):
    """ "DB3 2AB" after jobs said "We couldn't find the postcode" twice, then again under every
    later search."""
    problem = "We couldn't find the postcode DB3 2AB."
    told = f"{problem} Please check it, or search by the name of your town instead."
    jobs = finder.Request(kind="job").as_slot()
    said = [{"event": "user", "text": "DB3 2AB"}, {"event": "bot", "text": told}]  # the reader
    tracker = make_tracker(slots={"last_search": jobs}, text="DB3 2AB", intent="inform",
                           events=said)  # fmt: skip
    [event] = _run(ActionMoreResults(), dispatcher, tracker)
    assert not any(m["text"] and m["text"].startswith(problem) for m in dispatcher.messages)
    assert finder.Request.from_slot(event["value"]).near is None  # not kept for next time


def test_show_me_more_before_any_search_searches_what_they_came_for(demo_database, dispatcher):
    """ "show me more" and "what about warehouse" got "What would you like me to look for?"
    three times from a 17-year-old who had said they wanted a job."""
    tracker = make_tracker(text="what about warehouse", intent="more_results",
                           slots={"wants": "job", "age": 17},
                           entities=[{"entity": "job_role", "value": "warehouse"}])  # fmt: skip
    events = _run(ActionMoreResults(), dispatcher, tracker)
    searched = finder.Request.from_slot(
        next(e["value"] for e in events if e["name"] == "last_search")
    )
    assert (searched.kind, searched.words) == ("job", "warehouse")
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"


ESOL = finder.Request(kind="course", words="esol").as_slot()
HAIR = finder.Request(kind="apprenticeship", words="hair").as_slot()


@pytest.mark.parametrize(
    ("shown", "said", "intent", "topic"),
    [(ESOL, "it cost money?", "inform", "esol_classes"),
     (ESOL, "how much do they cost", "find_course", "esol_classes"),
     (finder.Request(kind="course", words="plumbing").as_slot(), "are they free", "inform",
      "course_costs"),
     (HAIR, "do u get paid on them", "find_apprenticeship", "apprentice_pay")],
)  # fmt: skip
def test_a_question_about_what_the_results_cost_is_answered_not_searched_for(
    demo_database, dispatcher, shown, said, intent, topic
):
    """ "it cost money?" under English classes searched courses for "cost money", and "how much
    do they cost" for "much cost"."""
    tracker = make_tracker(slots={"last_search": shown}, text=said, intent=intent)
    action = ActionSearch() if intent.startswith("find_") else ActionMoreResults()
    assert _run(action, dispatcher, tracker) == []
    assert dispatcher.messages[-1]["custom"]["topic"] == topic


def test_a_filter_on_the_results_is_still_a_filter(demo_database, dispatcher):
    for said in ("any free ones?", "only free courses"):
        tracker = make_tracker(slots={"last_search": ESOL}, text=said, intent="find_course")
        [event] = _run(ActionSearch(), dispatcher, tracker)
        assert finder.Request.from_slot(event["value"]).free, said
    jobs = make_tracker(slots={"last_search": WAREHOUSE}, text="hw much do it pay", intent="inform")
    assert _run(ActionMoreResults(), dispatcher, jobs) == []
    assert dispatcher.messages[-1]["text"].startswith("Each job above shows its pay")


def test_a_postcode_district_noted_under_jobs_searches_them_near_it(demo_database, dispatcher):
    """ "DB5" under warehouse jobs got "I've noted that you're in DB5. What would you like to do
    next?" and no jobs near it."""
    from actions.fallback import ActionTwoStageFallbackOffer

    noted = {"new": ["location"], "changed": []}
    slots = {"last_search": WAREHOUSE, "location": "DB5", "profile_noted": noted}
    tracker = make_tracker(slots=slots, text="DB5", intent="nlu_fallback")
    events = _run(ActionTwoStageFallbackOffer(), dispatcher, tracker)
    searched = finder.Request.from_slot(next(e["value"] for e in events
                                             if e.get("name") == "last_search"))  # fmt: skip
    assert (searched.words, searched.near) == ("warehouse", "DB5")
    assert dispatcher.messages[-1]["custom"]["type"] == "job_results"


def test_hours_told_before_a_job_search_keep_to_part_time(demo_database, dispatcher):
    """ "single mum, need part time work school hours only" then "Find a job" showed all 200
    jobs, full-time apprenticeships among the first."""
    tracker = make_tracker(slots={"hours": 25}, text="Find a job", intent="find_job")
    [event, *_] = _run(ActionSearch(), dispatcher, tracker)
    assert finder.Request.from_slot(event["value"]).part_time
    full = make_tracker(slots={"hours": 37}, text="Find a job", intent="find_job")
    [event, *_] = _run(ActionSearch(), dispatcher, full)
    assert not finder.Request.from_slot(event["value"]).part_time


def test_tell_me_more_about_the_2nd_one_shows_that_one(demo_database, dispatcher):
    """ "tell me more about the 2nd one" searched jobs for "2nd", and stayed on it."""
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, intent="more_results",
                           text="tell me more about the 2nd one")  # fmt: skip
    assert _run(ActionMoreResults(), dispatcher, tracker) == []
    said = dispatcher.messages[-1]
    assert said["text"].startswith("Here it is:") and said["custom"]["total"] == 1
    first_aid = finder.Request(kind="course", words="health").as_slot()
    course = make_tracker(slots={"last_search": first_aid}, intent="more_results",
                          text="any first aid courses")  # fmt: skip
    _run(ActionMoreResults(), dispatcher, course)
    assert not dispatcher.messages[-1]["text"].startswith("Here it is:")


def test_under_sixteen_a_job_search_gets_who_can_help_not_adult_jobs(demo_database, dispatcher):
    """ "im 15 and want a job" was shown 172 adult jobs."""
    tracker = make_tracker(slots={"age": 15}, text="im 15 and want a job", intent="find_job")
    assert _run(ActionSearch(), dispatcher, tracker) == []
    said = dispatcher.messages[-1]
    assert said["text"].startswith("This service is for people aged 16 and over")
    assert not said["custom"]
    course = make_tracker(slots={"age": 15}, text="any maths courses", intent="find_course")
    _run(ActionSearch(), dispatcher, course)
    assert dispatcher.messages[-1]["custom"]["type"] == "course_results"


def test_volunteering_is_found_among_support_services(demo_database, dispatcher):
    """ "volunteering" was searched as jobs: "I couldn't find any jobs for volunteering"."""
    for said, intent in (("volunteering", "find_job"), ("i want to volunteer", "inform")):
        tracker = make_tracker(text=said, intent=intent, slots={"wants": "job"})
        events = _run(ActionSearch(), dispatcher, tracker)
        searched = finder.Request.from_slot(events[0]["value"])
        assert searched.kind == "service", said
        assert any(
            "Volunteering" in r["title"] for r in dispatcher.messages[-1]["custom"]["results"]
        )


def test_a_new_search_or_hardship_with_pay_words_is_not_answered_with_fees(
    demo_database, dispatcher
):
    from actions.knowledge import answered_about_the_results

    for said in ("well paid warehouse jobs", "i have no money for food", "i cant pay my rent"):
        tracker = make_tracker(slots={"last_search": WAREHOUSE}, text=said, intent="inform")
        assert not answered_about_the_results(dispatcher, tracker), said
    assert dispatcher.messages == []


def test_not_that_something_else_searches_the_something_else(demo_database, dispatcher):
    """ "nah not that sumthin outdoors" under jobs ended the conversation ("I'm here if you
    want me"), and "outdoors" was lost."""
    tracker = make_tracker(slots={"last_search": WAREHOUSE}, intent="inform",
                           text="nah not that sumthin outdoors")  # fmt: skip
    events = _run(ActionMoreResults(), dispatcher, tracker)
    searched = finder.Request.from_slot(next(e["value"] for e in events
                                             if e.get("name") == "last_search"))  # fmt: skip
    assert (searched.kind, searched.words) == ("job", "outdoors")
