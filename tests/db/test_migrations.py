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
    }
    assert {"plans", "search_index_versions"} <= tables
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
