"""A conversation remembers what kind of danger the resident spoke of, so the numbers kept under
later replies are the right ones (the abuse helpline after abuse, not only Samaritans).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("crisis_kind", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("crisis_kind")
