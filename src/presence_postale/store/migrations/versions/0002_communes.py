"""communes: population and town-hall position, for the access report

Revision ID: 0002_communes
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_communes"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "commune",
        sa.Column("insee_code", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("department_code", sa.String(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("position", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("population_year", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["department_code"], ["department.code"]),
        sa.PrimaryKeyConstraint("insee_code"),
    )
    with op.batch_alter_table("commune", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commune_department_code"), ["department_code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("commune", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commune_department_code"))
    op.drop_table("commune")
