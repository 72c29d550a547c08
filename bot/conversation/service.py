"""Create, continue and end conversations: the one path every client's messages take."""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from zlib import crc32

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.booking import service as bookings
from bot.clock import utcnow
from bot.conversation import aftercare, guard, live_chat, tracker
from bot.conversation.aftercare import CRISIS_TYPE
from bot.conversation.models import BotMessage, Button, Conversation
from bot.conversation.rasa_client import RasaClient
from bot.council import service as council_service
from bot.council.models import Council
from bot.insight import service as insight
from bot.insight import turns
from bot.insight.events import CHANNELS
from bot.live.hub import Hub, get_hub, publish_after_commit, queue_channel
from bot.observability import metrics
from bot.observability.logs import REQUEST_ID
from bot.plan import service as plans
from bot.safety.detect import is_crisis
from bot.safety.discouraged import discouraged

GREETING_PAYLOAD = "/greet"
CRISIS_PAYLOAD = "/crisis"
DISCOURAGED_PAYLOAD = "/discouraged"
HANDOFF_TYPE = "handoff"  # the assistant asks the gateway to find the resident a person
COUNCIL_TYPE = "council"  # a combined authority's resident belongs to this member council
log = logging.getLogger(__name__)


# One conversation's turns run one at a time in this process, so a message sent twice at once
# (a widget retrying over a new connection while the first send is still running) is answered
# from the first. Across processes the row lock in ``send`` does the same on PostgreSQL.
_TURN_LOCKS = [threading.Lock() for _ in range(1024)]


@contextmanager
def turn_lock(conversation_id: str) -> Iterator[None]:
    """Hold around the whole unit of work of a turn, commit included."""
    with _TURN_LOCKS[crc32(conversation_id.encode()) % len(_TURN_LOCKS)]:
        yield


class ConversationNotFound(LookupError):
    """No live conversation has that id (never existed, ended, or expired)."""


def new_id() -> str:
    """192 random bits, URL-safe: the id is the resident's only credential."""
    return secrets.token_urlsafe(24)


def get(
    *, db_session: Session, conversation_id: str, for_update: bool = False
) -> Conversation | None:
    """``for_update`` locks the row (PostgreSQL) so one conversation's turns run one at a time."""
    if not conversation_id or len(conversation_id) > 64:
        return None
    return db_session.get(Conversation, conversation_id, with_for_update=for_update or None)


def council_of(conversation: Conversation) -> Council:
    """The council the conversation was started with: its numbers, hours and rules answer
    every later turn, whichever address the turn comes through."""
    try:
        return council_service.get(conversation.council_slug)
    except council_service.UnknownCouncil:
        log.warning("conversation of a council no longer served: %s", conversation.council_slug)
        return council_service.home()


def create(
    *, db_session: Session, rasa: RasaClient, council_slug: str, channel: str, greet: bool
) -> tuple[Conversation, list[BotMessage]]:
    """Start a conversation; with ``greet`` the assistant speaks first.

    The row is flushed but committed by the caller's unit of work, so if Rasa is down the
    conversation is not left half-made.
    """
    conversation = Conversation(
        id=new_id(), council_slug=council_slug, channel=channel, offered_buttons=[], turns=0
    )
    db_session.add(conversation)
    messages: list[BotMessage] = []
    if greet:
        messages = rasa.send(conversation.id, GREETING_PAYLOAD, _metadata(conversation))
        _remember_offers(conversation, messages)
    insight.record(db_session=db_session, council=council_of(conversation),
                   kind="conversation_started",
                   channel=channel if channel in CHANNELS else None)  # fmt: skip
    db_session.flush()
    return conversation, messages


def send(
    *,
    db_session: Session,
    rasa: RasaClient,
    conversation_id: str,
    text: str | None,
    payload: str | None,
    max_chars: int,
    message_id: str | None = None,
    hub: Hub | None = None,
    client: str = "",
) -> list[BotMessage]:
    """One resident turn: check the input, pass it to Rasa (or, in a live chat, to the
    adviser), remember which buttons came back. ``client`` is the pseudonym of the resident's
    network address, for the actions' per-address limits (``bot.ratelimit.service.pseudonym``).

    A ``message_id`` seen last time is a client retrying after losing the answer: it gets the
    stored answer and Rasa does not see the message twice.
    """
    conversation = get(db_session=db_session, conversation_id=conversation_id, for_update=True)
    if conversation is None:
        raise ConversationNotFound(conversation_id)
    if message_id is not None and message_id == conversation.last_message_id:
        return [BotMessage(**message) for message in conversation.last_replies or []]
    hub = hub or get_hub()
    metrics.MESSAGES.labels("resident").inc()
    live = live_chat.current().live_case(db_session=db_session, conversation_id=conversation.id)
    if live is not None:
        messages = _live_turn(db_session, rasa, hub, conversation, live, text, payload, max_chars)
    else:
        messages, answered, encouraged = _turn(rasa, conversation, text, payload, max_chars, client)
        if answered:  # the assistant answered (not the input guard, which explains itself)
            messages = _after_turn(db_session, rasa, hub, conversation, messages)
            council = council_of(conversation)
            typed = guard.normalise(text) if text else None
            turns.count(db_session=db_session, council=council, conversation=conversation,
                        messages=messages, resident_text=typed)  # fmt: skip
            messages = aftercare.keep_numbers(conversation, messages, council)
            messages = aftercare.other_language(conversation, messages, council, typed)
            messages = aftercare.check_in(
                conversation, messages, council, typed, encouraged=encouraged
            )
            messages = aftercare.no_third_time(conversation, messages, council)
            _remember_offers(conversation, messages)
    if message_id is not None:
        conversation.last_message_id = message_id
        conversation.last_replies = [m.dict(exclude_none=True) for m in messages]
    return messages


def _turn(
    rasa: RasaClient,
    conversation: Conversation,
    text: str | None,
    payload: str | None,
    max_chars: int,
    client: str = "",
) -> tuple[list[BotMessage], bool, bool]:
    """The assistant's answer, whether it came from the assistant (not the input guard), and
    whether the message went to it as losing heart (its answer is then the encouragement)."""
    offered = [Button(**button) for button in conversation.offered_buttons or []]
    accepted = guard.accept(
        text=text,
        payload=payload,
        offered=[button.payload for button in offered],
        max_chars=max_chars,
    )
    if accepted.rasa_text is None:
        # Re-offer the buttons still open so the resident is never left at a dead end.
        return [BotMessage(text=accepted.local_reply, buttons=offered or None)], False, False
    rasa_text, metadata = accepted.rasa_text, _metadata(conversation, client)
    encouraged = False
    if text is not None and is_crisis(rasa_text):
        # The safety net: whatever the dialogue is doing and however sure its model is, a
        # resident in danger gets the emergency answer. Their own words stay in the metadata.
        mark_urgent(conversation)
        rasa_text, metadata = CRISIS_PAYLOAD, {**metadata, "resident_text": accepted.rasa_text}
    elif text is not None and not conversation.crisis_open and discouraged(rasa_text):
        # "whats the point, ive been rejected 40 times": heard, never searched for its words.
        # After a crisis the dialogue's follow-up stays with the resident instead.
        rasa_text, metadata = DISCOURAGED_PAYLOAD, {**metadata, "resident_text": rasa_text}
        encouraged = True
    messages = rasa.send(conversation.id, rasa_text, metadata) or [
        _nothing_back(council_of(conversation))
    ]
    if any((message.custom or {}).get("type") == CRISIS_TYPE for message in messages):
        mark_urgent(conversation)  # the model recognised a crisis the safety net's rules missed
    _remember_offers(conversation, messages)
    conversation.turns = (conversation.turns or 0) + 1
    conversation.last_active_at = utcnow()
    return messages, True, encouraged


def _after_turn(
    db_session: Session,
    rasa: RasaClient,
    hub: Hub,
    conversation: Conversation,
    messages: list[BotMessage],
) -> list[BotMessage]:
    """The assistant's answer may open or change a case: the adviser queue hears of it, and a
    request for a person is routed here, where advisers' presence is known."""
    kinds = [(m.custom or {}).get("type") for m in messages]
    for chosen in (m.custom for m in messages if (m.custom or {}).get("type") == COUNCIL_TYPE):
        _move(conversation, str(chosen.get("council") or ""))
    if any((m.custom or {}).get("case") for m in messages):
        publish_after_commit(
            db_session, hub, queue_channel(conversation.council_slug), {"type": "queue"}
        )
    if HANDOFF_TYPE not in kinds:
        return messages
    kept = [m for m in messages if (m.custom or {}).get("type") != HANDOFF_TYPE]
    routed = live_chat.current().route(
        db_session=db_session,
        conversation=conversation,
        council=council_of(conversation),
        rasa=rasa,
        hub=hub,
    )
    if routed is None:  # the action could not save the case: still never a dead end
        return kept or [_nothing_back(council_of(conversation))]
    _remember_offers(conversation, [*kept, *routed])
    return [*kept, *routed]


def _live_turn(
    db_session: Session,
    rasa: RasaClient,
    hub: Hub,
    conversation: Conversation,
    case: object,
    text: str | None,
    payload: str | None,
    max_chars: int,
) -> list[BotMessage]:
    """While a person has the conversation, the resident's words go to them, not to Rasa."""
    offered = [button["payload"] for button in conversation.offered_buttons or []]
    guard.accept(text=text, payload=payload, offered=offered, max_chars=max_chars)
    conversation.turns = (conversation.turns or 0) + 1
    conversation.last_active_at = utcnow()
    chat = live_chat.current()
    if payload is not None:
        if payload == chat.LEAVE_QUEUE:
            messages = chat.leave(
                db_session=db_session, case=case, conversation=conversation, rasa=rasa, hub=hub
            )
            _remember_offers(conversation, messages)
            return messages
        text = next(b["title"] for b in conversation.offered_buttons if b["payload"] == payload)
    words = guard.normalise(text or "")
    crisis = is_crisis(words)
    if crisis:
        mark_urgent(conversation)
    return chat.from_resident(db_session=db_session, case=case, text=words, crisis=crisis, hub=hub)


def end(
    *, db_session: Session, tracker_engine: Engine, conversation_id: str, hub: Hub | None = None
) -> None:
    """End a conversation and forget it: the gateway's row, everything Rasa stored and the plan
    made in it. A case a person is to act on stays for the advisers, unlinked (the privacy
    notice says so); one nobody acted on goes."""
    conversation = get(db_session=db_session, conversation_id=conversation_id)
    if conversation is None:
        raise ConversationNotFound(conversation_id)
    # Rasa's events first: with SQLite, the tracker store may share this database file, and the
    # session below must not hold its write lock while another connection deletes.
    tracker.forget(tracker_engine, conversation.id)
    live_chat.current().resident_left(
        db_session=db_session, conversation_id=conversation.id, hub=hub or get_hub()
    )
    plans.forget_conversation(conversation.id, db_session=db_session)
    bookings.unlink_conversation(conversation.id, db_session=db_session)
    db_session.delete(conversation)


def _move(conversation: Conversation, slug: str) -> None:
    """A combined authority's resident gave a postcode in a member council: the conversation
    is that council's from now on, and another member's if they correct it. Only to a member
    of the authority it began in: never to another council."""
    try:
        authority = council_service.get(conversation.authority_slug or conversation.council_slug)
    except council_service.UnknownCouncil:  # no longer served: nowhere to move to
        return
    if slug in authority.members:
        conversation.authority_slug = authority.slug
        conversation.council_slug = slug


def _nothing_back(council: Council) -> BotMessage:
    """The assistant said nothing: a custom action failed or its server is down (Rasa answers
    at once with nothing). Say so honestly, give the council's number, and keep the
    conversation going: the next message is tried again."""
    hours = council_service.opening_hours_text(council)
    return BotMessage(
        text="Sorry, I can't search or answer that right now: part of our service isn't "
        f"working. Please try again in a minute, or call {council.name} on {council.phone} "
        f"({hours}).",
        buttons=[
            Button(title="Talk to a person", payload="/request_adviser"),
            Button(title="What can you do?", payload="/help"),
        ],
    )


def mark_urgent(conversation: Conversation) -> None:
    if conversation.urgent_at is None:
        conversation.urgent_at = utcnow()


def _metadata(conversation: Conversation, client: str = "") -> dict[str, str]:
    """What Rasa and the actions learn besides the words; the request id ties their logs to
    the gateway's, and ``client`` (a pseudonym, never the address) lets the actions limit what
    one network address may do."""
    request_id = REQUEST_ID.get()
    return {
        "council": conversation.council_slug,
        **({"authority": conversation.authority_slug} if conversation.authority_slug else {}),
        "channel": conversation.channel,
        **({"request_id": request_id} if request_id else {}),
        **({"client": client} if client else {}),
    }


def _remember_offers(conversation: Conversation, messages: list[BotMessage]) -> None:
    conversation.offered_buttons = [
        button.dict() for message in messages for button in message.buttons or []
    ]
