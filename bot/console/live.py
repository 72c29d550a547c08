"""The console's WebSocket: queue changes and a case's live chat as they happen, and the
adviser's presence (online for live chats while their console is open and they are available).
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from bot.console import auth
from bot.database.core import session_scope
from bot.handoff import service as cases
from bot.handoff.models import Case
from bot.live.hub import case_channel, conversation_channel, get_hub, queue_channel, teams
from bot.staff import service as staff_service

router = APIRouter(prefix="/console", include_in_schema=False)
HEARTBEAT = 20  # seconds; presence lasts PRESENCE_SECONDS (60) without one


@dataclass
class Watcher:
    staff_id: int
    teams: list[str]  # their offers in their council (bot.live.hub.teams)
    available: bool
    case_id: int | None
    council_slug: str


def _watcher(sessions, token: str | None, reference: str | None) -> Watcher | None:
    """Who is on the socket (from the session cookie), and the case they may watch."""
    with session_scope(sessions) as db_session:
        found = staff_service.by_token(db_session=db_session, token=token)
        if found is None:
            return None
        staff = found[0]
        if staff.role in ("officer", "operator"):  # no queue, no live chat
            return None
        case_id = None
        if reference:
            try:
                case = cases.get(db_session=db_session, reference=reference)
            except cases.CaseNotFound:
                return None
            if not cases.visible_to(case, staff):
                return None
            case_id = case.id
        return Watcher(staff.id, teams(staff.council_slug, staff.offers or []),
                       bool(staff.available), case_id, staff.council_slug)  # fmt: skip


def _typing(sessions, watcher: Watcher, hub) -> None:
    """Only the adviser chatting live on the case can show the resident they are typing."""
    with session_scope(sessions) as db_session:
        case = db_session.get(Case, watcher.case_id)
        staff = staff_service.get(db_session=db_session, staff_id=watcher.staff_id)
        if case is None or staff is None or case.status != "live" or not case.conversation_id:
            return
        if case.claimed_by == staff.id:
            hub.publish(conversation_channel(case.conversation_id),
                        {"typing": {"name": staff.first_name}})  # fmt: skip


@router.websocket("/ws")
async def console_socket(websocket: WebSocket, case: str | None = None) -> None:
    origin, host = websocket.headers.get("origin", ""), websocket.headers.get("host", "")
    if origin.split("://", 1)[-1] != host:
        await websocket.close(code=4403)  # only the console's own pages
        return
    sessions = websocket.app.state.sessions
    token = websocket.cookies.get(auth.COOKIE)
    watcher = await run_in_threadpool(_watcher, sessions, token, case)
    if watcher is None:
        await websocket.close(code=4401)
        return
    await websocket.accept()
    hub = get_hub()
    channels = [queue_channel(watcher.council_slug)]
    if watcher.case_id is not None:
        channels.append(case_channel(watcher.case_id))
    closed = asyncio.Event()
    connection = secrets.token_hex(8)  # this tab's presence, apart from the adviser's others

    async def reader() -> None:
        """Notices the page leave, and passes on that the adviser is typing a reply."""
        try:
            while True:
                said = await websocket.receive_text()
                if watcher.case_id is not None and '"typing"' in said:
                    await run_in_threadpool(_typing, sessions, watcher, hub)
        except WebSocketDisconnect:
            closed.set()

    reading = asyncio.create_task(reader())
    try:
        async with hub.listen(channels) as updates:
            while not closed.is_set():
                watcher = await run_in_threadpool(_watcher, sessions, token, case)
                if watcher is None:  # signed out or expired meanwhile
                    await websocket.close(code=4401)
                    return
                if watcher.available:
                    await run_in_threadpool(
                        hub.mark_present, watcher.staff_id, watcher.teams, connection
                    )
                deadline = asyncio.get_running_loop().time() + HEARTBEAT
                while not closed.is_set():
                    left = deadline - asyncio.get_running_loop().time()
                    if left <= 0:
                        break
                    message = await updates.get(timeout=min(left, 1.0))
                    if message is not None:
                        await websocket.send_json(message)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        reading.cancel()
        if watcher is not None:
            await run_in_threadpool(hub.mark_absent, watcher.staff_id, connection)
