"""How the benchmarks run the tool: the environment it runs in, and the peak memory of a run."""

from __future__ import annotations

import os
import subprocess
import sys


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
