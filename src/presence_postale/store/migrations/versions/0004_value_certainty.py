"""how sure a value is: the reason a record is illustrative, and a programme start's precision

Revision ID: 0004_value_certainty
Revises: 0003_coop_vocabulary
Create Date: 2026-11-28

Every table with an `illustrative` flag gets `illustrative_reason` (which values no source
gives, and what they rest on); a programme gets `start_precision` (day, month or year), so that
a start a source gives as « depuis le mois de mars » reads « mars 2019 », not as a day. Both
are new columns with no value or the default: every existing row is kept as it was.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_value_certainty"
down_revision: str | None = "0003_coop_vocabulary"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WITH_ILLUSTRATIVE = ("site", "agent", "programme", "permanence", "space")


def upgrade() -> None:
    for table in WITH_ILLUSTRATIVE:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("illustrative_reason", sa.String(), nullable=True))
    with op.batch_alter_table("programme") as batch:
        batch.add_column(
            sa.Column("start_precision", sa.String(), nullable=False, server_default="day")
        )


def downgrade() -> None:
    with op.batch_alter_table("programme") as batch:
        batch.drop_column("start_precision")
    for table in reversed(WITH_ILLUSTRATIVE):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("illustrative_reason")
