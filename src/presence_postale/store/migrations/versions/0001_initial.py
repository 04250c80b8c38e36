"""initial schema: the whole domain model

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "department",
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "operator",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "programme",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("department_code", sa.String(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("funder", sa.String(), nullable=True),
        sa.Column("funding_eur", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("source_document", sa.String(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "planned_end IS NULL OR planned_end >= start_date", name="ck_programme_range"
        ),
        sa.ForeignKeyConstraint(
            ["department_code"],
            ["department.code"],
        ),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_department_code"), ["department_code"], unique=False
        )

    op.create_table(
        "site",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=True),
        sa.Column("address_extra", sa.String(), nullable=True),
        sa.Column("locality", sa.String(), nullable=True),
        sa.Column("postcode", sa.String(), nullable=True),
        sa.Column("commune", sa.String(), nullable=True),
        sa.Column("commune_key", sa.String(), nullable=True),
        sa.Column("insee_code", sa.String(), nullable=True),
        sa.Column("department_code", sa.String(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("parent_id", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("opening_hours", sa.String(), nullable=True),
        sa.Column("staff_count", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("staff_count IS NULL OR staff_count >= 0", name="ck_site_staff"),
        sa.ForeignKeyConstraint(
            ["department_code"],
            ["department.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.create_index(
            "ix_site_department_name", ["department_code", "name_key"], unique=False
        )
        batch_op.create_index("ix_site_insee", ["insee_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_site_commune_key"), ["commune_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_site_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_site_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "agent",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("home_site_id", sa.String(), nullable=True),
        sa.Column("weekly_hours", sa.Float(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["home_site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agent_home_site_id"), ["home_site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agent_name_key"), ["name_key"], unique=False)

    op.create_table(
        "closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name="ck_closure_range"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("closure", schema=None) as batch_op:
        batch_op.create_index(
            "ix_closure_site_dates", ["site_id", "start_date", "end_date"], unique=False
        )

    op.create_table(
        "programme_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_code", sa.String(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("previous_end", sa.Date(), nullable=True),
        sa.Column("new_end", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["programme_code"], ["programme.code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("programme_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_change_programme_code"), ["programme_code"], unique=False
        )

    op.create_table(
        "site_equipment",
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("equipment", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("site_id", "equipment"),
    )
    op.create_table(
        "site_label",
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("detail", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("site_id", "label"),
    )
    with op.batch_alter_table("site_label", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_label_label"), ["label"], unique=False)

    op.create_table(
        "site_operator",
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("operator_code", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_code"],
            ["operator.code"],
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("site_id", "operator_code"),
    )
    op.create_table(
        "space",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("min_minutes", sa.Integer(), nullable=True),
        sa.Column("max_minutes", sa.Integer(), nullable=True),
        sa.Column("max_days_ahead", sa.Integer(), nullable=True),
        sa.Column("max_hours_per_person_week", sa.Float(), nullable=True),
        sa.Column("cancel_cutoff_hours", sa.Integer(), nullable=True),
        sa.Column("opening_hours", sa.String(), nullable=True),
        sa.Column("booking_email", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.CheckConstraint("capacity >= 1", name="ck_space_capacity"),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("space", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_space_site_id"), ["site_id"], unique=False)

    op.create_table(
        "mediation_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("mediator_id", sa.String(), nullable=False),
        sa.Column("programme_code", sa.String(), nullable=True),
        sa.Column("session_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("session_type", sa.String(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("age_bands", sa.JSON(), nullable=False),
        sa.Column("social_statuses", sa.JSON(), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("device_model", sa.String(), nullable=True),
        sa.Column("autonomy", sa.String(), nullable=True),
        sa.Column("redirection", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("duration_minutes > 0", name="ck_mediation_duration"),
        sa.CheckConstraint("participants >= 1", name="ck_mediation_participants"),
        sa.ForeignKeyConstraint(
            ["mediator_id"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["programme_code"],
            ["programme.code"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.create_index("ix_mediation_date", ["session_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mediation_session_mediator_id"), ["mediator_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_mediation_session_programme_code"), ["programme_code"], unique=False
        )
        batch_op.create_index("ix_mediation_site_date", ["site_id", "session_date"], unique=False)

    op.create_table(
        "permanence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_code", sa.String(), nullable=False),
        sa.Column("agent_id", sa.String(), nullable=True),
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("rrule", sa.String(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("end_time > start_time", name="ck_permanence_times"),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from", name="ck_permanence_validity"
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["programme_code"],
            ["programme.code"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("permanence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_permanence_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_permanence_programme_code"), ["programme_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_permanence_site_id"), ["site_id"], unique=False)
        batch_op.create_index("ix_permanence_validity", ["valid_from", "valid_until"], unique=False)

    op.create_table(
        "reservation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("space_id", sa.String(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("person_name", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("organisation", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("series_id", sa.String(), nullable=True),
        sa.Column("person_key", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("end_at > start_at", name="ck_reservation_range"),
        sa.ForeignKeyConstraint(
            ["space_id"],
            ["space.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reservation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reservation_series_id"), ["series_id"], unique=False)
        batch_op.create_index(
            "ix_reservation_space_time", ["space_id", "start_at", "end_at"], unique=False
        )
        batch_op.create_index("ix_reservation_start", ["start_at"], unique=False)

    op.create_table(
        "permanence_exception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("permanence_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_date", sa.Date(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("new_date", sa.Date(), nullable=True),
        sa.Column("new_start", sa.Time(), nullable=True),
        sa.Column("new_end", sa.Time(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["permanence_id"], ["permanence.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("permanence_id", "occurrence_date", name="uq_exception_occurrence"),
    )
    with op.batch_alter_table("permanence_exception", schema=None) as batch_op:
        batch_op.create_index("ix_exception_new_date", ["new_date"], unique=False)

    op.create_table(
        "permanence_operator",
        sa.Column("permanence_id", sa.Integer(), nullable=False),
        sa.Column("operator_code", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_code"],
            ["operator.code"],
        ),
        sa.ForeignKeyConstraint(["permanence_id"], ["permanence.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("permanence_id", "operator_code"),
    )
    op.create_table(
        "permanence_outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("permanence_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_date", sa.Date(), nullable=False),
        sa.Column("visitors", sa.Integer(), nullable=False),
        sa.Column("requests", sa.JSON(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("visitors >= 0", name="ck_outcome_visitors"),
        sa.ForeignKeyConstraint(["permanence_id"], ["permanence.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("permanence_id", "occurrence_date", name="uq_outcome_occurrence"),
    )
    with op.batch_alter_table("permanence_outcome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_permanence_outcome_occurrence_date"), ["occurrence_date"], unique=False
        )

    op.create_table(
        "waitlist_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("space_id", sa.String(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("person_name", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("organisation", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("offered_reservation_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("offered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("end_at > start_at", name="ck_waitlist_range"),
        sa.ForeignKeyConstraint(
            ["offered_reservation_id"],
            ["reservation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["space_id"],
            ["space.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("waitlist_entry", schema=None) as batch_op:
        batch_op.create_index("ix_waitlist_space_time", ["space_id", "start_at"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("waitlist_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_waitlist_space_time")

    op.drop_table("waitlist_entry")
    with op.batch_alter_table("permanence_outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_permanence_outcome_occurrence_date"))

    op.drop_table("permanence_outcome")
    op.drop_table("permanence_operator")
    with op.batch_alter_table("permanence_exception", schema=None) as batch_op:
        batch_op.drop_index("ix_exception_new_date")

    op.drop_table("permanence_exception")
    with op.batch_alter_table("reservation", schema=None) as batch_op:
        batch_op.drop_index("ix_reservation_start")
        batch_op.drop_index("ix_reservation_space_time")
        batch_op.drop_index(batch_op.f("ix_reservation_series_id"))

    op.drop_table("reservation")
    with op.batch_alter_table("permanence", schema=None) as batch_op:
        batch_op.drop_index("ix_permanence_validity")
        batch_op.drop_index(batch_op.f("ix_permanence_site_id"))
        batch_op.drop_index(batch_op.f("ix_permanence_programme_code"))
        batch_op.drop_index(batch_op.f("ix_permanence_agent_id"))

    op.drop_table("permanence")
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.drop_index("ix_mediation_site_date")
        batch_op.drop_index(batch_op.f("ix_mediation_session_programme_code"))
        batch_op.drop_index(batch_op.f("ix_mediation_session_mediator_id"))
        batch_op.drop_index("ix_mediation_date")

    op.drop_table("mediation_session")
    with op.batch_alter_table("space", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_space_site_id"))

    op.drop_table("space")
    op.drop_table("site_operator")
    with op.batch_alter_table("site_label", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_label_label"))

    op.drop_table("site_label")
    op.drop_table("site_equipment")
    with op.batch_alter_table("programme_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_change_programme_code"))

    op.drop_table("programme_change")
    with op.batch_alter_table("closure", schema=None) as batch_op:
        batch_op.drop_index("ix_closure_site_dates")

    op.drop_table("closure")
    with op.batch_alter_table("agent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agent_name_key"))
        batch_op.drop_index(batch_op.f("ix_agent_home_site_id"))

    op.drop_table("agent")
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_parent_id"))
        batch_op.drop_index(batch_op.f("ix_site_name_key"))
        batch_op.drop_index(batch_op.f("ix_site_commune_key"))
        batch_op.drop_index("ix_site_insee")
        batch_op.drop_index("ix_site_department_name")

    op.drop_table("site")
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_department_code"))

    op.drop_table("programme")
    op.drop_table("operator")
    op.drop_table("department")
