"""When a resident was asked whether they are safe (the concern classifier was worried and the
rules were not), so they are asked once, not at every message.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "conversations", sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:  # SQLite drops a column by copying
        batch.drop_column("checked_in_at")
