"""What every request and response of the public port gets, whichever route serves it.

One ASGI middleware, outside the routes, so that a new page cannot forget it:

- Only the configured host names are served (``ALLOWED_HOSTS``): Starlette builds absolute
  redirect URLs (a missing trailing slash) from the ``Host`` header, so any other host name
  could send a resident's browser elsewhere.
- A request body larger than ``MAX_BODY_BYTES`` is refused with 413 before a route reads it.
- Security headers: ``nosniff``, a ``Referrer-Policy`` that never sends a plan's or a
  booking's address to another site, a Content Security Policy on every response (the pages
  load nothing from elsewhere; only ``/docs`` runs Swagger UI's inline start-up script), no
  framing except of the widget's files and the plan page (which the widget prints through a
  hidden frame) by the council sites that embed it, HSTS over HTTPS,
  and ``Cache-Control: no-store`` on everything that carries a resident's data.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from typing import Any

from starlette.exceptions import HTTPException

from bot.config import get_settings
from bot.council import service as council_service

# Answers about one resident: never kept by a browser's or a proxy's cache.
PRIVATE_PREFIXES = (
    "/api/v1/conversations", "/api/v1/plans", "/plans/", "/api/v1/bookings", "/bookings/",
    "/console", "/my-information",
)  # fmt: skip
# The widget prints a plan by loading its page in a hidden frame on the council's site.
FRAMEABLE_PREFIXES = ("/widget/", "/plans/")
_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'{scripts}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {ancestors}"
)
log = logging.getLogger(__name__)
HSTS = "max-age=31536000; includeSubDomains"


def content_security_policy(path: str, widget_origins: list[str]) -> str:
    scripts = " 'unsafe-inline'" if path == "/docs" else ""
    ancestors = (
        " ".join(["'self'", *widget_origins]) if path.startswith(FRAMEABLE_PREFIXES) else "'none'"
    )
    return _POLICY.format(scripts=scripts, ancestors=ancestors)


# A Host header is a name or address and an optional port, nothing else: "127.0.0.1:8000@evil"
# would otherwise make Starlette's redirects name evil as the host (the rest is userinfo).
_HOST = re.compile(r"^(?P<host>[a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$", re.IGNORECASE)


def host_allowed(host_header: str, allowed: list[str]) -> bool:
    shape = _HOST.match(host_header)
    if shape is None:
        return False
    if "*" in allowed:
        return True
    host = shape.group("host").lower().rstrip(".")
    return any(host == name or (name.startswith("*.") and host.endswith(name[1:]))
               for name in allowed)  # fmt: skip


def _headers(scope: dict) -> dict[bytes, bytes]:
    return {name.lower(): value for name, value in scope.get("headers") or []}


def response_headers(scope: dict, existing: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``existing`` with the security headers a route did not set itself."""
    path = scope.get("path", "")
    have = {name.lower() for name, _ in existing}
    wanted = {
        b"x-content-type-options": b"nosniff",
        b"referrer-policy": b"same-origin",
        b"content-security-policy": content_security_policy(
            path, council_service.widget_origins()
        ).encode(),
    }
    if not path.startswith(FRAMEABLE_PREFIXES):
        wanted[b"x-frame-options"] = b"DENY"
    if path.startswith(PRIVATE_PREFIXES):
        wanted[b"cache-control"] = b"no-store"
    if scope.get("scheme") in ("https", "wss"):
        wanted[b"strict-transport-security"] = HSTS.encode()
    return [*existing, *((name, value) for name, value in wanted.items() if name not in have)]


class Hardening:
    """ASGI middleware: the host check, the body limit and the response headers."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        headers = _headers(scope)
        host = headers.get(b"host", b"").decode("latin-1")
        if not host_allowed(host, [*settings.allowed_host_list, *council_service.domains()]):
            await _refuse(scope, send, 400, "unknown_host", "This server does not serve that name.")
            return
        if b"x-forwarded-for" in headers and not settings.forwarded_allow_ips.strip():
            _warn_untrusted_proxy()
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        limit = settings.max_body_bytes
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(scope, send, 413, "body_too_large", _too_large(limit))
            return

        received = 0

        async def limited_receive() -> dict:
            """A body sent without a length is counted as a route reads it; the route's own
            error handling answers the 413 (``bot.errors``)."""
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, _too_large(limit))
            return message

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = response_headers(scope, message.get("headers") or [])
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)


@functools.lru_cache(maxsize=1)
def _warn_untrusted_proxy() -> None:
    """Once per process: a proxy is in front but not trusted, so every resident behind it
    shares the proxy's address and its rate limits."""
    log.warning(
        "requests carry X-Forwarded-For but FORWARDED_ALLOW_IPS is not set: every client "
        "is counted as the proxy's address by the rate limits (docs/deploy.md)"
    )


def _too_large(limit: int) -> str:
    return f"That request is too large: the most this service accepts is {limit // 1024:,} KB."


async def _refuse(scope: dict, send: Any, status: int, code: str, message: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status,
                "headers": response_headers(scope, headers)})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
