"""Readers and writers at once, all real processes on one database file.

- Writers (`sites close`, `coworking book`, `permanences log`, each in a loop) and several
  `report weekly` readers run together: every process succeeds, nobody sees "database is
  locked", and every write is there at the end.
- A process polling the site count with plain sqlite3, and `sites list --format json` readers,
  run during an `import laposte` of the whole file: every count observed is the count before
  the import or the count after it, never a half import.
- Several `import laposte` of the same file started at once all succeed, one after the other,
  and leave exactly what one import leaves.

Loops are bounded and every process has a timeout; nothing is timed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import pytest

from backends import Database, query, table_state
from shared_data import LAPOSTE_CSV, needs_shared_data

TIMEOUT = 180
ROUNDS = 5  # commands per writer and per reader
CLOCK_COLUMNS = frozenset({"created_at", "updated_at", "recorded_at"})


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}


def _run(db: Database | Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presence_postale", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=TIMEOUT,
    )


def _ok(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert "locked" not in result.stderr.lower(), f"{what}: {result.stderr}"
    assert "Traceback" not in result.stderr, f"{what}: {result.stderr}"
    assert result.returncode == 0, f"{what}: exit {result.returncode}: {result.stderr}"


def _count(db: Database, sql: str) -> int:
    return int(query(db, sql)[0][0])


def _state(db: Database) -> dict[str, tuple[int, str]]:
    """Per table: row count and a hash of every row by primary key (clock columns left out)."""
    return table_state(db, CLOCK_COLUMNS)


def _check(db: Database) -> None:
    result = _run(db, "db", "check")
    _ok(result, "db check")
    assert "ok : intégrité et clés étrangères" in result.stdout


def _all_at_once(jobs: list[Callable[[], object]]) -> list[object]:
    """Run every job in its own thread, released together; their results in order."""
    barrier = threading.Barrier(len(jobs))

    def start(job: Callable[[], object]) -> object:
        barrier.wait(timeout=TIMEOUT)
        return job()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = [pool.submit(start, job) for job in jobs]
        return [future.result() for future in futures]


# ---- writers and weekly readers -------------------------------------------------------------


def _weekdays(start: date, count: int) -> list[date]:
    """Days the seeded coworking space is open in the morning: Tuesday to Saturday."""
    days: list[date] = []
    day = start
    while len(days) < count:
        if 1 <= day.weekday() <= 5:
            days.append(day)
        day += timedelta(days=1)
    return days


@pytest.mark.slow
def test_weekly_readers_never_fail_while_writers_write(seeded_db: Database) -> None:
    db = seeded_db
    before = {
        table: _count(db, f"SELECT count(*) FROM {table}")
        for table in ("closure", "reservation", "permanence_outcome")
    }
    closures = [
        (
            "sites", "close", "17510A", "--from", f"2022-01-{3 + 2 * i:02d}",
            "--reason", f"travaux {i}",
        )
        for i in range(ROUNDS)
    ]  # fmt: skip
    bookings = [
        (
            "coworking", "book", "saint-clar", "--date", day.isoformat(), "--from", "09:00",
            "--to", "10:00", "--name", f"Personne {i}", "--email", f"p{i}@example.org",
            "--category", "soho_solo", "--record",
        )
        for i, day in enumerate(_weekdays(date(2019, 5, 13), ROUNDS))
    ]  # fmt: skip
    tuesdays = [date(2021, 5, 4) + timedelta(weeks=i) for i in range(ROUNDS)]
    logs = [
        (
            "permanences", "log", "1", "--date", day.isoformat(),
            "--visitors", str(i + 2), "--requests", "caf=1,cnav=1",
        )
        for i, day in enumerate(tuesdays)
    ]  # fmt: skip
    reports = [
        ("report", "weekly", "--week", "2019-W20", "--department", "32", "--format", "json"),
        ("report", "weekly", "--week", "2021-W19", "--department", "95"),
        ("report", "weekly", "--week", "2022-W01", "--department", "95", "--format", "csv"),
    ]

    def loop(commands: list[tuple[str, ...]]) -> Callable[[], list[tuple[str, str]]]:
        def run() -> list[tuple[str, str]]:
            seen = []
            for args in commands:
                result = _run(db, *args)
                _ok(result, " ".join(args))
                seen.append((" ".join(args), result.stdout))
            return seen

        return run

    jobs = [loop(closures), loop(bookings), loop(logs)]
    jobs += [loop([report] * ROUNDS) for report in reports]
    results = _all_at_once(jobs)

    for reader in results[3:]:
        assert isinstance(reader, list)
        assert all(stdout.strip() for _args, stdout in reader)
    # Every write is there.
    assert _count(db, "SELECT count(*) FROM closure") == before["closure"] + ROUNDS
    assert _count(db, "SELECT count(*) FROM reservation") == before["reservation"] + ROUNDS
    assert (
        _count(db, "SELECT count(*) FROM permanence_outcome")
        == before["permanence_outcome"] + ROUNDS
    )
    _check(db)


# ---- readers during an import ---------------------------------------------------------------

# Polls the number of sites with plain sqlite3 (a new connection each time, as a separate
# program would) until the stop file appears; the read after the stop file appeared is the
# last one, so the final state is always observed. Bounded: at most MAX_POLLS reads.
POLLER = textwrap.dedent(
    """
    import json, sqlite3, sys
    from pathlib import Path

    db, ready, stop, out = sys.argv[1:5]
    counts, errors = [], []
    for _ in range(200_000):
        stopping = Path(stop).exists()
        try:
            connection = sqlite3.connect(db, timeout=30)
            try:
                counts.append(connection.execute("SELECT count(*) FROM site").fetchone()[0])
            finally:
                connection.close()
        except sqlite3.Error as error:
            errors.append(str(error))
        if len(counts) == 1:
            Path(ready).touch()
        if stopping:
            break
    Path(out).write_text(json.dumps({"counts": counts, "errors": errors}))
    """
)


def _wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    """Until `path` exists (bounded; fails if the process that makes it died)."""
    for _ in range(6000):
        if path.exists():
            return
        if process.poll() is not None:
            raise AssertionError(f"poller ended early: {process.communicate()}")
        threading.Event().wait(0.01)
    raise AssertionError(f"{path} never appeared")


@pytest.mark.slow
@pytest.mark.sqlite_only  # the poller reads the file with plain sqlite3, as another program would
@needs_shared_data
def test_readers_during_an_import_see_before_or_after(seeded_db: Path, tmp_path: Path) -> None:
    db = seeded_db
    reference = tmp_path / "reference.db"
    shutil.copy(db, reference)
    _ok(_run(reference, "import", "laposte", str(LAPOSTE_CSV)), "reference import")
    sites_before = _count(db, "SELECT count(*) FROM site")
    sites_after = _count(reference, "SELECT count(*) FROM site")
    allier = "SELECT count(*) FROM site WHERE department_code = '03'"
    allier_before, allier_after = _count(db, allier), _count(reference, allier)
    assert sites_after > sites_before and allier_after > allier_before

    ready, stop, out = tmp_path / "ready", tmp_path / "stop", tmp_path / "counts.txt"
    poller = subprocess.Popen(
        [sys.executable, "-c", POLLER, str(db), str(ready), str(stop), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    listed: list[int] = []
    try:
        _wait_for(ready, poller)
        command = ["-m", "presence_postale", "--db", str(db), "import", "laposte", str(LAPOSTE_CSV)]
        importer = subprocess.Popen(
            [sys.executable, *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        # `sites list` readers through the tool while the import runs (and once after it).
        for _ in range(30):
            running = importer.poll() is None
            result = _run(db, "sites", "list", "--department", "03", "--format", "json")
            _ok(result, "sites list during the import")
            listed.append(len(json.loads(result.stdout)))
            if not running:
                break
        _out, err = importer.communicate(timeout=TIMEOUT)
        assert importer.returncode == 0, err
        assert "locked" not in err.lower()
    finally:
        stop.touch()
        poller.communicate(timeout=TIMEOUT)
    assert poller.returncode == 0
    polled = json.loads(out.read_text())
    counts, errors = polled["counts"], polled["errors"]

    assert errors == []
    assert set(counts) <= {sites_before, sites_after}, sorted(set(counts))
    assert counts[0] == sites_before and counts[-1] == sites_after
    assert set(listed) <= {allier_before, allier_after}, listed
    assert listed[-1] == allier_after
    print(
        f"\npoller: {len(counts)} reads ({counts.count(sites_before)} before, "
        f"{counts.count(sites_after)} after); sites list: {listed}"
    )
    assert _state(db) == _state(reference)
    _check(db)


# ---- imports at once ------------------------------------------------------------------------

IMPORTERS = 3


@pytest.mark.slow
@needs_shared_data
def test_imports_at_once_queue_and_equal_one_import(
    seeded_db: Database, seeded_copy: Callable[[], Database]
) -> None:
    reference = seeded_copy()
    single = _run(reference, "import", "laposte", str(LAPOSTE_CSV))
    _ok(single, "single import")
    created_line = single.stderr.strip().splitlines()[-1]
    assert created_line.startswith("17\u202f") and " créés" in created_line  # 17 xxx sites

    def job() -> subprocess.CompletedProcess[str]:
        return _run(seeded_db, "import", "laposte", str(LAPOSTE_CSV))

    results = _all_at_once([job] * IMPORTERS)

    lines = []
    for result in results:
        assert isinstance(result, subprocess.CompletedProcess)
        _ok(result, "import at once")
        lines.append(result.stderr.strip().splitlines()[-1])
    # One import did the work, the others waited their turn and found nothing to change.
    numbers = [int(n.replace("\u202f", "")) for n in re.findall(r"\d[\d\u202f]*", created_line)]
    total = numbers[0] + numbers[1] + numbers[2]  # created, updated, unchanged
    grouped = f"{total:,}".replace(",", "\u202f")  # French groups digits with a narrow space
    unchanged = f"0 créé, 0 modifié, {grouped} inchangés, 0 refusé"
    assert sorted(lines) == sorted([created_line] + [unchanged] * (IMPORTERS - 1)), lines
    assert _state(seeded_db) == _state(reference)
    _check(seeded_db)


# ---- first uses at once ---------------------------------------------------------------------

FIRST_USERS = 4


@pytest.mark.sqlite_only  # creating the file: temporary file, link, permissions
@pytest.mark.parametrize(
    "args",
    [
        ("sites", "list", "--department", "95", "--format", "json"),
        ("init",),
    ],
    ids=["sites-list", "init"],
)
def test_first_uses_at_once_all_succeed(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Several commands start at once on a missing database (two cron jobs on a new machine):
    one creates and seeds it, the others use that database; nobody fails."""
    reference = tmp_path / "reference" / "presence-postale.db"
    reference.parent.mkdir()
    expected = _run(reference, *args)
    _ok(expected, "first use alone")
    db = tmp_path / "shared" / "presence-postale.db"
    db.parent.mkdir()

    def job() -> subprocess.CompletedProcess[str]:
        return _run(db, *args)

    results = _all_at_once([job] * FIRST_USERS)

    for result in results:
        assert isinstance(result, subprocess.CompletedProcess)
        _ok(result, "first use at once")
    if args[0] != "init":  # init's table says created or unchanged, depending on who won
        assert {result.stdout for result in results} == {expected.stdout}
    notices = sum(
        result.stderr.startswith(("base créée : ", "base de données ")) for result in results
    )
    assert notices == 1, [result.stderr for result in results]
    assert _state(db) == _state(reference)
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(".")) == []
    _check(db)


# ---- another program holds the write lock on a new database -------------------------------

# Holds a write transaction (as the sqlite3 shell or a script would) for a while (bounded:
# about 4 s, or until released), then commits.
HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    from pathlib import Path

    db, ready, release = sys.argv[1:4]
    connection = sqlite3.connect(db, timeout=30, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO closure (uid, site_id, start_date, end_date, reason, created_at) "
            "VALUES (lower(hex(randomblob(16))), '17510A', '2030-01-01', '2030-01-02', 'tenue', "
            "'2024-01-01 00:00:00')"
        )
        Path(ready).touch()
        for _ in range(400):
            if Path(release).exists():
                break
            time.sleep(0.01)
        connection.execute("COMMIT")
    finally:
        connection.close()
    """
)


@pytest.mark.sqlite_only  # SQLite's database-wide write lock and busy timeout
def test_commands_wait_for_another_programs_write_on_a_new_database(tmp_path: Path) -> None:
    """Right after `init`, another program holds the write lock: a reader and a writer of the
    tool wait their turn (busy timeout) instead of failing with "database is locked"."""
    db = tmp_path / "presence-postale.db"
    _ok(_run(db, "init"), "init")
    ready, release = tmp_path / "ready", tmp_path / "release"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(ready), str(release)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        _wait_for(ready, holder)
        commands = [
            ("sites", "list", "--department", "95", "--format", "json"),
            ("sites", "close", "17510A", "--from", "2031-03-03", "--reason", "travaux"),
        ]
        jobs = [lambda args=args: _run(db, *args) for args in commands]
        results = _all_at_once(jobs)  # the holder commits after its bounded wait
    finally:
        release.touch()
        _out, err = holder.communicate(timeout=TIMEOUT)
    assert holder.returncode == 0, err
    for args, result in zip(commands, results, strict=True):
        assert isinstance(result, subprocess.CompletedProcess)
        _ok(result, " ".join(args))
    assert _count(db, "SELECT count(*) FROM closure WHERE reason IN ('tenue', 'travaux')") == 2
    _check(db)
