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
        "checked_in_at",
        "authority_slug",
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


def test_the_insight_migration_keeps_every_case_and_its_chat(database_url):
    """0015 changes no table with children: on SQLite a rebuilt ``cases`` table would be
    dropped, and its messages and notes would go with it (ON DELETE CASCADE)."""
    from sqlalchemy import text

    migrate.upgrade(database_url, "0014")
    engine = create_engine(database_url, future=True)
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO cases (id, reference, council_slug, reason, urgency, offer, status, "
                "answers, routing, summary, transcript, outcome, created_at, updated_at) VALUES "
                "(1, 'KH37XP', 'demo', 'asked', 1, 'youth_pathways', 'closed', '[]', '{}', '', "
                "'[]', 'job', '2026-11-01T10:00:00+00:00', '2026-11-01T10:00:00+00:00')"
            )
        )
        db.execute(
            text(
                "INSERT INTO case_messages (case_id, sender, text, created_at) VALUES "
                "(1, 'adviser', 'Hello', '2026-11-01T10:01:00+00:00')"
            )
        )
        db.execute(
            text(
                "INSERT INTO case_notes (case_id, text, created_at) VALUES "
                "(1, 'Called back', '2026-11-01T10:02:00+00:00')"
            )
        )
    migrate.upgrade(database_url)
    with engine.connect() as db:
        assert db.execute(text("SELECT count(*) FROM case_messages")).scalar() == 1
        assert db.execute(text("SELECT count(*) FROM case_notes")).scalar() == 1
        assert db.execute(text("SELECT outcome FROM cases")).scalar() == "job_16h_plus"
    migrate.downgrade(database_url, "0014")
    with engine.connect() as db:
        assert db.execute(text("SELECT outcome FROM cases")).scalar() == "job"
        assert db.execute(text("SELECT count(*) FROM case_messages")).scalar() == 1
    engine.dispose()


def test_the_council_migration_gives_existing_data_to_the_home_council(database_url):
    """0019: an existing deployment's advisers, bookings, messages, staff and requests become
    the home council's (COUNCIL_FILE), and nothing is lost on the way, not even a signed-in
    session (on SQLite a rebuilt ``staff`` table would take its sessions with it)."""
    from sqlalchemy import text

    migrate.upgrade(database_url, "0018")
    engine = create_engine(database_url, future=True)
    now = "'2026-11-01T10:00:00+00:00'"
    rows = [
        "INSERT INTO staff (id, email, first_name, full_name, role, offers, password_hash, "
        f"available, active, created_at) VALUES (1, 'a@x.example', 'A', 'A A', 'adviser', '[]', "
        f"'h', false, true, {now})",
        "INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, expires_at) "
        f"VALUES ('t', 1, 'c', {now}, {now})",
        "INSERT INTO advisers (id, key, first_name, team, offers, sessions, time_off, active) "
        "VALUES (1, 'amy', 'Amy', 'youth_pathways', '[]', '[]', '[]', true)",
        "INSERT INTO bookings (id, reference, adviser_id, starts_at, ends_at, channel, status, "
        f"consent, sequence, created_at, updated_at) VALUES (1, 'BK1AAA', 1, {now}, {now}, "
        f"'phone', 'confirmed', true, 0, {now}, {now})",
        'INSERT INTO notifications (medium, "to", purpose, subject, body, dedupe_key, status, '
        "attempts, created_at) VALUES ('sms', '07700900123', 'p', 's', 'b', 'k', 'held', 0, "
        f"{now})",
        "INSERT INTO erasure_requests (reference, contact, status, created_at) VALUES "
        f"('BK1AAA', '07700900123', 'open', {now})",
    ]
    with engine.begin() as db:
        for row in rows:
            db.execute(text(row))
    migrate.upgrade(database_url)
    tables = ("advisers", "bookings", "notifications", "staff", "erasure_requests")
    with engine.connect() as db:
        for table in tables:
            assert db.execute(text(f"SELECT council_slug FROM {table}")).scalars().all() == ["demo"]
        assert db.execute(text("SELECT count(*) FROM staff_sessions")).scalar() == 1
    migrate.downgrade(database_url, "0018")
    with engine.connect() as db:
        for table in (*tables, "staff_sessions"):
            assert db.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 1
    engine.dispose()


def test_vacancies_stored_before_are_read_for_driving_when_the_column_arrives(database_url):
    """0023 adds ``needs_driving``; the vacancies already there are read as an import would."""
    from sqlalchemy import text

    migrate.upgrade(database_url, "0022")
    engine = create_engine(database_url, future=True)
    insert = text(
        "INSERT INTO vacancies (uid, source, source_id, title, description, contract_type, "
        "remote, national, disability_confident, imported_at, updated_at) VALUES (:uid, 'feed', "
        ":uid, :title, :advert, 'permanent', false, false, false, :now, :now)"
    )
    with engine.begin() as connection:
        for uid, title, advert in (("v1", "Delivery Driver", ""),
                                   ("v2", "Care Assistant", "No driving licence required."),
                                   ("v3", "Cleaner", "Own car essential.")):  # fmt: skip
            connection.execute(insert, {"uid": uid, "title": title, "advert": advert,
                                        "now": "2026-12-07 09:00:00"})  # fmt: skip
    migrate.upgrade(database_url)
    with engine.connect() as connection:
        found = dict(connection.execute(text("SELECT uid, needs_driving FROM vacancies")).all())
    engine.dispose()
    assert {uid: bool(flag) for uid, flag in found.items()} == {"v1": True, "v2": False, "v3": True}
