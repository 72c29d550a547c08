"""``/metrics`` for Prometheus, and the request id on every request."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.config import get_settings
from bot.observability.logs import REQUEST_ID, new_request_id
from bot.observability.metrics import REGISTRY

router = APIRouter(include_in_schema=False)


LOOPBACK = {"127.0.0.1", "::1"}
# Any of these means a proxy passed the request on: its client is not this machine.
PROXY_HEADERS = (
    "x-forwarded-for",
    "forwarded",
    "x-real-ip",
    "x-forwarded-host",
    "via",
    "x-forwarded-proto",
    "x-client-ip",
    "true-client-ip",
    "cf-connecting-ip",
)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    """Counts and timings only (no personal data), for Prometheus: with ``METRICS_TOKEN`` as
    its bearer token, or from this machine directly (no proxy) when no token is set. Anyone
    else gets 404, as if there were nothing here."""
    if not may_read_metrics(request):
        return Response(status_code=404)
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


def may_read_metrics(request: Request) -> bool:
    token = get_settings().metrics_token
    if token:
        given = request.headers.get("authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    proxied = any(header in request.headers for header in PROXY_HEADERS)
    return not proxied and request.client is not None and request.client.host in LOOPBACK


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
