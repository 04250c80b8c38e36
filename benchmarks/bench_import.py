"""Import of La Poste's contact points: whole-process times against reference commands, in one run.

    python benchmarks/bench_import.py [--repeat 5] [--file ../shared/data/laposte_poincont2.csv]

DESIGN §7: `import laposte` of the whole file into an empty database (made by
`init --no-seed` before timing) within 1.5x of `python -c "import sqlmodel, typer"` plus a bare
`csv` + `sqlite3.executemany` script, at least 2.5x faster than `sqlite-utils insert --csv`,
re-import (every row unchanged) no slower than the first import, memory flat in the file's
size (peak RSS of the import process for the file and for a file eight times as long).

sqlite-utils comes with the `bench` extra (`pip install -e '.[bench]'`).
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

from processes import installed_environment, peak_rss

BIN = Path(sys.executable).parent
COPIES = 8
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "data" / "laposte_poincont2.csv"

BARE_SCRIPT = """
import csv, sqlite3, sys
connection = sqlite3.connect(sys.argv[2])
connection.execute(
    "CREATE TABLE site (id TEXT PRIMARY KEY, name TEXT, kind TEXT, parent TEXT, address TEXT,"
    " extra TEXT, locality TEXT, postcode TEXT, commune TEXT, insee TEXT, country TEXT,"
    " latitude REAL, longitude REAL, precision TEXT, phone TEXT, latlong TEXT)"
)
with open(sys.argv[1], encoding="utf-8-sig", newline="") as handle:
    rows = csv.reader(handle, delimiter=";")
    next(rows)
    connection.executemany("INSERT INTO site VALUES (" + ",".join("?" * 16) + ")", rows)
connection.commit()
connection.close()
"""


def timed(command: list[str], env: dict[str, str], prepare=None) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of `command`."""
    if prepare is not None:
        prepare()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def median(
    command: list[str], env: dict[str, str], repeat: int, prepare=None
) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU time is steadier on a busy machine)."""
    timed(command, env, prepare)  # warm the file cache
    runs = [timed(command, env, prepare) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    args = parser.parse_args()
    source = args.file.resolve()
    tool = str(BIN / "presence-postale")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**installed_environment(), "PRESENCE_POSTALE_DB": str(work / "unused.db")}
        empty = work / "empty.db"
        subprocess.run([tool, "--db", str(empty), "init", "--no-seed"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        db = work / "bench.db"

        def fresh() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            shutil.copy(empty, db)

        def nothing() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)

        imported = work / "imported.db"
        subprocess.run([tool, "--db", str(imported), "init", "--no-seed"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        subprocess.run([tool, "--db", str(imported), "import", "laposte", str(source)], env=env,
                       check=True, capture_output=True)  # fmt: skip

        def imported_copy() -> None:
            nothing()
            shutil.copy(imported, db)

        floor = median([sys.executable, "-c", "import sqlmodel, typer"], env, args.repeat)
        bare = median(
            [sys.executable, "-c", BARE_SCRIPT, str(source), str(db)], env, args.repeat, nothing
        )
        reference = (floor[0] + bare[0], floor[1] + bare[1])
        init = median([tool, "--db", str(db), "init", "--no-seed"], env, args.repeat, nothing)
        command = [tool, "--db", str(db), "import", "laposte", str(source)]
        first = median(command, env, args.repeat, fresh)
        again = median(command, env, args.repeat, imported_copy)
        sqlite_utils = shutil.which("sqlite-utils", path=str(BIN)) or shutil.which("sqlite-utils")
        utils = None
        if sqlite_utils:
            utils = median(
                [sqlite_utils, "insert", str(db), "site", str(source), "--csv", "--delimiter", ";"],
                env,
                max(1, args.repeat // 2),
                nothing,
            )
        # Memory: the file, then the file with seven more copies of its rows (new ids: the
        # last letter, A, B or D, replaced by one of the 23 other letters).
        big = work / "big.csv"
        lines = source.read_text(encoding="utf-8-sig").splitlines()
        others = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "ABD"]
        with big.open("w", encoding="utf-8", newline="") as handle:
            handle.write(lines[0] + "\r\n")
            for copy in range(COPIES):
                for line in lines[1:]:
                    site_id, rest = line.split(";", 1)
                    if copy:
                        site_id = site_id[:5] + others[3 * (copy - 1) + "ABD".index(site_id[5])]
                    handle.write(f"{site_id};{rest}\r\n")
        fresh()
        rss_file = peak_rss(command, env)
        fresh()
        rss_big = peak_rss([tool, "--db", str(db), "import", "laposte", str(big)], env)

    rows = [
        ("python -c 'import sqlmodel, typer'", floor, None, ""),
        ("bare csv + sqlite3.executemany script", bare, None, ""),
        ("  reference = the two above", reference, None, ""),
        ("presence-postale init --no-seed (not in the bar)", init, None, ""),
        ("presence-postale import laposte (empty db)", first, reference, "<= 1.5x"),
        ("presence-postale import laposte (re-import)", again, first, "<= 1.0x"),
    ]
    if utils is not None:
        rows.append(("sqlite-utils insert --csv --delimiter ';'", utils, first, ">= 2.5x"))
    print(f"{'command':50} {'wall':>8} {'ratio':>6} {'cpu':>8} {'ratio':>6} {'bar':>8}")
    for name, seconds, against, bar in rows:
        wall = f"{seconds[0] / against[0]:.2f}x" if against else ""
        cpu = f"{seconds[1] / against[1]:.2f}x" if against else ""
        print(
            f"{name:50} {seconds[0] * 1000:6.0f}ms {wall:>6} {seconds[1] * 1000:6.0f}ms {cpu:>6}"
            f" {bar:>8}"
        )
    print(
        f"peak RSS of the import: {rss_file / 1024:.0f} MiB for {len(lines) - 1:,} rows, "
        f"{rss_big / 1024:.0f} MiB for {COPIES * (len(lines) - 1):,} rows"
    )


if __name__ == "__main__":
    main()
