"""A combined authority's widget (Demo Combined Authority: Demo Borough and Demo Vale) sends each
resident to their own council's team by the postcode they give, and says so."""

from __future__ import annotations

import asyncio

import yaml
from rasa_sdk.events import SlotSet

from actions.assessment import ValidateAssessmentForm
from actions.profile import ActionReadProfile
from bot.config import PROJECT_ROOT, get_settings
from tests.actions.conftest import make_tracker

FORM = "assessment_form"
DOMAIN = {"forms": {FORM: {"required_slots": ["wants", "age", "location"]}}, "slots": {},
          "responses": {}}  # fmt: skip


def _said(text: str, council: str = "demo-combined") -> dict:
    return {"event": "user", "text": text, "metadata": {"council": council, "channel": "web"}}


def test_a_postcode_in_a_member_council_sends_the_resident_to_its_team(demo_database, dispatcher):
    tracker = make_tracker(slots={"requested_slot": "location", "wants": "job", "age": 30},
                           text="DB9 1AA", intent="inform", active_loop=FORM,
                           events=[_said("DB9 1AA")])  # fmt: skip
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, DOMAIN))
    assert SlotSet("council", "demo-vale") in events
    assert SlotSet("council_name", "Demo Vale Council") in events
    assert SlotSet("service_name", "Vale Works") in events
    [moved] = [m for m in dispatcher.messages if m.get("custom")]
    assert moved["text"] == (
        "You live in Demo Vale, so Demo Vale Council's Vale Works team will help you. Their "
        "number is 0113 496 0500."
    )
    assert moved["custom"] == {"type": "council", "council": "demo-vale"}


def test_a_postcode_said_in_passing_routes_too(demo_database, dispatcher):
    tracker = make_tracker(text="im 19 and live in DB1 1AA", intent="inform",
                           events=[_said("im 19 and live in DB1 1AA")])  # fmt: skip
    events = asyncio.run(ActionReadProfile().run(dispatcher, tracker, {}))
    assert SlotSet("council", "demo") in events
    assert (
        "so Demo Borough Council's Work Local team will help you" in dispatcher.messages[0]["text"]
    )


def test_a_postcode_outside_every_member_is_told_who_to_contact(
    demo_database, dispatcher, tmp_path, monkeypatch
):
    folder = tmp_path / "councils"
    folder.mkdir()
    demo = (PROJECT_ROOT / "councils" / "demo.yml").read_text()
    (folder / "demo.yml").write_text(demo)
    alone = yaml.safe_load((PROJECT_ROOT / "councils" / "demo-combined.yml").read_text())
    (folder / "combined.yml").write_text(yaml.safe_dump(alone | {"members": ["demo"]}))
    monkeypatch.setenv("COUNCIL_FILE", str(folder / "demo.yml"))
    get_settings.cache_clear()
    tracker = make_tracker(slots={"requested_slot": "location", "wants": "job", "age": 30},
                           text="DB9 1AA", intent="inform", active_loop=FORM,
                           events=[_said("DB9 1AA")])  # fmt: skip
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, DOMAIN))
    assert SlotSet("location", "DB9 1AA") in events
    assert not [e for e in events if e.get("name") == "council"]
    [told] = [m["text"] for m in dispatcher.messages]
    assert told.startswith("DB9 1AA isn't in Demo Borough and Demo Vale, so the teams here can't")
    assert "www.gov.uk/find-local-council" in told


def test_a_single_councils_resident_is_not_moved(demo_database, dispatcher):
    tracker = make_tracker(slots={"requested_slot": "location", "wants": "job", "age": 30},
                           text="DB9 1AA", intent="inform", active_loop=FORM,
                           events=[_said("DB9 1AA", council="demo")])  # fmt: skip
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, DOMAIN))
    assert not [e for e in events if e.get("name") == "council"]
    assert "DB9 1AA is outside Demo Borough" in dispatcher.messages[0]["text"]


def test_what_programmes_lists_only_the_ones_the_residents_council_runs(dispatcher):
    from actions.knowledge import ActionAnswerQuestion

    for slug, expected in (("demo", ["Youth Pathways", "Working Futures", "Skills for All"]),
                           ("demo-vale", ["Youth Pathways", "Skills for All"])):  # fmt: skip
        dispatcher.messages.clear()
        asked = "what programmes do you have"
        tracker = make_tracker(text=asked, intent="ask_question",
                               events=[_said(asked, council=slug)])  # fmt: skip
        asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, {}))
        [said] = dispatcher.messages
        named = [line.split("**")[1] for line in said["text"].splitlines() if "**" in line]
        assert named == expected
        assert said["buttons"][0]["payload"] == "/career_advice"


def test_a_programme_is_explained_in_the_councils_words_and_said_when_it_isnt_run(dispatcher):
    from actions.glossary import ActionExplainTerm

    for slug, service, extra in (("demo", "Work Local", False), ("demo-vale", "Vale Works", True)):
        dispatcher.messages.clear()
        asked = "what is working futures"
        tracker = make_tracker(text=asked, intent="explain_term",
                               events=[_said(asked, council=slug)])  # fmt: skip
        asyncio.run(ActionExplainTerm().run(dispatcher, tracker, {}))
        [said] = dispatcher.messages
        assert f"Working Futures is {service}'s help" in said["text"]
        assert ("Demo Vale Council doesn't run Working Futures" in said["text"]) is extra


def test_the_example_postcode_is_one_in_the_residents_own_council(demo_database, dispatcher):
    for slug, example in (("demo", "DB1 1AA"), ("demo-vale", "DB9 1AA")):
        dispatcher.messages.clear()
        tracker = make_tracker(slots={"requested_slot": "location", "wants": "job", "age": 40},
                               text="DB9 1AB", intent="inform", active_loop=FORM,
                               events=[_said("DB9 1AB", council=slug)])  # fmt: skip
        asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, DOMAIN))
        assert dispatcher.messages[0]["text"] == (
            "We couldn't find the postcode DB9 1AB. Please check it, or search by the name of "
            f"your town instead. Please give your postcode (like {example}) or the name of "
            "your town."
        )


def test_a_district_two_members_share_asks_for_the_whole_postcode(demo_database, dispatcher):
    """Northgate's DB2 reaches into Demo Vale ("DB2 8.."): "DB2" alone can't say whose team
    it is, so the resident is asked for the whole postcode; the whole one moves them."""
    asked = make_tracker(slots={"requested_slot": "location", "wants": "job", "age": 30},
                         text="DB2", intent="inform", active_loop=FORM,
                         events=[_said("DB2")])  # fmt: skip
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, asked, DOMAIN))
    assert SlotSet("location", None) in events
    assert not [e for e in events if e.get("name") == "council"]
    assert [m["text"] for m in dispatcher.messages] == [
        "DB2 is partly in Demo Borough and partly in Demo Vale, so I need your full postcode to "
        "know whose team will help you."
    ]  # a statement: the form asks the question next, once
    for postcode, slug in (("DB2 8AA", "demo-vale"), ("DB2 1AA", "demo")):
        whole = make_tracker(slots={"requested_slot": "location", "wants": "job", "age": 30},
                             text=postcode, intent="inform", active_loop=FORM,
                             events=[_said(postcode)])  # fmt: skip
        events = asyncio.run(ValidateAssessmentForm().run(dispatcher, whole, DOMAIN))
        assert SlotSet("location", postcode) in events
        assert SlotSet("council", slug) in events


def test_a_shared_district_said_in_passing_keeps_the_postcode_given_before(
    demo_database, dispatcher
):
    """ "actually im near DB2" after "DB9 1AA": DB2 can't say whose team it is, so it is said
    and the whole postcode given before stays, not wiped and counted as noted."""
    tracker = make_tracker(slots={"location": "DB9 1AA", "in_area": True},
                           text="actually im in DB2", intent="inform",
                           events=[_said("actually im in DB2")])  # fmt: skip
    events = asyncio.run(ActionReadProfile().run(dispatcher, tracker, {}))
    assert not [e for e in events if e.get("name") in ("location", "in_area", "council")]
    assert dispatcher.messages[0]["text"].startswith("DB2 is partly in Demo Borough and partly")


def test_a_member_councils_resident_correcting_their_postcode_is_sent_to_the_other(
    demo_database, dispatcher
):
    """Already Demo Vale's (the gateway names the authority it began in), "sorry its DB1 1AA"
    makes them Demo Borough's."""
    said = {"event": "user", "text": "sorry its DB1 1AA", "metadata": {
        "council": "demo-vale", "authority": "demo-combined", "channel": "web"}}  # fmt: skip
    tracker = make_tracker(slots={"council": "demo-vale", "location": "DB9 1AA"},
                           text="sorry its DB1 1AA", intent="inform", events=[said])  # fmt: skip
    events = asyncio.run(ActionReadProfile().run(dispatcher, tracker, {}))
    assert SlotSet("council", "demo") in events
    assert SlotSet("location", "DB1 1AA") in events
    assert "so Demo Borough Council's Work Local team will help you" in " ".join(
        m.get("text") or "" for m in dispatcher.messages
    )
