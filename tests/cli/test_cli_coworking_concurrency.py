"""Real processes booking the same slots at once: exactly one wins each slot, the others are
told who holds it, and nobody sees "database is locked". On SQLite the writers queue on the
database lock; on PostgreSQL (the suite's PostgreSQL run) on the space's row lock. One slot
raced by many bookers beside a CPU load: tests/reliability/test_racing_writers.py."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from backends import Database, query

PROCESSES = 8


@pytest.fixture
def shared_db(seeded_db: Database) -> Database:
    return seeded_db


def _book(db: Database, person: int, start: str, end: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "presence_postale",
            "--db",
            str(db),
            "coworking",
            "book",
            "saint-clar",
            "--date",
            "2019-05-14",
            "--from",
            start,
            "--to",
            end,
            "--name",
            f"Person {person}",
            "--email",
            f"p{person}@example.org",
            "--category",
            "soho_solo",
            "--record",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _run_all(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str]]:
    results = []
    for process in processes:
        _out, err = process.communicate(timeout=120)
        results.append((process.returncode, err))
    return results


def _slots(db: Database) -> list[tuple[str, str, str]]:
    return query(  # type: ignore[return-value]
        db,
        "SELECT start_at, end_at, email FROM reservation WHERE status = 'confirmed' "
        "ORDER BY start_at",
    )


def test_eight_processes_two_slots_one_winner_each(shared_db: Database) -> None:
    slots = [("14:00", "15:00"), ("15:00", "16:00")]
    processes = [_book(shared_db, i, *slots[i % 2]) for i in range(PROCESSES)]
    results = _run_all(processes)
    assert sum(1 for code, _ in results if code == 0) == 2, results
    assert all("locked" not in err.lower() for _, err in results)
    starts = [row[0][11:16] for row in _slots(shared_db)]
    assert starts == ["14:00", "15:00"]


def test_eight_processes_on_postgresql_one_winner(postgres: str) -> None:
    """The same race on a PostgreSQL database whatever this run's backend: the bookers of the
    space queue on its row lock, and exactly one gets the slot."""
    from backends import create_schema, create_server_database, drop_server_database
    from presence_postale.formats.seed import bundled_seed

    database = create_server_database(base=postgres)
    try:
        create_schema(database, seed=bundled_seed())
        results = _run_all([_book(database, i, "09:00", "12:00") for i in range(PROCESSES)])
        assert sum(1 for code, _ in results if code == 0) == 1, results
        for code, err in results:
            assert "Traceback" not in err and "database error" not in err, err
            if code != 0:
                assert "chevauche la réservation n°" in err and "capacité 1" in err
        assert len(_slots(database)) == 1
    finally:
        drop_server_database(database.name, base=postgres)
