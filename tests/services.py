"""PostgreSQL and Redis servers of a test's own, which it may stop and start again (the fault
tests do) without disturbing the shared ones that ``make test`` runs for the rest of the suite.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.stack import free_port


class OwnRedis:
    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--dir", str(folder)]  # fmt: skip
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        import redis

        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class OwnPostgres:
    """A cluster made with initdb; as root, run as the postgres user, as Debian's is."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.folder = folder
        self.url = f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/worklocal"
        self.bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])

    def _as_postgres(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def create(self) -> None:
        self.folder.mkdir(parents=True)
        if os.getuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._as_postgres("initdb", "-D", str(self.folder / "data"), "-U", "postgres",
                          "--auth=trust", "-E", "UTF8")  # fmt: skip
        self.start()
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "-qc", "create database worklocal"], check=True)  # fmt: skip

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c max_connections=300")  # fmt: skip
        self._as_postgres("pg_ctl", "-D", str(self.folder / "data"), "-w", "-l",
                          str(self.folder / "server.log"), "start", "-o", options)  # fmt: skip

    def stop(self) -> None:
        self._as_postgres("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()


def _need(program: str) -> None:
    if not shutil.which(program) and not glob.glob(f"/usr/lib/postgresql/*/bin/{program}"):
        if os.environ.get("CI"):
            pytest.fail(f"{program} is not installed: run the suite with `make test`")
        pytest.skip(f"{program} not installed (run through `make test`)")


@contextmanager
def own_redis(folder: Path) -> Iterator[OwnRedis]:
    _need("redis-server")
    server = OwnRedis(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def own_postgres() -> Iterator[OwnPostgres]:
    """Its data lives in a folder of its own in the system's temporary directory, which the
    postgres user can reach (pytest's, and a clone's under ``mktemp -d``, it cannot)."""
    _need("initdb")
    # /tmp itself, not $TMPDIR: the postgres user must reach it, and $TMPDIR may be private.
    server = OwnPostgres(Path("/tmp") / f"worklocal-own-pg-{uuid.uuid4().hex[:8]}")
    server.create()
    try:
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(server.folder, ignore_errors=True)
