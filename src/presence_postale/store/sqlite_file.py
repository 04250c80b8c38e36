"""The SQLite file itself, looked at with plain `os` calls before any SQL runs on it.

Its header (is it SQLite, is it this tool's, is it whole), whether this process may write it,
how to read it when it may not, the note a failed check leaves beside it, and the temporary
files a killed process left behind. Nothing here changes a byte of a database: a command looks
first, then decides to open, create or refuse.

Shared storage. SQLite in WAL mode keeps two files beside the database while it is open
(`-wal`, `-shm`); whoever opens it first creates them, owned by that user. A user who may
read the database but not write it must therefore never create them: the owner could no
longer write. Such a reader opens the database read-only: with `mode=ro` when the owner's
`-wal` and `-shm` are there (SQLite then reads them without writing), else `immutable=1`
(nothing is open, so the file alone is the database), holding a shared lock on the file
meanwhile so that the owner's last connection does not fold its log into the file under the
reader's feet. Root writing another user's database is fine: SQLite hands the files it
creates to the database's owner.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import sqlite3
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from presence_postale.errors import Message

# The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
# `PRAGMA application_id` of this tool's files (the bytes "PPst"): a SQLite file without it
# is another program's, unless it holds this tool's tables (a file made before the mark).
APPLICATION_ID = 0x50507374
MARK = f"PRAGMA application_id = {APPLICATION_ID}"
# SQLite's lock bytes (os_unix.c): readers hold a shared lock on SHARED_SIZE bytes from
# SHARED_FIRST; a connection that closes last needs them all, exclusively, to fold its log.
SHARED_FIRST = 0x40000000 + 2
SHARED_SIZE = 510
SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of a file say."""

    size: int
    is_sqlite: bool = False
    application_id: int = 0
    wal: bool = False
    # What a cheap look at the header finds wrong with a SQLite file, or None.
    problem: Message | None = None

    @property
    def empty(self) -> bool:
        return self.size == 0

    @property
    def marked(self) -> bool:
        return self.application_id == APPLICATION_ID


def read_header(path: Path) -> Header:
    if not stat.S_ISREG(path.stat().st_mode):
        return Header(size=0)  # a device or a pipe is no database (and is not read)
    with path.open("rb") as handle:
        data = handle.read(100)
        size = os.fstat(handle.fileno()).st_size
    if len(data) < 100 or not data.startswith(SQLITE_HEADER):
        return Header(size=size)
    return Header(
        size=size,
        is_sqlite=True,
        application_id=int.from_bytes(data[68:72], "big"),
        wal=data[18] == 2 and data[19] == 2,
        problem=_header_problem(data, size, path),
    )


def _header_problem(data: bytes, size: int, path: Path) -> Message | None:
    """The invariants of a SQLite header that hold at every moment, even while another
    process writes or checkpoints (so a sound file is never taken for a damaged one)."""
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return Message("db.header_page_size", {"size": page_size})
    if data[18] not in (1, 2) or data[19] not in (1, 2) or tuple(data[21:24]) != (64, 32, 32):
        return Message("db.header_format")
    if size % page_size:
        return Message("db.header_size", {"size": size, "page_size": page_size})
    pages = int.from_bytes(data[28:32], "big")
    counter_valid = data[92:96] == data[24:28]
    # With no log beside it, the file holds every page its header counts.
    if counter_valid and pages * page_size > size and not _side(path, "-wal").exists():
        return Message("db.header_truncated", {"pages": pages, "size": size})
    return None


def side_file_of(path: Path) -> Path | None:
    """The database whose log, shared memory or journal SQLite would take `path` for (`x.db`
    for `x.db-wal`), or None: a database of that name would be erased on opening that one."""
    base, _, side = path.name.rpartition("-")
    return path.with_name(base) if base and f"-{side}" in (*SIDE_FILES, "-journal") else None


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


# ---- who may write ---------------------------------------------------------------------------


def write_refusal(path: Path) -> Message | None:
    """Why this process may not write the database at `path` (it may still read it), or None.

    Writing needs write access to the file, and to its `-wal`/`-shm` (or to the directory,
    to create them), and being the file's owner or root: a file written by another user
    would leave those two files owned by that user, and the owner locked out.
    """
    try:
        info = path.stat()
    except OSError:
        return None  # missing: whoever creates it owns it
    if _read_only_filesystem(path):
        return Message("db.why_read_only_filesystem")
    if not os.access(path, os.W_OK):
        return Message("db.why_no_write_permission", {"owner": _owner(info.st_uid)})
    euid = os.geteuid()
    if euid != 0 and info.st_uid != euid:
        return Message("db.why_not_owner", {"owner": _owner(info.st_uid)})
    for suffix in SIDE_FILES:
        side = _side(path, suffix)
        if side.exists() and not os.access(side, os.R_OK | os.W_OK):
            owner = _owner(side.stat().st_uid)
            return Message("db.why_side_file", {"path": str(side), "owner": owner})
    sides_there = all(_side(path, s).exists() for s in SIDE_FILES)
    if not sides_there and not os.access(path.parent, os.W_OK | os.X_OK):
        return Message("db.why_directory", {"directory": str(path.parent)})
    return None


def _read_only_filesystem(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _owner(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


# ---- reading without writing ---------------------------------------------------------------


class ReadOnlyConnection(sqlite3.Connection):
    """A connection that writes nothing beside the database, and keeps the owner's last
    connection from folding its log into the file while it reads it (see the module's
    docstring). Made by `connect_read_only`."""

    file: tuple[int, int] | None = None  # the file's device and inode, while it is open

    def close(self) -> None:
        super().close()
        if self.file is not None:
            file, self.file = self.file, None
            _let_go(file)


# This process's shared lock on each file its read-only connections read whole (`immutable`):
# one descriptor for them all, and how many rely on it. Closing any descriptor of a file
# (SQLite's own, when one of them closes) drops every POSIX lock the process holds on it, so
# the lock is taken again after each close while others read, and let go with the last one.
_HOLDS: dict[tuple[int, int], list[int]] = {}
_HOLDS_GUARD = threading.Lock()


def _hold(path: Path) -> tuple[int, int]:
    info = path.stat()
    file = (info.st_dev, info.st_ino)
    with _HOLDS_GUARD:
        held = _HOLDS.get(file)
        if held is not None:
            held[1] += 1
            _lock_shared(held[0])  # a connection opened and closed in between dropped it
            return file
        fd = os.open(path, os.O_RDONLY)
        try:
            _lock_shared(fd)
        except OSError:
            os.close(fd)
            raise
        _HOLDS[file] = [fd, 1]
    return file


def _let_go(file: tuple[int, int]) -> None:
    with _HOLDS_GUARD:
        fd, count = _HOLDS[file]
        if count == 1:
            del _HOLDS[file]
            os.close(fd)  # releases the shared lock
        else:
            _HOLDS[file][1] = count - 1
            _lock_shared(fd)  # the connection's own descriptor, closed, released it


def _lock_shared(fd: int) -> None:
    fcntl.lockf(fd, fcntl.LOCK_SH, SHARED_SIZE, SHARED_FIRST, os.SEEK_SET)


def read_only_uri(path: Path, header: Header | None = None) -> str:
    """The URI that reads `path` without creating or writing any file (`header`: the file's,
    read before any connection of this process opened it; read now otherwise)."""
    uri = "file:" + quote(str(path), safe="/")
    header = read_header(path) if header is None else header
    if header.wal and not all(_side(path, s).exists() for s in SIDE_FILES):
        # No connection has it open (they would have made both files): the file is whole.
        return uri + "?immutable=1"
    return uri + "?mode=ro&readonly_shm=1"


def connect_read_only(path: Path, timeout: float, uri: str | None = None) -> sqlite3.Connection:
    """A read-only connection to `path`, through `uri` when the caller chose it (an engine
    chooses once, before its first connection: reading the header again would open and close
    the file under the connections it has)."""
    uri = read_only_uri(path) if uri is None else uri
    connection = sqlite3.connect(
        uri, uri=True, timeout=timeout, factory=ReadOnlyConnection, check_same_thread=False
    )
    assert isinstance(connection, ReadOnlyConnection)
    if uri.endswith("immutable=1"):
        try:
            connection.file = _hold(path)
        except OSError:
            connection.close()
            raise
    return connection


def table_names(path: Path, timeout: float) -> set[str]:
    """The tables in the file, read without writing anything (nor beside it)."""
    connection = connect_read_only(path, timeout)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows if not name.startswith("sqlite_")}
    finally:
        connection.close()


# ---- the note a failed check leaves ----------------------------------------------------------


def damage_note(path: Path) -> Path:
    """Beside the database, the file saying its last check found it damaged."""
    return path.with_name(path.name + ".damaged")


# SQLite's result codes for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB), in words.
DAMAGE_CODES = {11: "db.sqlite_corrupt", 26: "db.sqlite_not_a_database"}


def damage_problem(error: BaseException) -> Message | None:
    """A driver's error that says the file is damaged, in the catalogue's words (SQLite's are
    English), or None for any other error."""
    key = DAMAGE_CODES.get(getattr(error, "sqlite_errorcode", 0) & 0xFF)
    return Message(key) if key is not None and isinstance(error, sqlite3.DatabaseError) else None


def recorded_damage(path: Path) -> Message | None:
    """The problem the last check of `path` found, if it found one (and no check passed since):
    a catalogue key, or what SQLite's integrity check said, quoted."""
    try:
        text = damage_note(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    first = text.splitlines()[0] if text else "?"
    if first in DAMAGE_CODES.values():
        return Message(first)
    return Message("db.sqlite_says", {"detail": first})


def record_damage(path: Path, problem: Message | str) -> None:
    """Remember that `path` was found damaged (a catalogue message without values, or SQLite's
    text): writes into it are refused until a check passes. Best effort: a directory that
    cannot take the note leaves it unwritten."""
    note = damage_note(path)
    if isinstance(problem, Message):  # SQLite's own words are kept as they are, to quote them
        text = str(problem.params["detail"]) if problem.key == "db.sqlite_says" else problem.key
    else:
        text = problem
    try:
        write_private(note, (" ".join(text.split()) + "\n").encode("utf-8"))
        owner = path.stat()
        if os.geteuid() == 0:
            os.chown(note, owner.st_uid, owner.st_gid)
    except OSError:
        pass


def clear_damage(path: Path) -> None:
    with contextlib.suppress(OSError):
        damage_note(path).unlink(missing_ok=True)


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` whole with `data`, readable by its owner only."""
    tmp = temp_twin(path)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            os.fchmod(fd, 0o600)
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# ---- temporary twins, and what killed processes left -------------------------------------------

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)\.tmp(?P<suffix>-journal|-wal|-shm)?$")


def temp_twin(path: Path) -> Path:
    """Where a file is built before it takes the name `path` in one step: hidden, beside it,
    named after this process so that a later command knows whether its maker still runs."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def remove_stale(directory: Path, notify: Callable[[Message], Any]) -> list[Path]:
    """Delete, in `directory`, the temporary twins (and their journals) of processes that no
    longer run, each said through `notify`; return them. Only SQLite or empty files named as
    `temp_twin` names them are touched, and what cannot be deleted is left."""
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(directory) if e.name.startswith(".")]
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or _alive(pid):
            continue
        path = Path(entry.path)
        base = path.with_name(entry.name.removesuffix(match["suffix"] or ""))
        if match["suffix"] is None and not _sqlite_or_empty(path):
            continue
        if match["suffix"] is not None and base.exists() and not _sqlite_or_empty(base):
            continue
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
        notify(Message("file.stale_removed", {"path": str(path), "pid": pid}))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's
    return True


def _sqlite_or_empty(path: Path) -> bool:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return False
        if info.st_size == 0:
            return True
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False
