"""The database behind one door: where it lives, how connections are set up, how sessions open.

Location: `--db`, then `PRESENCE_POSTALE_DB`, then the user's application directory (never the
current directory). Every SQLite connection gets foreign keys, WAL and a busy timeout, and runs
in explicit transactions (`BEGIN`, or `BEGIN IMMEDIATE` for writers, so that two writers queue
on the busy timeout instead of failing with "database is locked" when one upgrades its lock).
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

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else self.url


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
        return Location(url=value, path=None)
    return _file_location(Path(value).expanduser())


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
        return create_engine(url, pool_pre_ping=True)
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
