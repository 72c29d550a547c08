"""Outcome insight: anonymous events, dated outcomes and their follow-ups, unanswered questions
and the keys a council's reporting tools read with.

Closed cases' outcomes take the funder-recognised keys of councils/outcomes/ (20 characters at
most, the column's width: widening it would make SQLite rebuild the cases table, and the rebuild's
DROP TABLE would cascade to every case's messages and notes).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

RENAMED = {
    "job": "job_16h_plus",
    "training": "training_part_time",
    "referral": "referral_accepted",
    "no_further_contact": "no_further_support",
}


def upgrade() -> None:
    op.create_table(
        "insight_events",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("council_slug", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(10), nullable=True),
        sa.Column("offer", sa.String(40), nullable=True),
        sa.Column("detail", sa.String(40), nullable=True),
        sa.Column("result", sa.String(20), nullable=True),
        sa.Column("age_band", sa.String(8), nullable=True),
        sa.Column("district", sa.String(4), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_insight_events"),
    )
    op.create_index(
        "ix_insight_events_report", "insight_events", ["council_slug", "occurred_on", "kind"]
    )
    op.create_table(
        "case_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], ondelete="CASCADE", name="fk_case_outcomes_case_id_cases"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["staff.id"],
            ondelete="SET NULL",
            name="fk_case_outcomes_recorded_by_staff",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_outcomes"),
    )
    op.create_index("ix_case_outcomes_case_id", "case_outcomes", ["case_id"])
    op.create_table(
        "outcome_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(20), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["case_outcomes.id"],
            ondelete="CASCADE",
            name="fk_outcome_follow_ups_outcome_id_case_outcomes",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["staff.id"],
            ondelete="SET NULL",
            name="fk_outcome_follow_ups_recorded_by_staff",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_outcome_follow_ups"),
        sa.UniqueConstraint("outcome_id", "weeks", name="uq_outcome_follow_ups_outcome_id"),
    )
    op.create_index("ix_outcome_follow_ups_outcome_id", "outcome_follow_ups", ["outcome_id"])
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_slug", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handled_by"],
            ["staff.id"],
            ondelete="SET NULL",
            name="fk_unanswered_questions_handled_by_staff",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_unanswered_questions"),
    )
    op.create_index("ix_unanswered_report", "unanswered_questions", ["council_slug", "asked_on"])
    op.create_table(
        "insight_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_slug", sa.String(40), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["staff.id"],
            ondelete="SET NULL",
            name="fk_insight_keys_created_by_staff",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_insight_keys"),
        sa.UniqueConstraint("key_hash", name="uq_insight_keys_key_hash"),
    )
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("counted", sa.JSON(), nullable=True))
    cases = sa.table("cases", sa.column("outcome", sa.String(20)))
    for old, new in RENAMED.items():
        op.execute(cases.update().where(cases.c.outcome == old).values(outcome=new))


def downgrade() -> None:
    cases = sa.table("cases", sa.column("outcome", sa.String(20)))
    for old, new in RENAMED.items():
        op.execute(cases.update().where(cases.c.outcome == new).values(outcome=old))
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("counted")
    op.drop_table("insight_keys")
    op.drop_index("ix_unanswered_report", "unanswered_questions")
    op.drop_table("unanswered_questions")
    op.drop_index("ix_outcome_follow_ups_outcome_id", "outcome_follow_ups")
    op.drop_table("outcome_follow_ups")
    op.drop_index("ix_case_outcomes_case_id", "case_outcomes")
    op.drop_table("case_outcomes")
    op.drop_index("ix_insight_events_report", "insight_events")
    op.drop_table("insight_events")
