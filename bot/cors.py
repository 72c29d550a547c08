"""CORS for the routes that need it, and nothing else.

Starlette's CORSMiddleware applies to every route. The public read-only data APIs may be read
from any site; the chat gateway only from the council sites that embed the widget
(``WIDGET_ORIGINS``), so this wraps the middleware and applies it to some path prefixes only.
"""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send


class ScopedCORS:
    def __init__(
        self,
        app: ASGIApp,
        prefixes: tuple[str, ...],
        origins: list[str],
        methods: tuple[str, ...] = ("GET",),
    ) -> None:
        self.app = app
        self.prefixes = prefixes
        self.cors = CORSMiddleware(
            app, allow_origins=origins, allow_methods=list(methods), allow_headers=["*"]
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(self.prefixes):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)
