"""Advisers and bookings, with no double booking enforced by the database.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ACTIVE = sa.text("status != 'cancelled'")


def upgrade() -> None:
    op.create_table(
        "advisers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(60), nullable=False),
        sa.Column("team", sa.String(40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advisers")),
    )
    op.create_index(op.f("ix_advisers_team"), "advisers", ["team"])
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(8), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("hold_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_name", sa.String(60), nullable=True),
        sa.Column("contact", sa.String(254), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("idempotency_key", sa.String(100), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["adviser_id"], ["advisers.id"], name=op.f("fk_bookings_adviser_id_advisers")
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"],
            ["venues.id"],
            name=op.f("fk_bookings_venue_id_venues"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("reference", name=op.f("uq_bookings_reference")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_bookings_idempotency_key")),
    )
    op.create_index(op.f("ix_bookings_conversation_id"), "bookings", ["conversation_id"])
    op.create_index(
        "uq_bookings_adviser_time", "bookings", ["adviser_id", "starts_at"], unique=True,
        sqlite_where=ACTIVE, postgresql_where=ACTIVE,
    )  # fmt: skip
    if op.get_bind().dialect.name == "postgresql":
        # Overlapping times too, not only equal starts (btree_gist lets gist compare ids).
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(
            "ALTER TABLE bookings ADD CONSTRAINT ex_bookings_adviser_time EXCLUDE USING gist "
            "(adviser_id WITH =, tstzrange(starts_at, ends_at) WITH &&) "
            "WHERE (status <> 'cancelled')"
        )


def downgrade() -> None:
    op.drop_table("bookings")
    op.drop_index(op.f("ix_advisers_team"), table_name="advisers")
    op.drop_table("advisers")
