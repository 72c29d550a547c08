"""Cases for advisers (warm handoff), console accounts and sessions, the audit log, and
attendance for appointments.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("first_name", sa.String(60), nullable=False),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("offers", sa.JSON(), nullable=False),
        sa.Column("adviser_key", sa.String(60), nullable=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        _when("locked_until"),
        sa.Column("available", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _when("created_at", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_staff"),
        sa.UniqueConstraint("email", name="uq_staff_email"),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        _when("created_at", nullable=False),
        _when("expires_at", nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name="fk_staff_sessions_staff_id_staff", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_staff_sessions"),
    )
    op.create_index("ix_staff_sessions_staff_id", "staff_sessions", ["staff_id"])
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(9), nullable=False),
        sa.Column("council_slug", sa.String(40), nullable=False),
        sa.Column("conversation_id", sa.String(64), nullable=True),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("urgency", sa.Integer(), nullable=False),
        sa.Column("offer", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("routing", sa.JSON(), nullable=False),
        sa.Column("plan_reference", sa.String(9), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("transcript", sa.JSON(), nullable=False),
        sa.Column("contact", sa.JSON(), nullable=True),
        _when("callback_by"),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        _when("claimed_at"),
        _when("waiting_since"),
        sa.Column("outcome", sa.String(20), nullable=True),
        _when("created_at", nullable=False),
        _when("updated_at", nullable=False),
        _when("closed_at"),
        sa.ForeignKeyConstraint(
            ["claimed_by"], ["staff.id"], name="fk_cases_claimed_by_staff", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.UniqueConstraint("reference", name="uq_cases_reference"),
    )
    op.create_index("ix_cases_conversation_id", "cases", ["conversation_id"])
    op.create_index("ix_cases_queue", "cases", ["status", "urgency", "created_at"])
    for table, extra in (
        (
            "case_messages",
            [
                sa.Column("sender", sa.String(10), nullable=False),
                sa.Column("kind", sa.String(20), nullable=True),
            ],
        ),
        ("case_notes", []),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("case_id", sa.Integer(), nullable=False),
            *extra,
            sa.Column("staff_id", sa.Integer(), nullable=True),
            sa.Column("text", sa.Text(), nullable=False),
            _when("created_at", nullable=False),
            sa.ForeignKeyConstraint(
                ["case_id"], ["cases.id"], name=f"fk_{table}_case_id_cases", ondelete="CASCADE"
            ),
            sa.ForeignKeyConstraint(
                ["staff_id"], ["staff.id"], name=f"fk_{table}_staff_id_staff", ondelete="SET NULL"
            ),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        )
        op.create_index(f"ix_{table}_case_id", table, ["case_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        _when("at", nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(300), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name="fk_audit_log_staff_id_staff", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_audit_log_case_id_cases", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    for column in ("at", "staff_id", "case_id"):
        op.create_index(f"ix_audit_log_{column}", "audit_log", [column])
    # Plain ADD COLUMN: no SQLite table rebuild, which would risk the double-booking index.
    op.add_column("bookings", sa.Column("case_id", sa.Integer(), nullable=True))
    op.add_column("bookings", sa.Column("attendance", sa.String(16), nullable=True))
    op.create_index("ix_bookings_case_id", "bookings", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_bookings_case_id", table_name="bookings")
    op.drop_column("bookings", "attendance")
    op.drop_column("bookings", "case_id")
    for table in ("audit_log", "case_notes", "case_messages", "cases", "staff_sessions", "staff"):
        op.drop_table(table)
