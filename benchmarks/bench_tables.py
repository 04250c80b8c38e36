"""National tables for people against the same commands' JSON, measured in the same run.

    python benchmarks/bench_tables.py [--years 10] [--repeat 5] [--keep DIR] [--data ../shared/data]
                                      [--postgres postgresql+psycopg://…/postgres]

Builds the national load of `national.py` (the bundled seed, every La Poste contact point and
a synthetic history), then imports the ANCT's France Services list into it with the command
(`import france-services`: about 2,800 labelled sites, most of them new, with their hours). Then
each command runs as a user runs it (a process, start-up included, output piped to a file) in
its human output and in JSON, one after the other in each round, so that the machine's drift
hits both: `report compliance` and `sites list` as tables, `export sites` as its CSV for systems
and its CSV for a French Excel (it has no table). Bar (issue 17): each at most 1.2 times its
JSON. Wall-clock and CPU seconds are medians; peak memory is one more run of each.

With --postgres (a server's admin URL), the load is built in SQLite as above, then copied by the
tool (`db copy --to`) into a new database on that server, where the commands run; it is dropped
at the end.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from national_load import SHARED, WEEK, build, import_france_services
from processes import copy_to, installed_environment, peak_rss, server

BAR = 1.2
JSON = ["--format", "json"]
CASES = (
    ("report compliance", ["report", "compliance", "--week", WEEK], []),
    ("sites list", ["sites", "list"], []),
    ("export sites (CSV)", ["export", "sites"], []),
    ("export sites --excel", ["export", "sites"], ["--excel"]),
)


def _timed(command: list[str], env: dict[str, str], output: Path) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run, its output written to a file."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with output.open("wb") as sink:
        subprocess.run(command, env=env, check=True, stdout=sink, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(database: str, repeat: int, work: Path) -> None:
    """Each case's human output against its JSON on `database` (a file or a server's URL)."""
    tool = [sys.executable, "-m", "presence_postale"]
    env = {**installed_environment(), "PRESENCE_POSTALE_DB": database}
    env.pop("COLUMNS", None)  # piped output: the width of a table is the tool's default
    output = work / "output"
    runs: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(repeat + 1):  # the first round warms the file cache and is left out
        for name, args, human in CASES:
            for kind, extra in (("human", human), ("json", JSON)):
                run = _timed([*tool, *args, *extra], env, output)
                runs.setdefault((name, kind), []).append(run)
    print(f"\n{'command':24} {'human (wall / CPU)':>20} {'JSON (wall / CPU)':>20} "
          f"{'ratio wall / CPU':>17} {'peak memory human / JSON':>25}")  # fmt: skip
    for name, args, human in CASES:
        figures = []
        for kind in ("human", "json"):
            rounds = runs[(name, kind)][1:]
            figures.append(
                (statistics.median(r[0] for r in rounds), statistics.median(r[1] for r in rounds))
            )
        (wall, cpu), (json_wall, json_cpu) = figures
        peaks = [peak_rss([*tool, *args, *extra], env) for extra in (human, JSON)]
        verdict = "ok" if wall / json_wall <= BAR else f"over {BAR}x"
        print(
            f"{name:24} {wall:8.2f} / {cpu:5.2f} s {json_wall:8.2f} / {json_cpu:5.2f} s "
            f"{wall / json_wall:7.2f} / {cpu / json_cpu:4.2f}x "
            f"{peaks[0] / 1024:9.0f} / {peaks[1] / 1024:5.0f} MiB  {verdict}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the database in this directory.")
    parser.add_argument("--data", type=Path, default=SHARED, help="the open data's folder")
    parser.add_argument("--postgres", help="a PostgreSQL server's admin URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, server(args.postgres, "bench_tables") as pg:
        folder = args.keep or Path(tmp)
        database = folder / f"national-{args.years}y-france-services.db"
        database.unlink(missing_ok=True)
        started = time.perf_counter()
        counts = build(database, args.years, args.data)
        import_france_services(database, args.data)
        print(f"built {database.name} in {time.perf_counter() - started:.1f} s: {counts}, "
              "and the France Services list")  # fmt: skip
        location = str(database)
        if pg is not None:
            started = time.perf_counter()
            location = copy_to(database, pg)
            print(f"copied to PostgreSQL (db copy) in {time.perf_counter() - started:.1f} s")
        print("on PostgreSQL" if pg is not None else "on SQLite")
        measure(location, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()
