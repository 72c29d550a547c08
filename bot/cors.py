"""CORS for the routes that need it, and nothing else.

Starlette's CORSMiddleware applies to every route. The public read-only data APIs may be read
from any site; the chat gateway only from the council sites that embed the widget
(``WIDGET_ORIGINS``), so this wraps the middleware and applies it to some path prefixes only.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send


class ScopedCORS:
    """``origins`` is a list, or a function giving it at each request (the councils' sites
    change when a council file does, without a restart)."""

    def __init__(
        self,
        app: ASGIApp,
        prefixes: tuple[str, ...],
        origins: list[str] | Callable[[], list[str]],
        methods: tuple[str, ...] = ("GET",),
    ) -> None:
        self.app = app
        self.prefixes = prefixes
        self.methods = list(methods)
        self.origins = origins
        self._made: dict[tuple[str, ...], CORSMiddleware] = {}

    def _cors(self) -> CORSMiddleware:
        origins = tuple(self.origins() if callable(self.origins) else self.origins)
        if origins not in self._made:
            self._made = {origins: CORSMiddleware(self.app, allow_origins=list(origins),
                                                  allow_methods=self.methods,
                                                  allow_headers=["*"])}  # fmt: skip
        return self._made[origins]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(self.prefixes):
            await self._cors()(scope, receive, send)
        else:
            await self.app(scope, receive, send)
