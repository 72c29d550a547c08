"""Faults injected into the running service: the resident always gets an answer, and the
conversation carries on when the failed part is back."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.helpers import Resident, all_text

pytestmark = pytest.mark.e2e


def _action_server_pid(stack) -> int:
    """The action server of this stack (the supervisor's child on the stack's port), read from
    /proc: ``ps`` may cut long command lines to the terminal's width."""
    wanted = f"bot.assistant.action_server --actions actions --port {stack.ports['actions']}"
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # the process ended meanwhile
        if wanted in args:
            return int(cmdline.parent.name)
    raise AssertionError(f"no action server found for port {stack.ports['actions']}")


def _ready(stack, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{stack.base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"the stack did not recover\n{stack.log_tail()}")


def test_the_action_server_killed_mid_conversation(embedded_stack):
    resident = Resident(embedded_stack.base_url)
    assert "jobs" in all_text(resident.say("care jobs near DB1 1AA"))
    os.kill(_action_server_pid(embedded_stack), signal.SIGKILL)
    started = time.perf_counter()
    answer = all_text(resident.say("any courses near DB1 1AA?"))
    assert time.perf_counter() - started < 2
    assert "I can't search or answer that right now" in answer
    assert "0113 496 0000" in answer  # the council's number
    _ready(embedded_stack)  # the supervisor restarts it
    assert "course" in all_text(resident.say("any courses near DB1 1AA?")).lower()
    resident.leave()
