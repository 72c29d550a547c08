"""Cases: one per conversation, queued by urgency and wait, claimed by exactly one adviser."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.council.models import Council
from bot.handoff import context, flows, service
from bot.handoff.models import Case
from bot.live.hub import teams
from tests.handoff.conftest import SLOTS, adviser, conversation, open_case


def test_a_conversation_has_one_case_and_the_most_urgent_reason_wins(db):
    first = open_case(db, reason="assessment")
    again = open_case(db, reason="crisis", slots={"age": 19})
    assert [a["question"] for a in again.answers] == ["Age"]  # the latest answers
    later = open_case(db, reason="asked")
    assert first.id == again.id == later.id
    assert (later.reason, later.urgency) == ("crisis", 0)


def test_the_queue_puts_crisis_first_then_residents_waiting_then_call_backs(db):
    old = open_case(db, "c-old", reason="assessment")
    old.contact = {"how": "email", "value": "sam@example.com", "name": "Sam"}  # asked for it
    quiet = open_case(db, "c-quiet", reason="assessment")  # asked for nothing, left no contact
    waiting = open_case(db, "c-waiting", reason="asked")
    waiting.status = "waiting"
    callback = open_case(db, "c-callback", reason="asked")
    callback.status = "callback"
    crisis = open_case(db, "c-crisis", reason="crisis", offer="working_futures")
    other_team = open_case(db, "c-other", reason="asked", offer="working_futures")
    other_team.contact = {"how": "phone", "value": "07700900123", "name": "Jo"}
    gone = open_case(db, "c-gone", reason="asked")  # asked out of hours, then left no contact
    closed = open_case(db, "c-closed")
    closed.status = "closed"
    db.flush()
    everyone = service.queue(db_session=db, council_slugs=["demo"], offers=None)
    assert [c.id for c in everyone] == [crisis.id, waiting.id, callback.id, other_team.id, old.id]
    youth = service.queue(db_session=db, council_slugs=["demo"], offers=["youth_pathways"])
    assert [c.id for c in youth] == [crisis.id, waiting.id, callback.id, old.id]  # crisis: all
    assert quiet.id not in [c.id for c in everyone] and gone.id not in [c.id for c in everyone]
    assert service.not_actionable(db_session=db, council_slugs=["demo"]) == 2


def test_a_second_adviser_is_told_who_has_the_case(db):
    case = open_case(db)
    amira, callum = adviser(db, "amira"), adviser(db, "callum")
    service.claim(db_session=db, case=case, staff=amira)
    with pytest.raises(service.CaseConflict) as refused:
        service.claim(db_session=db, case=case, staff=callum)
    assert refused.value.message.startswith(f"Amira (demo adviser) claimed case {case.reference}")
    assert case.claimed_by == amira.id
    with pytest.raises(service.CaseConflict):
        service.require_holder(db_session=db, case=case, staff=callum)
    service.require_holder(db_session=db, case=case, staff=adviser(db, "lead"))  # a lead may


def test_an_adviser_online_in_opening_hours_gets_the_resident_live(db, council, hub, rasa):
    client, fake = rasa
    chat, case = conversation(db), open_case(db)
    monday_10am = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    amira = adviser(db)
    hub.mark_present(amira.id, teams("demo", ["youth_pathways"]))
    [told] = flows.route(db_session=db, case=case, conversation=chat, council=council, rasa=client,
                         hub=hub, now=monday_10am)  # fmt: skip
    assert case.status == "waiting" and fake.events == [("conv-1", "pause")]
    assert told.custom == {"type": "handoff_waiting", "case": case.reference}
    assert [b.payload for b in told.buttons] == [flows.LEAVE_QUEUE]

    flows.claim(db_session=db, case=case, staff=amira, conversation=chat, rasa=client, hub=hub)
    assert case.status == "live"
    flows.from_resident(db_session=db, case=case, text="I lost my flat", hub=hub)
    flows.reply(db_session=db, case=case, staff=amira, text="I'm sorry. Let's sort it.", hub=hub)
    said = service.said_to_resident(db_session=db, conversation_id="conv-1")
    assert [(m.text, name) for m, name in said] == [
        ("You're now talking to Amira from the Work Local team.", None),
        ("I'm sorry. Let's sort it.", "Amira"),
    ]  # the resident's own words are not echoed back to them

    flows.hand_back(db_session=db, case=case, staff=amira, conversation=chat, rasa=client, hub=hub)
    assert fake.events[-1] == ("conv-1", "resume") and case.status == "open"
    assert [b["payload"] for b in chat.offered_buttons] == ["/book_appointment", "/help"]


def test_an_adviser_online_in_another_council_is_nobody_online_here(db, council, hub, rasa):
    client, fake = rasa
    chat, case = conversation(db), open_case(db)
    monday_10am = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    hub.mark_present(adviser(db).id, teams("demo-vale", ["youth_pathways"]))
    [told] = flows.route(db_session=db, case=case, conversation=chat, council=council, rasa=client,
                         hub=hub, now=monday_10am)  # fmt: skip
    assert case.status == "open" and fake.events == []  # not paused to wait for nobody
    assert "/book_appointment" in [b.payload for b in told.buttons]


def test_nobody_online_or_closed_is_said_honestly_with_a_call_back_time(db, council, hub, rasa):
    client, fake = rasa
    chat, case = conversation(db), open_case(db)
    sunday = datetime(2026, 11, 29, 11, 0, tzinfo=timezone.utc)
    hub.mark_present(
        adviser(db).id, teams("demo", ["youth_pathways"])
    )  # online, but the team is closed
    [told] = flows.route(db_session=db, case=case, conversation=chat, council=council, rasa=client,
                         hub=hub, now=sunday)  # fmt: skip
    assert case.status == "open" and fake.events == []
    assert told.text.startswith("The team is closed now. They open again at 9am tomorrow.")
    assert "we will call by 5pm on Monday 30 November" in told.text
    assert [b.payload for b in told.buttons] == ["/book_appointment", "/request_callback", "/help"]
    hub.mark_absent(adviser(db).id)
    monday = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    [busy] = flows.route(db_session=db, case=case, conversation=chat, council=council, rasa=client,
                         hub=hub, now=monday)  # fmt: skip
    assert busy.text.startswith("Nobody from the team is free to chat right now.")


def test_a_call_back_is_promised_by_closing_time_on_the_next_open_day(council: Council):
    friday_late = datetime(2026, 11, 27, 16, 55, tzinfo=timezone.utc)
    assert flows.callback_by(council, friday_late) == datetime(2026, 11, 28, 13, 0,
                                                               tzinfo=timezone.utc)  # fmt: skip
    sunday = datetime(2026, 11, 29, 11, 0, tzinfo=timezone.utc)
    assert flows.callback_by(council, sunday) == datetime(2026, 11, 30, 17, 0, tzinfo=timezone.utc)
    summer_monday = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)  # BST: 5pm is 16:00 UTC
    assert flows.callback_by(council, summer_monday) == datetime(2026, 6, 2, 16, 0,
                                                                  tzinfo=timezone.utc)  # fmt: skip
    assert flows.when_text(flows.callback_by(council, friday_late), council) == (
        "1pm on Saturday 28 November"
    )


def test_a_resident_who_leaves_keeps_the_case_but_not_the_link(db, hub):
    chat, case = conversation(db), open_case(db)
    case.status = "waiting"
    flows.resident_left(db_session=db, conversation_id=chat.id, hub=hub)
    assert case.status == "open" and case.conversation_id is None
    assert service.messages(db_session=db, case=case)[-1].text == "The resident left the chat."
    assert case.created_at < case.updated_at + timedelta(seconds=1)


def test_a_case_nobody_acted_on_is_forgotten_with_the_conversation(db, hub):
    conversation(db)
    case_id = open_case(db, reason="assessment").id
    flows.resident_left(db_session=db, conversation_id="conv-1", hub=hub)
    db.expire_all()
    assert db.get(Case, case_id) is None


def test_an_adviser_s_note_keeps_its_case_when_the_resident_forgets_the_conversation(db, hub):
    conversation(db)
    case = open_case(db, reason="assessment")
    service.add_note(db_session=db, case=case, staff=adviser(db), text="Rang back, left a message")
    flows.resident_left(db_session=db, conversation_id="conv-1", hub=hub)
    db.flush()
    db.expire_all()
    kept = db.get(Case, case.id)
    assert kept is not None and kept.conversation_id is None  # the record stays, unlinked
    assert [n.text for n in service.notes(db_session=db, case=kept)] == [
        "Rang back, left a message"
    ]


def test_asked_for_a_person_first_thing_nobody_is_told_their_words_were_saved(db, council, hub,
                                                                              rasa):  # fmt: skip
    client, _fake = rasa
    chat = conversation(db)
    said = [  # the widget's greeting, then their first words
        {"event": "user", "text": "/greet"},
        {"event": "bot", "text": "Hello, I'm the Demo Borough Council Work Local assistant."},
        {"event": "user", "text": "how do i talk to a real person"},
    ]
    first_thing = service.open_case(
        db_session=db, council_slug="demo", conversation_id="conv-1", reason="asked",
        offer="youth_pathways", context=context.build({}, said, None, "asked"),
    )  # fmt: skip
    sunday = datetime(2026, 11, 29, 11, 0, tzinfo=timezone.utc)
    [told] = flows.route(db_session=db, case=first_thing, conversation=chat, council=council,
                         rasa=client, hub=hub, now=sunday)  # fmt: skip
    assert "saved what you've told me" not in told.text
    assert f"Your reference is {first_thing.reference}" in told.text

    told_more = context.build(SLOTS, [*said, {"event": "user", "text": "im 19"}], None, "asked")
    later = service.open_case(
        db_session=db, council_slug="demo", conversation_id="conv-1", reason="asked",
        offer="youth_pathways", context=told_more,
    )  # fmt: skip
    [told] = flows.route(db_session=db, case=later, conversation=chat, council=council,
                         rasa=client, hub=hub, now=sunday)  # fmt: skip
    assert "I've saved what you've told me" in told.text


def test_an_employer_is_offered_the_employer_team_not_an_advisers_appointment(
    db, council, hub, rasa
):
    """ "who do I speak to", from a care home manager, offered an appointment with an adviser."""
    client, _fake = rasa
    chat, case = conversation(db), open_case(db, offer="employer")
    sunday = datetime(2026, 11, 29, 11, 0, tzinfo=timezone.utc)
    [told] = flows.route(db_session=db, case=case, conversation=chat, council=council, rasa=client,
                         hub=hub, now=sunday)  # fmt: skip
    assert "The employer team can call you back by 5pm on Monday 30 November." in told.text
    assert council.email in told.text and "appointment" not in told.text
    assert [b.payload for b in told.buttons] == ["/request_callback", "/help"]
    monday_10am = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    hub.mark_present(adviser(db).id, teams("demo", ["youth_pathways"]))  # nobody from theirs
    [waiting] = flows.route(db_session=db, case=case, conversation=chat, council=council,
                            rasa=client, hub=hub, now=monday_10am)  # fmt: skip
    assert waiting.text.startswith("An adviser from the Work Local team will join this chat")
    hub.mark_present(adviser(db).id, teams("demo", ["employer"]))
    [waiting] = flows.route(db_session=db, case=case, conversation=chat, council=council,
                            rasa=client, hub=hub, now=monday_10am)  # fmt: skip
    assert waiting.text.startswith("Someone from the employer team will join this chat soon.")


def test_a_time_asked_for_today_that_has_gone_is_not_called_one_nobody_works(council):
    """ "today after 3" at 4.20pm was told "Our advisers aren't working then"."""
    from bot.booking import preferences

    monday_420pm = datetime(2026, 11, 30, 16, 20, tzinfo=timezone.utc)
    today_after_3 = preferences.read("call me today after 3", monday_420pm.date())
    assert flows.asked_window(today_after_3, council, monday_420pm) is None
    assert flows.passed_today(today_after_3, council, monday_420pm)
    friday_after_5 = preferences.read("friday after 5pm", monday_420pm.date())
    assert not flows.passed_today(friday_after_5, council, monday_420pm)
    next_tuesday = preferences.read("next week on tuesday after 2", monday_420pm.date())
    start, _end = flows.asked_window(next_tuesday, council, monday_420pm)
    assert start.date().isoformat() == "2026-12-08"  # not tomorrow, Tuesday 1 December
