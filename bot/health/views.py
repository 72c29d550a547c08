"""Liveness and readiness probes for supervisors, load balancers and Kubernetes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.config import get_settings
from bot.health import service
from bot.live.hub import get_hub

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The API process is up (says nothing about its dependencies)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    """The database, the Rasa server and the action server all answer."""
    checks = service.readiness(
        engine=request.app.state.engine,
        rasa=request.app.state.rasa,
        action_server_urls=get_settings().action_server_urls,
        hub=get_hub(),
    )
    ready = all(checks.values())
    return JSONResponse(
        {"status": "ready" if ready else "not_ready", "checks": checks}, 200 if ready else 503
    )
