"""An adviser who can't sign in can ask for an emailed link that sets a new password once.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_recovery_links",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            ondelete="CASCADE",
            name="fk_staff_recovery_links_staff_id_staff",
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_staff_recovery_links"),
    )
    op.create_index("ix_staff_recovery_links_staff_id", "staff_recovery_links", ["staff_id"])


def downgrade() -> None:
    op.drop_index("ix_staff_recovery_links_staff_id", "staff_recovery_links")
    op.drop_table("staff_recovery_links")
