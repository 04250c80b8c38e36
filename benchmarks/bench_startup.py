"""Start-up: whole-process times of the CLI against reference commands, measured in one run.

    python benchmarks/bench_startup.py [--repeat 15]

- `presence-postale --help` and shell completion (of a group, then of a command inside it)
  against `sqlite-utils --help` (DESIGN §7: within 1.5x); a group's help (`sites --help`) too;
- `presence-postale sites list --department 95` and `sites show 17510A` against
  `python -c "import sqlmodel, typer"` (DESIGN §7: within 1.3x).

sqlite-utils comes with the `bench` extra (`pip install -e '.[bench]'`). The database is a fresh
seeded file in a temporary directory, created before timing. The commands take turns, round
after round; each gets its median and its best wall-clock time, each with its ratio to its
reference's (the best is the steadier on a shared machine: interference only adds time).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

BIN = Path(sys.executable).parent


class Case(NamedTuple):
    name: str
    command: list[str]
    env: dict[str, str]
    reference: str | None  # the name of the case it is compared with
    bar: float | None


def timed(case: Case) -> float:
    """Wall-clock seconds of one run."""
    started = time.perf_counter()
    subprocess.run(case.command, env=case.env, check=True, capture_output=True)
    return time.perf_counter() - started


def peak_rss(case: Case) -> int:
    """Peak resident memory (KiB) of one run, in a fresh child so that no other run masks it."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *case.command], env=case.env, capture_output=True, check=True
    )
    return int(done.stdout)


def measure(cases: list[Case], repeat: int) -> dict[str, tuple[float, float]]:
    """Median and best wall-clock seconds of each case. The cases take turns, round after
    round, so that a burst of load on a shared machine weighs on all of them alike; the best
    of the rounds is the steadiest figure (interference only ever adds time)."""
    for case in cases:
        timed(case)  # warm the file cache
    runs: dict[str, list[float]] = {case.name: [] for case in cases}
    for _ in range(repeat):
        for case in cases:
            runs[case.name].append(timed(case))
    return {name: (statistics.median(got), min(got)) for name, got in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    tool = str(BIN / "presence-postale")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PRESENCE_POSTALE_DB": str(Path(tmp) / "bench.db")}
        subprocess.run([tool, "init"], env=env, check=True, capture_output=True)
        floor = "python -c 'import sqlmodel, typer'"
        help_ref = "sqlite-utils --help"
        sqlite_utils = shutil.which("sqlite-utils", path=str(BIN)) or shutil.which("sqlite-utils")
        if sqlite_utils is None:
            raise SystemExit("sqlite-utils is missing: pip install -e '.[bench]'")
        cases = [
            Case(floor, [sys.executable, "-c", "import sqlmodel, typer"], env, None, None),
            Case(help_ref, [sqlite_utils, "--help"], env, None, None),
            Case("presence-postale --help", [tool, "--help"], env, help_ref, 1.5),
            Case("presence-postale sites --help", [tool, "sites", "--help"], env, help_ref, 1.5),
        ]
        for words in ("presence-postale s", "presence-postale sites l"):
            completing = {
                **env,
                "_PRESENCE_POSTALE_COMPLETE": "complete_bash",
                "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split()) - 1),
            }
            cases.append(Case(f"completion of '{words}<TAB>'", [tool], completing, help_ref, 1.5))
        cases += [
            Case(
                "presence-postale sites list --department 95",
                [tool, "sites", "list", "--department", "95"],
                env,
                floor,
                1.3,
            ),
            Case(
                "presence-postale sites show 17510A",
                [tool, "sites", "show", "17510A"],
                env,
                floor,
                1.3,
            ),
            Case(
                "presence-postale report weekly --week 2021-W17 -d 95",
                [tool, "report", "weekly", "--week", "2021-W17", "-d", "95"],
                env,
                floor,
                None,
            ),
        ]
        results = measure(cases, args.repeat)
        memory = {case.name: peak_rss(case) for case in cases}
    header = f"{'command':54} {'median':>7} {'ratio':>6} {'best':>7} {'ratio':>6} {'bar':>5}"
    print(f"{header} {'peak RSS':>9}")
    for case in cases:
        median, best = results[case.name]
        ratios = ["", ""]
        if case.reference is not None:
            ref_median, ref_best = results[case.reference]
            ratios = [f"{median / ref_median:.2f}x", f"{best / ref_best:.2f}x"]
        limit = f"{case.bar}x" if case.bar else ""
        print(
            f"{case.name:54} {median * 1000:5.0f}ms {ratios[0]:>6} {best * 1000:5.0f}ms "
            f"{ratios[1]:>6} {limit:>5} {memory[case.name] / 1024:5.0f} MiB"
        )


if __name__ == "__main__":
    main()
