"""record ids: a stable identifier (UUID) on every record the database numbers itself

Permanences, bookings, waiting lists, sessions, closures, absences and programme changes were
known by their row number only, so two departments' records collided when merged. Each row
gets an identifier derived from its natural key (`domain.identity`), so that two databases
loaded from the same seed agree on it; rows sharing a key are told apart by their order.

Revision ID: 0007_record_ids
Revises: 0006_site_history
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from presence_postale.domain.identity import NATURAL_KEYS, derived_uid

revision: str = "0007_record_ids"
down_revision: str | None = "0006_site_history"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The types of the natural keys' columns, so that values are read as the models read them.
_TYPES = {
    "start_time": sa.Time,
    "valid_from": sa.Date,
    "start_at": sa.DateTime,
    "end_at": sa.DateTime,
    "session_date": sa.Date,
    "start_date": sa.Date,
    "end_date": sa.Date,
    "changed_on": sa.Date,
    "new_end": sa.Date,
}


def _fill(table: str) -> None:
    names = NATURAL_KEYS[table]
    rows = sa.table(
        table,
        sa.column("id", sa.Integer),
        sa.column("uid", sa.String),
        *(sa.column(name, _TYPES.get(name, sa.String)) for name in names),
    )
    connection = op.get_bind()
    seen: dict[str, int] = {}
    updates = []
    for row in connection.execute(sa.select(rows).order_by(rows.c.id)):
        values = dict(row._mapping)
        first = derived_uid(table, values)
        count = seen.get(first, 0)
        seen[first] = count + 1
        updates.append({"row_id": values["id"], "new_uid": derived_uid(table, values, count)})
    if updates:
        connection.execute(
            rows.update().where(rows.c.id == sa.bindparam("row_id")),
            [{"row_id": u["row_id"], "uid": u["new_uid"]} for u in updates],
        )


def upgrade() -> None:
    for table in NATURAL_KEYS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
        _fill(table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
            batch_op.create_index(f"ix_{table}_uid", ["uid"], unique=True)


def downgrade() -> None:
    for table in reversed(list(NATURAL_KEYS)):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_uid")
            batch_op.drop_column("uid")
