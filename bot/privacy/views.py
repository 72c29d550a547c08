"""``/my-information``: a resident sees what is held about them, downloads a copy, and asks
for it to be erased, with their reference and the contact they gave (UK GDPR articles 15
and 17). Trying references is limited per network address like looking up a booking."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import sessionmaker

from bot.booking.contact import InvalidContact
from bot.council.models import Council
from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import client_address, sessions
from bot.privacy import service
from bot.ratelimit.service import in_council
from bot.website.views import base_of, render

router = APIRouter(include_in_schema=False)
TITLE = "See or delete what we hold about you"
NOT_FOUND = (
    "We couldn't find anything held under that reference with that phone number or email "
    "address. Check both are as you gave them (the reference is in the chat, on your plan or on "
    "your appointment's confirmation)."
)
ACTIONS = ("show", "download", "erase")
MISSING = {
    "reference": "Enter your reference",
    "contact": "Enter the phone number or email address you gave with it",
}


def _page(request: Request, council: Council, status: int = 200, **context) -> HTMLResponse:
    zone = ZoneInfo(council.timezone)

    def local(moment: str | None) -> str:
        """An ISO time from the copy as the council's clocks show it: "Mon 7 Dec 2026, 13:30"."""
        return (
            datetime.fromisoformat(moment).astimezone(zone).strftime("%a %-d %b %Y, %H:%M")
            if moment
            else ""
        )

    page = render("my_information.html", council, base=base_of(request), title=TITLE,
                  path="/my-information", local=local, **context)  # fmt: skip
    return HTMLResponse(page, status_code=status)


@router.get("/my-information", response_class=HTMLResponse)
def ask(request: Request, council: RequestCouncil) -> HTMLResponse:
    return _page(request, council)


@router.post("/my-information", response_class=HTMLResponse)
def answer(
    request: Request,
    council: RequestCouncil,
    reference: str = Form("", max_length=40),
    contact: str = Form("", max_length=254),
    action: str = Form("show"),
    factory: sessionmaker = Depends(sessions),
) -> Response:
    request.app.state.limiter.check(
        "booking_lookup", in_council(council.slug, client_address(request))
    )
    asked = {"reference": reference.strip(), "contact": contact.strip()}
    missing = [(field, MISSING[field]) for field, given in asked.items() if not given]
    if missing:
        return _page(request, council, 422, error_list=missing, **asked)
    not_found = [("reference", NOT_FOUND)]
    with session_scope(factory) as db:
        subject = service.for_resident(reference, contact, council_slug=council.slug,
                                       db_session=db)  # fmt: skip
        if not subject or action not in ACTIONS:
            return _page(request, council, 404, error_list=not_found, **asked)
        if action == "erase":
            try:
                service.request_erasure(reference, contact, council_slug=council.slug,
                                        db_session=db)  # fmt: skip
            except InvalidContact:
                return _page(request, council, 404, error_list=not_found, **asked)
            return _page(request, council, erasure_asked=True, references=subject.references)
        held = service.export(subject, db_session=db, with_notes=False)
    if action == "download":
        body = json.dumps(held, indent=2, ensure_ascii=False)
        filename = f"what-we-hold-{'-'.join(held['references']) or 'you'}.json"
        disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
        return Response(body, media_type="application/json; charset=utf-8", headers=disposition)
    return _page(request, council, held=held, **asked)
