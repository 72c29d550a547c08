"""The tracker a Rasa server keeps between turns (``bot.assistant.tracker_cache``) is the one
the database would give, turn after turn of residents' conversations on the trained model."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT

pytestmark = pytest.mark.e2e


def test_kept_trackers_are_what_the_database_holds(embedded_stack, tmp_path):
    found = subprocess.run(
        [sys.executable, "-m", "tests.e2e.tracker_cache_check", str(tmp_path / "tracker.db"),
         f"http://127.0.0.1:{embedded_stack.ports['actions']}/webhook", embedded_stack.token],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert found.returncode == 0, found.stderr[-3000:]
    report = json.loads(found.stdout.strip().splitlines()[-1])
    assert report["turns"] == 33
    assert report["kept"] >= 28  # all but each conversation's first turn, and a restart
    assert report["differences"] == []
