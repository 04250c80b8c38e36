"""Plain SQL for the bulk imports, on a SQLAlchemy connection or on SQLite's own driver.

`import laposte` writes 17,000 rows with plain SQL and `executemany`; into a SQLite file it
does not need SQLAlchemy at all, whose import alone takes longer than the whole import's
work. `sqlite_writer` opens such a file with the same settings and the same write lock as
`store.db` (pragmas, `BEGIN IMMEDIATE`), when the file is this tool's database, whose schema
is current, that this process may write and that is not damaged; anything else (a new file, a
pending migration, a file to mark, to refuse, or a server) goes through SQLAlchemy.
Statements are written with `?` placeholders; `AlchemySql` adapts them to the driver's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from presence_postale.store import sqlite_file
from presence_postale.store.db import (
    BULK_WRITE,
    Location,
    busy_timeout_ms,
    exclusive,
    sqlite_pragmas,
)
from presence_postale.store.schema import HEAD


class Sql(Protocol):
    """What a bulk import needs of a connection, inside the caller's one transaction."""

    dialect: str

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def rollback(self) -> None: ...

    def one_bulk_writer(self) -> None:
        """Make other bulk writers wait until this transaction ends: an import reads what is
        there, then inserts the rest, and two at once would both insert the same keys."""


class DriverSql:
    """A `sqlite3` connection, already in its write transaction (see `sqlite_writer`)."""

    dialect = "sqlite"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._connection.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._connection.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._connection.executemany(sql, rows)

    def rollback(self) -> None:
        self._connection.rollback()

    def one_bulk_writer(self) -> None:
        pass  # the transaction began with BEGIN IMMEDIATE: SQLite's writers already queue


class AlchemySql:
    """The connection of a SQLAlchemy session (any database), through its driver."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self._connection = session.connection()
        self.dialect = self._connection.dialect.name
        self._qmark = self._connection.dialect.paramstyle == "qmark"

    def _sql(self, sql: str) -> str:
        # The statements hold no literal question mark: every one is a placeholder. With the
        # `format` style (psycopg), a literal percent sign (`LIKE 'mairie-%'`) is written twice.
        return sql if self._qmark else sql.replace("%", "%%").replace("?", "%s")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self._connection.connection.cursor()
        try:
            cursor.execute(self._sql(sql), tuple(params))
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._connection.exec_driver_sql(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(row) for row in rows]
        if batch:
            self._connection.exec_driver_sql(self._sql(sql), batch)

    def rollback(self) -> None:
        self._session.rollback()

    def one_bulk_writer(self) -> None:
        exclusive(self._session, BULK_WRITE)


def insert_statement(table: str, columns: Sequence[str]) -> str:
    """`INSERT INTO table (a, b) VALUES (?, ?)`: one placeholder a column, in order."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def update_statement(table: str, columns: Sequence[str], key: str) -> str:
    """`UPDATE table SET a = ?, b = ? WHERE key = ?`: the key's value comes last."""
    return f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE {key} = ?"


def is_current_file(location: Location) -> bool:
    """Whether `location` is an existing SQLite database of this tool (marked, in WAL mode) at
    its schema version, sound and writable by this process: the case `sqlite_writer` serves
    (every other case takes SQLAlchemy's path, which creates, upgrades or refuses as usual)."""
    path = location.path
    if path is None:
        return False
    try:
        header = sqlite_file.read_header(path)
        if not (header.marked and header.wal) or header.problem is not None:
            return False
        if sqlite_file.recorded_damage(path) or sqlite_file.write_refusal(path):
            return False
        connection = sqlite3.connect(path, timeout=busy_timeout_ms() / 1000)
        try:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        return False
    return found == [(HEAD,)]


@contextmanager
def sqlite_writer(path: Path) -> Iterator[DriverSql]:
    """One write transaction on the SQLite file at `path`: committed when the block ends
    normally (unless rolled back inside it), rolled back on any error."""
    connection = sqlite3.connect(path, timeout=busy_timeout_ms() / 1000, isolation_level=None)
    try:
        for pragma in sqlite_pragmas():
            connection.execute(pragma)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield DriverSql(connection)
        except BaseException:
            connection.rollback()
            raise
        if connection.in_transaction:
            connection.execute("COMMIT")
    finally:
        connection.close()


@contextmanager
def sqlite_reader(path: Path) -> Iterator[sqlite3.Connection]:
    """One read transaction on the SQLite file at `path`, with the settings of every
    connection: every read in it sees the same state (one snapshot), and nothing is written."""
    connection = sqlite3.connect(path, timeout=busy_timeout_ms() / 1000, isolation_level=None)
    try:
        for pragma in sqlite_pragmas():
            connection.execute(pragma)
        connection.execute("BEGIN")
        yield connection
    finally:
        connection.close()  # what was read is only read: the transaction ends with it
