"""Crash safety: SIGKILL a real writing process at random moments; the database is always either
exactly as before or exactly as after, passes `db check`, and the same command then succeeds.

Covered: `import laposte` of the full La Poste file (17,212 rows), a seed load (`init --seed
FILE` on an existing database: the bundled seed plus 600 generated sites, about 3 s), a bulk
`import records` (a CSV of 5,000 sites, about 11 s), and the very first use of a missing
database (creation and seeding). Every kill is followed by `db check` (a process), a logical
comparison with the before and after states, and a rerun of the same command.

The kill delays are drawn from `random.Random(SEED)` between ~0.05 s and the command's typical
duration, measured once per test by a clean run (which also gives the "after" state). The seed
is printed (`pytest -s`); set PRESENCE_POSTALE_CRASH_SEED to replay a run and
PRESENCE_POSTALE_CRASH_ITERATIONS to kill more often (at least 8 per command). Two iterations
run side by side (each on its own copy of the database) to keep the file short on two cores.
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from shared_data import LAPOSTE_CSV, needs_shared_data

pytestmark = pytest.mark.sqlite_only  # SIGKILL during writes: the SQLite file and its journal


SEED = int(os.environ.get("PRESENCE_POSTALE_CRASH_SEED", "20190409"))
ITERATIONS = max(8, int(os.environ.get("PRESENCE_POSTALE_CRASH_ITERATIONS", "8")))
WORKERS = 2
MIN_DELAY = 0.05
TIMEOUT = 300
# Columns that hold the moment a row was written: they differ between two runs of the same
# command, so the logical state leaves them out (every other column is compared).
CLOCK_COLUMNS = frozenset({"created_at", "updated_at", "recorded_at"})

State = dict[str, tuple[int, str]]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}


def _command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "presence_postale", "--db", str(db), *args]


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(db, *args), capture_output=True, text=True, env=_env(), timeout=TIMEOUT
    )


def _kill_after(db: Path, args: tuple[str, ...], delay: float) -> tuple[bool, str]:
    """Start the command, SIGKILL it after `delay` seconds; (finished before the kill, stderr)."""
    process = subprocess.Popen(
        _command(db, *args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        process.wait(timeout=delay)
        finished = True
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        finished = False
    _out, err = process.communicate(timeout=TIMEOUT)
    if not finished and process.returncode == 0:
        finished = True  # it ended on its own in the instant between the wait and the signal
    if finished:
        assert process.returncode == 0, err
    else:
        assert process.returncode == -signal.SIGKILL, (process.returncode, err)
    return finished, err


def _state(path: Path) -> State:
    """Per table: row count and a hash of every row (clock columns left out), by primary key."""
    state: State = {}
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            info = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = [row[1] for row in info if row[1] not in CLOCK_COLUMNS]
            keys = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]] or columns
            digest = hashlib.sha256()
            count = 0
            select = ", ".join(f'"{c}"' for c in columns)
            order = ", ".join(f'"{c}"' for c in keys)
            for row in connection.execute(f'SELECT {select} FROM "{table}" ORDER BY {order}'):
                digest.update(repr(row).encode())
                count += 1
            state[table] = (count, digest.hexdigest())
    return state


def _check(db: Path) -> None:
    result = _run(db, "db", "check")
    assert result.returncode == 0, result.stderr
    assert "ok : intégrité et clés étrangères" in result.stdout
    assert "locked" not in result.stderr.lower()


def _timed_clean_runs(dbs: list[Path], args: tuple[str, ...]) -> float:
    """Run `args` once on each of `dbs`, side by side as the kills will run; the mean duration."""

    def one(db: Path) -> float:
        start = time.monotonic()
        result = _run(db, *args)
        elapsed = time.monotonic() - start
        assert result.returncode == 0, result.stderr
        return elapsed

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        durations = list(pool.map(one, dbs))
    return sum(durations) / len(durations)


@dataclass
class Outcome:
    iteration: int
    delay: float
    finished: bool
    found: str  # "before", "after" (or "missing" / "complete" for a first use)
    leftovers: tuple[str, ...] = ()


def _report(name: str, typical: float, outcomes: list[Outcome]) -> None:
    found = {kind: sum(1 for o in outcomes if o.found == kind) for kind in ("before", "after")}
    finished = sum(1 for o in outcomes if o.finished)
    print(
        f"\n{name}: seed {SEED}, typical duration {typical:.2f}s, {len(outcomes)} kills, "
        f"state before {found['before']}, after {found['after']}, finished first {finished}; "
        + ", ".join(f"{o.delay:.2f}s->{o.found}" for o in outcomes)
    )


def _in_parallel(work: Callable[[int, float], Outcome], delays: list[float]) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(work, i, delay) for i, delay in enumerate(delays)]
        return [future.result() for future in futures]


def _delays(name: str, typical: float, iterations: int = ITERATIONS) -> list[float]:
    rng = random.Random(f"{SEED}:{name}")
    return [rng.uniform(MIN_DELAY, max(typical, MIN_DELAY * 2)) for _ in range(iterations)]


def _kill_repeatedly(
    name: str, template: Path, workdir: Path, args: tuple[str, ...], iterations: int = ITERATIONS
) -> list[Outcome]:
    """Kill `args` on copies of `template` at random moments; check every outcome."""
    print(f"\n{name}: random seed {SEED}")
    before = _state(template)
    cleans = [workdir / f"clean-{i}.db" for i in range(WORKERS)]
    for clean in cleans:
        shutil.copy(template, clean)
    typical = _timed_clean_runs(cleans, args)
    after = _state(cleans[0])
    assert after != before, "the command changed nothing: nothing to kill"
    assert all(_state(clean) == after for clean in cleans[1:]), "the command is not repeatable"

    def one(iteration: int, delay: float) -> Outcome:
        db = workdir / f"kill-{iteration}.db"
        shutil.copy(template, db)
        finished, _err = _kill_after(db, args, delay)
        where = f"{name}: iteration {iteration}, seed {SEED}, kill after {delay:.3f}s"
        _check(db)
        state = _state(db)
        assert state in (before, after), f"{where}: half-written database: {_diff(state, after)}"
        found = "before" if state == before else "after"
        rerun = _run(db, *args)
        assert rerun.returncode == 0, f"{where}: rerun failed: {rerun.stderr}"
        assert "locked" not in rerun.stderr.lower()
        assert _state(db) == after, f"{where}: rerun did not reach the after state"
        for leftover in db.parent.glob(f"{db.name}*"):
            leftover.unlink()
        return Outcome(iteration, delay, finished, found)

    outcomes = _in_parallel(one, _delays(name, typical, iterations))
    _report(name, typical, outcomes)
    # A delay longer than this run's duration lets the command finish (then checked the same
    # way); the delays are drawn below the typical duration, so most runs are killed.
    assert any(not o.finished for o in outcomes), "every command finished before its kill"
    return outcomes


def _diff(state: State, after: State) -> dict[str, tuple[tuple[int, str], tuple[int, str]]]:
    return {t: (state.get(t, (0, "")), after[t]) for t in after if state.get(t) != after[t]}


# ---- inputs ---------------------------------------------------------------------------------


def _big_seed(path: Path, extra_sites: int = 600) -> Path:
    """The bundled seed plus `extra_sites` generated town halls (labels, equipment, operators)."""
    import yaml

    from presence_postale.formats.seed import bundled_seed

    document = yaml.safe_load(bundled_seed().read_text(encoding="utf-8"))
    departments = [d["code"] for d in document["departments"]]
    rng = random.Random(SEED)
    for i in range(extra_sites):
        department = rng.choice(departments)
        site: dict[str, object] = {
            "id": f"mairie-gen-{i:05d}",
            "name": f"Mairie de Villeneuve-sur-Généré {i}",
            "kind": "mairie",
            "commune": f"Villeneuve-sur-Généré {i}",
            "department": department,
            "latitude": round(rng.uniform(42.5, 50.9), 6),
            "longitude": round(rng.uniform(-4.5, 8.0), 6),
            "opening_hours": "Mo-Fr 09:00-12:00; PH off" if i % 2 else None,
            "note": "Site généré pour l'essai de robustesse.",
        }
        if i % 3 == 0:
            site["labels"] = [{"label": "france_services", "since": "2021-01-01"}]
        if i % 4 == 0:
            site["equipment"] = ["ilot_numerique", "wifi"]
        if i % 5 == 0:
            site["operators"] = ["caf", "cnav"]
        document["sites"].append(site)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _sites_csv(path: Path, count: int = 5000) -> Path:
    rng = random.Random(SEED)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        header = (
            "id name kind commune department latitude longitude labels equipment operators note"
        )
        writer.writerow(header.split())
        for i in range(count):
            writer.writerow(
                [
                    f"csv-{i:05d}",
                    f"Agence postale communale d'Essai {i}",
                    "agence_postale_communale" if i % 2 else "mairie",
                    f"Essai-lès-Bains {i}",
                    rng.choice(["03", "05", "32", "95", "2A"]),
                    round(rng.uniform(42.5, 50.9), 6),
                    round(rng.uniform(-4.5, 8.0), 6),
                    "france_services@2021-01-01" if i % 4 == 0 else "",
                    "ilot_numerique|imprimante" if i % 2 else "",
                    "caf|msa" if i % 3 == 0 else "",
                    "Créée par l'essai de robustesse",
                ]
            )
    return path


# ---- the tests ------------------------------------------------------------------------------


@pytest.mark.slow
@needs_shared_data
def test_killed_laposte_import_leaves_before_or_after(seeded_db: Path, tmp_path: Path) -> None:
    outcomes = _kill_repeatedly(
        "import laposte", seeded_db, tmp_path, ("import", "laposte", str(LAPOSTE_CSV))
    )
    assert len(outcomes) == ITERATIONS


@pytest.mark.slow
def test_killed_seed_load_leaves_before_or_after(seeded_db: Path, tmp_path: Path) -> None:
    seed = _big_seed(tmp_path / "big-seed.yaml")
    outcomes = _kill_repeatedly("init --seed", seeded_db, tmp_path, ("init", "--seed", str(seed)))
    assert len(outcomes) == ITERATIONS


def test_a_small_records_import_killed_three_times_leaves_before_or_after(
    seeded_db: Path, tmp_path: Path
) -> None:
    """The default run's crash test: a few kill points on a small file (the sweep below is slow)."""
    sites = _sites_csv(tmp_path / "sites.csv", count=300)
    args = ("import", "records", str(sites), "--kind", "sites")
    outcomes = _kill_repeatedly("small import records", seeded_db, tmp_path, args, iterations=3)
    assert len(outcomes) == 3


@pytest.mark.slow
def test_killed_records_import_leaves_before_or_after(seeded_db: Path, tmp_path: Path) -> None:
    sites = _sites_csv(tmp_path / "sites.csv")
    args = ("import", "records", str(sites), "--kind", "sites")
    outcomes = _kill_repeatedly("import records", seeded_db, tmp_path, args)
    assert len(outcomes) == ITERATIONS


@pytest.mark.slow
def test_killed_first_use_leaves_no_database_or_a_complete_one(tmp_path: Path) -> None:
    """The first command on a missing database creates and seeds it: killed at any moment, the
    file is absent or complete, and the next run works whatever temporary files remain."""
    print(f"\nfirst use: random seed {SEED}")
    args = ("sites", "list", "--department", "95", "--format", "json")
    references = [tmp_path / f"reference-{i}" / "presence-postale.db" for i in range(WORKERS)]
    for reference in references:
        reference.parent.mkdir()
    typical = _timed_clean_runs(references, args)
    reference = references[0]
    complete = _state(reference)
    assert all(_state(other) == complete for other in references[1:])
    expected_stdout = _run(reference, *args).stdout

    def one(iteration: int, delay: float) -> Outcome:
        where = f"first use: iteration {iteration}, seed {SEED}, kill after {delay:.3f}s"
        directory = tmp_path / f"first-{iteration}"
        directory.mkdir()
        db = directory / "presence-postale.db"
        finished, _err = _kill_after(db, args, delay)
        leftovers = tuple(sorted(p.name for p in directory.iterdir() if p.name.startswith(".")))
        for name in leftovers:  # what a killed creation leaves holds the seed: owner only
            assert (directory / name).stat().st_mode & 0o777 == 0o600, (where, name)
        if db.exists():
            found = "complete"
            assert db.stat().st_mode & 0o777 == 0o600, where
            _check(db)
            assert _state(db) == complete, f"{where}: partial database"
        else:
            found = "missing"
        rerun = _run(db, *args)
        assert rerun.returncode == 0, f"{where}: rerun failed: {rerun.stderr}"
        assert rerun.stdout == expected_stdout, where
        assert _state(db) == complete, f"{where}: the rerun left a partial database"
        # The rerun cleans up after itself: only the killed process's temporary files remain.
        after_rerun = tuple(sorted(p.name for p in directory.iterdir() if p.name.startswith(".")))
        assert set(after_rerun) <= set(leftovers), (where, after_rerun)
        shutil.rmtree(directory)
        return Outcome(iteration, delay, finished, found, leftovers)

    outcomes = _in_parallel(one, _delays("first use", typical, ITERATIONS))
    kinds = {kind: sum(1 for o in outcomes if o.found == kind) for kind in ("missing", "complete")}
    print(
        f"first use: typical {typical:.2f}s, missing {kinds['missing']}, "
        f"complete {kinds['complete']}: "
        + ", ".join(f"{o.delay:.2f}s->{o.found} {list(o.leftovers)}" for o in outcomes)
    )
    assert len(outcomes) == ITERATIONS


@pytest.mark.slow
def test_killed_records_import_read_ahead_leaves_before_or_after(
    seeded_db: Path, tmp_path: Path
) -> None:
    """A records file large enough to be read by a child (`read_ahead`): killing the command
    at any moment, the child's reading included, leaves the database before or after, and no
    child behind once its parent is gone."""
    from presence_postale.formats import read_ahead

    records = _big_seed(tmp_path / "big-records.yaml", extra_sites=1500)
    assert records.stat().st_size >= read_ahead.SMALLEST
    args = ("import", "records", str(records))
    outcomes = _kill_repeatedly("import records, read ahead", seeded_db, tmp_path, args)
    assert len(outcomes) == ITERATIONS
    deadline = time.monotonic() + 10
    while (left := _processes_reading(records)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"processes still reading {records.name}: {left}"


def _processes_reading(path: Path) -> list[int]:
    """The processes whose command line names `path` (a command, or its child)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                line = (entry / "cmdline").read_bytes()
            except OSError:
                continue  # ended meanwhile
            if str(path).encode() in line:
                found.append(int(entry.name))
    return found
