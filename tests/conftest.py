"""Shared fixtures: isolated settings, and databases on SQLite and on the real PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from bot import clock
from bot.config import get_settings
from bot.database import core

# Set by scripts/test.sh to run the clock-sensitive tests again at chosen moments (a Saturday
# night, a bank holiday, the clock changes...): the whole test process starts at that moment
# and its clock then ticks on, in this process's every reading of the time.
TEST_AT = "WORKLOCAL_TEST_AT"


def pytest_configure(config: pytest.Config) -> None:
    at = os.environ.get(TEST_AT)
    if at:
        import time_machine

        traveller = time_machine.travel(clock.parse_moment(at), tick=True)
        traveller.start()
        config.stash[_TRAVELLER] = traveller


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    at = os.environ.get(TEST_AT)
    return f"clock: tests started at {at} ({TEST_AT})" if at else None


_TRAVELLER = pytest.StashKey()


@pytest.fixture(autouse=True, scope="session")
def _live_chat_installed() -> None:
    """The gateway's way to a person, registered as ``bot.main.create_app`` does at start-up,
    for tests that drive the conversation service without the app."""
    import bot.database.registry  # noqa: F401  (every table, as the app has them)
    from bot.handoff import live_chat

    live_chat.install()


@pytest.fixture
def pinned_clock() -> Iterator[clock.Pinned]:
    """The service's clock stopped at the test's start (the real date, or WORKLOCAL_TEST_AT):
    what a test lists and what it then books see the same moment."""
    with clock.pinned() as pinned:
        yield pinned


def _reset_caches() -> None:
    get_settings.cache_clear()
    core.get_engine.cache_clear()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own var/ directory and default database; nothing leaks between."""
    for name in ("DATABASE_URL", "TRACKER_DATABASE_URL", "REDIS_URL", "RASA_URL", "COUNCIL_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WORKLOCAL_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")  # TestClient's name
    _reset_caches()
    yield tmp_path / "var"
    _reset_caches()


def postgres_url() -> str | None:
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url and os.environ.get("CI"):
        pytest.fail("TEST_POSTGRES_URL is not set: run the suite with `make test`")
    return url


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped afterwards."""
    base = postgres_url()
    if not base:
        pytest.skip("PostgreSQL not available (run through `make test`)")
    name = f"wl_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def fresh_postgres_database() -> Iterator[str]:
    with postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run a test once on each supported database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'app.db'}"
    return request.getfixturevalue("fresh_postgres_database")


# ---- the demo council's catalogue, shared by the catalogue, booking, handoff and action tests --


def load_demo(url: str, folder: Path) -> None:
    """Migrate ``url`` and load the demo council's catalogue into it (its feeds under folder)."""
    from bot.council import service as council_service
    from bot.database import migrate
    from bot.demo import loader

    migrate.upgrade(url)
    engine = core.make_engine(url)
    with core.session_factory(engine)() as db_session:
        loader.load(folder / "feeds", council=council_service.home(), db_session=db_session)
        db_session.commit()
    engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_url(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    """A database holding the demo council's catalogue, loaded once per module and engine."""
    folder = tmp_path_factory.mktemp("demo")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'demo.db'}"
        load_demo(url, folder)
        yield url
    else:
        with postgres_database() as url:
            load_demo(url, folder)
            yield url


@pytest.fixture
def demo_db(demo_url: str) -> Iterator[Session]:
    from bot.catalogue.search import vocabulary

    engine = core.make_engine(demo_url)
    vocabulary.forget_cache()
    db_session = core.session_factory(engine)()
    try:
        yield db_session
    finally:
        db_session.rollback()
        db_session.close()
        engine.dispose()


@pytest.fixture(scope="module")
def demo_sqlite(tmp_path_factory) -> Path:
    """The demo database on SQLite, loaded once per module."""
    folder = tmp_path_factory.mktemp("demo-sqlite")
    load_demo(f"sqlite:///{folder / 'demo.db'}", folder)
    return folder / "demo.db"


@pytest.fixture
def demo_copy(demo_sqlite: Path, tmp_path: Path) -> str:
    """A fresh copy of the demo database for a test that commits (the API tests); the service
    tests cover PostgreSQL."""
    target = tmp_path / "copy.db"
    shutil.copy(demo_sqlite, target)
    return f"sqlite:///{target}"


@pytest.fixture
def council():
    from bot.council import service as council_service

    return council_service.home()
