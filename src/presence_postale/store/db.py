"""The database behind one door: where it lives, how connections are set up, how sessions open.

Location: `--db`, then `PRESENCE_POSTALE_DB`, then the user's application directory (never the
current directory). Every SQLite connection gets foreign keys, WAL and a busy timeout, and runs
in explicit transactions (`BEGIN`, or `BEGIN IMMEDIATE` for writers, so that two writers queue
on the busy timeout instead of failing with "database is locked" when one upgrades its lock).

A `postgresql://` URL names a shared server database (through psycopg 3). There, transactions
stay READ COMMITTED and writers do not take a database-wide lock: a service whose check and
write must be atomic (booking a space, creating a permanence) locks the rows it depends on
with `lock` (SELECT … FOR UPDATE), which SQLite's single writer makes unnecessary there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presence_postale.errors import InvalidData

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

ENV_VAR = "PRESENCE_POSTALE_DB"
APP_NAME = "presence-postale"
DEFAULT_FILENAME = "presence-postale.db"
BUSY_TIMEOUT_MS = 30_000
# The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
# Every SQLite connection, through SQLAlchemy or not (`store.raw`), starts with these.
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
)


@dataclass(frozen=True)
class Location:
    """Where the database is: a SQLite file (`path`) or a server URL."""

    url: str
    path: Path | None
    is_default: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def exists(self) -> bool:
        return self.path is None or self.path.exists()

    @property
    def is_server(self) -> bool:
        return self.path is None

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else hide_password(self.url)


def hide_password(url: str) -> str:
    """The URL as shown to people: a password in it is replaced by ***."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def default_path() -> Path:
    import typer

    return Path(typer.get_app_dir(APP_NAME)) / DEFAULT_FILENAME


def resolve(option: str | None) -> Location:
    """The database named by `--db`, else by the environment, else the default file."""
    value = option or os.environ.get(ENV_VAR) or None
    if value is None:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return Location(url=f"sqlite:///{path}", path=path, is_default=True)
    if "://" in value:
        if value.startswith("sqlite:///"):
            return _file_location(Path(value.removeprefix("sqlite:///")))
        return Location(url=server_url(value), path=None)
    return _file_location(Path(value).expanduser())


SERVER_SCHEMES = ("postgresql+psycopg", "postgresql", "postgres")


def server_url(value: str) -> str:
    """A PostgreSQL URL with psycopg 3 as its driver (the one installed with the tool)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    scheme = value.split("://", 1)[0]
    if scheme not in SERVER_SCHEMES:
        raise InvalidData(
            f"cannot use database URL '{scheme}://…': give a SQLite file or a "
            "postgresql+psycopg://user@host/dbname URL"
        )
    try:
        url = make_url(value).set(drivername="postgresql+psycopg")
    except (ArgumentError, ValueError):  # their wording names the parser, not the URL
        raise InvalidData(
            f"cannot use database URL '{scheme}://…': it is not a URL like "
            "postgresql+psycopg://user@host:5432/dbname (a port is a number)"
        ) from None
    if not url.database:
        raise InvalidData(
            f"cannot use database URL '{url.render_as_string(hide_password=True)}': "
            "it names no database (postgresql+psycopg://user@host/dbname)"
        )
    return url.render_as_string(hide_password=False)


def _file_location(path: Path) -> Location:
    path = path.absolute()
    if path.is_dir():
        raise InvalidData(f"cannot use database '{path}': it is a directory")
    if not path.parent.is_dir():
        raise InvalidData(f"cannot use database '{path}': directory '{path.parent}' does not exist")
    return Location(url=f"sqlite:///{path}", path=path)


def create_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (it holds personal data)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def make_engine(url: str) -> Engine:
    """A new engine; SQLite connections are set up by `_on_connect` and `_on_begin`."""
    from sqlalchemy import create_engine, event

    if not url.startswith("sqlite"):
        # A server that cannot be reached fails within seconds rather than hanging a command.
        # Sessions in UTC: the UTC instants the tool records (created_at…) are stored as they
        # are on SQLite, whatever the server's own time zone.
        return create_engine(
            url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 10, "options": "-c timezone=UTC"},
        )
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy (the `begin` hook below): the sqlite3 module
    # would otherwise run DDL outside any transaction and never BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


_BEGIN = {"DEFERRED": "BEGIN DEFERRED", "IMMEDIATE": "BEGIN IMMEDIATE"}


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(_BEGIN[mode])


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take the write lock at BEGIN."""
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def lock(db: Session, table: Any, key: Any) -> None:
    """Lock one row until the transaction ends (PostgreSQL's SELECT … FOR UPDATE).

    Under READ COMMITTED two writers may each check a rule and then both insert; locking the
    row the rule is about (a space, an agent) first makes the second wait for the first to
    commit, then see its rows. On SQLite a writer already holds the whole database from
    BEGIN IMMEDIATE, so nothing is done there.
    """
    from sqlalchemy import inspect, select

    if db.get_bind().dialect.name == "sqlite":
        return
    (column,) = inspect(table).primary_key
    db.execute(select(column).where(column == key).with_for_update())


# The advisory lock that loads of records and open-data imports share.
BULK_WRITE = "presence-postale bulk write"


def exclusive(db: Session, name: str) -> None:
    """Make other transactions that ask for `name` wait until this one ends (PostgreSQL's
    transaction-level advisory lock; nothing on SQLite, whose writers already queue).

    For bulk writers (imports, records files) that read many rows and then insert the ones
    missing: two at once would both insert the same keys. Queued, the second sees the first's.
    """
    from sqlalchemy import text

    if db.get_bind().dialect.name == "sqlite":
        return
    db.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name})


@contextmanager
def session(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on any error."""
    from sqlmodel import Session

    bind = writer(engine) if write else engine
    with Session(bind, expire_on_commit=False) as db:
        try:
            yield db
            if write:
                db.commit()
            # A reader just closes: its transaction ends, the objects it read stay readable.
        except BaseException:
            db.rollback()
            raise
