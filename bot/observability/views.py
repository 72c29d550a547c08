"""``/metrics`` for Prometheus, and the request id on every request."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.observability.logs import REQUEST_ID, new_request_id
from bot.observability.metrics import REGISTRY

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
def metrics() -> Response:
    """Counts and timings only (no personal data). Keep it on the internal network."""
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


class RequestId:
    """ASGI middleware: the request's id for its log lines, echoed in ``X-Request-ID``."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = new_request_id(given)
        token = REQUEST_ID.set(request_id)

        async def send_with_id(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            REQUEST_ID.reset(token)
