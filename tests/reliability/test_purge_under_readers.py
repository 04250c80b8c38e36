"""A purge erases personal data from the file's bytes, or says it could not, while others read.

`coworking purge` anonymises bookings, rebuilds the file and folds the log into it. A command
still reading the old pages keeps them in the file: the purge used to say "anonymised" and exit
0 while the name and e-mail were still there, readable with `strings`. Now it waits for readers
up to the busy timeout; a reader that outlasts it makes the purge exit 1 with one line that
claims nothing, and the next purge finishes the job. `organisation` (a sole trader's is their
name) is erased with the name and e-mail, and every connection has `secure_delete` on, so
what a change removes is overwritten, whatever SQLite's build defaults to.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_only  # the bytes of the SQLite file and its log

NAME, EMAIL, ORGANISATION = b"Camille Martin", b"camille@example.org", b"Atelier Camille Martin"
TIMEOUT = 120


def _run(db: Path, *args: str, wait: float = 30) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}
    env["PRESENCE_POSTALE_BUSY_TIMEOUT"] = str(wait)
    return subprocess.run(
        [sys.executable, "-m", "presence_postale", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )


def _file_bytes(db: Path) -> bytes:
    """The database and what lies beside it (its log)."""
    return b"".join(p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name))


def _booked(db: Path) -> None:
    done = _run(
        db, "coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00",
        "--to", "12:00", "--name", NAME.decode(), "--email", EMAIL.decode(),
        "--organisation", ORGANISATION.decode(), "--category", "soho_solo", "--record",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert EMAIL in _file_bytes(db)


def _reading(db: Path) -> sqlite3.Connection:
    """Another command in the middle of a long read: it holds the pages it started with."""
    reader = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM reservation").fetchone() == (1,)
    return reader


def _gone(db: Path) -> bool:
    content = _file_bytes(db)
    return not any(value in content for value in (NAME, EMAIL, ORGANISATION))


def test_a_purge_erases_name_email_and_organisation_from_the_files_bytes(seeded_db: Path) -> None:
    _booked(seeded_db)
    done = _run(seeded_db, "coworking", "purge", "--older-than", "0d")
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("1 réservation et 0 inscription")
    assert _gone(seeded_db)
    with closing(sqlite3.connect(seeded_db)) as connection:
        row = connection.execute("SELECT person_name, email, organisation FROM reservation")
        assert row.fetchall() == [(None, None, None)]


def test_a_reader_that_outlasts_the_wait_makes_the_purge_fail_and_claim_nothing(
    seeded_db: Path,
) -> None:
    _booked(seeded_db)
    reader = _reading(seeded_db)
    try:
        stopped = _run(seeded_db, "coworking", "purge", "--older-than", "0d", wait=1)
        assert not _gone(seeded_db)  # the reader's pages still hold them
    finally:
        reader.close()
    assert stopped.returncode == 1
    assert stopped.stderr.splitlines() == [
        f"erreur : effacement inachevé : une autre commande lit « {seeded_db} » depuis plus de "
        "1 s, et les valeurs effacées restent dans le fichier tant qu'elle lit ; relancer la "
        "même commande quand elle aura fini"
    ]
    assert "anonymes" not in stopped.stderr
    # The next purge, with nothing new to anonymise, finishes the job.
    again = _run(seeded_db, "coworking", "purge", "--older-than", "0d")
    assert again.returncode == 0, again.stderr
    assert again.stderr.startswith("0 réservation et 0 inscription")
    assert _gone(seeded_db)


def test_a_purge_waits_for_a_reader_that_ends_within_the_wait(seeded_db: Path) -> None:
    _booked(seeded_db)
    reader = _reading(seeded_db)
    # The reader ends a moment after the purge starts waiting for it (well within the wait).
    timer = threading.Timer(2.0, reader.close)
    timer.start()
    try:
        done = _run(seeded_db, "coworking", "purge", "--older-than", "0d", wait=60)
    finally:
        timer.join()
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("1 réservation et 0 inscription")
    assert _gone(seeded_db)


def test_every_connection_overwrites_what_it_deletes(seeded_db: Path) -> None:
    """`secure_delete` on every connection of the tool: a deleted row's text does not linger
    in free space, whatever SQLite's build defaults to (Debian's has it on, others off)."""
    from sqlalchemy import text

    from presence_postale.store import db as store

    secret = "valeur à effacer 7f3c"
    engine = store.make_engine(f"sqlite:///{seeded_db}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        with store.session(engine, write=True) as db:
            db.connection().execute(
                text("UPDATE site SET note = :secret WHERE id = '17510A'"), {"secret": secret}
            )
        with store.session(engine, write=True) as db:
            db.connection().execute(text("UPDATE site SET note = NULL WHERE id = '17510A'"))
        with engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    assert secret.encode() not in seeded_db.read_bytes()
