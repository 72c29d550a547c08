"""FastAPI dependencies: the shared clients and session factory on ``app.state``.

Each dependency is ``async`` (``client_address`` is a plain helper): it only reads what the app
holds, and FastAPI runs a plain ``def`` dependency in its thread pool, a hand-off that cost a
tenth of the gateway's time on each turn (profiled under load).

Routes open their unit of work with ``session_scope(sessions)`` inside the handler, not with a
``yield`` dependency: FastAPI may run a dependency's exit code after the response has been sent,
so a commit there races the client's next request (a button pressed at once would be refused).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from fastapi import Request
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from bot import clock
from bot.ratelimit.service import Limiter, pseudonym

if TYPE_CHECKING:  # a type only: the catalogue's routes use this module, not the gateway
    from bot.conversation.rasa_client import RasaClient


async def sessions(request: Request) -> sessionmaker:
    return request.app.state.sessions


async def rasa_client(request: Request) -> RasaClient:
    return request.app.state.rasa


async def tracker_engine(request: Request) -> Engine:
    """Rasa's tracker store database, for forgetting a conversation's events."""
    return request.app.state.tracker_engine


async def limiter(request: Request) -> Limiter:
    return request.app.state.limiter


def client_address(request: Request) -> str:
    """Who is asking, as far as the network says: behind a proxy, uvicorn takes it from
    ``X-Forwarded-For`` when the proxy is trusted (``FORWARDED_ALLOW_IPS``, docs/deploy.md)."""
    return request.client.host if request.client else "unknown"


async def client_pseudonym(request: Request) -> str:
    """The client's address as a keyed pseudonym, for limits counted in other processes."""
    return pseudonym(client_address(request))


async def current_time() -> datetime:
    """The moment a request is handled, read once, so the times a request lists and the booking
    it makes agree. Tests pin it with ``bot.clock.pinned`` or ``app.dependency_overrides``."""
    return clock.utcnow()
