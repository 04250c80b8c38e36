"""Alembic environment: migrations always run on a connection handed over by `store.schema`."""

from alembic import context

from presence_postale.store.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable through the alembic command line
    raise RuntimeError("run migrations through `presence-postale db upgrade`")

context.configure(
    connection=connection,
    target_metadata=metadata(),
    # SQLite alters tables by copying them: batch mode does that for every ALTER.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
