"""`db backup` while other processes write: every copy is a consistent database of its own.

A writer process commits continuously (a closure and a reservation in each transaction, with
plain sqlite3, as fast as it gets the lock), and a second writer books through the tool, while
`db backup` runs several times. Each copy passes SQLite's integrity and foreign-key checks,
opens with the tool, is readable by its owner only, holds row counts between the source's
before and after, and holds whole transactions only (as many closures as reservations from the
first writer). Backing up onto an existing file, a directory or a missing directory is refused
with one line.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_only  # the SQLite online-backup API and its file

TIMEOUT = 120
BACKUPS = 3

# Commits continuously until the stop file appears (bounded). Each transaction adds a closure
# and a reservation, so a copy that holds one without the other is not a consistent snapshot.
WRITER = textwrap.dedent(
    """
    import sqlite3, sys, time
    from pathlib import Path

    db, stop = sys.argv[1:3]
    connection = sqlite3.connect(db, timeout=30, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    written = 0
    try:
        for n in range(1, 100_000):
            if Path(stop).exists():
                break
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "INSERT INTO closure (uid, site_id, start_date, end_date, reason, created_at) "
                "VALUES (lower(hex(randomblob(16))), '17510A', '2030-01-01', '2030-01-02', ?, "
                "'2024-01-01 00:00:00.000000')",
                (f"sauvegarde {n}",),
            )
            connection.execute(
                "INSERT INTO reservation (uid, space_id, start_at, end_at, category, "
                "organisation, status, channel, created_at) "
                "VALUES (lower(hex(randomblob(16))), 'saint-clar', '2030-01-07 09:00:00.000000', "
                "'2030-01-07 10:00:00.000000', 'other', ?, 'cancelled', 'email', "
                "'2024-01-01 00:00:00.000000')",
                (f"sauvegarde {n}",),
            )
            connection.execute("COMMIT")
            written = n
            time.sleep(0.002)  # let the other writer take its turn
    finally:
        connection.close()
    print(written)
    """
)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presence_postale", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=TIMEOUT,
    )


def _counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path, timeout=30)) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("site", "closure", "reservation", "permanence_outcome")
        }


def _writer_rows(path: Path) -> tuple[list[int], list[int]]:
    """The numbers of the first writer's closures and reservations in `path`."""
    with closing(sqlite3.connect(path)) as connection:
        closures = [
            int(reason.split()[1])
            for (reason,) in connection.execute(
                "SELECT reason FROM closure WHERE reason LIKE 'sauvegarde %'"
            )
        ]
        reservations = [
            int(organisation.split()[1])
            for (organisation,) in connection.execute(
                "SELECT organisation FROM reservation WHERE organisation LIKE 'sauvegarde %'"
            )
        ]
    return sorted(closures), sorted(reservations)


def _checks(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as connection:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
    return integrity, foreign


@pytest.mark.slow
def test_backups_taken_while_others_write_are_consistent(seeded_db: Path, tmp_path: Path) -> None:
    db = seeded_db
    backups_dir = tmp_path / "backups"
    backups_dir.mkdir()
    before = _counts(db)
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    booked: list[subprocess.CompletedProcess[str]] = []

    def book() -> None:
        for i in range(BACKUPS):
            day = date(2019, 5, 14) + timedelta(days=i)  # from a Tuesday: open mornings
            booked.append(
                _run(
                    db, "coworking", "book", "saint-clar", "--date", day.isoformat(),
                    "--from", "09:00", "--to", "10:00", "--name", f"Personne {i}",
                    "--category", "association", "--record",
                )
            )  # fmt: skip

    booker = threading.Thread(target=book)
    copies: list[Path] = []
    results: list[subprocess.CompletedProcess[str]] = []
    try:
        # The writer has committed at least once before the first copy (bounded wait).
        for _ in range(3000):
            if _writer_rows(db)[0] or writer.poll() is not None:
                break
            threading.Event().wait(0.01)
        booker.start()
        for i in range(BACKUPS):
            copy = backups_dir / f"presence-{i}.db"
            results.append(_run(db, "db", "backup", str(copy)))
            copies.append(copy)
        booker.join(timeout=TIMEOUT)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=TIMEOUT)
    assert writer.returncode == 0, err
    assert not booker.is_alive()
    written = int(out.strip())
    after = _counts(db)

    for result in booked:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr.lower()
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr.lower()
        assert result.stderr.startswith("sauvegardé ") and " dans " in result.stderr
    # Nothing but the copies beside them: no temporary file left over.
    assert sorted(p.name for p in backups_dir.iterdir()) == [c.name for c in copies]

    previous = before
    for copy in copies:
        assert copy.stat().st_mode & 0o777 == 0o600, copy
        assert _checks(copy) == (["ok"], [])
        counts = _counts(copy)
        for table, count in counts.items():
            assert before[table] <= count <= after[table], (copy.name, table, count)
            assert count >= previous[table], "a later copy holds fewer rows"
        previous = counts
        closures, reservations = _writer_rows(copy)
        # Whole transactions only, and all of them up to some moment: a snapshot.
        assert closures == reservations, copy.name
        assert closures == list(range(1, len(closures) + 1)), copy.name
        assert len(closures) <= written
        # The tool opens the copy.
        check = _run(copy, "db", "check")
        assert check.returncode == 0, check.stderr
        assert check.stdout.strip() == "ok : intégrité et clés étrangères"
        listed = _run(copy, "sites", "list", "--format", "json")
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) == counts["site"]
    assert _writer_rows(copies[0])[0], "the first copy was taken before any write"
    held = [len(_writer_rows(copy)[0]) for copy in copies]
    print(f"\nwriter committed {written} transactions; the copies hold {held}")


@pytest.mark.parametrize("target", ["existing", "directory", "missing-directory", "source"])
def test_backup_onto_an_existing_file_or_a_directory_is_refused(
    seeded_db: Path, tmp_path: Path, target: str
) -> None:
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"not to be overwritten")
    directory = tmp_path / "a-directory"
    directory.mkdir()
    paths = {
        "existing": existing,
        "directory": directory,
        "missing-directory": tmp_path / "nowhere" / "copy.db",
        "source": seeded_db,
    }
    expected = {
        "existing": "le fichier existe ; choisir un nouveau nom",
        "directory": "c'est un dossier",
        "missing-directory": "n'existe pas",
        "source": "le fichier existe ; choisir un nouveau nom",
    }
    listing_before = sorted(p.name for p in tmp_path.iterdir())

    result = _run(seeded_db, "db", "backup", str(paths[target]))

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"erreur : sauvegarde impossible dans « {paths[target]} » : ")
    assert expected[target] in lines[0]
    assert existing.read_bytes() == b"not to be overwritten"
    assert list(directory.iterdir()) == []
    # No temporary file left anywhere (the source may now have its -wal / -shm).
    listing_after = sorted(
        p.name for p in tmp_path.iterdir() if not p.name.startswith(f"{seeded_db.name}-")
    )
    assert listing_after == listing_before


def test_a_copy_put_in_place_of_the_source_holds_the_same_rows(
    seeded_db: Path, tmp_path: Path
) -> None:
    """The copy is a whole database on its own: the tool sees the same rows in it."""
    copy = tmp_path / "copy.db"
    assert _run(seeded_db, "db", "backup", str(copy)).returncode == 0
    restored = tmp_path / "restored.db"
    shutil.copyfile(copy, restored)
    status = json.loads(_run(restored, "db", "status", "--format", "json").stdout)
    source = json.loads(_run(seeded_db, "db", "status", "--format", "json").stdout)
    assert status["tables"] == source["tables"]
