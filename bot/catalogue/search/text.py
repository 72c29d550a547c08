"""Turning what a resident types into a search: words, synonyms, typo repair.

The same parsed query drives SQLite FTS5 and PostgreSQL full-text search, so both engines agree
on which words matter; each engine applies its own English stemmer to the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

SYNONYMS_FILE = Path(__file__).with_name("synonyms.yml")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_WORDS = 12
MAX_PHRASE_WORDS = 6


def words(text: str | None) -> list[str]:
    """Lower-case word tokens, the way the index tokenises text (punctuation splits words)."""
    return [w.lower() for w in _WORD.findall(text or "")]


Phrase = tuple[str, ...]


@dataclass
class Group:
    """One thing the resident asked for, and every way a record may say it."""

    said: str
    alternatives: list[Phrase]
    corrected: bool = False


@dataclass
class ParsedQuery:
    groups: list[Group] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.groups


@dataclass(frozen=True)
class Thesaurus:
    groups: dict[Phrase, tuple[Phrase, ...]]
    abbreviations: dict[Phrase, tuple[Phrase, ...]]
    stopwords: frozenset[str]

    @property
    def known_words(self) -> set[str]:
        found = {w for phrase in self.groups for w in phrase}
        return found | {w for phrase in self.abbreviations for w in phrase}


def _phrase(text: str) -> Phrase:
    return tuple(words(str(text)))


@lru_cache(maxsize=4)
def thesaurus(path: Path = SYNONYMS_FILE) -> Thesaurus:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups: dict[Phrase, tuple[Phrase, ...]] = {}
    for members in data.get("equivalent", []):
        phrases = tuple(dict.fromkeys(_phrase(m) for m in members if _phrase(m)))
        for phrase in phrases:
            groups[phrase] = tuple(dict.fromkeys(groups.get(phrase, ()) + phrases))
    abbreviations = {
        _phrase(k): tuple(_phrase(v) for v in values)
        for k, values in (data.get("abbreviations") or {}).items()
    }
    stopwords = frozenset(str(w).lower() for w in data.get("stopwords", []))
    return Thesaurus(groups, abbreviations, stopwords)


def parse(text: str, vocabulary: Vocabulary | None = None) -> ParsedQuery:
    """Group the query's words, expanding synonyms and repairing words the index has never seen.

    Multi-word synonyms ("care worker") are matched greedily, longest first, so they stay phrases.
    """
    th = thesaurus()
    tokens = words(text)[: MAX_QUERY_WORDS * 2]
    query = ParsedQuery()
    i = 0
    while i < len(tokens) and len(query.groups) < MAX_QUERY_WORDS:
        for size in range(min(MAX_PHRASE_WORDS, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i : i + size])
            if phrase in th.abbreviations:
                query.groups.append(Group(" ".join(phrase), list(th.abbreviations[phrase])))
                break
            if phrase in th.groups:
                query.groups.append(Group(" ".join(phrase), list(th.groups[phrase])))
                break
        else:
            word = tokens[i]
            size = 1
            if word not in th.stopwords and (len(word) > 1 or word.isdigit()):
                query.groups.append(_repair(word, vocabulary, th, query))
        i += size
    return query


def _repair(word: str, vocabulary: Vocabulary | None, th: Thesaurus, query: ParsedQuery) -> Group:
    """A word the catalogue never uses is probably misspelt: try the nearest words it does use."""
    if vocabulary is None or word.isdigit() or len(word) < 4 or word in vocabulary:
        return Group(word, [(word,)])
    fixes = vocabulary.nearest(word)
    if not fixes:
        return Group(word, [(word,)])
    query.corrections[word] = fixes[0]
    alternatives: list[Phrase] = [(word,)]
    for fix in fixes:
        alternatives.extend(th.groups.get((fix,), ((fix,),)))
    return Group(word, list(dict.fromkeys(alternatives)), corrected=True)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (adjacent swaps count once), stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Vocabulary:
    """The words the catalogue uses, indexed for near-miss lookup (symmetric delete, distance 2).

    Each known word is stored under itself and its one-letter deletions; a query word looks up
    itself and its one- and two-letter deletions, and every candidate is confirmed by a real edit
    distance. That finds typical typos (a missing, extra, swapped or wrong letter or two) in a few
    hundred dictionary probes, whatever the vocabulary size.
    """

    def __init__(self, known: set[str]) -> None:
        self.words = frozenset(w for w in known if w.isalpha())
        self._index: dict[str, set[str]] = {}
        for word in self.words:
            if len(word) < 4:
                continue
            for key in {word} | _deletes(word):
                self._index.setdefault(key, set()).add(word)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def nearest(self, word: str, limit: int = 3) -> list[str]:
        max_distance = 1 if len(word) <= 5 else 2
        keys = {word} | _deletes(word)
        if max_distance == 2:
            keys |= {d2 for d1 in list(keys) for d2 in _deletes(d1)}
        candidates = {c for key in keys for c in self._index.get(key, ())}
        scored = sorted(
            (d, c)
            for c in candidates
            if (d := edit_distance(word, c, max_distance)) <= max_distance
        )
        return [c for _d, c in scored[:limit]]
