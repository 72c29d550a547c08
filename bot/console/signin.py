"""Signing in to the console and out of it."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from bot.audit import service as audit
from bot.console import auth
from bot.console.deps import Anyone, DbSession, LiveHub, ThisCouncil
from bot.console.pages import render
from bot.council.models import Council
from bot.database.core import session_scope
from bot.deps import client_address, limiter
from bot.ratelimit.service import Limiter, RateLimited, wait_text
from bot.staff import recovery
from bot.staff import service as staff_service
from bot.staff import throttle as staff_throttle

router = APIRouter(prefix="/console", include_in_schema=False)
logger = logging.getLogger(__name__)


def _form_page(request: Request, template: str, **context) -> Response:
    """A page whose form is sent before there is a session: its double-submit token goes in
    the form and in a cookie (``_form_before_signing_in`` compares them)."""
    token = auth.sign_in_token(request)
    response = render(request, template, None, csrf=token, **context)
    auth.set_cookie(response, request, auth.SIGN_IN_COOKIE, token, max_age=3600)
    return response


@router.get("/sign-in")
def sign_in_page(request: Request, next: str = "/console", reset: bool = False) -> Response:
    return _form_page(request, "sign_in.html", next=next, error=None, reset=reset)


def _form_before_signing_in(request: Request, csrf: str) -> str | None:
    """The forms shown before there is a session (signing in, a new password) carry a
    double-submit token: the cookie set with the page must match the form's. The cookie's."""
    expected = request.cookies.get(auth.SIGN_IN_COOKIE)
    if not staff_service.csrf_ok(expected, csrf):
        raise auth.Forbidden("The form had expired. Go back, reload the page and try again.")
    return expected


def _refused(
    request: Request, csrf: str | None, next: str, email: str, error: str, retry_after: int = 0
) -> Response:
    """The sign-in form again with why; slowed (429 with Retry-After) or just refused."""
    response = render(request, "sign_in.html", None, status=429 if retry_after else 400,
                      csrf=csrf, next=next, error=error, email=email,
                      error_list=[("email", error)])  # fmt: skip
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


@router.post("/sign-in")
def sign_in(
    request: Request,
    db_session: DbSession,
    limits: Limiter = Depends(limiter),
    email: str = Form(""),
    password: str = Form(""),
    csrf: str = Form(""),
    next: str = Form("/console"),
) -> Response:
    expected = _form_before_signing_in(request, csrf)
    try:
        limits.check("sign_in", client_address(request))
    except RateLimited as exc:
        error = (
            "There have been too many sign-in attempts from this network. Please wait "
            f"{wait_text(exc.retry_after)} and try again, or ask a team leader to check your "
            "account."
        )
        return _refused(request, expected, next, email, error, exc.retry_after)
    try:
        staff = staff_service.authenticate(
            db_session=db_session, email=email, password=password,
            address=client_address(request), device=request.cookies.get(auth.DEVICE_COOKIE),
        )  # fmt: skip
    except staff_service.SignInRefused as refused:
        known = staff_service.by_email(db_session=db_session, email=email)
        action = "sign_in_slowed" if refused.retry_after else "sign_in_refused"
        audit.record(db_session=db_session, staff_id=known.id if known else None, action=action)
        return _refused(request, expected, next, email, refused.message, refused.retry_after)
    token, _row = staff_service.start_session(db_session=db_session, staff=staff)
    device = staff_throttle.device_token(staff.password_hash)
    audit.record(db_session=db_session, staff_id=staff.id, action="signed_in")
    response = RedirectResponse(auth.safe_next(next), status_code=303)
    auth.set_cookie(response, request, auth.COOKIE, token,
                    max_age=int(staff_service.SESSION_LENGTH.total_seconds()))  # fmt: skip
    auth.set_cookie(response, request, auth.DEVICE_COOKIE, device,
                    max_age=auth.DEVICE_DAYS * 24 * 3600)  # fmt: skip
    response.delete_cookie(auth.SIGN_IN_COOKIE, path="/console")
    return response


@router.post("/sign-out")
def sign_out(
    request: Request, who: Anyone, db_session: DbSession, hub: LiveHub, csrf: str = Form("")
) -> Response:
    auth.check_csrf(who, csrf)
    hub.mark_absent(who.staff.id)
    audit.record(db_session=db_session, staff_id=who.staff.id, action="signed_out")
    staff_service.end_session(db_session=db_session, token=request.cookies.get(auth.COOKIE))
    response = RedirectResponse("/console/sign-in", status_code=303)
    response.delete_cookie(auth.COOKIE, path="/console")
    return response


# ---- getting back in without an admin ------------------------------------------------------

SENT = (
    "If there is an account for that address, we have emailed it a link to set a new password. "
    "It works for 30 minutes. No email? Ask an admin to let you try again."
)


@router.get("/recover")
def recover_page(request: Request) -> Response:
    return _form_page(request, "recover.html", sent=False, email="")


@router.post("/recover")
def ask_for_link(
    request: Request,
    background: BackgroundTasks,
    council: ThisCouncil,
    limits: Limiter = Depends(limiter),
    email: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    """The same answer for every address, so this page tells no stranger who works here."""
    expected = _form_before_signing_in(request, csrf)
    if "@" not in email:
        wrong = [("email", "Enter your work email address")]
        return render(request, "recover.html", None, status=422, csrf=expected, sent=False,
                      email=email, error_list=wrong)  # fmt: skip
    try:
        limits.check("sign_in", client_address(request))
    except RateLimited as exc:
        message = f"Too many tries from this network. Please wait {wait_text(exc.retry_after)}."
        response = render(request, "recover.html", None, status=429, csrf=expected, sent=False,
                          email=email, error_list=[("email", message)])  # fmt: skip
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    # After the answer is sent: looking the address up and writing the link take longer for a
    # real account, and a stranger timing the answer would learn who works here.
    background.add_task(_email_link, request.app.state.sessions, email, str(request.base_url),
                        council, request.cookies.get(auth.DEVICE_COOKIE))  # fmt: skip
    return render(request, "recover.html", None, csrf=expected, sent=True, email="", message=SENT)


def _email_link(sessions: Any, email: str, base_url: str, council: Council,
                device: str | None) -> None:  # fmt: skip
    """Look the account up and queue its link; the answer has gone, so a failure is logged
    (without the address) for the team to see, and the person can ask again."""
    try:
        with session_scope(sessions) as db_session:
            staff = recovery.request_link(db_session=db_session, email=email,
                                          base_url=base_url, council=council,
                                          device=device)  # fmt: skip
            if staff is not None:
                audit.record(db_session=db_session, staff_id=staff.id,
                             action="recovery_link_sent")  # fmt: skip
    except Exception:
        logger.exception("A recovery link could not be written for council %s", council.slug)


@router.get("/recover/{token}")
def new_password_page(request: Request, token: str, db_session: DbSession) -> Response:
    try:
        recovery.find(db_session=db_session, token=token)
    except recovery.LinkRefused as refused:
        return render(request, "problem.html", None, status=410, message=str(refused),
                      home="/console/recover")  # fmt: skip
    return _form_page(request, "new_password.html", token=token)


@router.post("/recover/{token}")
def set_new_password(
    request: Request,
    token: str,
    db_session: DbSession,
    password: str = Form(""),
    again: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    expected = _form_before_signing_in(request, csrf)
    try:
        staff = recovery.redeem(db_session=db_session, token=token, password=password,
                                again=again)  # fmt: skip
    except recovery.LinkRefused as refused:
        db_session.rollback()
        if refused.field is None:
            return render(request, "problem.html", None, status=410, message=str(refused),
                          home="/console/recover")  # fmt: skip
        return render(request, "new_password.html", None, status=422, csrf=expected,
                      token=token, error_list=[(refused.field, str(refused))])  # fmt: skip
    audit.record(db_session=db_session, staff_id=staff.id, action="password_reset_by_link")
    response = RedirectResponse("/console/sign-in?reset=1", status_code=303)
    response.delete_cookie(auth.COOKIE, path="/console")
    return response
