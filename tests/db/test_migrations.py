"""Migrations run forwards and back on both databases, and match the models."""

from sqlalchemy import create_engine, inspect

from bot.database import migrate


def test_upgrade_creates_tables_and_downgrade_removes_them(database_url):
    migrate.upgrade(database_url)
    engine = create_engine(database_url, future=True)
    tables = set(inspect(engine).get_table_names())
    assert {"conversations", "alembic_version"} <= tables
    columns = {c["name"] for c in inspect(engine).get_columns("conversations")}
    assert columns == {
        "id",
        "council_slug",
        "channel",
        "created_at",
        "last_active_at",
        "turns",
        "offered_buttons",
        "urgent_at",
        "last_message_id",
        "last_replies",
        "crisis_open",
        "recent_replies",
        "crisis_kind",
        "counted",
    }
    assert {"plans", "search_index_versions", "insight_events", "case_outcomes"} <= tables
    migrate.downgrade(database_url, "base")
    assert "conversations" not in set(inspect(engine).get_table_names())
    migrate.upgrade(database_url)  # and forwards again: migrations are repeatable
    assert "conversations" in set(inspect(engine).get_table_names())
    engine.dispose()


def test_models_and_migrations_agree(database_url):
    """Autogenerate finds nothing to do: no table or column exists only in code."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bot.database.registry import include_object, metadata

    migrate.upgrade(database_url)
    engine = create_engine(database_url, future=True)
    with engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"include_object": include_object}),
            metadata,
        )
    engine.dispose()
    assert diff == []


def test_alembic_by_hand_uses_the_repositorys_ini_and_the_services_database(tmp_path):
    """`alembic revision --autogenerate` works from the repository root (README): the same
    migrations, the service's database, and nothing left to generate."""
    import os
    import subprocess
    import sys

    from bot.config import PROJECT_ROOT

    url = f"sqlite:///{tmp_path / 'by-hand.db'}"
    migrate.upgrade(url)
    env = {**os.environ, "DATABASE_URL": url}
    alembic = [sys.executable, "-m", "alembic", "-c", str(PROJECT_ROOT / "alembic.ini")]
    current = subprocess.run([*alembic, "current"], env=env, cwd=PROJECT_ROOT,
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert "(head)" in current.stdout
    check = subprocess.run([*alembic, "check"], env=env, cwd=PROJECT_ROOT,
                           capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
