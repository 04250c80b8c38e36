"""Every measurement, one after the other: start-up, import, records files, recurrence,
national scale, national tables against their JSON, secure_delete, access.

    python benchmarks/all.py [--repeat N] [--postgres postgresql+psycopg://…/postgres]

Each script compares its commands with references it measures in the same run (see each one's
docstring); this one runs them in turn, with `--repeat` passed on when given, and stops at the
first that fails. With `--postgres` (a server's admin URL), the scripts that take it
(POSTGRES) run against new databases on that server instead of SQLite files.
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
POSTGRES = {"bench_records.py", "national.py", "bench_tables.py"}
# The national load (La Poste's list and the synthetic history), then again with the France
# Services list added: a heavier load than the design's, measured beside it.
OPTIONS = {"national.py": ["--france-services"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, help="rounds for every script (default: each own)")
    parser.add_argument("--postgres", help="a PostgreSQL server's admin URL")
    args = parser.parse_args()
    extra = [] if args.repeat is None else ["--repeat", str(args.repeat)]
    for script in SCRIPTS:
        server = ["--postgres", args.postgres] if args.postgres and script in POSTGRES else []
        print(f"== {script}", "(PostgreSQL)" if server else "", flush=True)
        command = [sys.executable, str(HERE / script), *OPTIONS.get(script, []), *extra, *server]
        subprocess.run(command, check=True)
        print(flush=True)


if __name__ == "__main__":
    main()
