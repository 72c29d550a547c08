"""Which council a request is for: one deployment serves several, so every route asks.

In order: the council the caller names (``?council=SLUG`` from the widget, or the
``X-Council`` header), a path prefix (``/c/SLUG/...``), the council whose own domain the request
came to, and last the home council (``COUNCIL_FILE``), which is what a single-council deployment
has. A named council that does not exist is an error, never silently another council.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, HTTPException
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.council import service as council_service
from bot.council.models import Council

_PREFIX = re.compile(r"^/c/([a-z0-9-]{2,40})(?=/|$)")
# One council's Open Referral feed: /openreferral/SLUG/services is /openreferral/services with
# only that council's services and the shared ones (without a slug: every council's).
_FEED = re.compile(r"^/openreferral/([a-z0-9-]{2,40})(?=/|$)")
FEED = "feed_council"
PARAMETER = "council"
HEADER = "x-council"


class UnknownCouncilRequested(HTTPException):
    def __init__(self) -> None:
        super().__init__(
            404,
            "We couldn't find that council's service. Please check the link on your council's "
            "website.",
        )


def named_in(request: HTTPConnection) -> str | None:
    """The slug the request names, if any (query, header or path prefix)."""
    named = request.query_params.get(PARAMETER) or request.headers.get(HEADER)
    return named or request.scope.get("state", {}).get(PARAMETER)


def resolve(request: HTTPConnection) -> Council:
    """The request's council (see the module's docstring for the order)."""
    named = named_in(request)
    if named:
        try:
            return council_service.get(named.strip().lower())
        except council_service.UnknownCouncil:
            raise UnknownCouncilRequested() from None
    host = request.headers.get("host", "")
    return council_service.for_host(host) or council_service.home()


RequestCouncil = Annotated[Council, Depends(resolve)]


def feed_council(request: HTTPConnection) -> Council | None:
    """For the Open Referral feeds: the council whose feed this is (``/openreferral/SLUG/``),
    or None for the combined feed of every council."""
    return resolve(request) if request.scope.get("state", {}).get(FEED) else None


FeedCouncil = Annotated[Council | None, Depends(feed_council)]


class CouncilPrefix:
    """``/c/SLUG/page`` serves ``/page`` for that council. The prefix becomes the root path,
    so links the app builds keep it, and what runs inside (the security headers, the routes)
    sees the page's own path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        feed = _FEED.match(scope["path"]) if scope["type"] == "http" else None
        if feed and feed.group(1) in council_service.registry().by_slug:
            scope = {
                **scope,
                "path": "/openreferral" + (scope["path"][feed.end() :] or "/"),
                "state": {**scope.get("state", {}), PARAMETER: feed.group(1), FEED: True},
            }
        if scope["type"] in ("http", "websocket"):
            found = _PREFIX.match(scope["path"])
            if found:
                scope = {
                    **scope,
                    "path": scope["path"][found.end() :] or "/",
                    "root_path": scope.get("root_path", "") + found.group(0),
                    "state": {**scope.get("state", {}), PARAMETER: found.group(1)},
                }
        await self.app(scope, receive, send)
