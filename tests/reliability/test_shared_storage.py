"""Shared and read-only storage, with real system users and real mounts.

- A user who may read another user's database (0644) but not write it runs every read command,
  in the owner's private directory and in a shared (sticky, world-writable) one: every command
  succeeds, the file keeps every byte and nothing is left beside it; every write command is
  refused in one line. The owner then writes as before: no `-wal`/`-shm` of the reader's locks
  them out (they used to: "attempt to write a readonly database").
- Such a reader sees what the owner committed but has not yet folded into the file.
- Root writing another user's database leaves nothing owned by root beside it.
- On a read-only mount, every read command works and writes are refused in one line; errors
  name the file asked for, never a hidden temporary one.

The users are `presence-owner` and `presence-reader` (see `tests/system_users.py`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from presence_postale.cli import registry
from system_users import OWNER, TIMEOUT, Runner, User, _beside, _digest, _dir, _ok, _root

pytestmark = pytest.mark.sqlite_only  # the SQLite file, its side files and their owners


# Every command, by what it does to the database (a test keeps this list complete).
READS: list[tuple[str, ...]] = [
    ("sites", "list"),
    ("sites", "search", "st gerand"),
    ("sites", "show", "17510A"),
    ("sites", "hours", "17510A", "--week", "2021-W18"),
    ("sites", "nearest", "--commune", "Grisy-les-Plâtres"),
    ("agents", "list"),
    ("agents", "show", "vigny-conseillere-1"),
    ("programmes", "list"),
    ("programmes", "show", "vigny-2021"),
    ("permanences", "list"),
    ("permanences", "show", "1"),
    ("permanences", "schedule", "--programme", "vigny-2021", "--from", "2021-04-27",
     "--to", "2021-05-27"),
    ("coworking", "spaces"),
    ("coworking", "list", "--include-personal"),
    ("coworking", "show", "1"),
    ("coworking", "usage", "--month", "2019-05"),
    ("coworking", "purge", "--older-than", "0d", "--dry-run"),
    ("mediation", "list"),
    ("mediation", "show", "1"),
    ("mediation", "themes"),
    ("mediation", "hours", "--week", "2019-W12"),
    ("mediation", "report", "--from", "2019-03-01", "--to", "2019-03-31"),
    ("report", "weekly", "--week", "2021-W17", "--department", "95"),
    ("report", "compliance", "--week", "2021-W17"),
    ("report", "programme", "vigny-2021"),
    ("report", "access", "--department", "32"),
    ("export", "calendar", "--agent", "vigny-conseillere-1", "--from", "2021-04-27",
     "--to", "2021-05-27"),
    ("export", "sites", "--department", "32"),
    ("export", "records", "--include-personal"),
    ("export", "mediation-places", "--format", "csv"),
    ("export", "mediation-sessions", "--from", "2019-03-01", "--to", "2019-03-31"),
    ("agents", "absences"),
    ("export", "feeds", "{out}/feeds"),
    ("notify", "--day", "2021-04-27", "--dry-run"),
    ("db", "status"),
    ("db", "check"),
    ("db", "backup", "{out}/copie.db"),
    ("db", "copy", "--to", "{out}/copie-entiere.db"),
]  # fmt: skip
WRITES: list[tuple[str, ...]] = [
    ("init",),
    ("db", "upgrade"),
    ("sites", "close", "17510A", "--from", "2021-06-01", "--to", "2021-06-15",
     "--reason", "travaux"),
    ("sites", "add", "--name", "Mairie de Test", "--kind", "mairie", "--department", "95"),
    ("sites", "update", "00518A", "--staff", "2"),
    ("sites", "remove", "00486A"),
    ("agents", "add", "--name", "Camille Durand", "--role", "chargee_de_clientele"),
    ("agents", "update", "vigny-conseillere-1", "--note", "x"),
    ("agents", "absent", "vigny-conseillere-1", "--from", "2021-05-10", "--to", "2021-05-21"),
    ("programmes", "add", "agen-2022", "--title", "Agen", "--start", "2022-01-03"),
    ("programmes", "extend", "vigny-2021", "--until", "2021-12-31", "--reason", "retours"),
    ("programmes", "end", "vigny-2021", "--on", "2021-07-27"),
    ("permanences", "add", "--programme", "vigny-2021", "--agent", "vigny-conseillere-1",
     "--site", "17510A", "--every", "thursday", "--start", "09:00", "--end", "11:00",
     "--valid-from", "2021-05-06"),
    ("permanences", "cancel", "1", "--date", "2021-05-04", "--reason", "formation"),
    ("permanences", "move", "1", "--date", "2021-05-11", "--to", "2021-05-12",
     "--reason", "salle prise"),
    ("permanences", "log", "1", "--date", "2021-04-27", "--visitors", "6"),
    ("coworking", "configure", "saint-clar", "--max-days-ahead", "30"),
    ("coworking", "book", "saint-clar", "--date", "2019-05-21", "--from", "09:00", "--to",
     "12:00", "--name", "Lecteur", "--category", "soho_solo", "--record"),
    ("coworking", "cancel", "1", "--force"),
    ("coworking", "mark", "1", "--attended"),
    ("coworking", "purge", "--older-than", "0d"),
    ("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur", "--date",
     "2019-03-26", "--start", "10:00", "--duration", "60", "--type", "individuel",
     "--themes", "email", "--equipment", "ordinateur", "--age-band", "70+"),
    ("import", "records", "{out}/records.yaml"),
    ("import", "laposte", "{out}/laposte.csv"),
    ("import", "france-services", "{out}/france-services.csv"),
    ("import", "communes", "{out}/communes.csv"),
]  # fmt: skip
COMMUNES = Path(__file__).resolve().parents[1] / "data" / "communes_extract.csv"
# Written by the owner before the readers come, so that `show 1` and `access` find something.
OWNER_SETUP: list[tuple[str, ...]] = [
    ("import", "communes", str(COMMUNES)),
    ("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00", "--to",
     "12:00", "--name", "Camille Martin", "--email", "camille@example.org", "--category",
     "soho_solo", "--record"),
    ("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur", "--date",
     "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
     "--themes", "email", "--equipment", "ordinateur", "--age-band", "70+"),
]  # fmt: skip


def test_every_command_is_listed_as_a_read_or_a_write() -> None:
    groups = {name: registry.load(name) for name in registry.ENTRIES}
    single = {name for name, group in groups.items() if not hasattr(group, "list_commands")}
    listed = {args[:1] if args[0] in single else args[:2] for args in READS + WRITES}
    commands = {(name,) for name in single}
    for name in groups.keys() - single:
        group = groups[name]
        ctx = group.make_context(name, [], resilient_parsing=True)
        commands |= {(name, command) for command in group.list_commands(ctx)}
    assert commands == listed


def _owners_database(runner: Runner, owner: User, directory: Path) -> Path:
    """A seeded database of the owner's, with a booking and a session, shared read-only."""
    db = directory / "presence.db"
    for args in [("init",), *OWNER_SETUP]:
        _ok(runner.run(owner, "--db", str(db), *args, cwd=directory), args)
    db.chmod(0o644)
    assert not Path(f"{db}-wal").exists()
    return db


def _inputs(out: Path) -> None:
    """Files the write commands read (they are refused before reading them)."""
    (out / "records.yaml").write_text("sites: []\n", encoding="utf-8")
    (out / "laposte.csv").write_text("Identifiant_du_site;Libellé_du_site\n", encoding="utf-8")
    (out / "france-services.csv").write_text("id_fs,nom\n", encoding="utf-8")
    shutil.copyfile(COMMUNES, out / "communes.csv")
    for path in out.iterdir():
        path.chmod(0o644)


# ---- another user's database ------------------------------------------------------------------


# A few of each, for the default suite; every command in the slow tests.
SOME_READS = [
    a for a in READS if a[:2] in {("sites", "list"), ("report", "weekly"), ("db", "status")}
]
SOME_WRITES = [a for a in WRITES if a[:2] in {("sites", "close"), ("import", "records")}]


def test_a_reader_in_a_shared_directory_changes_nothing_and_the_owner_still_writes(
    users: tuple[User, User], runner: Runner, place: Path
) -> None:
    """The reader used to leave `-wal`/`-shm` of its own in a shared directory, and the owner's
    next booking failed with "attempt to write a readonly database"."""
    _reads_and_writes(users, runner, place, shared=True, reads=SOME_READS, writes=SOME_WRITES)


@pytest.mark.slow
@pytest.mark.parametrize("shared", [False, True], ids=["owners-directory", "shared-directory"])
def test_a_reader_runs_every_read_command_and_no_write_command(
    users: tuple[User, User], runner: Runner, place: Path, shared: bool
) -> None:
    _reads_and_writes(users, runner, place, shared=shared, reads=READS, writes=WRITES)


def _reads_and_writes(
    users: tuple[User, User],
    runner: Runner,
    place: Path,
    *,
    shared: bool,
    reads: list[tuple[str, ...]],
    writes: list[tuple[str, ...]],
) -> None:
    owner, reader = users
    home = _dir(place / "home", None if shared else owner, 0o1777 if shared else 0o755)
    out = _dir(place / "out", reader, 0o755)
    _inputs(out)
    db = _owners_database(runner, owner, home)
    digest, beside = _digest(db), _beside(db)

    for args in reads:
        done = runner.run(reader, "--db", str(db), *(a.format(out=out) for a in args), cwd=out)
        _ok(done, args)
        assert _beside(db) == beside, (args, "left files beside the database")
    for args in writes:
        done = runner.run(reader, "--db", str(db), *(a.format(out=out) for a in args), cwd=out)
        assert done.returncode == 1, (args, done.returncode, done.stderr)
        assert done.stderr.strip().splitlines() == [
            f"error: cannot write to '{db}': the file (owned by {OWNER}) is not writable by "
            "this user; read commands work"
        ], args
        assert _beside(db) == beside, (args, "left files beside the database")
    assert _digest(db) == digest
    if ("db", "backup", "{out}/copie.db") in reads:
        # What the reader wrote is the reader's, private (a backup holds names and e-mails).
        assert (out / "copie.db").stat().st_mode & 0o777 == 0o600
    # The owner writes as before.
    _ok(runner.run(owner, "--db", str(db), *SOME_WRITES[0], cwd=home), "the owner's write")


def test_a_reader_sees_what_the_owner_has_not_folded_into_the_file_yet(
    users: tuple[User, User], runner: Runner, place: Path
) -> None:
    """While the owner keeps a connection open with a commit still in its log, the reader
    reads the log too (read-only, without writing beside the file)."""
    owner, reader = users
    home = _dir(place / "home", owner, 0o755)
    db = _owners_database(runner, owner, home)
    stop = home / "stop"
    holder = textwrap.dedent(
        f"""
        import sqlite3, time, pathlib
        c = sqlite3.connect({str(db)!r}, isolation_level=None)
        c.execute("PRAGMA wal_autocheckpoint = 0")
        c.execute("INSERT INTO closure (uid, site_id, start_date, end_date, reason, "
                  "created_at) VALUES (lower(hex(randomblob(16))), '17510A', "
                  "'2030-01-01', '2030-01-02', 'dans le journal', "
                  "'2024-01-01 00:00:00.000000')")
        print("held", flush=True)
        for _ in range(600):
            if pathlib.Path({str(stop)!r}).exists():
                break
            time.sleep(0.1)
        """
    )
    process = subprocess.Popen(
        [runner.python, "-s", "-c", holder],
        stdout=subprocess.PIPE,
        text=True,
        env=runner.env,
        user=owner.uid,
        group=owner.gid,
        extra_groups=[],
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        assert Path(f"{db}-wal").stat().st_size > 0
        done = runner.run(reader, "--db", str(db), "sites", "show", "17510A", cwd=home)
        _ok(done, "sites show")
        assert "dans le journal" in done.stdout
    finally:
        stop.touch()
        process.communicate(timeout=TIMEOUT)
    assert {name for name, who in _beside(db)} <= {db.name, "stop"}


def test_root_writing_another_users_database_leaves_nothing_of_roots(
    users: tuple[User, User], runner: Runner, place: Path
) -> None:
    """Cron jobs often run as root: SQLite gives the files it makes beside the database to the
    database's owner, and the tool makes nothing there of its own."""
    from sqlalchemy import text

    from presence_postale.store import db as store

    owner, _reader = users
    home = _dir(place / "home", owner, 0o755)
    db = _owners_database(runner, owner, home)
    engine = store.make_engine(f"sqlite:///{db}")
    try:
        with store.session(engine, write=True) as session:
            change = text("UPDATE site SET note = 'n' WHERE id = '00518A'")
            session.connection().execute(change)
            during = _beside(db)
    finally:
        engine.dispose()
    assert {who for _name, who in during} == {OWNER}, during
    done = runner.run(None, "--db", str(db), *SOME_WRITES[0], cwd=home)
    _ok(done, "root's booking")
    assert {who for _name, who in _beside(db)} == {OWNER}


# ---- a read-only mount ----------------------------------------------------------------------


@pytest.fixture
def read_only_mount(place: Path) -> Iterator[tuple[Path, Path]]:
    """A seeded database in a directory, and the same directory mounted read-only."""
    _root()
    from presence_postale.formats.seed import bundled_seed
    from presence_postale.services.database import create_database

    source = _dir(place / "source", None, 0o755)
    create_database(source / "presence.db", seed=bundled_seed())
    mounted = _dir(place / "mounted", None, 0o755)
    done = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(source), str(mounted)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount read-only here: {done.stderr.strip()}")
    try:
        yield mounted / "presence.db", _dir(place / "out", None, 0o755)
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


def test_on_a_read_only_mount_reads_work_and_writes_are_refused(
    runner: Runner, read_only_mount: tuple[Path, Path]
) -> None:
    _read_only_mount(runner, read_only_mount, SOME_READS, SOME_WRITES)


@pytest.mark.slow
def test_on_a_read_only_mount_every_read_works_and_every_write_is_refused(
    runner: Runner, read_only_mount: tuple[Path, Path]
) -> None:
    _read_only_mount(runner, read_only_mount, READS, WRITES)


def _read_only_mount(
    runner: Runner,
    mount: tuple[Path, Path],
    reads: list[tuple[str, ...]],
    writes: list[tuple[str, ...]],
) -> None:
    db, out = mount
    _inputs(out)
    digest = _digest(db)
    for args in reads:
        if args[:2] in {("coworking", "show"), ("mediation", "show"), ("report", "access")}:
            continue  # the seed holds no booking, no session, no commune
        _ok(runner.run(None, "--db", str(db), *(a.format(out=out) for a in args), cwd=out), args)
    for args in writes:
        done = runner.run(None, "--db", str(db), *(a.format(out=out) for a in args), cwd=out)
        assert done.returncode == 1, (args, done.stderr)
        assert done.stderr.strip().splitlines() == [
            f"error: cannot write to '{db}': the file system is read-only; read commands work"
        ], args
    assert _digest(db) == digest


def test_on_a_read_only_mount_errors_name_the_file_asked_for(
    runner: Runner, read_only_mount: tuple[Path, Path]
) -> None:
    db, out = read_only_mount
    beside = db.parent / "copie.db"
    backup = runner.run(None, "--db", str(db), "db", "backup", str(beside), cwd=out)
    assert backup.returncode == 1
    assert backup.stderr.strip() == (
        f"error: cannot write backup '{beside}': read-only file system"
    )
    report = db.parent / "rapport.html"
    args = ("report", "weekly", "--week", "2021-W17", "-d", "95", "-f", "html", "-o", str(report))
    written = runner.run(None, "--db", str(db), *args, cwd=out)
    assert written.returncode == 1
    assert written.stderr.strip() == (
        f"error: cannot write output '{report}': read-only file system"
    )
    assert ".tmp" not in backup.stderr + written.stderr


def test_a_file_its_user_made_read_only_is_not_replaced(
    users: tuple[User, User], runner: Runner, place: Path
) -> None:
    """As the shell's `>` would not: renaming a new file over it needs only the directory."""
    owner, _reader = users
    home = _dir(place / "home", owner, 0o755)
    db = _owners_database(runner, owner, home)
    kept = home / "rapport.md"
    kept.write_text("gardé\n", encoding="utf-8")
    os.chown(kept, owner.uid, owner.gid)
    kept.chmod(0o444)
    args = ("report", "weekly", "--week", "2021-W17", "-d", "95", "-f", "markdown", "-o")
    done = runner.run(owner, "--db", str(db), *args, str(kept), cwd=home)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"error: cannot write output '{kept}': permission denied"]
    assert kept.read_text(encoding="utf-8") == "gardé\n"
    kept.chmod(0o644)
    _ok(runner.run(owner, "--db", str(db), *args, str(kept), cwd=home), "once writable")
    assert kept.read_text(encoding="utf-8").startswith("#")
