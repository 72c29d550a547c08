"""The widget script, and the council details it shows around the conversation."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from bot.config import get_settings
from bot.council import service as council_service
from bot.council.request import RequestCouncil
from bot.errors import error_body
from bot.widget import service

router = APIRouter(tags=["widget"])


@router.get("/widget/worklocal.js", include_in_schema=False)
def widget_script(request: Request) -> Response:
    """The embeddable widget. Short caching, so a fix reaches every council site within minutes."""
    bundle = service.bundle()
    etag = f'"{bundle.etag}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300", "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    body = bundle.body
    if "gzip" in request.headers.get("accept-encoding", ""):
        body, headers["Content-Encoding"] = bundle.gzipped, "gzip"
    return Response(body, media_type="application/javascript; charset=utf-8", headers=headers)


@router.get("/widget/plan.js", include_in_schema=False)
def plan_script() -> Response:
    """The plan page's print button and print-on-load, as a file: the page allows no inline
    script (``bot.hardening``)."""
    body = (service.WIDGET_DIR / "plan.js").read_bytes()
    headers = {"Cache-Control": "public, max-age=300"}
    return Response(body, media_type="application/javascript; charset=utf-8", headers=headers)


@router.get(
    "/api/v1/widget/logo",
    summary="The council's logo",
    responses={200: {"content": {"image/svg+xml": {}, "image/png": {}}}, 404: {}},
)
def widget_logo(council: RequestCouncil) -> Response:
    """The council's logo (SVG or PNG). An SVG is served under a policy that runs nothing in it,
    so a logo can't carry script onto the service's address."""
    path = council_service.logo_path(council)
    if path is None or not path.is_file():
        return JSONResponse(error_body("not_found", f"{council.name} has no logo here."),
                            status_code=404)  # fmt: skip
    headers = {
        "Cache-Control": "public, max-age=3600",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        "X-Content-Type-Options": "nosniff",
    }
    return Response(path.read_bytes(), media_type=service.LOGO_TYPES[path.suffix],
                    headers=headers)  # fmt: skip


@router.get("/api/v1/widget/config", summary="What the chat widget shows around a conversation")
def widget_config(council: RequestCouncil) -> dict:
    """The council's name, phone number and opening hours (shown if the assistant can't be
    reached), the privacy and accessibility links, the brand colour and the message limit."""
    return service.public_config(council, get_settings().max_message_chars)
