"""Whole tables read as mappings of their columns, each value as SQLAlchemy makes it (dates,
instants, times, booleans, JSON): what `export records` and `import records` compare a file
with.

Two readers, one answer. `SessionRows` reads through a session, on any database.
`DriverRows` reads a current SQLite file through SQLite's own driver, without loading
SQLAlchemy at all (its import alone outlasts reading twenty thousand sites): a re-import that
changes nothing needs nothing else. It converts each value as SQLAlchemy's SQLite dialect does,
from the column's declared type; the one thing a declared type does not say, whether a
`DATETIME` is a UTC instant or a wall-clock time, is `WALL_CLOCK`. A test holds both readers
to the same rows, column for column, and `WALL_CLOCK` to the tables' definitions.
"""

from __future__ import annotations

import json
import numbers
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any, Protocol

from presence_postale.store import bulk

if TYPE_CHECKING:
    from sqlmodel import Session

# The DATETIME columns that hold a local wall-clock time, naive; every other one is a UTC
# instant (`store.models.base.wall_clock`).
WALL_CLOCK = frozenset(
    {
        ("reservation", "start_at"),
        ("reservation", "end_at"),
        ("waitlist_entry", "start_at"),
        ("waitlist_entry", "end_at"),
    }
)


class Rows(Protocol):
    """A database's tables, read whole."""

    def columns(self, table: str) -> list[str]:
        """The table's columns, in the order of its definition."""

    def written_as(self, table: str, column: str) -> type | None:
        """`datetime` or `time` for a column of instants or times, else None."""

    def rows(
        self, table: str, *columns: str, order: Sequence[str] = ()
    ) -> Iterator[dict[str, Any]]:
        """Every row (the named columns, or all), in `order` when given."""


class SessionRows:
    """The tables of any database, through a session."""

    def __init__(self, db: Session) -> None:
        self.db = db

    def _table(self, table: str) -> Any:
        from presence_postale.store import models as m

        return m.metadata().tables[table]

    def columns(self, table: str) -> list[str]:
        return [column.name for column in self._table(table).columns]

    def written_as(self, table: str, column: str) -> type | None:
        from sqlalchemy import DateTime, Time, TypeDecorator

        kind = self._table(table).c[column].type
        base = kind.impl if isinstance(kind, TypeDecorator) else kind
        if isinstance(base, DateTime):
            return datetime
        return time if isinstance(base, Time) else None

    def rows(
        self, table: str, *columns: str, order: Sequence[str] = ()
    ) -> Iterator[dict[str, Any]]:
        return bulk.rows(self.db, table, *columns, order=order)


class DriverRows:
    """The tables of a current SQLite file, through SQLite's own driver (`raw.sqlite_reader`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._declared: dict[str, dict[str, str]] = {}

    def _types(self, table: str) -> dict[str, str]:
        declared = self._declared.get(table)
        if declared is None:
            found = self._connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            declared = self._declared[table] = {row[1]: row[2].upper() for row in found}
        return declared

    def columns(self, table: str) -> list[str]:
        return list(self._types(table))

    def written_as(self, table: str, column: str) -> type | None:
        declared = self._types(table)[column]
        return datetime if declared == "DATETIME" else time if declared == "TIME" else None

    def rows(
        self, table: str, *columns: str, order: Sequence[str] = ()
    ) -> Iterator[dict[str, Any]]:
        declared = self._types(table)
        names = list(columns) or list(declared)
        processors = [_processor(table, name, declared[name]) for name in names]
        return bulk.selected(self._connection.execute, table, names, processors, order)


def _instant(text: str) -> datetime:
    """A UTC instant as SQLModel's `UTCDateTime` gives it back."""
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)


def _json(value: Any) -> Any:
    """As SQLAlchemy's SQLite JSON type: a number SQLite gave as one stays one."""
    try:
        return json.loads(value)
    except TypeError:
        if isinstance(value, numbers.Number):
            return value
        raise


def _boolean(value: Any) -> bool:
    return bool(value)


_BY_DECLARED: dict[str, Callable[[Any], Any]] = {
    "DATE": date.fromisoformat,
    "TIME": time.fromisoformat,
    "BOOLEAN": _boolean,
    "JSON": _json,
}


def _processor(table: str, column: str, declared: str) -> Callable[[Any], Any] | None:
    if declared == "DATETIME":
        return datetime.fromisoformat if (table, column) in WALL_CLOCK else _instant
    return _BY_DECLARED.get(declared)
