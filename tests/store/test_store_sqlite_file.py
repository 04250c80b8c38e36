"""The SQLite file looked at before any SQL: header, mark, damage, who may write, leftovers."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from presence_postale.errors import Conflict, InvalidData, Message
from presence_postale.store import db as store
from presence_postale.store import sqlite_file

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself


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


# ---- header ---------------------------------------------------------------------------------


def test_the_tools_files_carry_its_mark_and_wal(seeded_db: Path) -> None:
    header = sqlite_file.read_header(seeded_db)
    assert header.is_sqlite and header.marked and header.wal
    assert header.problem is None
    with closing(sqlite3.connect(seeded_db)) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (0x50507374,)


def test_a_plain_file_and_an_empty_one_are_not_sqlite(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n", encoding="utf-8")
    empty = tmp_path / "empty.db"
    empty.touch()
    assert not sqlite_file.read_header(text).is_sqlite
    assert sqlite_file.read_header(empty).empty


@pytest.mark.parametrize(
    ("cut", "key"), [(100, "db.header_size"), (4096 * 2, "db.header_truncated")]
)
def test_a_truncated_file_shows_in_its_header(
    seeded_db: Path, tmp_path: Path, cut: int, key: str
) -> None:
    copy = tmp_path / "cut.db"
    shutil.copyfile(seeded_db, copy)
    with copy.open("r+b") as handle:
        handle.truncate(copy.stat().st_size - cut)
    problem = sqlite_file.read_header(copy).problem
    assert problem is not None and problem.key == key
    engine = store.make_engine(f"sqlite:///{copy}")
    try:
        with pytest.raises(InvalidData) as caught:
            store.writer(engine)
    finally:
        engine.dispose()
    assert caught.value.key == "db.damaged"
    assert caught.value.params["problem"] == problem


def test_a_bad_page_size_shows_in_the_header(seeded_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "bad.db"
    shutil.copyfile(seeded_db, copy)
    with copy.open("r+b") as handle:
        handle.seek(16)
        handle.write((3000).to_bytes(2, "big"))
    assert sqlite_file.read_header(copy).problem == Message("db.header_page_size", {"size": 3000})


def test_the_damage_note_is_written_read_and_cleared(seeded_db: Path) -> None:
    assert sqlite_file.recorded_damage(seeded_db) is None
    sqlite_file.record_damage(seeded_db, "*** in database main ***\n  Page 33: bad")
    note = sqlite_file.damage_note(seeded_db)
    assert note.stat().st_mode & 0o777 == 0o600
    said = Message("db.sqlite_says", {"detail": "*** in database main *** Page 33: bad"})
    assert sqlite_file.recorded_damage(seeded_db) == said
    sqlite_file.record_damage(seeded_db, said)  # as the check gives it: kept alike
    assert sqlite_file.recorded_damage(seeded_db) == said
    # A damage the driver met is remembered by its key, said in the reader's language.
    sqlite_file.record_damage(seeded_db, Message("db.sqlite_corrupt"))
    assert note.read_text(encoding="utf-8") == "db.sqlite_corrupt\n"
    assert sqlite_file.recorded_damage(seeded_db) == Message("db.sqlite_corrupt")
    sqlite_file.clear_damage(seeded_db)
    assert not note.exists()


# ---- who may write --------------------------------------------------------------------------


def test_the_owner_may_write(seeded_db: Path) -> None:
    assert sqlite_file.write_refusal(seeded_db) is None


def test_root_may_write_a_file_of_someone_else(seeded_db: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root: giving a file to another user")
    os.chown(seeded_db, 65534, 65534)  # nobody
    assert sqlite_file.write_refusal(seeded_db) is None


def test_a_side_file_this_process_cannot_write_is_named(seeded_db: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes any file: the two-user tests cover this")
    for suffix in ("-wal", "-shm"):
        side = seeded_db.with_name(seeded_db.name + suffix)
        side.touch()
        side.chmod(0o444)
    refusal = sqlite_file.write_refusal(seeded_db)
    assert refusal is not None and refusal.key == "db.why_side_file"


def test_an_engine_on_a_file_it_may_not_write_refuses_writers(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refusal is decided when the engine is made; its writers are refused with it, its
    readers read without making anything beside the file."""
    why = Message("db.why_read_only_filesystem")
    monkeypatch.setattr(sqlite_file, "write_refusal", lambda _path: why)
    engine = store.make_engine(f"sqlite:///{seeded_db}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM site").scalar() == 18
        with pytest.raises(Conflict) as caught:
            store.writer(engine)
    finally:
        engine.dispose()
    assert caught.value.message == Message("db.read_only", {"path": str(seeded_db), "reason": why})
    assert sorted(
        p.name for p in seeded_db.parent.iterdir() if p.name.startswith(seeded_db.name)
    ) == [seeded_db.name]


def test_a_read_only_reader_uses_the_log_when_one_is_there(seeded_db: Path) -> None:
    assert sqlite_file.read_only_uri(seeded_db).endswith("?immutable=1")
    holder = sqlite3.connect(seeded_db)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("UPDATE site SET note = 'dans le journal' WHERE id = '17510A'")
        holder.commit()
        assert sqlite_file.read_only_uri(seeded_db).endswith("?mode=ro&readonly_shm=1")
        reader = sqlite_file.connect_read_only(seeded_db, 5)
        try:
            row = reader.execute("SELECT note FROM site WHERE id = '17510A'").fetchone()
        finally:
            reader.close()
    finally:
        holder.close()
    assert row == ("dans le journal",)


def test_a_path_with_uri_characters_is_read(tmp_path: Path, seeded_db: Path) -> None:
    odd = tmp_path / "base ?#% 100%.db"
    shutil.copyfile(seeded_db, odd)
    assert sqlite_file.table_names(odd, 5) >= {"site", "alembic_version"}


# ---- leftovers ------------------------------------------------------------------------------


def test_leftovers_of_dead_processes_are_removed_and_said(tmp_path: Path) -> None:
    tmp_path = tmp_path / "backups"
    tmp_path.mkdir()
    dead, alive = _dead_pid(), os.getppid()
    sqlite = sqlite_file.SQLITE_HEADER + b"\0" * 84
    files = {
        f".copie.db.{dead}.tmp": sqlite,
        f".copie.db.{dead}.tmp-journal": b"journal",
        f".autre.db.{dead}.tmp": b"",
        f".copie.db.{alive}.tmp": sqlite,  # a backup still running
        f".notes.txt.{dead}.tmp": b"not ours: not SQLite",
        f"copie.db.{dead}.tmp": sqlite,  # not hidden: not a twin
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    said: list[Message] = []
    removed = sqlite_file.remove_stale(tmp_path, said.append)
    gone = {f".copie.db.{dead}.tmp", f".copie.db.{dead}.tmp-journal", f".autre.db.{dead}.tmp"}
    assert {p.name for p in removed} == gone
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(files) - gone)
    assert sorted(m.params["path"] for m in said) == sorted(str(tmp_path / n) for n in gone)
    assert {(m.key, m.params["pid"]) for m in said} == {("file.stale_removed", dead)}
