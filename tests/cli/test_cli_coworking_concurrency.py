"""Real processes booking the same slots at once: exactly one wins each slot, the others are
told who holds it, and nobody sees "database is locked"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from presence_postale.formats.seed import bundled_seed
from presence_postale.services.database import create_database

PROCESSES = 8


@pytest.fixture
def shared_db(tmp_path: Path) -> Path:
    path = tmp_path / "shared.db"
    create_database(path, seed=bundled_seed())
    return path


def _book(db: Path, person: int, start: str, end: str) -> subprocess.Popen[str]:
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


def _slots(db: Path) -> list[tuple[str, str, str]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            "SELECT start_at, end_at, email FROM reservation WHERE status = 'confirmed' "
            "ORDER BY start_at"
        ).fetchall()
    finally:
        connection.close()


def test_eight_processes_one_slot_one_winner(shared_db: Path) -> None:
    results = _run_all([_book(shared_db, i, "09:00", "12:00") for i in range(PROCESSES)])
    winners = [err for code, err in results if code == 0]
    losers = [err for code, err in results if code != 0]
    assert len(winners) == 1, results
    assert len(losers) == PROCESSES - 1
    for code, err in results:
        assert "locked" not in err.lower()
        assert "Traceback" not in err
        if code != 0:
            assert code == 1
            assert "overlaps reservation #" in err and "capacity 1" in err
            assert len(err.strip().splitlines()) == 1
    rows = _slots(shared_db)
    assert len(rows) == 1
    assert rows[0][0].startswith("2019-05-14 09:00")


def test_eight_processes_two_slots_one_winner_each(shared_db: Path) -> None:
    slots = [("14:00", "15:00"), ("15:00", "16:00")]
    processes = [_book(shared_db, i, *slots[i % 2]) for i in range(PROCESSES)]
    results = _run_all(processes)
    assert sum(1 for code, _ in results if code == 0) == 2, results
    assert all("locked" not in err.lower() for _, err in results)
    starts = [row[0][11:16] for row in _slots(shared_db)]
    assert starts == ["14:00", "15:00"]
