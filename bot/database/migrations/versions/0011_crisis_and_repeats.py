"""A conversation remembers that a resident may still be in crisis, and its last replies, so the
assistant stays with them after a crisis and never says the same thing three times running.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(
            sa.Column("crisis_open", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("recent_replies", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("recent_replies")
        batch.drop_column("crisis_open")
