"""The booking actions hold, validate and confirm through bot.booking, on the demo data."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from sqlalchemy import select

from actions import booking as actions
from actions.common import _sessions
from bot.booking.models import Booking
from bot.config import get_settings
from bot.database.core import session_scope
from bot.notify.models import Notification
from tests.actions.conftest import make_tracker


def _run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


YOUNG = {"age": 19, "situation": "out_of_work", "location": "DB2 1AA"}


def test_times_are_offered_for_the_residents_programme_near_them(demo_database, dispatcher):
    events = _run(actions.ActionOfferSlots(), dispatcher, make_tracker(slots=YOUNG))
    [message] = dispatcher.messages
    assert message["text"].startswith("Here are the next free times with a Youth Pathways")
    assert "near DB2 1AA" in message["text"]
    titles = [b["title"] for b in message["buttons"]]
    assert titles[-2:] == ["Other times", "Talk to a person"]
    offered, *rest = events
    assert rest == [SlotSet("picking_time", True), SlotSet("failed_attempts", 0)]
    assert offered["name"] == "booking_offered" and len(offered["value"]["choices"]) == 4
    venues = {c["label"].rsplit(", ", 1)[1] for c in offered["value"]["choices"]}
    assert len(venues) == 2 and "by phone" in venues  # the nearest place, and a phone time
    assert all(b["payload"].startswith('/choose_slot{"slot_id":"') for b in message["buttons"][:4])


def test_a_place_named_with_the_request_is_used_and_kept_for_other_times(demo_database, dispatcher):
    tracker = make_tracker(text="book an appointment near DB3 1AA", intent="book_appointment",
                           entities=[{"entity": "postcode", "value": "DB3 1AA"}])  # fmt: skip
    offered = _run(actions.ActionOfferSlots(), dispatcher, tracker)[0]
    assert "near DB3 1AA" in dispatcher.messages[-1]["text"]
    assert offered["value"]["near"] == "DB3 1AA"
    more = make_tracker(slots={"booking_offered": offered["value"]}, intent="choose_slot",
                        entities=[{"entity": "slot_id", "value": "more"}])  # fmt: skip
    later = _run(actions.ActionHoldSlot(), dispatcher, more)[0]
    assert later["value"]["near"] == "DB3 1AA" and later["value"]["start"] == 3
    shown = {c["label"].rsplit(", ", 1)[1] for c in later["value"]["choices"]}
    assert shown == {c["label"].rsplit(", ", 1)[1] for c in offered["value"]["choices"]}


def test_no_programme_means_a_careers_adviser():
    assert actions.offer_for(make_tracker()) == "skills_for_all"
    assert (
        actions.offer_for(make_tracker(slots={"age": 40, "situation": "health"}))
        == "working_futures"
    )


@pytest.mark.parametrize(
    ("text", "index"),
    [("the second one please", 1), ("the last one", 3), ("the earliest one", 0),
     ("the phone one please", "phone"), ("what about other times", "more"),
     ("whenever", None), ("i dont have a phone", None), ("no phone sorry", None),
     ("monday at 11", None)],  # a wish for that hour, not the only Monday time shown
)  # fmt: skip
def test_residents_can_choose_in_their_own_words(text, index):
    library = [{"id": f"s{i}", "label": f"Monday 30 November, {9 + i:02d}:30, Library",
                "channel": "in_person"} for i in range(3)]  # fmt: skip
    phone = {"id": "s3", "label": "Tuesday 1 December, 09:30, by phone", "channel": "phone"}
    offered = {"start": 0, "choices": [*library, phone]}
    expected = {None: None, "more": "more", "phone": "s3"}.get(index, f"s{index}")
    assert actions.picked(text, [], offered) == expected
    assert actions.picked("the 10:30 one", [], offered) == "s1"
    assert actions.picked("x", [{"entity": "slot_id", "value": "forged"}], offered) is None


def test_choosing_holds_the_time_and_starts_the_form(demo_database, dispatcher):
    offer_events = _run(actions.ActionOfferSlots(), dispatcher, make_tracker(slots=YOUNG))
    offered = offer_events[0]["value"]
    first = offered["choices"][0]
    tracker = make_tracker(slots={**YOUNG, "booking_offered": offered}, intent="choose_slot",
                           text=actions._choose(first["id"]), sender_id="conv-1",
                           entities=[{"entity": "slot_id", "value": first["id"]}])  # fmt: skip
    events = _run(actions.ActionHoldSlot(), dispatcher, tracker)
    hold = events[0]
    assert hold["name"] == "booking_hold" and hold["value"]["label"] == first["label"]
    cleared = [SlotSet(name, None) for name in actions.FORM_SLOTS]
    assert events[1:] == [*cleared, SlotSet("picking_time", None), FollowupAction("booking_form")]
    assert "I'll keep it for you for 10 minutes" in dispatcher.messages[-1]["text"]
    # Someone else choosing the same time now is told it has gone, with fresh times.
    other = make_tracker(slots={**YOUNG, "booking_offered": offered}, intent="choose_slot",
                         entities=[{"entity": "slot_id", "value": first["id"]}],
                         sender_id="conv-2")  # fmt: skip
    again = _run(actions.ActionHoldSlot(), dispatcher, other)
    assert dispatcher.messages[-1]["text"].startswith("Sorry, that time has just been taken.")
    assert first["id"] not in {c["id"] for c in again[0]["value"]["choices"]}


@pytest.mark.parametrize(
    ("slot", "value", "expected", "said"),
    [
        ("booking_first_name", "my name is sam", "Sam", None),
        ("booking_first_name", "07700 900123", None, "just your first name"),
        ("booking_first_name", "the second one please", None, "just your first name"),
        ("booking_first_name", "Mary-Jane O'Neil", "Mary-Jane", None),
        ("booking_contact", "+44 7700 900123", "07700900123", None),
        ("booking_contact", "my phone", None, "07700 900123 or an email address"),
        # no contact to give: a way to book without one, not "that doesn't look like a number"
        ("booking_contact", "i dont have a phone or email", None, "someone you trust"),
        ("booking_contact", "no phone sorry", None, "from our team can book it with you"),
        ("booking_consent", False, False, None),
        # Cleared when the time was held, and the button that started the form: not answers.
        ("booking_consent", None, None, None),
        ("booking_first_name", None, None, None),
        ("booking_first_name", '/choose_slot{"slot_id":"x"}', None, None),
        ("booking_contact", '/choose_slot{"slot_id":"x"}', None, None),
    ],
)
def test_the_form_checks_names_and_contacts(dispatcher, slot, value, expected, said):
    form = actions.ValidateBookingForm()
    result = getattr(form, f"validate_{slot}")(value, dispatcher, make_tracker(), {})
    assert result == {slot: expected}
    assert (said in dispatcher.messages[0]["text"]) if said else dispatcher.messages == []


def test_a_name_and_a_number_in_one_message_are_both_kept(dispatcher):
    """ "Im Dave, 07700 900222": the contact is not asked for again."""
    form = actions.ValidateBookingForm()
    tracker = make_tracker(active_loop="booking_form")
    assert form.validate_booking_first_name("Im Dave, 07700 900222", dispatcher, tracker, {}) == {
        "booking_first_name": "Dave",
        "booking_contact": "07700900222",
    }
    assert dispatcher.messages == []


def _held(dispatcher, sender_id="conv-1"):
    offered = _run(actions.ActionOfferSlots(), dispatcher, make_tracker(slots=YOUNG))[0]["value"]
    first = offered["choices"][0]
    tracker = make_tracker(slots={**YOUNG, "booking_offered": offered}, sender_id=sender_id,
                           entities=[{"entity": "slot_id", "value": first["id"]}])  # fmt: skip
    return _run(actions.ActionHoldSlot(), dispatcher, tracker)[0]["value"]


def _confirm(dispatcher, hold, consent=True, sender_id="conv-1"):
    slots = {**YOUNG, "booking_hold": hold, "booking_first_name": "Sam",
             "booking_contact": "07700900123", "booking_consent": consent}  # fmt: skip
    return _run(
        actions.ActionConfirmBooking(), dispatcher, make_tracker(slots=slots, sender_id=sender_id)
    )


CLEARED = [SlotSet("booking_hold", None), SlotSet("booking_first_name", None),
           SlotSet("booking_contact", None), SlotSet("booking_consent", None)]  # fmt: skip


def test_confirming_books_with_reference_calendar_link_and_text(demo_database, dispatcher):
    hold = _held(dispatcher)
    assert _confirm(dispatcher, hold) == CLEARED
    message = dispatcher.messages[-1]
    booking = message["custom"]
    assert booking["type"] == "booking"
    assert booking["calendar_url"].startswith(f"/api/v1/bookings/{booking['reference']}.ics?token=")
    assert f"Your reference is {booking['reference']}" in message["text"]
    assert "\u2022" * 7 + "0123" in message["text"] and "07700900123" not in message["text"]
    with session_scope(_sessions()) as db:
        stored = db.execute(select(Booking)).scalar_one()
        assert (stored.status, stored.first_name, stored.consent) == ("confirmed", "Sam", True)
        [text] = db.execute(select(Notification)).scalars().all()
        assert text.purpose == "booking_confirmed" and text.status == "held"


def test_no_consent_books_nothing_and_frees_the_time(demo_database, dispatcher):
    hold = _held(dispatcher)
    assert _confirm(dispatcher, hold, consent=False) == CLEARED
    assert "I haven't booked it" in dispatcher.messages[-1]["text"]
    with session_scope(_sessions()) as db:
        assert db.execute(select(Booking.status)).scalar_one() == "cancelled"


def test_a_second_booking_for_the_same_thing_with_the_same_contact_is_let_go(
    demo_database, dispatcher
):
    assert _confirm(dispatcher, _held(dispatcher, sender_id="conv-1"), sender_id="conv-1")
    second = _held(dispatcher, sender_id="conv-2")  # the same resident, another day, same number
    assert _confirm(dispatcher, second, sender_id="conv-2") == CLEARED
    message = dispatcher.messages[-1]
    assert "already an appointment to come for this" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == [
        '/manage_booking{"booking_action":"change"}',
        "/request_adviser",
    ]
    with session_scope(_sessions()) as db:
        statuses = db.execute(select(Booking.status).order_by(Booking.id)).scalars().all()
        assert statuses == ["confirmed", "cancelled"]  # the second time is free again


def test_booking_in_the_chat_counts_against_the_network_address_limit(
    demo_database, dispatcher, monkeypatch
):
    from actions.common import limits

    monkeypatch.setenv("BOOKINGS_PER_HOUR", "1")
    get_settings.cache_clear()
    limits.cache_clear()
    offered = _run(actions.ActionOfferSlots(), dispatcher, make_tracker(slots=YOUNG))[0]["value"]
    said = [{"event": "user", "text": "the first one", "metadata": {"client": "a1b2c3"}}]

    def hold(choice: int) -> list:
        chosen = offered["choices"][choice]["id"]
        tracker = make_tracker(slots={**YOUNG, "booking_offered": offered}, events=said,
                               entities=[{"entity": "slot_id", "value": chosen}])  # fmt: skip
        return _run(actions.ActionHoldSlot(), dispatcher, tracker)

    assert hold(0)[0].get("name") == "booking_hold"  # the first is held
    assert hold(1) == []  # the second, from the same address within the hour, is not
    refusal = dispatcher.messages[-1]
    assert "a lot of requests about appointments" in refusal["text"]
    assert refusal["buttons"] == [{"title": "Talk to a person", "payload": "/request_adviser"}]
    limits.cache_clear()


def test_a_hold_from_another_conversation_cannot_be_confirmed(demo_database, dispatcher):
    hold = _held(dispatcher, sender_id="conv-1")
    assert _confirm(dispatcher, hold, sender_id="someone-else") == CLEARED
    with session_scope(_sessions()) as db:
        assert db.execute(select(Booking.status)).scalar_one() == "held"


@pytest.mark.parametrize(
    ("said", "name"),
    [("sam", "Sam"), ("my name is Priya", "Priya"), ("Jo-Anne Smith", "Jo-Anne"),
     ("ok", None), ("yes", None), ("the second one please", None), ("07700 900123", None),
     ("Im Dave", "Dave"), ("hi, i'm Sun", "Sun"), ("thursday afternoon", None),
     ("can i do friday instead", None)],
)  # fmt: skip
def test_a_first_name_is_a_name(dispatcher, said, name):
    from actions.booking import ValidateBookingForm

    form = ValidateBookingForm()
    tracker = make_tracker(active_loop="booking_form")
    assert form.validate_booking_first_name(said, dispatcher, tracker, {}) == {
        "booking_first_name": name
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ok the tuesday 3.30 one", "t2"), ("3:30pm", "t2"), ("the 15:30 one", "t2"),
     ("tuesday 1.30 pls", "t0"), ("the 2.30", "t1")],
)  # fmt: skip
def test_a_time_said_the_way_people_say_it_is_the_afternoon_one(text, expected):
    """ "ok the tuesday 3.30 one" showed the Tuesday times again instead of taking 15:30."""
    offered = {"start": 0, "choices": [
        {"id": f"t{i}", "label": f"Tuesday 8 December, {13 + i}:30, Northgate Library",
         "channel": "in_person"} for i in range(3)]}  # fmt: skip
    assert actions.picked(text, [], offered) == expected


def test_a_time_on_several_days_shown_is_the_soonest():
    offered = {"start": 0, "choices": [
        {"id": f"d{i}", "label": f"Thursday {10 + 7 * i} December, 15:30, Eastfield Library",
         "channel": "in_person"} for i in range(3)]}  # fmt: skip
    assert actions.picked("ok the thursday 3.30 one", [], offered) == "d0"


@pytest.mark.parametrize(
    ("asked", "said"),
    [("booking_first_name", "actually can i do thursday instead"),
     ("booking_first_name", "thursday"),
     ("booking_contact", "hang on can we make it thursday morning"),
     ("booking_consent", "sorry, a thursday would be better")],
)  # fmt: skip
def test_another_day_asked_for_while_a_time_is_held_lets_it_go_and_offers_that_day(
    demo_database, dispatcher, asked, said
):
    """ "actually can i do thursday instead" at the name question was refused as a name, and
    the held time could not be changed."""
    hold = _held(dispatcher)
    offered = _run(actions.ActionOfferSlots(), dispatcher, make_tracker(slots=YOUNG))[0]["value"]
    tracker = make_tracker(slots={**YOUNG, "booking_hold": hold, "booking_offered": offered,
                                  "requested_slot": asked},
                           text=said, intent="nlu_fallback", active_loop="booking_form",
                           sender_id="conv-1")  # fmt: skip
    events = _run(actions.ValidateBookingForm(), dispatcher, tracker)
    assert events[:4] == [SlotSet("booking_hold", None),
                          *[SlotSet(name, None) for name in actions.FORM_SLOTS]]  # fmt: skip
    assert events[-1] == SlotSet("requested_slot", None)  # the form ends; nothing is confirmed
    shown = next(e["value"] for e in events if e["name"] == "booking_offered")
    assert shown["choices"] and all(c["label"].startswith("Thursday") for c in shown["choices"])
    assert SlotSet("picking_time", True) in events
    assert dispatcher.messages[-1]["text"].startswith(
        "No problem, I've let that time go. Here are the times on Thursday"
    )
    with session_scope() as db:
        assert db.get(Booking, hold["id"]).status == "cancelled"
    # The confirmation the form's end leads to finds nothing held and books nothing.
    told = len(dispatcher.messages)
    slots = {**YOUNG, "booking_hold": None, "booking_first_name": None}
    _run(actions.ActionConfirmBooking(), dispatcher, make_tracker(slots=slots, sender_id="conv-1"))
    assert len(dispatcher.messages) == told


def test_a_name_or_a_number_is_still_an_answer_while_a_time_is_held(demo_database, dispatcher):
    hold = _held(dispatcher)
    for asked, said in (("booking_first_name", "Sam"), ("booking_contact", "07700 900123")):
        tracker = make_tracker(slots={"booking_hold": hold, "requested_slot": asked}, text=said,
                               intent="inform", active_loop="booking_form")  # fmt: skip
        assert actions.ValidateBookingForm().another_time(dispatcher, tracker, asked, said) is None


def test_a_day_asked_for_with_the_booking_gets_times_on_that_day(demo_database, dispatcher):
    tracker = make_tracker(text="can i book an appointment for thursday afternoon",
                           intent="book_appointment")  # fmt: skip
    offered = _run(actions.ActionOfferSlots(), dispatcher, tracker)[0]["value"]
    assert dispatcher.messages[-1]["text"].startswith("Here are the times on Thursday afternoons")
    assert all(c["label"].startswith("Thursday") for c in offered["choices"])


def test_where_is_it_after_booking_gives_the_place(demo_database, dispatcher):
    """ "where is it exactly" right after booking was answered "I'm a computer program"."""
    from actions.fallback import ActionTwoStageFallbackOffer

    hold = _held(dispatcher)
    _confirm(dispatcher, hold)
    asked = make_tracker(text="where is it exactly", intent="nlu_fallback", sender_id="conv-1")
    assert _run(ActionTwoStageFallbackOffer(), dispatcher, asked) == []
    said = dispatcher.messages[-1]["text"]
    assert said.startswith(f"Your appointment is on {hold['label']}.")
    assert "will phone you from" in said or "Where: " in said
    # Someone else's chat has no appointment: no place is made up
    other = make_tracker(text="where is it exactly", intent="nlu_fallback", sender_id="conv-9")
    _run(ActionTwoStageFallbackOffer(), dispatcher, other)
    assert not dispatcher.messages[-1]["text"].startswith("Your appointment is on")


def test_where_a_place_on_the_times_is_gets_its_address_and_the_times_again(
    demo_database, dispatcher
):
    """ "where is northgate library" while choosing was told the council can't help with that."""
    offered = _run(actions.ActionOfferSlots(), dispatcher, make_tracker(slots=YOUNG))[0]["value"]
    place = next(c["label"].rsplit(", ", 1)[1] for c in offered["choices"]
                 if c["channel"] == "in_person")  # fmt: skip
    for said in (f"where is {place.lower()}", f"whats the address of {place} pls"):
        asked = make_tracker(text=said, intent="out_of_scope", slots={"booking_offered": offered})
        assert _run(actions.ActionHoldSlot(), dispatcher, asked) == []
        answer = dispatcher.messages[-1]
        assert answer["text"].startswith(f"{place}, ") and answer["text"].endswith(
            "Which time suits you?"
        )
        assert [b["payload"] for b in answer["buttons"][:4]] == [
            actions._choose(c["id"]) for c in offered["choices"]
        ]
    # a question for the council's other services is signposted, and the times stay
    council_tax = make_tracker(text="how do i pay council tax", intent="out_of_scope",
                               slots={"booking_offered": offered})  # fmt: skip
    assert _run(actions.ActionHoldSlot(), dispatcher, council_tax) == []
    signpost, again = dispatcher.messages[-2:]
    assert signpost["response"] == "utter_out_of_scope"
    assert again["text"] == "When you're ready, choose a time."
    # "where is the library" names no one place: not answered with a made-up one
    vague = make_tracker(text="where is the library", intent="out_of_scope",
                         slots={"booking_offered": offered})  # fmt: skip
    _run(actions.ActionHoldSlot(), dispatcher, vague)
    assert dispatcher.messages[-1]["text"] == "When you're ready, choose a time."


def test_no_phone_is_an_answer_to_the_contact_question_and_a_person_is_still_a_person():
    """ "i dont have a phone or email" left the form for a call back, to someone with no phone."""
    assert actions.answers_question("booking_contact", "i dont have a phone or email")
    assert actions.answers_question("booking_contact", "idk my number")
    assert not actions.answers_question("booking_contact", "no phone, can i talk to someone")
    assert not actions.answers_question("booking_contact", "what do you need it for")


def test_is_it_free_where_the_name_is_asked_is_answered_and_the_name_asked_again(dispatcher):
    """ "is this free?" at the name question dropped the booking for the menu, and "is it free"
    typed there was taken for the name: "You're booked, Is"."""
    asked = {"requested_slot": "booking_first_name", "booking_hold": {"id": 1, "label": "x"}}
    tracker = make_tracker(text="is this free?", intent="help", slots=asked,
                           active_loop="booking_form")  # fmt: skip
    events = asyncio.run(actions.ValidateBookingForm().run(dispatcher, tracker, {}))
    assert events == [SlotSet("booking_first_name", None),
                      SlotSet("requested_slot", "booking_first_name")]  # fmt: skip
    assert dispatcher.messages[0]["text"].startswith("Yes, it's free.")
    form = actions.ValidateBookingForm()
    for said in ("is it free", "yes please", "what do i need"):
        assert form.validate_booking_first_name(said, dispatcher, make_tracker(), {}) == {
            "booking_first_name": None
        }, said  # fmt: skip
    for said, name in (("her name is Chloe but I'm her mum", "Chloe"), ("Will", "Will")):
        assert form.validate_booking_first_name(said, dispatcher, make_tracker(), {}) == {
            "booking_first_name": name
        }  # fmt: skip


def test_a_side_question_where_the_name_is_asked_is_answered_and_the_booking_goes_on(
    demo_database, dispatcher
):
    """ "how long is the appointment" where the name is asked dropped the booking: "I only know
    about work, skills and courses", and the name was never asked again."""
    hold = _held(dispatcher)
    asked = {**YOUNG, "booking_hold": hold, "requested_slot": "booking_first_name"}
    again = [SlotSet("booking_first_name", None), SlotSet("requested_slot", "booking_first_name")]
    for said, answer in (("how long is the appointment", "The appointment lasts about"),
                         ("how do i pay my council tax", None)):  # fmt: skip
        tracker = make_tracker(text=said, intent="out_of_scope", slots=asked,
                               active_loop="booking_form")  # fmt: skip
        assert asyncio.run(actions.ValidateBookingForm().run(dispatcher, tracker, {})) == again
        reply = dispatcher.messages[-1]
        if answer:
            assert reply["text"].startswith(answer) and "minutes" in reply["text"]
        else:
            assert reply["response"] == "utter_out_of_scope"


def test_what_it_costs_while_choosing_a_time_is_answered_with_the_times(demo_database, dispatcher):
    """ "how much is it" while choosing got "Sorry, I'm not sure which time you mean"."""
    offered = _run(actions.ActionOfferSlots(), dispatcher, make_tracker(slots=YOUNG))[0]["value"]
    asked = make_tracker(text="how much is it", intent="ask_question",
                         slots={"booking_offered": offered})  # fmt: skip
    assert _run(actions.ActionHoldSlot(), dispatcher, asked) == []
    said = dispatcher.messages[-1]
    assert said["text"].startswith("It's free.") and said["buttons"][0]["payload"].startswith(
        "/choose_slot"
    )
