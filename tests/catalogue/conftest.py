"""Catalogue test helpers: migrated databases on both engines (the demo catalogue is in the root
conftest, shared with the booking, handoff and action tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.catalogue.search import vocabulary
from bot.database import migrate
from bot.database.core import make_engine, session_factory

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
