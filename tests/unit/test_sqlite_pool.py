"""SQLite connections are pooled, and a burst of requests never waits for one."""

from sqlalchemy import text

from bot.database.core import make_engine


def test_a_burst_beyond_the_pool_gets_connections_at_once_and_the_pool_keeps_ten(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    connections = [engine.connect() for _ in range(45)]  # more than the API's 40 threads
    assert all(c.execute(text("PRAGMA journal_mode")).scalar() == "wal" for c in connections)
    for connection in connections:
        connection.close()
    assert engine.pool.checkedin() == 10  # kept for the next requests, the rest closed
    engine.dispose()
