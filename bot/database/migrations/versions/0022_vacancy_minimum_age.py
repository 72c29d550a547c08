"""The youngest a vacancy can take: a 16-year-old is no longer shown night work, security or
HGV driving jobs they cannot do.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("vacancies", sa.Column("minimum_age", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("vacancies") as batch:  # SQLite drops a column by copying
        batch.drop_column("minimum_age")
