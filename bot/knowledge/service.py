"""Find the answer to a resident's question in the knowledge base in force, and say it plainly.

Pure functions over a year's YAML file (``councils/knowledge/``), so figures that change each
April live in configuration with their sources, never in code. Nothing here knows about Rasa:
the dialogue asks ``match`` for a topic and shows ``answer``'s text and buttons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.knowledge.models import AUDIENCES, PLACEHOLDER, KnowledgeBase, Topic, compile_pattern

KNOWLEDGE_DIR = PROJECT_ROOT / "councils" / "knowledge"
_APOSTROPHES = re.compile(r"['\u2018\u2019`\u00b4]")


class KnowledgeError(ValueError):
    """A knowledge file is missing, broken, or no file covers the date asked about."""


@dataclass(frozen=True)
class Answer:
    """What the assistant says: the answer with its source line, and the next steps."""

    key: str
    text: str
    buttons: list[dict[str, str]]
    source_url: str


def load(path: Path) -> KnowledgeBase:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return KnowledgeBase.parse_obj(raw)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"knowledge file not found: {path}") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise KnowledgeError(f"knowledge file {path.name}: {exc}") from exc


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> KnowledgeBase:
    return load(Path(path))


def _all(directory: Path) -> list[KnowledgeBase]:
    """Every year's file, re-read only when it changes, so officers need no restart."""
    stats = [(path, path.stat()) for path in sorted(directory.glob("*.yml"))]
    return [_load_cached(str(path), stat.st_mtime_ns, stat.st_size) for path, stat in stats]


def in_force(on: date, *, directory: Path = KNOWLEDGE_DIR) -> KnowledgeBase:
    """The knowledge base whose dates cover the day. Figures are never guessed across years:
    with no file for the date, or two that overlap, this fails loudly instead."""
    bases = _all(directory)
    covering = [kb for kb in bases if kb.valid_from <= on <= kb.valid_to]
    if len(covering) == 1:
        return covering[0]
    if covering:
        names = ", ".join(kb.name for kb in covering)
        raise KnowledgeError(f"knowledge files overlap on {on.isoformat()}: {names}")
    have = "; ".join(f"{kb.name} ({kb.valid_from} to {kb.valid_to})" for kb in bases) or "none"
    raise KnowledgeError(f"no knowledge file in {directory} covers {on.isoformat()}; files: {have}")


def normalise(text: str) -> str:
    """How patterns see a message: lower case, no apostrophes ("I'm" is "im"), single spaces."""
    return " ".join(_APOSTROPHES.sub("", text.lower()).split())


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    return compile_pattern(pattern, "pattern")


def _longest(patterns: list[str], message: str) -> int:
    lengths = [len(m.group(0)) for p in patterns if (m := _compiled(p).search(message))]
    return max(lengths, default=0)


def match(text: str, kb: KnowledgeBase, audience: str | None = None) -> Topic | None:
    """The topic a message asks about, or ``None``.

    Only questions are answered (``kb.question_pattern``), so answers to the assessment and
    search requests fall through to the dialogue. When several topics match, the one whose
    pattern covers the most of the message is the most specific and wins; on a tie, the one
    listed first. ``audience`` ("resident" or "employer") limits the topics to that audience.
    """
    if audience is not None and audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; use one of {', '.join(AUDIENCES)}")
    message = normalise(text)
    if not message or not _compiled(kb.question_pattern).search(message):
        return None
    best: Topic | None = None
    best_length = 0
    for topic in kb.topics:
        if audience is not None and topic.audience != audience:
            continue
        if any(_compiled(p).search(message) for p in topic.unless):
            continue
        length = _longest(topic.patterns, message)
        if length > best_length:
            best, best_length = topic, length
    return best


def long_date(day: date) -> str:
    """A date as residents read it: 6 December 2026."""
    return f"{day.day} {day:%B %Y}"


def answer(
    topic: Topic,
    kb: KnowledgeBase,
    *,
    council_name: str,
    council_phone: str,
    service_name: str,
    opening_hours: str = "",
) -> Answer:
    """The topic's answer with this year's figures and the council's details filled in."""
    values = {name: figure.value for name, figure in kb.figures.items()}
    values |= {
        "council_name": council_name,
        "council_phone": council_phone,
        "service_name": service_name,
        "opening_hours": opening_hours or "please phone for opening times",
    }

    def fill(found: re.Match[str]) -> str:
        try:
            return values[found.group(1)]
        except KeyError as exc:
            raise KnowledgeError(
                f"topic {topic.key}: no value for {found.group(0)} in {kb.name}"
            ) from exc

    body = PLACEHOLDER.sub(fill, topic.answer)
    source = f"Source: {topic.source.organisation}, checked {long_date(topic.checked)}."
    return Answer(
        key=topic.key,
        text=f"{body}\n{source}",
        buttons=[button.dict() for button in topic.buttons],
        source_url=topic.source.url,
    )
