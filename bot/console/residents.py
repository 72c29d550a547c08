"""``/console/residents``: an admin finds what is held about a resident (by reference or by
the contact they gave), downloads a copy and erases it, and works through residents' requests
to be erased. Every step is in the audit log; a record that must be kept is shown as kept, with
the reason, and erasing leaves it alone."""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from bot import references
from bot.audit import service as audit
from bot.booking.contact import masked
from bot.console import auth
from bot.console.auth import SignedIn
from bot.console.deps import Admin, DbSession
from bot.console.pages import HEADERS, done, problem, render
from bot.conversation import tracker
from bot.database.core import checkpoint, session_scope
from bot.privacy import service as privacy

router = APIRouter(prefix="/console/residents", include_in_schema=False)


def _said(how: str, subject: privacy.Subject) -> str:
    return f"{how}: {', '.join(subject.references) or 'nothing held'}"


def _find(query: str, who: SignedIn, db) -> tuple[privacy.Subject, str]:
    """The resident in the admin's council, and how they were found (for the audit log: never
    the contact itself)."""
    slug = who.staff.council_slug
    if references.normalise_any(query):
        found = privacy.by_reference(query, council_slug=slug, db_session=db)
        return found, f"by reference {query.strip().upper()}"
    return privacy.by_contact(query, council_slug=slug, db_session=db), "by contact"


@router.get("")
def find(request: Request, who: Admin, db: DbSession, q: str = "") -> Response:
    waiting = [
        {"reference": r.reference, "contact": masked(r.contact or ""), "asked": r.created_at}
        for r in privacy.open_requests(council_slug=who.staff.council_slug, db_session=db)
    ]
    held, kept = None, {}
    if q.strip():
        subject, how = _find(q, who, db)
        audit.record(
            db_session=db,
            staff_id=who.staff.id,
            action="resident_looked_up",
            detail=_said(how, subject),
        )
        if subject:
            held = privacy.export(subject, db_session=db, with_notes=True)
            kept = privacy.kept_because(subject)
    return render(
        request,
        "residents.html",
        who,
        q=q.strip(),
        held=held,
        kept=list(kept.values()),
        waiting=waiting,
        searched=bool(q.strip()),
    )


@router.get("/export")
def export(who: Admin, db: DbSession, q: str = "") -> Response:
    subject, how = _find(q, who, db)
    held = privacy.export(subject, db_session=db, with_notes=True)
    audit.record(
        db_session=db,
        staff_id=who.staff.id,
        action="resident_exported",
        detail=_said(how, subject),
    )
    name = "-".join(held["references"]) or "nothing"
    return Response(
        json.dumps(held, indent=2, ensure_ascii=False),
        media_type="application/json; charset=utf-8",
        headers={**HEADERS, "Content-Disposition": f'attachment; filename="resident-{name}.json"'},
    )


@router.post("/erase")
def erase(
    request: Request, q: str = Form(""), confirm: str = Form(""), csrf: str = Form("")
) -> Response:
    # Its own unit of work, committed before Rasa's copies are forgotten below.
    with session_scope(request.app.state.sessions) as db:
        who = auth.require(request, db, admin=True)
        auth.check_csrf(who, csrf)
        if confirm != "yes":
            return problem(request, who, "Nothing was erased: tick the box to confirm first.", 422)
        subject, how = _find(q, who, db)
        found = subject.references
        gone = privacy.erase(subject, db_session=db)
        outcome = (
            f"Erased {gone['cases']} case(s), {gone['appointments']} appointment(s) and "
            f"{gone['plans']} plan(s). " + " ".join(gone["kept"])
        ).strip()
        for reference in found:
            privacy.close_requests(
                reference,
                council_slug=who.staff.council_slug,
                db_session=db,
                staff_id=who.staff.id,
                status="kept" if gone["kept"] else "erased",
                outcome=outcome,
            )
        audit.record(
            db_session=db,
            staff_id=who.staff.id,
            action="resident_erased",
            detail=f"{how}: {', '.join(found) or 'nothing held'}. {outcome}",
        )
    # Committed: now Rasa's copies (its tracker store and NLU cache), then SQLite's
    # write-ahead logs, which must not keep what was just erased.
    for conversation_id in gone["conversations"]:
        tracker.forget(request.app.state.tracker_engine, conversation_id)
        request.app.state.rasa.forget(conversation_id)
    checkpoint(request.app.state.engine)
    checkpoint(request.app.state.tracker_engine)
    # Back to what is still held (what was kept, or nothing), found by reference, not contact.
    return done(request, f"/console/residents?q={quote(found[0]) if found else ''}")
