"""One shared secret between the API, the Rasa server and the action server.

Rasa's HTTP API reads and changes any conversation, and the action server runs any action on a
tracker its caller writes, so in a container network a neighbour could read transcripts, inject
events or book appointments. Both servers therefore refuse every request without the token
except their liveness probe. The token travels as ``?token=`` because that is where Rasa's own
``--auth-token`` check and its action endpoint (``endpoints.yml``) put it; the service's logs
redact ``token=``. ``worklocal run`` makes one per start; containers share ``INTERNAL_TOKEN``.
"""

from __future__ import annotations

import functools
import hmac
import secrets
from typing import Any

ENV = "INTERNAL_TOKEN"
MISSING = (
    f"{ENV} is not set. The API, the Rasa server and the action server share it as a secret "
    "(at least 32 characters, e.g. from `python -c 'import secrets; "
    "print(secrets.token_urlsafe(32))'`); see docs/deploy.md."
)
MIN_LENGTH = 32


def new_token() -> str:
    return secrets.token_urlsafe(32)


def problem(token: str) -> str | None:
    """Why ``token`` cannot protect the servers, or ``None``."""
    if not token:
        return MISSING
    if len(token) < MIN_LENGTH:
        return f"{ENV} is too short: use at least {MIN_LENGTH} characters."
    return None


def allowed(given: str | None, token: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def protect(create_app: Any, token: str, open_paths: frozenset[str]) -> Any:
    """Wrap a Sanic app factory so its app has the check of ``require``."""

    @functools.wraps(create_app)
    def create(*args: Any, **kwargs: Any) -> Any:
        return require(create_app(*args, **kwargs), token, open_paths)

    return create


def require(app: Any, token: str, open_paths: frozenset[str]) -> Any:
    """Make a Sanic ``app`` answer 401 to any request without ``token``, except a GET of one of
    ``open_paths`` (the probes, which say only that the server is up)."""
    from sanic import response

    async def check(request: Any) -> Any:
        if request.method in ("GET", "HEAD") and request.path in open_paths:
            return None
        if allowed(request.args.get("token"), token):
            return None
        return response.json(
            {"error": "unauthorised", "message": "This server answers only the Work Local API."},
            status=401,
        )

    app.register_middleware(check, "request")
    return app
