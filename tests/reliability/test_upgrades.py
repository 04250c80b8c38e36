"""Upgrades: a database written by the first schema version opens with today's tool, keeps every
row and reaches `schema.HEAD`.

`tests/data/schema-0001.db` was made by `tests/data/make_schema_0001_db.py` (revision 0001 only,
rows in every table written with raw SQL). The tests work on a copy in tmp_path; the committed
file is never modified (checked). Expectations are computed from `schema.revisions()`, so they
stay meaningful when a migration 0002 lands: the pending list is then non-empty, and `db status`
must list it before anything upgrades the copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from presence_postale.store import schema

pytestmark = pytest.mark.sqlite_only  # the committed schema-0001 SQLite file

COMMITTED = Path(__file__).resolve().parents[1] / "data" / "schema-0001.db"
FIRST = "0001"
TIMEOUT = 120

Rows = dict[str, tuple[list[str], list[tuple[object, ...]]]]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_DB"}


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presence_postale", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=TIMEOUT,
    )


def _ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def _rows(path: Path) -> Rows:
    """Every table (but Alembic's): its columns and its rows by primary key."""
    found: Rows = {}
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        for table in tables:
            info = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = [row[1] for row in info]
            keys = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]] or columns
            rows = connection.execute(
                f'SELECT * FROM "{table}" ORDER BY {", ".join(f"{k!r}" for k in keys)}'
            ).fetchall()
            found[table] = (columns, rows)
    return found


def _version(path: Path) -> str | None:
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


# Values a migration converts on purpose, by table, column and primary key: 0003 gives the
# sessions the Coop's age-band codes and reads the free-text redirection `CCAS` into the
# Coop's list (the words move to `redirection_detail`, checked below).
CONVERTED: dict[tuple[str, str], dict[object, object]] = {
    ("mediation_session", "age_bands"): {
        1: '{"soixante_dix_plus": 1}',
        2: '{"soixante_soixante_neuf": 3, "soixante_dix_plus": 1}',
    },
    ("mediation_session", "redirection"): {2: "aide_sociale"},
}


# Values a migration moves on purpose: 0006 makes a site's hours, staff count and labels
# histories, each value a first version valid since the beginning (0001-01-01).
MOVED_COLUMNS = {
    ("site", "opening_hours"): "site_hours_version",
    ("site", "staff_count"): "site_staff_version",
}
MOVED_TABLES = {"site_label": "site_label_version"}
SINCE_THE_BEGINNING = "0001-01-01"


def _first_versions(rows: Rows, table: str, value_columns: list[str]) -> set[tuple[Any, ...]]:
    """(site_id, *value_columns) of the versions of `table` valid since the beginning."""
    columns, found = rows[table]
    picked = [columns.index(c) for c in ("site_id", *value_columns)]
    start = columns.index("valid_from")
    return {tuple(row[i] for i in picked) for row in found if row[start] == SINCE_THE_BEGINNING}


def _assert_moved_kept(old: Rows, new: Rows) -> None:
    """Every value 0006 moves is in its history, as the version valid since the beginning."""
    if "site" in old and "site_hours_version" in new:
        columns, rows = old["site"]
        for (_table, column), history in MOVED_COLUMNS.items():
            if column not in columns:
                continue
            where = columns.index(column)
            given = {(row[0], row[where]) for row in rows if row[where] is not None}
            assert _first_versions(new, history, [column]) == given, column
    if "site_label" in old and "site_label" not in new:
        columns, rows = old["site_label"]
        picked = [columns.index(c) for c in ("site_id", "label", "since", "detail")]
        given = {tuple(row[i] for i in picked) for row in rows}
        held = _first_versions(new, "site_label_version", ["label", "since", "detail"])
        assert held == given


def _assert_rows_kept(old: Rows, new: Rows) -> None:
    """Every table of the old file is still there with every row; in the columns both versions
    have, the values are the same (a later migration may add columns, never lose values) but
    for the conversions listed in CONVERTED and the values MOVED_* lists, found in their
    histories."""
    _assert_moved_kept(old, new)
    for table, (old_columns, old_rows) in old.items():
        if table in MOVED_TABLES and table not in new:
            continue
        assert table in new, f"table {table} disappeared"
        old_columns = [
            c for c in old_columns if (table, c) not in MOVED_COLUMNS or c in new[table][0]
        ]
        new_columns, new_rows = new[table]
        assert len(new_rows) == len(old_rows), (table, len(old_rows), len(new_rows))
        shared = [c for c in old_columns if c in new_columns]
        assert shared == old_columns, f"{table} lost columns {set(old_columns) - set(shared)}"
        picked = [new_columns.index(c) for c in shared]
        every = old[table][0]
        expected = [
            tuple(
                CONVERTED.get((table, column), {}).get(row[0], value)
                for column, value in zip(every, row, strict=True)
                if column in old_columns
            )
            for row in old_rows
        ]
        assert [tuple(row[i] for i in picked) for row in new_rows] == expected, table
    if "mediation_session" in new:
        columns, rows = new["mediation_session"]
        detail = columns.index("redirection_detail")
        assert [row[detail] for row in rows] == [None, "CCAS"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module", autouse=True)
def committed_file_untouched() -> Iterator[None]:
    assert COMMITTED.exists(), "run tests/data/make_schema_0001_db.py"
    before = _sha256(COMMITTED)
    yield
    assert _sha256(COMMITTED) == before, "the committed schema-0001.db was modified"
    for side in ("-wal", "-shm", "-journal"):
        assert not Path(f"{COMMITTED}{side}").exists()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    copy = tmp_path / "schema-0001-copy.db"
    shutil.copyfile(COMMITTED, copy)
    copy.chmod(0o600)
    return copy


def _pending_after(revision: str) -> list[str]:
    known = schema.revisions()
    return known[known.index(revision) + 1 :]


# ---- the committed file ---------------------------------------------------------------------


def test_the_committed_file_is_revision_0001_with_rows_in_every_table(old_db: Path) -> None:
    assert _version(old_db) == FIRST
    rows = _rows(old_db)
    empty = [table for table, (_columns, found) in rows.items() if not found]
    assert empty == []
    # Every table revision 0001 creates is in the file.
    from presence_postale.store import db as store

    fresh = old_db.with_name("fresh-0001.db")
    store.create_file(fresh)
    engine = store.make_engine(f"sqlite:///{fresh}")
    try:
        schema.upgrade(engine, FIRST)
    finally:
        engine.dispose()
    assert set(_rows(fresh)) == set(rows)


def test_schema_status_of_the_old_file_lists_what_is_pending(old_db: Path) -> None:
    from presence_postale.store import db as store

    engine = store.make_engine(f"sqlite:///{old_db}")
    try:
        status = schema.status(engine)
    finally:
        engine.dispose()
    assert status.current == FIRST
    assert status.head == schema.HEAD
    assert list(status.pending) == _pending_after(FIRST)


# ---- through the tool -----------------------------------------------------------------------


def test_db_status_lists_pending_migrations_then_upgrade_keeps_every_row(old_db: Path) -> None:
    old = _rows(old_db)
    pending = _pending_after(FIRST)

    status = json.loads(_ok(_run(old_db, "db", "status", "--format", "json")).stdout)
    # The file as it is: its own version and every migration still to apply (none while HEAD
    # is 0001). `db status` must not hide pending migrations by applying them first.
    assert status["schema_version"] == FIRST
    assert status["pending"] == pending
    assert status["schema_head"] == schema.HEAD
    # (A table a later migration replaces is not the tool's any more: not counted.)
    assert {t: n for t, n in status["tables"].items() if t in old} == {
        t: len(found) for t, (_c, found) in old.items() if t not in MOVED_TABLES
    }

    upgrade = _ok(_run(old_db, "db", "upgrade"))
    if pending:
        assert upgrade.stderr.strip() == f"migrations appliquées : {', '.join(pending)}"
    else:
        assert upgrade.stderr.strip() == "le schéma est déjà à jour"
    assert _version(old_db) == schema.HEAD
    _assert_rows_kept(old, _rows(old_db))

    after = json.loads(_ok(_run(old_db, "db", "status", "--format", "json")).stdout)
    assert after["schema_version"] == schema.HEAD
    assert after["pending"] == []
    assert _ok(_run(old_db, "db", "check")).stdout.strip() == "ok : intégrité et clés étrangères"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("sites", "list", "--format", "json"), "Bureau de poste de Vigny"),
        (("sites", "show", "17510A", "--format", "json"), "france_services"),
        (("permanences", "list", "--format", "json"), "FREQ=WEEKLY;BYDAY=TU"),
        (("report", "weekly", "--week", "2021-W18", "-d", "95", "--format", "json"), "17510A"),
        (("coworking", "usage", "--month", "2019-05", "--format", "json"), "saint-clar"),
        (("mediation", "report", "--from", "2019-03-01", "--to", "2019-03-31"), "00518A"),
        (("db", "check"), "ok : intégrité et clés étrangères"),
    ],
    ids=[
        "sites-list",
        "sites-show",
        "permanences-list",
        "report-weekly",
        "coworking-usage",
        "mediation-report",
        "db-check",
    ],
)
def test_any_command_opens_the_old_file_and_keeps_every_row(
    old_db: Path, args: tuple[str, ...], expected: str
) -> None:
    old = _rows(old_db)

    result = _ok(_run(old_db, *args))

    assert expected in result.stdout
    assert _version(old_db) == schema.HEAD
    _assert_rows_kept(old, _rows(old_db))
