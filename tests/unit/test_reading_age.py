"""Every text a resident reads is plain English: the assistant's responses, the sentences its
actions and the gateway write, the knowledge base's answers and the routing's reasons, each
scored by ``bot.readability`` against the agreed level."""

from __future__ import annotations

import ast
import re
import statistics
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot import readability
from bot.config import PROJECT_ROOT
from bot.council.service import load
from bot.knowledge import service as knowledge

# Where resident-facing sentences are written in code. (The console's pages are for advisers.)
SOURCES = [
    *sorted((PROJECT_ROOT / "actions").glob("*.py")),
    PROJECT_ROOT / "bot" / "conversation" / "aftercare.py",
    PROJECT_ROOT / "bot" / "conversation" / "guard.py",
    PROJECT_ROOT / "bot" / "conversation" / "service.py",
    PROJECT_ROOT / "bot" / "plan" / "service.py",
    PROJECT_ROOT / "bot" / "booking" / "flows.py",
    PROJECT_ROOT / "bot" / "assessment" / "read.py",
    PROJECT_ROOT / "bot" / "assessment" / "say.py",
]
MIN_WORDS = 8  # shorter texts ("Sorry, I didn't understand that.") give noise, not a score


def _literal(node: ast.AST) -> str | None:
    """A string or f-string as written, with each {value} standing for a short word."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{it}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, kinds) and n.body and isinstance(n.body[0], ast.Expr)
    }


def _sentences_in(path: Path) -> list[tuple[str, str]]:
    """The sentences a file writes: string literals of several words that end like prose."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in docs or (isinstance(node, ast.Constant) and id(node) in docs):
            continue
        text = _literal(node)
        if text and re.search(r"[a-z][.?!](\s|$)", text) and not re.match(r"[\^\\/(]", text):
            found.append((f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}", text))
    return found


def _texts() -> list[tuple[str, str]]:
    texts = []
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    for name, variants in domain["responses"].items():
        texts += [(name, v["text"]) for v in variants if v.get("text")]
    for path in SOURCES:
        texts += _sentences_in(path)
    council = load(PROJECT_ROOT / "councils" / "demo.yml")
    kb = knowledge.in_force(date(2026, 12, 6))
    for topic in kb.topics:
        said = knowledge.answer(topic, kb, council_name=council.name, council_phone=council.phone,
                                service_name=council.service_name)  # fmt: skip
        texts.append((f"knowledge:{topic.key}", said.text.rsplit("\n", 1)[0]))
    routing = yaml.safe_load(
        (PROJECT_ROOT / "councils" / "routing" / "england-2026-27.yml").read_text(encoding="utf-8")
    )
    for offer in routing["offers"]:
        texts += [(f"routing:{offer['key']}", r["reason"]) for r in offer["routes"]]
    texts += [(f"routing:{e['key']}", e["reason"]) for e in routing["entitlements"]]
    texts += [(f"routing:{r['barrier']}", f"{r['reason']} {r.get('how') or ''}")
              for r in routing["referrals"]]  # fmt: skip
    return [(where, text) for where, text in texts if len(text.split()) >= MIN_WORDS]


TEXTS = _texts()


def test_there_are_texts_from_every_source():
    places = {where.split(":")[0] for where, _ in TEXTS}
    assert {"actions/safety.py", "actions/booking.py", "knowledge", "routing"} <= places
    assert len(TEXTS) > 150


@pytest.mark.parametrize(("where", "text"), TEXTS, ids=[w for w, _ in TEXTS])
def test_each_text_is_at_the_agreed_level(where, text):
    reading = readability.score(text)
    assert reading.grade <= readability.MOST, (
        f"{where} reads at grade {reading.grade:.1f} (most {readability.MOST}): "
        f"{readability.prose(text)!r}. Use shorter sentences and everyday words."
    )


def test_the_texts_together_are_at_a_reading_age_of_about_nine():
    average = statistics.mean(readability.score(text).grade for _, text in TEXTS)
    assert average <= readability.AVERAGE


def test_the_measure_tells_plain_from_hard():
    plain = "You can get help to find a job. Tell me what you like to do, and I will look."
    hard = (
        "Notwithstanding eligibility considerations, individuals participating in employment "
        "programmes consequently experience substantially improved occupational outcomes."
    )
    assert readability.score(plain).grade <= 3 < readability.MOST < readability.score(hard).grade
