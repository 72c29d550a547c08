"""Whether a vacancy needs its holder to drive: a resident who can't drive or has no car is no
longer shown driving jobs, or jobs whose advert asks for a licence or own transport.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from bot.catalogue.vacancy.driving import needs_driving

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "vacancies",
        sa.Column("needs_driving", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    # Vacancies stored before: read once here, as the import reads every new one.
    vacancies = sa.table(
        "vacancies", sa.column("id"), sa.column("title"), sa.column("description"),
        sa.column("needs_driving"),
    )  # fmt: skip
    if op.get_context().as_sql:  # offline (--sql): no rows to read; the next import sets them
        return
    bind = op.get_bind()
    query = sa.select(vacancies.c.id, vacancies.c.title, vacancies.c.description)
    # Not all at once; an option of this statement only (on the connection, it would make
    # Alembic's own UPDATE a server-side cursor too, which PostgreSQL refuses).
    rows = bind.execute(query.execution_options(stream_results=True))
    driving = [row.id for row in rows if needs_driving(row.title, row.description)]
    for start in range(0, len(driving), 500):
        ids = driving[start : start + 500]
        bind.execute(
            vacancies.update().where(vacancies.c.id.in_(ids)).values(needs_driving=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("vacancies") as batch:  # SQLite drops a column by copying
        batch.drop_column("needs_driving")
