"""Rate-limit counts shared through the database when there is no Redis (bookings are taken by
both the API and the action server).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_counts",
        sa.Column("bucket", sa.String(120), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "period", name="pk_rate_counts"),
    )
    op.create_index("ix_rate_counts_expires_at", "rate_counts", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_rate_counts_expires_at", "rate_counts")
    op.drop_table("rate_counts")
