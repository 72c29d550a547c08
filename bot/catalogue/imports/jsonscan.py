"""Reading a JSON feed item by item while knowing the line each item starts on.

Import reports name the line of every refused item so an officer can find it in their editor;
the standard ``json`` module does not report positions, so this walks the top-level structure
with ``raw_decode`` and records where each item of the item array begins.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bot.catalogue.imports.records import Parsed, Record
from bot.catalogue.imports.values import RowError

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


class FeedError(ValueError):
    """The file as a whole cannot be read; nothing in it is imported."""


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


def _line(text: str, pos: int, cache: list[int]) -> int:
    # cache = [last_pos, last_line], so counting newlines stays linear over the file
    last_pos, last_line = cache
    line = last_line + text.count("\n", last_pos, pos)
    cache[0], cache[1] = pos, line
    return line


def _array(text: str, pos: int, cache: list[int]) -> tuple[list[tuple[int, Any]], int]:
    items: list[tuple[int, Any]] = []
    pos = _skip(text, pos + 1)
    if pos < len(text) and text[pos] == "]":
        return items, pos + 1
    while True:
        pos = _skip(text, pos)
        line = _line(text, pos, cache)
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise FeedError(f"line {exc.lineno}: {exc.msg} (the file is not valid JSON)") from exc
        items.append((line, value))
        pos = _skip(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        if pos < len(text) and text[pos] == "]":
            return items, pos + 1
        raise FeedError(f"line {_line(text, pos, cache)}: expected , or ] in the list of items")


def items(text: str, keys: tuple[str, ...]) -> tuple[list[tuple[int, Any]], dict[str, Any]]:
    """The (line, item) pairs of the top-level array, or of the first of ``keys`` in an object.

    Also returns the object's other members (a feed's paging fields), or ``{}`` for an array.
    A single object that has none of ``keys`` is treated as a one-item feed.
    """
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(f"line {exc.lineno}: {exc.msg} (the file is not valid JSON)") from exc
    cache = [0, 1]
    start = _skip(text, 0)
    if isinstance(whole, list):
        found, _ = _array(text, start, cache)
        return found, {}
    if not isinstance(whole, dict):
        raise FeedError("the file should hold a JSON object or a list of items")
    key = next((k for k in keys if isinstance(whole.get(k), list)), None)
    if key is None:
        return [(_line(text, start, cache), whole)], {}
    # Walk the object's members to find where the item array starts.
    pos = _skip(text, start + 1)
    while pos < len(text):
        name, pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos)
        pos = _skip(text, pos + 1)  # the colon
        if name == key:
            found, _ = _array(text, pos, cache)
            return found, {k: v for k, v in whole.items() if k != key}
        _value, pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos)
        pos = _skip(text, pos + 1)  # the comma
    raise FeedError(f"could not find the list of items under {key!r}")


def parse_feed(
    path: Path,
    keys: tuple[str, ...],
    read: Callable[[Any], Record],
    label_key: str,
    unwrap: Callable[[Any], Any] = lambda item: item,
) -> Iterator[Parsed]:
    """Each item of a JSON feed read into a record, or refused with the reason, by line."""
    found, _rest = items(path.read_text(encoding="utf-8-sig"), keys)
    for line, raw in found:
        item = unwrap(raw)
        label = str(item.get(label_key, ""))[:60] if isinstance(item, dict) else ""
        try:
            yield Parsed(line, record=read(item), label=label)
        except RowError as exc:
            yield Parsed(line, error=str(exc), label=label)
