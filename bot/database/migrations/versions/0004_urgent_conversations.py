"""Conversations flagged as urgent (a resident who may be in danger).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("urgent_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index(batch.f("ix_conversations_urgent_at"), ["urgent_at"])


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_index(batch.f("ix_conversations_urgent_at"))
        batch.drop_column("urgent_at")
