"""Merging departments: two databases' records files imported into a third give the union,
importing either again changes nothing, and a record changed on both sides is a conflict that
names both values and leaves the database as it was. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
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
    assert "outcomes[0].visitors : « 6 » dans la base, « 4 » dans le fichier" in line
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
    assert "hours_versions[0].opening_hours : « Mo-Fr 09:00-12:00 » dans la base, " in line
    assert "« Mo-Sa 08:00-12:00 » dans le fichier" in line
    assert dump_database(merged) == before


def _notes_edited(cli: Cli, departments: tuple[Database, Database]) -> None:
    """Each department changes a field of a record the seed gave both: the file cannot tell
    which side changed it."""
    first, second = departments
    _write(cli, first, (("sites", "update", "05651A", "--note", "Travaux en mars (Gers)"),))
    _write(cli, second, (("sites", "update", "00486A", "--note", "Nouvelle borne (Allier)"),))


def _note(cli: Cli, db: Database, site: str) -> str:
    shown = cli("--db", location(db), "sites", "show", site, "-f", "json")
    return str(json.loads(shown.stdout)["note"])


def test_a_dry_run_lists_every_difference_and_writes_nothing(
    cli: Cli, departments: tuple[Database, Database], tmp_path: Path
) -> None:
    _notes_edited(cli, departments)
    first, second = departments
    path = tmp_path / "allier.yaml"
    export(cli, second, path)
    before = dump_database(first)
    shown = cli("--db", location(first), "import", "records", str(path), "--dry-run")
    assert shown.exit_code == 1
    assert len(shown.stderr.strip().splitlines()) == 1
    assert "2 conflits, rien n'est importé (--dry-run les liste" in shown.stderr
    table = shown.stdout
    assert "dans la base" in table and "dans le fichier" in table
    assert "'Nouvelle borne (Allier)'" not in table  # values as they are, not as Python writes
    assert "Nouvelle borne (Allier)" in table and "Travaux en mars (Gers)" in table
    listed = cli("--db", location(first), "import", "records", str(path), "--dry-run", "-f", "json")
    rows = {(row["record"], row["field"]): row for row in json.loads(listed.stdout)}
    assert len(rows) == 2
    allier = next(row for row in rows.values() if row["theirs"] == "Nouvelle borne (Allier)")
    gers = next(row for row in rows.values() if row["ours"] == "Travaux en mars (Gers)")
    assert allier["field"] == gers["field"] == "note"
    assert path.read_text("utf-8").splitlines()[allier["line"] - 1].strip() == (
        "note: Nouvelle borne (Allier)"
    )
    assert dump_database(first) == before


def test_replace_takes_the_files_values_and_keeps_every_row(
    cli: Cli, departments: tuple[Database, Database], tmp_path: Path
) -> None:
    _notes_edited(cli, departments)
    first, second = departments
    path = tmp_path / "allier.yaml"
    export(cli, second, path, "--include-personal")
    counts = _counts(first)
    tried = cli("--db", location(first), "import", "records", str(path), "--dry-run",
                "--replace", "-f", "json")  # fmt: skip
    assert tried.exit_code == 0, tried.stderr
    assert json.loads(tried.stdout)["updated"] >= 2
    done = cli("--db", location(first), "import", "records", str(path), "--replace")
    assert done.exit_code == 0, done.stderr

    assert _note(cli, first, "00486A") == "Nouvelle borne (Allier)"
    assert _note(cli, first, "05651A") != "Travaux en mars (Gers)"  # the file's value won
    after = _counts(first)
    assert all(after[table] >= count for table, count in counts.items()), (counts, after)
    # The file is now what the database holds: importing it again changes nothing.
    again = _import(cli, first, path)
    assert again.exit_code == 0, again.stderr
    assert (json.loads(again.stdout)["created"], json.loads(again.stdout)["updated"]) == (0, 0)


def _sections(path: Path) -> dict[str, list[dict[str, object]]]:
    document = yaml.safe_load(path.read_text("utf-8"))
    return {name: rows for name, rows in document.items() if isinstance(rows, list)}


HUNG_ON_SITES = ("sites", "hours_versions", "staff_versions", "label_versions", "closures",
                 "permanences", "occurrence_changes", "outcomes", "revisions", "spaces",
                 "reservations", "waitlist", "mediation_sessions")  # fmt: skip


def test_each_departments_export_holds_its_part_and_together_the_whole(
    cli: Cli, departments: tuple[Database, Database], tmp_path: Path
) -> None:
    """Every record hanging on a site is in the file of that site's department only; the
    records all departments share are in every file, whole."""
    second = departments[1]
    _write(cli, second, FIRST)  # records of Vigny (95) too
    export(cli, second, tmp_path / "all.yaml", "--include-personal")
    whole = _sections(tmp_path / "all.yaml")
    codes = sorted({str(site["department"]) for site in whole["sites"]})
    assert {"03", "32", "95"} <= set(codes)
    for code in codes:
        export(cli, second, tmp_path / f"{code}.yaml", "-d", code, "--include-personal")
    parts = {code: _sections(tmp_path / f"{code}.yaml") for code in codes}
    for name, rows in whole.items():
        if name in HUNG_ON_SITES:
            together = [row for code in codes for row in parts[code].get(name, [])]
            assert sorted(together, key=repr) == sorted(rows, key=repr), name
        else:
            assert all(parts[code][name] == rows for code in codes), name
    allier = parts["03"]
    assert {site["department"] for site in allier["sites"]} == {"03"}
    assert any(c["site"] == "00518A" for c in allier["closures"])
    assert not any(c.get("site") == "17510A" for c in allier.get("permanences", []))


def test_a_department_brings_its_changes_into_the_shared_database_and_no_other(
    cli: Cli,
    departments: tuple[Database, Database],
    tmp_path: Path,
    seeded_copy: Callable[[], Database],
) -> None:
    """The Allier's file carries its own sites' edits only: the shared database keeps the
    Gers' edit, takes the Allier's after a dry run named it, and every row of both stays."""
    _notes_edited(cli, departments)
    shared, allier = departments
    seed, before, theirs = _counts(seeded_copy()), _counts(shared), _counts(allier)
    path = tmp_path / "allier.yaml"
    export(cli, allier, path, "--department", "03", "--include-personal")
    listed = cli("--db", location(shared), "import", "records", str(path), "--dry-run",
                 "-f", "json")  # fmt: skip
    assert listed.exit_code == 1
    [row] = json.loads(listed.stdout)
    assert (row["field"], row["theirs"]) == ("note", "Nouvelle borne (Allier)")
    done = cli("--db", location(shared), "import", "records", str(path), "--replace")
    assert done.exit_code == 0, done.stderr

    assert _note(cli, shared, "00486A") == "Nouvelle borne (Allier)"
    assert _note(cli, shared, "05651A") == "Travaux en mars (Gers)"
    # Everything the Allier added, but its cancelling of a Vigny permanence (17443A, 95).
    elsewhere = {"permanence_exception": 1, "occurrence_revision": 1}
    after = _counts(shared)
    assert after == {t: before[t] + theirs[t] - seed[t] - elsewhere.get(t, 0) for t in seed}


def test_a_dry_run_lists_every_difference_of_one_site_its_links_too(
    cli: Cli, departments: tuple[Database, Database], tmp_path: Path
) -> None:
    """A site that differs in a field and in its equipment shows both: the equipment's
    difference was found only once the field's was settled."""
    first, second = departments
    _write(cli, first, (("sites", "update", "00486A", "--lat", "46.4",
                         "--add-equipment", "imprimante"),))  # fmt: skip
    _write(cli, second, (("sites", "update", "00486A", "--add-equipment", "wifi"),))
    path = tmp_path / "allier.yaml"
    export(cli, second, path)
    before = dump_database(first)
    listed = cli("--db", location(first), "import", "records", str(path), "--dry-run",
                 "-f", "json")  # fmt: skip
    assert listed.exit_code == 1
    found = {(row["record"], row["field"]): (row["ours"], row["theirs"]) for row in
             json.loads(listed.stdout)}  # fmt: skip
    site = next(record for record, field in found if field == "latitude")
    assert found[(site, "latitude")][0] == 46.4
    assert found[(site, "equipment")] == (
        ["ilot_numerique", "imprimante"],
        ["ilot_numerique", "wifi"],
    )
    assert "2 conflits" in listed.stderr
    assert dump_database(first) == before
