"""The database a test runs against: a SQLite file, or a PostgreSQL database on the server that
PRESENCE_POSTALE_TEST_POSTGRES names (`postgresql+psycopg://user@host:port/postgres`, a role
allowed to create databases). Helpers here read either the same way, so one test serves both.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

POSTGRES_ENV = "PRESENCE_POSTALE_TEST_POSTGRES"
SERVER = os.environ.get(POSTGRES_ENV) or None
ON_POSTGRES = SERVER is not None
IN_CI = os.environ.get("CI") == "true"

SQLITE_ONLY_REASON = "about the SQLite file itself; this run is against PostgreSQL"
NO_SERVER_REASON = (
    f"needs a PostgreSQL server: set {POSTGRES_ENV}=postgresql+psycopg://user@host:port/postgres "
    "(.ci/run starts one and runs the suite against it)"
)

_names = itertools.count(1)


@dataclass(frozen=True)
class ServerDatabase:
    """One test's database on the PostgreSQL server; str() is its URL, as for a path."""

    name: str
    url: str

    def __str__(self) -> str:
        return self.url


Database = Path | ServerDatabase


def admin_url() -> str:
    assert SERVER is not None
    return SERVER


def server_url(name: str, base: str | None = None) -> str:
    """The URL of database `name` on the test server."""
    head = (base or admin_url()).rsplit("/", 1)[0]
    return f"{head}/{name}"


def new_name(prefix: str = "t") -> str:
    return f"{prefix}_{os.getpid()}_{next(_names)}"


def admin(statement: str, base: str | None = None) -> None:
    """Run one statement outside any transaction (CREATE/DROP DATABASE) on the server."""
    import psycopg

    url = (base or admin_url()).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)  # type: ignore[arg-type]


def create_server_database(template: str | None = None, base: str | None = None) -> ServerDatabase:
    name = new_name()
    suffix = f" TEMPLATE {template}" if template else ""
    admin(f"CREATE DATABASE {name}{suffix} STRATEGY FILE_COPY", base)
    return ServerDatabase(name=name, url=server_url(name, base))


def drop_server_database(name: str, base: str | None = None) -> None:
    admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", base)


def url_of(db: Database) -> str:
    return db.url if isinstance(db, ServerDatabase) else f"sqlite:///{db}"


def query(db: Database, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of one statement (with ? placeholders) on either backend, committed.

    Values read from PostgreSQL are given as SQLite holds them (dates and times as text the
    way SQLAlchemy writes them, booleans as 0/1, JSON as text), so one expected value serves.
    """
    if isinstance(db, ServerDatabase):
        import psycopg

        with psycopg.connect(db.url.replace("postgresql+psycopg://", "postgresql://")) as pg:
            cursor = pg.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]
            if cursor.description is None:
                return []
            return [tuple(_as_sqlite(v) for v in row) for row in cursor.fetchall()]
    with closing(sqlite3.connect(db)) as connection, connection:
        return connection.execute(sql, params).fetchall()


def _as_sqlite(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S.%f")
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def table_names(db: Database) -> list[str]:
    """The tool's tables (not alembic_version), by name."""
    if isinstance(db, ServerDatabase):
        rows = query(
            db,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_name != 'alembic_version' ORDER BY table_name",
        )
    else:
        rows = query(
            db,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name",
        )
    return [name for (name,) in rows]


def table_counts(db: Database) -> dict[str, int]:
    return {t: query(db, f"SELECT count(*) FROM {t}")[0][0] for t in table_names(db)}


def dump_database(db: Database) -> list[str]:
    """Every table's schema and rows as text lines: the logical content, whatever the backend.

    On SQLite, the file's own SQL dump (whatever the WAL holds); on PostgreSQL, a
    `CREATE TABLE name (column type, …)` line per table and its rows, sorted, as Python values.
    """
    if not isinstance(db, ServerDatabase):
        with closing(sqlite3.connect(db)) as connection:
            return list(connection.iterdump())
    import psycopg

    lines = []
    with psycopg.connect(db.url.replace("postgresql+psycopg://", "postgresql://")) as pg:
        columns: dict[str, list[str]] = {}
        for table, name, kind, nullable in pg.execute(
            "SELECT table_name, column_name, data_type, is_nullable "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "ORDER BY table_name, ordinal_position"
        ):
            columns.setdefault(table, []).append(f"{name} {kind} {nullable}")
        for table, described in columns.items():
            lines.append(f"CREATE TABLE {table} ({', '.join(described)})")
            rows = pg.execute(f"SELECT * FROM {table}").fetchall()  # type: ignore[arg-type]
            lines.extend(f"INSERT INTO {table} VALUES {_canonical(row)}" for row in rows)
    return sorted(lines)


def _canonical(row: tuple[Any, ...]) -> str:
    def one(value: Any) -> str:
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value.normalize())
        return repr(value)

    return "(" + ", ".join(one(v) for v in row) + ")"


def create_schema(db: Database, seed: Path | None = None) -> Database:
    """Create `db` with the schema (a new file, or the schema in the empty server database)
    and load `seed` if given."""
    from presence_postale.services.database import create_database, create_on_server
    from presence_postale.store.db import make_engine

    if isinstance(db, ServerDatabase):
        engine = make_engine(db.url)
        try:
            create_on_server(engine, seed=seed)
        finally:
            engine.dispose()
    else:
        create_database(db, seed=seed)
    return db


def table_state(
    db: Database, leave_out: frozenset[str] = frozenset()
) -> dict[str, tuple[int, str]]:
    """Per table: row count and a hash of every row in primary-key order (columns in
    `leave_out`, such as clocks, left out), the same on either backend."""
    import hashlib

    from presence_postale.store.models import metadata

    state = {}
    for table in metadata().sorted_tables:
        columns = [c.name for c in table.columns if c.name not in leave_out]
        keys = [columns.index(c.name) for c in table.primary_key.columns]
        rows = query(db, f"SELECT {', '.join(columns)} FROM {table.name}")
        rows.sort(key=lambda row: [row[i] for i in keys])
        digest = hashlib.sha256()
        for row in rows:
            digest.update(repr(row).encode())
        state[table.name] = (len(rows), digest.hexdigest())
    return state
