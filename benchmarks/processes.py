"""How the benchmarks run the tool: the environment it runs in, the peak memory of a run, and
the PostgreSQL databases of the runs with --postgres."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path


def installed_environment() -> dict[str, str]:
    """This environment, as an installed tool runs in it: with its modules' bytecode cached.
    `pip install` compiles a wheel's modules; an editable install caches them on first run,
    unless PYTHONDONTWRITEBYTECODE forbids it, and then every run compiles the tool's own
    sources again (a twentieth of a second here) while the libraries it is compared with
    load theirs compiled."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def peak_rss(command: list[str], env: dict[str, str]) -> int:
    """Peak resident memory (KiB) of one run of `command`, in a fresh child so that no earlier
    run masks it."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], env=env, capture_output=True)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {out.stderr.decode()[-500:]}")
    return int(out.stdout)


TOOL = str(Path(sys.executable).parent / "presence-postale")


class Server:
    """New databases on a PostgreSQL server, made through its admin URL and dropped when the
    block ends (only those made here): `with Server(url, "bench_x") as server: server.create()`."""

    def __init__(self, admin: str, prefix: str) -> None:
        self.admin, self.prefix = admin, prefix
        self.names: list[str] = []

    def _run(self, statement: str) -> None:
        import psycopg

        url = self.admin.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(url, autocommit=True) as pg:
            pg.execute(statement)  # type: ignore[arg-type, unused-ignore]

    def create(self) -> str:
        """A new empty database; its URL (the tool's --db value)."""
        name = f"{self.prefix}_{len(self.names) + 1}_{os.getpid()}_{int(time.time())}"
        self._run(f"CREATE DATABASE {name}")
        self.names.append(name)
        return self.admin.rsplit("/", 1)[0] + f"/{name}"

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_exc: object) -> None:
        while self.names:
            self._run(f"DROP DATABASE IF EXISTS {self.names.pop()} WITH (FORCE)")


def server(admin: str | None, prefix: str) -> AbstractContextManager[Server | None]:
    """`Server(admin, prefix)`, or None without an admin URL (the run stays on SQLite)."""
    return nullcontext() if admin is None else Server(admin, prefix)


def copy_to(database: Path, target: Server) -> str:
    """A new database on the server holding all of the SQLite file `database`, copied by the
    tool (`db copy`, which checks every record and compares both sides); its URL."""
    url = target.create()
    copy = [TOOL, "--db", str(database), "db", "copy", "--to", url, "--format", "json"]
    done = subprocess.run(copy, env=installed_environment(), capture_output=True)
    if done.returncode != 0:
        raise SystemExit(f"db copy failed: {done.stderr.decode()[-500:]}")
    return url
