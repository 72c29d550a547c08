"""Conversations held by the chat gateway.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("council_slug", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_active_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("offered_buttons", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
    )
    op.create_index(op.f("ix_conversations_council_slug"), "conversations", ["council_slug"])
    op.create_index(op.f("ix_conversations_last_active_at"), "conversations", ["last_active_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_conversations_last_active_at"), table_name="conversations")
    op.drop_index(op.f("ix_conversations_council_slug"), table_name="conversations")
    op.drop_table("conversations")
