"""Files the tool builds whole, beside their final name: new databases, backups; and the
compaction that follows a purge.

A new file is built in a temporary twin (`sqlite_file.temp_twin`), readable by its owner only,
then linked into place in one step: a crash leaves only the twin, which the next command
removes, and every error names the file asked for, never the twin.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from presence_postale.errors import Conflict, InvalidData, Message, os_reason
from presence_postale.store import db as store
from presence_postale.store import sqlite_file

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


@contextmanager
def new_file(path: Path, exists: Exception) -> Iterator[Engine]:
    """An engine on a new SQLite database that becomes the file `path` only when the block
    ends normally. It is built in a temporary twin, then linked into place in one step: a
    crash leaves only the twin (which the next command removes, `sqlite_file.remove_stale`),
    and of two processes making the same file, the second to finish gets `exists` raised
    instead of overwriting the first's. Errors name `path`, never the twin.
    """
    tmp = sqlite_file.temp_twin(path)
    tmp.unlink(missing_ok=True)
    try:
        store.create_file(tmp)
    except OSError as error:
        raise InvalidData("file.cannot_create", path=str(path), reason=os_reason(error)) from None
    try:
        with _naming(path):
            _start(tmp)
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
        except OSError as error:
            raise InvalidData(
                "file.cannot_create", path=str(path), reason=os_reason(error)
            ) from None
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)


@contextmanager
def _naming(path: Path) -> Iterator[None]:
    """A full disk while a new file is built: said with the file's name (not the twin's)."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except (sqlite3.Error, DBAPIError, OSError) as error:
        if not _disk_full(error):
            raise
        raise InvalidData("file.disk_full", path=str(path)) from None


SQLITE_FULL = 13


def _disk_full(error: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError

    if isinstance(error, DBAPIError):
        error = error.orig or error
    if isinstance(error, OSError):
        return error.errno == errno.ENOSPC
    return isinstance(error, sqlite3.Error) and (
        getattr(error, "sqlite_errorcode", 0) & 0xFF == SQLITE_FULL
    )


def _start(path: Path) -> None:
    """A new file starts in WAL mode, with the tool's mark: set once here, on the file, so
    that no later connection has to (switching needs the lock without waiting for it)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute(sqlite_file.MARK)
    finally:
        connection.close()


def drop_wal(path: Path) -> None:
    # Fold the write-ahead log into the file so that the linked file is complete on its own.
    # The file stays in WAL mode.
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def backup(
    location: store.Location,
    target: Path,
    *,
    notify: Callable[[Message], object] = lambda _message: None,
) -> int:
    """A consistent copy, even while another process writes (SQLite's online backup API).

    Returns the number of pages copied. The copy is readable by its owner only, built in a
    temporary twin and linked into place whole; twins that killed backups left in the target's
    directory are removed first (said through `notify`).
    """
    if location.path is None:
        raise InvalidData("backup.server_database")
    target = target.expanduser().absolute()
    if target.is_dir():
        raise InvalidData("backup.is_directory", path=str(target))
    if not target.parent.is_dir():
        raise InvalidData("backup.no_directory", path=str(target), directory=str(target.parent))
    if target.exists() or target.is_symlink():
        raise InvalidData("backup.exists", path=str(target))
    if target == location.path:
        raise InvalidData("backup.onto_itself")
    if (base := sqlite_file.side_file_of(target)) is not None:
        raise InvalidData("db.side_file_name", path=str(target), base=str(base))
    sqlite_file.remove_stale(target.parent, notify)
    tmp = sqlite_file.temp_twin(target)
    try:
        store.create_file(tmp)
    except OSError as error:
        raise InvalidData(
            "backup.cannot_write", path=str(target), reason=os_reason(error)
        ) from None
    try:
        with _naming(target):
            pages = _copy_pages(location.path, tmp)
        try:
            os.link(tmp, target)
        except OSError as error:
            reason = os_reason(error)
            raise InvalidData("backup.cannot_write", path=str(target), reason=reason) from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)
    return pages


def _copy_pages(source_path: Path, tmp: Path) -> int:
    timeout = store.busy_timeout_ms() / 1000
    if sqlite_file.write_refusal(source_path) is None:
        source = sqlite3.connect(source_path, timeout=timeout)
    else:  # another user's file, a read-only mount: read it without writing beside it
        source = sqlite_file.connect_read_only(source_path, timeout)
    dest = sqlite3.connect(tmp)
    try:
        source.backup(dest)
        return int(dest.execute("PRAGMA page_count").fetchone()[0])
    finally:
        dest.close()
        source.close()


def compact(engine: Engine, *, rebuild: bool = True) -> None:
    """Rebuild the file (`rebuild`) and fold the write-ahead log into it, so that erased values
    linger neither in free pages nor in the log (after a purge of personal data).

    Folding the log waits for the commands reading the file to finish, up to the busy
    timeout; one still reading then keeps the old pages in use, and this raises (exit 1)
    rather than let the caller claim the values are gone. Run again, it finishes the job."""
    if engine.dialect.name != "sqlite":
        # PostgreSQL: rewrite the tables that held the purged personal data (VACUUM FULL
        # leaves no dead row versions behind), outside any transaction as VACUUM requires.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM FULL reservation, waitlist_entry")
        return
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        if rebuild:
            raw.execute("VACUUM")
        busy, log, folded = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy or log != folded:
        raise Conflict(
            "db.compact_blocked",
            path=str(store.engine_path(engine)),
            seconds=store.busy_timeout_ms() // 1000,
        )
