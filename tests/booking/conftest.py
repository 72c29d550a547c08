"""Booking tests run on the demo council's catalogue (its venues) and rota, on both engines."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.council import service as council_service
from bot.database.core import make_engine, session_factory
from tests.catalogue.conftest import _load, demo_db, demo_url  # noqa: F401  (shared fixtures)

# A Sunday evening in winter (London time is UTC): the demo rota's week starts tomorrow.
NOW = datetime(2026, 11, 29, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def council():
    return council_service.get_default()


@pytest.fixture(scope="module")
def demo_sqlite(tmp_path_factory) -> Path:
    """The demo database on SQLite, loaded once per module."""
    folder = tmp_path_factory.mktemp("demo-sqlite")
    _load(f"sqlite:///{folder / 'demo.db'}", folder)
    return folder / "demo.db"


@pytest.fixture
def demo_copy(demo_sqlite: Path, tmp_path: Path) -> str:
    """A fresh copy of the demo database for a test that commits (the API tests); the service
    tests cover PostgreSQL."""
    target = tmp_path / "copy.db"
    shutil.copy(demo_sqlite, target)
    return f"sqlite:///{target}"


@pytest.fixture
def copy_db(demo_copy: str) -> Iterator[Session]:
    engine = make_engine(demo_copy)
    with session_factory(engine)() as db_session:
        yield db_session
    engine.dispose()
