"""The same log lines and request ids in Rasa's and the action server's processes.

Both are Sanic apps started by their own command lines; ``bot.assistant.rasa_server`` and
``bot.assistant.action_server`` wrap their app factories and logging set-up with these before
handing over to them. The gateway sends
each turn's ``X-Request-ID`` to Rasa, Rasa passes it on to the action server, and each process
puts it on its log lines, so one turn can be followed through all three.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from typing import Any

from bot.observability import logs

HEADER = "X-Request-ID"
QUIET_PATHS = {"/", "/health", "/status"}  # probes, every few seconds: not worth a line
log = logging.getLogger("worklocal.requests")


def configure_logs(level: Any = None) -> None:
    """Our formatter (JSON lines by default, always redacted) instead of coloured logs."""
    name = level if isinstance(level, str) else os.environ.get("LOG_LEVEL", "INFO")
    logs.configure(name, json_lines=os.environ.get("LOG_FORMAT", "json") == "json")
    # Loading a model imports numpy.distutils, which lowers the root logger to WARNING; the
    # service's own loggers keep their level.
    logging.getLogger("worklocal").setLevel(name.upper())


def with_request_ids(create_app: Any) -> Any:
    """Wrap a Sanic app factory so every request sets the request id its caller sent, and
    each answer is logged with its time: the Rasa and action stages of a turn, in the logs."""

    @functools.wraps(create_app)
    def create(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)

        async def take_request_id(request: Any) -> None:
            given = request.headers.get(HEADER)
            logs.REQUEST_ID.set(logs.new_request_id(given) if given else None)
            request.ctx.started = time.perf_counter()

        async def log_answer(request: Any, response: Any) -> None:
            started = getattr(request.ctx, "started", None)
            if started is None or request.path in QUIET_PATHS:
                return
            log.info(
                "%s %s%s answered %s in %.1f ms",
                request.method,
                request.path,
                _action_of(request),
                getattr(response, "status", "?"),
                (time.perf_counter() - started) * 1000,
            )

        app.register_middleware(take_request_id, "request")
        app.register_middleware(log_answer, "response")
        return app

    return create


def _action_of(request: Any) -> str:
    """The action server's requests name the action they run."""
    if request.method != "POST" or request.path != "/webhook":
        return ""
    try:
        return f" ({request.json.get('next_action')})"
    except Exception:  # an unreadable body is the server's to refuse, not the log's
        return ""


def forward_request_id(request: Any) -> Any:
    """Wrap Rasa's outbound ``EndpointConfig.request`` (the action server call) to pass the
    request id on."""

    @functools.wraps(request)
    async def send(self: Any, *args: Any, **kwargs: Any) -> Any:
        request_id = logs.REQUEST_ID.get()
        if request_id:
            kwargs["headers"] = {**(kwargs.get("headers") or {}), HEADER: request_id}
        return await request(self, *args, **kwargs)

    return send
