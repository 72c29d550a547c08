"""The chat widget as one file: the script with its stylesheet inside, built once per change.

One request, no build tools: the stylesheet is kept as CSS in ``web_widget/`` for editing and
placed into the script as a string when served, and the widget puts it into its shadow root.
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
CSS_PLACEHOLDER = '"__WORKLOCAL_CSS__"'


@dataclass(frozen=True)
class Bundle:
    body: bytes
    gzipped: bytes
    etag: str


def bundle() -> Bundle:
    script, style = WIDGET_DIR / "worklocal.js", WIDGET_DIR / "worklocal.css"
    return _build(script.stat().st_mtime_ns, style.stat().st_mtime_ns)


@lru_cache(maxsize=2)
def _build(_script_mtime: int, _style_mtime: int) -> Bundle:
    script = (WIDGET_DIR / "worklocal.js").read_text(encoding="utf-8")
    style = (WIDGET_DIR / "worklocal.css").read_text(encoding="utf-8")
    if CSS_PLACEHOLDER not in script:
        raise RuntimeError("web_widget/worklocal.js lost its stylesheet placeholder")
    body = script.replace(CSS_PLACEHOLDER, json.dumps(_minify_css(style)), 1).encode()
    return Bundle(body, gzip.compress(body, 9, mtime=0), hashlib.sha256(body).hexdigest()[:16])


def _minify_css(css: str) -> str:
    """Drop comments and indentation: the stylesheet travels inside the script."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return "\n".join(line.strip() for line in css.splitlines() if line.strip())


def public_config(council: Council, max_message_chars: int) -> dict:
    """What the widget shows before and around the conversation."""
    return {
        "council_name": council.name,
        "service_name": council.service_name,
        "phone": council.phone,
        "opening_hours": council_service.opening_hours_text(council),
        "privacy_url": council.privacy_url,
        "accessibility_url": council.accessibility_url,
        "colour": council.branding.primary_colour,
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
