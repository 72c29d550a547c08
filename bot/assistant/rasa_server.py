"""Start Rasa's command line (``python -m bot.assistant.rasa_server run ...``) with the
service's log lines and request ids (``bot.observability.sanic``), a tracker store that
reconnects after a database restart, and the speed fixes of ``bot.assistant.speedups``.
"""

from __future__ import annotations

from typing import Any

from bot.database.core import sqlite_engine_kwargs


def resilient_engine_kwargs(original: Any) -> Any:
    """Rasa's tracker store engine. On PostgreSQL, made to survive a database restart: each
    pooled connection is checked before use (as the API's are), and connecting gives up after
    5 s rather than hanging a turn. On SQLite, connections are kept in a pool rather than opened
    (and their pragmas run) for every read and write of a tracker, as SQLAlchemy 1.4 does for
    SQLite files; that was a tenth of the Rasa server's time under load."""

    def kwargs(url: Any) -> dict[str, Any]:
        found = dict(original(url))
        if found:  # PostgreSQL
            found["pool_pre_ping"] = True
            found["pool_timeout"] = 5
            found["connect_args"] = {**found.get("connect_args", {}), "connect_timeout": 5}
        elif str(url).startswith("sqlite"):
            found.update(sqlite_engine_kwargs())
        return found

    return kwargs


def main() -> None:
    from bot.assistant import speedups

    speedups.apply()
    import rasa.core.tracker_store
    import rasa.server
    import rasa.utils.io
    from rasa.__main__ import main as rasa_main
    from rasa.utils.endpoints import EndpointConfig

    from bot.observability import sanic

    # The service's log lines and request ids, in place of Rasa's coloured logs.
    rasa.utils.io.configure_colored_logging = sanic.configure_logs
    rasa.server.create_app = sanic.with_request_ids(rasa.server.create_app)
    EndpointConfig.request = sanic.forward_request_id(EndpointConfig.request)
    store = rasa.core.tracker_store
    store.create_engine_kwargs = resilient_engine_kwargs(store.create_engine_kwargs)
    rasa_main()


if __name__ == "__main__":
    main()
