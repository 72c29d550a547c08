"""The stylesheet every page shares (GOV.UK Frontend, compiled from the npm package by `make
run`), served by the service itself: never from a CDN."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response

from bot.config import PROJECT_ROOT

router = APIRouter(include_in_schema=False)
STYLESHEET = PROJECT_ROOT / "build" / "assets" / "styles.css"
SCRIPTS = {
    "govuk-frontend.min.js": PROJECT_ROOT
    / "node_modules"
    / "govuk-frontend"
    / "dist"
    / "govuk"
    / "govuk-frontend.min.js",
    "init.mjs": Path(__file__).with_name("init.mjs"),
}


@router.get("/assets/styles.css")
def stylesheet() -> Response:
    if not STYLESHEET.is_file():
        missing = "/* Not built yet: `make run` compiles bot/assets/styles.scss. */"
        return Response(missing, status_code=404, media_type="text/css")
    return FileResponse(STYLESHEET, media_type="text/css",
                        headers={"Cache-Control": "public, max-age=3600"})  # fmt: skip


@router.get("/assets/{name}")
def script(name: str) -> Response:
    """GOV.UK Frontend's own script (npm) and the few lines that start it."""
    found = SCRIPTS.get(name)
    if found is None or not found.is_file():
        return Response(status_code=404)
    return FileResponse(found, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=3600"})  # fmt: skip
