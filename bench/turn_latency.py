"""Turn latency through the gateway: one conversation, then 20 at once; then the assessment.

Starts the whole service (``worklocal run``) on free ports with a throwaway var/ directory, plays
a realistic mix of resident messages (free text, button payloads, a turn that runs a custom
action), then whole assessments typed the way residents type them (every turn runs the form's
validation action), and records p50/p95 per turn and the Rasa server's resident memory.

Issue 4's target (p95 under 300 ms during the assessment with 20 concurrent conversations) is
measured with residents who pause between messages, as people do; the same 20 sending without
any pause are reported too, as the saturation point.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import write_section
from tests.e2e import helpers as residents
from tests.e2e import stack as stack_module
from tests.e2e.helpers import Resident, assess

SCRIPT = [
    ("text", "hiya"),
    ("text", "r u a bot"),
    ("payload", "/help"),
    ("payload", "/request_adviser"),  # runs a custom action on the action server
    ("text", "i need a job near LS9 8AB"),
    ("text", "how do i pay my council tax"),
    ("text", "thanks"),
    ("text", "what can you do"),
]
TURNS_PER_CONVERSATION = 40
# Typed answers of four residents; the questions asked depend on the answers, so the turns differ.
ASSESSMENTS = [
    residents.SEVENTEEN_LEFT_COLLEGE,
    residents.FORTY_FIVE_WITH_A_BACK_CONDITION,
    residents.PARENT_RETURNING,
    residents.LOW_PAID_WORKER,
]
ASSESSMENT_ROUNDS = 2
PAUSE_SECONDS = (2.0, 6.0)  # reading the reply and typing the next answer


def conversation(base_url: str, turns: int) -> list[float]:
    """One resident: returns the latency of each turn in milliseconds."""
    latencies = []
    with httpx.Client(base_url=base_url, timeout=60) as http:
        conversation_id = http.post("/api/v1/conversations", json={}).json()["id"]
        offered = {"/help", "/request_adviser", "/find_course", "/find_job", "/get_support"}
        for i in range(turns):
            kind, value = SCRIPT[i % len(SCRIPT)]
            if kind == "payload" and value not in offered:
                kind, value = "text", "what can you do"
            started = time.perf_counter()
            response = http.post(
                f"/api/v1/conversations/{conversation_id}/messages", json={kind: value}
            )
            latencies.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            offered = {
                b["payload"] for m in response.json()["messages"] for b in m.get("buttons", [])
            }
        http.delete(f"/api/v1/conversations/{conversation_id}")
    return latencies


def direct_to_rasa(rasa_url: str, turns: int, token: str) -> list[float]:
    """The same script sent straight to Rasa's REST channel: the gateway's share is the rest."""
    latencies = []
    sender = f"bench-{uuid.uuid4().hex}"
    with httpx.Client(base_url=rasa_url, timeout=60, params={"token": token}) as http:
        for i in range(turns):
            started = time.perf_counter()
            response = http.post(
                "/webhooks/rest/webhook",
                json={"sender": sender, "message": SCRIPT[i % len(SCRIPT)][1]},
            )
            latencies.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
    return latencies


def concurrently(play, residents: int) -> tuple[list[float], float]:
    """Run ``play`` (one resident, returning their latencies) ``residents`` times at once;
    returns all latencies and turns per second."""
    started = time.perf_counter()
    with ThreadPoolExecutor(residents) as pool:
        results = list(pool.map(lambda _: play(), range(residents)))
    elapsed = time.perf_counter() - started
    latencies = [latency for result in results for latency in result]
    return latencies, len(latencies) / elapsed


def assessments(base_url: str, pause: tuple[float, float] | None) -> list[float]:
    """One resident doing whole assessments; returns the latency of each turn (ms)."""
    latencies: list[float] = []
    think = (lambda: time.sleep(random.uniform(*pause))) if pause else None
    for _ in range(ASSESSMENT_ROUNDS):
        resident = Resident(base_url, think=think)
        assess(resident, random.choice(ASSESSMENTS))
        latencies += resident.latencies
        resident.leave()
    return latencies


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def rss_mb(port: int) -> float | None:
    """Resident memory of the process whose command line names the Rasa port."""
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            cmdline = status.read_bytes().split(b"\0")
        except OSError:
            continue
        rasa = any(part.endswith((b"rasa", b"rasa_server")) for part in cmdline)
        if rasa and b"run" in cmdline and str(port).encode() in cmdline:
            text = (status.parent / "status").read_text()
            kb = next(
                int(line.split()[1]) for line in text.splitlines() if line.startswith("VmRSS")
            )
            return kb / 1024
    return None


def run() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        stack = stack_module.start(Path(tmp) / "var")
        try:
            conversation(stack.base_url, len(SCRIPT))  # warm-up: first turns load lazily
            single = conversation(stack.base_url, TURNS_PER_CONVERSATION)
            direct_single = direct_to_rasa(stack.rasa_url, TURNS_PER_CONVERSATION, stack.token)
            concurrent, throughput = concurrently(
                lambda: conversation(stack.base_url, TURNS_PER_CONVERSATION), 20
            )
            direct, direct_throughput = concurrently(
                lambda: direct_to_rasa(stack.rasa_url, TURNS_PER_CONVERSATION, stack.token), 20
            )
            assess_single = assessments(stack.base_url, None)
            assess_paused, paused_throughput = concurrently(
                lambda: assessments(stack.base_url, PAUSE_SECONDS), 20
            )
            assess_busy, busy_throughput = concurrently(
                lambda: assessments(stack.base_url, None), 20
            )
            memory = rss_mb(stack.ports["rasa"])
        finally:
            stack_module.stop(stack)

    def row(label: str, values: list[float]) -> str:
        return (
            f"| {label} | {len(values)} | {statistics.median(values):.0f} | "
            f"{percentile(values, 95):.0f} | {max(values):.0f} |"
        )

    return "\n".join(
        [
            "Embedded defaults (SQLite tracker store, in-memory lock store), one Rasa server, one "
            "action server, one API worker. Each conversation plays a fixed mix of free text, "
            "button payloads and a custom-action turn.",
            "",
            "| scenario | turns | p50 ms | p95 ms | max ms |",
            "| --- | ---: | ---: | ---: | ---: |",
            row("1 conversation, through the gateway", single),
            row("1 conversation, straight to Rasa", direct_single),
            row("20 concurrent conversations, through the gateway", concurrent),
            row("20 concurrent conversations, straight to Rasa", direct),
            row("assessment, 1 resident", assess_single),
            row(
                f"assessment, 20 residents at once, pausing {PAUSE_SECONDS[0]:.0f} to "
                f"{PAUSE_SECONDS[1]:.0f} s between messages",
                assess_paused,
            ),
            row("assessment, 20 residents at once, no pauses (saturation)", assess_busy),
            "",
            f"Assessment target (issue 4): p95 under 300 ms with 20 concurrent conversations "
            f"of residents who pause: {percentile(assess_paused, 95):.0f} ms "
            f"({'met' if percentile(assess_paused, 95) < 300 else 'not met'}); "
            f"{paused_throughput:.1f} turns/s offered. Without pauses: "
            f"{busy_throughput:.1f} turns/s.",
            "",
            f"Throughput with 20 concurrent conversations: {throughput:.1f} turns/s through "
            f"the gateway, {direct_throughput:.1f} turns/s straight to Rasa.",
            f"Rasa server resident memory after the run: {memory:.0f} MB." if memory else "",
        ]
    )


if __name__ == "__main__":
    body = run()
    print(body)
    write_section("Turn latency through the gateway", body)
