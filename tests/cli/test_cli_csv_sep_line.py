"""A CSV saved by a French Excel, `sep=;` as its first line, imported through the commands: the
records it holds are taken; a `sep=` naming another separator is one French line, exit 1, the
database unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from backends import Database, dump_database, query
from presence_postale.formats import laposte

Cli = Callable[..., Result]
EXCEL = "sep=;\r\n"


def test_records_csv_with_a_sep_line_is_imported(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "agents.csv"
    path.write_text(
        EXCEL + "id;name;role\r\na-9;Martin, Camille;mediateur_numerique\r\n", encoding="cp1252"
    )
    done = cli("import", "records", str(path), "--kind", "agents")
    assert done.exit_code == 0, done.stderr
    assert query(seeded_db, "SELECT name FROM agent WHERE id = 'a-9'") == [("Martin, Camille",)]


def test_laposte_file_with_a_sep_line_names_its_rows_real_lines(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    row = (
        "00518A;ST GERAND LE PUY BP;Bureau de Poste;;5 RUE DU COMMERCE;;;3150;ST GERAND LE PUY;"
        "03235;FRANCE;46.257372;3.512178;Géocodé au numéro;3631;46.257372, 3.512178"
    )
    path = tmp_path / "points.csv"
    path.write_text(EXCEL + ";".join(laposte.COLUMNS) + "\r\n" + row + "\r\n", encoding="utf-8")
    before = dump_database(seeded_db)
    done = cli("import", "laposte", str(path), "--dry-run")
    assert "ligne 3" in done.stdout + done.stderr  # the postcode of 4 digits, on line 3
    assert dump_database(seeded_db) == before


def test_another_separator_is_one_french_line(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "agents.csv"
    path.write_text("sep=|\r\nid|name|role\r\n", encoding="utf-8")
    before = dump_database(seeded_db)
    done = cli("import", "records", str(path), "--kind", "agents")
    assert done.exit_code == 1
    assert done.stderr == (
        f"erreur : {path} : ligne 1 : la première ligne « sep=| » nomme un séparateur que "
        "l'outil ne lit pas : « sep=; », « sep=, » ou « sep= » suivi d'une tabulation\n"
    )
    assert dump_database(seeded_db) == before
