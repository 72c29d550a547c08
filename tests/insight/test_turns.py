"""The gateway counts a conversation's events as its turns are saved: an assessment looked at
twice is one, searches count each time, the actions' private payload never reaches the
widget, and nothing a resident typed is kept in an event (it is scrubbed into the unanswered
questions, and only there)."""

from __future__ import annotations

from sqlalchemy import select

from bot.conversation import service
from bot.conversation.models import BotMessage
from bot.database.core import session_scope
from bot.insight.models import InsightEvent, UnansweredQuestion
from tests.db.test_conversation_service import GREETING, RecordingRasa, sessions  # noqa: F401

PATHWAYS = {
    "type": "pathways",
    "case": "ABC123",
    "offers": [{"key": "youth_pathways", "reason_keys": ["not_in_work_or_learning"]},
               {"key": "skills_for_all", "reason_keys": ["everyone"]}],
    "insight": {"age_band": "18-24", "district": "DB1"},
}  # fmt: skip
MARKERS = ("Agnieszka", "07700 900123", "agnieszka@example.com", "DB1 1AA")


def _say(sessions, rasa, conversation_id, text):  # noqa: F811
    with session_scope(sessions) as db:
        return service.send(db_session=db, rasa=rasa, conversation_id=conversation_id, text=text,
                            payload=None, max_chars=2000)  # fmt: skip


def test_a_conversations_events_are_counted_once_and_the_private_payload_is_removed(sessions):  # noqa: F811
    replies = [
        GREETING,
        [BotMessage(text="Here is what can help you", custom=dict(PATHWAYS))],
        [BotMessage(text="Your pathways again", custom=dict(PATHWAYS))],
        [BotMessage(text="Nothing found", custom={"type": "course_results", "total": 0,
                                                  "results": [], "insight": {"search": "course"}})],
        [BotMessage(text="Did you mean one of these?", custom={"type": "did_you_mean"})],
        [BotMessage(text="Sorry, I didn't get that", custom={"type": "not_understood"})],
        [BotMessage(text="Call 999", custom={"type": "crisis", "kind": "abuse"})],
    ]  # fmt: skip
    rasa = RecordingRasa(replies)
    with session_scope(sessions) as db:
        chat, _ = service.create(db_session=db, rasa=rasa, council_slug="demo", channel="kiosk",
                                 greet=True)  # fmt: skip
    seen = _say(sessions, rasa, chat.id, "im Agnieszka, 19, DB1 1AA, not working")
    assert "insight" not in seen[0].custom and seen[0].custom["type"] == "pathways"
    _say(sessions, rasa, chat.id, "show my pathways again")
    searched = _say(sessions, rasa, chat.id, "forklift course near DB1 1AA call 07700 900123")
    assert "insight" not in searched[0].custom
    _say(sessions, rasa, chat.id, "bus pass renewal Agnieszka Nowak")
    _say(sessions, rasa, chat.id, "wot abt agnieszka@example.com dog grooming")
    _say(sessions, rasa, chat.id, "he hits me")
    with session_scope(sessions) as db:
        found = db.execute(select(InsightEvent)).scalars().all()
        kinds = sorted(e.kind for e in found)
        questions = db.execute(select(UnansweredQuestion)).scalars().all()
        stored = [str(getattr(e, c.name)) for e in found for c in InsightEvent.__table__.columns]
        kept = [q.text for q in questions]
    assert kinds == sorted(["conversation_started", "assessment_completed", "pathway_offered",
                            "pathway_offered", "search_made", "not_understood",
                            "crisis_answered"])  # fmt: skip
    started = next(e for e in found if e.kind == "conversation_started")
    assessed = next(e for e in found if e.kind == "assessment_completed")
    assert started.channel == "kiosk"
    assert (assessed.age_band, assessed.district, assessed.offer) == ("18-24", "DB1",
                                                                      "youth_pathways")  # fmt: skip
    assert {e.detail for e in found if e.kind == "pathway_offered"} == {
        "not_in_work_or_learning", "everyone"}  # fmt: skip
    search = next(e for e in found if e.kind == "search_made")
    assert (search.detail, search.result) == ("course", "none")
    for marker in (*MARKERS, chat.id, "ABC123"):
        assert not any(marker in value for value in stored), marker
        assert not any(marker in text for text in kept), marker
    assert len(kept) == 3 and any("forklift" in text for text in kept)
    assert any("bus pass" in text for text in kept)  # "did you mean": not understood either
    assert any("dog grooming" in text for text in kept)


def test_a_question_with_broken_unicode_is_stored_repaired(sessions):  # noqa: F811
    """The gateway repairs a lone surrogate for Rasa; the question kept for officers is
    repaired too (a database refuses to store one)."""
    rasa = RecordingRasa([GREETING, [BotMessage(text="Sorry", custom={"type": "not_understood"})]])
    with session_scope(sessions) as db:
        chat, _ = service.create(db_session=db, rasa=rasa, council_slug="demo", channel="web",
                                 greet=True)  # fmt: skip
    _say(sessions, rasa, chat.id, "where can i learn pottery \ud800 near me")
    with session_scope(sessions) as db:
        kept = db.execute(select(UnansweredQuestion.text)).scalars().all()
    assert kept == ["where can i learn pottery \ufffd near me"]
