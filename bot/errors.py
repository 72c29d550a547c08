"""One JSON error shape for every failure a client can meet, in words a resident understands."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import HTTPConnection

from bot.conversation.guard import InvalidMessage
from bot.conversation.rasa_client import AssistantUnavailable
from bot.conversation.service import ConversationNotFound
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.request import UnknownCouncilRequested, resolve
from bot.postcode.service import PostcodeError
from bot.ratelimit.service import RateLimited, wait_text

# What SQLAlchemy raises when the database is unreachable or the pool has no connection to
# spare within its timeout: the resident is asked to try again, the request never hangs.
DATABASE_ERRORS = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def council_for(request: HTTPConnection) -> Council | None:
    """The council a failed request was for, as well as can be told: its number goes in the
    answer. None when no council can be read at all."""
    try:
        return resolve(request)
    except UnknownCouncilRequested:
        return council_service.home()
    except council_service.CouncilConfigError:
        return None


def _council_phone(council: Council | None) -> str | None:
    """The council and its number and hours, as a resident would be told them; None without
    a council."""
    if council is None:
        return None
    return f"{council.name} on {council.phone} ({council_service.opening_hours_text(council)})"


def unavailable_message(council: Council | None) -> str:
    """Why the assistant can't answer, and a person to call instead."""
    phone = _council_phone(council)
    if phone is None:
        return "Sorry, the assistant isn't available right now. Please try again in a few minutes."
    return (
        "Sorry, the assistant isn't available right now. Please try again in a few minutes, "
        f"or call {phone}."
    )


def rate_limited_body(exc: RateLimited, council: Council | None) -> dict:
    """Why a request was refused for now, how long to wait, and for a resident who cannot
    start a conversation, a person to call instead."""
    wait = wait_text(exc.retry_after)
    if exc.limit.name == "message":
        message = (
            "You're sending messages faster than I can answer them. "
            f"Please wait {wait} before sending another."
        )
    elif exc.limit.name in ("booking", "booking_lookup"):
        message = (
            "There have been a lot of requests about appointments or references from this "
            f"network in the last hour, so we can't take another just now. Please try again in "
            f"{wait}."
        )
        phone = _council_phone(council)
        if phone:
            message += f" You can also call {phone}."
    else:
        message = (
            "A lot of conversations have been started from this network in the last hour, so "
            f"a new one can't start just now. Please try again in {wait}."
        )
        phone = _council_phone(council)
        if phone:
            message += f" You can also call {phone}."
    body = error_body("rate_limited", message)
    body["error"]["retry_after"] = exc.retry_after
    return body


def not_found_message() -> str:
    return (
        "We couldn't find that conversation. It may have ended or timed out. "
        "Please start a new one."
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(PostcodeError)
    async def _place(_request: Request, exc: PostcodeError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), exc.status)

    @app.exception_handler(ConversationNotFound)
    async def _not_found(_request: Request, _exc: ConversationNotFound) -> JSONResponse:
        return JSONResponse(error_body("conversation_not_found", not_found_message()), 404)

    @app.exception_handler(RateLimited)
    async def _rate_limited(request: Request, exc: RateLimited) -> JSONResponse:
        return JSONResponse(
            rate_limited_body(exc, council_for(request)),
            429,
            headers={"Retry-After": str(exc.retry_after)},
        )

    @app.exception_handler(InvalidMessage)
    async def _invalid(_request: Request, exc: InvalidMessage) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), 422)

    @app.exception_handler(AssistantUnavailable)
    async def _unavailable(request: Request, _exc: AssistantUnavailable) -> JSONResponse:
        return JSONResponse(
            error_body("assistant_unavailable", unavailable_message(council_for(request))),
            503,
            headers={"Retry-After": "30"},
        )

    async def _database(request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse(
            error_body("service_unavailable", unavailable_message(council_for(request))),
            503,
            headers={"Retry-After": "30"},
        )

    for kind in DATABASE_ERRORS:
        app.add_exception_handler(kind, _database)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'] if p != 'body') or 'request'}: {err['msg']}"
            for err in exc.errors()
        )
        return JSONResponse(
            error_body("invalid_request", f"The request was not valid ({problems})."), 422
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}.get(
            exc.status_code, "http_error"
        )
        return JSONResponse(error_body(code, str(exc.detail)), exc.status_code, headers=exc.headers)
