"""Jinja2 environments for the server-rendered pages, HTML always escaped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape


@lru_cache(maxsize=8)
def templates(folder: Path) -> Environment:
    return Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(["html"]))
