"""The database behind one door: where it lives, how connections are set up, how sessions open.

Location: `--db`, then `PRESENCE_POSTALE_DB`, then the user's application directory (never the
current directory); an empty value is a usage error. Every SQLite connection gets foreign keys,
`secure_delete` and a busy timeout, and runs in explicit transactions (`BEGIN`, or `BEGIN
IMMEDIATE` for writers, so that two writers queue on the busy timeout instead of failing with
"database is locked" when one upgrades its lock). A writer that still finds the lock taken
after the busy timeout (`PRESENCE_POSTALE_BUSY_TIMEOUT` seconds, 30 by default) gives up with
exit status 75, distinct from a refusal.

Files are in WAL mode and carry the tool's mark (`PRAGMA application_id`), both set by the
first write. A process that may not write the file (another user's, a read-only mount) reads
it through a read-only connection that creates nothing beside it (`store.sqlite_file`), and
its writers are refused in one line, as are writers into a file found damaged.

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

from presence_postale.errors import Conflict, InvalidData, Message, UsageError
from presence_postale.store import sqlite_file
from presence_postale.store.sqlite_file import SQLITE_HEADER

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

ENV_VAR = "PRESENCE_POSTALE_DB"
APP_NAME = "presence-postale"
DEFAULT_FILENAME = "presence-postale.db"
BUSY_TIMEOUT_MS = 30_000
BUSY_TIMEOUT_VAR = "PRESENCE_POSTALE_BUSY_TIMEOUT"
__all__ = ["SQLITE_HEADER"]


def busy_timeout_ms() -> int:
    """How long a command waits for another's write lock (or, purging, for readers):
    `PRESENCE_POSTALE_BUSY_TIMEOUT` seconds, else 30 s."""
    text = os.environ.get(BUSY_TIMEOUT_VAR, "").strip()
    if not text:
        return BUSY_TIMEOUT_MS
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise UsageError("usage.bad_busy_timeout", variable=BUSY_TIMEOUT_VAR, value=text)
    return int(seconds * 1000)


def sqlite_pragmas() -> tuple[str, ...]:
    """What every SQLite connection, through SQLAlchemy or not (`store.raw`), starts with.

    `secure_delete` overwrites what a change removes (a purged name, a cancelled row) with
    zeros instead of leaving it in free space; some builds of SQLite have it on by default,
    others not. The journal mode is not here: it is a property of the file, set once by the
    first writer (`writer`), so that a look at a file never changes it.
    """
    return (
        "PRAGMA foreign_keys = ON",
        f"PRAGMA busy_timeout = {busy_timeout_ms()}",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA secure_delete = ON",
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
        return str(self.path) if self.path is not None else hide_password(self.url)


def hide_password(url: str) -> str:
    """The URL as shown to people: a password in it is replaced by ***."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def default_path() -> Path:
    import typer

    return Path(typer.get_app_dir(APP_NAME)) / DEFAULT_FILENAME


def database_file(option: str | None) -> Path | None:
    """The file `resolve` would open, found without creating or checking anything; None for
    a server, or for an option it refuses."""
    value = option if option is not None else os.environ.get(ENV_VAR)
    if value is None:
        return default_path()
    if not value.strip() or ("://" in value and not value.startswith("sqlite:///")):
        return None
    return Path(value.removeprefix("sqlite:///")).expanduser()


def resolve(option: str | None) -> Location:
    """The database named by `--db`, else by the environment, else the default file.

    An empty `--db ""` or `PRESENCE_POSTALE_DB=` is a usage error: falling back to the default
    file would quietly write somewhere else than the user meant."""
    if option is not None and not option.strip():
        raise UsageError("usage.empty_db", option="--db")
    from_env = os.environ.get(ENV_VAR)
    if option is None and from_env is not None and not from_env.strip():
        raise UsageError("usage.empty_db", option=ENV_VAR)
    value = option or from_env
    if value is None:
        path = default_path()
        make_private_directory(path.parent)
        return Location(url=f"sqlite:///{path}", path=path, is_default=True)
    if "://" in value:
        if value.startswith("sqlite:///"):
            return _file_location(Path(value.removeprefix("sqlite:///")))
        return Location(url=server_url(value), path=None)
    return _file_location(Path(value).expanduser())


SERVER_SCHEMES = ("postgresql+psycopg", "postgresql", "postgres")
CONNECT_SECONDS = 10  # how long a server has to answer a new connection


def server_url(value: str) -> str:
    """A PostgreSQL URL with psycopg 3 as its driver (the one installed with the tool)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    scheme = value.split("://", 1)[0]
    if scheme not in SERVER_SCHEMES:
        raise InvalidData("db.bad_scheme", scheme=scheme)
    try:
        url = make_url(value).set(drivername="postgresql+psycopg")
    except (ArgumentError, ValueError):  # their wording names the parser, not the URL
        raise InvalidData("db.not_a_url", scheme=scheme) from None
    if url.port is not None and not 0 < url.port < 65536:
        raise InvalidData("db.not_a_url", scheme=scheme)
    if not url.database:
        raise InvalidData("db.no_database_name", url=url.render_as_string(hide_password=True))
    return url.render_as_string(hide_password=False)


def _file_location(path: Path) -> Location:
    path = path.absolute()
    if path.is_symlink():
        # The file the link points to: SQLite keeps its -wal and -shm beside that one, and a
        # new database is made there, never in place of the link.
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise InvalidData("db.is_directory", path=str(path))
    base = sqlite_file.side_file_of(path)
    if base is not None:
        raise InvalidData("db.side_file_name", path=str(path), base=str(base))
    if not path.parent.is_dir():
        raise InvalidData("db.no_directory", path=str(path), directory=str(path.parent))
    return Location(url=f"sqlite:///{path}", path=path)


def make_private_directory(directory: Path) -> None:
    """The application directory, created readable by its owner only whatever the umask."""
    if directory.is_dir():
        return
    directory.parent.mkdir(parents=True, exist_ok=True)
    try:
        directory.mkdir(mode=0o700)
    except FileExistsError:
        return  # made by another process meanwhile
    directory.chmod(0o700)


def create_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (it holds personal data),
    whatever the umask."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def sqlite_path(url: str) -> Path | None:
    """The file a `sqlite:///` URL as `resolve` makes it names (None for a server): the path
    as it is, characters a URL reserves (`?`, `#`, `%`) included."""
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def engine_path(engine: Engine) -> Path | None:
    """The SQLite file an engine of `make_engine` works on (None for a server)."""
    name = engine.url.database
    return Path(name) if engine.url.get_backend_name() == "sqlite" and name else None


def make_engine(url: str) -> Engine:
    """A new engine; SQLite connections are set up by `_on_connect` and `_on_begin`.

    A SQLite file this process may not write gets read-only connections (see
    `store.sqlite_file`): every read works, and `writer` refuses with the reason.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    if not url.startswith("sqlite"):
        # A server that cannot be reached fails within seconds rather than hanging a command.
        # Sessions in UTC: the UTC instants the tool records (created_at…) are stored as they
        # are on SQLite, whatever the server's own time zone.
        engine = create_engine(
            url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": CONNECT_SECONDS, "options": "-c timezone=UTC"},
        )
        event.listen(engine, "begin", _on_server_begin)
        return engine
    timeout = busy_timeout_ms() / 1000
    path = sqlite_path(url)
    # The file's name as it is: parsed as a URL, `a?b.db` would be the file `a` with options.
    named: Any = url if path is None else URL.create("sqlite", database=str(path))
    refusal = sqlite_file.write_refusal(path) if path is not None else None
    # The header is read now, before this engine opens the file: once one of its connections
    # is open, opening and closing the file another way would drop every POSIX lock this
    # process holds on it, SQLite's own included (see `writer`).
    header = sqlite_file.read_header(path) if path is not None and path.exists() else None
    if path is not None and refusal is not None:
        uri = sqlite_file.read_only_uri(path, header)
        engine = create_engine(
            named,
            creator=lambda: sqlite_file.connect_read_only(path, timeout, uri),
            execution_options={READ_ONLY: refusal, HEADER: header},
        )
    else:
        engine = create_engine(
            named, connect_args={"timeout": timeout}, execution_options={HEADER: header}
        )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy (the `begin` hook below): the sqlite3 module
    # would otherwise run DDL outside any transaction and never BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in sqlite_pragmas():
        cursor.execute(pragma)
    cursor.close()


_BEGIN = {"DEFERRED": "BEGIN DEFERRED", "IMMEDIATE": "BEGIN IMMEDIATE"}
# The execution option of an engine on a file this process may not write: why, as a Message.
READ_ONLY = "presence_postale_read_only"
# The file's header as read when its engine was made (None: there was no file yet).
HEADER = "presence_postale_header"


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(_BEGIN[mode])
    # The tool's mark, in the first write's transaction (a file made before the mark too).
    if mode == "IMMEDIATE" and (
        connection.exec_driver_sql("PRAGMA application_id").scalar() != sqlite_file.APPLICATION_ID
    ):
        connection.exec_driver_sql(sqlite_file.MARK)


# The execution option of a server engine's writers (see `writer`).
SERVER_WRITER = "presence_postale_server_writer"


def _on_server_begin(connection: Any) -> None:
    # A writer on a server that takes only reads (a read-only database, session or standby)
    # is refused at its start, as on a SQLite file this process may not write: even one that
    # would write nothing (a records file the database holds already) says so.
    if connection.get_execution_options().get(SERVER_WRITER) and (
        connection.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
    ):
        raise Conflict("db.server_read_only")


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take the write lock at BEGIN.

    Refused, in one line, when this process may not write the file, or when the file's
    header is damaged or its last check found it damaged: writing into a damaged file can
    only spread the damage. A file still in rollback-journal mode (made before WAL) is
    switched to WAL here, by its first writer.
    """
    if engine.dialect.name != "sqlite":
        return engine.execution_options(**{SERVER_WRITER: True})
    reason = engine.get_execution_options().get(READ_ONLY)
    if reason is not None:
        raise Conflict("db.read_only", path=str(engine_path(engine)), reason=reason)
    path = engine_path(engine)
    if path is not None and path.exists():
        # Not read again here: this process's connections are open, and closing another
        # descriptor of the file would drop SQLite's shared lock, which tells the others'
        # last connection not to fold and remove the log: a write committed next could be
        # lost (found as bookings that said « enregistrée » and were not there).
        header = engine.get_execution_options().get(HEADER)
        check_sound(path, header)
        if header is None or (not header.wal and not header.empty):
            _switch_to_wal(engine)
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def check_sound(path: Path, header: sqlite_file.Header | None) -> None:
    """Refuse to write into `path` when its header (as read before any connection; None for
    a file this process made) is damaged or its last check failed."""
    problem: Message | str | None = (header.problem if header else None) or (
        sqlite_file.recorded_damage(path)
    )
    if problem is not None:
        raise InvalidData("db.damaged", path=str(path), problem=problem)


def _switch_to_wal(engine: Engine) -> None:
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
    finally:
        raw.close()


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
    """A session in one transaction: committed on success, rolled back on any error. A reader
    sees one state of the whole database however long it reads, while others write (an
    export, a report): SQLite's read transaction does so; PostgreSQL needs REPEATABLE READ,
    which a transaction that only reads may always take."""
    from sqlmodel import Session

    bind = writer(engine) if write else engine
    with Session(bind, expire_on_commit=False) as db:
        if not write and engine.dialect.name == "postgresql":
            db.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        try:
            yield db
            if write:
                db.commit()
            # A reader just closes: its transaction ends, the objects it read stay readable.
        except BaseException:
            db.rollback()
            raise
