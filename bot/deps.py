"""FastAPI dependencies: the per-request unit of work and the shared clients on ``app.state``."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.conversation.rasa_client import RasaClient


def db_session(request: Request) -> Iterator[Session]:
    """A session committed when the route returns normally and rolled back when it raises."""
    session: Session = request.app.state.sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def rasa_client(request: Request) -> RasaClient:
    return request.app.state.rasa


def tracker_engine(request: Request) -> Engine:
    """Rasa's tracker store database, for forgetting a conversation's events."""
    return request.app.state.tracker_engine
