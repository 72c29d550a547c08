"""Search follow-ups in the conversation: a new-looking search that speaks of the results on
screen refines them, and "the second one" shows that result, not appointment times."""

from __future__ import annotations

import asyncio

from actions import finder
from actions.booking import ActionHoldSlot
from actions.search import ActionSearch
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
