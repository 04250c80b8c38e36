"""The two readers of whole tables (`store.rows`): through a session, and through SQLite's own
driver for a current file; the same rows, value for value and type for type, in every table of
a database where each kind of column holds values; and a re-import that changes nothing never
loads SQLAlchemy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from backends import Database
from presence_postale.store.rows import WALL_CLOCK, DriverRows, SessionRows

pytestmark = pytest.mark.sqlite_only  # the driver reads SQLite files


def _everything(cli: Callable[..., Result]) -> None:
    """Rows of every kind of column: a booking (wall-clock times, UTC instants), a mediation
    session (JSON lists and mappings); the seed holds the rest (dates, times, booleans)."""
    steps = [
        ("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00",
         "--to", "12:00", "--name", "Camille Martin", "--category", "soho_solo", "--record"),
        ("coworking", "mark", "1", "--attended"),
        ("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur", "--date",
         "2019-03-26", "--start", "13:00", "--duration", "120", "--type", "collectif",
         "--participants", "3", "--themes", "email", "--age-bands",
         "soixante_soixante_neuf=2,soixante_dix_plus=1", "--communes", "03235=2,03173=1"),
    ]  # fmt: skip
    for step in steps:
        done = cli(*step)
        assert done.exit_code == 0, done.stderr


def _tables(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as connection:
        found = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return sorted(name for (name,) in found if name != "alembic_version")


def _typed(rows: list[dict[str, Any]]) -> list[dict[str, tuple[type, Any]]]:
    return [{key: (value.__class__, value) for key, value in row.items()} for row in rows]


def test_both_readers_give_the_same_rows_in_every_table(
    cli: Callable[..., Result], seeded_db: Database, engine: Any
) -> None:
    from presence_postale.store.db import session
    from presence_postale.store.models import metadata

    _everything(cli)
    assert isinstance(seeded_db, Path)
    kinds: set[type] = set()
    with session(engine) as db, closing(sqlite3.connect(seeded_db)) as connection:
        by_session, by_driver = SessionRows(db), DriverRows(connection)
        assert set(_tables(seeded_db)) == set(metadata().tables)
        for table in _tables(seeded_db):
            assert sorted(by_driver.columns(table)) == sorted(by_session.columns(table)), table
            for column in by_session.columns(table):
                assert by_driver.written_as(table, column) == by_session.written_as(
                    table, column
                ), (table, column)
            order = by_session.columns(table)[:1]
            expected = list(by_session.rows(table, order=order))
            found = list(by_driver.rows(table, order=order))
            assert _typed(found) == _typed(expected), table
            kinds.update(value.__class__ for row in found for value in row.values())
    assert {date, datetime, time, bool, list, dict, float, int, str} <= kinds


def test_the_wall_clock_columns_are_the_naive_ones_of_the_tables() -> None:
    from sqlalchemy import DateTime, TypeDecorator

    from presence_postale.store.models import metadata

    naive = {
        (table.name, column.name)
        for table in metadata().tables.values()
        for column in table.columns
        if isinstance(column.type, DateTime) and not isinstance(column.type, TypeDecorator)
    }
    assert naive == WALL_CLOCK


def test_a_reimport_that_changes_nothing_never_loads_sqlalchemy(
    cli: Callable[..., Result], seeded_db: Database, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    assert cli("export", "records", "--format", "json", "-o", str(exported)).exit_code == 0
    program = (
        "import sys\n"
        "from presence_postale.cli.app import main\n"
        f"sys.argv = ['presence-postale', '--db', {str(seeded_db)!r}, 'import', 'records',"
        f" {str(exported)!r}]\n"
        "try:\n    main()\nexcept SystemExit as end:\n    assert not end.code, end.code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'sqlmodel')))\n"
        "print(len(loaded), loaded[:3])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0 []"
    assert "inchangé" in done.stderr and "0 créé" in done.stderr


def test_an_export_read_through_either_reader_is_the_same(
    cli: Callable[..., Result], seeded_db: Database, engine: Any
) -> None:
    from presence_postale.formats.exports import records_json, records_yaml
    from presence_postale.services import records_export
    from presence_postale.store.db import session

    _everything(cli)
    assert isinstance(seeded_db, Path)
    for personal in (False, True):
        with session(engine) as db:
            expected = records_export.records(db, include_personal=personal)
        with closing(sqlite3.connect(seeded_db)) as connection:
            found = records_export.records_of(DriverRows(connection), include_personal=personal)
        assert found == expected
        for write in (records_yaml, records_json):
            assert write(found.sections, found.left_out) == write(
                expected.sections, expected.left_out
            )
    assert "reservations" in found.sections and "mediation_sessions" in found.sections
