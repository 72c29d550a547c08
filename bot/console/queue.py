"""The queue: the cases waiting for the signed-in adviser's teams, and their availability."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from bot.audit import service as audit
from bot.clock import as_utc, utcnow
from bot.console import auth
from bot.console.auth import SignedIn
from bot.console.deps import Adviser, DbSession, LiveHub, ThisCouncil
from bot.console.pages import done, render
from bot.council.models import Council
from bot.council.service import covered_by
from bot.handoff import service as cases
from bot.handoff.models import Case
from bot.live.hub import teams
from bot.staff import service as staff_service

router = APIRouter(prefix="/console", include_in_schema=False)


def _rows(
    db_session: Session, who: SignedIn, council: Council
) -> list[tuple[Case, str | None, int]]:
    """Each case with who holds it and how many minutes it has waited."""
    offers = None if staff_service.can_lead(who.staff) else list(who.staff.offers or [])
    found = cases.queue(
        db_session=db_session, council_slugs=covered_by(council.slug), offers=offers
    )
    names = staff_service.names({c.claimed_by for c in found if c.claimed_by},
                                db_session=db_session)  # fmt: skip
    now = utcnow()

    def waited(case: Case) -> int:
        since = as_utc(case.waiting_since or case.created_at)
        return int((now - since).total_seconds() // 60)

    return [(c, names.get(c.claimed_by), waited(c)) for c in found]


@router.get("")
def queue_page(request: Request, db_session: DbSession, council: ThisCouncil) -> Response:
    found = auth.signed_in(request, db_session)
    if found is not None and auth.home_page(found.staff) != "/console":
        return RedirectResponse(auth.home_page(found.staff), status_code=303)  # their own
    who = auth.require(request, db_session)
    hidden = cases.not_actionable(db_session=db_session, council_slugs=covered_by(council.slug))
    return render(request, "queue.html", who, rows=_rows(db_session, who, council), hidden=hidden)


@router.get("/queue")
def queue_fragment(
    request: Request, who: Adviser, db_session: DbSession, council: ThisCouncil
) -> Response:
    """The queue table alone, which the console's script swaps in when the queue changes."""
    return render(request, "queue_table.html", who, rows=_rows(db_session, who, council))


@router.post("/availability")
def set_availability(
    request: Request,
    who: Adviser,
    db_session: DbSession,
    hub: LiveHub,
    available: str = Form(""),
    csrf: str = Form(""),
) -> Response:
    auth.check_csrf(who, csrf)
    who.staff.available = available == "yes"
    if who.staff.available:
        hub.mark_present(who.staff.id, teams(who.staff.council_slug, who.staff.offers or []))
    else:
        hub.mark_absent(who.staff.id)
    audit.record(db_session=db_session, staff_id=who.staff.id,
                 action="available" if who.staff.available else "unavailable")  # fmt: skip
    return done(request, "/console")
