"""The one door for bulk writes: many rows into one table, inside the caller's transaction,
through the fastest way the database at hand offers.

On SQLite, `sqlite3`'s `executemany` (one prepared statement, every row bound in C); on
PostgreSQL, COPY (about twice as fast as batches of INSERT for a national file's sites), on the
session's own connection and transaction, unless a row holds JSON or leaves out a column with
a default: then psycopg's `executemany` in batches, through SQLAlchemy (its
"insertmanyvalues": one INSERT of many VALUES per batch). `writer` gives a bulk import its
connection: SQLite's own driver straight into a current file (SQLAlchemy not even loaded),
or a session's connection anywhere else, so that no command chooses a driver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlmodel import Session

    from presence_postale.store.db import Location
    from presence_postale.store.raw import Sql

# Set by the command line (`cli.app.bulk_lives_with_command`): this process ends with its
# command, and what a bulk read or write built need not be scanned for cycles again.
FREEZE_AFTER = False
# Rows sent to the server at once: enough to amortise a round trip, few enough to stay small.
BATCH = 1000


@contextmanager
def uncollected() -> Iterator[None]:
    """Python's cycle collector off for a bulk read or write: a national records file makes
    hundreds of thousands of mappings and lists that form no cycle, which the collector would
    still scan now and then under the command's raised thresholds (`cli.app`): measured 3 to
    4 per cent of a national import. Back on after; in a command's own process
    (`FREEZE_AFTER`), what is left is never scanned again (`gc.freeze`): once the collector is
    back on, its first scan went over every object the import had made, 35 ms for nothing."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if FREEZE_AFTER:
            gc.freeze()
        if was:
            gc.enable()


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
    if connection.dialect.name == "postgresql" and _copyable(target, rows[0]):
        _copy(connection, target, rows)
        return len(rows)
    if connection.dialect.name == "sqlite" and _complete(target, rows[0]):
        _sqlite_executemany(connection, target, rows)
        return len(rows)
    for start in range(0, len(rows), BATCH):
        connection.execute(insert_into(target), list(rows[start : start + BATCH]))
    return len(rows)


def _complete(target: Any, row: dict[str, Any]) -> bool:
    """Whether the rows leave out no column SQLAlchemy would fill with its default."""
    return all(column.name in row or column.default is None for column in target.columns)


def _sqlite_executemany(
    connection: Connection, target: Any, rows: Sequence[dict[str, Any]]
) -> None:
    """The rows through sqlite3's `executemany` on the connection's own transaction, each value
    made as SQLAlchemy makes it for an INSERT (its column type's bind processor: dates,
    times, JSON, booleans), without building an SQLAlchemy statement per row."""
    from operator import itemgetter

    names = list(rows[0])
    processors = [
        (index, _remembering(process))
        for index, name in enumerate(names)
        for process in [target.c[name].type._cached_bind_processor(connection.dialect)]
        if process is not None
    ]
    columns = ", ".join(_quoted(name) for name in names)
    statement = f'INSERT INTO "{target.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
    pick = itemgetter(*names)
    values: list[Any] = (
        [pick(row) for row in rows] if len(names) > 1 else [(pick(row),) for row in rows]
    )
    if processors:
        for at, row in enumerate(values):
            made = list(row)
            for index, process in processors:
                made[index] = process(made[index])
            values[at] = tuple(made)
    connection.exec_driver_sql(statement, values)


def _remembering(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`process`, once per distinct value (a load's rows share their stamp, their dates)."""
    done: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        try:
            return done[(value.__class__, value)]
        except KeyError:
            made = done[(value.__class__, value)] = process(value)
            return made
        except TypeError:  # a list, a mapping: made each time
            return process(value)

    return remembered


def _copyable(target: Any, row: dict[str, Any]) -> bool:
    """Whether COPY writes these rows as INSERT would: no JSON value to encode, no column
    left out that SQLAlchemy would fill with its default."""
    from sqlalchemy import JSON

    return not any(
        isinstance(column.type, JSON) if column.name in row else column.default is not None
        for column in target.columns
    )


def _copy(connection: Connection, target: Any, rows: Sequence[dict[str, Any]]) -> None:
    """The rows through PostgreSQL's COPY, on the connection's own transaction; the server's
    refusal raised as SQLAlchemy raises an INSERT's (so the error edge says it alike)."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.exc import DBAPIError

    names = list(rows[0])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(target.name), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    driver = connection.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([_as_inserted(row[name]) for name in names])
    except psycopg.Error as error:
        text = statement.as_string(driver)
        raise DBAPIError.instance(text, None, error, psycopg.Error) from None


def _as_inserted(value: Any) -> Any:
    """An instant as INSERT stores it in a column without time zone: in UTC (the sessions'
    time zone), where COPY would keep the clock time and drop the offset."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def rows(
    db: Session, table: str, *columns: str, order: Sequence[str] = ()
) -> Iterator[dict[str, Any]]:
    """Every row of `table` (the named columns, or all), as a mapping, read in one query, in
    `order` when given. On SQLite through the driver, each value made as SQLAlchemy makes it
    (its column type's result processor: dates, instants, JSON, booleans), without an
    SQLAlchemy row per row."""
    from sqlalchemy import select

    from presence_postale.store import models as m

    target = m.metadata().tables[table]
    chosen: list[Any] = [target.c[name] for name in columns] or list(target.columns)
    connection = db.connection()
    if connection.dialect.name != "sqlite":
        statement = select(*chosen).order_by(*(target.c[name] for name in order))
        for mapping in connection.execute(statement).mappings():
            yield dict(mapping)
        return
    processors = [
        column.type._cached_result_processor(connection.dialect, None) for column in chosen
    ]
    names = [column.name for column in chosen]
    yield from selected(connection.exec_driver_sql, table, names, processors, order)


def selected(
    execute: Callable[[str], Any],
    table: str,
    names: Sequence[str],
    processors: Sequence[Callable[[Any], Any] | None],
    order: Sequence[str] = (),
) -> Iterator[dict[str, Any]]:
    """The rows of `table`'s columns `names`, in `order`, as mappings, read in one statement
    run by a driver (`execute`); each value but nothing made by its column's processor, when
    the column has one (`processors`, one a column)."""
    converted = [(index, process) for index, process in enumerate(processors) if process]
    listed = ", ".join(_quoted(name) for name in names)
    ordered = f" ORDER BY {', '.join(_quoted(name) for name in order)}" if order else ""
    for row in execute(f'SELECT {listed} FROM "{table}"{ordered}').fetchall():
        values: list[Any] = list(row)
        for index, process in converted:
            if values[index] is not None:
                values[index] = process(values[index])
        yield dict(zip(names, values, strict=True))


def _quoted(name: str) -> str:
    return f'"{name}"'


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
