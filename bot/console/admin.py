"""Pages for team leads (the outbox and the audit log) and admins (accounts)."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from bot.audit import service as audit
from bot.clock import utcnow
from bot.console import auth
from bot.console.auth import SignedIn
from bot.console.deps import Admin, DbSession, Lead, LiveHub
from bot.console.pages import done, problem, render, wants_json
from bot.insight import keys as insight_keys
from bot.notify import service as notify
from bot.staff import recovery
from bot.staff import service as staff_service
from bot.staff import throttle as staff_throttle

router = APIRouter(prefix="/console", include_in_schema=False)
CHANGES = ("unlock", "deactivate", "reactivate")
# The input an account's refused detail is changed in (bot.staff.service.InvalidAccount.field).
FIELD_IDS = {
    "email": "new-email",
    "first_name": "new-first",
    "role": "role-adviser",
    "offers": "offer-youth_pathways",
    "password": "new-password",
}


@router.get("/outbox")
def outbox(request: Request, who: Lead, db_session: DbSession) -> Response:
    held = notify.outbox(db_session=db_session, council_slug=who.staff.council_slug)
    return render(request, "outbox.html", who, messages=held)


@router.get("/audit")
def audit_log(request: Request, who: Lead, db_session: DbSession) -> Response:
    entries = audit.recent(db_session=db_session, council_slug=who.staff.council_slug)
    return render(request, "audit.html", who, entries=entries)


@router.get("/staff")
def staff_page(request: Request, who: Admin, db_session: DbSession) -> Response:
    return _accounts(request, who, db_session)


def _accounts(request: Request, who: SignedIn, db_session: Session, **extra) -> Response:
    people = staff_service.everyone(db_session=db_session, council_slug=who.staff.council_slug)
    slowed = staff_throttle.slowed(
        db_session=db_session, emails=[p.email for p in people], now=utcnow()
    )
    locked = {p.id for p in people if p.email in slowed}
    return render(request, "staff.html", who, people=people, locked_ids=locked, **extra)


@router.post("/staff")
def add_staff(
    request: Request,
    who: Admin,
    db_session: DbSession,
    email: str = Form(""),
    first_name: str = Form(""),
    full_name: str = Form(""),
    role: str = Form("adviser"),
    offers: list[str] = Form([]),
    adviser_key: str = Form(""),
    password: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    """A new account; the admin passes the first password on, and it is never shown again."""
    auth.check_csrf(who, csrf)
    try:
        made = staff_service.create(
            db_session=db_session, council_slug=who.staff.council_slug, email=email,
            first_name=first_name,
            full_name=full_name or first_name, password=password, role=role, offers=offers,
            adviser_key=adviser_key.strip() or None,
        )  # fmt: skip
    except staff_service.InvalidAccount as exc:
        db_session.rollback()
        if wants_json(request):
            return problem(request, who, f"No account was created: {exc}.", status=422)
        said = f"No account was created: {exc}."
        given = {
            "email": email,
            "first_name": first_name,
            "full_name": full_name,
            "role": role,
            "offers": offers,
            "adviser_key": adviser_key,
        }  # never the password
        return _accounts(request, who, db_session, status=422, given=given,
                         error_list=[(FIELD_IDS.get(exc.field, "new-email"), said)])  # fmt: skip
    audit.record(db_session=db_session, staff_id=who.staff.id, action="account_created",
                 detail=made.email)  # fmt: skip
    return done(request, "/console/staff")


@router.post("/staff/{staff_id}")
def change_staff(
    request: Request,
    staff_id: int,
    who: Admin,
    db_session: DbSession,
    hub: LiveHub,
    change: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    """Let an account slowed by wrong passwords be tried again now, or stop or restart
    someone's access."""
    auth.check_csrf(who, csrf)
    person = staff_service.get(db_session=db_session, staff_id=staff_id)
    theirs = person is not None and person.council_slug == who.staff.council_slug
    if not theirs or person.role == "operator" or change not in CHANGES:  # not the council's
        return problem(request, who, "There is no such account or change.", status=404)
    if person.id == who.staff.id and change == "deactivate":
        return problem(request, who, "You can't deactivate your own account.")
    if change == "unlock":
        staff_service.unlock(db_session=db_session, staff=person)
    else:
        person.active = change == "reactivate"
        if not person.active:
            staff_service.end_sessions(db_session=db_session, staff=person)
            recovery.retire(db_session=db_session, staff=person)
            insight_keys.revoke_made_by(db_session=db_session, staff_id=person.id)
            hub.mark_absent(person.id)
    audit.record(db_session=db_session, staff_id=who.staff.id, action=f"account_{change}d",
                 detail=person.email)  # fmt: skip
    return done(request, "/console/staff")
