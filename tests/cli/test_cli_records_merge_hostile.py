"""Merging two departments' databases made from the same seed, when they disagree in ways a
delegate may not expect: the same closure and absence entered in each (two identifiers), a
site moved to another department in one. No row is lost or doubled, every refusal is one
French line, and a difference is named as the file names it, on its own line. On SQLite and
on PostgreSQL."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from backends import Database, dump_database, table_counts
from records_files import export, location

Cli = Callable[..., Result]
BOTH = (
    ("sites", "close", "00518A", "--from", "2019-08-01", "--to", "2019-08-15",
     "--reason", "congés"),
    ("agents", "absent", "allier-mediateur", "--from", "2019-04-01", "--to", "2019-04-05"),
)  # fmt: skip


def _write(cli: Cli, db: Database, *commands: tuple[str, ...]) -> None:
    for command in commands:
        done = cli("--db", location(db), *command)
        assert done.exit_code == 0, (command, done.stderr)


def _import(cli: Cli, db: Database, path: Path, *options: str) -> Result:
    return cli("--db", location(db), "import", "records", str(path), *options)


@pytest.fixture
def pair(
    cli: Cli, seeded_db: Database, seeded_copy: Callable[[], Database]
) -> tuple[Database, Database]:
    return seeded_db, seeded_copy()


def test_the_same_closure_entered_in_both_databases_is_not_doubled(
    cli: Cli, pair: tuple[Database, Database], tmp_path: Path
) -> None:
    first, second = pair
    for db in pair:
        _write(cli, db, *BOTH)
    path = tmp_path / "allier.yaml"
    text = export(cli, second, path, "--department", "03")
    before = dump_database(first)
    for options in ((), ("--dry-run",), ("--replace",)):
        done = _import(cli, first, path, *options)
        assert done.exit_code == 1, options
        (line,) = done.stderr.splitlines()
        assert re.fullmatch(
            rf"erreur : {re.escape(str(path))} : ligne \d+ : closures\[0\] : la base a déjà le "
            r"même enregistrement sous l'identifiant [0-9a-f-]{36} : saisi dans chaque base \? "
            r"Donner cet uid à celui du fichier, ou retirer son uid ; rien n'est importé",
            line,
        ), line
        assert dump_database(first) == before
    # As the refusal says: without their uids, they are found as the same records.
    path.write_text(re.sub(r"(closures|absences):\n  - uid: [0-9a-f-]+\n    ", r"\1:\n  - ",
                           text), encoding="utf-8")  # fmt: skip
    counts = table_counts(first)
    done = _import(cli, first, path)
    assert done.exit_code == 0, done.stderr
    assert table_counts(first) == counts


@pytest.mark.parametrize(("agent", "refused"), [("allier-mediateur", True), (None, False)])
def test_the_same_permanence_of_one_agent_entered_in_both_databases_is_not_doubled(
    cli: Cli, pair: tuple[Database, Database], tmp_path: Path, agent: str | None, refused: bool
) -> None:
    """Another agent's permanence at the same place and time is another permanence (two
    agents may hold one together); the same agent's is the same one, entered twice."""
    first, second = pair
    add = ("permanences", "add", "--programme", "allier-mediation-2019", "--site", "00502A",
           "--every", "monday", "--start", "14:00", "--end", "16:00", "--valid-from",
           "2019-03-04")  # fmt: skip
    _write(cli, first, (*add, "--agent", "allier-mediateur"))
    _write(cli, second, (*add, "--agent", agent) if agent else add)
    path = tmp_path / "allier.yaml"
    export(cli, second, path, "--department", "03")
    counts = table_counts(first)
    done = _import(cli, first, path)
    if refused:
        assert done.exit_code == 1
        assert re.search(r" : permanences\[\d+\] : la base a déjà le même enregistrement ",
                         done.stderr), done.stderr  # fmt: skip
        assert table_counts(first) == counts
    else:
        assert done.exit_code == 0, done.stderr
        assert table_counts(first)["permanence"] == counts["permanence"] + 1


def test_a_site_moved_to_another_department_is_named_field_by_field(
    cli: Cli, pair: tuple[Database, Database], tmp_path: Path
) -> None:
    first, second = pair
    _write(cli, second, ("sites", "update", "00486A", "--insee", "95287", "--postcode", "95810",
                         "--commune", "Grisy-les-Plâtres"))  # fmt: skip
    path = tmp_path / "val-d-oise.yaml"
    lines = export(cli, second, path, "--department", "95").splitlines()
    before = dump_database(first)
    listed = _import(cli, first, path, "--dry-run", "--format", "json")
    assert listed.exit_code == 1 and len(listed.stderr.splitlines()) == 1
    rows = {row["field"]: row for row in json.loads(listed.stdout)}
    # The file's own names, each on its own line; no search key the file does not carry.
    assert set(rows) == {"postcode", "commune", "insee_code", "department"}
    for field, row in rows.items():
        assert lines[row["line"] - 1].strip().startswith(f"{field}:"), (field, row["line"])
    assert (rows["department"]["ours"], rows["department"]["theirs"]) == ("03", "95")
    assert dump_database(first) == before
    # Taken, the site moves; no table loses or gains a row.
    counts = table_counts(first)
    done = _import(cli, first, path, "--replace")
    assert done.exit_code == 0, done.stderr
    assert table_counts(first) == counts
    moved = export(cli, first, tmp_path / "again.yaml", "--department", "95")
    assert "id: 00486A" in moved
    assert "id: 00486A" not in export(cli, first, tmp_path / "allier.yaml", "--department", "03")


def test_a_closure_changed_on_one_side_names_its_end_on_its_line(
    cli: Cli, pair: tuple[Database, Database], tmp_path: Path
) -> None:
    first, _second = pair
    _write(cli, first, BOTH[0])
    path = tmp_path / "allier.yaml"
    text = export(cli, first, path, "--department", "03")
    path.write_text(text.replace("    end: 2019-08-15\n", "    end: 2019-08-20\n"), "utf-8")
    done = _import(cli, first, path)
    line = text.splitlines().index("    end: 2019-08-15") + 1
    assert done.exit_code == 1
    assert done.stderr.startswith(
        f"erreur : {path} : ligne {line} : closures[0].end : « 2019-08-15 » dans la base, "
        "« 2019-08-20 » dans le fichier : "
    )
