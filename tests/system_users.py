"""System users for tests that run the tool as someone else (`presence-owner`, the owner of a
database, and `presence-reader`, who may only read it), made by `.ci/run` (CI runs as root):
the tests skip, saying why, when not root or when the users are missing. Commands run as
another user through a Python interpreter that user can execute (the virtual environment's may
sit under root's private home): the first that imports the tool with the project's source and
libraries on PYTHONPATH. The fixtures are registered by `tests/reliability/conftest.py`."""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import presence_postale

OWNER, READER = "presence-owner", "presence-reader"
TIMEOUT = 180
SRC = Path(presence_postale.__file__).resolve().parents[1]

# ---- users, an interpreter they can run, directories they can reach ---------------------------


@dataclass(frozen=True)
class User:
    name: str
    uid: int
    gid: int


@dataclass(frozen=True)
class Runner:
    python: str
    env: dict[str, str]

    def run(self, user: User | None, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        ids = {} if user is None else {"user": user.uid, "group": user.gid, "extra_groups": []}
        return subprocess.run(
            [self.python, "-s", "-m", "presence_postale", *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=cwd,
            timeout=TIMEOUT,
            **ids,  # type: ignore[arg-type]
        )


def _root() -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root, to run commands as two system users and to mount file systems")


@pytest.fixture(scope="module")
def users() -> tuple[User, User]:
    _root()
    found = []
    for name in (OWNER, READER):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            pytest.skip(
                f"needs the system users {OWNER} and {READER} (.ci/run creates them: "
                f"useradd --system --no-create-home {OWNER})"
            )
        found.append(User(name, entry.pw_uid, entry.pw_gid))
    return found[0], found[1]


@pytest.fixture(scope="module")
def runner(users: tuple[User, User]) -> Runner:
    libraries = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": "/nonexistent",
        "LANG": "C.UTF-8",
        "PRESENCE_POSTALE_LANG": "en",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": os.pathsep.join([str(SRC), *libraries]),
    }
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        sys.executable,
        os.path.realpath(sys.executable),
        getattr(sys, "_base_executable", ""),
        f"/usr/bin/python{version}",
        f"/usr/local/bin/python{version}",
    ]
    probe = "import presence_postale.cli.app, sqlalchemy, holidays, opening_hours"
    for python in dict.fromkeys(c for c in candidates if c and os.path.exists(c)):
        try:
            done = subprocess.run(
                [python, "-s", "-c", probe],
                capture_output=True,
                env=env,
                cwd="/",
                timeout=TIMEOUT,
                user=users[1].uid,
                group=users[1].gid,
                extra_groups=[],
            )
        except PermissionError:
            continue
        if done.returncode == 0:
            return Runner(python, env)
    pytest.skip(f"no Python {version} that {READER} may run imports the tool")


@pytest.fixture
def place() -> Iterator[Path]:
    """A directory every user can reach (pytest's own tmp_path is root's alone)."""
    top = Path(tempfile.mkdtemp(prefix="presence-postale-shared-"))
    top.chmod(0o755)
    try:
        yield top
    finally:
        shutil.rmtree(top, ignore_errors=True)


def _dir(path: Path, owner: User | None, mode: int) -> Path:
    path.mkdir()
    if owner is not None:
        os.chown(path, owner.uid, owner.gid)
    path.chmod(mode)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> list[tuple[str, str]]:
    return sorted((p.name, pwd.getpwuid(p.stat().st_uid).pw_name) for p in path.parent.iterdir())


def _ok(done: subprocess.CompletedProcess[str], what: object) -> None:
    assert "Traceback" not in done.stderr, (what, done.stderr)
    assert done.returncode == 0, (what, done.returncode, done.stderr)
