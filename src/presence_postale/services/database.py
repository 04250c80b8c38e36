"""Opening, creating, checking and copying the database."""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from presence_postale.errors import Conflict, InvalidData, Message, os_reason
from presence_postale.store import db as store
from presence_postale.store import schema, sqlite_file

if TYPE_CHECKING:
    from presence_postale.services.records import Summary


class DatabaseExists(InvalidData):
    """The database file appeared while a new one was being built: another process made it."""


def open_database(
    location: store.Location,
    *,
    notify: Callable[[Message], object] = lambda _message: None,
    upgrade: bool = True,
) -> Engine:
    """The engine for `location`, its schema current (or as it is, without `upgrade`, for a
    look that changes nothing). A missing or empty (0-byte) file is created and loaded with
    the bundled seed (said through `notify`), atomically: it appears whole or not at all. A
    file that is not this tool's database is refused and left as it is. On a server, a
    database without the schema is "missing": the schema and the seed go in, in one
    transaction, the same way; one holding other tables is refused."""
    if location.path is None:
        return _open_server(location, notify=notify, upgrade=upgrade)
    path = location.path
    sqlite_file.remove_stale(path.parent, notify)
    if database_is_missing(path):
        from presence_postale.formats.seed import bundled_seed

        try:
            create_database(path, seed=bundled_seed())
        except DatabaseExists:
            # Another process created it at the same moment (it is complete): use theirs.
            check_is_ours(path)
        else:
            notify(Message("db.created", {"path": str(path)}))
    else:
        check_is_ours(path)
    engine = store.make_engine(location.url)
    try:
        read_only = engine.get_execution_options().get(store.READ_ONLY)
        if read_only is not None or not upgrade:
            schema.check_known(engine)
            if upgrade and not schema.status_is_current(engine):
                raise Conflict("db.read_only_needs_upgrade", path=str(path), reason=read_only)
        else:
            schema.ensure_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def database_is_missing(path: Path) -> bool:
    """No file, or an empty one (0 bytes, no log beside it): both are created the same way.
    An empty file is removed first, so that the new database can take its name in one step."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return True
    if info.st_size or not stat.S_ISREG(info.st_mode):
        return False  # a device (/dev/null is empty too) is refused, never replaced
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        return False
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise InvalidData("file.cannot_create", path=str(path), reason=os_reason(error)) from None
    return True


def check_is_ours(path: Path) -> None:
    """Refuse, changing nothing, a file that is not this tool's database: not SQLite, or
    another program's (another application id, or neither the mark nor this tool's tables).
    A file of this tool made before the mark existed is accepted (it gets it when written)."""
    header = sqlite_file.read_header(path)
    if not header.is_sqlite:
        raise InvalidData("db.not_sqlite", path=str(path))
    if header.marked:
        return
    if header.application_id:
        raise InvalidData("db.foreign_application", path=str(path), id=hex(header.application_id))
    tables = sqlite_file.table_names(path, store.busy_timeout_ms() / 1000)
    if not schema.holds_this_tool(tables):
        raise InvalidData("db.foreign_tables", path=str(path), tables=_some(tables))


def _some(tables: set[str]) -> str:
    names = sorted(tables)
    return ", ".join(names[:4]) + (", …" if len(names) > 4 else "") if names else "∅"


def _open_server(
    location: store.Location, *, notify: Callable[[Message], object], upgrade: bool
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
                notify(Message("db.created_on_server", {"path": str(location)}))
        else:
            with engine.connect() as connection:
                schema.check_owned(connection, str(location))
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

    where = store.hide_password(str(engine.url))
    with engine.connect() as connection:
        schema.check_owned(connection, where)
        if schema.current_revision(connection) is not None:
            raise DatabaseExists("db.exists", database=where)
        connection.rollback()
        with connection.begin():
            schema.lock_for_migration(connection)
            if schema.current_revision(connection) is not None:
                raise DatabaseExists("db.exists", database=where)
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


def create_database(
    path: Path, *, seed: Path | None, notify: Callable[[Message], object] = lambda _m: None
) -> Summary | None:
    """Build a new database beside `path`, then move it into place in one step (`new_file`)."""
    from presence_postale.services.files import new_file

    sqlite_file.remove_stale(path.parent, notify)
    with new_file(path, DatabaseExists("db.exists", database=str(path))) as engine:
        schema.upgrade(engine)
        return load_records(engine, seed) if seed is not None else None


def prepare_to_write() -> None:
    """Load what writers need before they take the write lock, which they then hold only for
    their checks and writes: the holidays package and France's calendar (most of a booking's
    time under the lock otherwise: on a busy machine, bookers queued behind imports ran out
    of time), every table and the ORM's mappers (configured on first use otherwise)."""
    from sqlalchemy.orm import configure_mappers

    from presence_postale.domain.calendar import prepare
    from presence_postale.store.models import metadata

    prepare()
    metadata()
    configure_mappers()


def load_records(engine: Engine, path: Path, *, keep: bool = False) -> Summary:
    """Load the records file at `path`. With `keep` (`init` on a database that exists), a file
    that would change a record the database holds is refused whole: `init` adds what is
    missing, it never undoes what was entered since (`import records` replaces)."""
    # Imported here: a command that only opens the database need not load the YAML schema.
    from presence_postale.formats import seed as seed_format
    from presence_postale.services import records

    parsed = seed_format.load(path)
    prepare_to_write()
    with store.session(engine, write=True) as db:
        summary = records.apply(db, parsed)
        if keep and (count := summary.total("updated")):  # the whole load is rolled back
            changed = [row["section"] for row in summary.rows() if row["updated"]]
            raise Conflict("init.would_replace", count=count, sections=changed, source=str(path))
        return summary


@dataclass(frozen=True)
class CheckResult:
    """What a check found, in the catalogue's words: the file's problems, and the rows that
    refer to a missing one."""

    integrity: list[Message]
    foreign_keys: list[Message]

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.foreign_keys


def check(engine: Engine) -> CheckResult:
    """SQLite's integrity check and foreign-key check; on PostgreSQL, which enforces every
    constraint itself, that the schema is at this tool's version and that no constraint was
    left unvalidated (NOT VALID) or disabled, and no row references a missing one.

    On a SQLite file the outcome is remembered beside it (`sqlite_file.damage_note`): writes
    into a file found damaged are refused until a check passes again."""
    if engine.dialect.name != "sqlite":
        return _check_server(engine)
    from sqlalchemy.exc import DatabaseError

    path = store.engine_path(engine)
    try:
        with engine.connect() as connection:
            integrity = [
                Message("db.sqlite_says", {"detail": row[0]})
                for row in connection.exec_driver_sql("PRAGMA integrity_check")
                if row[0] != "ok"
            ]
            foreign = [
                _orphan(row[0], row[1], row[2])
                for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
            ]
    except DatabaseError as error:
        problem = sqlite_file.damage_problem(error.orig) if error.orig is not None else None
        if problem is None:
            raise
        integrity, foreign = [problem], []
    result = CheckResult(integrity=integrity, foreign_keys=foreign)
    if path is not None:
        if result.integrity:
            sqlite_file.record_damage(path, result.integrity[0])
        else:
            sqlite_file.clear_damage(path)
    return result


def _orphan(table: str, row: object, parent: str) -> Message:
    return Message("db.check_orphan", {"table": table, "row": str(row), "parent": parent})


def _check_server(engine: Engine) -> CheckResult:
    from sqlalchemy import and_, exists, inspect, select, text

    from presence_postale.store.models import metadata

    problems: list[Message] = []
    foreign: list[Message] = []
    with engine.connect() as connection:
        current = schema.current_revision(connection)
        if current != schema.HEAD:
            problems.append(
                Message("db.check_schema_version", {"current": current, "expected": schema.HEAD})
            )
        present = set(inspect(connection).get_table_names())
        missing = sorted(t.name for t in metadata().sorted_tables if t.name not in present)
        problems.extend(Message("db.check_table_missing", {"table": name}) for name in missing)
        for name, kind in connection.execute(
            text(
                "SELECT c.conname, c.contype FROM pg_constraint c "
                "JOIN pg_namespace n ON n.oid = c.connamespace "
                "WHERE n.nspname = current_schema() AND NOT c.convalidated"
            )
        ):
            problems.append(Message("db.check_not_validated", {"name": name, "kind": kind}))
        for name, table in connection.execute(
            text(
                "SELECT t.tgname, t.tgrelid::regclass::text FROM pg_trigger t "
                "JOIN pg_class r ON r.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = r.relnamespace "
                "WHERE n.nspname = current_schema() AND t.tgisinternal AND t.tgenabled = 'D'"
            )
        ):
            problems.append(Message("db.check_trigger_disabled", {"name": name, "table": table}))
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
                    _orphan(table.name, "/".join(map(str, row)), parent.name) for row in orphans
                )
    return CheckResult(integrity=problems, foreign_keys=foreign)


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


# ---- what the `db` commands and `init` do -------------------------------------------------


def status(location: store.Location, *, notify: Callable[[Message], object]) -> dict[str, object]:
    """`describe` of the database as it is: pending migrations are listed, not applied."""
    engine = open_database(location, notify=notify, upgrade=False)
    try:
        return describe(location, engine)
    finally:
        engine.dispose()


def upgrade(location: store.Location, *, notify: Callable[[Message], object]) -> list[str]:
    """Apply pending migrations (refused, changing nothing, unless it is this tool's
    database); the names of those applied."""
    if not location.exists:
        raise InvalidData("db.missing", location=str(location))
    engine = open_database(location, notify=notify, upgrade=False)
    try:
        return schema.upgrade(engine)
    finally:
        engine.dispose()


def initialise(
    location: store.Location, seed: Path | None, *, notify: Callable[[Message], object]
) -> Summary | None:
    """Create the database (or bring it up to date) and load `seed` into it (None: nothing)."""
    if location.path is not None and database_is_missing(location.path):
        try:
            summary = create_database(location.path, seed=seed, notify=notify)
        except DatabaseExists:
            pass  # another process created it meanwhile: load into that one, as below
        else:
            notify(Message("db.initialised", {"location": str(location)}))
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
        return load_records(engine, seed, keep=True) if seed is not None else None
    finally:
        engine.dispose()
