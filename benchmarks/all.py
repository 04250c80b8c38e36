"""Every measurement, one after the other: start-up, import, records files, recurrence,
national scale, national tables against their JSON, secure_delete, access.

    python benchmarks/all.py [--repeat N]

Each script compares its commands with references it measures in the same run (see each one's
docstring); this one runs them in turn, with `--repeat` passed on when given, and stops at the
first that fails.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "bench_startup.py",
    "bench_import.py",
    "bench_records.py",
    "bench_recurrence.py",
    "national.py",
    "bench_tables.py",
    "bench_secure_delete.py",
    "bench_access.py",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, help="rounds for every script (default: each own)")
    args = parser.parse_args()
    extra = [] if args.repeat is None else ["--repeat", str(args.repeat)]
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *extra], check=True)
        print(flush=True)


if __name__ == "__main__":
    main()
