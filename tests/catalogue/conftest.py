"""Catalogue test helpers: migrated databases on both engines, and the demo catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.catalogue.search import vocabulary
from bot.database import migrate
from bot.database.core import make_engine, session_factory
from bot.demo import loader
from tests.conftest import postgres_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
IMPORTS = FIXTURES / "imports"
ORUK = FIXTURES / "oruk-v3-uk"


@pytest.fixture
def db(database_url: str) -> Iterator[Session]:
    """A session on a freshly migrated database (SQLite and PostgreSQL)."""
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    vocabulary.forget_cache()
    db_session = session_factory(engine)()
    try:
        yield db_session
    finally:
        db_session.close()
        engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_url(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    """A database holding the demo council's catalogue, loaded once per module and engine."""
    folder = tmp_path_factory.mktemp("demo")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'demo.db'}"
        _load(url, folder)
        yield url
    else:
        with postgres_database() as url:
            _load(url, folder)
            yield url


def _load(url: str, folder: Path) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    with session_factory(engine)() as db_session:
        loader.load(folder / "feeds", db_session=db_session)
        db_session.commit()
    engine.dispose()


@pytest.fixture
def demo_db(demo_url: str) -> Iterator[Session]:
    engine = make_engine(demo_url)
    vocabulary.forget_cache()
    db_session = session_factory(engine)()
    try:
        yield db_session
    finally:
        db_session.rollback()
        db_session.close()
        engine.dispose()
