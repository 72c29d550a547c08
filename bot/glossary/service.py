"""Find the explanation for a term a resident asks about ("what's a T level?")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

TERMS_FILE = Path(__file__).with_name("terms.yml")


@dataclass(frozen=True)
class Term:
    name: str
    words: tuple[str, ...]
    meaning: str


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Term(t["name"], tuple(w.lower() for w in t["words"]), " ".join(t["meaning"].split()))
        for t in data["terms"]
    )


def _normal(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("-", " "))) + " "


def lookup(text: str) -> Term | None:
    """The term the text asks about; the longest matching words win ("level 2" over "level")."""
    normal = _normal(text)
    best: tuple[int, Term] | None = None
    for term in terms():
        for word in term.words:
            if _normal(word) in normal and (best is None or len(word) > best[0]):
                best = (len(word), term)
    return best[1] if best else None
