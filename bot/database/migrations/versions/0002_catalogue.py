"""The catalogue: organisations, venues, courses, vacancies, support services, postcodes, and
the full-text index (FTS5 on SQLite, GIN-indexed tsvector tables on PostgreSQL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


FTS = {"fts_courses": "courses", "fts_vacancies": "vacancies", "fts_services": "support_services"}


def _create_full_text_index() -> None:
    """Kept in step with ``bot.catalogue.search.index``, which reads and writes these tables."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, source in FTS.items():
        if sqlite:
            op.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, tags, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
        else:
            op.execute(
                f"CREATE TABLE {table} (id INTEGER PRIMARY KEY REFERENCES {source}(id) "
                "ON DELETE CASCADE, document tsvector NOT NULL)"
            )
            op.execute(f"CREATE INDEX ix_{table}_document ON {table} USING gin (document)")


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("source", "source_id", name="uq_organisations_source"),
        sa.UniqueConstraint("uid", name=op.f("uq_organisations_uid")),
    )
    op.create_table(
        "postcodes",
        sa.Column("postcode", sa.String(length=8), nullable=False),
        sa.Column("outward", sa.String(length=4), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("la_code", sa.String(length=9), nullable=True),
        sa.Column("terminated", sa.Boolean(), nullable=False),
        sa.Column("terminated_on", sa.String(length=7), nullable=True),
        sa.PrimaryKeyConstraint("postcode", name=op.f("pk_postcodes")),
    )
    with op.batch_alter_table("postcodes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_postcodes_la_code"), ["la_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_postcodes_outward"), ["outward"], unique=False)

    op.create_table(
        "search_terms",
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_search_terms")),
    )
    op.create_table(
        "taxonomies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("uri", sa.String(length=500), nullable=True),
        sa.Column("version", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taxonomies")),
        sa.UniqueConstraint("source", "source_id", name="uq_taxonomies_source"),
        sa.UniqueConstraint("uid", name=op.f("uq_taxonomies_uid")),
    )
    op.create_table(
        "support_services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("fees", sa.Text(), nullable=True),
        sa.Column("accreditations", sa.Text(), nullable=True),
        sa.Column("minimum_age", sa.Integer(), nullable=True),
        sa.Column("maximum_age", sa.Integer(), nullable=True),
        sa.Column("alert", sa.Text(), nullable=True),
        sa.Column("assured_date", sa.Date(), nullable=True),
        sa.Column("last_modified", sa.DateTime(timezone=True), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_support_services_organisation_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_services")),
        sa.UniqueConstraint("source", "source_id", name="uq_support_services_source"),
        sa.UniqueConstraint("uid", name=op.f("uq_support_services_uid")),
    )
    op.create_table(
        "taxonomy_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("parent_uid", sa.String(length=36), nullable=True),
        sa.Column("taxonomy_id", sa.Integer(), nullable=True),
        sa.Column("taxonomy_name", sa.String(length=200), nullable=True),
        sa.Column("term_uri", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["taxonomy_id"],
            ["taxonomies.id"],
            name=op.f("fk_taxonomy_terms_taxonomy_id_taxonomies"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taxonomy_terms")),
        sa.UniqueConstraint("source", "source_id", name="uq_taxonomy_terms_source"),
        sa.UniqueConstraint("uid", name=op.f("uq_taxonomy_terms_uid")),
    )
    op.create_table(
        "vacancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("wage_min_pence", sa.Integer(), nullable=True),
        sa.Column("wage_max_pence", sa.Integer(), nullable=True),
        sa.Column("wage_unit", sa.String(length=10), nullable=True),
        sa.Column("wage_text", sa.String(length=300), nullable=True),
        sa.Column("hours_per_week", sa.Float(), nullable=True),
        sa.Column("contract_type", sa.String(length=20), nullable=False),
        sa.Column("full_time", sa.Boolean(), nullable=True),
        sa.Column("posted_date", sa.Date(), nullable=True),
        sa.Column("closing_date", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("town", sa.String(length=100), nullable=True),
        sa.Column("postcode", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("national", sa.Boolean(), nullable=False),
        sa.Column("apprenticeship_level", sa.Integer(), nullable=True),
        sa.Column("training_provider", sa.String(length=300), nullable=True),
        sa.Column("disability_confident", sa.Boolean(), nullable=False),
        sa.Column("apply_url", sa.String(length=500), nullable=True),
        sa.Column("positions", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["organisations.id"],
            name=op.f("fk_vacancies_employer_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vacancies")),
        sa.UniqueConstraint("source", "source_id", name="uq_vacancies_source"),
        sa.UniqueConstraint("uid", name=op.f("uq_vacancies_uid")),
    )
    with op.batch_alter_table("vacancies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vacancies_closing_date"), ["closing_date"], unique=False
        )

    op.create_table(
        "venues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("location_type", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("address_1", sa.String(length=300), nullable=True),
        sa.Column("address_2", sa.String(length=300), nullable=True),
        sa.Column("town", sa.String(length=100), nullable=True),
        sa.Column("postcode", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("opening_hours", sa.JSON(), nullable=True),
        sa.Column("accessibility", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_venues_organisation_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venues")),
        sa.UniqueConstraint("source", "source_id", name="uq_venues_source"),
        sa.UniqueConstraint("uid", name=op.f("uq_venues_uid")),
    )
    with op.batch_alter_table("venues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_venues_postcode"), ["postcode"], unique=False)
        batch_op.create_index(batch_op.f("ix_venues_town"), ["town"], unique=False)

    op.create_table(
        "courses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("subject", sa.String(length=100), nullable=True),
        sa.Column("level", sa.String(length=2), nullable=True),
        sa.Column("course_type", sa.String(length=30), nullable=False),
        sa.Column("study_mode", sa.String(length=20), nullable=True),
        sa.Column("attendance_pattern", sa.String(length=30), nullable=True),
        sa.Column("delivery_mode", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("flexible_start", sa.Boolean(), nullable=False),
        sa.Column("duration_value", sa.Integer(), nullable=True),
        sa.Column("duration_unit", sa.String(length=10), nullable=True),
        sa.Column("cost_pence", sa.Integer(), nullable=True),
        sa.Column("cost_description", sa.Text(), nullable=True),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("venue_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("national", sa.Boolean(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["organisations.id"],
            name=op.f("fk_courses_provider_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"],
            ["venues.id"],
            name=op.f("fk_courses_venue_id_venues"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
        sa.UniqueConstraint("source", "source_id", name="uq_courses_source"),
        sa.UniqueConstraint("uid", name=op.f("uq_courses_uid")),
    )
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_courses_start_date"), ["start_date"], unique=False)

    op.create_table(
        "service_at_locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["support_services.id"],
            name=op.f("fk_service_at_locations_service_id_support_services"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"],
            ["venues.id"],
            name=op.f("fk_service_at_locations_venue_id_venues"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_at_locations")),
        sa.UniqueConstraint("uid", name=op.f("uq_service_at_locations_uid")),
    )
    with op.batch_alter_table("service_at_locations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_at_locations_service_id"), ["service_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_service_at_locations_venue_id"), ["venue_id"], unique=False
        )

    op.create_table(
        "service_taxonomy_terms",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["support_services.id"],
            name=op.f("fk_service_taxonomy_terms_service_id_support_services"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["term_id"],
            ["taxonomy_terms.id"],
            name=op.f("fk_service_taxonomy_terms_term_id_taxonomy_terms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("service_id", "term_id", name=op.f("pk_service_taxonomy_terms")),
    )
    _create_full_text_index()


def downgrade() -> None:
    for table in FTS:
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.drop_table("service_taxonomy_terms")
    with op.batch_alter_table("service_at_locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_at_locations_venue_id"))
        batch_op.drop_index(batch_op.f("ix_service_at_locations_service_id"))

    op.drop_table("service_at_locations")
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_courses_start_date"))

    op.drop_table("courses")
    with op.batch_alter_table("venues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venues_town"))
        batch_op.drop_index(batch_op.f("ix_venues_postcode"))

    op.drop_table("venues")
    with op.batch_alter_table("vacancies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vacancies_closing_date"))

    op.drop_table("vacancies")
    op.drop_table("taxonomy_terms")
    op.drop_table("support_services")
    op.drop_table("taxonomies")
    op.drop_table("search_terms")
    with op.batch_alter_table("postcodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_postcodes_outward"))
        batch_op.drop_index(batch_op.f("ix_postcodes_la_code"))

    op.drop_table("postcodes")
    op.drop_table("organisations")
