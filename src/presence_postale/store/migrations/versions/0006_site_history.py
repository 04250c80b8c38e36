"""site history: opening hours, polyvalent staff and labels become histories of versions

Revision ID: 0006_site_history
Revises: 0005_people
Create Date: 2026-11-28

A report of a past week must say what was in force then, so a site's hours, staff count and
labels each become a history of dated versions (`site_hours_version`, `site_staff_version`,
`site_label_version`). Every value a site holds becomes its first version, valid since the
beginning (0001-01-01), entered by `migrated` and recorded at the site's last change; a label
keeps its date and format. Then `site.opening_hours`, `site.staff_count` and the `site_label`
table, whose values now live in the versions, are dropped: no value is lost, each has moved.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006_site_history"
down_revision: str | None = "0005_people"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEGINNING = date(1, 1, 1)
MIGRATED = "migrated"

site = sa.table(
    "site",
    sa.column("id", sa.String()),
    sa.column("opening_hours", sa.String()),
    sa.column("staff_count", sa.Integer()),
    sa.column("updated_at", sa.DateTime()),
)
site_label = sa.table(
    "site_label",
    sa.column("site_id", sa.String()),
    sa.column("label", sa.String()),
    sa.column("since", sa.Date()),
    sa.column("detail", sa.String()),
)


def _version_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
    ]


def _create_tables() -> tuple[sa.Table, sa.Table, sa.Table]:
    hours = op.create_table(
        "site_hours_version",
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("opening_hours", sa.String(), nullable=False),
        *_version_columns(),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("site_id", "valid_from"),
    )
    staff = op.create_table(
        "site_staff_version",
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("staff_count", sa.Integer(), nullable=False),
        *_version_columns(),
        sa.CheckConstraint("staff_count >= 0", name="ck_site_staff_version"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("site_id", "valid_from"),
    )
    labels = op.create_table(
        "site_label_version",
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("held", sa.Boolean(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("detail", sa.String(), nullable=True),
        *_version_columns(),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("site_id", "label", "valid_from"),
    )
    with op.batch_alter_table("site_label_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_label_version_label"), ["label"], unique=False)
    assert hours is not None and staff is not None and labels is not None
    return hours, staff, labels


def upgrade() -> None:
    hours, staff, labels = _create_tables()
    since = sa.literal(BEGINNING, sa.Date())
    migrated = sa.literal(MIGRATED, sa.String())
    op.execute(
        hours.insert().from_select(
            ["site_id", "valid_from", "opening_hours", "source", "recorded_at"],
            sa.select(site.c.id, since, site.c.opening_hours, migrated, site.c.updated_at).where(
                site.c.opening_hours.is_not(None)
            ),
        )
    )
    op.execute(
        staff.insert().from_select(
            ["site_id", "valid_from", "staff_count", "source", "recorded_at"],
            sa.select(site.c.id, since, site.c.staff_count, migrated, site.c.updated_at).where(
                site.c.staff_count.is_not(None)
            ),
        )
    )
    op.execute(
        labels.insert().from_select(
            ["site_id", "label", "valid_from", "held", "since", "detail", "source", "recorded_at"],
            sa.select(
                site_label.c.site_id,
                site_label.c.label,
                since,
                sa.true(),
                site_label.c.since,
                site_label.c.detail,
                migrated,
                site.c.updated_at,
            ).join(site, site.c.id == site_label.c.site_id),
        )
    )
    with op.batch_alter_table("site_label", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_label_label"))
    op.drop_table("site_label")
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.drop_constraint("ck_site_staff", type_="check")
        batch_op.drop_column("opening_hours")
        batch_op.drop_column("staff_count")


def downgrade() -> None:
    """Back to one value a site: the latest version of each (earlier ones cannot be kept)."""
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opening_hours", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("staff_count", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            "ck_site_staff", sa.text("staff_count IS NULL OR staff_count >= 0")
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
    op.execute(
        "UPDATE site SET opening_hours = (SELECT v.opening_hours FROM site_hours_version v "
        "WHERE v.site_id = site.id ORDER BY v.valid_from DESC LIMIT 1)"
    )
    op.execute(
        "UPDATE site SET staff_count = (SELECT v.staff_count FROM site_staff_version v "
        "WHERE v.site_id = site.id ORDER BY v.valid_from DESC LIMIT 1)"
    )
    op.execute(
        "INSERT INTO site_label (site_id, label, since, detail) "
        "SELECT v.site_id, v.label, v.since, v.detail FROM site_label_version v "
        "WHERE v.held AND v.valid_from = (SELECT max(w.valid_from) FROM site_label_version w "
        "WHERE w.site_id = v.site_id AND w.label = v.label)"
    )
    with op.batch_alter_table("site_label_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_label_version_label"))
    op.drop_table("site_label_version")
    op.drop_table("site_staff_version")
    op.drop_table("site_hours_version")
