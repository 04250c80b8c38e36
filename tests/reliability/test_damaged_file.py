"""No command writes into a damaged database.

With garbage in the middle of the file, `db check` reported the damage, yet `coworking book`
wrote into it (exit 0). Now the last check's finding is remembered beside the file, as is a
damage any command stumbles on, and a cheap look at the header catches a truncated file
before any check: every write is then refused in one line pointing at `db check` and `db
backup`, and the file keeps every byte. Reads still work (a backup saves what can be saved);
once a check passes again (the file restored), writes are allowed again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_only  # the bytes of the SQLite file

TIMEOUT = 120
BOOK = (
    "coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00", "--to",
    "12:00", "--name", "Camille Martin", "--category", "soho_solo", "--record",
)  # fmt: skip


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}
    return subprocess.run(
        [sys.executable, "-m", "presence_postale", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _garbage_on(db: Path, table: str) -> None:
    """Random bytes over the first page of `table` (a booking reads nothing of it)."""
    with closing(sqlite3.connect(db)) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        (page,) = connection.execute(
            "SELECT min(pageno) FROM dbstat WHERE name = ?", (table,)
        ).fetchone()
    with db.open("r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(os.urandom(size - 8))


def _refused_as_damaged(
    done: subprocess.CompletedProcess[str], db: Path, *, met: bool = False
) -> str:
    """Refused before writing: from what the last check found, or from the header (`met`:
    or from the damage the command's own reads met first, which it then remembers)."""
    assert done.returncode == 1, done.stderr
    (line,) = done.stderr.splitlines()
    refused = f"erreur : écriture refusée : « {db} » est endommagée ("
    met_now = f"erreur : base endommagée : « {db} » ("
    assert line.startswith(refused) or (met and line.startswith(met_now)), line
    assert "« presence-postale db check »" in line, line
    assert line.endswith("sauver ce qui peut l'être avec « presence-postale db backup FICHIER »"), (
        line
    )
    return line


def test_after_a_failed_check_writes_are_refused_until_a_check_passes(
    seeded_db: Path, tmp_path: Path
) -> None:
    sound = tmp_path / "sound.db"
    shutil.copyfile(seeded_db, sound)
    _garbage_on(seeded_db, "site_operator")

    check = _run(seeded_db, "db", "check")
    assert check.returncode == 1
    assert check.stderr.startswith("erreur : la vérification de la base a échoué")
    digest = _digest(seeded_db)

    _refused_as_damaged(_run(seeded_db, *BOOK), seeded_db)
    _refused_as_damaged(_run(seeded_db, "sites", "close", "17510A", "--from", "2021-06-01"),
                        seeded_db)  # fmt: skip
    assert _digest(seeded_db) == digest
    # Reads still work: what can be saved is saved.
    saved = _run(seeded_db, "db", "backup", str(tmp_path / "saved.db"))
    assert saved.returncode == 0, saved.stderr
    assert _digest(seeded_db) == digest

    # Restored from a sound copy: once a check passes, writes go through again.
    shutil.copyfile(sound, seeded_db)
    _refused_as_damaged(_run(seeded_db, *BOOK), seeded_db)
    assert _run(seeded_db, "db", "check").returncode == 0
    booked = _run(seeded_db, *BOOK)
    assert booked.returncode == 0, booked.stderr


def test_a_damage_any_command_meets_is_remembered(seeded_db: Path) -> None:
    _garbage_on(seeded_db, "site")
    listed = _run(seeded_db, "sites", "list")
    assert listed.returncode == 1
    (line,) = listed.stderr.splitlines()
    assert line.startswith(f"erreur : base endommagée : « {seeded_db} » (")
    assert "les écritures sont refusées jusqu'à ce que « presence-postale db check » passe" in line
    # SQLite's own words ("database disk image is malformed") are said in the catalogue's.
    assert "(SQLite y trouve des pages incohérentes)" in line or "(SQLite n'y reconnaît" in line
    digest = _digest(seeded_db)
    _refused_as_damaged(_run(seeded_db, *BOOK), seeded_db, met=True)
    assert _digest(seeded_db) == digest


@pytest.mark.parametrize("cut", ["mid-page", "whole-pages"])
def test_a_truncated_file_is_refused_without_a_check(seeded_db: Path, cut: str) -> None:
    size = seeded_db.stat().st_size
    with seeded_db.open("r+b") as handle:
        handle.truncate(size - 4096 * 3 - (100 if cut == "mid-page" else 0))
    digest = _digest(seeded_db)
    line = _refused_as_damaged(_run(seeded_db, *BOOK), seeded_db, met=True)
    assert "fichier tronqué" in line or "pas un multiple" in line or "incohérentes" in line
    assert "malformed" not in line  # SQLite's words, never shown
    assert _digest(seeded_db) == digest
