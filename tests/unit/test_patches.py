"""The Rasa patches: one table, checked against the pinned Rasa before any is applied, and
switched off by WORKLOCAL_RASA_PATCHES=off; the NLU cache forgets with its conversations."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from bot.assistant import nlu_cache, patches
from bot.config import PROJECT_ROOT


def test_every_patched_function_is_the_one_its_patch_was_written_for():
    patches.check()  # raises, naming the patch, if Rasa's code is not what was patched
    assert len({p.target for p in patches.PATCHES}) == len(patches.PATCHES)
    assert all(p.why and p.gain for p in patches.PATCHES)


def test_the_documented_table_lists_every_patch_with_its_fingerprint():
    table = (PROJECT_ROOT / "docs" / "rasa-patches.md").read_text()
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(patches.PATCHES)
    for patch in patches.PATCHES:
        assert any(f"`{patch.target}`" in row and f"`{patch.fingerprint}`" in row for row in rows)


def test_a_changed_function_stops_the_patches_with_its_name(monkeypatch):
    index = [p.name for p in patches.PATCHES].index("model graph without dask")
    changed = dataclasses.replace(patches.PATCHES[index], fingerprint="0" * 16)
    monkeypatch.setattr(patches, "PATCHES", (*patches.PATCHES[:index], changed))
    with pytest.raises(patches.PatchError, match="model graph without dask"):
        patches.check()


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=300)  # fmt: skip


def test_the_rasa_server_refuses_to_start_on_another_rasa():
    ran = _python(
        "import rasa; rasa.__version__ = '3.6.22'\n"
        "from bot.assistant import rasa_server; rasa_server.main()",
        INTERNAL_TOKEN="t" * 40,
    )
    assert ran.returncode == 2
    assert "will not start: Rasa is 3.6.22" in ran.stderr and "WORKLOCAL_RASA_PATCHES" in ran.stderr


def test_applied_patches_replace_rasas_functions_and_off_leaves_them():
    code = (
        "from bot.config import get_settings\n"
        "from rasa.engine.runner.dask import DaskGraphRunner\n"
        "original = DaskGraphRunner.run\n"
        "if get_settings().rasa_patches:\n"
        "    from bot.assistant import patches; patches.apply()\n"
        "print(DaskGraphRunner.run is original)"
    )
    assert _python(code).stdout.strip().endswith("False")
    assert _python(code, WORKLOCAL_RASA_PATCHES="off").stdout.strip().endswith("True")


def _cached():
    calls = []

    def parse(self, message, tracker, only_output_properties=True):
        calls.append(message.text)
        return {"text": message.text, "intent": {"name": "affirm"}}

    class Model:  # a loaded model's graph runner (the cache holds it weakly)
        pass

    runner = SimpleNamespace(graph_runner=Model())
    cached = nlu_cache.cached_parses(parse, size=10)

    def say(sender: str, text: str) -> dict:
        return cached(runner, SimpleNamespace(text=text), SimpleNamespace(sender_id=sender))

    return say, calls


def test_a_forgotten_conversations_own_words_leave_the_nlu_cache():
    say, calls = _cached()
    say("alice", "yes")
    say("bob", "yes")
    say("alice", "I'm Alice Smith, 07700 900123")
    assert nlu_cache.forget("alice") == 1  # only her own words; "yes" bob said too
    say("carol", "I'm Alice Smith, 07700 900123")
    say("carol", "yes")
    assert calls == ["yes", "I'm Alice Smith, 07700 900123", "I'm Alice Smith, 07700 900123"]


def test_nothing_stays_in_the_nlu_cache_longer_than_an_hour(monkeypatch):
    say, calls = _cached()
    now = [1000.0]
    monkeypatch.setattr(nlu_cache.time, "monotonic", lambda: now[0])
    say("alice", "full time")
    now[0] += nlu_cache.LONGEST_KEPT_SECONDS + 1
    say("bob", "full time")
    assert calls == ["full time", "full time"]
