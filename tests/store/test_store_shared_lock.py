"""A process that writes keeps SQLite's shared lock on the file for as long as its connections
are open. Opening and closing the file another way (to read its header) would drop every POSIX
lock the process holds on it, SQLite's included. Another process's last connection could then
fold the log into the file and remove it under this one: a write committed next was lost. That
was seen as bookings that answered « enregistrée » and were not there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from presence_postale.errors import Message
from presence_postale.services.database import open_database
from presence_postale.store import db as store
from presence_postale.store import sqlite_file
from presence_postale.store.sqlite_file import SHARED_FIRST, SHARED_SIZE

PROBE = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, int(sys.argv[2]), int(sys.argv[3]))
except OSError:
    print("held")
else:
    print("free")
"""


def _others_see(path: Path) -> str:
    """What another process finds when it tries SQLite's exclusive lock on the file."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), str(SHARED_SIZE), str(SHARED_FIRST)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_reads_and_writes_keep_the_shared_lock_until_the_connections_close(
    tmp_path: Path,
) -> None:
    path = tmp_path / "presence-postale.db"
    engine = open_database(store.resolve(str(path)))
    try:
        with store.session(engine) as db:
            assert db.connection().exec_driver_sql("SELECT count(*) FROM site").scalar()
        assert _others_see(path) == "held"
        for _ in range(2):  # every write checks the file before it begins
            with store.session(engine, write=True) as db:
                db.connection().exec_driver_sql("UPDATE site SET note = 'x' WHERE id = '17510A'")
            assert _others_see(path) == "held"
    finally:
        engine.dispose()
    assert _others_see(path) == "free"


def test_a_reader_of_a_file_it_may_not_write_keeps_its_lock_until_its_last_connection_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read-only connections to a whole file (no log beside it) hold the lock themselves: one
    closing, or another opening, does not take it from those still reading."""
    path = tmp_path / "presence-postale.db"
    open_database(store.resolve(str(path))).dispose()
    assert sqlite_file.read_only_uri(path).endswith("?immutable=1")
    monkeypatch.setattr(
        sqlite_file, "write_refusal", lambda _path: Message("db.why_read_only_filesystem")
    )
    engine = store.make_engine(f"sqlite:///{path}")
    try:
        first, second = engine.connect(), engine.connect()
        for connection in (first, second):
            assert connection.exec_driver_sql("SELECT count(*) FROM site").scalar() == 18
        assert _others_see(path) == "held"
        first.invalidate()  # its SQLite connection closes, and with it a descriptor of the file
        assert _others_see(path) == "held"
        third = sqlite_file.connect_read_only(path, 5)  # another reader in the same process
        third.close()
        assert _others_see(path) == "held"
        assert second.exec_driver_sql("SELECT count(*) FROM site").scalar() == 18
        second.invalidate()
        assert _others_see(path) == "free"
    finally:
        engine.dispose()
    assert _others_see(path) == "free"
