"""The combined authority a conversation began in, once it has moved to a member council: a
resident who corrects their postcode to another member's area is moved again.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("conversations", sa.Column("authority_slug", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:  # SQLite drops a column by copying
        batch.drop_column("authority_slug")
