"""How `worklocal run` lays out several Rasa servers, action servers and API processes."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot import supervisor
from bot.assistant import endpoints
from bot.config import Settings


def _settings(tmp_path, **values) -> Settings:
    return Settings(var_dir=tmp_path, rasa_port=6000, action_port=6100, port=6200, **values)


def test_one_of_each_by_default_on_the_configured_ports(tmp_path):
    settings = _settings(tmp_path)
    assert settings.rasa_urls == ["http://127.0.0.1:6000"]
    assert settings.action_server_urls == ["http://127.0.0.1:6100"]
    names = [child.name for child in supervisor.children(settings, tmp_path / "model.tar.gz")]
    assert names == ["action-server", "rasa", "api"]


def test_several_take_consecutive_ports_and_rasa_servers_share_the_action_servers(tmp_path):
    settings = _settings(
        tmp_path,
        rasa_servers=3,
        action_servers=2,
        api_processes=2,
        database_url="postgresql+psycopg2://u@db/x",
        redis_url="redis://cache:6379/0",
    )
    procs = supervisor.children(settings, tmp_path / "model.tar.gz")
    assert [c.name for c in procs] == [
        "action-server", "action-server-1", "rasa", "rasa-1", "rasa-2", "api", "api-1",
    ]  # fmt: skip
    ports = {c.name: c.command[c.command.index("--port") + 1] for c in procs}
    assert ports["rasa-2"] == "6002" and ports["action-server-1"] == "6101"
    assert ports["api-1"] == "6201"
    assert settings.rasa_urls == [f"http://127.0.0.1:{6000 + i}" for i in range(3)]
    # Rasa server i calls action server i mod 2, through its own endpoints file
    used = []
    for child in procs[2:5]:
        path = Path(child.command[child.command.index("--endpoints") + 1])
        config = yaml.safe_load(path.read_text())
        used.append(config["action_endpoint"]["url"])
        assert config["lock_store"]["type"] == "redis"
        assert config["tracker_store"]["dialect"] == "postgresql"
    assert used == [
        "http://127.0.0.1:6100/webhook", "http://127.0.0.1:6101/webhook",
        "http://127.0.0.1:6100/webhook",
    ]  # fmt: skip
    assert supervisor.scale_problem(settings) is None


def test_several_rasa_servers_or_api_processes_need_postgresql_and_redis(tmp_path):
    assert supervisor.scale_problem(_settings(tmp_path, action_servers=3)) is None
    problem = supervisor.scale_problem(_settings(tmp_path, rasa_servers=2))
    assert "DATABASE_URL (PostgreSQL) and REDIS_URL" in problem
    problem = supervisor.scale_problem(
        _settings(tmp_path, api_processes=2, database_url="postgresql+psycopg2://u@db/x")
    )
    assert "Set REDIS_URL" in problem


def test_rasa_urls_given_explicitly_win(tmp_path):
    settings = _settings(tmp_path, rasa_url="http://rasa-0:5005/, http://rasa-1:5005")
    assert settings.rasa_urls == ["http://rasa-0:5005", "http://rasa-1:5005"]
    assert endpoints.render(settings)["lock_store"] == {"type": "in_memory"}
