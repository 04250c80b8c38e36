"""A process that writes keeps SQLite's shared lock on the file for as long as its connections
are open. Opening and closing the file another way (to read its header) would drop every POSIX
lock the process holds on it, SQLite's included. Another process's last connection could then
fold the log into the file and remove it under this one: a write committed next was lost. That
was seen as bookings that answered « enregistrée » and were not there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from presence_postale.services.database import open_database
from presence_postale.store import db as store
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
