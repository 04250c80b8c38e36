"""Opening, creating, checking and copying the database."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from presence_postale.errors import InvalidData
from presence_postale.store import db as store
from presence_postale.store import schema

if TYPE_CHECKING:
    from presence_postale.services.records import Summary


class DatabaseExists(InvalidData):
    """The database file appeared while a new one was being built: another process made it."""


def open_database(
    location: store.Location,
    *,
    notify: Callable[[str], None] = lambda _message: None,
    upgrade: bool = True,
) -> Engine:
    """The engine for `location`, its schema current (or as it is, without `upgrade`, for a
    look that changes nothing). A missing file is created and loaded with the bundled seed
    (said through `notify`), atomically: it appears whole or not at all."""
    if location.path is not None and not location.path.exists():
        from presence_postale.formats.seed import bundled_seed

        try:
            create_database(location.path, seed=bundled_seed())
        except DatabaseExists:
            # Another process created it at the same moment (it is complete): use theirs.
            _check_is_database(location.path)
        else:
            notify(
                f"created database {location.path} and loaded the bundled seed "
                "(use --db or PRESENCE_POSTALE_DB to choose another file)"
            )
    elif location.path is not None:
        _check_is_database(location.path)
    engine = store.make_engine(location.url)
    if upgrade:
        schema.ensure_current(engine)
    else:
        schema.check_known(engine)
    return engine


def _check_is_database(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":
        raise InvalidData(f"cannot use database '{path}': it is not a SQLite database")


def create_database(path: Path, *, seed: Path | None) -> Summary | None:
    """Build a new database beside `path`, then move it into place in one step.

    A crash mid-way leaves only a temporary file; another process creating the same database
    at the same moment wins or loses the final link, never half-writes the file.
    """
    _remove_abandoned(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    store.create_file(tmp)
    try:
        engine = store.make_engine(f"sqlite:///{tmp}")
        try:
            schema.upgrade(engine)
            summary = load_records(engine, seed) if seed is not None else None
        finally:
            engine.dispose()
        _drop_wal(tmp)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise DatabaseExists(f"database '{path}' already exists") from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    return summary


def _remove_abandoned(path: Path) -> None:
    """Delete the temporary files of creations whose process died (they hold a seed)."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp*"):
        pid = leftover.name.removeprefix(f".{path.name}.").split(".", 1)[0]
        if not pid.isdecimal() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            leftover.unlink(missing_ok=True)
        except PermissionError:
            continue  # alive, someone else's


def _drop_wal(path: Path) -> None:
    # Fold the write-ahead log into the file so that the linked file is complete on its own.
    # The file stays in WAL mode: switching a rollback-journal file to WAL (which every
    # connection asks for) needs the write lock without waiting for it, so the first commands
    # on a new database would fail with "database is locked" while another program writes.
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def load_records(engine: Engine, path: Path) -> Summary:
    # Imported here: a command that only opens the database need not load the YAML schema.
    from presence_postale.formats import seed as seed_format
    from presence_postale.services import records

    parsed = seed_format.load(path)
    with store.session(engine, write=True) as db:
        return records.apply(db, parsed)


@dataclass(frozen=True)
class CheckResult:
    integrity: list[str]
    foreign_keys: list[str]

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.foreign_keys


def check(engine: Engine) -> CheckResult:
    """SQLite's integrity check and foreign-key check."""
    with engine.connect() as connection:
        integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        foreign = [
            f"{row[0]} row {row[1]} -> {row[2]}"
            for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
        ]
    return CheckResult(integrity=integrity, foreign_keys=foreign)


def backup(location: store.Location, target: Path) -> int:
    """A consistent copy, even while another process writes (SQLite's online backup API).

    Returns the number of pages copied. The copy is readable by its owner only.
    """
    if location.path is None:
        raise InvalidData("db backup works on SQLite files only: use pg_dump for a server")
    target = target.expanduser().absolute()
    if target.is_dir():
        raise InvalidData(f"cannot write backup '{target}': it is a directory")
    if not target.parent.is_dir():
        raise InvalidData(
            f"cannot write backup '{target}': directory '{target.parent}' does not exist"
        )
    if target.exists():
        raise InvalidData(f"cannot write backup '{target}': the file exists; choose a new name")
    if target == location.path:
        raise InvalidData("cannot back up a database onto itself")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    store.create_file(tmp)
    try:
        source = sqlite3.connect(location.path, timeout=store.BUSY_TIMEOUT_MS / 1000)
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            pages = dest.execute("PRAGMA page_count").fetchone()[0]
        finally:
            dest.close()
            source.close()
        os.link(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return int(pages)


def describe(location: store.Location, engine: Engine) -> dict[str, object]:
    """Location, schema version and row counts, for `db status`."""
    from sqlalchemy import inspect

    from presence_postale.store.models import ALL_TABLES

    current = schema.status(engine)
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        tables = [t for t in ALL_TABLES.sorted_tables if t.name in present]
        counts = schema.table_counts(connection, tables)
    return {
        "location": str(location),
        "schema_version": current.current,
        "schema_head": current.head,
        "pending": list(current.pending),
        "tables": counts,
    }


def compact(engine: Engine) -> None:
    """Fold the write-ahead log into the file and rebuild it, so that erased values do not
    linger in free pages or in the log (after a purge of personal data)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
