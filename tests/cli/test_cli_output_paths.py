"""Where `--output` writes, and with which permissions.

A regular file (or a new one) is replaced whole by renaming a finished twin over it; a symbolic
link is followed and its target replaced in the target's own directory (the link stays a
link); a character device, a FIFO or `-` is written directly: renaming over /dev/null, as the
tool once did for a cron job run as root, replaces the system's /dev/null with a plain file.
A file that can hold personal data (bookings, agents' names, records) is created readable by
its owner only, whatever the umask; other outputs keep the permissions of the file they
replace, or get the umask's. A replaced file keeps its owner and group. A full disk is
one line naming the file.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import Result

from presence_postale.cli.environment import Environment

Cli = Callable[..., Result]


@pytest.fixture
def cli(cli: Cli) -> Cli:
    """The shared runner, in English: these tests read the English catalogue's words."""

    def english(*args: str, input: str | None = None, env: Environment | None = None) -> Result:
        return cli(*args, input=input, env=env or Environment(lang="en"))

    return english


WEEKLY = ("report", "weekly", "--week", "2021-W17", "--department", "95", "--format", "markdown")
SITES = ("export", "sites", "--department", "32")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _expected(cli: Cli, *args: str) -> str:
    done = cli(*args)
    assert done.exit_code == 0, done.stderr
    return done.stdout


def test_a_symbolic_link_stays_a_link_and_its_target_is_replaced(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    target = reports / "95.md"
    target.write_text("last week's\n", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(target)

    done = cli(*WEEKLY, "--output", str(link))

    assert done.exit_code == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == _expected(cli, *WEEKLY)
    # The twin was made beside the target, and is gone.
    assert sorted(p.name for p in reports.iterdir()) == ["95.md"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_dangling_link_gets_its_target_created(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    done = cli(*SITES, "--output", str(link))
    assert done.exit_code == 0, done.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == _expected(cli, *SITES)


def test_a_dash_is_standard_output(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    done = cli(*SITES, "--output", "-")
    assert done.exit_code == 0, done.stderr
    assert done.stdout == _expected(cli, *SITES)
    assert not (Path.cwd() / "-").exists()


def test_a_fifo_is_written_into(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = cli(*SITES, "--output", str(fifo))
    reader.join(timeout=60)
    assert done.exit_code == 0, done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received == [_expected(cli, *SITES).encode("utf-8")]


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A character device of our own, the same as /dev/null (major 1, minor 3): the real one
    is not put at risk by a regression."""
    if os.geteuid() != 0:
        pytest.skip("needs root: making a device node (mknod)")
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    device.chmod(0o666)
    return device


def test_a_character_device_stays_a_device(cli: Cli, seeded_db: Path, null_device: Path) -> None:
    for args in (WEEKLY, ("coworking", "list"), ("export", "records")):
        done = cli(*args, "--output", str(null_device))
        assert done.exit_code == 0, (args, done.stderr)
        info = null_device.stat()
        assert stat.S_ISCHR(info.st_mode), args
        assert info.st_rdev == os.makedev(1, 3)
        assert _mode(null_device) == 0o666  # not made private either
    assert sorted(p.name for p in null_device.parent.iterdir() if p.name.startswith(".")) == []


def test_dev_null_itself_stays_a_device_when_root_writes_to_it(
    cli: Cli, seeded_db: Path, null_device: Path
) -> None:
    """The real /dev/null, once the same path has proved safe on a device of our own."""
    done = cli(*WEEKLY, "--output", str(null_device))
    assert done.exit_code == 0 and stat.S_ISCHR(null_device.stat().st_mode)
    done = cli(*WEEKLY, "--output", "/dev/null")
    assert done.exit_code == 0, done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    """A device whose writes fail with "no space left": one of our own as root (the same as
    /dev/full, major 1, minor 7), so that a regression cannot replace the system's."""
    if os.geteuid() != 0:
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full here")
        return Path("/dev/full")  # nobody but root could rename over it
    device = tmp_path / "full"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    return device


def test_a_full_device_is_one_line_naming_it(cli: Cli, seeded_db: Path, full_device: Path) -> None:
    done = cli(*SITES, "--output", str(full_device))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"error: cannot write '{full_device}': the disk is full; nothing was written"
    ]
    assert stat.S_ISCHR(full_device.stat().st_mode)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 KiB file system: too small for a records export (24 KiB), or a backup."""
    if os.geteuid() != 0:
        pytest.skip("needs root: mounting a small file system")
    disk = tmp_path / "tiny"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.sqlite_only  # a backup is a SQLite file
def test_a_full_disk_names_the_file_and_leaves_nothing(
    cli: Cli, seeded_db: Path, tiny_disk: Path
) -> None:
    export = tiny_disk / "records.yaml"
    done = cli("export", "records", "--output", str(export))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"error: cannot write '{export}': the disk is full; nothing was written"
    ]
    backup = tiny_disk / "copie.db"
    done = cli("db", "backup", str(backup))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"error: cannot write '{backup}': the disk is full; nothing was written"
    ]
    assert list(tiny_disk.iterdir()) == []


# ---- permissions ---------------------------------------------------------------------------

PRIVATE = [
    ("export", "records", "--include-personal"),
    ("export", "records"),
    ("coworking", "list", "--include-personal"),
    ("report", "weekly", "--week", "2021-W17", "--department", "95"),
    ("export", "calendar", "--agent", "vigny-conseillere-1", "--from", "2021-04-27",
     "--to", "2021-05-27"),
    ("agents", "list"),
]  # fmt: skip
PUBLIC = [
    ("export", "sites", "--department", "32"),
    ("sites", "list"),
    ("export", "mediation-places", "--format", "csv"),
    ("report", "compliance", "--week", "2021-W17"),
]


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_files_that_can_name_people_are_private_whatever_the_umask(
    cli: Cli, seeded_db: Path, tmp_path: Path, mask: int
) -> None:
    with _umask(mask):
        for n, args in enumerate(PRIVATE):
            written = tmp_path / f"private-{n}"
            written.write_text("an older version, world-readable\n", encoding="utf-8")
            written.chmod(0o644)
            done = cli(*args, "--output", str(written))
            assert done.exit_code == 0, (args, done.stderr)
            assert _mode(written) == 0o600, args
        for n, args in enumerate(PUBLIC):
            written = tmp_path / f"public-{n}"
            done = cli(*args, "--output", str(written))
            assert done.exit_code == 0, (args, done.stderr)
            assert _mode(written) == 0o666 & ~mask, args


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o600, 0o755])
def test_a_replaced_file_keeps_its_permissions(
    cli: Cli, seeded_db: Path, tmp_path: Path, mask: int, mode: int
) -> None:
    """As the shell's `>` keeps them: a report its owner shares with a group stays shared."""
    with _umask(mask):
        for n, args in enumerate(PUBLIC):
            written = tmp_path / f"shared-{n}.txt"
            written.write_text("last week's\n", encoding="utf-8")
            written.chmod(mode)
            done = cli(*args, "--output", str(written))
            assert done.exit_code == 0, (args, done.stderr)
            assert _mode(written) == mode, args
            assert written.read_text("utf-8") != "last week's\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_a_replaced_file_keeps_its_owner_and_group(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Root writing a user's report leaves it theirs, with its group; a file that can name
    people is theirs too, readable by them only."""
    for args, mode in (
        (("export", "sites", "--department", "32"), 0o640),
        (("agents", "list"), 0o600),
    ):
        written = tmp_path / "rapport.txt"
        written.write_text("ancien\n", encoding="utf-8")
        os.chown(written, 65534, 65534)
        written.chmod(0o640)
        done = cli(*args, "--output", str(written))
        assert done.exit_code == 0, done.stderr
        info = written.stat()
        assert (info.st_uid, info.st_gid, _mode(written)) == (65534, 65534, mode), args
        assert written.read_text("utf-8") != "ancien\n"


@pytest.mark.sqlite_only  # the application directory holds the default SQLite file
def test_the_application_directory_is_private_whatever_the_umask(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESENCE_POSTALE_DB")
    with _umask(0):
        done = cli("sites", "list", "--department", "95")
    assert done.exit_code == 0, done.stderr
    folder = tmp_path / "config" / "presence-postale"
    assert _mode(folder) == 0o700
    assert _mode(folder / "presence-postale.db") == 0o600


@pytest.mark.sqlite_only  # a backup is a SQLite file
def test_a_backup_is_private_whatever_the_umask(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    with _umask(0):
        done = cli("db", "backup", str(tmp_path / "copie.db"))
    assert done.exit_code == 0, done.stderr
    assert _mode(tmp_path / "copie.db") == 0o600


@pytest.mark.parametrize(
    "args",
    [
        ("export", "sites", "--format", "geojson"),  # says the sites it left out once written
        ("export", "records"),
        ("export", "sites", "--format", "xlsx"),
        WEEKLY,
    ],
)
def test_an_output_in_a_missing_directory_is_one_line_before_any_work(
    cli: Cli, seeded_db: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    target = tmp_path / "nowhere" / "out"
    done = cli(*args, "--output", str(target))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"error: cannot write output '{target}': directory '{target.parent}' does not exist"
    ]
    assert not target.parent.exists()


def test_an_output_that_is_a_directory_is_refused_before_any_work(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    done = cli("export", "sites", "--format", "geojson", "--output", str(tmp_path))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"error: cannot write output '{tmp_path}': it is a directory"
    ]
