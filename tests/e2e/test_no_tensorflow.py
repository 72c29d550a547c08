"""The Rasa server serves the trained model without TensorFlow in memory: no component of
config.yml uses it (bot/assistant/deferred_imports.py; docs/security.md, "Dependencies")."""

from __future__ import annotations

from pathlib import Path

import httpx


def _descendants_of(root: int) -> dict[int, str]:
    """Command lines of the processes started, directly or not, by ``root``, by pid."""
    parents, lines = {}, {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            parents[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            lines[int(proc.name)] = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
    found, frontier = {}, {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier}
        found.update({pid: lines[pid] for pid in frontier if pid in lines})
    return found


def test_the_rasa_server_answers_without_tensorflow_loaded(embedded_stack):
    reply = httpx.post(
        embedded_stack.rasa("/model/parse"), json={"text": "any warehouse jobs near me"}
    )
    assert reply.status_code == 200 and reply.json()["intent"]["name"]
    processes = _descendants_of(embedded_stack.process.pid)
    rasa = [pid for pid, line in processes.items() if "bot.assistant.rasa_server" in line]
    assert rasa, processes
    for pid in rasa:
        mapped = Path(f"/proc/{pid}/maps").read_text()
        assert "tensorflow" not in mapped and "_pywrap_tensorflow" not in mapped
