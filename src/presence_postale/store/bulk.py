"""The one door for bulk writes: many rows into one table, inside the caller's transaction,
through the fastest way the database at hand offers.

On SQLite, `sqlite3`'s `executemany` (one prepared statement, every row bound in C); on
PostgreSQL, psycopg's `executemany` in pipeline mode, in batches, through SQLAlchemy (its
"insertmanyvalues": one INSERT of many VALUES per batch). `writer` gives a bulk import its
connection: SQLite's own driver straight into a current file (SQLAlchemy not even loaded),
or a session's connection anywhere else, so that no command chooses a driver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlmodel import Session

    from presence_postale.store.db import Location
    from presence_postale.store.raw import Sql

# Rows sent to the server at once: enough to amortise a round trip, few enough to stay small.
BATCH = 1000


def insert(into: Session | Connection, table: str, rows: Sequence[dict[str, Any]]) -> int:
    """Insert `rows` (column -> value, every row the same columns) into `table`, through a
    session's connection or a connection; how many."""
    from sqlalchemy import insert as insert_into
    from sqlalchemy.engine import Connection

    from presence_postale.store import models as m

    if not rows:
        return 0
    target = m.metadata().tables[table]
    connection = into if isinstance(into, Connection) else into.connection()
    for start in range(0, len(rows), BATCH):
        connection.execute(insert_into(target), list(rows[start : start + BATCH]))
    return len(rows)


def rows(db: Session, table: str, *columns: str) -> Iterator[dict[str, Any]]:
    """Every row of `table` (the named columns, or all), as a mapping, read in one query."""
    from sqlalchemy import select

    from presence_postale.store import models as m

    target = m.metadata().tables[table]
    chosen: list[Any] = [target.c[name] for name in columns] or [target]
    for row in db.connection().execute(select(*chosen)).mappings():
        yield dict(row)


@contextmanager
def writer(
    location: Location, session: Callable[[], AbstractContextManager[Session]]
) -> Iterator[Sql]:
    """Where a bulk import writes, in one transaction: straight into a SQLite file whose schema
    is current, through SQLite's own driver; anywhere else through `session()`, which creates,
    upgrades or refuses the database as for any command."""
    from presence_postale.store import raw

    if location.path is not None and raw.is_current_file(location):
        with raw.sqlite_writer(location.path) as sql:
            yield sql
    else:
        with session() as db:
            yield raw.AlchemySql(db)
