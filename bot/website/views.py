"""A demo council website, so `make run` shows the widget where residents meet it: on a
council's pages (``/``), and full screen on a library kiosk (``/kiosk``). Also the privacy notice
and accessibility statement the widget links to, which a real council publishes itself."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bot import templating
from bot.config import get_settings
from bot.council import service as council_service
from bot.council.models import Council
from bot.council.request import RequestCouncil

router = APIRouter(include_in_schema=False)
PAGES = {
    "/": ("home.html", "Employment and skills"),
    "/adult-learning": ("adult_learning.html", "Adult learning"),
    "/privacy": ("privacy.html", "How the {service} assistant uses your information"),
    "/accessibility": (
        "accessibility.html",
        "Accessibility statement for the {service} assistant",
    ),
}
# The kiosk page must never come back from the browser's cache with someone else's chat on it.
NO_STORE = {"Cache-Control": "no-store"}


def _templates():
    return templating.templates(Path(__file__).with_name("templates"))


def base_of(request: Request) -> str:
    """The council's path prefix (``/c/SLUG``) the page was asked through, for its links."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def render(
    template: str,
    council: Council,
    error_list: list[tuple[str | None, str]] | None = None,
    base: str = "",
    **context,
) -> str:
    """A page of the council's site, with the council's details every page shows.
    ``error_list`` holds (field id, what to do) pairs for the page's error summary; ``base``
    is the path prefix the council's pages are under, if any."""
    return (
        _templates()
        .get_template(template)
        .render(
            council=council,
            base=base,
            hours=council_service.opening_hours_text(council),
            logo_url=council_service.logo_url,
            max_chars=get_settings().max_message_chars,
            **templating.error_context(error_list),
            **context,
        )
    )


COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _page(path: str):
    template, title = PAGES[path]

    def page(request: Request, council: RequestCouncil, colour: str | None = None) -> HTMLResponse:
        """``?colour=%23rrggbb`` shows the widget in another council's brand colour."""
        chosen = colour if colour and COLOUR.match(colour) else None
        return HTMLResponse(
            render(
                template,
                council,
                base=base_of(request),
                title=title.format(service=council.service_name),
                path=path,
                colour=chosen,
            )
        )

    page.__name__ = f"page_{template.removesuffix('.html')}"
    return page


for _path in PAGES:
    router.add_api_route(_path, _page(_path), methods=["GET"], response_class=HTMLResponse)


@router.get("/kiosk", response_class=HTMLResponse)
def kiosk(
    request: Request,
    council: RequestCouncil,
    idle_warning: int | None = None,
    idle_wipe: int | None = None,
) -> HTMLResponse:
    """Kiosk mode. ``idle_warning``/``idle_wipe`` (seconds) shorten the timers for testing."""
    html = render("kiosk.html", council, base=base_of(request), title=council.service_name,
                  idle_warning=idle_warning, idle_wipe=idle_wipe)  # fmt: skip
    return HTMLResponse(html, headers=NO_STORE)
