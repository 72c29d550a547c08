"""The adviser console, put together: its routers, its static files, and how a refusal is
answered (sign in first, or a page that says why in words).

The console is server-rendered over the same services the chat uses. Forms post back with the
session's CSRF token and answer with a redirect (or, from the console's script, JSON), so it
works without JavaScript and live updates are an addition, not a requirement.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, Response

from bot.console import (
    admin,
    appointments,
    auth,
    cases,
    councils,
    insight,
    queue,
    residents,
    signin,
)
from bot.console.live import router as live_router
from bot.console.pages import HERE, render

static_router = APIRouter(prefix="/console", include_in_schema=False)
STATIC = {"console.js": "text/javascript", "insight.js": "text/javascript"}


@static_router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC:
        return Response(status_code=404)
    return FileResponse(HERE / "static" / name, media_type=STATIC[name],
                        headers={"Cache-Control": "no-cache"})  # fmt: skip


def install(app: FastAPI) -> None:
    """Send people who are not signed in to the sign-in page; explain refusals in words."""

    @app.exception_handler(auth.NotSignedIn)
    async def _sign_in(_request: Request, exc: auth.NotSignedIn) -> Response:
        return auth.to_sign_in(exc.next_path)

    @app.exception_handler(auth.Forbidden)
    async def _forbidden(request: Request, exc: auth.Forbidden) -> Response:
        return render(request, "problem.html", None, status=403, message=exc.message,
                      home=exc.home)  # fmt: skip

    for module in (signin, queue, cases, appointments, admin, residents, insight, councils):
        app.include_router(module.router)
    app.include_router(static_router)
    app.include_router(live_router)
