"""Load through the gateway (``make bench-load``): many residents at once, against a plain
``rasa init`` assistant on the same machine as the baseline.

Each simulated resident plays a realistic visit over and over: the whole assessment typed as
residents type it, then a course search and a job search, then leaves. At saturation residents
send without pause; paced residents wait 5 seconds before each message, as people do. The
baseline is Rasa 3.6.21's starter bot with its default config, spoken to over its REST channel
with its own small talk. Results go to docs/benchmarks.md ("Load through the gateway").
"""

from __future__ import annotations

import itertools
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPException
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.http_client import KeepAliveClient
from bench.report import write_section
from bot.config import PROJECT_ROOT
from tests.e2e import stack as stack_module
from tests.e2e.helpers import (
    FORTY_FIVE_WITH_A_BACK_CONDITION,
    LOW_PAID_WORKER,
    PARENT_RETURNING,
    SEVENTEEN_LEFT_COLLEGE,
    Resident,
    assess,
)

SATURATION_SECONDS = float(os.environ.get("BENCH_SECONDS", "30"))
PACED_SECONDS = float(os.environ.get("BENCH_PACED_SECONDS", "60"))
CURVE = (1, 10, 50)
PACED_RESIDENTS, PAUSE_SECONDS = 100, 5.0
BASELINE_SCRIPT = ["hello", "I am sad", "yes", "are you a bot?", "great", "bye"]
# Four residents' typed answers (tests/e2e/test_residents.py), taken in turn by the visits.
PERSONAS = (SEVENTEEN_LEFT_COLLEGE, FORTY_FIVE_WITH_A_BACK_CONDITION, PARENT_RETURNING,
            LOW_PAID_WORKER)  # fmt: skip
VISITS = itertools.count()
# The visits take the demo's two councils in turn, each resident with a postcode in their own
# council, so the load is spread over councils as on a shared deployment.
COUNCIL_AREAS = {"demo": "DB1 1AA", "demo-vale": "DB9 1AA"}
POSTCODES: dict[str, list[str]] = {}  # each council's, from the stack's database when it starts
AGE_SAID = ("{}", "I'm {}", "{} years old", "im {}")
NLU_SAMPLES = ["any courses near DB1 1AA?", "i need a job", "17", "a job", "care jobs near me"]


class Run:
    """Turn latencies (ms) and errors of one load level, collected from many threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors = 0

    def add(self, latencies: list[float], errors: int = 0) -> None:
        with self.lock:
            self.latencies += latencies
            self.errors += errors

    def summary(self, seconds: float) -> dict[str, float]:
        values = sorted(self.latencies) or [0.0]
        return {
            "turns_per_s": len(self.latencies) / seconds,
            "p50": statistics.median(values),
            "p95": values[min(len(values) - 1, int(len(values) * 0.95))],
            "errors": self.errors,
            "turns": len(self.latencies),
        }


def in_own_words(persona: dict[str, str], postcodes: list[str], rng: random.Random) -> dict:
    """A persona's answers as another resident like them gives them: their own postcode, in
    capitals or not, with or without its space, and their age said one of the ways people say
    it. Residents do repeat each other ("yes", "full time"), but not every word, and the NLU
    cache must not be measured as if they did."""
    postcode = rng.choice(postcodes)
    place = rng.choice((postcode, postcode.lower(), postcode.replace(" ", "")))
    age = rng.choice(AGE_SAID).format(int(persona["age"]) + rng.choice((0, 1, 2)))
    return {**persona, "location": place, "age": age}


def council_postcodes(var_dir: Path) -> dict[str, list[str]]:
    """Each demo council's live postcodes, from the stack's database."""
    found = {}
    with sqlite3.connect(var_dir / "worklocal.db") as db:
        for council, known in COUNCIL_AREAS.items():
            rows = db.execute("SELECT postcode FROM postcodes WHERE NOT terminated "
                              "AND la_code = (SELECT la_code FROM postcodes "
                              "WHERE postcode = ?)", (known,)).fetchall()  # fmt: skip
            found[council] = sorted(row[0] for row in rows)
    return found


def visit(base_url: str, run: Run, deadline: float, think: Callable[[], None] | None) -> None:
    """One resident's visits until the deadline; each failure counts as an error."""
    rng = random.Random(threading.get_ident())
    while time.monotonic() < deadline:
        resident = None
        try:
            number = next(VISITS)
            council = list(COUNCIL_AREAS)[number % len(COUNCIL_AREAS)]
            answers = in_own_words(PERSONAS[number % len(PERSONAS)], POSTCODES[council], rng)
            resident = Resident(base_url, think=think, http=KeepAliveClient(base_url),
                                council=council)  # fmt: skip
            assess(resident, answers)
            resident.say(f"any courses near {answers['location']}?")
            resident.say(f"care jobs near {answers['location']}")
            run.add(resident.latencies)
        except (AssertionError, OSError, HTTPException, StopIteration):
            run.add(resident.latencies if resident else [], errors=1)
        finally:
            if resident is not None:
                resident.leave()


def baseline_visit(rasa_url: str, run: Run, deadline: float, _think=None) -> None:
    http, n = KeepAliveClient(rasa_url), 0
    while time.monotonic() < deadline:
        n += 1
        sender = f"bench-{threading.get_ident()}-{n}"
        latencies = []
        try:
            for text in BASELINE_SCRIPT:
                started = time.perf_counter()
                response = http.post("/webhooks/rest/webhook", json={"sender": sender,
                                                                      "message": text})  # fmt: skip
                response.raise_for_status()
                latencies.append((time.perf_counter() - started) * 1000)
            run.add(latencies)
        except (OSError, HTTPException):
            run.add(latencies, errors=1)
    http.close()


def load(play, url: str, residents: int, seconds: float, pause: float = 0.0) -> dict:
    """``residents`` playing at once until ``seconds`` are up. Residents who pause arrive
    spread over one pause, as people do, not all in the same instant: otherwise every one of
    them would send at the same moment, every time, and measure a queue no service sees."""
    run, deadline = Run(), time.monotonic() + seconds
    think = (lambda: time.sleep(pause)) if pause else None
    started = time.monotonic()
    with ThreadPoolExecutor(residents) as pool:
        for n in range(residents):
            if pause:
                time.sleep(max(0.0, started + n * pause / residents - time.monotonic()))
            pool.submit(play, url, run, deadline, think)
    return run.summary(time.monotonic() - started)


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def metric_sums(base_url: str) -> dict[str, tuple[float, float]]:
    """``worklocal_turn_seconds`` sum and count by stage."""
    found: dict[tuple[str, str], float] = {}
    for line in httpx.get(f"{base_url}/metrics", timeout=10).text.splitlines():
        match = re.match(r'worklocal_turn_seconds_(sum|count)\{stage="(\w+)"\} (\S+)', line)
        if match:
            found[(match.group(2), match.group(1))] = float(match.group(3))
    return {stage: (found[(stage, "sum")], found[(stage, "count")])
            for stage, kind in found if kind == "sum"}  # fmt: skip


def action_ms(log: Path, since: int) -> list[float]:
    """The action server's own time per call, from its request log lines."""
    with log.open(errors="replace") as handle:
        handle.seek(since)
        return [float(m.group(1)) for m in re.finditer(r"/webhook \(\w+\) answered 200 in "
                                                       r"([\d.]+) ms", handle.read())]  # fmt: skip


def nlu_ms(rasa_url: str, token: str) -> float:
    """NLU's own time on messages the server has not seen (each sample made new with a
    number), so that its NLU cache does not answer."""
    times = []
    with httpx.Client(base_url=rasa_url, timeout=30, params={"token": token}) as http:
        for n in range(20):
            for text in NLU_SAMPLES:
                started = time.perf_counter()
                http.post("/model/parse", json={"text": f"{text} {n}"}).raise_for_status()
                times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def start_baseline(folder: Path) -> tuple[subprocess.Popen, str]:
    """Rasa's starter bot, trained here with its default config."""
    python = sys.executable
    project = folder / "baseline"
    project.mkdir()  # `rasa init` wants the folder to exist
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    subprocess.run([python, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(project)],
                   check=True, env=env, capture_output=True, timeout=900)  # fmt: skip
    port = stack_module.free_port()
    log = (folder / "baseline.log").open("wb")
    process = subprocess.Popen(
        [python, "-m", "rasa", "run", "--enable-api", "--port", str(port), "-m", "models"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/status", timeout=2).json().get("model_file"):
                return process, url
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(1)
    process.kill()
    raise RuntimeError("the baseline Rasa server did not start")


def row(name: str, result: dict) -> str:
    return (f"| {name} | {result['turns_per_s']:.1f} | {result['p50']:.0f} | "
            f"{result['p95']:.0f} | {result['errors']} | {result['turns']} |")  # fmt: skip


def cpu_seconds(pids: dict[str, int]) -> dict[str, float]:
    """CPU time (user and system) used so far by each process, and by this load generator."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for name, pid in pids.items():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        used[name] = (int(fields[11]) + int(fields[12])) / tick
    used["load generator (this bench)"] = sum(os.times()[:2])
    return used


def measured(pids: dict[str, int], play, url: str, residents: int) -> tuple[dict, dict]:
    """One saturation level, and the CPU seconds each process spent on it."""
    used = cpu_seconds(pids)
    result = load(play, url, residents, SATURATION_SECONDS)
    return result, {name: spent - used[name] for name, spent in cpu_seconds(pids).items()}


def ours(folder: Path) -> tuple[list[str], dict, list[str], list[str]]:
    """Rows per load level, their results, memory rows and the time breakdown."""
    stack = stack_module.start(folder / "var")
    POSTCODES.update(council_postcodes(stack.var_dir))
    logs = stack.var_dir / "logs"
    pids = {f.stem: int(f.read_text()) for f in sorted(logs.glob("*.pid"))}
    try:
        rows, results, cpu = [], {}, {}
        load(visit, stack.base_url, 2, 10)  # warm up
        actions_from = (logs / "actions.log").stat().st_size
        before = metric_sums(stack.base_url)
        for residents in CURVE:
            results[residents], cpu[residents] = measured(pids, visit, stack.base_url, residents)
            rows.append(row(f"Work Local, {residents} without pause", results[residents]))
        after = metric_sums(stack.base_url)
        actions = action_ms(logs / "actions.log", actions_from)
        results["paced"] = load(visit, stack.base_url, PACED_RESIDENTS, PACED_SECONDS,
                                PAUSE_SECONDS)  # fmt: skip
        rows.append(row(f"Work Local, {PACED_RESIDENTS} pausing {PAUSE_SECONDS:.0f} s",
                        results["paced"]))  # fmt: skip
        memory = [f"| {name} | {rss_mb(pid):.0f} MB |" for name, pid in pids.items()]
        nlu = nlu_ms(stack.rasa_url, stack.token)
        return rows, results, memory, breakdown(before, after, actions, nlu, cpu[50], results)
    finally:
        stack_module.stop(stack)


def without_nlu_cache(folder: Path) -> tuple[dict, float]:
    """50 residents again with each Rasa server's NLU cache off, and Rasa's CPU per turn: the
    visits repeat their residents' words, which real residents do less often, so this is the
    figure for a service whose every message is new to it."""
    stack = stack_module.start(folder / "var-no-cache", {"NLU_CACHE_SIZE": "0"})
    POSTCODES.update(council_postcodes(stack.var_dir))
    logs = stack.var_dir / "logs"
    rasa_pid = int((logs / "rasa.pid").read_text())
    try:
        load(visit, stack.base_url, 2, 10)  # warm up
        result, cpu = measured({"rasa": rasa_pid}, visit, stack.base_url, 50)
        return result, cpu["rasa"] * 1000 / max(1, result["turns"])
    finally:
        stack_module.stop(stack)


def breakdown(before, after, actions, nlu, cpu, results) -> list[str]:
    """Wall time per call at each stage (the saturation runs), then CPU per turn by process
    (the 50-resident run): on a machine whose cores are all busy, the second says what a
    turn costs and where."""

    def mean_ms(stage: str) -> float:
        total = after[stage][0] - before[stage][0]
        return total * 1000 / (after[stage][1] - before[stage][1])

    turns = after["gateway"][1] - before["gateway"][1]
    gateway, assistant = mean_ms("gateway"), mean_ms("assistant")
    action_mean = statistics.mean(actions) if actions else 0.0
    lines = [
        "| Stage (wall time, mean over the saturation runs) | per call |",
        "|---|---|",
        f"| a resident's turn in the gateway | {gateway:.1f} ms |",
        f"| the gateway's call to Rasa within it (NLU, policies, actions, queueing) | "
        f"{assistant:.1f} ms |",
        f"| the gateway's own work (checks, database, routing) | {gateway - assistant:.1f} ms |",
        f"| NLU alone (median `/model/parse` of a message new to it, idle server) | {nlu:.1f} ms |",
        f"| an action server call ({len(actions) / turns:.2f} per turn) | {action_mean:.1f} ms |",
        "",
        f"| Process (CPU per turn, 50 residents: {results[50]['turns']} turns) | per turn |",
        "|---|---|",
    ]
    turns50 = results[50]["turns"]
    lines += [f"| {name} | {seconds * 1000 / turns50:.1f} ms |" for name, seconds in cpu.items()]
    total = sum(cpu.values()) * 1000 / turns50
    cores = os.cpu_count() or 1
    lines.append(f"| all | {total:.1f} ms (at most {cores * 1000 / total:.0f} turns/s on "
                 f"{cores} cores) |")  # fmt: skip
    return lines


def run() -> str:
    (PROJECT_ROOT / "var").mkdir(exist_ok=True)  # a fresh clone has none until `make run`
    with tempfile.TemporaryDirectory(dir=PROJECT_ROOT / "var") as tmp:
        folder = Path(tmp)
        baseline, url = start_baseline(folder)
        try:
            load(baseline_visit, url, 2, 10)  # warm up
            base, base_cpu = {}, {}
            for n in CURVE:
                base[n], base_cpu[n] = measured({"server": baseline.pid}, baseline_visit, url, n)
            base_memory = rss_mb(baseline.pid)
        finally:
            baseline.terminate()
            baseline.wait(30)
        rows, results, memory, where = ours(folder)
        uncached, uncached_rasa_ms = without_nlu_cache(folder)
    rows.append(row("Work Local, 50 without pause, NLU cache off", uncached))
    rows += [row(f"baseline `rasa init`, {n} without pause", base[n]) for n in CURVE]
    ratio = results[50]["turns_per_s"] / base[50]["turns_per_s"]
    uncached_ratio = uncached["turns_per_s"] / base[50]["turns_per_s"]
    paced = results["paced"]
    return "\n".join(
        [
            f"Each level runs {SATURATION_SECONDS:.0f} s ({PACED_SECONDS:.0f} s paced) on the "
            "embedded defaults (`worklocal run`: SQLite, one API, one Rasa server, one action "
            "server). A Work Local visit is the whole assessment, a course search and a job "
            "search; the visits take the demo's two councils in turn (Demo Borough and Demo "
            "Vale, each resident with a postcode in their own council), as on a deployment "
            "shared by several councils. The baseline is `rasa init`'s bot with its default "
            "config over REST.",
            "",
            "| Load | turns/s | p50 ms | p95 ms | errors | turns |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            f"**Saturation (50 residents):** Work Local {results[50]['turns_per_s']:.1f} turns/s, "
            f"baseline {base[50]['turns_per_s']:.1f}: **{ratio:.2f}x** (target at least 2x: "
            f"{'met' if ratio >= 2 else 'not met'}). With the NLU cache off (every message "
            f"parsed): {uncached['turns_per_s']:.1f} turns/s, **{uncached_ratio:.2f}x**, Rasa "
            f"{uncached_rasa_ms:.1f} ms of CPU a turn.",
            f"**{PACED_RESIDENTS} residents pausing {PAUSE_SECONDS:.0f} s:** p95 "
            f"{paced['p95']:.0f} ms, {paced['errors']} errors (target under 300 ms and none: "
            f"{'met' if paced['p95'] < 300 and not paced['errors'] else 'not met'}).",
            "",
            "Memory (resident set) after the run:",
            "",
            "| Process | RSS |",
            "|---|---|",
            *memory,
            f"| baseline Rasa server | {base_memory:.0f} MB |",
            "",
            "Where a turn's time goes:",
            "",
            *where,
            f"| (baseline Rasa server, 50 residents) | "
            f"{base_cpu[50]['server'] * 1000 / base[50]['turns']:.1f} ms |",
        ]
    )


if __name__ == "__main__":
    body = run()
    write_section("Load through the gateway", body)
    print(body)
