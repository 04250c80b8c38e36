"""A command that runs out of the memory it may use (ulimit -v, a full machine) says so in one
line, exit 1, its write undone: a limit of the system, not a defect of the tool to report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The tool loaded, then its address space capped a little above what it holds: reading a file
# of 200,000 records needs far more.
CAPPED = """
import resource, sys
from presence_postale.cli.app import main
with open("/proc/self/status") as status:
    size = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (size * 1024 + 60 * 1024 * 1024, resource.RLIM_INFINITY))
sys.argv = ["presence-postale", *sys.argv[1:]]
main()
"""


@pytest.mark.sqlite_only  # a process of its own, on the seeded file
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux's /proc")
def test_running_out_of_memory_is_one_line_and_the_database_unchanged(
    seeded_db: Path, tmp_path: Path
) -> None:
    many = tmp_path / "beaucoup.json"
    sites = [{"id": f"{n:05d}Z", "kind": "mairie", "name": f"M{n}"} for n in range(200_000)]
    many.write_text(json.dumps({"version": 1, "sites": sites}), encoding="utf-8")
    before = seeded_db.read_bytes()
    environ = {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DEBUG"}
    done = subprocess.run(
        [sys.executable, "-c", CAPPED, "--db", str(seeded_db), "import", "records", str(many)],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        "erreur : mémoire insuffisante : la commande s'est arrêtée, une écriture inachevée est "
        "annulée (la mémoire permise au processus, ulimit -v, ou celle de la machine est trop "
        "juste)"
    ]
    assert seeded_db.read_bytes() == before
