"""Changing and cancelling an appointment in the conversation, by reference and contact."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from sqlalchemy import select

from actions import booking as booking_actions
from actions import manage_booking as actions
from actions.common import database
from bot.booking import flows as booking_flows
from bot.booking import service as bookings
from bot.booking.models import Booking
from bot.council import service as council_service
from bot.notify.models import Notification
from tests.actions.conftest import make_tracker

CONTACT = "07700900123"


def _run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


def _booked() -> tuple[str, str]:
    """A confirmed Youth Pathways appointment at the first free time; (reference, label)."""
    with database() as db:
        first = bookings.find_slots(
            db_session=db, council=council_service.home(), offer="youth_pathways"
        )[0]
        booking = booking_flows.book(db_session=db, council=council_service.home(), slot=first.id,
                                     channel=first.channels[0], first_name="Sam",
                                     contact_text=CONTACT)  # fmt: skip
        return booking.reference, booking_flows.out(
            booking, db_session=db, council=council_service.home()
        ).label


def _found(dispatcher, reference: str, contact: str = CONTACT) -> list:
    slots = {"booking_reference": reference, "booking_contact": contact}
    return _run(actions.ActionFindBooking(), dispatcher, make_tracker(slots=slots))


def test_the_reference_is_read_however_it_is_typed(dispatcher):
    form = actions.ValidateManageBookingForm()
    tracker = make_tracker(active_loop="manage_booking_form")
    for typed in ("kh3-7xp", "KH3 7XP", "my reference is KH37XP", "its kh3 7xp"):
        assert form.validate_booking_reference(typed, dispatcher, tracker, {}) == {
            "booking_reference": "KH3-7XP", "failed_attempts": 0
        }  # fmt: skip
    # a word that could be a reference made of letters is not one ("change" is no "CHA-NGE")
    assert actions.reference_in("hi i need to change my appointment, ref F9V-4C9") == "F9V-4C9"
    assert actions.reference_in("change my appointment") is None
    assert actions.reference_in("change") is None and actions.reference_in("anyway") is None
    assert actions.reference_in("ref ABCDEF") == "ABC-DEF"
    assert form.validate_booking_reference("next tuesday", dispatcher, tracker, {}) == {
        "booking_reference": None, "failed_attempts": 1
    }  # fmt: skip
    assert "6 letters and numbers" in dispatcher.messages[-1]["text"]


def test_no_reference_twice_offers_a_way_out(dispatcher):
    """Not trapped: after two tries, the reference can be sent to the contact, or a person."""
    form = actions.ValidateManageBookingForm()
    tracker = make_tracker(slots={"failed_attempts": 1}, active_loop="manage_booking_form")
    assert form.validate_booking_reference("tuesday", dispatcher, tracker, {}) == {
        "booking_reference": None, "failed_attempts": 2
    }  # fmt: skip
    payloads = [b["payload"] for b in dispatcher.messages[-1]["buttons"]]
    assert payloads == [actions.WITHOUT_REFERENCE["payload"], "/request_adviser"]
    for typed in (
        "i dont have it",
        "i lost the text",
        "cant find my reference",
        "i lost the refrence",
        "dont have the referance",
    ):  # as residents spell it
        said = make_tracker(text=typed, active_loop="manage_booking_form")
        assert form.validate_booking_reference(typed, dispatcher, said, {}) == {
            "booking_reference": actions.BY_CONTACT, "failed_attempts": 0
        }  # fmt: skip


def test_no_contact_either_offers_a_person_instead_of_asking_again(dispatcher):
    """Lost the reference and no longer has the number: asked once, then a person, never the
    same question round and round."""
    form = actions.ValidateManageBookingForm()
    asked = {"booking_reference": actions.BY_CONTACT, "requested_slot": "booking_contact"}
    for typed in ("i dont have it", "idk", "i changed my number since", "dont know it sorry",
                  "i lost my phone", "cant remember"):  # fmt: skip
        tracker = make_tracker(text=typed, slots=asked, active_loop="manage_booking_form")
        assert form.validate_booking_contact(typed, dispatcher, tracker, {}) == {
            "booking_contact": actions.NO_CONTACT, "failed_attempts": 0
        }, typed  # fmt: skip
    assert dispatcher.messages == []
    # a typo is asked again once, with an example; the second miss ends the question
    first = make_tracker(text="077009", slots=asked, active_loop="manage_booking_form")
    assert form.validate_booking_contact("077009", dispatcher, first, {}) == {
        "booking_contact": None, "failed_attempts": 1
    }  # fmt: skip
    second = make_tracker(text="hmm", slots={**asked, "failed_attempts": 1})
    assert form.validate_booking_contact("hmm", dispatcher, second, {}) == {
        "booking_contact": actions.NO_CONTACT, "failed_attempts": 0
    }  # fmt: skip
    said = make_tracker(text="its 07700 900123", slots=asked)
    assert form.validate_booking_contact("its 07700 900123", dispatcher, said, {}) == {
        "booking_contact": CONTACT, "failed_attempts": 0
    }  # fmt: skip


def test_without_the_contact_a_person_finds_the_appointment(demo_database, dispatcher):
    _booked()
    assert _found(dispatcher, actions.BY_CONTACT, actions.NO_CONTACT) == actions.CLEARED
    (said,) = dispatcher.messages
    assert "person from our team" in said["text"] and council_service.home().phone in said["text"]
    assert said["buttons"][0]["payload"] == "/request_adviser"
    with database() as db:  # no reference is sent anywhere
        assert db.execute(select(Notification).where(
            Notification.purpose == "booking_references")).scalars().all() == []  # fmt: skip


def test_without_a_reference_it_is_sent_to_the_contact_and_never_shown(demo_database, dispatcher):
    reference, _label = _booked()
    for contact in (CONTACT, "07700900999"):  # booked, and not: the same answer
        assert _found(dispatcher, actions.BY_CONTACT, contact) == actions.CLEARED
    booked, unknown = dispatcher.messages
    assert booked["text"].replace("0123", "") == unknown["text"].replace("0999", "")
    assert reference not in booked["text"]
    with database() as db:
        sent = db.execute(select(Notification).where(
            Notification.purpose == "booking_references")).scalars().all()  # fmt: skip
        assert [(n.to, reference in n.body) for n in sent] == [(CONTACT, True)]


def test_a_wrong_reference_and_a_wrong_contact_get_the_same_answer(demo_database, dispatcher):
    reference, _label = _booked()
    cleared = [SlotSet("booking_reference", None), SlotSet("booking_contact", None)]
    assert _found(dispatcher, "ZZZ-ZZZ") == cleared
    assert _found(dispatcher, reference, "07700900999") == cleared
    wrong_reference, wrong_contact = dispatcher.messages
    assert wrong_reference == wrong_contact
    assert wrong_reference["text"].startswith("I couldn't find an appointment with that reference")


def test_found_then_cancelled(demo_database, dispatcher):
    reference, label = _booked()
    events = _found(dispatcher, reference)
    managed = {"reference": reference, "contact": CONTACT, "offer": "youth_pathways"}
    assert events[-1] == SlotSet("booking_managed", managed)
    assert dispatcher.messages[0]["text"].startswith(f"I found your appointment: {label}")
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == [
        "Change the time", "Cancel it", "Keep it"
    ]  # fmt: skip
    cancel = make_tracker(slots={"booking_managed": managed}, intent="manage_booking",
                          entities=[{"entity": "booking_action", "value": "cancel"}])  # fmt: skip
    asked = {**managed, "asked": "cancel"}
    assert _run(actions.ActionManageBooking(), dispatcher, cancel) == [  # asked once more
        SlotSet("booking_managed", asked)
    ]
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == ["Yes, cancel it", "Keep it"]
    with database() as db:
        assert db.execute(select(Booking.status)).scalar_one() == "confirmed"
    sure = make_tracker(
        slots={"booking_managed": managed},
        intent="manage_booking",
        entities=[{"entity": "booking_action", "value": "cancel_confirmed"}],
    )
    assert _run(actions.ActionManageBooking(), dispatcher, sure) == [
        SlotSet("booking_managed", None)
    ]
    assert dispatcher.messages[-1]["text"].startswith(f"Your appointment on {label} is cancelled")
    with database() as db:
        assert db.execute(select(Booking.status)).scalar_one() == "cancelled"


def test_a_new_time_keeps_the_reference(demo_database, dispatcher):
    reference, _label = _booked()
    managed = {"reference": reference, "contact": CONTACT, "offer": "youth_pathways"}
    change = make_tracker(slots={"booking_managed": managed}, intent="manage_booking",
                          entities=[{"entity": "booking_action", "value": "change"}])  # fmt: skip
    [offered] = [e for e in _run(actions.ActionManageBooking(), dispatcher, change)
                 if e["name"] == "booking_offered"]  # fmt: skip
    assert dispatcher.messages[-1]["text"].startswith("Your appointment stays booked until")
    later = offered["value"]["choices"][-1]
    chosen = make_tracker(
        slots={"booking_managed": managed, "booking_offered": offered["value"]},
        intent="choose_slot", entities=[{"entity": "slot_id", "value": later["id"]}],
    )  # fmt: skip
    events = _run(booking_actions.ActionHoldSlot(), dispatcher, chosen)
    assert events == [
        SlotSet("booking_managed", None),
        SlotSet("booking_offered", None),
        SlotSet("picking_time", None),
    ]
    message = dispatcher.messages[-1]
    assert message["text"].startswith(f"Done: your appointment is now {later['label']}")
    assert f"Your reference stays {reference}" in message["text"]
    assert message["custom"]["changed"] is True  # the widget says "Appointment changed"
    with database() as db:
        [booking] = db.execute(select(Booking)).scalars().all()
        assert (booking.reference, booking.status, booking.sequence) == (reference, "confirmed", 1)


def test_nothing_is_asked_that_the_conversation_already_knows(demo_database, dispatcher):
    """Booked in this chat a moment ago: the resident's own appointment, without a reference."""
    with database() as db:
        first = bookings.find_slots(
            db_session=db, council=council_service.home(), offer="youth_pathways"
        )[0]
        booking = booking_flows.book(db_session=db, council=council_service.home(), slot=first.id,
                                     channel=first.channels[0], first_name="Sam",
                                     contact_text=CONTACT, conversation_id="mine")  # fmt: skip
        reference = booking.reference
    form = actions.ValidateManageBookingForm()
    mine = make_tracker(text="i lost the reference number", intent="cancel_appointment",
                        active_loop="manage_booking_form", sender_id="mine")  # fmt: skip
    assert asyncio.run(form.run(dispatcher, mine, {})) == [
        SlotSet("booking_reference", reference), SlotSet("booking_contact", CONTACT)
    ]  # fmt: skip
    other = make_tracker(text="i lost the reference number", intent="cancel_appointment",
                         active_loop="manage_booking_form", sender_id="someone-else")  # fmt: skip
    assert asyncio.run(form.run(dispatcher, other, {})) == [
        SlotSet("booking_reference", actions.BY_CONTACT)
    ]


def test_a_reference_in_the_first_message_is_not_asked_for(demo_database, dispatcher):
    form = actions.ValidateManageBookingForm()
    for said in ("my reference is 7NM-9VZ i want to cancel it", "cancel booking KH3 7XP pls"):
        tracker = make_tracker(text=said, intent="cancel_appointment",
                               active_loop="manage_booking_form")  # fmt: skip
        [event] = asyncio.run(form.run(dispatcher, tracker, {}))
        assert event == SlotSet("booking_reference", actions.reference_in(said))
    assert actions.reference_in("i need to cancel it tomorrow please") is None


def test_a_typed_yes_to_are_you_sure_cancels(demo_database, dispatcher):
    """'yes' typed, not pressed, answers "Are you sure you want to cancel it?"; 'no' keeps it."""
    reference, label = _booked()
    asked = {"reference": reference, "contact": CONTACT, "offer": "youth_pathways",
             "asked": "cancel"}  # fmt: skip
    again = make_tracker(slots={"booking_managed": asked}, text="cancel it",
                         intent="manage_booking",
                         entities=[{"entity": "booking_action", "value": "cancel"}])  # fmt: skip
    assert _run(actions.ActionManageBooking(), dispatcher, again) == [  # not a yes: asked again
        SlotSet("booking_managed", asked)
    ]
    no = make_tracker(slots={"booking_managed": asked}, text="no", intent="deny")
    assert _run(actions.ActionManageBooking(), dispatcher, no) == [SlotSet("booking_managed", None)]
    assert dispatcher.messages[-1]["text"] == "OK, your appointment stays as it is."
    yes = make_tracker(slots={"booking_managed": asked}, text="yes pls", intent="affirm")
    assert _run(actions.ActionManageBooking(), dispatcher, yes) == [
        SlotSet("booking_managed", None)
    ]
    assert dispatcher.messages[-1]["text"].startswith(f"Your appointment on {label} is cancelled")
    with database() as db:
        assert db.execute(select(Booking.status)).scalar_one() == "cancelled"


def test_cancel_it_before_an_appointment_is_found_looks_for_it_first(dispatcher):
    """'cancel it' with no appointment on screen is not a dead end: the reference is asked."""
    typed = make_tracker(text="cancel it pls", intent="manage_booking")
    assert _run(actions.ActionManageBooking(), dispatcher, typed) == [
        FollowupAction("manage_booking_form")
    ]
    assert dispatcher.messages == []  # the form asks its own question


def test_words_say_what_to_do_with_the_appointment_found(demo_database, dispatcher):
    reference, _label = _booked()
    managed = {"reference": reference, "contact": CONTACT, "offer": "youth_pathways"}
    moved = make_tracker(slots={"booking_managed": managed}, text="can u move it to next week",
                         intent="manage_booking",
                         entities=[{"entity": "booking_action", "value": "move"}])  # fmt: skip
    _run(actions.ActionManageBooking(), dispatcher, moved)
    assert dispatcher.messages[-1]["text"].startswith("Your appointment stays booked until")
    unclear = make_tracker(slots={"booking_managed": managed}, text="hmm", intent="manage_booking")
    assert _run(actions.ActionManageBooking(), dispatcher, unclear) == []
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == [
        "Change the time", "Cancel it", "Keep it"
    ]  # fmt: skip


def test_a_cancel_said_with_a_no_is_never_a_yes(demo_database, dispatcher):
    """ "please don't cancel it" to "are you sure?" keeps the appointment."""
    reference, _label = _booked()
    asked = {"reference": reference, "contact": CONTACT, "offer": "youth_pathways",
             "asked": "cancel"}  # fmt: skip
    dont = make_tracker(slots={"booking_managed": asked}, text="please don't cancel it",
                        intent="manage_booking",
                        entities=[{"entity": "booking_action", "value": "cancel"}])  # fmt: skip
    assert _run(actions.ActionManageBooking(), dispatcher, dont) == [
        SlotSet("booking_managed", None)
    ]
    assert dispatcher.messages[-1]["text"] == "OK, your appointment stays as it is."
    with database() as db:
        assert db.execute(select(Booking.status)).scalar_one() == "confirmed"


def test_moving_it_forgets_the_question_about_cancelling(demo_database, dispatcher):
    """After "are you sure?", "move it instead" offers times; a later "yes" cancels nothing."""
    reference, _label = _booked()
    asked = {"reference": reference, "contact": CONTACT, "offer": "youth_pathways",
             "asked": "cancel"}  # fmt: skip
    move = make_tracker(slots={"booking_managed": asked}, text="actually move it instead",
                        intent="manage_booking")  # fmt: skip
    events = _run(actions.ActionManageBooking(), dispatcher, move)
    assert events[0] == SlotSet("booking_managed", {k: v for k, v in asked.items()
                                                    if k != "asked"})  # fmt: skip


def test_no_when_nothing_was_found_does_not_ask_for_the_reference_again(dispatcher):
    no = make_tracker(text="no", intent="deny")
    assert _run(actions.ActionManageBooking(), dispatcher, no) == []
    assert dispatcher.messages[-1]["text"].startswith("OK. If you want to change or cancel")


@pytest.mark.parametrize("asked", ["utter_confirm_restart", "utter_ask_booking_reference"])
def test_no_keep_it_to_do_you_want_to_start_again_keeps_everything(dispatcher, asked):
    """Asked "do you want to start again?", "no keep it" is no appointment to look for (the
    model reads it as "keep my appointment", which it is when asked about one)."""
    events = [
        {"event": "user", "text": "i lost my booking reference"},
        {"event": "bot", "text": "...", "metadata": {"utter_action": asked}},
        {"event": "user", "text": "no keep it"},
    ]
    tracker = make_tracker(events=events, intent="manage_booking", text="no keep it",
                           entities=[{"entity": "booking_action", "value": "keep"}])  # fmt: skip
    ran = _run(actions.ActionManageBooking(), dispatcher, tracker)
    if asked == "utter_confirm_restart":
        assert ran == [] and dispatcher.messages[-1]["response"] == "utter_carry_on"
    else:  # asked about an appointment: look for it
        assert ran == [FollowupAction("manage_booking_form")]


def test_found_with_a_move_asked_for_offers_times_that_fit(demo_database, dispatcher):
    """ "can i move it to next week" once the appointment was found failed ("part of our
    service isn't working"): the times were looked up for the slots, not the conversation."""
    reference, _label = _booked()
    slots = {"booking_reference": reference, "booking_contact": CONTACT}
    typed = make_tracker(slots=slots, text="can i move it to next week", intent="manage_booking")
    events = _run(actions.ActionFindBooking(), dispatcher, typed)
    said = dispatcher.messages[-1]
    assert said["text"].startswith("I found your appointment") and "stays booked" in said["text"]
    assert any(b["payload"].startswith("/choose_slot") for b in said["buttons"])
    managed = next(e["value"] for e in events if e["name"] == "booking_managed")
    assert managed["reference"] == reference and SlotSet("picking_time", True) in events


def test_a_day_said_once_the_appointment_is_found_offers_that_day(demo_database, dispatcher):
    """ "can i do friday morning instead" under "What would you like to do?" was not understood,
    though the assistant itself suggests "Friday morning"."""
    from actions.fallback import ActionTwoStageFallbackOffer

    reference, _label = _booked()
    managed = {"reference": reference, "contact": CONTACT, "offer": "youth_pathways"}
    said = make_tracker(slots={"booking_managed": managed}, intent="nlu_fallback",
                        text="can i do friday morning instead")  # fmt: skip
    events = _run(ActionTwoStageFallbackOffer(), dispatcher, said)
    assert any(e.get("name") == "booking_offered" and e["value"] for e in events)
    text = dispatcher.messages[-1]["text"]  # Friday mornings, or none and the nearest times
    assert "stays booked until you choose a new time" in text and "Friday morning" in text
