"""Advisers' rotas (offers, sessions, time off) and what each booking is for.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN and unique indexes: no table rebuild on SQLite, which would risk the
    # partial unique index that stops double booking.
    op.add_column("advisers", sa.Column("key", sa.String(60), nullable=True))
    op.add_column("advisers", sa.Column("offers", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("advisers", sa.Column("email", sa.String(254), nullable=True))
    op.add_column("advisers", sa.Column("sessions", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("advisers", sa.Column("time_off", sa.JSON(), nullable=False, server_default="[]"))
    op.create_index("uq_advisers_key", "advisers", ["key"], unique=True)
    op.add_column("bookings", sa.Column("offer", sa.String(40), nullable=True))
    op.add_column("bookings", sa.Column("calendar_token", sa.String(64), nullable=True))
    op.create_index("uq_bookings_calendar_token", "bookings", ["calendar_token"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_bookings_calendar_token", table_name="bookings")
    op.drop_column("bookings", "calendar_token")
    op.drop_column("bookings", "offer")
    op.drop_index("uq_advisers_key", table_name="advisers")
    for column in ("time_off", "sessions", "email", "offers", "key"):
        op.drop_column("advisers", column)
