"""Start-up: whole-process times of the CLI against reference commands, measured in one run.

    python benchmarks/bench_startup.py [--repeat 15]

- `presence-postale --help` and shell completion (of a group, then of a command inside it)
  against `sqlite-utils --help` (DESIGN §7: within 1.5x); a group's help (`sites --help`) too;
- `presence-postale sites list --department 95` and `sites show 17510A` against
  `python -c "import sqlmodel, typer"` (DESIGN §7: within 1.3x).

sqlite-utils comes with the `bench` extra (`pip install -e '.[bench]'`). The database is a fresh
seeded file in a temporary directory, created before timing. The commands take turns, round
after round, and each command runs right beside its reference (before it in one round, after
it in the next). Each gets its median and its best wall-clock time with their ratios to its
reference's, and the paired ratio: the median, over the rounds, of its time over the time of
the reference run beside it. The speed of a shared machine drifts over minutes; the paired
ratio compares runs a second apart, and is the steadiest figure.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from processes import installed_environment, peak_rss

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


class Result(NamedTuple):
    median: float
    best: float
    paired: float | None  # the median ratio to the reference run beside it


def measure(cases: list[Case], repeat: int) -> dict[str, Result]:
    """Median and best wall-clock seconds of each case, and its paired ratio (see above)."""
    by_name = {case.name: case for case in cases}
    for case in cases:
        timed(case)  # warm the file cache
    runs: dict[str, list[float]] = {case.name: [] for case in cases}
    ratios: dict[str, list[float]] = {case.name: [] for case in cases}
    for round_ in range(repeat):
        for case in cases:
            if case.reference is None:
                runs[case.name].append(timed(case))
                continue
            reference = by_name[case.reference]
            order = [reference, case] if round_ % 2 == 0 else [case, reference]
            got = {run.name: timed(run) for run in order}
            runs[case.name].append(got[case.name])
            runs[reference.name].append(got[reference.name])
            ratios[case.name].append(got[case.name] / got[reference.name])
    return {
        name: Result(
            statistics.median(got),
            min(got),
            statistics.median(ratios[name]) if ratios[name] else None,
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
        memory = {case.name: peak_rss(case.command, case.env) for case in cases}
    columns = ("median", "ratio", "best", "ratio", "paired", "bar", "peak RSS")
    print(f"{'command':54}", " ".join(f"{c:>{9 if c == 'peak RSS' else 7}}" for c in columns))
    for case in cases:
        got = results[case.name]
        row = [f"{got.median * 1000:5.0f}ms", "", f"{got.best * 1000:5.0f}ms", "", "", ""]
        if case.reference is not None:
            ref = results[case.reference]
            row[1] = f"{got.median / ref.median:.2f}x"
            row[3] = f"{got.best / ref.best:.2f}x"
            row[4] = f"{got.paired:.2f}x"
        if case.bar:
            row[5] = f"{case.bar}x"
        print(f"{case.name:54}", " ".join(f"{cell:>7}" for cell in row), end=" ")
        print(f"{memory[case.name] / 1024:5.0f} MiB")


if __name__ == "__main__":
    main()
