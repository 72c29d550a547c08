"""The chat gateway: HTTP and WebSocket routes over the conversation service."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from fastapi import (
    APIRouter,
    Body,
    Depends,
    Query,
    Request,
    Response,
    WebSocket,
    WebSocketDisconnect,
)
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from starlette.concurrency import run_in_threadpool

from bot.config import get_settings
from bot.conversation import aftercare, live_chat, service
from bot.conversation.guard import InvalidMessage
from bot.conversation.models import (
    BotMessage,
    ConversationCreate,
    ConversationCreated,
    ErrorOut,
    MessagesOut,
    UserMessageIn,
)
from bot.conversation.rasa_client import AssistantUnavailable, RasaClient
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.request import RequestCouncil
from bot.database.core import checkpoint, session_scope
from bot.deps import (
    client_address,
    client_pseudonym,
    limiter,
    rasa_client,
    sessions,
    tracker_engine,
)
from bot.errors import (
    DATABASE_ERRORS,
    council_for,
    error_body,
    not_found_message,
    rate_limited_body,
    unavailable_message,
)
from bot.live.hub import RESYNC, conversation_channel, get_hub
from bot.observability import metrics
from bot.ratelimit.service import Limiter, RateLimited, in_council, pseudonym
from bot.widget import service as widget

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])
# A socket frame bigger than this is no message of a resident's (MAX_MESSAGE_CHARS is 2,000).
MAX_FRAME_CHARS = 64 * 1024

ERRORS = {
    404: {"model": ErrorOut, "description": "No conversation with that id"},
    422: {"model": ErrorOut, "description": "The message cannot be used"},
    429: {"model": ErrorOut, "description": "Too many requests; wait ``Retry-After`` seconds"},
    503: {"model": ErrorOut, "description": "The assistant is unavailable; a phone number given"},
}


@router.post(
    "",
    response_model=ConversationCreated,
    status_code=201,
    responses=ERRORS,
    response_model_exclude_none=True,
)
def create_conversation(
    request: Request,
    council: RequestCouncil,
    body: ConversationCreate = Body(default_factory=ConversationCreate),
    factory: sessionmaker = Depends(sessions),
    rasa: RasaClient = Depends(rasa_client),
    limits: Limiter = Depends(limiter),
) -> ConversationCreated:
    """Start a conversation. The id returned is the only key to it: keep it private. It
    belongs to the council the request is for (``?council=SLUG``, the council's own domain or
    path prefix), whose numbers and rules answer every turn after."""
    limits.check("conversation", in_council(council.slug, client_address(request)))
    with session_scope(factory) as db_session:
        conversation, messages = service.create(
            db_session=db_session,
            rasa=rasa,
            council_slug=council.slug,
            channel=body.channel,
            greet=body.greet,
        )
    return ConversationCreated(id=conversation.id, messages=messages)


@router.post(
    "/{conversation_id}/messages",
    response_model=MessagesOut,
    responses=ERRORS,
    response_model_exclude_none=True,
)
def post_message(
    conversation_id: str,
    body: UserMessageIn,
    factory: sessionmaker = Depends(sessions),
    rasa: RasaClient = Depends(rasa_client),
    limits: Limiter = Depends(limiter),
    tracker: Engine = Depends(tracker_engine),
    client: str = Depends(client_pseudonym),
) -> JSONResponse:
    """Send the resident's typed ``text`` or a button's ``payload``; returns the replies.

    With an ``id``, sending the same message again returns the same replies (safe to retry)."""
    messages = take_turn(factory, rasa, limits, conversation_id, body, tracker, client)
    # Encoded here, as FastAPI would encode it with ``response_model_exclude_none``: left to
    # FastAPI, the replies were written to dicts twice and checked against the model they were
    # built from, 7 % of the gateway's time on every turn. The model still documents the route.
    out = MessagesOut(messages=messages, reply_to=body.id)
    return JSONResponse(jsonable_encoder(out, exclude_none=True))


@router.delete("/{conversation_id}", status_code=204, responses={404: ERRORS[404]})
def delete_conversation(
    conversation_id: str,
    factory: sessionmaker = Depends(sessions),
    tracker: Engine = Depends(tracker_engine),
    rasa: RasaClient = Depends(rasa_client),
) -> Response:
    """End the conversation and forget everything held about it (Rasa's NLU cache too)."""
    forget(factory, tracker, rasa, conversation_id)
    return Response(status_code=204)


def forget(factory: sessionmaker, tracker: Engine, rasa: RasaClient, conversation_id: str) -> None:
    """Everything the privacy notice says goes when a conversation ends: the rows, Rasa's
    events, the NLU cache's copies of its messages, and the SQLite logs' copies of them."""
    with session_scope(factory) as db_session:
        service.end(db_session=db_session, tracker_engine=tracker, conversation_id=conversation_id)
    rasa.forget(conversation_id)
    checkpoint(factory.kw["bind"])
    checkpoint(tracker)


@router.get(
    "/{conversation_id}/live",
    response_model=MessagesOut,
    responses={404: ERRORS[404]},
    response_model_exclude_none=True,
)
def live_messages(
    conversation_id: str,
    after: int = Query(0, ge=0, description="the last ``custom.seq`` the client has shown"),
    factory: sessionmaker = Depends(sessions),
) -> MessagesOut:
    """What an adviser said in a live chat after ``after``: for clients without the socket,
    and for catching up after a dropped connection."""
    with session_scope(factory) as db_session:
        if service.get(db_session=db_session, conversation_id=conversation_id) is None:
            raise service.ConversationNotFound(conversation_id)
        return MessagesOut(messages=_said_live(db_session, conversation_id, after))


def _said_live(db_session, conversation_id: str, after: int) -> list[BotMessage]:
    return live_chat.current().said_to_resident(
        db_session=db_session, conversation_id=conversation_id, after=after
    )


@router.websocket("/{conversation_id}/ws")
async def conversation_socket(websocket: WebSocket, conversation_id: str, after: int = 0) -> None:
    """The same turns as ``POST .../messages`` over one socket: send a JSON object with
    ``text`` or ``payload`` (and an optional ``id``); receive ``{"messages": [...]}`` or
    ``{"error": {...}}``, each with ``reply_to`` set to the id sent.

    An adviser's messages in a live chat arrive unasked, as ``{"messages": [...]}`` without
    ``reply_to``; each has ``custom.seq``, and ``?after=<seq>`` replays those missed."""
    origin, host = websocket.headers.get("origin"), websocket.headers.get("host")
    if not widget.allowed_origin(origin, host, council_service.widget_origins()):
        await websocket.close(code=4403)  # a page on a site that doesn't embed the widget
        return
    await websocket.accept()
    client = pseudonym(websocket.client.host if websocket.client else "unknown")
    sessions = websocket.app.state.sessions
    rasa: RasaClient = websocket.app.state.rasa
    limits: Limiter = websocket.app.state.limiter
    tracker: Engine = websocket.app.state.tracker_engine
    council = council_for(websocket)  # its number goes in an error's answer
    exists = await run_in_threadpool(_exists, sessions, conversation_id)
    if not exists:
        await websocket.send_json(error_body("conversation_not_found", not_found_message()))
        await websocket.close(code=4404)
        return
    async with get_hub().listen([conversation_channel(conversation_id)]) as live:
        pushing = asyncio.create_task(_push(websocket, live, sessions, conversation_id, after))
        try:
            while True:
                frame = await websocket.receive()
                if frame["type"] == "websocket.disconnect":
                    return
                raw = frame.get("text")
                if raw is None or len(raw) > MAX_FRAME_CHARS:
                    # Binary, or far beyond any message: no client of ours sends it.
                    await websocket.close(code=1003 if raw is None else 1009)
                    return
                reply = await run_in_threadpool(
                    _turn, sessions, rasa, limits, conversation_id, raw, tracker, client, council
                )
                await websocket.send_json(reply)
        except WebSocketDisconnect:
            return
        finally:
            pushing.cancel()


async def _push(websocket: WebSocket, live, sessions, conversation_id: str, after: int) -> None:
    """Forward what advisers say to this resident's socket as it happens: first what was
    missed before the socket opened, and again from the database whenever live updates were
    interrupted (``RESYNC``), so a message is late at worst, never lost."""
    seen = max(after, 0)
    message: dict | None = RESYNC
    while True:
        if (message or {}).get("type") == RESYNC["type"]:
            message = await run_in_threadpool(_catch_up, sessions, conversation_id, seen)
        message = _unseen(message, seen)
        if message is not None:
            seen = max([seen, *(_seq(m) or 0 for m in message.get("messages", []))])
            await websocket.send_json(message)
        message = await live.get(timeout=30)


def _unseen(message: dict | None, seen: int) -> dict | None:
    """``message`` without what this socket has already sent: a message committed while the
    socket caught up from the database also arrives by pub/sub a moment later."""
    if message is None or "messages" not in message:
        return message  # nothing, or news without messages (an adviser typing)
    fresh = [m for m in message["messages"] if (_seq(m) or seen + 1) > seen]
    return {**message, "messages": fresh} if fresh else None


def _seq(message: dict) -> int | None:
    seq = (message.get("custom") or {}).get("seq")
    return seq if isinstance(seq, int) else None


def _catch_up(sessions, conversation_id: str, after: int) -> dict | None:
    with session_scope(sessions) as db_session:
        said = _said_live(db_session, conversation_id, after)
    return {"messages": [m.dict(exclude_none=True) for m in said]} if said else None


def _exists(sessions, conversation_id: str) -> bool:
    with session_scope(sessions) as db_session:
        return service.get(db_session=db_session, conversation_id=conversation_id) is not None


def _turn(
    sessions,
    rasa: RasaClient,
    limits: Limiter,
    conversation_id: str,
    raw: str,
    tracker: Engine,
    client: str,
    council: Council | None,
) -> dict:
    """One socket turn, in its own unit of work, always answering with a JSON object."""
    try:
        body = UserMessageIn.parse_obj(json.loads(raw))
    except (ValueError, ValidationError, RecursionError):  # RecursionError: nested too deep
        return error_body("invalid_request", 'Send a JSON object such as {"text": "hello"}.')
    answered = {"reply_to": body.id} if body.id else {}
    try:
        messages = take_turn(sessions, rasa, limits, conversation_id, body, tracker, client)
    except RateLimited as exc:
        return {**rate_limited_body(exc, council), **answered}
    except InvalidMessage as exc:
        return {**error_body(exc.code, exc.message), **answered}
    except service.ConversationNotFound:
        return {**error_body("conversation_not_found", not_found_message()), **answered}
    except AssistantUnavailable:
        return {**error_body("assistant_unavailable", unavailable_message(council)), **answered}
    except DATABASE_ERRORS:
        return {**error_body("service_unavailable", unavailable_message(council)), **answered}
    return MessagesOut(messages=messages, reply_to=body.id).dict(exclude_none=True)


def take_turn(
    factory: sessionmaker,
    rasa: RasaClient,
    limits: Limiter,
    conversation_id: str,
    body: UserMessageIn,
    tracker: Engine,
    client: str = "",
):
    """One turn in its own unit of work, committed before the reply goes out; timed, and
    counted when it fails. Over the conversation's rate limit, nothing is said or stored.
    When the resident confirmed starting again, the conversation is deleted once the turn
    is committed, as truly as by ``DELETE``: the reply says so."""
    limits.check("message", conversation_id)
    try:
        with metrics.timed("gateway"):
            messages = _locked_turn(factory, rasa, conversation_id, body, client)
        if any((m.custom or {}).get("type") == aftercare.START_AGAIN_TYPE for m in messages):
            with contextlib.suppress(service.ConversationNotFound):  # deleted meanwhile
                forget(factory, tracker, rasa, conversation_id)
        return messages
    except AssistantUnavailable:
        metrics.ERRORS.labels("assistant_unavailable").inc()
        raise
    except InvalidMessage:
        metrics.ERRORS.labels("invalid_message").inc()
        raise
    except DATABASE_ERRORS:
        metrics.ERRORS.labels("database_unavailable").inc()
        log.warning("a turn failed: the database is unavailable", exc_info=True)
        raise


def _locked_turn(
    factory: sessionmaker, rasa: RasaClient, conversation_id: str, body, client: str = ""
):
    with service.turn_lock(conversation_id), session_scope(factory) as db_session:
        return service.send(
            db_session=db_session,
            rasa=rasa,
            conversation_id=conversation_id,
            text=body.text,
            payload=body.payload,
            max_chars=get_settings().max_message_chars,
            message_id=body.id,
            client=client,
        )
