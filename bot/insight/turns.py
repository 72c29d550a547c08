"""Count what happened in a resident's turn, from the assistant's answer, as it is saved.

Every answer passes through the gateway, and the actions mark theirs with a ``custom`` payload
(pathways, search results, a plan, a crisis answer, "not understood"), so the gateway is the
one place that sees them all. Counting here puts each event in the same unit of work as the
turn that caused it. What is counted once per conversation (an assessment looked at twice is
one assessment) is remembered on the conversation, which is forgotten with it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.conversation.models import BotMessage, Conversation
from bot.council.models import Council
from bot.insight import events, unanswered
from bot.insight import service as insight

# The payload the actions add for the insight alone; the widget never sees it.
PRIVATE_KEY = "insight"
SEARCH_TYPES = ("course_results", "job_results", "service_results")


def first_time(conversation: Conversation, what: str) -> bool:
    """Whether ``what`` is counted for this conversation for the first time (and note it)."""
    seen = list(conversation.counted or [])
    if what in seen:
        return False
    conversation.counted = [*seen, what]
    return True


def count(
    *,
    db_session: Session,
    council: Council,
    conversation: Conversation,
    messages: list[BotMessage],
    resident_text: str | None,
) -> None:
    """Record the turn's events, and take the insight's own payload out of the messages."""
    channel = conversation.channel if conversation.channel in events.CHANNELS else None
    for message in messages:
        custom = message.custom or {}
        private = custom.pop(PRIVATE_KEY, None) or {}
        kind = custom.get("type")
        if kind == "pathways":
            _pathways(db_session, council, conversation, channel, custom, private)
        elif kind in SEARCH_TYPES and private.get("search") in events.SEARCH_KINDS:
            found = bool(custom.get("total"))
            insight.record(
                db_session=db_session,
                council=council,
                kind="search_made",
                channel=channel,
                detail=private["search"],
                result="found" if found else "none",
            )
            if not found and resident_text:
                unanswered.remember(db_session=db_session, council=council, kind="no_results",
                                    text=resident_text)  # fmt: skip
        elif kind == "plan" and first_time(conversation, "plan"):
            insight.record(
                db_session=db_session, council=council, kind="plan_made", channel=channel
            )
        elif kind == "crisis" and first_time(conversation, f"crisis:{custom.get('kind')}"):
            danger = custom.get("kind") if custom.get("kind") in events.CRISIS_KINDS else "crisis"
            insight.record(db_session=db_session, council=council, kind="crisis_answered",
                           channel=channel, detail=danger)  # fmt: skip
        elif kind == "not_understood":
            insight.record(db_session=db_session, council=council, kind="not_understood",
                           channel=channel)  # fmt: skip
            if resident_text:
                unanswered.remember(db_session=db_session, council=council, kind="not_understood",
                                    text=resident_text)  # fmt: skip
        elif kind == "did_you_mean" and resident_text:  # not sure: the resident may rephrase
            unanswered.remember(db_session=db_session, council=council, kind="not_understood",
                                text=resident_text)  # fmt: skip
        elif kind == "out_of_scope" and resident_text:
            unanswered.remember(db_session=db_session, council=council, kind="out_of_scope",
                                text=resident_text)  # fmt: skip


def _pathways(
    db_session: Session,
    council: Council,
    conversation: Conversation,
    channel: str | None,
    custom: dict,
    private: dict,
) -> None:
    offers = [offer for offer in custom.get("offers") or [] if isinstance(offer, dict)]
    if first_time(conversation, "assessment"):
        insight.record(
            db_session=db_session, council=council, kind="assessment_completed", channel=channel,
            age_band=private.get("age_band") if private.get("age_band") in events.AGE_BANDS
            else None,
            district=events.district(private.get("district")),
            offer=offers[0].get("key") if offers else None,
        )  # fmt: skip
    for offer in offers:
        if first_time(conversation, f"offer:{offer.get('key')}"):
            reason = (offer.get("reason_keys") or [None])[0]  # the first reason that held
            insight.record(db_session=db_session, council=council, kind="pathway_offered",
                           offer=offer.get("key"), detail=reason)  # fmt: skip
