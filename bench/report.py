"""Write one benchmark's section into docs/benchmarks.md, replacing its previous results."""

from __future__ import annotations

import os
import platform
import re
from datetime import datetime, timezone
from pathlib import Path

from bot.config import PROJECT_ROOT

REPORT = PROJECT_ROOT / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\nWritten by the `bench/` scripts (`make bench`); each section is replaced "
    "when its benchmark runs again. Targets live here, not in timed tests.\n"
)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def write_section(name: str, body: str, report: Path = REPORT) -> None:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"<!-- bench:{name} -->\n## {name}\n\nRun {stamp} on {machine()}, "
        f"Python {platform.python_version()}.\n\n{body.strip()}\n<!-- /bench:{name} -->\n"
    )
    text = report.read_text() if report.exists() else HEADER
    pattern = re.compile(
        rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->\n", re.DOTALL
    )
    text = pattern.sub(lambda _m: section, text) if pattern.search(text) else f"{text}\n{section}"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text)
