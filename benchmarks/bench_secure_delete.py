"""What `secure_delete` costs: the tool turns it on for every connection, for the whole file.

With it, SQLite overwrites with zeros what a change removes (a purged name, a deleted row)
instead of leaving it in free space. Measured on copies of one database holding 50,000
bookings, with the tool's pragmas, secure_delete on and off in alternate rounds:

- a purge: the bookings' name, e-mail and organisation erased, the file rebuilt (VACUUM) and
  the log folded into it, as `coworking purge` does;
- a deletion of every booking;
- inserting 50,000 more.

    python benchmarks/bench_secure_delete.py [--bookings 50000] [--repeat 5]

Prints the median of each, on and off, and their ratio. (Debian's SQLite has it on by
default, so the other benchmarks' figures already include it there.)
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from presence_postale.store.db import sqlite_pragmas

INSERT = (
    "INSERT INTO reservation (uid, space_id, start_at, end_at, person_name, email, category, "
    "organisation, status, channel, created_at) "
    "VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def bookings(count: int, offset: int = 0) -> list[tuple[str, ...]]:
    rows = []
    for n in range(offset, offset + count):
        day = f"2019-{1 + n % 12:02d}-{1 + n % 28:02d}"
        rows.append(
            (
                "saint-clar", f"{day} 09:00:00.000000", f"{day} 10:00:00.000000",
                f"Personne numéro {n}", f"p{n}@example.org", "soho_solo", f"Atelier {n}",
                "confirmed", "email", "2019-01-01 00:00:00.000000",
            )
        )  # fmt: skip
    return rows


def connect(path: Path, secure: bool) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in sqlite_pragmas():
        connection.execute(pragma)
    connection.execute(f"PRAGMA secure_delete = {'ON' if secure else 'OFF'}")
    return connection


def purge(connection: sqlite3.Connection, _count: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "UPDATE reservation SET person_name = NULL, email = NULL, organisation = NULL"
    )
    connection.execute("COMMIT")
    connection.execute("VACUUM")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def delete(connection: sqlite3.Connection, _count: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("DELETE FROM reservation")
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def insert(connection: sqlite3.Connection, count: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(INSERT, bookings(count, offset=count))
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-secure-delete-"))
    try:
        base = work / "base.db"
        subprocess.run(
            [sys.executable, "-m", "presence_postale", "--db", str(base), "init"],
            check=True,
            capture_output=True,
        )
        with sqlite3.connect(base) as connection:
            connection.executemany(INSERT, bookings(args.bookings))
        operations: dict[str, Callable[[sqlite3.Connection, int], None]] = {
            "purge (erase, rebuild, fold the log)": purge,
            "delete every booking": delete,
            "insert as many again": insert,
        }
        for name, operation in operations.items():
            times: dict[bool, list[float]] = {True: [], False: []}
            for round_ in range(args.repeat):
                for secure in (True, False):
                    copy = work / f"{round_}-{secure}.db"
                    shutil.copyfile(base, copy)
                    connection = connect(copy, secure)
                    started = time.perf_counter()
                    operation(connection, args.bookings)
                    times[secure].append(time.perf_counter() - started)
                    connection.close()
            on, off = statistics.median(times[True]), statistics.median(times[False])
            print(
                f"{name}, {args.bookings:,} bookings: on {on * 1000:.0f} ms, "
                f"off {off * 1000:.0f} ms, {on / off:.2f}x"
            )
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
