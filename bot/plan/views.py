"""A plan as a printable page (``/plans/{token}``) and as JSON (``/api/v1/plans/{token}``)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.exceptions import HTTPException
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import sessionmaker

from bot import templating
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.request import RequestCouncil
from bot.database.core import session_scope
from bot.deps import sessions
from bot.plan import service as plans
from bot.plan.models import PlanOut

router = APIRouter(tags=["plans"])
NOT_FOUND = (
    "We couldn't find that plan. The link may be mistyped, or the plan may have been deleted "
    "after the council's retention period."
)
PRIVATE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}


def _templates():
    return templating.templates(Path(__file__).with_name("templates"))


def _find(token: str, factory: sessionmaker) -> tuple[PlanOut, str]:
    """The plan and the slug of the council it was made with."""
    with session_scope(factory) as db:
        plan = plans.get_by_token(token, db_session=db)
        if plan is None:
            raise HTTPException(404, NOT_FOUND)
        return plans.to_out(plan), plan.council_slug


def _council(slug: str) -> Council:
    """The plan's own council: its branding and words, whichever address printed it. A plan
    made with a council since removed from this deployment keeps the home council's look."""
    try:
        return council_service.get(slug)
    except council_service.UnknownCouncil:
        return council_service.home()


@router.get("/api/v1/plans/{token}", response_model=PlanOut, summary="A resident's plan")
def plan_json(token: str, factory: sessionmaker = Depends(sessions)) -> PlanOut:
    """Anyone with the link can read the plan, so the link is long and random."""
    return _find(token, factory)[0]


@router.get("/plans/{token}", response_class=HTMLResponse, include_in_schema=False)
def plan_page(
    asked: RequestCouncil,
    token: str,
    print: bool = False,
    factory: sessionmaker = Depends(sessions),
) -> HTMLResponse:
    """The plan to read or print; ``?print=1`` opens the print dialogue (the widget's
    "Print my plan" loads it like that, out of sight)."""
    try:
        plan, council_slug = _find(token, factory)
    except HTTPException:
        page = (
            _templates()
            .get_template("missing.html")
            .render(message=NOT_FOUND, service_name=asked.service_name)
        )
        return HTMLResponse(page, status_code=404, headers=PRIVATE)
    council = _council(council_slug)
    branding = council.branding
    html = (
        _templates()
        .get_template("plan.html")
        .render(
            plan=plan,
            made_on=plan.created_at.strftime("%-d %B %Y"),
            colour=branding.primary_colour,
            text_colour=branding.text_on_primary,
            autoprint=print,
            service_name=council.service_name,
            logo_url=council_service.logo_url(council),
        )
    )
    return HTMLResponse(html, headers=PRIVATE)
