"""Advisers, bookings, notifications, console staff and erasure requests belong to a council:
one deployment serves several.

What was there before belongs to the home council (``COUNCIL_FILE``), so an existing
deployment upgrades without losing anything. An adviser's rota key is unique within a council.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from bot.config import get_settings
from bot.council import service as council_service

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

TABLES = ("advisers", "bookings", "notifications", "staff", "erasure_requests")


def upgrade() -> None:
    home = council_service.load(get_settings().council_file).slug
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        # The default fills the rows already there. No table is rebuilt: on SQLite that drops
        # the old table, and its children (a session's staff, a booking's adviser) would go
        # with it (ON DELETE CASCADE), so SQLite keeps the default; the service always names
        # the council anyway.
        op.add_column(
            table,
            sa.Column("council_slug", sa.String(40), nullable=False, server_default=home),
        )
        if not sqlite:
            op.alter_column(table, "council_slug", server_default=None)
        op.create_index(f"ix_{table}_council_slug", table, ["council_slug"])
    op.drop_index("uq_advisers_key", table_name="advisers")
    op.create_index("uq_advisers_council_key", "advisers", ["council_slug", "key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_advisers_council_key", table_name="advisers")
    op.create_index("uq_advisers_key", "advisers", ["key"], unique=True)
    for table in TABLES:
        op.drop_index(f"ix_{table}_council_slug", table_name=table)
        op.drop_column(table, "council_slug")  # SQLite 3.35+ drops a column in place
