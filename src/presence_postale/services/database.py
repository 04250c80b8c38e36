"""Opening, creating, checking and copying the database."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from presence_postale.errors import InvalidData, Message
from presence_postale.formats.files import check_new_file
from presence_postale.store import db as store
from presence_postale.store import schema

if TYPE_CHECKING:
    from presence_postale.services.records import Summary


class DatabaseExists(InvalidData):
    """The database file appeared while a new one was being built: another process made it."""


def open_database(
    location: store.Location,
    *,
    notify: Callable[[Message], None] = lambda _message: None,
    upgrade: bool = True,
) -> Engine:
    """The engine for `location`, its schema current (or as it is, without `upgrade`, for a
    look that changes nothing). A missing file is created and loaded with the bundled seed
    (said through `notify`), atomically: it appears whole or not at all. On a server, a
    database without the schema is "missing": the schema and the seed go in, in one
    transaction, the same way."""
    if location.path is None:
        return _open_server(location, notify=notify, upgrade=upgrade)
    if not location.path.exists():
        from presence_postale.formats.seed import bundled_seed

        try:
            create_database(location.path, seed=bundled_seed())
        except DatabaseExists:
            # Another process created it at the same moment (it is complete): use theirs.
            _check_is_database(location.path)
        else:
            notify(Message("db.created_seeded", {"path": str(location.path)}))
    else:
        _check_is_database(location.path)
    engine = store.make_engine(location.url)
    if upgrade:
        schema.ensure_current(engine)
    else:
        schema.check_known(engine)
    return engine


def _open_server(
    location: store.Location, *, notify: Callable[[Message], None], upgrade: bool
) -> Engine:
    engine = store.make_engine(location.url)
    try:
        if upgrade:
            from presence_postale.formats.seed import bundled_seed

            try:
                create_on_server(engine, seed=bundled_seed())
            except DatabaseExists:
                schema.ensure_current(engine)
            else:
                notify(Message("db.created_schema_seeded", {"location": str(location)}))
        else:
            schema.check_known(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def create_on_server(engine: Engine, *, seed: Path | None) -> Summary | None:
    """Create the schema in an empty server database and load `seed`, in one transaction.

    Raises DatabaseExists when the schema is already there (perhaps created by another process
    a moment ago: the migration lock makes the second creator wait, then see it).
    """
    from sqlmodel import Session

    with engine.connect() as connection:
        if schema.current_revision(connection) is not None:
            raise DatabaseExists("db.exists", database=store.hide_password(str(engine.url)))
        connection.rollback()
        with connection.begin():
            schema.lock_for_migration(connection)
            if schema.current_revision(connection) is not None:
                raise DatabaseExists("db.exists", database=store.hide_password(str(engine.url)))
            schema.upgrade_in(connection)
            if seed is None:
                return None
            from presence_postale.formats import seed as seed_format
            from presence_postale.services import records

            parsed = seed_format.load(seed)
            with Session(connection, expire_on_commit=False) as db:
                summary = records.apply(db, parsed)
                db.flush()
            return summary


def _check_is_database(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != store.SQLITE_HEADER:
        raise InvalidData("db.not_sqlite", path=str(path))


def create_database(path: Path, *, seed: Path | None) -> Summary | None:
    """Build a new database beside `path`, then move it into place in one step (`new_file`)."""
    _remove_abandoned(path)
    with new_file(path, DatabaseExists("db.exists", database=str(path))) as engine:
        schema.upgrade(engine)
        return load_records(engine, seed) if seed is not None else None


@contextmanager
def new_file(path: Path, exists: Exception) -> Iterator[Engine]:
    """An engine on a new SQLite database that becomes the file `path` only when the block
    ends normally. It is built in a temporary twin, then linked into place in one step: a
    crash leaves only the twin, and of two processes making the same file, the second to
    finish gets `exists` raised instead of overwriting the first's.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    store.create_file(tmp)
    try:
        engine = store.make_engine(f"sqlite:///{tmp}")
        try:
            yield engine
        finally:
            engine.dispose()
        drop_wal(tmp)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise exists from None
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


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


def drop_wal(path: Path) -> None:
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
    """SQLite's integrity check and foreign-key check; on PostgreSQL, which enforces every
    constraint itself, that the schema is at this tool's version and that no constraint was
    left unvalidated (NOT VALID) or disabled, and no row references a missing one."""
    if engine.dialect.name != "sqlite":
        return _check_server(engine)
    with engine.connect() as connection:
        integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        foreign = [
            f"{row[0]} row {row[1]} -> {row[2]}"
            for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
        ]
    return CheckResult(integrity=integrity, foreign_keys=foreign)


def _check_server(engine: Engine) -> CheckResult:
    from sqlalchemy import and_, exists, inspect, select, text

    from presence_postale.store.models import metadata

    problems: list[str] = []
    foreign: list[str] = []
    with engine.connect() as connection:
        current = schema.current_revision(connection)
        if current != schema.HEAD:
            problems.append(f"schema version {current}, expected {schema.HEAD}")
        present = set(inspect(connection).get_table_names())
        missing = sorted(t.name for t in metadata().sorted_tables if t.name not in present)
        problems.extend(f"table {name} is missing" for name in missing)
        for name, kind in connection.execute(
            text(
                "SELECT c.conname, c.contype FROM pg_constraint c "
                "JOIN pg_namespace n ON n.oid = c.connamespace "
                "WHERE n.nspname = current_schema() AND NOT c.convalidated"
            )
        ):
            problems.append(f"constraint {name} ({kind}) is not validated")
        for name, table in connection.execute(
            text(
                "SELECT t.tgname, t.tgrelid::regclass::text FROM pg_trigger t "
                "JOIN pg_class r ON r.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = r.relnamespace "
                "WHERE n.nspname = current_schema() AND t.tgisinternal AND t.tgenabled = 'D'"
            )
        ):
            problems.append(f"foreign-key trigger {name} on {table} is disabled")
        # Every reference, checked row by row as SQLite's foreign_key_check does.
        for table in metadata().sorted_tables:
            if table.name in missing:
                continue
            for fk in table.foreign_key_constraints:
                parent = fk.referred_table
                pairs = list(zip(fk.columns, fk.elements, strict=True))
                orphans = connection.execute(
                    select(*table.primary_key.columns)
                    .where(*(c.isnot(None) for c, _ in pairs))
                    .where(
                        ~exists().where(and_(*(e.column == c for c, e in pairs))).correlate(table)
                    )
                    .select_from(table)
                ).fetchall()
                foreign.extend(
                    f"{table.name} row {'/'.join(map(str, row))} -> {parent.name}"
                    for row in orphans
                )
    return CheckResult(integrity=problems or ["ok"], foreign_keys=foreign)


def backup(location: store.Location, target: Path) -> int:
    """A consistent copy, even while another process writes (SQLite's online backup API).

    Returns the number of pages copied. The copy is readable by its owner only.
    """
    if location.path is None:
        raise InvalidData("db.backup_on_server")
    target = target.expanduser().absolute()
    check_new_file(target)
    if target == location.path:
        raise InvalidData("db.backup_onto_itself")
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

    from presence_postale.store.models import metadata

    current = schema.status(engine)
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        tables = [t for t in metadata().sorted_tables if t.name in present]
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
        # PostgreSQL: rewrite the tables that held the purged personal data (VACUUM FULL
        # leaves no dead row versions behind), outside any transaction as VACUUM requires.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM FULL reservation, waitlist_entry")
        return
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# ---- what the `db` commands and `init` do -------------------------------------------------


def status(location: store.Location, *, notify: Callable[[Message], None]) -> dict[str, object]:
    """`describe` of the database as it is: pending migrations are listed, not applied."""
    engine = open_database(location, notify=notify, upgrade=False)
    try:
        return describe(location, engine)
    finally:
        engine.dispose()


def upgrade(location: store.Location) -> list[str]:
    """Apply pending migrations; the names of those applied."""
    if not location.exists:
        raise InvalidData("db.missing", location=str(location))
    engine = store.make_engine(location.url)
    try:
        return schema.upgrade(engine)
    finally:
        engine.dispose()


def initialise(
    location: store.Location, seed: Path | None, *, notify: Callable[[Message], None]
) -> Summary | None:
    """Create the database (or bring it up to date) and load `seed` into it (None: nothing)."""
    if location.path is not None and not location.path.exists():
        try:
            summary = create_database(location.path, seed=seed)
        except DatabaseExists:
            pass  # another process created it meanwhile: load into that one, as below
        else:
            notify(Message("db.created", {"location": str(location)}))
            return summary
    elif location.path is None:
        server = store.make_engine(location.url)
        try:
            summary = create_on_server(server, seed=seed)
        except DatabaseExists:
            pass  # the schema is there: load into it, as into an existing file
        else:
            notify(Message("db.created_schema", {"location": str(location)}))
            return summary
        finally:
            server.dispose()
    engine = open_database(location, notify=notify)
    try:
        return load_records(engine, seed) if seed is not None else None
    finally:
        engine.dispose()
