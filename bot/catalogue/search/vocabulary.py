"""The catalogue's vocabulary, kept in step with imports and cached between searches."""

from __future__ import annotations

import time
from collections.abc import Iterable

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bot.catalogue.search.models import SearchTerm
from bot.catalogue.search.text import Vocabulary, thesaurus, words

_CACHE: dict[str, tuple[float, int, Vocabulary]] = {}
RECHECK_SECONDS = 30.0
MAX_TERM_CHARS = 60


def vocabulary(db_session: Session) -> Vocabulary:
    """Rebuilt when the number of stored terms changes (checked at most every 30 s)."""
    key = str(db_session.get_bind().url)
    now = time.monotonic()
    cached = _CACHE.get(key)
    if cached and now - cached[0] < RECHECK_SECONDS:
        return cached[2]
    count = db_session.execute(select(func.count()).select_from(SearchTerm)).scalar_one()
    if cached and cached[1] == count:
        _CACHE[key] = (now, count, cached[2])
        return cached[2]
    terms = set(db_session.execute(select(SearchTerm.term)).scalars())
    built = Vocabulary(terms | thesaurus().known_words, catalogue=terms)
    _CACHE[key] = (now, count, built)
    return built


def forget_cache() -> None:
    _CACHE.clear()


def add(db_session: Session, texts: Iterable[str]) -> None:
    """Record the words of newly indexed text (never removed: a stale word only costs a probe)."""
    found = set()
    for text in texts:
        found.update(w for w in words(text) if w.isalpha() and 3 < len(w) <= MAX_TERM_CHARS)
    if not found:
        return
    known = set()
    found_list = sorted(found)
    for start in range(0, len(found_list), 500):
        chunk = found_list[start : start + 500]
        known.update(
            db_session.execute(select(SearchTerm.term).where(SearchTerm.term.in_(chunk))).scalars()
        )
    new = [{"term": t} for t in found_list if t not in known]
    if new:
        db_session.execute(insert(SearchTerm), new)
    forget_cache()
