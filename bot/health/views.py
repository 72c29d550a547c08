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
    """The database, a Rasa server and an action server answer: 200 (``ready``), or 503.

    Without Redis the service still takes turns, but live chat updates, adviser presence and
    Rasa's lock store are gone: that is ``degraded``, still 200, so a load balancer keeps
    sending residents here to be told politely to try again or phone, rather than nowhere."""
    checks = service.readiness(
        engine=request.app.state.engine,
        rasa=request.app.state.rasa,
        action_server_urls=get_settings().action_server_urls,
        hub=get_hub(),
    )
    essential = [ok for name, ok in checks.items() if name != "live_updates"]
    status = "not_ready" if not all(essential) else "ready" if all(checks.values()) else "degraded"
    return JSONResponse({"status": status, "checks": checks}, 503 if status == "not_ready" else 200)
