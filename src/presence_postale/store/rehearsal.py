"""Where a dry run writes when the database may only be read.

A dry run (`import … --dry-run`) does what the command does, then rolls it back: it writes,
inside a transaction nobody else sees. A SQLite file this process may not write (read-only
file, directory or mount, another user's file) cannot take even that, so the dry run writes
into a copy of it in memory, made through the engine's own read-only connection (SQLite's
online backup: one consistent state of the file, nothing written beside it), and thrown away
afterwards. A database this process may write is used as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def _may_not_write(engine: Engine) -> bool:
    from presence_postale.store.db import READ_ONLY

    return engine.dialect.name == "sqlite" and bool(engine.get_execution_options().get(READ_ONLY))


@contextmanager
def rehearsal(engine: Engine) -> Iterator[Engine]:
    """`engine` itself when this process may write its database, else an engine on a copy of
    it in memory, set up as the file's (foreign keys…), disposed of when the block ends."""
    if not _may_not_write(engine):
        yield engine
        return
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    from presence_postale.store import db

    copy = sqlite3.connect(":memory:", check_same_thread=False)
    source = engine.raw_connection()
    try:
        source.driver_connection.backup(copy)  # type: ignore[union-attr]
    finally:
        source.close()
    scratch = create_engine("sqlite://", creator=lambda: copy, poolclass=StaticPool)
    event.listen(scratch, "connect", db._on_connect)
    event.listen(scratch, "begin", db._on_begin)
    try:
        yield scratch
    finally:
        scratch.dispose()
        copy.close()
