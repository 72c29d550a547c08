"""How a console page is answered: rendered with the council's words and clocks, with the
console's headers, and after a form either JSON (for the console's script) or a redirect.

Shared by every console router so that a page, a refusal and a form's answer look and behave
the same wherever they come from.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from bot import templating
from bot.clock import as_utc
from bot.console import auth
from bot.console.auth import SignedIn
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.request import resolve as resolve_council
from bot.insight import outcomes as outcome_rules

HERE = Path(__file__).parent
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
TEAMS = {
    "youth_pathways": "Youth Pathways",
    "working_futures": "Working Futures",
    "skills_for_all": "Skills for All (careers)",
    "employer": "Employer team",
}
REASONS = {
    "crisis": "Crisis",
    "housing": "Losing their home",
    "asked": "Asked for a person",
    "not_understood": "Not understood",
    "assessment": "Finished assessment",
}
# A case's status as a GOV.UK Frontend tag colour.
TAG_COLOURS = {
    "open": "govuk-tag--blue",
    "waiting": "govuk-tag--orange",
    "live": "govuk-tag--green",
    "callback": "govuk-tag--yellow",
    "closed": "govuk-tag--grey",
}
STATUSES = {
    "open": "Open",
    "waiting": "Waiting in chat",
    "live": "Live chat",
    "callback": "Call back",
    "closed": "Closed",
}


def render(
    request: Request,
    template: str,
    who: SignedIn | None,
    status: int = 200,
    error_list: list[tuple[str | None, str]] | None = None,
    **context,
) -> HTMLResponse:
    """A console page. ``error_list`` holds (field id, what to do) pairs: the page starts with
    an error summary whose links go to those fields, and each field says what to do."""
    council = council_service.get(who.staff.council_slug) if who else resolve_council(request)
    page = templating.templates(HERE / "templates").get_template(template)
    body = page.render(
        council=council, who=who, path=request.url.path, home_page=auth.home_page,
        reasons=REASONS, statuses=STATUSES, offers=TEAMS, local=local_clock(council),
        tag_colours=TAG_COLOURS,
        **templating.error_context(error_list), **context,
    )  # fmt: skip
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def outcome_context(council: Council) -> dict:
    """The outcomes a case page or the insight shows: read only by those pages, so a mistake
    in the outcomes file never takes the sign-in page or the queue down."""
    rules = outcome_rules.rules(council.insight.outcome_rules)
    return {"outcomes": {o.key: o.label for o in rules.outcomes}, "outcome_rules": rules}


def local_clock(council: Council):
    zone = ZoneInfo(council.timezone)

    def local(moment: datetime | str | None, form: str = "%a %-d %b, %H:%M") -> str:
        """A moment as the council's clocks show it; an ISO string (from an export) too."""
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment)
        return as_utc(moment).astimezone(zone).strftime(form) if moment else ""

    return local


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def done(request: Request, location: str, **payload) -> Response:
    """After a form: JSON for the console's script, a redirect (post/redirect/get) otherwise."""
    if wants_json(request):
        return JSONResponse({"ok": True, **payload}, headers=HEADERS)
    return RedirectResponse(location, status_code=303)


def problem(request: Request, who: SignedIn, message: str, status: int = 409) -> Response:
    if wants_json(request):
        return JSONResponse({"ok": False, "error": message}, status_code=status, headers=HEADERS)
    return render(request, "problem.html", who, status=status, message=message)
