"""Rasa's endpoints.yml is generated from the same settings the gateway uses."""

from bot.assistant import endpoints
from bot.config import Settings


def test_embedded_defaults_use_sqlite_tracker_and_in_memory_lock(tmp_path):
    token = "t" * 40
    rendered = endpoints.render(Settings(var_dir=tmp_path, action_port=5999, internal_token=token))
    # Rasa sends the token to the action server as ?token=, which refuses calls without it.
    # The domain goes only to the actions that read it (tests/unit/test_domain_sent.py).
    assert rendered["action_endpoint"] == {
        "url": "http://127.0.0.1:5999/webhook",
        "token": token,
        "enable_selective_domain": True,
    }
    assert rendered["tracker_store"] == {
        "type": "bot.assistant.tracker_store.WorkLocalSQLTrackerStore",
        "dialect": "sqlite",
        "db": str(tmp_path / "tracker.db"),
    }
    assert rendered["lock_store"] == {"type": "in_memory"}


def test_production_urls_select_postgresql_and_redis(tmp_path):
    settings = Settings(
        var_dir=tmp_path,
        database_url="postgresql+psycopg2://wl:s3cret@db.internal:5433/worklocal",
        redis_url="redis://:pw@cache.internal:6380/2",
    )
    rendered = endpoints.render(settings)
    assert rendered["tracker_store"] == {
        "type": "bot.assistant.tracker_store.WorkLocalSQLTrackerStore",
        "dialect": "postgresql",
        "url": "db.internal",
        "db": "worklocal",
        "username": "wl",
        "password": "s3cret",
        "port": 5433,
    }
    assert rendered["lock_store"] == {
        "type": "redis",
        "url": "cache.internal",
        "port": 6380,
        "db": 2,
        "key_prefix": "worklocal",
        "password": "pw",
    }


def test_written_file_is_valid_yaml_rasa_can_read(tmp_path):
    from rasa.core.lock_store import LockStore
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    path = endpoints.write(Settings(var_dir=tmp_path))
    tracker_config = read_endpoint_config(str(path), "tracker_store")
    lock_config = read_endpoint_config(str(path), "lock_store")
    store = TrackerStore.create(tracker_config)
    assert type(store).__name__ == "WorkLocalSQLTrackerStore"
    assert type(LockStore.create(lock_config)).__name__ == "InMemoryLockStore"


def test_with_the_patches_off_rasa_uses_its_own_tracker_store(tmp_path):
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    path = endpoints.write(Settings(var_dir=tmp_path, rasa_patches=False))
    store = TrackerStore.create(read_endpoint_config(str(path), "tracker_store"))
    assert type(store).__name__ == "SQLTrackerStore"
