"""`import records` of a file whose records the database holds already: those are counted
unchanged without being checked again, the others checked and loaded; a value of another type
than the stored one (`1` for `true`, `2.0` for `2`) is never taken for it; the same record
twice is refused."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from backends import Database, dump_database, table_counts

Cli = Callable[..., Result]


def exported(cli: Cli, tmp_path: Path, fmt: str) -> Path:
    path = tmp_path / f"export.{fmt}"
    done = cli("export", "records", "--include-personal", "--format", fmt, "-o", str(path))
    assert done.exit_code == 0, done.stderr
    return path


def imported(cli: Cli, path: Path) -> dict[str, int]:
    done = cli("import", "records", str(path), "--format", "json")
    assert done.exit_code == 0, done.stderr
    data = json.loads(done.stdout)
    return {outcome: data[outcome] for outcome in ("created", "updated", "unchanged")}


def imported_unchanged(cli: Cli, db: Database, path: Path) -> None:
    """Importing `path` counts every record unchanged and writes nothing."""
    before = dump_database(db)
    counts = imported(cli, path)
    assert counts["created"] == counts["updated"] == 0 and counts["unchanged"] > 100
    assert dump_database(db) == before


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_an_export_imported_again_is_unchanged_and_writes_nothing(
    cli: Cli, seeded_db: Database, tmp_path: Path, fmt: str
) -> None:
    imported_unchanged(cli, seeded_db, exported(cli, tmp_path, fmt))


def test_a_changed_record_is_loaded_and_the_others_left_alone(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    path = exported(cli, tmp_path, "json")
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["exported"]  # this database's own records, changed: applied, not merged
    vigny = next(site for site in document["sites"] if site["id"] == "17510A")
    vigny["name"] = "Vigny, bureau rénové"
    document["sites"].append({"id": "NOUVEAU1", "name": "Mairie neuve", "kind": "mairie"})
    path.write_text(json.dumps(document), encoding="utf-8")
    total = sum(len(rows) for rows in document.values() if isinstance(rows, list))
    before = table_counts(seeded_db)
    assert imported(cli, path) == {"created": 1, "updated": 1, "unchanged": total - 2}
    assert table_counts(seeded_db)["site"] == before["site"] + 1
    shown = json.loads(cli("sites", "show", "17510A", "--format", "json").stdout)
    assert shown["name"] == "Vigny, bureau rénové"


@pytest.mark.parametrize(
    ("section", "field", "stored", "value", "reason"),
    [
        ("agents", "illustrative", True, 1, "et non le nombre 1"),  # 1 == True in Python
        ("sites", "postcode", "95450", 95450, "entre guillemets"),
    ],
)
def test_a_value_equal_to_the_stored_one_but_of_another_type_is_refused(
    cli: Cli,
    seeded_db: Database,
    tmp_path: Path,
    section: str,
    field: str,
    stored: object,
    value: object,
    reason: str,
) -> None:
    path = exported(cli, tmp_path, "json")
    document = json.loads(path.read_text(encoding="utf-8"))
    rows = document[section]
    record = next(row for row in rows if row.get(field) == stored)
    record[field] = value
    path.write_text(json.dumps(document), encoding="utf-8")
    before = dump_database(seeded_db)
    refused = cli("import", "records", str(path))
    assert refused.exit_code == 1
    assert f"{section}[{rows.index(record)}].{field}" in refused.stderr
    assert reason in refused.stderr and "Traceback" not in refused.stderr
    assert dump_database(seeded_db) == before


def test_a_value_of_another_type_the_check_takes_is_checked_and_unchanged(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    """18 for a stored 18.0 hours a week: not the stored value as written, so checked, and
    the check makes it the same."""
    path = exported(cli, tmp_path, "json")
    document = json.loads(path.read_text(encoding="utf-8"))
    agent = next(row for row in document["agents"] if row.get("weekly_hours") == 18.0)
    agent["weekly_hours"] = 18
    path.write_text(json.dumps(document), encoding="utf-8")
    imported_unchanged(cli, seeded_db, path)


def test_dates_given_as_iso_text_are_the_stored_dates(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    """YAML reads `2021-04-26` as a date; as JSON carries it, and quoted in YAML, it is text:
    the same value once checked, so unchanged."""
    path = exported(cli, tmp_path, "yaml")
    text = path.read_text(encoding="utf-8")
    quoted = tmp_path / "quoted.yaml"
    dates = re.compile(r"^( +[a-z_]+: )([0-9]{4}-[0-9]{2}-[0-9]{2})$", re.MULTILINE)
    quoted.write_text(dates.sub(r"\1'\2'", text), encoding="utf-8")
    assert quoted.read_text(encoding="utf-8") != text
    imported_unchanged(cli, seeded_db, quoted)


def test_the_same_record_twice_is_refused_even_when_both_are_held(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    path = exported(cli, tmp_path, "json")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["sites"].append(dict(document["sites"][3]))
    path.write_text(json.dumps(document), encoding="utf-8")
    before = dump_database(seeded_db)
    refused = cli("import", "records", str(path))
    assert refused.exit_code == 1
    last = len(document["sites"]) - 1
    assert f"sites[{last}] : le même enregistrement que sites[3]" in refused.stderr
    assert dump_database(seeded_db) == before


def test_instants_stored_finer_than_the_file_writes_them_are_the_same(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    """`coworking cancel` and `mark` store the microseconds, the file the second: a record read
    and checked in full (a YAML export with a comment added goes through the exact reader) is
    the stored one, not another database's changed on both sides."""
    for start, end in (("09:00", "12:00"), ("14:00", "16:00")):
        booked = cli("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", start,
                     "--to", end, "--name", "Camille Martin", "--category", "soho_solo",
                     "--record")  # fmt: skip
        assert booked.exit_code == 0, booked.stderr
    for step in (("coworking", "mark", "1", "--attended"), ("coworking", "cancel", "2")):
        assert cli(*step).exit_code == 0
    text = exported(cli, tmp_path, "yaml").read_text(encoding="utf-8")
    # Quoted when YAML would read it as an instant: not at a whole minute (no seconds written).
    assert re.search(r"cancelled_at: '?[0-9-]+T[0-9:]+\+00:00'?\n", text)
    commented = tmp_path / "commented.yaml"
    commented.write_text(text.replace("\nreservations:", "\n# relu\nreservations:"), "utf-8")
    imported_unchanged(cli, seeded_db, commented)
