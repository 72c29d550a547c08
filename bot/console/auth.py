"""Who is signed in to the console, and proof that a form came from the console itself.

The session cookie holds a random token (HttpOnly, SameSite=Strict, Secure except on this
machine's own loopback address for development). Every form carries the session's CSRF token;
the sign-in form, before there is a session, uses a double-submit cookie instead.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from bot.staff import service as staff_service
from bot.staff.models import Staff, StaffSession

COOKIE = "worklocal_console"
SIGN_IN_COOKIE = "worklocal_console_signin"
# Set on a correct sign-in: a browser the account used before is not held back by wrong
# passwords typed elsewhere (bot.staff.throttle).
DEVICE_COOKIE = "worklocal_console_device"
DEVICE_DAYS = 90
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
INSIGHT_ROLES = ("officer", "team_lead", "admin")
# Where each role starts, and is sent back to from a page it may not see; everyone else's is
# the queue.
HOME_PAGES = {"officer": "/console/insight", "operator": "/console/councils"}


def home_page(staff: Staff | None) -> str:
    return HOME_PAGES.get(staff.role if staff else "", "/console")


@dataclass
class SignedIn:
    staff: Staff
    staff_session: StaffSession

    @property
    def csrf(self) -> str:
        return self.staff_session.csrf_token


class NotSignedIn(Exception):
    """Raised by a page that needs a signed-in adviser; the handler sends them to sign in."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class Forbidden(Exception):
    """Signed in, but this needs another role, or the form's CSRF token is wrong. ``home`` is
    where the refusal page sends them back to."""

    def __init__(self, message: str, home: str = "/console") -> None:
        super().__init__(message)
        self.message, self.home = message, home


def secure(request: Request) -> bool:
    """Secure cookies everywhere except plain HTTP on loopback (a developer's machine)."""
    host = (request.url.hostname or "").lower()
    return not (request.url.scheme == "http" and host in LOOPBACK)


def set_cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name, value, max_age=max_age, httponly=True, samesite="strict", secure=secure(request),
        path="/console",
    )  # fmt: skip


def signed_in(request: Request, db_session: Session) -> SignedIn | None:
    found = staff_service.by_token(db_session=db_session, token=request.cookies.get(COOKIE))
    return SignedIn(*found) if found else None


def require(
    request: Request,
    db_session: Session,
    *,
    lead: bool = False,
    admin: bool = False,
    insight: bool = False,
    operator: bool = False,
    any_role: bool = False,
) -> SignedIn:
    """The signed-in person; ``lead`` needs a team lead or admin, ``admin`` an admin,
    ``insight`` an officer, team lead or admin, and ``operator`` the deployment's operator.
    Officers see the insight pages only: every other page holds residents' details. Operators
    see the councils' pages only: they are no council's staff."""
    who = signed_in(request, db_session)
    if who is None:
        raise NotSignedIn(request.url.path)
    if any_role:
        return who
    if operator or who.staff.role == "operator":
        if operator and who.staff.role == "operator":
            return who
        raise Forbidden(
            "Only the deployment's operators can manage councils."
            if operator
            else "Operators see the councils' pages only: this page holds a council's data.",
            home=home_page(who.staff),
        )
    if insight:
        if who.staff.role not in INSIGHT_ROLES:
            raise Forbidden("Only officers, team leads and admins can see the insight.",
                            home=home_page(who.staff))  # fmt: skip
        return who
    if who.staff.role == "officer":
        raise Forbidden(
            "Officers see the insight pages only: this page holds residents' details.",
            home=home_page(who.staff),
        )
    if lead and not staff_service.can_lead(who.staff):
        raise Forbidden("Only team leads and admins can see this page.")
    if admin and who.staff.role != "admin":
        raise Forbidden("Only admins can manage accounts.")
    return who


def check_csrf(who: SignedIn, given: str | None) -> None:
    if not staff_service.csrf_ok(who.csrf, given):
        raise Forbidden(
            "This form had expired or did not come from the console. Go back, reload the page "
            "and try again."
        )


def sign_in_token(request: Request) -> str:
    return request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(32)


# Where signing in may return to: a console page, with no "..", "//" or backslash that a
# browser could resolve to somewhere else.
_CONSOLE_PAGE = re.compile(r"^/console(/[A-Za-z0-9_-]+)*/?(\?[A-Za-z0-9_=&%.-]*)?$")


def safe_next(path: str) -> str:
    return path if _CONSOLE_PAGE.match(path or "") else "/console"


def to_sign_in(next_path: str) -> RedirectResponse:
    return RedirectResponse(f"/console/sign-in?next={quote(safe_next(next_path))}", status_code=303)
