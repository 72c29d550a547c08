"""Jinja2 environments for the server-rendered pages, HTML always escaped. Each folder's own
templates first, then the partials every page may include (``bot/assets/templates``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

SHARED = Path(__file__).parent / "assets" / "templates"


def error_context(error_list: list[tuple[str | None, str]] | None) -> dict:
    """What ``_error_summary.html`` and the fields read: the (field id, what to do) pairs, and
    the message for each field by its id."""
    errors = list(error_list or [])
    return {"error_list": errors, "errors": {field: said for field, said in errors if field}}


@lru_cache(maxsize=8)
def templates(folder: Path) -> Environment:
    loader = ChoiceLoader([FileSystemLoader(folder), FileSystemLoader(SHARED)])
    return Environment(loader=loader, autoescape=select_autoescape(["html"]))
