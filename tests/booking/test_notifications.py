"""Confirmations, changes and reminders go through Notify's real client to a local fake of its
API; with no key they wait in the outbox; failures are retried or shown, never dropped."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.booking import flows
from bot.booking import service as bookings
from bot.config import get_settings
from bot.database.core import make_engine, session_factory
from bot.jobs import worker
from bot.notify import service as notify
from bot.notify.models import Notification
from tests.booking import fake_notify
from tests.booking.conftest import NOW


@pytest.fixture
def fake(monkeypatch):
    with fake_notify.running() as state:
        monkeypatch.setenv("NOTIFY_API_KEY", fake_notify.API_KEY)
        monkeypatch.setenv("NOTIFY_BASE_URL", state.url)
        get_settings.cache_clear()
        yield state


@pytest.fixture
def with_templates(council):
    templates = {"email_template_id": "email-template", "sms_template_id": "sms-template"}
    return council.copy(update={"notify": council.notify.copy(update=templates)})


def _book(db, council, contact="07700 900123", now=NOW):
    offered = bookings.find_slots(db_session=db, council=council, offer="working_futures",
                                  now=now)[0]  # fmt: skip
    booking = bookings.book_slot(db_session=db, council=council, slot=offered.id,
                                 channel=offered.channels[0], hold=True, now=now)  # fmt: skip
    from bot.booking.contact import parse

    return flows.confirm(booking, db_session=db, council=council, first_name="Sam",
                         contact=parse(contact))  # fmt: skip


def _messages(db) -> list[Notification]:
    return list(db.execute(select(Notification).order_by(Notification.id)).scalars())


def test_a_confirmation_is_sent_as_a_text_through_notify(copy_db, with_templates, fake):
    booking = _book(copy_db, with_templates)
    [queued] = _messages(copy_db)
    assert (queued.status, queued.medium, queued.purpose) == ("queued", "sms", "booking_confirmed")
    counts = notify.deliver_due(db_session=copy_db, council=with_templates,
                                now=queued.next_attempt_at)  # fmt: skip
    assert counts == {"sent": 1, "retry": 0, "failed": 0}
    [sent] = fake.received
    assert sent["kind"] == "sms" and sent["phone_number"] == "07700900123"
    assert sent["template_id"] == "sms-template"
    assert booking.reference in sent["personalisation"]["body"]
    assert sent["reference"] == f"{booking.reference}:booking_confirmed:0"
    assert queued.status == "sent" and queued.notify_id and queued.attempts == 1


def test_email_gets_a_subject_and_body(copy_db, with_templates, fake):
    booking = _book(copy_db, with_templates, contact="sam@example.com")
    [queued] = _messages(copy_db)
    notify.deliver_due(db_session=copy_db, council=with_templates, now=queued.next_attempt_at)
    [sent] = fake.received
    assert sent["kind"] == "email" and sent["email_address"] == "sam@example.com"
    assert booking.reference in sent["personalisation"]["subject"]
    assert sent["personalisation"]["body"].startswith("Hello Sam,")


def test_a_failure_notify_may_recover_from_is_retried_later(copy_db, with_templates, fake):
    _book(copy_db, with_templates)
    fake.failures = [500]
    [message] = _messages(copy_db)
    at = message.next_attempt_at
    counts = notify.deliver_due(db_session=copy_db, council=with_templates, now=at)
    assert counts["retry"] == 1 and message.status == "queued" and "500" in message.last_error
    assert notify.deliver_due(db_session=copy_db, council=with_templates, now=at)["sent"] == 0
    later = at + notify.RETRY_WAITS[0]
    assert notify.deliver_due(db_session=copy_db, council=with_templates, now=later)["sent"] == 1
    assert message.status == "sent" and message.attempts == 2 and len(fake.received) == 1


def test_a_failure_notify_will_not_recover_from_is_shown_in_the_outbox(
    copy_db, with_templates, fake
):
    _book(copy_db, with_templates)
    fake.failures = [400]
    [queued] = _messages(copy_db)
    notify.deliver_due(db_session=copy_db, council=with_templates, now=queued.next_attempt_at)
    [failed] = notify.outbox(db_session=copy_db, council_slug="demo")
    assert failed.status == "failed" and "400" in failed.last_error


def test_without_a_key_messages_are_held_for_the_console(copy_db, council):
    assert not notify.configured()
    booking = _book(copy_db, council)
    flows.cancel(booking, db_session=copy_db, council=council)
    held = notify.outbox(db_session=copy_db, council_slug="demo")
    assert [m.purpose for m in held] == ["booking_cancelled", "booking_confirmed"]
    assert all(m.status == "held" for m in held)
    assert "is cancelled" in held[0].body


def test_tomorrows_bookings_get_one_reminder_however_often_the_worker_runs(copy_db, council):
    booking = _book(copy_db, council)
    day_before = booking.starts_at - timedelta(hours=20)
    assert flows.queue_reminders(db_session=copy_db, council=council, now=day_before) == 1
    assert flows.queue_reminders(db_session=copy_db, council=council, now=day_before) == 0
    assert flows.queue_reminders(db_session=copy_db, council=council, now=NOW) == 0  # too early
    reminders = [m for m in _messages(copy_db) if m.purpose == "booking_reminder"]
    assert len(reminders) == 1 and "tomorrow" in reminders[0].subject


def test_the_worker_sends_what_is_due(copy_db, demo_copy, council, fake, monkeypatch, tmp_path):
    council_file = tmp_path / "council.yml"
    council_file.write_text(
        get_settings().council_file.read_text()
        .replace("email_template_id: null", "email_template_id: email-template")
        .replace("sms_template_id: null", "sms_template_id: sms-template")
    )  # fmt: skip
    monkeypatch.setenv("COUNCIL_FILE", str(council_file))  # read afresh: keyed by path
    get_settings.cache_clear()
    _book(copy_db, council, now=bookings.utcnow())
    copy_db.commit()
    engine = make_engine(demo_copy)
    try:
        counts = worker.run_once(session_factory(engine))
    finally:
        engine.dispose()
    # The confirmation, and a reminder too if the first free time is tomorrow.
    assert counts["sent"] == len(fake.received) == 1 + counts["reminders"]
    assert fake.received[0]["reference"].endswith(":booking_confirmed:0")
