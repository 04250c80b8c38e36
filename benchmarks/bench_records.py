"""Records files at national scale: `import records` and `export records` against
`import laposte` of the same sites, measured in the same run (issue 17, bars 1, 2 and 6).

    python benchmarks/bench_records.py [--repeat 3] [--postgres postgresql+psycopg://…/postgres]

Builds the national database (the bundled seed, then every La Poste contact point and every
France Services structure of ../shared/data), exports its records (YAML and JSON), then times
whole processes, each with its peak resident memory:

- reference: `import laposte` of the whole file into an empty database;
- `import records` of the national export into an empty database (bar: <= 3x the reference),
  and again into the database it filled, where nothing changes (bar: <= 1.5x);
- `export records` of the national database (bar: <= 2x).

With --postgres (a server's admin URL), the same on PostgreSQL, each run in a new database.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from processes import TOOL, Server, installed_environment, peak_rss, server

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def run(*args: str, env: dict[str, str]) -> None:
    subprocess.run([TOOL, *args], env=env, check=True, capture_output=True)


class Target:
    """Where the commands write: SQLite files, or new databases on a PostgreSQL server."""

    def __init__(self, work: Path, pg: Server | None) -> None:
        self.work, self.pg, self.made = work, pg, 0

    def empty(self) -> str:
        """A new database with the schema and no rows; its --db value."""
        self.made += 1
        location = str(self.work / f"db-{self.made}.db") if self.pg is None else self.pg.create()
        run("--db", location, "init", "--no-seed", env=ENV)
        return location


ENV = installed_environment()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="a PostgreSQL server's admin URL")
    parser.add_argument("--data", type=Path, default=DATA, help="the open data's folder")
    args = parser.parse_args()
    laposte = args.data / "laposte_poincont2.csv"
    france_services = args.data / "france_services_20240801.csv"
    with tempfile.TemporaryDirectory() as tmp, server(args.postgres, "bench_records") as pg:
        work = Path(tmp)
        target = Target(work, pg)
        national = target.empty()
        run("--db", national, "init", env=ENV)
        run("--db", national, "import", "laposte", str(laposte), env=ENV)
        run("--db", national, "import", "france-services", str(france_services), env=ENV)
        yaml_file, json_file = work / "national.yaml", work / "national.json"
        run("--db", national, "export", "records", "--include-personal", "-o", str(yaml_file),
            env=ENV)  # fmt: skip
        run("--db", national, "export", "records", "--include-personal", "--format", "json",
            "-o", str(json_file), env=ENV)  # fmt: skip
        place = {"db": ""}

        def fresh() -> None:
            place["db"] = target.empty()

        def filled(path: Path) -> Callable[[], None]:
            def prepare() -> None:
                fresh()
                run("--db", place["db"], "import", "records", str(path), env=ENV)

            return prepare

        def command(*args: str) -> list[str]:
            return [TOOL, "--db", place["db"], *args]

        cases: list[tuple[str, Callable[[], None], Callable[[], list[str]], str]] = [
            ("import laposte (empty db)", fresh,
             lambda: command("import", "laposte", str(laposte)), ""),
            ("import records YAML (empty db)", fresh,
             lambda: command("import", "records", str(yaml_file)), "<= 3x"),
            ("import records JSON (empty db)", fresh,
             lambda: command("import", "records", str(json_file)), "<= 3x"),
            ("import records YAML (again, nothing changes)", filled(yaml_file),
             lambda: command("import", "records", str(yaml_file)), "<= 1.5x"),
            ("import records JSON (again, nothing changes)", filled(json_file),
             lambda: command("import", "records", str(json_file)), "<= 1.5x"),
            ("export records YAML (national)", lambda: place.update(db=national),
             lambda: command("export", "records", "-o", str(work / "out.yaml")), "<= 2x"),
            ("export records JSON (national)", lambda: place.update(db=national),
             lambda: command("export", "records", "--format", "json", "-o", str(work / "o.json")),
             "<= 2x"),
        ]  # fmt: skip
        size = yaml_file.stat().st_size
        results = []
        for name, prepare, make, bar in cases:
            seconds = timed_case(make, prepare, args.repeat)
            prepare()
            memory = peak_rss(make(), ENV)
            results.append((name, seconds, memory, bar))
    reference = results[0][1]
    print("PostgreSQL" if args.postgres else "SQLite", f"(national export: {size:,} bytes of YAML)")
    print(f"{'command':48} {'wall':>8} {'ratio':>6} {'bar':>8} {'peak RSS':>10}")
    for name, seconds, memory, bar in results:
        ratio = seconds / reference
        print(f"{name:48} {seconds:7.2f}s {ratio:5.2f}x {bar:>8} {memory / 1024:7.0f} MiB")


def timed_case(make: Callable[[], list[str]], prepare: Callable[[], None], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        prepare()
        started = time.perf_counter()
        subprocess.run(make(), env=ENV, check=True, capture_output=True)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


if __name__ == "__main__":
    main()
