"""people: agents' absences, occurrences' revisions (for calendars), the notification log

Revision ID: 0005_people
Revises: 0004_value_certainty
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_people"
down_revision: str | None = "0004_value_certainty"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agent_absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name="ck_absence_range"),
        sa.ForeignKeyConstraint(["agent_id"], ["agent.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agent_absence", schema=None) as batch_op:
        batch_op.create_index(
            "ix_absence_agent_dates", ["agent_id", "start_date", "end_date"], unique=False
        )
    op.create_table(
        "occurrence_revision",
        sa.Column("permanence_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_date", sa.Date(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["permanence_id"], ["permanence.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("permanence_id", "occurrence_date"),
    )
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(), nullable=False),
        sa.Column("digest", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("topic", "digest", name="uq_notification_topic_digest"),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index("ix_notification_status", ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_notification_topic"), ["topic"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_topic"))
        batch_op.drop_index("ix_notification_status")
    op.drop_table("notification")
    op.drop_table("occurrence_revision")
    with op.batch_alter_table("agent_absence", schema=None) as batch_op:
        batch_op.drop_index("ix_absence_agent_dates")
    op.drop_table("agent_absence")
