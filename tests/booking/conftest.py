"""Booking tests run on the demo council's catalogue (its venues) and rota, on both engines
(the demo databases are the root conftest's fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from sqlalchemy.orm import Session

from bot.database.core import make_engine, session_factory

# A Sunday evening in winter (London time is UTC): the demo rota's week starts tomorrow.
NOW = datetime(2026, 11, 29, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def copy_db(demo_copy: str) -> Iterator[Session]:
    engine = make_engine(demo_copy)
    with session_factory(engine)() as db_session:
        yield db_session
    engine.dispose()
