"""Residents' personal plans.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(12), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("conversation_id", sa.String(64), nullable=True),
        sa.Column("council_slug", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("reference", name=op.f("uq_plans_reference")),
        sa.UniqueConstraint("token", name=op.f("uq_plans_token")),
    )
    op.create_index(op.f("ix_plans_conversation_id"), "plans", ["conversation_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_plans_conversation_id"), table_name="plans")
    op.drop_table("plans")
