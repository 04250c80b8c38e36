"""Opening, creating, checking, describing and copying the database."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from backends import Database, ServerDatabase, query
from presence_postale.errors import InvalidData, Message
from presence_postale.formats import words
from presence_postale.services import database, files
from presence_postale.store import db as store
from presence_postale.store import schema
from presence_postale.store.sqlite_file import SQLITE_HEADER


def test_open_missing_file_creates_it_seeded_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    messages: list[Message] = []
    engine = database.open_database(store.resolve(str(path)), notify=messages.append)
    try:
        assert messages == [Message("db.created", {"path": str(path)})]
        described = database.describe(store.resolve(str(path)), engine)
    finally:
        engine.dispose()
    assert described["schema_version"] == schema.HEAD
    assert described["tables"]["site"] == 18  # type: ignore[index]


def test_open_existing_database_says_nothing(seeded_db: Path) -> None:
    messages: list[Message] = []
    engine = database.open_database(store.resolve(str(seeded_db)), notify=messages.append)
    engine.dispose()
    assert messages == []


def test_open_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all\n", encoding="utf-8")
    with pytest.raises(InvalidData) as caught:
        database.open_database(store.resolve(str(path)))
    assert caught.value.message == Message("db.not_sqlite", {"path": str(path)})
    assert path.read_text(encoding="utf-8") == "not a database at all\n"


def test_check_ok(engine: Engine) -> None:
    result = database.check(engine)
    assert result.ok
    assert result.integrity == []
    assert result.foreign_keys == []


def test_check_reports_a_dangling_reference(engine: Engine, seeded_db: Database) -> None:
    insert = "INSERT INTO site_equipment (site_id, equipment) VALUES ('GHOST', 'wifi')"
    if isinstance(seeded_db, ServerDatabase):
        query(seeded_db, f"SET session_replication_role = replica; {insert}")
        row = "GHOST/wifi"
    else:
        query(seeded_db, insert)  # foreign keys are off by default in plain sqlite3
        row = "8"
    result = database.check(engine)
    assert not result.ok
    orphan = Message("db.check_orphan", {"table": "site_equipment", "row": row, "parent": "site"})
    assert result.foreign_keys == [orphan]
    assert words.say(orphan, "fr") == (
        f"site_equipment, ligne {row} : renvoie à une ligne absente de site"
    )


@pytest.mark.sqlite_only
def test_backup_is_a_complete_private_copy(
    engine: Engine, seeded_db: Path, tmp_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    target = tmp_path / "copy.db"
    pages = files.backup(store.resolve(str(seeded_db)), target)
    assert pages > 0
    assert (target.stat().st_mode & 0o777) == 0o600
    engine.dispose()
    assert dump(target) == dump(seeded_db)


@pytest.mark.sqlite_only
def test_backup_onto_itself_or_a_directory_is_refused(seeded_db: Path, tmp_path: Path) -> None:
    location = store.resolve(str(seeded_db))
    with pytest.raises(InvalidData) as onto_itself:
        files.backup(location, seeded_db)
    assert onto_itself.value.key == "backup.exists"
    with pytest.raises(InvalidData) as directory:
        files.backup(location, tmp_path)
    assert directory.value.key == "backup.is_directory"


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


def test_creation_removes_what_a_killed_creation_left(tmp_path: Path) -> None:
    """A creation killed mid-way leaves its temporary file (it holds the seed): the next
    creation deletes it, and says so; a live process's temporary file is left alone."""
    path = tmp_path / "presence-postale.db"
    pid = _dead_pid()
    dead = [tmp_path / f".presence-postale.db.{pid}.tmp{suffix}" for suffix in ("", "-wal")]
    alive = tmp_path / f".presence-postale.db.{os.getppid()}.tmp"
    for leftover in (*dead, alive):
        leftover.write_bytes(SQLITE_HEADER + b"seed data")
    said: list[Message] = []
    database.create_database(path, seed=None, notify=said.append)
    assert path.exists()
    assert not any(p.exists() for p in dead)
    assert alive.exists()
    assert sorted(m.params["path"] for m in said) == sorted(str(p) for p in dead)
    assert {m.key for m in said} == {"file.stale_removed"}
