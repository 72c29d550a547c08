"""Start the Rasa server, the action server and the API, keep them running, stop them together.

Each child runs in its own session so a terminal's Ctrl-C reaches only the supervisor, which then
stops the children in order: API first (no new turns), then Rasa, then the action server.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bot.config import PROJECT_ROOT, Settings

log = logging.getLogger("worklocal.supervisor")

STOP_GRACE_SECONDS = 15
MAX_BACKOFF_SECONDS = 30


@dataclass
class Child:
    name: str
    command: list[str]
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen | None = None
    restarts: int = 0
    next_start: float = 0.0
    started_at: float = field(default=0.0)

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log_file = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.command,
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log_file.close()
        # Operators (and the fault-injection tests) find each child's process here.
        self.pid_path.write_text(f"{self.process.pid}\n")
        self.started_at = time.monotonic()
        log.info("started %s (pid %s), log: %s", self.name, self.process.pid, self.log_path)

    @property
    def pid_path(self) -> Path:
        return self.log_path.with_suffix(".pid")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        self.pid_path.unlink(missing_ok=True)
        if not self.running():
            return
        assert self.process is not None
        _signal_group(self.process, signal.SIGTERM)
        try:
            self.process.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            log.warning("%s did not stop in %ss; killing it", self.name, STOP_GRACE_SECONDS)
            _signal_group(self.process, signal.SIGKILL)
            self.process.wait()


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def children(settings: Settings, model: Path) -> list[Child]:
    """Every process, in start order: action servers, then Rasa servers, then the API.

    With several of a kind (``ACTION_SERVERS``, ``RASA_SERVERS``, ``API_PROCESSES``) they take
    consecutive ports; Rasa server ``i`` calls action server ``i mod n``, and every API process
    spreads turns across all Rasa servers.
    """
    from bot.assistant import endpoints

    env = {
        **os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1",
        "RASA_TELEMETRY_ENABLED": os.environ.get("RASA_TELEMETRY_ENABLED", "false"),
    }  # fmt: skip
    logs = settings.var_dir / "logs"
    procs = [
        Child(
            _numbered("action-server", i),
            actions_command(port=settings.action_port + i),
            {**env, "SANIC_HOST": "127.0.0.1"},
            logs / _numbered("actions", i, ".log"),
        )
        for i in range(settings.action_servers)
    ]
    procs += [
        Child(
            _numbered("rasa", i),
            rasa_command(
                model=model,
                endpoints=endpoints.write(settings, i),
                interface="127.0.0.1",
                port=settings.rasa_port + i,
            ),
            env,
            logs / _numbered("rasa", i, ".log"),
        )
        for i in range(settings.rasa_servers)
    ]
    procs += [
        Child(
            _numbered("api", i),
            api_command(
                host=settings.host,
                port=settings.port + i,
                log_level=settings.log_level,
                forwarded_allow_ips=settings.forwarded_allow_ips,
            ),
            env,
            logs / _numbered("api", i, ".log"),
        )
        for i in range(settings.api_processes)
    ]
    return procs


def actions_command(*, port: int) -> list[str]:
    """The Rasa SDK's server, with the service's log lines (``bot.assistant.action_server``)."""
    args = ["--actions", "actions", "--port", str(port)]
    return [sys.executable, "-m", "bot.assistant.action_server", *args]


def rasa_command(*, model: Path, endpoints: Path, interface: str, port: int) -> list[str]:
    """Rasa's own server, with a faster schema check (``bot.assistant.rasa_server``)."""
    return [
        sys.executable, "-m", "bot.assistant.rasa_server", "run", "--enable-api",
        "--interface", interface, "--port", str(port), "--model", str(model),
        "--endpoints", str(endpoints), "--credentials", str(PROJECT_ROOT / "credentials.yml"),
    ]  # fmt: skip


def api_command(
    *, host: str, port: int, log_level: str, forwarded_allow_ips: str = ""
) -> list[str]:
    """uvicorn believes X-Forwarded-For only from ``forwarded_allow_ips`` (FORWARDED_ALLOW_IPS),
    and from nobody when it is empty: its own default trusts any client on this machine."""
    proxies = (
        ["--forwarded-allow-ips", forwarded_allow_ips] if forwarded_allow_ips.strip()
        else ["--no-proxy-headers"]
    )  # fmt: skip
    return [
        sys.executable, "-m", "uvicorn", "bot.main:app", "--host", host, "--port", str(port),
        "--log-level", log_level.lower(), "--no-server-header", *proxies,
        # Rasa pins websockets 10.4, older than uvicorn's default implementation needs.
        "--ws", "wsproto",
        # No resident's message is near this: a bigger frame is refused before it is buffered.
        "--ws-max-size", "65536",
    ]  # fmt: skip


def _numbered(name: str, index: int, suffix: str = "") -> str:
    """The first of a kind keeps the plain name (``rasa.log``), the others are numbered."""
    return f"{name}{suffix}" if index == 0 else f"{name}-{index}{suffix}"


def scale_problem(settings: Settings) -> str | None:
    """Several Rasa servers or API processes share conversations, which needs the shared
    stores: the row lock of PostgreSQL and the lock store and pub/sub of Redis."""
    if settings.rasa_servers == 1 and settings.api_processes == 1:
        return None
    missing = []
    if settings.effective_database_url.startswith("sqlite"):
        missing.append("DATABASE_URL (PostgreSQL)")
    if not settings.redis_url:
        missing.append("REDIS_URL")
    if not missing:
        return None
    return (
        "More than one Rasa server or API process needs PostgreSQL and Redis, so that every "
        f"process sees the same conversations. Set {' and '.join(missing)} (docs/deploy.md)."
    )


def supervise(procs: list[Child], settings: Settings) -> int:
    """Run until SIGINT or SIGTERM; restart a child that dies, backing off if it keeps dying."""
    stopping = False

    def _stop(_signum, _frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    for child in procs:
        child.start()
    base = f"http://{_display_host(settings.host)}:{settings.port}"
    others = [
        f"http://{_display_host(settings.host)}:{settings.port + i}"
        for i in range(1, settings.api_processes)
    ]
    announced = False
    ready_deadline = time.monotonic() + 600
    try:
        while not stopping:
            for child in procs:
                if child.running() or stopping:
                    continue
                now = time.monotonic()
                if child.next_start == 0.0:
                    code = child.process.returncode if child.process else None
                    healthy_run = now - child.started_at > 60
                    child.restarts = 0 if healthy_run else child.restarts + 1
                    delay = min(MAX_BACKOFF_SECONDS, 2**child.restarts)
                    log.warning("%s exited (code %s); restarting in %ss", child.name, code, delay)
                    child.next_start = now + delay
                elif now >= child.next_start:
                    child.next_start = 0.0
                    child.start()
            if not announced and _ready(base):
                announced = True
                _announce(base, others)
            elif not announced and time.monotonic() > ready_deadline:
                log.error(
                    "not ready after 10 minutes; see the logs in %s", settings.var_dir / "logs"
                )
                ready_deadline = float("inf")
            time.sleep(0.5)
    finally:
        log.info("stopping")
        for child in reversed(procs):
            child.stop()
        log.info("stopped")
    return 0


def _ready(base: str) -> bool:
    try:
        return httpx.get(f"{base}/readyz", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def _display_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "::") else host


def _announce(base: str, others: list[str]) -> None:
    from bot.council import service as council_service
    from bot.demo.loader import DEMO_DOMAIN, DEMO_PASSWORD

    councils = council_service.get_all()
    demo = any(council.demo for council in councils)
    sign_in = f"demo: amira@{DEMO_DOMAIN} / {DEMO_PASSWORD}" if demo else "`worklocal add-staff`"
    print(
        "\nWork Local is ready.\n"
        f"  Demo website:    {base}/   (the chat widget on a council page)\n"
        f"  Library kiosk:   {base}/kiosk\n"
        f"  Adviser console: {base}/console   ({sign_in})\n"
        f"  Chat API:        {base}/api/v1/conversations\n"
        f"  API docs:        {base}/docs\n"
        f"  Health:          {base}/healthz   Readiness: {base}/readyz\n"
        + "".join(
            f"  {council.name}: {base}/c/{council.slug}/   (its site, kiosk and console under it)\n"
            for council in councils[1:]
        )
        + (
            f"  More API processes (put a load balancer in front): {', '.join(others)}\n"
            if others
            else ""
        )
        + "Press Ctrl-C to stop.\n",
        flush=True,
    )
