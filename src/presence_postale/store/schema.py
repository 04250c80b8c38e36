"""Schema versions: Alembic migrations, recorded in the database, applied when it is opened.

Opening a database costs one query when it is up to date: the recorded revision is compared
with `HEAD`, and Alembic (slow to import) is loaded only when something is pending. A test
keeps `HEAD` equal to the newest migration script.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from presence_postale.errors import InvalidData

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

HEAD = "0007_record_ids"
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    pending: tuple[str, ...]

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "presence_postale.store:migrations")
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def revisions() -> list[str]:
    """Every migration, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(scripts.walk_revisions()))]


def status(engine: Engine) -> SchemaStatus:
    with engine.connect() as connection:
        current = current_revision(connection)
    all_revisions = revisions()
    done = all_revisions.index(current) + 1 if current in all_revisions else 0
    return SchemaStatus(current=current, head=HEAD, pending=tuple(all_revisions[done:]))


def _recorded(engine: Engine) -> str | None:
    with engine.connect() as connection:
        current = current_revision(connection)
        connection.rollback()
    return current


def _refuse_newer(current: str | None) -> None:
    if current is not None and current != HEAD and current not in revisions():
        raise InvalidData("db.schema_newer", version=current)


def check_known(engine: Engine) -> None:
    """Refuse a database whose schema is newer than this tool (without changing anything)."""
    _refuse_newer(_recorded(engine))


def status_is_current(engine: Engine) -> bool:
    return _recorded(engine) == HEAD


def ensure_current(engine: Engine) -> None:
    """Bring the schema up to date if it is not; cheap when it already is. A newer schema is
    refused before anything takes the write lock: the file keeps every byte."""
    current = _recorded(engine)
    if current != HEAD:
        _refuse_newer(current)
        upgrade(engine)


# Tables that only this tool's schema has together: a database holding them is this tool's.
OWN_TABLES = frozenset({VERSION_TABLE, "site", "permanence", "reservation"})


def holds_this_tool(tables: set[str]) -> bool:
    return tables >= OWN_TABLES


def check_owned(connection: Connection, where: str) -> None:
    """Refuse a server database that holds tables and not this tool's (another program's),
    as a SQLite file without the mark is refused; an empty one is fine."""
    from sqlalchemy import inspect

    tables = set(inspect(connection).get_table_names())
    if tables and not holds_this_tool(tables):
        names = sorted(tables)
        shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
        raise InvalidData("db.foreign_tables", path=where, tables=shown)


def upgrade(engine: Engine, target: str = "head") -> list[str]:
    """Apply pending migrations in one transaction with their records; return those applied.

    The write lock is taken before the recorded version is read, so two processes opening a
    new database at once apply each migration once. On SQLite, foreign keys are off while
    tables are rebuilt (SQLite's documented procedure) and checked before commit.
    """
    from presence_postale.store.db import writer

    check_known(engine)
    with writer(engine).connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Outside any transaction, where SQLite honours it: on the raw connection.
            _raw(connection).execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                applied = upgrade_in(connection, target)
        finally:
            if sqlite:
                _raw(connection).execute("PRAGMA foreign_keys = ON")
    return applied


# Any constant will do: every presence-postale process takes the same advisory lock.
MIGRATION_LOCK = 0x70726573


def lock_for_migration(connection: Connection) -> None:
    """Make other processes that migrate or create the schema wait for this transaction.

    SQLite's BEGIN IMMEDIATE already does it; PostgreSQL's DDL takes no lock on tables that do
    not exist yet, so two processes opening one empty database would both create them.
    """
    from sqlalchemy import text

    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def upgrade_in(connection: Connection, target: str = "head") -> list[str]:
    """`upgrade` inside the caller's transaction (which commits or undoes it)."""
    from alembic import command
    from sqlalchemy import text

    lock_for_migration(connection)
    before = current_revision(connection)
    known = revisions()
    if before is not None and before not in known:
        raise InvalidData("db.schema_newer", version=before)
    command.upgrade(alembic_config(connection), target)
    if connection.dialect.name == "sqlite":
        problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        if problems:
            raise InvalidData("db.migration_breaks", count=len(problems))
    after = current_revision(connection)
    start = known.index(before) + 1 if before in known else 0
    end = known.index(after) + 1 if after in known else 0
    return known[start:end]


def _raw(connection: Connection) -> Any:
    return connection.connection.dbapi_connection


def table_counts(connection: Connection, tables: Any) -> dict[str, int]:
    from sqlalchemy import func, select

    return {
        table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
        for table in tables
    }
