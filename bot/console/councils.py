"""The deployment operator's pages: the councils served here, a new council on the national
template, and a new council's first admin. An operator sees no council's residents, cases or
counts (``auth.require`` refuses them every other page); a council's own admins then make its
staff, so an operator can add an admin only to a council with no accounts, and never knows
that admin's password."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from bot.audit import service as audit
from bot.clock import utcnow
from bot.console import auth
from bot.console.auth import SignedIn
from bot.console.deps import DbSession, Operator
from bot.console.pages import done, problem, render
from bot.council import admin as council_admin
from bot.council import service as council_service
from bot.staff import recovery
from bot.staff import service as staff_service

router = APIRouter(prefix="/console", include_in_schema=False)


def _page(request: Request, who: SignedIn, db_session: Session, **extra) -> Response:
    accounts = staff_service.accounts_by_council(db_session=db_session)
    offers = council_admin.national_offers()
    return render(
        request, "councils.html", who, councils=council_service.get_all(),
        home_council=council_service.home(), accounts=accounts, fields=council_admin.FORM_FIELDS,
        national_offers=offers, offer_names=dict(offers),
        history=audit.by_operators(db_session=db_session), **extra,
    )  # fmt: skip


@router.get("/councils")
def councils_page(request: Request, who: Operator, db_session: DbSession) -> Response:
    return _page(request, who, db_session)


@router.post("/councils")
def add_council(
    request: Request,
    who: Operator,
    db_session: DbSession,
    slug: str = Form(""),
    name: str = Form(""),
    service_name: str = Form(""),
    area_name: str = Form(""),
    local_authority_codes: str = Form(""),
    phone: str = Form(""),
    email: str = Form(""),
    emergency_housing_phone: str = Form(""),
    example_postcode: str = Form(""),
    offers: list[str] = Form([]),
    csrf: str = Form(""),
) -> Response:
    """A new council from the form, on the national template; served from the next request."""
    auth.check_csrf(who, csrf)
    form = {
        "slug": slug, "name": name, "service_name": service_name, "area_name": area_name,
        "local_authority_codes": local_authority_codes, "phone": phone, "email": email,
        "emergency_housing_phone": emergency_housing_phone, "example_postcode": example_postcode,
    }  # fmt: skip
    raw, fixes = council_admin.draft(form, offers)
    if not fixes:
        problems, added = council_admin.add_drafted(
            raw, added_by=who.staff.full_name, today=utcnow().date().isoformat()
        )
        fixes = [(None, f"The council was not added: {said}") for said in problems]
        if added is not None:
            audit.record(db_session=db_session, staff_id=who.staff.id, action="council_added",
                         detail=f"{added.slug}: {added.name}")  # fmt: skip
            return done(request, f"/console/councils#council-{added.slug}")
    error_list = [(f"new-{field}" if field else None, said) for field, said in fixes]
    return _page(request, who, db_session, status=422, given=form, given_offers=offers,
                 error_list=error_list)  # fmt: skip


@router.post("/councils/{slug}/admin")
def add_first_admin(
    request: Request,
    slug: str,
    who: Operator,
    db_session: DbSession,
    email: str = Form(""),
    first_name: str = Form(""),
    full_name: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    """A new council's first admin, who makes its other accounts. Only while the council has
    no account at all, and the admin sets their own password through an emailed link: the
    operator never knows a password that opens a council's data."""
    auth.check_csrf(who, csrf)
    try:
        council = council_service.get(slug)
    except council_service.UnknownCouncil:
        return problem(request, who, "There is no such council.", status=404)
    if slug in staff_service.accounts_by_council(db_session=db_session):
        return problem(request, who, f"{council.name} has console accounts already: its "
                                     "admins add its accounts.")  # fmt: skip
    try:
        made = staff_service.create(
            db_session=db_session, council_slug=slug, email=email, first_name=first_name,
            full_name=full_name or first_name, password=secrets.token_urlsafe(32), role="admin",
        )  # fmt: skip
    except staff_service.InvalidAccount as exc:
        db_session.rollback()
        field = "first" if exc.field == "first_name" else "email"
        return _page(request, who, db_session, status=422, admin_for=slug,
                     given_admin={"email": email, "first_name": first_name,
                                  "full_name": full_name},
                     error_list=[(f"admin-{slug}-{field}",
                                  f"No admin was added: {exc}.")])  # fmt: skip
    recovery.request_link(db_session=db_session, email=made.email, base_url=str(request.base_url),
                          council=council, welcome=True)  # fmt: skip
    audit.record(db_session=db_session, staff_id=who.staff.id, action="first_admin_added",
                 detail=f"{slug}: {made.email}")  # fmt: skip
    # In the council's own log too, on the new account (an operator is in no council's log).
    audit.record(
        db_session=db_session,
        staff_id=made.id,
        action="account_created",
        detail=f"{made.email}, by the deployment's operator {who.staff.full_name}",
    )
    return done(request, f"/console/councils#council-{slug}")
