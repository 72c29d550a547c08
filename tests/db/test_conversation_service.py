"""The conversation service on real databases, with Rasa's own SQL tracker store."""

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.config import get_settings
from bot.conversation import service, tracker
from bot.conversation.guard import InvalidMessage
from bot.conversation.models import BotMessage, Button, Conversation, UserMessageIn
from bot.conversation.rasa_client import AssistantUnavailable, RasaClient
from bot.conversation.views import take_turn
from bot.database import migrate
from bot.database.core import make_engine, session_factory, session_scope
from bot.ratelimit.service import make_limiter


@pytest.fixture
def sessions(database_url):
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    yield session_factory(engine)
    engine.dispose()


class RecordingRasa(RasaClient):
    """A real RasaClient whose transport is replaced by canned Rasa replies, so these tests
    check the service's bookkeeping; the real Rasa server is exercised in tests/e2e."""

    def __init__(self, replies):
        self.replies = list(replies)
        self.sent = []

    def forget(self, sender_id):
        self.forgotten = [*getattr(self, "forgotten", []), sender_id]

    def send(self, sender_id, text, metadata):
        self.sent.append((sender_id, text, metadata))
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply


GREETING = [
    BotMessage(text="Hello", buttons=[Button(title="Find a course", payload="/find_course")])
]


def press(sessions, rasa, conversation_id: str, payload: str):
    with session_scope(sessions) as db_session:
        return service.send(
            db_session=db_session,
            rasa=rasa,
            conversation_id=conversation_id,
            text=None,
            payload=payload,
            max_chars=2000,
        )


def test_ids_are_long_random_and_distinct():
    ids = {service.new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) >= 32 for i in ids)


def test_create_greets_and_remembers_offered_buttons(sessions):
    rasa = RecordingRasa([GREETING])
    with session_scope(sessions) as db_session:
        conversation, messages = service.create(
            db_session=db_session, rasa=rasa, council_slug="demo", channel="web", greet=True
        )
    assert messages == GREETING
    assert rasa.sent == [(conversation.id, "/greet", {"council": "demo", "channel": "web"})]
    with session_scope(sessions) as db_session:
        stored = service.get(db_session=db_session, conversation_id=conversation.id)
        assert stored.offered_buttons == [{"title": "Find a course", "payload": "/find_course"}]


def test_create_leaves_nothing_behind_when_rasa_is_down(sessions):
    rasa = RecordingRasa([AssistantUnavailable("down")])
    with pytest.raises(AssistantUnavailable), session_scope(sessions) as db_session:
        service.create(
            db_session=db_session, rasa=rasa, council_slug="demo", channel="web", greet=True
        )
    with session_scope(sessions) as db_session:
        assert db_session.execute(select(func.count()).select_from(Conversation)).scalar() == 0


def test_payload_accepted_only_while_offered(sessions):
    rasa = RecordingRasa([GREETING, [BotMessage(text="Courses...")]])
    conversation = _greeted(sessions, rasa)
    press(sessions, rasa, conversation.id, "/find_course")
    assert rasa.sent[-1][1] == "/find_course"
    # The reply offered no buttons, so the old one is no longer accepted.
    with pytest.raises(InvalidMessage):
        press(sessions, rasa, conversation.id, "/find_course")
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=conversation.id).turns == 1


def test_typed_command_is_answered_locally_and_reoffers_open_buttons(sessions):
    rasa = RecordingRasa([GREETING])
    conversation = _greeted(sessions, rasa)
    with session_scope(sessions) as db_session:
        reply = service.send(
            db_session=db_session,
            rasa=rasa,
            conversation_id=conversation.id,
            text='/inform{"age": 99}',
            payload=None,
            max_chars=2000,
        )
    assert len(rasa.sent) == 1  # only the greeting ever reached Rasa
    assert reply[0].buttons == GREETING[0].buttons


def test_unknown_conversation(sessions):
    with pytest.raises(service.ConversationNotFound), session_scope(sessions) as db_session:
        service.send(
            db_session=db_session,
            rasa=RecordingRasa([]),
            conversation_id="nope",
            text="hi",
            payload=None,
            max_chars=2000,
        )


def _rasa_tracker_store(url: str) -> SQLTrackerStore:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=parsed.database)
    return SQLTrackerStore(
        Domain.empty(),
        dialect="postgresql",
        host=parsed.host,
        port=parsed.port,
        db=parsed.database,
        username=parsed.username,
        password=parsed.password,
    )


def test_end_forgets_rasa_events_of_that_conversation_only(sessions, database_url):
    store = _rasa_tracker_store(database_url)
    rasa = RecordingRasa([[], []])
    with session_scope(sessions) as db_session:
        mine, _ = service.create(
            db_session=db_session, rasa=rasa, council_slug="demo", channel="web", greet=False
        )
        other, _ = service.create(
            db_session=db_session, rasa=rasa, council_slug="demo", channel="web", greet=False
        )
    for sender in (mine.id, other.id):
        events = [ActionExecuted("action_listen"), UserUttered("my postcode is LS9 8AB")]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    engine = make_engine(database_url)
    assert tracker.count(engine, mine.id) == 2
    with session_scope(sessions) as db_session:
        service.end(db_session=db_session, tracker_engine=engine, conversation_id=mine.id)
    assert tracker.count(engine, mine.id) == 0
    assert tracker.count(engine, other.id) == 2
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=mine.id) is None
        assert service.get(db_session=db_session, conversation_id=other.id) is not None
    engine.dispose()


def test_confirming_start_again_deletes_the_conversation_as_the_reply_says(sessions, database_url):
    store = _rasa_tracker_store(database_url)
    done = [BotMessage(text="Done. I've deleted this chat.", custom={"type": "start_again"})]
    rasa = RecordingRasa([GREETING, done])
    conversation = _greeted(sessions, rasa)
    events = [ActionExecuted("action_listen"), UserUttered("my partner hits me")]
    asyncio.run(store.save(DialogueStateTracker.from_events(conversation.id, events)))
    engine = make_engine(database_url)
    body = UserMessageIn(text="yes delete it all")
    limits = make_limiter(get_settings())
    assert take_turn(sessions, rasa, limits, conversation.id, body, engine) == done
    assert tracker.count(engine, conversation.id) == 0
    assert rasa.forgotten == [conversation.id]
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=conversation.id) is None
    engine.dispose()


def test_forget_before_rasa_stored_anything(database_url):
    engine = make_engine(database_url)
    assert tracker.forget(engine, "never-seen") == 0
    engine.dispose()


def _say(sessions, rasa, conversation_id: str, text: str):
    with session_scope(sessions) as db_session:
        return service.send(
            db_session=db_session,
            rasa=rasa,
            conversation_id=conversation_id,
            text=text,
            payload=None,
            max_chars=2000,
        )


def _greeted(sessions, rasa):
    """A new conversation on the web widget, greeted (Rasa's first canned reply)."""
    with session_scope(sessions) as db_session:
        conversation, _ = service.create(
            db_session=db_session, rasa=rasa, council_slug="demo", channel="web", greet=True
        )
    return conversation


def test_the_safety_net_sends_crisis_whatever_the_model_would_say(sessions):
    crisis_reply = [BotMessage(text="Call 999 if you are in danger.")]
    rasa = RecordingRasa([GREETING, crisis_reply, [BotMessage(text="ok")]])
    conversation = _greeted(sessions, rasa)
    said = "need a job but honestly i want to die"
    assert _say(sessions, rasa, conversation.id, said) == crisis_reply
    _cid, text, metadata = rasa.sent[1]
    assert text == "/crisis" and metadata["resident_text"] == said
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=conversation.id).urgent_at
    _say(sessions, rasa, conversation.id, "ok thanks")
    assert rasa.sent[2][1] == "ok thanks"  # ordinary messages go through as typed


def test_losing_heart_goes_to_the_dialogue_as_discouraged_with_the_words_kept(sessions):
    """Without this the model heard "whats the point, ive been rejected 40 times" under job
    results as a search for "point rejected 40 times"."""
    heard = [BotMessage(text="I'm sorry, that sounds really hard.")]
    rasa = RecordingRasa([GREETING, heard, [BotMessage(text="ok")]])
    conversation = _greeted(sessions, rasa)
    said = "honestly whats the point, ive been rejected 40 times"
    answer = _say(sessions, rasa, conversation.id, said)
    assert answer[0] == heard[0]  # heard first; the check-in with the numbers after it
    assert "116 123" in answer[1].text and "I may have got this wrong" in answer[1].text
    _cid, text, metadata = rasa.sent[1]
    assert text == "/discouraged" and metadata["resident_text"] == said
    asked = "sick of applying, any retail jobs in Riverside?"  # a search as well: the model's
    _say(sessions, rasa, conversation.id, asked)
    assert rasa.sent[2][1] == asked
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=conversation.id).urgent_at is None


def test_after_a_crisis_losing_heart_stays_with_the_crisis_follow_up(sessions):
    crisis_reply = [BotMessage(text="Call 999 if you are in danger.", custom={"type": "crisis"})]
    rasa = RecordingRasa([GREETING, crisis_reply, [BotMessage(text="Are you safe?")]])
    conversation = _greeted(sessions, rasa)
    _say(sessions, rasa, conversation.id, "i want to end it all")
    _say(sessions, rasa, conversation.id, "whats the point")
    assert rasa.sent[2][1] == "whats the point"  # the dialogue's rules answer it as a follow-up


def test_when_the_assistant_says_nothing_the_resident_still_gets_an_answer(sessions):
    rasa = RecordingRasa([GREETING, []])
    conversation = _greeted(sessions, rasa)
    [message] = _say(sessions, rasa, conversation.id, "hello?")
    assert "I can't search or answer that right now" in message.text
    assert "0113 496 0000" in message.text  # the council's number
    assert "/request_adviser" in [b.payload for b in message.buttons]
    # ...and those buttons can be pressed.
    rasa.replies.append([BotMessage(text="You can call us.")])
    assert press(sessions, rasa, conversation.id, "/request_adviser")[0].text == "You can call us."


def test_a_crisis_the_model_recognised_flags_the_conversation_too(sessions):
    crisis_reply = [BotMessage(text="Call 999 if you are in danger.", custom={"type": "crisis"})]
    rasa = RecordingRasa([GREETING, [BotMessage(text="ok")], crisis_reply])
    conversation = _greeted(sessions, rasa)
    _say(sessions, rasa, conversation.id, "hello there")
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=conversation.id).urgent_at is None
    _say(sessions, rasa, conversation.id, "everything is too much")  # not in the rule list
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=conversation.id).urgent_at


def _send_with_id(sessions, rasa, conversation_id: str, text: str, message_id: str):
    with session_scope(sessions) as db_session:
        return service.send(
            db_session=db_session, rasa=rasa, conversation_id=conversation_id, text=text,
            payload=None, max_chars=2000, message_id=message_id,
        )  # fmt: skip


def test_a_retried_message_gets_the_first_answer_and_reaches_rasa_once(sessions):
    first = [BotMessage(text="How old are you?", buttons=[Button(title="16-18", payload="/a")])]
    second = [BotMessage(text="Thanks. What's your postcode?")]
    rasa = RecordingRasa([GREETING, first, second])
    conversation = _greeted(sessions, rasa)
    assert _send_with_id(sessions, rasa, conversation.id, "find a course", "m-1") == first
    # The connection dropped before the answer arrived; the widget sends the same message again.
    assert _send_with_id(sessions, rasa, conversation.id, "find a course", "m-1") == first
    assert [text for _id, text, _meta in rasa.sent] == ["/greet", "find a course"]
    # A new id is a new message, even with the same words.
    assert _send_with_id(sessions, rasa, conversation.id, "19", "m-2") == second
    assert len(rasa.sent) == 3


class HeldRasa(RecordingRasa):
    """Holds its answer until both sends are under way (a readiness signal, not a sleep), so
    the retry arrives while the first is still with Rasa."""

    def __init__(self, answers, senders: int) -> None:
        super().__init__(answers)
        self.expected, self.started = senders, 0
        self.lock, self.all_started = threading.Lock(), threading.Event()

    def starting(self) -> None:
        with self.lock:
            self.started += 1
            if self.started == self.expected:
                self.all_started.set()

    def send(self, sender_id, text, metadata):
        if text != "/greet":
            assert self.all_started.wait(10)
        return super().send(sender_id, text, metadata)


def test_the_same_message_sent_twice_at_once_reaches_rasa_once(sessions):
    answer = [BotMessage(text="Here are some jobs.")]
    rasa = HeldRasa([GREETING, answer, answer], senders=2)
    conversation = _greeted(sessions, rasa)
    body = UserMessageIn(text="warehouse jobs", id="m-1")  # a retry over a new connection
    limits = make_limiter(get_settings())

    def sender(_name: str):
        rasa.starting()
        return take_turn(sessions, rasa, limits, conversation.id, body, None)

    with ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(sender, "ab"))
    assert replies == [answer, answer]
    assert [text for _id, text, _meta in rasa.sent] == ["/greet", "warehouse jobs"]


def test_retention_forgets_old_conversations_plans_and_messages(sessions, database_url):
    """What the privacy notice promises: gone after the council's retention period. Cases a
    person is involved in stay; cases nobody acted on go."""
    from datetime import timedelta

    from bot.council import service as council_service
    from bot.handoff.models import Case
    from bot.notify.models import Notification
    from bot.plan.models import Plan
    from bot.retention import service as retention

    council = council_service.home()
    now = service.utcnow()
    old = now - timedelta(days=council.retention_days, minutes=1)
    store = _rasa_tracker_store(database_url)
    rasa = RecordingRasa([[], []])
    with session_scope(sessions) as db_session:
        stale, _ = service.create(db_session=db_session, rasa=rasa, council_slug="demo",
                                  channel="web", greet=False)  # fmt: skip
        fresh, _ = service.create(db_session=db_session, rasa=rasa, council_slug="demo",
                                  channel="web", greet=False)  # fmt: skip
        stale.last_active_at = old
        for n, when in enumerate((old, now)):
            db_session.add(Plan(reference=f"PL-{n}", token=f"t{n}", council_slug="demo",
                             created_at=when, content={}))  # fmt: skip
        for n, (reason, contact, when) in enumerate([
            ("assessment", None, old),  # nobody acted on it: forgotten
            ("not_understood", None, now),  # not old yet
            ("crisis", None, old),  # a person is involved: kept
            ("assessment", {"how": "phone", "value": "07700900123"}, old),  # asked to be contacted
        ]):  # fmt: skip
            db_session.add(Case(reference=f"CASE-00{n}", council_slug="demo", reason=reason,
                             urgency=0, offer="skills_for_all", status="open", answers=[],
                             routing={}, summary="", transcript=[], contact=contact,
                             created_at=when, updated_at=when))  # fmt: skip
        for n, (when, status) in enumerate([(old, "sent"), (old, "queued"), (now, "held")]):
            db_session.add(Notification(council_slug="demo", medium="sms", to="07700900123",
                                        purpose="booking_confirmed", subject="s", body="b",
                                        dedupe_key=f"k{n}", status=status, attempts=0,
                                        created_at=when))  # fmt: skip
    for sender in (stale.id, fresh.id):
        events = [ActionExecuted("action_listen"), UserUttered("my postcode is LS9 8AB")]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    engine = make_engine(database_url)
    with session_scope(sessions) as db_session:
        gone = retention.purge(db_session=db_session, tracker_engine=engine, council=council)
    assert gone == {
        "conversations": 1,
        "plans": 1,
        "messages": 1,
        "cases": 1,
        "appointments": 0,
        "unanswered_questions": 0,
    }
    assert tracker.count(engine, stale.id) == 0 and tracker.count(engine, fresh.id) == 2
    with session_scope(sessions) as db_session:
        assert service.get(db_session=db_session, conversation_id=stale.id) is None
        assert service.get(db_session=db_session, conversation_id=fresh.id) is not None
        assert db_session.execute(select(func.count()).select_from(Plan)).scalar_one() == 1
        assert db_session.execute(select(func.count()).select_from(Notification)).scalar_one() == 2
        kept = db_session.execute(select(Case.reference).order_by(Case.reference)).scalars().all()
        assert kept == ["CASE-001", "CASE-002", "CASE-003"]
    engine.dispose()


def test_closed_cases_and_appointments_without_a_case_go_after_their_retention_periods(
    sessions, database_url
):
    """The privacy notice: a case a person acted on is kept while open and for
    ``case_retention_days`` after it is closed, then deleted with its notes and what was
    booked for it that is over."""
    from datetime import timedelta

    from bot.booking.models import Adviser, Booking
    from bot.council import service as council_service
    from bot.handoff.models import Case, CaseNote
    from bot.retention import service as retention

    council = council_service.home()
    now = service.utcnow()
    long_ago = now - timedelta(days=council.case_retention_days, minutes=1)
    recently = now - timedelta(days=30)
    with session_scope(sessions) as db_session:
        adviser = Adviser(
            council_slug="demo",
            key="kim",
            first_name="Kim",
            team="skills_for_all",
            offers=["skills_for_all"],
            sessions=[],
            time_off=[],
            active=True,
        )
        db_session.add(adviser)
        db_session.flush()
        for n, (status, closed) in enumerate([("closed", long_ago), ("closed", recently),
                                              ("open", None)]):  # fmt: skip
            case = Case(reference=f"OLD-00{n}", council_slug="demo", reason="asked", urgency=1,
                        offer="skills_for_all", status=status, answers=[], routing={},
                        summary="", transcript=[], contact={"how": "phone", "value": "0770"},
                        created_at=long_ago, updated_at=long_ago, closed_at=closed)  # fmt: skip
            db_session.add(case)
            db_session.flush()
            db_session.add(CaseNote(case_id=case.id, text="Started a course", staff_id=None))
            db_session.add(Booking(council_slug="demo",
                                   reference=f"BK{n}-AAA", adviser_id=adviser.id, case_id=case.id,
                                   starts_at=long_ago - timedelta(hours=n + 1),
                                   ends_at=long_ago - timedelta(hours=n),
                                   channel="phone", offer="skills_for_all", status="confirmed",
                                   sequence=0, consent=True))  # fmt: skip
        # Booked with no case (through the API): kept for the retention period after it.
        db_session.add(Booking(council_slug="demo",
                               reference="NOC-AAA", adviser_id=adviser.id, case_id=None,
                               starts_at=long_ago - timedelta(hours=9),
                               ends_at=long_ago - timedelta(hours=8), channel="phone",
                               offer="skills_for_all", status="confirmed", sequence=0,
                               consent=True, contact="07700900999"))  # fmt: skip
    engine = make_engine(database_url)
    with session_scope(sessions) as db_session:
        gone = retention.purge(db_session=db_session, tracker_engine=engine, council=council)
    engine.dispose()
    assert gone["cases"] == 1 and gone["appointments"] == 1
    with session_scope(sessions) as db_session:
        kept = db_session.execute(select(Case.reference).order_by(Case.reference)).scalars().all()
        assert kept == ["OLD-001", "OLD-002"]  # closed recently, and still open
        assert db_session.execute(select(func.count()).select_from(CaseNote)).scalar_one() == 2
        bookings = db_session.execute(select(Booking.reference).order_by(Booking.reference))
        assert bookings.scalars().all() == ["BK1-AAA", "BK2-AAA"]


def test_a_worrying_message_the_rules_miss_opens_with_a_check_in_once(sessions):
    """The concern classifier reads what the rules have not met: the answer stays, the resident
    is asked once, gently, with the numbers, before it, and "I need help now" gives the crisis
    answer."""
    jobs = [BotMessage(text="Here are 3 warehouse jobs.")]
    rasa = RecordingRasa([GREETING, jobs, [BotMessage(text="Call 999.")], jobs])
    conversation = _greeted(sessions, rasa)
    worrying = "i am so tired of being here, tonight i will take everything in the cupboard"
    answer = _say(sessions, rasa, conversation.id, worrying)
    assert answer[1:] == jobs  # the resident's question is still answered, after the check-in
    asked = answer[0]
    assert "116 123" in asked.text and "I may have got this wrong" in asked.text
    assert [b.payload for b in asked.buttons] == ["/crisis"]
    assert rasa.sent[1][1] == worrying  # not turned into a crisis: the model saw their words
    assert press(sessions, rasa, conversation.id, "/crisis")[0].text == "Call 999."
    # Asked once: the next worrying message gets its answer alone.
    assert _say(sessions, rasa, conversation.id, worrying) == jobs
    with session_scope(sessions) as db_session:
        held = service.get(db_session=db_session, conversation_id=conversation.id)
        assert held.checked_in_at is not None


def test_an_ordinary_message_gets_no_check_in(sessions):
    rasa = RecordingRasa([GREETING, [BotMessage(text="Here are 3 courses.")]])
    conversation = _greeted(sessions, rasa)
    answer = _say(sessions, rasa, conversation.id, "any forklift courses near DB1 this month")
    assert [m.text for m in answer] == ["Here are 3 courses."]
