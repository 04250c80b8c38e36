"""Start-up: whole-process times of the CLI against reference commands, measured in one run.

    python benchmarks/bench_startup.py [--repeat 15]

- `presence-postale --help` and shell completion (of a group, then of a command inside it)
  against `sqlite-utils --help` (DESIGN §7: within 1.5x); a group's help (`sites --help`) too;
- `presence-postale sites list --department 95` and `sites show 17510A` against
  `python -c "import sqlmodel, typer"` (DESIGN §7: within 1.3x).

sqlite-utils comes with the `bench` extra (`pip install -e '.[bench]'`). The database is a fresh
seeded file in a temporary directory, created before timing.
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

BIN = Path(sys.executable).parent


def run(command: list[str], env: dict[str, str], repeat: int) -> float:
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    tool = str(BIN / "presence-postale")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PRESENCE_POSTALE_DB": str(Path(tmp) / "bench.db")}
        subprocess.run([tool, "init"], env=env, check=True, capture_output=True)
        rows = []
        floor = run([sys.executable, "-c", "import sqlmodel, typer"], env, args.repeat)
        rows.append(("python -c 'import sqlmodel, typer'", floor, None, None))
        sqlite_utils = shutil.which("sqlite-utils", path=str(BIN)) or shutil.which("sqlite-utils")
        help_ref = run([sqlite_utils, "--help"], env, args.repeat) if sqlite_utils else None
        if help_ref is not None:
            rows.append(("sqlite-utils --help", help_ref, None, None))
        help_time = run([tool, "--help"], env, args.repeat)
        rows.append(("presence-postale --help", help_time, help_ref, 1.5))
        sub_help = run([tool, "sites", "--help"], env, args.repeat)
        rows.append(("presence-postale sites --help", sub_help, help_ref, 1.5))
        for words in ("presence-postale s", "presence-postale sites l"):
            completing = {
                **env,
                "_PRESENCE_POSTALE_COMPLETE": "complete_bash",
                "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split()) - 1),
            }
            seconds = run([tool], completing, args.repeat)
            rows.append((f"completion of '{words}<TAB>'", seconds, help_ref, 1.5))
        listing = run([tool, "sites", "list", "--department", "95"], env, args.repeat)
        rows.append(("presence-postale sites list --department 95", listing, floor, 1.3))
        show = run([tool, "sites", "show", "17510A"], env, args.repeat)
        rows.append(("presence-postale sites show 17510A", show, floor, 1.3))
        weekly = run([tool, "report", "weekly", "--week", "2021-W17", "-d", "95"], env, args.repeat)
        rows.append(("presence-postale report weekly --week 2021-W17 -d 95", weekly, floor, None))
    print(f"{'command':58} {'median':>9} {'ratio':>7} {'bar':>5}")
    for name, seconds, reference, bar in rows:
        ratio = f"{seconds / reference:.2f}x" if reference else ""
        limit = f"{bar}x" if bar and reference else ""
        print(f"{name:58} {seconds * 1000:7.0f}ms {ratio:>7} {limit:>5}")


if __name__ == "__main__":
    main()
