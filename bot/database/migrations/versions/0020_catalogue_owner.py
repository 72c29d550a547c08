"""Catalogue records belong to a council, or to everyone: a council's local courses, jobs and
services are its own residents'; online and national provision stays shared (no council).

What was imported before is the home council's (``COUNCIL_FILE``) where it is local.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from bot.config import get_settings
from bot.council import service as council_service

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# Each table, and what makes one of its records local (the rest are shared).
LOCAL = {
    "courses": "delivery_mode <> 'online' AND NOT national",
    "vacancies": "NOT remote AND NOT national",
    "support_services": (
        "id IN (SELECT sal.service_id FROM service_at_locations sal "
        "JOIN venues v ON v.id = sal.venue_id WHERE v.location_type = 'physical')"
    ),
}


def upgrade() -> None:
    home = council_service.load(get_settings().council_file).slug
    for table, local in LOCAL.items():
        op.add_column(table, sa.Column("council_slug", sa.String(40), nullable=True))
        op.create_index(f"ix_{table}_council_slug", table, ["council_slug"])
        op.execute(
            sa.text(f"UPDATE {table} SET council_slug = :home WHERE {local}").bindparams(home=home)
        )


def downgrade() -> None:
    for table in LOCAL:
        op.drop_index(f"ix_{table}_council_slug", table_name=table)
        op.drop_column(table, "council_slug")
