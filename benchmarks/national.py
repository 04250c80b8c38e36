"""A national load, and the weekly report measured on it.

    python benchmarks/national.py [--years 10] [--repeat 5] [--keep DIR] [--data ../shared/data]
                                  [--postgres postgresql+psycopg://…/postgres] [--france-services]

Builds a database from the bundled seed plus every La Poste contact point of
`../shared/data/laposte_poincont2.csv`, then a synthetic history: 5,000 permanences started up to
`--years` years ago, 20,000 coworking reservations and 10,000 mediation sessions a year spread
over all departments and over those years (see `national_load.py`). Then it times, in this
process and after start-up, `report weekly` for one department and for all of France, and
`report compliance`, and runs the same measurements on a database with twice the history: the
figures must not grow with the history, only with the week's events. Those runs share what a
process keeps (hours parsed, statements compiled, modules loaded): the all-of-France report is
also timed once as the first run of a new process, as a cron job runs it.

With --france-services, each load is measured again after the ANCT's France Services list is
imported into it with the command (as `bench_tables.py` does): about 2,800 labelled sites, most
of them new, with their opening hours. The national load of bar 4 is that one: La Poste and
France Services.

With --postgres (a server's admin URL), each load is built in SQLite as above, then copied by
the tool (`db copy --to`) into a new database on that server, measured there, and dropped.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from national_load import SHARED, TODAY, WEEK, build, import_france_services
from processes import Server, copy_to, installed_environment, server

BAR_SECONDS = 0.3  # the national weekly report's work after start-up
COLD = "report weekly (all of France), 1st run"


def measure(database: str, repeat: int) -> dict[str, tuple[float, float, int]]:
    """Median seconds of the work of each report on `database` (a file or a server's URL, as
    --db takes it), in this process (start-up excluded), wall clock and CPU (steadier on a busy
    machine), and the peak of the memory Python allocated for it (one more run, under
    tracemalloc)."""
    from presence_postale.cli.app import tune_garbage_collector
    from presence_postale.domain.weeks import IsoWeek, parse_week
    from presence_postale.formats.reports.compliance import render_compliance
    from presence_postale.formats.reports.weekly import render_weekly  # noqa: F401 (start-up)
    from presence_postale.services import reports
    from presence_postale.services.database import open_database
    from presence_postale.store import bulk  # noqa: F401 (start-up)
    from presence_postale.store.db import resolve, session

    tune_garbage_collector()  # as the command does
    engine = open_database(resolve(database))  # as the command opens --db
    week: IsoWeek = parse_week(WEEK, TODAY)
    cases = {
        "report weekly -d 95": lambda db: weekly(db, week, "95"),
        "report weekly (all of France)": lambda db: weekly(db, week),
        "report compliance (all of France)": lambda db: render_compliance(
            reports.compliance(db, week), week.label, "json", "fr"
        ),
    }
    out = {COLD: first_run(database)}
    for name, case in cases.items():
        times, cpu = [], []
        for _ in range(repeat):
            with session(engine) as db:
                started, processed = time.perf_counter(), time.process_time()
                case(db)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - processed)
        with session(engine) as db:
            tracemalloc.start()
            case(db)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        out[name] = (statistics.median(times), statistics.median(cpu), peak)
    engine.dispose()
    return out


def weekly(db: Any, week: Any, department: str | None = None) -> None:
    """The work of `report weekly --format json`, as the command does it (the cycle collector
    paused)."""
    from presence_postale.formats.reports.weekly import render_weekly
    from presence_postale.services import reports
    from presence_postale.store.bulk import uncollected

    with uncollected():
        render_weekly(reports.weekly(db, week, department=department), "json", "fr")


def first_run(database: str) -> tuple[float, float, int]:
    """Seconds of one `report weekly` for all of France in a new process (wall, CPU), start-up
    excluded (imports, the tables' definitions among them, and the database opened): what a
    cron job pays, with no hours parsed or statement compiled by an earlier run, unlike the
    runs `measure` repeats in this process."""
    found = subprocess.run(
        [sys.executable, __file__, "--first-run", database],
        env=installed_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = map(float, found.stdout.split())
    return wall, cpu, 0


def _first_run(database: str) -> None:
    """The child of `first_run`: start-up (the report's modules, the tables' definitions among
    them, the database opened), then the report, timed."""
    from presence_postale.cli.app import tune_garbage_collector
    from presence_postale.domain.weeks import parse_week
    from presence_postale.formats.reports.weekly import render_weekly  # noqa: F401 (start-up)
    from presence_postale.services import reports  # noqa: F401 (start-up)
    from presence_postale.services.database import open_database
    from presence_postale.store import bulk  # noqa: F401 (start-up)
    from presence_postale.store.db import resolve, session
    from presence_postale.store.models import metadata

    tune_garbage_collector()
    engine = open_database(resolve(database))
    metadata()  # the tables defined: modules too, which the tool imports when first used
    week = parse_week(WEEK, TODAY)
    with session(engine) as db:
        db.connection()  # the database opened: a connection made (on a server, logged into)
        started, processed = time.perf_counter(), time.process_time()
        weekly(db, week)
        print(time.perf_counter() - started, time.process_time() - processed)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the databases in this directory.")
    parser.add_argument("--data", type=Path, default=SHARED, help="the open data's folder")
    parser.add_argument("--postgres", help="a PostgreSQL server's admin URL")
    parser.add_argument(
        "--france-services",
        action="store_true",
        help="Measure each load again after importing the France Services list into it.",
    )
    parser.add_argument("--first-run", metavar="DATABASE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_run:
        _first_run(args.first_run)
        return
    loads = ["La Poste", "La Poste and France Services"] if args.france_services else ["La Poste"]
    results: dict[str, dict[int, dict[str, tuple[float, float, int]]]] = {n: {} for n in loads}
    with tempfile.TemporaryDirectory() as tmp, server(args.postgres, "bench_national") as pg:
        folder = args.keep or Path(tmp)
        for years in (args.years, args.years * 2):
            path = folder / f"national-{years}y.db"
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            counts = build(path, years, args.data)
            print(f"built {path.name} in {time.perf_counter() - started:.1f} s: {counts}")
            for load in loads:
                if load != loads[0]:
                    started = time.perf_counter()
                    import_france_services(path, args.data)
                    print(f"imported France Services in {time.perf_counter() - started:.1f} s")
                results[load][years] = measure(_located(path, pg), args.repeat)
    for load in loads:
        where = "PostgreSQL" if args.postgres else "SQLite"
        print(f"\n{load}, on {where}")
        _print(results[load], args.years)


def _located(path: Path, pg: Server | None) -> str:
    """The database to measure: the file, or its copy on the server."""
    if pg is None:
        return str(path)
    started = time.perf_counter()
    database = copy_to(path, pg)
    print(f"copied to PostgreSQL (db copy) in {time.perf_counter() - started:.1f} s")
    return database


def _print(results: dict[int, dict[str, tuple[float, float, int]]], years: int) -> None:
    short, long = results[years], results[years * 2]
    title = "measure (work beyond start-up, median)"
    span = f"{years} y / {years * 2} y"
    print(
        f"{title:36} {'wall ' + span:>19} {'ratio':>6} {'CPU ' + span:>18} "
        f"{'peak memory ' + span:>24} {'ratio':>6}"
    )
    for name in short:
        (fast, fast_cpu, small), (slow, slow_cpu, large) = short[name], long[name]
        memory = (
            f"{small / 2**20:11.1f} / {large / 2**20:5.1f} MiB {large / small:5.2f}x"
            if small
            else f"{'(one run, not traced)':>30}"
        )
        print(
            f"{name:36} {fast * 1000:8.0f} / {slow * 1000:4.0f} ms {slow / fast:5.2f}x "
            f"{fast_cpu * 1000:8.0f} / {slow_cpu * 1000:4.0f} ms {memory}"
        )
    wall, cpu = short["report weekly (all of France)"][:2]
    first_wall, first_cpu = short[COLD][:2]
    verdict = "ok" if wall <= BAR_SECONDS else "over (see CPU: the machine may be busy)"
    print(
        f"bar (issue 17): all of France within {BAR_SECONDS} s of work, flat when the history "
        f"doubles: {wall:.3f} s wall, {cpu:.3f} s CPU (median of the runs after the first), "
        f"{verdict}; first run in a new process: {first_wall:.3f} s wall, {first_cpu:.3f} s CPU"
    )


if __name__ == "__main__":
    main()
