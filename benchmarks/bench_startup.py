"""Start-up: whole-process times of the CLI against reference commands, measured in one run.

    python benchmarks/bench_startup.py [--repeat 15]

- `presence-postale --help` and shell completion (of a group, then of a command inside it)
  against `sqlite-utils --help` (DESIGN §7: within 1.5x); a group's help (`sites --help`) too;
- `presence-postale sites list --department 95` and `sites show 17510A` against
  `python -c "import sqlmodel, typer"` (DESIGN §7: within 1.3x).

sqlite-utils comes with the `bench` extra (`pip install -e '.[bench]'`). The database is a fresh
seeded file in a temporary directory, created before timing. The commands take turns, round
after round; each gets its median and its best wall-clock time, and its median CPU time (user
and system, of the process and its children), each with its ratio to its reference's. On a
shared machine the best and the CPU time are the steadier figures: interference from other
work adds wall-clock time, much less CPU time.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from environment import installed_environment

BIN = Path(sys.executable).parent


class Case(NamedTuple):
    name: str
    command: list[str]
    env: dict[str, str]
    reference: str | None  # the name of the case it is compared with
    bar: float | None


class Times(NamedTuple):
    wall: float
    cpu: float


def timed(case: Case) -> Times:
    """Wall-clock and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(case.command, env=case.env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Times(wall, cpu)


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


class Result(NamedTuple):
    median: float
    best: float
    cpu: float  # median CPU time


def measure(cases: list[Case], repeat: int) -> dict[str, Result]:
    """Median and best wall-clock seconds, and median CPU seconds, of each case. The cases take
    turns, round after round, so that a burst of load on a shared machine weighs on all of them
    alike."""
    for case in cases:
        timed(case)  # warm the file cache
    runs: dict[str, list[Times]] = {case.name: [] for case in cases}
    for _ in range(repeat):
        for case in cases:
            runs[case.name].append(timed(case))
    return {
        name: Result(
            statistics.median(t.wall for t in got),
            min(t.wall for t in got),
            statistics.median(t.cpu for t in got),
        )
        for name, got in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    tool = str(BIN / "presence-postale")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**installed_environment(), "PRESENCE_POSTALE_DB": str(Path(tmp) / "bench.db")}
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
    columns = ("median", "ratio", "best", "ratio", "CPU", "ratio", "bar", "peak RSS")
    print(f"{'command':54}", " ".join(f"{c:>{9 if c == 'peak RSS' else 7}}" for c in columns))
    for case in cases:
        got = results[case.name]
        ratios = ["", "", ""]
        if case.reference is not None:
            ref = results[case.reference]
            ratios = [f"{mine / theirs:.2f}x" for mine, theirs in zip(got, ref, strict=True)]
        limit = f"{case.bar}x" if case.bar else ""
        times = [f"{value * 1000:5.0f}ms" for value in got]
        row = [times[0], ratios[0], times[1], ratios[1], times[2], ratios[2], limit]
        print(f"{case.name:54}", " ".join(f"{cell:>7}" for cell in row), end=" ")
        print(f"{memory[case.name] / 1024:5.0f} MiB")


if __name__ == "__main__":
    main()
