"""Engine, sessions and the declarative base shared by every domain's tables."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.config import get_settings

# Stable constraint names so Alembic migrations read the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))


def sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets the API read while another process writes; foreign keys are off by default.

    Searches read many pages of the full-text index: mapping the file into memory and a larger
    page cache save a system call and a copy per page (about a tenth of a search's time).
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA mmap_size=1073741824")  # 1 GiB of address space, not of memory
    cursor.execute("PRAGMA cache_size=-32768")  # 32 MiB per connection
    # What is deleted is overwritten, not left in free pages for a copy of the file to show.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def checkpoint(engine: Engine) -> None:
    """Move a SQLite file's write-ahead log into the database and empty it, so the log no
    longer holds what was just deleted (the database's freed pages are zeroed by
    ``secure_delete``). Nothing to do on PostgreSQL, whose dead rows VACUUM clears. Best
    effort: a reader still on an old snapshot keeps the log until the next checkpoint."""
    if engine.dialect.name != "sqlite":
        return
    for attempt in range(CHECKPOINT_TRIES):
        with engine.connect() as connection:
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()[0]
        if not busy:
            return
        time.sleep(0.1 * (attempt + 1))  # another process's reader is finishing: try again


CHECKPOINT_TRIES = 5


def sqlite_engine_kwargs() -> dict:
    """A pool of SQLite connections shared by threads. SQLAlchemy 1.4 opens a new connection
    for every session on a SQLite file (2.0 pools them), and each new one runs the pragmas
    above: under load that was several milliseconds of every turn. Ten are kept (each may hold
    up to 32 MiB of page cache); beyond that a connection is opened for the request and closed
    after it, so no request ever waits for one."""
    return {
        "poolclass": QueuePool,
        "pool_size": 10,
        "max_overflow": -1,
        "connect_args": {"check_same_thread": False, "timeout": 5},
    }


def make_engine(url: str) -> Engine:
    """An engine with the pool settings that suit the URL's database."""
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True, hide_parameters=True, **sqlite_engine_kwargs())
        event.listen(engine, "connect", sqlite_pragmas)
        return engine
    return create_engine(
        url,
        future=True,
        # A failed statement's error (logged) must not carry residents' words or ids.
        hide_parameters=True,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        pool_timeout=5,
        connect_args={"connect_timeout": 5} if url.startswith("postgresql") else {},
    )


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> Engine:
    settings = get_settings()
    if url is None and settings.effective_database_url.startswith("sqlite"):
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    return make_engine(url or settings.effective_database_url)


def session_factory(engine: Engine | None = None) -> sessionmaker:
    # Relationships name their targets as strings; every model must be imported before use.
    import bot.database.registry  # noqa: F401

    return sessionmaker(bind=engine or get_engine(), future=True, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker | None = None) -> Iterator[Session]:
    """One unit of work: committed if the block succeeds, rolled back if it raises."""
    session: Session = (factory or session_factory())()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
