"""Readiness checks: each dependency the front door needs, checked quickly and independently."""

from __future__ import annotations

import httpx
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.conversation.rasa_client import RasaClient
from bot.live.hub import Hub


def database_ok(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


def action_server_ok(url: str) -> bool:
    try:
        return httpx.get(f"{url.rstrip('/')}/health", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def readiness(
    *, engine: Engine, rasa: RasaClient, action_server_urls: list[str], hub: Hub
) -> dict[str, bool]:
    """With several Rasa or action servers, one answering is enough to take turns."""
    return {
        "database": database_ok(engine),
        "rasa": rasa.is_ready(),
        "action_server": any(action_server_ok(url) for url in action_server_urls),
        "live_updates": hub.healthy(),
    }
