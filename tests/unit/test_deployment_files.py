"""The container files say what the code does: every command in docker-compose.yml and the
Dockerfile is one `worklocal` accepts, every setting it passes is one the service reads, and
every long-running part has a health check. (No Docker engine runs on the CI machines, so the
images themselves are built elsewhere; this keeps the files from drifting from the code.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import httpx
import pytest
import yaml

from bot.cli import build_parser
from bot.config import PROJECT_ROOT, Settings

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
OURS = {name: s for name, s in COMPOSE["services"].items() if s.get("image") == "worklocal:latest"}


def _settings_names() -> set[str]:
    return {field.field_info.extra["env"] for field in Settings.__fields__.values()}


def test_every_worklocal_command_in_compose_and_the_dockerfile_parses():
    assert set(OURS) == {"setup", "actions", "rasa", "api"}
    for name, service in OURS.items():
        args = build_parser().parse_args(service["command"])
        assert args.func is not None, name
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    entrypoint = json.loads(re.search(r"^ENTRYPOINT (.+)$", dockerfile, re.M).group(1))
    default = json.loads(re.search(r"^CMD (.+)$", dockerfile, re.M).group(1))
    assert entrypoint == ["worklocal"]
    assert build_parser().parse_args(default).role == "api"


def test_compose_passes_only_settings_the_service_reads():
    read = _settings_names() | {"RASA_TELEMETRY_ENABLED"}
    for service in OURS.values():
        assert set(service["environment"]) <= read
    dockerfile_env = re.findall(r"^\s+(WORKLOCAL_\w+|HOST)=", (PROJECT_ROOT / "Dockerfile")
                                .read_text(), re.M)  # fmt: skip
    assert set(dockerfile_env) <= read


def test_long_running_parts_have_health_checks_and_start_in_order():
    for name, service in COMPOSE["services"].items():
        if name != "setup":
            assert "healthcheck" in service, name
        for needed, how in (service.get("depends_on") or {}).items():
            assert needed in COMPOSE["services"]
            wanted = "service_completed_successfully" if needed == "setup" else "service_healthy"
            assert how["condition"] == wanted, (name, needed)


def _serve_actions(port: int, token: str | None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "INTERNAL_TOKEN"}
    if token is not None:
        env["INTERNAL_TOKEN"] = token
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "actions", "--host", "127.0.0.1",
         "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_serve_actions_runs_the_action_server_in_the_foreground_behind_the_token(tmp_path):
    from tests.e2e.stack import free_port

    port, token = free_port(), "t" * 40
    process = _serve_actions(port, token)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            raise AssertionError("the action server did not start")
        # Anything but the probe needs the token: a neighbour cannot run actions.
        run = {"next_action": "action_show_plan", "sender_id": "x", "tracker": {}, "domain": {}}
        refused = httpx.post(f"http://127.0.0.1:{port}/webhook", json=run, timeout=5)
        assert refused.status_code == 401
        assert httpx.get(f"http://127.0.0.1:{port}/actions", timeout=5).status_code == 401
        wrong = httpx.get(f"http://127.0.0.1:{port}/actions?token={'u' * 40}", timeout=5)
        assert wrong.status_code == 401
        listed = httpx.get(f"http://127.0.0.1:{port}/actions?token={token}", timeout=5)
        assert listed.status_code == 200 and listed.json()
    finally:
        process.terminate()
        process.wait(20)


@pytest.mark.parametrize("token", [None, "short"])
def test_no_server_starts_without_a_proper_shared_token(token):
    from tests.e2e.stack import free_port

    process = _serve_actions(free_port(), token)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert b"INTERNAL_TOKEN" in err
