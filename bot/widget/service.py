"""The chat widget as one file: its modules joined, with the stylesheet inside, built once per
change.

One request, no build tools: the script is kept as small modules in ``web_widget/src/`` (the
pure ones are tested alone with Node's test runner) and the stylesheet as CSS, for editing; when
served they are joined in ``MODULES`` order inside one function, the stylesheet placed into the
script as a string, and the widget puts it into its shadow root.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.config import PROJECT_ROOT
from bot.council import service as council_service
from bot.council.models import Council

WIDGET_DIR = PROJECT_ROOT / "web_widget"
SOURCE_DIR = WIDGET_DIR / "src"
STYLESHEET = WIDGET_DIR / "worklocal.css"
# Each module uses only those before it; widget.js, last, wires them together and starts.
MODULES = (
    "phones.js",  # phone numbers in text (pure)
    "markdown.js",  # the assistant's Markdown as data (pure)
    "theme.js",  # the council's colour, kept readable (pure)
    "machine.js",  # the conversation's phases (pure)
    "kiosk.js",  # the idle watch on a library kiosk
    "storage.js",  # this tab's copy of the conversation
    "transport.js",  # the socket and HTTP
    "render.js",  # drawing messages, cards, plans and bookings
    "widget.js",  # the panel and the conversation
)
HEADER = """/* The Work Local chat widget: one <script> tag adds a chat to any page.
 *
 *   <script src="https://HOST/widget/worklocal.js" data-council="demo" async></script>
 *
 * data-api (default: where the script came from), data-council, data-mode ("web" or "kiosk"),
 * data-colour (brand colour, #rrggbb), data-phone (shown if the service can't be reached),
 * data-idle-warning / data-idle-wipe (kiosk, seconds: 120 and 180).
 *
 * Built from web_widget/src/ (one module per concern); Shadow DOM keeps the council's styles out
 * and ours in, and nothing a resident or the server sends is ever parsed as HTML.
 */
"""
CSS_PLACEHOLDER = '"__WORKLOCAL_CSS__"'


@dataclass(frozen=True)
class Bundle:
    body: bytes
    gzipped: bytes
    etag: str


def bundle() -> Bundle:
    files = [SOURCE_DIR / name for name in MODULES] + [STYLESHEET]
    return _build(tuple(path.stat().st_mtime_ns for path in files))


@lru_cache(maxsize=2)
def _build(_mtimes: tuple[int, ...]) -> Bundle:
    """The modules inside one function whose ``module`` is undefined: their lines that hand
    the pure parts to Node's tests do nothing in a browser, whatever the page defines."""
    parts = [
        f"// ---- {name}\n" + (SOURCE_DIR / name).read_text(encoding="utf-8") for name in MODULES
    ]
    script = HEADER + '(function (module) {\n"use strict";\n' + "\n".join(parts) + "})();\n"
    if CSS_PLACEHOLDER not in script:
        raise RuntimeError("web_widget/src/widget.js lost its stylesheet placeholder")
    style = STYLESHEET.read_text(encoding="utf-8")
    body = script.replace(CSS_PLACEHOLDER, json.dumps(_minify_css(style)), 1).encode()
    return Bundle(body, gzip.compress(body, 9, mtime=0), hashlib.sha256(body).hexdigest()[:16])


def _minify_css(css: str) -> str:
    """Drop comments and indentation: the stylesheet travels inside the script."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return "\n".join(line.strip() for line in css.splitlines() if line.strip())


def _own(url: str, council: Council) -> str:
    """A page of this server (``/privacy``) as the council's own: its retention periods and
    numbers, not another council's. A council's own site's address is left as it is."""
    if not url.startswith("/") or url.startswith("//"):
        return url
    return f"{url}{'&' if '?' in url else '?'}council={council.slug}"


LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}


def public_config(council: Council, max_message_chars: int) -> dict:
    """What the widget shows before and around the conversation."""
    return {
        "council": council.slug,
        "council_name": council.name,
        "service_name": council.service_name,
        "phone": council.phone,
        "opening_hours": council_service.opening_hours_text(council),
        "privacy_url": _own(council.privacy_url, council),
        "accessibility_url": _own(council.accessibility_url, council),
        "colour": council.branding.primary_colour,
        "logo_url": council_service.logo_url(council),
        "max_message_chars": max_message_chars,
        "demo": council.demo,
    }


def allowed_origin(origin: str | None, host: str | None, allowed: list[str]) -> bool:
    """Whether a browser page at ``origin`` may open the chat socket: this server's own pages,
    the council sites configured in WIDGET_ORIGINS, or no browser at all (no Origin header)."""
    if not origin:
        return True
    if origin.rstrip("/") in allowed:
        return True
    return bool(host) and origin.split("://", 1)[-1].rstrip("/") == host
