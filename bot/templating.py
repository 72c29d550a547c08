"""Jinja2 environments for the server-rendered pages, HTML always escaped. Each folder's own
templates first, then the partials every page may include (``bot/assets/templates``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

SHARED = Path(__file__).parent / "assets" / "templates"


@lru_cache(maxsize=8)
def templates(folder: Path) -> Environment:
    loader = ChoiceLoader([FileSystemLoader(folder), FileSystemLoader(SHARED)])
    return Environment(loader=loader, autoescape=select_autoescape(["html"]))
