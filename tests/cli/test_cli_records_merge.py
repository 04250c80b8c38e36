"""Merging departments: two databases' records files imported into a third give the union,
importing either again changes nothing, and a record changed on both sides is a conflict that
names both values and leaves the database as it was. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from backends import Database, dump_database, table_counts
from records_files import export, location

Cli = Callable[..., Result]

# What each department writes after both were loaded from the same seed.
FIRST: tuple[tuple[str, ...], ...] = (
    (
        "permanences",
        "add",
        "--programme",
        "vigny-2021",
        "--agent",
        "vigny-conseillere-1",
        "--site",
        "17510A",
        "--every",
        "thursday",
        "--start",
        "09:00",
        "--end",
        "11:00",
        "--valid-from",
        "2021-05-06",
    ),
    ("permanences", "log", "1", "--date", "2021-04-27", "--visitors", "6"),
    ("sites", "update", "17510A", "--hours", "Mo-Fr 09:00-12:00", "--from", "2021-09-01"),
    (
        "coworking",
        "book",
        "saint-clar",
        "--date",
        "2019-05-14",
        "--from",
        "09:00",
        "--to",
        "12:00",
        "--name",
        "Camille Martin",
        "--category",
        "soho_solo",
        "--record",
    ),
)
SECOND: tuple[tuple[str, ...], ...] = (
    ("permanences", "cancel", "2", "--date", "2021-05-05", "--reason", "formation"),
    ("agents", "absent", "allier-mediateur", "--from", "2019-03-11", "--to", "2019-03-15"),
    ("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
     "--date", "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
     "--themes", "email"),
    ("sites", "close", "00518A", "--from", "2019-08-01", "--to", "2019-08-15",
     "--reason", "congés"),
    ("sites", "update", "00518A", "--staff", "3", "--add-label", "msap",
     "--from", "2020-01-01"),
)  # fmt: skip


def _write(cli: Cli, db: Database, commands: tuple[tuple[str, ...], ...]) -> None:
    for command in commands:
        done = cli("--db", location(db), *command)
        assert done.exit_code == 0, (command, done.stderr)


def _import(cli: Cli, db: Database, path: Path) -> Result:
    return cli("--db", location(db), "import", "records", str(path), "--format", "json")


@pytest.fixture
def departments(
    cli: Cli,
    seeded_db: Database,
    seeded_copy: Callable[[], Database],
    tmp_path: Path,
) -> tuple[Database, Database]:
    first, second = seeded_db, seeded_copy()
    _write(cli, first, FIRST)
    _write(cli, second, SECOND)
    return first, second


def _counts(db: Database) -> dict[str, int]:
    return {t: n for t, n in table_counts(db).items() if t != "commune"}


def test_two_departments_merge_into_the_union_and_again_change_nothing(
    cli: Cli,
    departments: tuple[Database, Database],
    seeded_copy: Callable[[], Database],
    empty_database: Callable[[], Database],
    tmp_path: Path,
) -> None:
    first, second = departments
    seed = _counts(seeded_copy())
    files = [export(cli, db, tmp_path / f"{n}.yaml", "--include-personal") for n, db in
             enumerate(departments)]  # fmt: skip
    merged = empty_database()
    for n in range(2):
        assert _import(cli, merged, tmp_path / f"{n}.yaml").exit_code == 0
    union = {t: _counts(first)[t] + _counts(second)[t] - seed[t] for t in seed}
    assert _counts(merged) == union
    assert union["permanence"] == seed["permanence"] + 1
    assert union["mediation_session"] == seed["mediation_session"] + 1
    assert union["site_hours_version"] == seed["site_hours_version"] + 1
    assert union["site_staff_version"] == seed["site_staff_version"] + 1
    assert union["site_label_version"] == seed["site_label_version"] + 1
    before = dump_database(merged)
    for n in range(2):
        again = _import(cli, merged, tmp_path / f"{n}.yaml")
        assert again.exit_code == 0, again.stderr
        summary = json.loads(again.stdout)
        assert (summary["created"], summary["updated"]) == (0, 0)
        assert summary["unchanged"] == files[n].count("\n- ") + files[n].count("\n  - ")
    assert dump_database(merged) == before


def test_a_record_changed_on_both_sides_is_a_conflict_and_nothing_is_imported(
    cli: Cli,
    departments: tuple[Database, Database],
    empty_database: Callable[[], Database],
    tmp_path: Path,
) -> None:
    second = departments[1]
    # The second department logs the same occurrence, with another count.
    _write(cli, second, (("permanences", "log", "1", "--date", "2021-04-27", "--visitors", "4"),))
    for n, db in enumerate(departments):
        export(cli, db, tmp_path / f"{n}.yaml")
    merged = empty_database()
    assert _import(cli, merged, tmp_path / "0.yaml").exit_code == 0
    before = dump_database(merged)
    refused = _import(cli, merged, tmp_path / "1.yaml")
    assert refused.exit_code == 1
    line = refused.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "outcomes[0].visitors : 6 dans la base, 4 dans le fichier" in line
    assert "1 conflit, rien n'est importé" in line
    assert dump_database(merged) == before


def test_a_site_version_dated_on_both_sides_is_a_conflict(
    cli: Cli,
    departments: tuple[Database, Database],
    empty_database: Callable[[], Database],
    tmp_path: Path,
) -> None:
    """Both departments gave the same site other hours from the same day."""
    second = departments[1]
    _write(cli, second, (("sites", "update", "17510A", "--hours", "Mo-Sa 08:00-12:00",
                          "--from", "2021-09-01"),))  # fmt: skip
    for n, db in enumerate(departments):
        export(cli, db, tmp_path / f"{n}.yaml")
    merged = empty_database()
    assert _import(cli, merged, tmp_path / "0.yaml").exit_code == 0
    before = dump_database(merged)
    refused = _import(cli, merged, tmp_path / "1.yaml")
    assert refused.exit_code == 1
    line = refused.stderr.strip()
    assert "hours_versions[0].opening_hours : 'Mo-Fr 09:00-12:00' dans la base, " in line
    assert "'Mo-Sa 08:00-12:00' dans le fichier" in line
    assert dump_database(merged) == before
