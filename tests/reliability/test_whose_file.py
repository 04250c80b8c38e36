"""Whose file is it: the tool writes only into its own databases, and says when it cannot.

- Another program's SQLite file (no mark, not this tool's tables; or another application id),
  in rollback or WAL mode, is refused in one line and keeps every byte, with nothing left
  beside it. So is a database on PostgreSQL that holds other tables.
- A 0-byte file is a missing one: created, seeded, said on stderr, readable by its owner only.
- A database of this tool made before the mark opens, unchanged by reads, and gets the mark
  (and WAL) with its next write; the committed schema-0001 file upgrades and is marked.
- A refused newer-schema file keeps every byte: not even the switch to WAL.
- An empty `--db ""` or `PRESENCE_POSTALE_DB=` is a usage error (exit 2).
- Leftovers of killed processes (a backup's twin and journal, a creation's twin) are removed
  by the next `db backup`, `db check` or open, each with a line on stderr.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from presence_postale.store.schema import HEAD
from presence_postale.store.sqlite_file import APPLICATION_ID, SQLITE_HEADER

TIMEOUT = 120
COMMITTED = Path(__file__).resolve().parents[1] / "data" / "schema-0001.db"


def _run(
    db: str | Path | None, *args: str, env_db: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}
    if env_db is not None:
        env["PRESENCE_POSTALE_DB"] = env_db
    prefix = [] if db is None else ["--db", str(db)]
    return subprocess.run(
        [sys.executable, "-m", "presence_postale", *prefix, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A directory of its own (tmp_path also holds the test's home and config)."""
    made = tmp_path / "files"
    made.mkdir()
    return made


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _application_id(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[68:72], "big")


def _foreign(path: Path, *, wal: bool, application_id: int = 0) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        if wal:
            connection.execute("PRAGMA journal_mode = WAL")
        if application_id:
            connection.execute(f"PRAGMA application_id = {application_id}")
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
        connection.commit()
    return path


# ---- another program's file ----------------------------------------------------------------


@pytest.mark.sqlite_only
@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
@pytest.mark.parametrize(
    "command", [("sites", "list"), ("init",), ("db", "upgrade"), ("db", "status")]
)
def test_another_programs_sqlite_file_is_refused_and_left_alone(
    folder: Path, wal: bool, command: tuple[str, ...]
) -> None:
    other = _foreign(folder / "places.sqlite", wal=wal)
    digest, beside = _digest(other), _beside(other)
    done = _run(other, *command)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"erreur : base refusée : « {other} » contient les tables d'un autre programme "
        "(moz_places) et pas celles de presence-postale ; rien n'a été modifié, "
        "choisir une autre base"
    ]
    assert done.stdout == ""
    assert _digest(other) == digest
    assert _beside(other) == beside


@pytest.mark.sqlite_only
def test_a_file_with_another_application_id_is_refused_and_left_alone(folder: Path) -> None:
    other = _foreign(folder / "other.db", wal=True, application_id=0x0F055112)
    digest = _digest(other)
    done = _run(other, "sites", "list")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"erreur : base refusée : « {other} » est la base SQLite d'un autre programme "
        "(application_id 0xf055112) ; fichier laissé intact, choisir un autre --db"
    ]
    assert _digest(other) == digest
    assert _beside(other) == ["other.db"]


def test_a_server_database_holding_other_tables_is_refused(postgres: str) -> None:
    from backends import create_server_database, drop_server_database, query

    database = create_server_database(base=postgres)
    try:
        query(database, "CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)")
        for command in (("sites", "list"), ("init",), ("db", "status")):
            done = _run(database.url, *command)
            assert done.returncode == 1, (command, done.stderr)
            (line,) = done.stderr.splitlines()
            assert line.startswith("erreur : base refusée : « ")
            assert line.endswith(
                "contient les tables d'un autre programme (invoices) et pas celles de "
                "presence-postale ; rien n'a été modifié, choisir une autre base"
            )
        tables = query(
            database,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        )
        assert tables == [("invoices",)]
    finally:
        drop_server_database(database.name, base=postgres)


# ---- an empty file, an empty name ------------------------------------------------------------


@pytest.mark.sqlite_only
def test_a_zero_byte_file_is_created_seeded_said_and_private(folder: Path) -> None:
    empty = folder / "presence.db"
    empty.touch()
    empty.chmod(0o644)
    done = _run(empty, "sites", "list", "--department", "95", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"base créée : {empty}, chargée avec les données de départ "
        "(--db ou PRESENCE_POSTALE_DB pour en choisir une autre)"
    ]
    assert "17510A" in done.stdout
    assert empty.stat().st_mode & 0o777 == 0o600
    assert _application_id(empty) == APPLICATION_ID
    assert _beside(empty) == ["presence.db"]


@pytest.mark.sqlite_only
def test_init_on_a_zero_byte_file_creates_it(folder: Path) -> None:
    empty = folder / "presence.db"
    empty.touch()
    done = _run(empty, "init", "--no-seed")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"base de données {empty} créée"]
    assert empty.stat().st_size > 0 and _application_id(empty) == APPLICATION_ID


def test_an_empty_db_option_or_variable_is_a_usage_error(tmp_path: Path) -> None:
    for done, named in (
        (_run("", "sites", "list"), "--db"),
        (_run(None, "sites", "list", env_db=""), "PRESENCE_POSTALE_DB"),
    ):
        assert done.returncode == 2
        assert done.stderr.splitlines() == [
            f"erreur : {named} est vide : donner le chemin ou l'URL d'une base, ou ne pas le "
            "définir pour la base par défaut"
        ]
    # Nothing was made in the default place either.
    assert not (tmp_path / "config" / "presence-postale").exists()


# ---- files made before the mark --------------------------------------------------------------


@pytest.mark.sqlite_only
def test_the_committed_first_version_file_upgrades_and_gets_the_mark(folder: Path) -> None:
    old = folder / "old.db"
    shutil.copyfile(COMMITTED, old)
    assert _application_id(old) == 0
    done = _run(old, "sites", "list")
    assert done.returncode == 0, done.stderr
    if HEAD != "0001":  # a pending migration: the open upgrades, and marks
        assert _application_id(old) == APPLICATION_ID
        assert old.read_bytes()[18:20] == b"\x02\x02"  # WAL from now on
    assert _run(old, "db", "check").returncode == 0


@pytest.mark.sqlite_only
def test_a_current_database_made_before_the_mark_is_read_unchanged_then_marked_by_a_write(
    seeded_db: Path, folder: Path
) -> None:
    """As the tool's files were before the mark (and before WAL): current schema, no
    application id, a rollback journal."""
    old = folder / "old.db"
    shutil.copyfile(seeded_db, old)
    with closing(sqlite3.connect(old)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA application_id = 0")
        connection.commit()
    assert old.read_bytes()[18:20] == b"\x01\x01" and _application_id(old) == 0
    digest = _digest(old)
    for args in (("sites", "list"), ("db", "status"), ("db", "check")):
        done = _run(old, *args)
        assert done.returncode == 0, (args, done.stderr)
    assert _digest(old) == digest  # reads change nothing, not even the journal mode
    assert _beside(old) == ["old.db"]
    done = _run(old, "sites", "close", "17510A", "--from", "2030-01-01", "--reason", "travaux")
    assert done.returncode == 0, done.stderr
    assert _application_id(old) == APPLICATION_ID
    assert old.read_bytes()[18:20] == b"\x02\x02"  # WAL from now on
    assert _run(old, "db", "check").returncode == 0


@pytest.mark.sqlite_only
def test_a_refused_newer_schema_file_keeps_every_byte(folder: Path) -> None:
    """Even the switch to WAL, which every connection once asked for, is not made."""
    newer = folder / "newer.db"
    shutil.copyfile(COMMITTED, newer)
    with closing(sqlite3.connect(newer)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
        connection.commit()
    assert newer.read_bytes()[18:20] == b"\x01\x01"
    digest = _digest(newer)
    for args in (("sites", "list"), ("db", "upgrade"), ("init",), ("db", "status")):
        done = _run(newer, *args)
        assert done.returncode == 1, (args, done.stderr)
        assert done.stderr.splitlines() == [
            "erreur : base refusée : son schéma (version « 0099_future ») est plus récent que "
            "cette version de presence-postale ; mettre l'outil à jour"
        ]
        assert _digest(newer) == digest, args
    assert _beside(newer) == ["newer.db"]


# ---- leftovers of killed processes -------------------------------------------------------------


def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1


def _killed_backup(directory: Path, name: str, pid: int) -> list[Path]:
    """What a `db backup` killed during the copy leaves: its twin (a partial SQLite file, up to
    the whole database's size) and the twin's journal."""
    twin = directory / f".{name}.{pid}.tmp"
    twin.write_bytes(SQLITE_HEADER + os.urandom(8192))
    journal = directory / f".{name}.{pid}.tmp-journal"
    journal.write_bytes(os.urandom(512))
    return [twin, journal]


def _said_removed(stderr: str, leftovers: list[Path], pid: int) -> None:
    for leftover in leftovers:
        assert f"supprimé « {leftover} », laissé par le processus {pid} qui ne tourne plus" in (
            stderr
        )


@pytest.mark.sqlite_only
def test_the_next_backup_removes_what_a_killed_backup_left(seeded_db: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    pid = _dead_pid()
    leftovers = _killed_backup(backups, "lundi.db", pid)
    done = _run(seeded_db, "db", "backup", str(backups / "mardi.db"))
    assert done.returncode == 0, done.stderr
    _said_removed(done.stderr, leftovers, pid)
    assert done.stderr.splitlines()[-1].startswith("sauvegardé ")
    assert sorted(p.name for p in backups.iterdir()) == ["mardi.db"]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", [("db", "check"), ("sites", "list")])
def test_check_and_any_open_remove_leftovers_beside_the_database(
    seeded_db: Path, command: tuple[str, ...]
) -> None:
    pid = _dead_pid()
    leftovers = _killed_backup(seeded_db.parent, "copie.db", pid)
    creation = seeded_db.parent / f".{seeded_db.name}.{pid}.tmp"
    creation.write_bytes(b"")
    done = _run(seeded_db, *command)
    assert done.returncode == 0, done.stderr
    _said_removed(done.stderr, [*leftovers, creation], pid)
    assert not any(p.exists() for p in [*leftovers, creation])


@pytest.mark.sqlite_only
def test_a_device_or_a_pipe_given_as_database_is_refused_and_left_as_it_is(folder: Path) -> None:
    """/dev/null is empty too: it must be refused, never taken for an empty file and replaced."""
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    named = [fifo]
    if os.geteuid() == 0:
        device = folder / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        named.append(device)
    for path in named:
        kind = stat.S_IFMT(path.stat().st_mode)
        done = _run(path, "sites", "list")
        assert done.returncode == 1
        assert done.stderr.splitlines() == [
            f"erreur : base refusée : « {path} » n'est pas une base SQLite ; fichier laissé intact"
        ]
        assert stat.S_IFMT(path.stat().st_mode) == kind
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in named)


@pytest.mark.sqlite_only
def test_a_link_to_an_empty_file_gets_the_database_made_at_its_target(folder: Path) -> None:
    target = folder / "real.db"
    target.touch()
    link = folder / "link.db"
    link.symlink_to(target)
    done = _run(link, "sites", "list", "--department", "95")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert _application_id(target) == APPLICATION_ID
    assert sorted(p.name for p in folder.iterdir()) == ["link.db", "real.db"]
