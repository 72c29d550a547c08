"""Start and stop the whole service (``worklocal run``) on free ports for end-to-end tests."""

from __future__ import annotations

import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from bot.config import PROJECT_ROOT

READY_TIMEOUT_SECONDS = 300


@dataclass
class Stack:
    base_url: str
    rasa_url: str
    ports: dict[str, int]
    var_dir: Path
    process: subprocess.Popen
    council_file: Path | None = None  # set when the test owns a copy of the council file
    token: str = ""  # the secret Rasa and the action server ask for (INTERNAL_TOKEN)

    def rasa(self, path: str) -> str:
        """A URL on the Rasa server, with the token it needs."""
        return f"{self.rasa_url}{path}{'&' if '?' in path else '?'}token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        parts = []
        for path in [*sorted((self.var_dir / "logs").glob("*.log")), self.var_dir / "run.log"]:
            if path.exists():
                tail = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"--- {path.name}\n" + "\n".join(tail))
        return "\n".join(parts)


def _ephemeral_start() -> int:
    """Where the kernel starts handing out ports for outgoing connections (Linux: 32768)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A free port below the range the kernel gives outgoing connections. A port the kernel
    picks (bind to 0) is in that range, and between picking it and a server binding it, one of
    the suite's hundreds of connections to PostgreSQL or Redis could take it: an action server
    then failed to start with "address already in use" and a test's answers went missing."""
    top = _ephemeral_start()
    for _ in range(200):
        port = random.randint(max(1024, top - 12_000), top - 1)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as sock:  # everything below is taken: the kernel's choice, then
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_ports(count: int, taken: set[int]) -> int:
    """The first of ``count`` consecutive free ports, none of them in ``taken`` (which gets
    them added: nothing listens on them yet)."""
    for _ in range(100):
        first = free_port()
        wanted = set(range(first, first + count))
        if max(wanted) > 65535 or wanted & taken:
            continue
        if not any(port_open(port) for port in wanted - {first}):
            taken |= wanted
            return first
    raise RuntimeError(f"no {count} consecutive free ports")


def start(var_dir: Path, extra_env: dict[str, str] | None = None, replicas: int = 1) -> Stack:
    """With ``replicas``, that many of each process (API, Rasa, actions) on consecutive ports:
    ``ports`` holds the first of each."""
    taken: set[int] = set()
    ports = {name: free_ports(replicas, taken) for name in ("api", "rasa", "actions")}
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "WORKLOCAL_VAR_DIR": str(var_dir),
        "PORT": str(ports["api"]),
        "RASA_PORT": str(ports["rasa"]),
        "ACTION_PORT": str(ports["actions"]),
        **{name: str(replicas) for name in ("API_PROCESSES", "RASA_SERVERS", "ACTION_SERVERS")},
        # Every simulated resident comes from this one address: the per-address limit on new
        # conversations would stop them (the limits' own tests switch it back on).
        "CONVERSATIONS_PER_HOUR": "0",
        "BOOKINGS_PER_HOUR": "0",  # and every booking and look-up too
        "BOOKING_LOOKUPS_PER_HOUR": "0",
        "INTERNAL_TOKEN": secrets.token_urlsafe(32),
        **(extra_env or {}),
    }
    log = (var_dir / "run.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    stack = Stack(
        base_url=f"http://127.0.0.1:{ports['api']}",
        rasa_url=f"http://127.0.0.1:{ports['rasa']}",
        ports=ports,
        var_dir=var_dir,
        process=process,
        token=env["INTERNAL_TOKEN"],
    )
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worklocal run exited early\n{stack.log_tail()}")
        try:
            if httpx.get(f"{stack.base_url}/readyz", timeout=2).status_code == 200:
                return stack
        except httpx.HTTPError:
            pass
        time.sleep(1)
    stop(stack)
    raise RuntimeError(f"stack not ready in {READY_TIMEOUT_SECONDS}s\n{stack.log_tail()}")


def stop(stack: Stack) -> int:
    """Ctrl-C, as an operator would; returns the supervisor's exit code."""
    if stack.process.poll() is None:
        stack.process.send_signal(signal.SIGINT)
        try:
            stack.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(stack.process.pid, signal.SIGKILL)
            stack.process.wait()
    return stack.process.returncode
