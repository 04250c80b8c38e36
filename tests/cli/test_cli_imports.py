"""`import laposte | france-services | records` through the CLI: summaries, errors, exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import Result

from shared_data import FRANCE_SERVICES_CSV, LAPOSTE_CSV, needs_shared_data

LAPOSTE = LAPOSTE_CSV
pytestmark = needs_shared_data
Cli = Callable[..., Result]


@pytest.fixture
def small(tmp_path: Path) -> Path:
    lines = LAPOSTE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "small.csv"
    path.write_text("\r\n".join(lines[:21]) + "\r\n", encoding="utf-8")
    return path


def test_summary_line_on_stderr_and_json_on_stdout(cli: Cli, seeded_db: Path, small: Path) -> None:
    result = cli("import", "laposte", str(small))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == "20 créés, 0 modifié, 0 inchangé, 0 refusé"
    again = cli("import", "laposte", str(small), "--format", "json")
    assert again.exit_code == 0
    data = json.loads(again.stdout)
    assert (data["created"], data["updated"], data["unchanged"], data["rejected"]) == (
        0,
        0,
        20,
        [],
    )


def test_dry_run_says_so(cli: Cli, seeded_db: Path, small: Path) -> None:
    result = cli("import", "laposte", str(small), "--dry-run")
    assert result.exit_code == 0
    assert result.stderr.startswith("essai, rien n'est écrit : 20 créés")
    listed = json.loads(cli("sites", "list", "--department", "78", "--format", "json").stdout)
    assert listed == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "fichier introuvable"),
        (b"", "le fichier est vide"),
        (
            b"id;name\r\n1;x\r\n",
            "ligne 1 : ce n'est pas la liste des points de contact de La Poste",
        ),
    ],
)
def test_bad_files_are_one_line_and_exit_1(
    cli: Cli, seeded_db: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.csv"
    if content is not None:
        path.write_bytes(content)
    result = cli("import", "laposte", str(path))
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_directory_is_refused(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    result = cli("import", "laposte", str(tmp_path))
    assert result.exit_code == 1
    assert "c'est un répertoire" in result.stderr


def test_a_bad_postcode_names_line_and_field_and_changes_nothing(
    cli: Cli,
    seeded_db: Path,
    small: Path,
    dump: Callable[[Path], list[str]],
) -> None:
    lines = small.read_text(encoding="utf-8").splitlines()
    cells = lines[4].split(";")
    cells[7] = "785"
    lines[4] = ";".join(cells)
    small.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    before = dump(seeded_db)
    result = cli("import", "laposte", str(small))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"erreur : {small} : 1 ligne refusée, rien n'est importé : "
        "ligne 5 : Code_postal : « 785 » ne fait pas cinq chiffres"
    )
    as_json = cli("import", "laposte", str(small), "--format", "json")
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["rejected"] == [
        {
            "line": 5,
            "field": "Code_postal",
            "reason": {"kind": "import.not_postcode", "value": "785"},
        }
    ]
    assert dump(seeded_db) == before


def test_france_services_import(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    source = FRANCE_SERVICES_CSV
    lines = source.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "fs.csv"
    path.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    result = cli("import", "france-services", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["created"] == 2
    assert [u["id_fs"] for u in data["unmatched"]] == ["2"]  # no La Poste site imported yet
    shown = json.loads(cli("sites", "show", "fs-1", "--format", "json").stdout)
    assert shown["labels"][0]["label"] == "france_services"


def test_records_yaml_and_csv(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    yaml_file = tmp_path / "records.yaml"
    yaml_file.write_text(
        'operators:\n  - {code: caf, name: "Caisse d\'allocations familiales (CAF)"}\n',
        encoding="utf-8",
    )
    result = cli("import", "records", str(yaml_file))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == "0 créé, 0 modifié, 1 inchangé, 0 refusé"
    csv_file = tmp_path / "agents.csv"
    csv_file.write_text("id,role,home_site\nnew-agent,mediateur_numerique,st gerand\n")
    assert cli("import", "records", str(csv_file)).exit_code == 2  # --kind needed
    added = cli("import", "records", str(csv_file), "--kind", "agents", "--format", "json")
    assert added.exit_code == 0, added.stderr
    assert json.loads(added.stdout)["created"] == 1
    shown = json.loads(cli("agents", "show", "new-agent", "--format", "json").stdout)
    assert shown["home_site"] == "00518A"
    csv_file.write_text("id,role\nx,astronaute\n")
    bad = cli("import", "records", str(csv_file), "--kind", "agents")
    assert bad.exit_code == 1
    assert "ligne 2 : agents[0].role" in bad.stderr


def test_a_csv_never_empties_what_its_columns_leave_out(
    cli: Cli, seeded_db: Path, tmp_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    """A CSV gives whole records: `id,name,kind` for Vigny's office would have erased its
    address, INSEE code, position and department. Refused whole, naming the column; a file
    of new records, or one that keeps every value, still loads."""
    partial = tmp_path / "sites.csv"
    partial.write_text(
        "id,name,kind\nNEW1,Mairie Neuve,mairie\n17510A,Bureau de poste de Vigny,bureau_de_poste\n",
        encoding="utf-8",
    )
    before = dump(seeded_db)
    for dry_run in ((), ("--dry-run",)):
        refused = cli("import", "records", str(partial), "--kind", "sites", *dry_run)
        assert refused.exit_code == 1
        assert refused.stderr.splitlines() == [
            f"erreur : {partial} : ligne 3 : sites[1] : la colonne address manque au fichier, "
            "et la base en a une valeur pour cet enregistrement : un CSV donne des "
            "enregistrements entiers et la viderait ; ajouter la colonne avec ses valeurs"
        ]
        assert dump(seeded_db) == before
    partial.write_text("id,name,kind,department\nNEW1,Mairie Neuve,mairie,95\n", encoding="utf-8")
    for outcome in ("created", "unchanged"):  # loading it twice changes nothing the second time
        done = cli("import", "records", str(partial), "--kind", "sites", "--format", "json")
        assert done.exit_code == 0, done.stderr
        assert json.loads(done.stdout)[outcome] == 1
    assert cli("sites", "update", "NEW1", "--address", "1 place de la Mairie").exit_code == 0
    renamed = partial.read_text(encoding="utf-8").replace("Mairie Neuve", "Mairie Nouvelle")
    partial.write_text(renamed, encoding="utf-8")
    refused = cli("import", "records", str(partial), "--kind", "sites")
    assert refused.exit_code == 1 and "la colonne address manque" in refused.stderr
    partial.write_text(
        "id,name,kind,department,address\nNEW1,Mairie Nouvelle,mairie,95,1 place de la Mairie\n",
        encoding="utf-8",
    )
    done = cli("import", "records", str(partial), "--kind", "sites", "--format", "json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["updated"] == 1


@pytest.mark.sqlite_only  # the plain path serves SQLite files; a server goes through SQLAlchemy
def test_a_current_file_is_imported_without_sqlalchemy(seeded_db: Path, small: Path) -> None:
    probe = (
        "import sys\n"
        "from presence_postale.cli.app import main\n"
        "sys.argv = ['presence-postale', 'import', 'laposte', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print('SQLALCHEMY' if 'sqlalchemy' in sys.modules else 'PLAIN', code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(small)], capture_output=True, text=True, check=False
    )
    assert done.stdout.split()[-2:] == ["PLAIN", "0"], done.stderr
    assert done.stderr.strip() == "20 créés, 0 modifié, 0 inchangé, 0 refusé"
    with closing(sqlite3.connect(seeded_db)) as connection:
        assert (
            connection.execute("SELECT count(*) FROM site WHERE source = 'laposte'").fetchone()[0]
            == 20
        )


@pytest.mark.sqlite_only  # damaged with sqlite3, read by the plain path
def test_a_damaged_database_is_one_error_line(cli: Cli, seeded_db: Path, small: Path) -> None:
    with closing(sqlite3.connect(seeded_db)) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DROP TABLE site_label_version")
        connection.execute("ALTER TABLE site RENAME TO site_gone")
        connection.commit()
    result = cli("import", "laposte", str(small))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "erreur : erreur de la base de données : no such table: site"
    ]
    assert result.stdout == ""


def test_a_json_file_as_json_writes_it_is_read_alike_fast_and_exactly(
    cli: Cli, seeded_db: Path, tmp_path: Path, empty_database: Callable[[], Path]
) -> None:
    """A coordinate json writes with an exponent (`5e-05`) and an emoji escaped as json does by
    default (`\\ud83d\\ude00`): read exactly (`init --seed`, or again to name a problem's line)
    as the json module reads them, so a problem met later is the one named."""
    from records_files import location

    added = cli("sites", "add", "GABARRET", "--name", "Mairie de Gabarret", "--kind", "mairie",
                "--insee", "40100", "--lat", "43.98", "--lon", "0.00005",
                "--note", "Accueil 🙂")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    path = tmp_path / "records.json"
    done = cli("export", "records", "--format", "json", "-o", str(path))
    assert done.exit_code == 0, done.stderr
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")  # json's defaults
    assert "5e-05" in path.read_text(encoding="utf-8")
    seeded = cli("--db", location(empty_database()), "init", "--seed", str(path))
    assert seeded.exit_code == 0, seeded.stderr
    document["agents"][0]["weekly_hours"] = "beaucoup"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    refused = cli("import", "records", str(path))
    assert refused.exit_code == 1
    assert "agents[0].weekly_hours : un nombre est attendu" in refused.stderr


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        (
            "labels.json",
            '{"sites": [{"id": "X5", "name": "Mairie", "kind": "mairie", "labels": ['
            '{"label": "msap", "since": "2020-01-01"}, '
            '{"label": "msap", "since": "2021-06-01", "detail": "autre"}]}]}',
            (),
        ),
        ("labels.csv", "id,name,kind,labels\nX5,Mairie,mairie,msap|msap\n", ("--kind", "sites")),
    ],
)
def test_a_site_s_label_given_twice_is_refused_not_one_of_them_dropped(
    cli: Cli, seeded_db: Path, tmp_path: Path, name: str, text: str, kind: tuple[str, ...]
) -> None:
    """As equipment or operators given twice: which of the two should stay was never said."""
    from backends import dump_database

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = dump_database(seeded_db)
    refused = cli("import", "records", str(path), *kind)
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[-1].endswith(
        "sites[0].labels « msap » : un élément y figure deux fois"
    )
    assert dump_database(seeded_db) == before


def test_a_notes_crlf_reads_as_its_line_break_in_a_file_as_on_the_command_line(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A note typed with CRLF is kept with its line break by `sites add`; the same note in a
    records file was refused as holding control characters. A lone CR still is."""
    records = tmp_path / "notes.yaml"
    records.write_text(
        'sites:\n- {id: N1, name: Mairie N, kind: mairie, department: "95", '
        'note: "ligne 1\\r\\nligne 2"}\n',
        encoding="utf-8",
    )
    done = cli("import", "records", str(records))
    assert done.exit_code == 0, done.stderr
    typed = cli("sites", "add", "N2", "--name", "Mairie M", "--kind", "mairie", "-d", "95",
                "--note", "ligne 1\r\nligne 2")  # fmt: skip
    assert typed.exit_code == 0, typed.stderr
    for site in ("N1", "N2"):
        shown = json.loads(cli("sites", "show", site, "--format", "json").stdout)
        assert shown["note"] == "ligne 1\nligne 2"
    records.write_text(
        'sites:\n- {id: N3, name: Mairie, kind: mairie, department: "95", note: "a\\rb"}\n',
        encoding="utf-8",
    )
    refused = cli("import", "records", str(records))
    assert refused.exit_code == 1
    assert "sites[0].note : contient des caractères de contrôle" in refused.stderr


def test_a_records_file_never_brings_a_site_id_differing_only_in_case(
    cli: Cli, seeded_db: Path, tmp_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    """As `sites add`: the commands find 17510A when given 17510a."""
    records = tmp_path / "sites.yaml"
    before = dump(seeded_db)
    for text, line, place, new, existing in (
        ('- {id: 17510a, name: Doublon, kind: mairie, department: "95"}\n',
         2, "sites[0]", "17510a", "17510A"),
        ('- {id: AB1, name: Un, kind: mairie, department: "95"}\n'
         '- {id: ab1, name: Deux, kind: mairie, department: "95"}\n',
         3, "sites[1]", "ab1", "AB1"),
    ):  # fmt: skip
        records.write_text("sites:\n" + text, encoding="utf-8")
        done = cli("import", "records", str(records))
        assert done.exit_code == 1
        assert done.stderr.splitlines() == [
            f"erreur : {records} : ligne {line} : {place}.id : le site « {existing} » existe "
            f"déjà : « {new} » ne s'en distingue que par les majuscules ; choisir un autre "
            "identifiant"
        ]
        assert dump(seeded_db) == before
