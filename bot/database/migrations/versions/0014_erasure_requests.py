"""Residents can ask for what is held about them to be erased; the request waits for an admin.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasure_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(12), nullable=False),
        sa.Column("contact", sa.String(254), nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("handled_by", sa.Integer(), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["handled_by"],
            ["staff.id"],
            ondelete="SET NULL",
            name="fk_erasure_requests_handled_by_staff",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_erasure_requests"),
    )
    op.create_index("ix_erasure_requests_created_at", "erasure_requests", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_erasure_requests_created_at", "erasure_requests")
    op.drop_table("erasure_requests")
