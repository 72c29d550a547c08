"""Turning what a resident types into a search: words, phrases, synonyms, typo repair.

The same parsed query drives SQLite FTS5 and PostgreSQL full-text search, so both engines agree
on which words matter; each engine applies its own English stemmer to the words.

Three rules keep a search about what the resident asked for:

- **Exact first.** Each word keeps what was typed (``exact``) apart from its synonyms
  (``wider``): synonyms only widen a search when the exact words find little, and never outrank
  them. "cyber security" must not become "door supervisor".
- **Phrases.** Adjacent words ("data entry", "cyber security") are one subject: records with the
  words together, and in the title, rank first. "and", "or" and commas separate subjects.
- **Real words are never repaired.** A word the catalogue never uses is only "corrected" when it
  is not a real English word either (``english.py``); a real word the catalogue lacks is a
  subject the catalogue does not have, which the resident must be told.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.catalogue.search import english

SYNONYMS_FILE = Path(__file__).with_name("synonyms.yml")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+|[,;/&+]", re.UNICODE)
SEPARATORS = frozenset({",", ";", "/", "&", "+", "and", "or", "plus"})
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
    exact: list[Phrase]  # what was typed, or what a repaired word or an abbreviation means
    wider: list[Phrase] = field(default_factory=list)  # synonyms, for when exact finds little
    corrected: bool = False
    noise: bool = False  # not a word at all: not in the catalogue, not English, not repairable
    in_catalogue: bool = True  # False for a real word no record uses ("cyber")

    @property
    def alternatives(self) -> list[Phrase]:
        return list(dict.fromkeys([*self.exact, *self.wider]))

    @property
    def head(self) -> Phrase:
        """The phrase this group stands for in a phrase of several words."""
        return self.exact[0]


@dataclass
class ParsedQuery:
    subjects: list[list[Group]] = field(default_factory=list)  # adjacent words, split at "and"
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def groups(self) -> list[Group]:
        return [g for subject in self.subjects for g in subject]

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def widens(self) -> bool:
        """Whether synonyms add anything to the exact words."""
        return any(g.wider for g in self.groups)

    @property
    def phrases(self) -> list[Phrase]:
        """The multi-word subjects the resident typed, as phrases ("cyber security")."""
        return [
            tuple(w for g in subject for w in g.head)
            for subject in self.subjects
            if len(subject) > 1 and not any(g.noise for g in subject)
        ]

    @property
    def main(self) -> list[Group]:
        """The words that carry the request: all but the noise."""
        return [g for g in self.groups if not g.noise]

    @property
    def may_relax(self) -> bool:
        """Whether records with only some of the words may be shown when none has them all.

        Only when every word left out could still be found: a real word the catalogue never
        uses ("cyber" in "cyber security") is what the resident asked for, and showing records
        with the other words ("security": door supervisors) would answer a different question.
        Noise (a word that is no word at all) is always left out.
        """
        main = self.main
        relaxes = len(main) > 1 or len(main) < len(self.groups)
        return bool(main) and relaxes and all(g.in_catalogue for g in main)


@dataclass(frozen=True)
class Thesaurus:
    groups: dict[Phrase, tuple[Phrase, ...]]
    abbreviations: dict[Phrase, tuple[Phrase, ...]]
    stopwords: frozenset[str]
    related: dict[Phrase, tuple[str, ...]] = field(default_factory=dict)

    @property
    def known_words(self) -> set[str]:
        found = {w for phrase in self.groups for w in phrase}
        return found | {w for phrase in self.abbreviations for w in phrase}

    @property
    def phrases(self) -> set[Phrase]:
        """Every multi-word entry, so request phrasing around it is never taken apart."""
        return {p for p in [*self.groups, *self.abbreviations, *self.related] if len(p) > 1}


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
    related = {
        _phrase(k): tuple(str(v) for v in values)
        for k, values in (data.get("related") or {}).items()
    }
    stopwords = frozenset(str(w).lower() for w in data.get("stopwords", []))
    return Thesaurus(groups, abbreviations, stopwords, related)


def parse(text: str, vocabulary: Vocabulary | None = None) -> ParsedQuery:
    """Group the query's words into subjects, with synonyms kept apart from the exact words.

    Multi-word synonyms ("care worker") are matched greedily, longest first, so they stay phrases.
    """
    th = thesaurus()
    tokens = [t.lower() for t in _TOKEN.findall(text or "")][: MAX_QUERY_WORDS * 3]
    query = ParsedQuery()
    subject: list[Group] = []
    i = 0
    while i < len(tokens) and len(query.groups) + len(subject) < MAX_QUERY_WORDS:
        group, size = _known_phrase(tokens, i, th)
        if group is None and tokens[i] in SEPARATORS:
            if subject:
                query.subjects.append(subject)
            subject = []
        elif group is None and _meaningful(tokens[i], th):
            group = _plain(tokens[i], vocabulary, th, query)
        if group is not None:
            group.in_catalogue = group.in_catalogue and _findable(group, vocabulary)
            subject.append(group)
        i += size
    if subject:
        query.subjects.append(subject)
    return query


def _known_phrase(tokens: list[str], i: int, th: Thesaurus) -> tuple[Group | None, int]:
    """The longest synonym or abbreviation starting at ``tokens[i]``, and how many tokens."""
    for size in range(min(MAX_PHRASE_WORDS, len(tokens) - i), 0, -1):
        phrase = tuple(tokens[i : i + size])
        if phrase in th.abbreviations:
            return Group(" ".join(phrase), list(th.abbreviations[phrase])), size
        if phrase in th.groups:
            others = [p for p in th.groups[phrase] if p != phrase]
            return Group(" ".join(phrase), [phrase], others), size
    return None, 1


def _findable(group: Group, vocabulary: Vocabulary | None) -> bool:
    """Whether some record could match: each word of one of its phrases is in the catalogue.

    The catalogue's vocabulary holds words of four letters or more, so shorter words and
    numbers are taken as findable.
    """
    if vocabulary is None or group.noise:
        return not group.noise
    return any(
        all(len(w) < 4 or not w.isalpha() or vocabulary.in_catalogue(w) for w in phrase)
        for phrase in group.alternatives
    )


def _meaningful(word: str, th: Thesaurus) -> bool:
    return (
        word not in th.stopwords
        and _WORD.fullmatch(word) is not None
        and (len(word) > 1 or word.isdigit())
    )


def _plain(
    word: str, vocabulary: Vocabulary | None, th: Thesaurus, query: ParsedQuery
) -> Group | None:
    """A word outside the thesaurus: kept, repaired if it is a misspelling, or marked noise.

    ``None`` for a misspelt stop word ("cours" for "course"): it meant nothing to search for.
    """
    group = Group(word, [(word,)])
    if vocabulary is None or word.isdigit() or len(word) < 4 or not word.isalpha():
        return group
    if word in vocabulary or english.is_english(word):
        return group  # a real word the catalogue lacks is a subject it does not have
    return _repair(group, vocabulary, th, query)


def _repair(
    group: Group, vocabulary: Vocabulary, th: Thesaurus, query: ParsedQuery
) -> Group | None:
    """Neither a catalogue word nor English: probably misspelt, so try the nearest words."""
    word = group.said
    fixes = vocabulary.nearest(word)
    if fixes and fixes[0] in th.stopwords:
        return None
    fixes = [f for f in fixes if f not in th.stopwords]
    if not fixes:
        return Group(word, [(word,)], noise=True, in_catalogue=False)
    query.corrections[word] = fixes[0]
    exact: list[Phrase] = [(fix,) for fix in fixes] + [(word,)]
    wider: list[Phrase] = []
    for fix in fixes:
        wider.extend(p for p in th.groups.get((fix,), ()) if p not in exact)
    return Group(word, exact, list(dict.fromkeys(wider)), corrected=True)


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

    ``catalogue`` is the part that records really use (the rest comes from the thesaurus), so a
    search can tell a word it may find from one it never will.
    """

    def __init__(self, known: set[str], catalogue: Iterable[str] | None = None) -> None:
        self.words = frozenset(w for w in known if w.isalpha())
        self.catalogue = self.words if catalogue is None else frozenset(catalogue)
        self._index: dict[str, set[str]] = {}
        for word in self.words:
            if len(word) < 4:
                continue
            for key in {word} | _deletes(word):
                self._index.setdefault(key, set()).add(word)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def in_catalogue(self, word: str) -> bool:
        return word in self.catalogue

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


# Words Porter's stemmer makes one that residents never mean as one: "office" work is no
# "Security Officer". Kept apart when ranking titles (the index still matches both).
DISTINCT = {"officer": "officer", "officers": "officer"}


class _Stemmer:
    """The Porter stemmer of SQLite's FTS5 (the one the SQLite index uses), for comparing titles.

    Ranking checks in Python whether a title holds the resident's words ("Coding" for "coding"),
    the same way on both engines; asking SQLite's own stemmer keeps that in step with the index.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE words USING fts5(w, "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        self._db.execute("CREATE VIRTUAL TABLE stems USING fts5vocab(words, 'instance')")
        self._known: dict[str, str] = {}

    def __call__(self, tokens: Sequence[str]) -> tuple[str, ...]:
        missing = sorted({t for t in tokens if t not in self._known})
        if missing:
            with self._lock:
                self._learn(missing)
        return tuple(DISTINCT.get(t) or self._known.get(t, t) for t in tokens)

    def _learn(self, missing: list[str]) -> None:
        self._db.executemany(
            "INSERT INTO words (rowid, w) VALUES (?, ?)", list(enumerate(missing, 1))
        )
        for doc, term in self._db.execute("SELECT doc, term FROM stems WHERE offset = 0"):
            self._known[missing[doc - 1]] = term
        self._db.execute("DELETE FROM words")
        if len(self._known) > 200_000:
            self._known.clear()  # a bound on memory; the words come back on demand


stems = _Stemmer()
