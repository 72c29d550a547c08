"""Write Rasa's endpoints.yml from the service's settings, so Rasa and the gateway always agree
on where the action server, tracker store and lock store are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import make_url

from bot.config import Settings

# The service's tracker store (bot/assistant/tracker_store.py); Rasa's own with the patches off.
STORE = "bot.assistant.tracker_store.WorkLocalSQLTrackerStore"


def tracker_store(url: str, patched: bool = True) -> dict[str, Any]:
    parsed = make_url(url)
    dialect = parsed.get_backend_name()
    kind = STORE if patched else "SQL"
    if dialect == "sqlite":
        return {"type": kind, "dialect": "sqlite", "db": parsed.database}
    store: dict[str, Any] = {
        "type": kind,
        "dialect": dialect,
        "url": parsed.host or "localhost",
        "db": parsed.database,
        "username": parsed.username,
        "password": parsed.password,
    }
    if parsed.port:
        store["port"] = parsed.port
    return {k: v for k, v in store.items() if v is not None}


def lock_store(redis_url: str) -> dict[str, Any]:
    if not redis_url:
        return {"type": "in_memory"}
    parsed = make_url(redis_url.replace("redis://", "redis+x://", 1))
    store: dict[str, Any] = {
        "type": "redis",
        "url": parsed.host or "localhost",
        "port": parsed.port or 6379,
        "db": int(parsed.database or 0),
        "key_prefix": "worklocal",
    }
    if parsed.password:
        store["password"] = parsed.password
    return store


def render(settings: Settings, server: int = 0) -> dict[str, Any]:
    """Rasa server number ``server`` calls action server ``server mod n``."""
    actions = settings.action_server_urls
    return {
        "action_endpoint": {
            "url": f"{actions[server % len(actions)]}/webhook",
            "token": settings.internal_token,  # sent as ?token= (bot/assistant/internal_auth.py)
            # The domain (20 kB of JSON) goes only to the actions that read it: validate_*
            # and those marked send_domain in domain.yml (tests/unit/test_domain_sent.py).
            "enable_selective_domain": True,
        },
        "tracker_store": tracker_store(
            settings.effective_tracker_database_url, settings.rasa_patches
        ),
        "lock_store": lock_store(settings.redis_url),
    }


def write(settings: Settings, server: int = 0) -> Path:
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    path = settings.var_dir / ("endpoints.yml" if server == 0 else f"endpoints-{server}.yml")
    path.touch(mode=0o600)  # it holds the shared token and any database password
    path.chmod(0o600)
    path.write_text(yaml.safe_dump(render(settings, server), sort_keys=False))
    return path
