"""Mediation for the national tools through the CLI: sessions in the whole vocabulary of La
Coop de la médiation numérique, its activity API and spreadsheet shapes, spreadsheets of any
listing or report, and the LaMednum places export checked against the official schema."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from presence_postale.formats.coop import WORKSHEET_COLUMNS

Cli = Callable[..., Result]
SCHEMA = Path(__file__).resolve().parents[1] / "data" / "lamednum_schema_v1.0.2.json"

# The README tour's session, with the former age-band code it still accepts.
README_SESSION = (
    "mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
    "--date", "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
    "--themes", "email,navigation_sur_internet", "--equipment", "ordinateur", "--age-band", "70+",
)  # fmt: skip
WORKSHOP = (
    "mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
    "--date", "2019-03-26", "--start", "13:30", "--duration", "120", "--type", "collectif",
    "--participants", "3", "--themes", "aide_aux_demarches_administratives,social_sante",
    "--details", "Mon espace santé", "--age-bands", "soixante_soixante_neuf=2,70+=1",
    "--genders", "feminin=2,masculin=1", "--communes", "03235=2,03173=1",
    "--workshop-title", "Mes démarches de santé", "--level", "intermediaire",
    "--equipment", "tablette", "--programme", "allier-mediation-2019",
)  # fmt: skip
# The attributes of an activity in the Coop's API (apps/web/src/app/api/v1/activites).
COOP_ATTRIBUTES = {
    "type", "mediateur_id", "user_id", "accompagnements", "date", "duree", "type_lieu",
    "structure_id", "lieu_code_postal", "lieu_commune", "lieu_code_insee", "creation",
    "modification", "suppression", "autonomie", "oriente_vers_structure",
    "structure_de_redirection", "materiel", "thematiques", "tags", "precisions_demarche",
    "titre_atelier", "niveau_atelier", "beneficiaires",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _seeded(seeded_db: Path) -> Path:
    return seeded_db


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result


def as_json(result: Result) -> Any:
    return json.loads(ok(result).stdout)


# ---- sessions in the Coop's vocabulary ------------------------------------------------------


def test_a_workshop_in_the_whole_vocabulary(cli: Cli) -> None:
    ok(cli(*WORKSHOP))
    shown = as_json(cli("mediation", "show", "1", "--format", "json"))
    assert shown["age_bands"] == {"soixante_soixante_neuf": 2, "soixante_dix_plus": 1}
    assert shown["genders"] == {"feminin": 2, "masculin": 1}
    assert shown["residence_communes"] == {"03235": 2, "03173": 1}
    assert shown["themes"] == ["aide_aux_demarches_administratives", "social_sante"]
    assert shown["procedure_details"] == "Mon espace santé"
    assert (shown["workshop_title"], shown["workshop_level"]) == (
        "Mes démarches de santé",
        "intermediaire",
    )
    assert (shown["place_type"], shown["place_insee_code"]) == ("lieu_activite", None)
    table = ok(cli("mediation", "show", "1", "--lang", "fr"))
    assert "titre de l’atelier" in table.stdout


def test_a_session_at_home_redirected(cli: Cli) -> None:
    ok(
        cli(
            "mediation",
            "add",
            "--site",
            "00518A",
            "--mediator",
            "allier-mediateur",
            "--date",
            "2019-03-19",
            "--start",
            "10:00",
            "--duration",
            "45",
            "--type",
            "individuel",
            "--themes",
            "gerer_ses_contenus_numeriques",
            "--place",
            "domicile",
            "--place-insee",
            "03235",
            "--gender",
            "feminin",
            "--commune",
            "03235",
            "--redirection",
            "mediation_numerique",
            "--redirection-detail",
            "EPN de Varennes",
            "--autonomy",
            "autonome",
        )
    )
    shown = as_json(cli("mediation", "show", "1", "--format", "json"))
    assert shown["themes"] == ["gere_ses_contenus_numeriques"]
    assert (shown["place_type"], shown["place_insee_code"]) == ("domicile", "03235")
    assert shown["genders"] == {"feminin": 1}
    assert shown["residence_communes"] == {"03235": 1}
    assert (shown["redirection"], shown["redirection_detail"]) == (
        "mediation_numerique",
        "EPN de Varennes",
    )


def test_records_files_keep_accepting_the_former_codes(cli: Cli, tmp_path: Path) -> None:
    older = tmp_path / "older.yaml"
    older.write_text(
        "version: 1\n"
        "mediation_sessions:\n"
        "  - site: '00518A'\n"
        "    mediator: allier-mediateur\n"
        "    date: 2019-03-26\n"
        "    start: '13:30'\n"
        "    duration_minutes: 120\n"
        "    type: collectif\n"
        "    participants: 4\n"
        "    age_bands: {60-69: 3, 70+: 1}\n"
        "    themes: [gerer_ses_contenus_numeriques]\n"
        "    redirection: CCAS\n",
        encoding="utf-8",
    )
    ok(cli("import", "records", str(older)))
    shown = as_json(cli("mediation", "show", "1", "--format", "json"))
    assert shown["age_bands"] == {"soixante_soixante_neuf": 3, "soixante_dix_plus": 1}
    assert shown["themes"] == ["gere_ses_contenus_numeriques"]
    assert (shown["redirection"], shown["redirection_detail"]) == ("aide_sociale", "CCAS")
    # Loading it again changes nothing; the export writes today's codes.
    again = ok(cli("import", "records", str(older), "--format", "json"))
    assert '"created": 0' in again.stdout and '"updated": 0' in again.stdout
    exported = ok(cli("export", "records")).stdout
    assert "soixante_dix_plus: 1" in exported and "redirection: aide_sociale" in exported
    assert "70+" not in exported


# ---- the Coop's activity API ----------------------------------------------------------------


def test_coop_json_is_the_activity_api_shape(cli: Cli) -> None:
    ok(cli(*README_SESSION))
    ok(cli(*WORKSHOP))
    document = as_json(cli("export", "mediation-sessions", "--format", "coop-json"))
    assert document["meta"] == {"total_count": 2}
    first, workshop = document["data"]
    assert first["type"] == "activite"
    assert uuid.UUID(first["id"]).version == 5
    assert set(first["attributes"]) == COOP_ATTRIBUTES
    attributes = first["attributes"]
    assert {k: attributes[k] for k in ("type", "date", "duree", "type_lieu", "structure_id")} == {
        "type": "individuel",
        "date": "2019-03-19",
        "duree": 90,
        "type_lieu": "lieu_activite",
        "structure_id": "00518A",
    }
    assert attributes["thematiques"] == ["email", "navigation_sur_internet"]
    assert attributes["materiel"] == ["ordinateur"]
    assert attributes["oriente_vers_structure"] is False
    assert attributes["beneficiaires"]["total"] == 1
    assert attributes["beneficiaires"]["tranches_age"]["soixante_dix_plus"] == 1
    assert attributes["beneficiaires"]["genres"] == {
        "masculin": 0,
        "feminin": 0,
        "non_communique": 1,
    }
    assert datetime.fromisoformat(attributes["creation"].replace("Z", "+00:00"))
    w = workshop["attributes"]
    assert (w["titre_atelier"], w["niveau_atelier"]) == ("Mes démarches de santé", "intermediaire")
    assert w["precisions_demarche"] == "Mon espace santé"
    assert w["oriente_vers_structure"] is None
    assert w["tags"] == ["allier-mediation-2019"]
    assert w["beneficiaires"]["statuts"]["non_communique"] == 3
    # The same session keeps its id from one export to the next.
    again = as_json(cli("export", "mediation-sessions", "--format", "coop-json"))
    assert [r["id"] for r in again["data"]] == [first["id"], workshop["id"]]


def test_coop_json_of_a_remote_session_gives_its_commune(cli: Cli) -> None:
    ok(
        cli(
            "mediation",
            "add",
            "--site",
            "00518A",
            "--mediator",
            "allier-mediateur",
            "--date",
            "2019-03-19",
            "--start",
            "10:00",
            "--duration",
            "30",
            "--type",
            "individuel",
            "--themes",
            "email",
            "--place",
            "a_distance",
        )
    )
    (activity,) = as_json(cli("export", "mediation-sessions", "-f", "coop-json"))["data"]
    attributes = activity["attributes"]
    # The Coop gives a remote session the commune of the mediator's structure: the site's.
    assert (attributes["type_lieu"], attributes["structure_id"]) == ("a_distance", None)
    assert (attributes["lieu_code_insee"], attributes["lieu_commune"]) == (
        "03235",
        "Saint-Gérand-le-Puy",
    )
    assert attributes["lieu_code_postal"] == "03150"


# ---- spreadsheets ---------------------------------------------------------------------------


def test_sessions_xlsx_has_the_coops_columns(cli: Cli, tmp_path: Path) -> None:
    ok(cli(*README_SESSION))
    ok(cli(*WORKSHOP))
    target = tmp_path / "activites.xlsx"
    ok(cli("export", "mediation-sessions", "--format", "xlsx", "--output", str(target)))
    sheet = load_workbook(target)["Activités"]
    rows = list(sheet.iter_rows())
    assert tuple(c.value for c in rows[0]) == WORKSHEET_COLUMNS
    assert sheet.freeze_panes == "A2"
    assert len(rows) == 1 + 1 + 3  # one row per person accompanied
    column = {title: i for i, title in enumerate(WORKSHEET_COLUMNS)}
    first = rows[1]
    assert first[column["Date"]].is_date
    assert first[column["Date"]].value.date() == date(2019, 3, 19)
    assert first[column["Durée (min)"]].value == 90
    assert first[column["Durée (min)"]].data_type == "n"
    assert first[column["Code Insee"]].value == "03235"  # text: the leading zero stays
    assert first[column["Code Insee"]].data_type == "s"
    assert first[column["Type"]].value == "Accompagnement individuel"
    assert first[column["Thématique(s) d’accompagnement"]].value == (
        "E-mail\nNavigation sur internet"
    )
    assert first[column["Tranche d’âge du bénéficiaire"]].value == "70 ans et plus"
    assert first[column["Bénéficiaire réorienté"]].value == "Non"
    workshop = rows[2:]
    assert [r[column["Participants"]].value for r in workshop] == ["1/3", "2/3", "3/3"]
    assert [r[column["Genre du bénéficiaire"]].value for r in workshop] == [
        "Masculin",
        "Féminin",
        "Féminin",
    ]
    assert [r[column["Code Insee du bénéficiaire"]].value for r in workshop] == [
        "03173",
        "03235",
        "03235",
    ]
    assert workshop[0][column["Niveau d’autonomie (ou de l’atelier)"]].value == "2/3"
    assert workshop[0][column["Nom de l’atelier"]].value == "Mes démarches de santé"
    assert sheet.column_dimensions["A"].width >= len("Date")


def test_listings_and_reports_as_xlsx(cli: Cli, tmp_path: Path) -> None:
    ok(cli(*README_SESSION))
    sites = tmp_path / "sites.xlsx"
    ok(cli("sites", "list", "--department", "03", "--format", "xlsx", "-o", str(sites)))
    sheet = load_workbook(sites).worksheets[0]
    # French headings, then the rows, typed.
    assert [c.value for c in sheet[1]] == [
        "id",
        "nom",
        "type",
        "commune",
        "dép.",
        "labels",
        "illustratif",
        "pourquoi illustratif",
    ]
    assert sheet["A1"].font.bold
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "00518A")
    assert [c.value for c in row[:5]] == [
        "00518A",
        "Bureau de poste de Saint-Gérand-le-Puy",
        "Bureau de poste",  # a code as people read it
        "Saint-Gérand-le-Puy",
        "03",
    ]
    assert row[4].data_type == "s" and row[4].number_format == "@"  # `03`, not 3
    assert sheet.freeze_panes == "A2"
    report = tmp_path / "mars.xlsx"
    ok(
        cli(
            "mediation",
            "report",
            "--from",
            "2019-03-01",
            "--to",
            "2019-03-31",
            "--format",
            "xlsx",
            "-o",
            str(report),
        )
    )
    book = load_workbook(report)
    assert "Par type de lieu" in book.sheetnames and "Par genre" in book.sheetnames
    places = book["Par type de lieu"]
    assert [c.value for c in places[1]] == ["type de lieu", "sessions", "%"]
    assert [c.value for c in places[2]] == ["Lieu d’activité", 1, 100]
    assert places.cell(2, 2).data_type == "n"
    summary = book.worksheets[0]
    assert any(c.value == "Sessions : 1" for row in summary.iter_rows() for c in row)
    months = book["Par mois"]
    assert [c.value for c in months[2]] == ["mars 2019", 1, 1, 1.5]


def test_a_spreadsheet_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    from presence_postale.cli.app import app
    from presence_postale.cli.environment import Environment

    result = CliRunner().invoke(
        app,
        ["sites", "list", "--format", "xlsx", "--lang", "en"],
        obj=Environment(stdout_isatty=True),
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "error: --format xlsx writes a binary file: give --output FILE (or redirect the output)"
    ]


def test_a_spreadsheet_goes_down_a_pipe(cli: Cli) -> None:
    result = ok(cli("sites", "list", "--department", "03", "--format", "xlsx"))
    book = load_workbook(io.BytesIO(result.stdout_bytes))
    assert book.worksheets[0].max_row > 1


# ---- LaMednum -------------------------------------------------------------------------------


def test_places_export_validates_against_the_official_schema(cli: Cli, tmp_path: Path) -> None:
    from frictionless import Resource, Schema, validate

    ok(cli(*WORKSHOP))
    assert cli("sites", "update", "17443A", "--name", "=Cormeilles").exit_code == 0
    target = tmp_path / "lieux.csv"
    ok(cli("export", "mediation-places", "--output", str(target)))
    schema = Schema.from_descriptor(json.loads(SCHEMA.read_text(encoding="utf-8")))
    resource = Resource(path=target.name, basepath=str(tmp_path), schema=schema)
    report = validate(resource, limit_errors=1000)
    assert report.valid, [error.message for error in report.tasks[0].errors][:5]
    header = target.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [field.name for field in schema.fields]
    # Machine-readable: values as they are, no spreadsheet guard.
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert all(not row["nom"].startswith("'") for row in rows)


def test_places_excel_csv_is_for_people(cli: Cli, tmp_path: Path) -> None:
    assert cli("sites", "update", "17510A", "--name", "=Vigny").exit_code == 0
    target = tmp_path / "lieux.csv"
    ok(cli("export", "mediation-places", "--excel", "--output", str(target)))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;pivot;nom;")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert next(r for r in rows if r["id"] == "17510A")["nom"] == "'=Vigny"


def test_places_as_xlsx_keep_codes_as_text(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "lieux.xlsx"
    ok(cli("export", "mediation-places", "--format", "xlsx", "--output", str(target)))
    sheet = load_workbook(target).worksheets[0]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "00518A")
    cells = dict(zip(header, row, strict=True))
    assert (cells["code_postal"].value, cells["code_postal"].data_type) == ("03150", "s")
    assert (cells["code_insee"].value, cells["code_insee"].data_type) == ("03235", "s")
    assert cells["latitude"].data_type == "n"
    assert cells["date_maj"].is_date
