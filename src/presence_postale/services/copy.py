"""`db copy --to`: move a whole database between SQLite and PostgreSQL, and prove nothing was lost.

The target must be empty: a SQLite file that does not exist yet, or a server database without
the schema. The schema is created at the source's revision, every table is copied in
foreign-key order in batches, PostgreSQL's id sequences are moved past the copied ids, and all
of it commits at once (a new file is linked into place only when complete): a failure leaves
the target as it was. Every record copied answers to its kind's validator and the booking
rules (`services.audit`), as it would coming in any other way: one that breaks a rule refuses
the copy. Each table is then read back from both sides and compared by row count
and by a checksum of canonical Python values (rows ordered by primary key; dates, times,
numbers, booleans and JSON written one way), so the same rows give the same checksum on
either backend.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from presence_postale.errors import InvalidData
from presence_postale.services.audit import check_records
from presence_postale.store import db as store
from presence_postale.store import schema

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection, Engine

BATCH = 2000


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows_source: int
    rows_target: int
    checksum_source: str
    checksum_target: str

    @property
    def ok(self) -> bool:
        return self.rows_source == self.rows_target and self.checksum_source == self.checksum_target

    def row(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "rows_source": self.rows_source,
            "rows_target": self.rows_target,
            "checksum_source": self.checksum_source,
            "checksum_target": self.checksum_target,
            "status": "ok" if self.ok else "differs",
        }


def copy_database(
    source: Engine,
    source_location: store.Location,
    target_location: store.Location,
    *,
    progress: Callable[[str, int], None] = lambda _table, _rows: None,
) -> list[TableCopy]:
    """Copy `source` (its schema current) into the empty `target_location`; compare both."""
    if target_location.url == source_location.url:
        raise InvalidData("copy.onto_itself")
    with source.connect() as connection:
        revision = schema.current_revision(connection)
    if revision != schema.HEAD:
        raise InvalidData("copy.source_not_current", version=revision, head=schema.HEAD)
    if target_location.path is not None:
        _copy_to_file(source, target_location.path, progress)
    else:
        _copy_to_server(source, target_location, progress)
    target = store.make_engine(target_location.url)
    try:
        return compare(source, target)
    finally:
        target.dispose()


def _copy_to_server(
    source: Engine, location: store.Location, progress: Callable[[str, int], None]
) -> None:
    from sqlalchemy import inspect

    from presence_postale.store.models import metadata

    engine = store.make_engine(location.url)
    try:
        with engine.connect() as connection, connection.begin():
            schema.lock_for_migration(connection)
            present = set(inspect(connection).get_table_names())
            ours = present & ({t.name for t in metadata().sorted_tables} | {"alembic_version"})
            if ours:
                raise InvalidData(
                    "copy.target_not_empty",
                    target=str(location),
                    count=len(ours),
                    tables=sorted(ours)[:3] + (["…"] if len(ours) > 3 else []),
                )
            schema.upgrade_in(connection)
            _copy_tables(source, connection, progress)
            check_records(connection)
            _reset_sequences(connection)
    finally:
        engine.dispose()


def _copy_to_file(source: Engine, path: Path, progress: Callable[[str, int], None]) -> None:
    from presence_postale.formats.files import check_new_file
    from presence_postale.services.files import new_file

    check_new_file(path)
    appeared = InvalidData("copy.target_appeared", target=str(path))
    with (
        new_file(path, appeared) as engine,
        store.writer(engine).connect() as connection,
        connection.begin(),
    ):
        schema.upgrade_in(connection)
        _copy_tables(source, connection, progress)
        check_records(connection)


def _tables() -> list[Table]:
    from presence_postale.store.models import metadata

    return list(metadata().sorted_tables)  # parents before children


def _copy_tables(source: Engine, target: Connection, progress: Callable[[str, int], None]) -> None:
    from sqlalchemy import select

    from presence_postale.store import bulk

    with _snapshot(source) as reading:
        for table in _tables():
            rows = reading.execution_options(yield_per=BATCH).execute(
                select(table).order_by(*table.primary_key.columns)
            )
            copied = 0
            for batch in rows.mappings().partitions():
                copied += bulk.insert(target, table.name, [dict(row) for row in batch])
            progress(table.name, copied)


def _snapshot(engine: Engine) -> Connection:
    """A connection that sees one state of the whole database while others write to it
    (SQLite's read transaction does; PostgreSQL needs REPEATABLE READ)."""
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ")
    return connection


def _reset_sequences(connection: Connection) -> None:
    """Move each serial id's sequence past the copied ids (they were inserted explicitly)."""
    from sqlalchemy import Integer, func, select

    for table in _tables():
        (key, *more) = table.primary_key.columns
        if more or not isinstance(key.type, Integer) or not key.autoincrement:
            continue
        highest = func.max(key)
        connection.execute(
            select(
                func.setval(
                    func.pg_get_serial_sequence(table.name, key.name),
                    func.coalesce(highest, 1),
                    highest.isnot(None),
                )
            ).select_from(table)
        )


# ---- comparison -----------------------------------------------------------------------------


def compare(source: Engine, target: Engine) -> list[TableCopy]:
    """Row counts and checksums of every table, on both sides."""
    with _snapshot(source) as left, _snapshot(target) as right:
        results = []
        for table in _tables():
            count_source, sum_source = table_checksum(left, table)
            count_target, sum_target = table_checksum(right, table)
            results.append(
                TableCopy(table.name, count_source, count_target, sum_source, sum_target)
            )
    return results


def table_checksum(connection: Connection, table: Table) -> tuple[int, str]:
    """(rows, SHA-256) of a table's rows as canonical values, in primary-key order.

    The order is taken in Python, on the canonical keys: PostgreSQL's collation may order
    text differently from SQLite's.
    """
    from sqlalchemy import select

    columns = list(table.columns)
    keys = [columns.index(c) for c in table.primary_key.columns]
    rows = [[canonical(value) for value in row] for row in connection.execute(select(*columns))]
    rows.sort(key=lambda row: [row[i] for i in keys])
    digest = hashlib.sha256()
    digest.update(orjson.dumps([c.name for c in columns]))
    for row in rows:
        digest.update(orjson.dumps(row))
        digest.update(b"\n")
    return len(rows), digest.hexdigest()


def canonical(value: Any) -> Any:
    """One spelling per value, whichever backend returned it."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            from datetime import UTC

            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dict | list):
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise InvalidData("copy.uncomparable", kind=type(value).__name__)
