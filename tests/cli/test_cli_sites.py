"""`sites` through the CLI on the seeded database: real values in every format."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from presence_postale.cli.app import app
from presence_postale.cli.environment import Environment

Cli = Callable[..., Result]


def run(env: Environment, *args: str) -> Result:
    """The CLI in-process, in the environment `env` (its "today")."""
    return CliRunner().invoke(app, list(args), obj=env)


VIGNY_HOURS = "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00"


@pytest.fixture(autouse=True)
def _seeded(seeded_db: Path) -> Path:
    return seeded_db


def _ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert result.stderr == ""
    return result


def test_list_department_95(cli: Cli) -> None:
    out = _ok(cli("sites", "list", "--department", "95")).stdout
    lines = out.splitlines()
    for site in ("17510A", "17443A", "17461A", "mairie-grisy-les-platres"):
        assert any(line.split()[:1] == [site] for line in lines), site
    vigny = next(line for line in lines if line.split()[:1] == ["17510A"])
    assert "Bureau de poste de Vigny" in vigny
    assert "France Services" in vigny and "Bureau de poste" in vigny  # labels, not codes
    assert "france_services" not in vigny and "bureau_de_poste" not in vigny
    assert "nom" in lines[0] and "commune" in lines[0]  # French headings
    assert "00518A" not in out


def test_list_department_95_as_json(cli: Cli) -> None:
    rows = json.loads(_ok(cli("sites", "list", "-d", "95", "--format", "json")).stdout)
    assert [row["id"] for row in rows] == [
        "17443A",
        "17461A",
        "17510A",
        "mairie-grisy-les-platres",
    ]
    assert rows[2]["opening_hours"] == VIGNY_HOURS
    assert rows[2]["labels"] == ["france_services"]


def test_list_by_label_as_csv(cli: Cli) -> None:
    out = _ok(cli("sites", "list", "--label", "msap", "--format", "csv")).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 8
    assert {row["department"] for row in rows} == {"32"}
    assert "05712A" in {row["id"] for row in rows}


def test_show_vigny_as_json(cli: Cli) -> None:
    data = json.loads(_ok(cli("sites", "show", "17510A", "--format", "json")).stdout)
    assert data["id"] == "17510A"
    assert data["opening_hours"] == VIGNY_HOURS
    assert [lab["label"] for lab in data["labels"]] == ["france_services"]
    assert len(data["operators"]) == 9
    assert {op["code"] for op in data["operators"]} >= {"laposte", "caf", "dgfip", "justice"}
    assert data["staff_count"] is None  # no source gives it
    assert (data["illustrative"], data["illustrative_reason"]) == (False, None)
    assert data["closures"] == []


def test_show_says_an_unknown_staff_count_is_unknown_not_nothing(cli: Cli) -> None:
    table = _ok(cli("sites", "show", "17510A")).stdout
    assert re.search(r"personnels polyvalents +inconnu", table)
    rows = dict(csv.reader(io.StringIO(_ok(cli("sites", "show", "17510A", "-f", "csv")).stdout)))
    assert rows["staff_count"] == "unknown"
    assert cli("sites", "update", "17510A", "--staff", "3", "--from", "2021-01-01").exit_code == 0
    assert re.search(r"personnels polyvalents +3\n", _ok(cli("sites", "show", "17510A")).stdout)


def test_show_by_name_as_table(cli: Cli) -> None:
    out = _ok(cli("sites", "show", "st gerand")).stdout
    assert "Bureau de poste de Saint-Gérand-le-Puy" in out
    assert "03 Allier" in out
    assert "Îlot numérique" in out and "ilot_numerique" not in out
    assert "Fermetures" in out


def test_search_st_gerand(cli: Cli) -> None:
    out = _ok(cli("sites", "search", "st gerand")).stdout
    ids = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    assert ids == ["00518A"]
    assert "Saint-Gérand-le-Puy" in out


def test_hours_week_18_saturday_closed_for_victory_day(cli: Cli) -> None:
    out = _ok(cli("sites", "hours", "17510A", "--week", "2021-W18")).stdout
    saturday = next(line for line in out.splitlines() if "08/05/2021" in line)
    assert saturday.split()[:2] == ["samedi", "08/05/2021"]
    assert "Fête de la Victoire" in saturday
    monday = next(line for line in out.splitlines() if "03/05/2021" in line)
    assert "09:00-12:00, 14:30-17:30" in monday
    assert "Total : 29,5 h sur 5 jours" in out
    assert "2021-W18" in out


def test_hours_week_18_as_json(cli: Cli) -> None:
    rows = json.loads(
        _ok(cli("sites", "hours", "17510A", "--week", "2021-W18", "--format", "json")).stdout
    )
    assert [row["date"] for row in rows] == [f"2021-05-{day:02d}" for day in range(3, 10)]
    saturday = next(row for row in rows if row["date"] == "2021-05-08")
    assert saturday["open"] is False
    assert saturday["holiday"] == "Fête de la Victoire"
    assert saturday["minutes"] == 0
    thursday = next(row for row in rows if row["date"] == "2021-05-06")
    assert thursday["open"] is True
    assert thursday["minutes"] == 330
    assert sum(row["minutes"] for row in rows) == 29.5 * 60


def test_hours_accepts_a_date_inside_the_week_and_english(cli: Cli) -> None:
    out = _ok(cli("sites", "hours", "17510A", "--week", "2021-05-05", "--lang", "en")).stdout
    assert "Saturday 08/05/2021" in out
    assert "Total: 29.5 h over 5 days" in out


def test_nearest_from_grisy_with_label(cli: Cli) -> None:
    out = _ok(
        cli("sites", "nearest", "--commune", "Grisy-les-Plâtres", "--label", "france_services")
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows[0][:2] == ["10,7", "17510A"]
    assert [row[1] for row in rows] == ["17510A", "10900A"]


def test_nearest_as_json(cli: Cli) -> None:
    rows = json.loads(
        _ok(
            cli(
                "sites",
                "nearest",
                "--commune",
                "grisy les platres",
                "--label",
                "france_services",
                "--format",
                "json",
            )
        ).stdout
    )
    assert rows[0]["id"] == "17510A"
    assert rows[0]["distance_km"] == 10.7


def test_close_then_hours_show_the_closure(cli: Cli) -> None:
    result = cli(
        "sites",
        "close",
        "17510A",
        "--from",
        "2021-06-01",
        "--to",
        "2021-06-04",
        "--reason",
        "travaux",
    )
    assert result.exit_code == 0
    assert result.stderr == "site 17510A fermé du 1er juin 2021 au 4 juin 2021 : travaux\n"
    assert result.stdout == ""
    rows = json.loads(
        _ok(cli("sites", "hours", "17510A", "--week", "2021-W22", "--format", "json")).stdout
    )
    # Week 22: Monday 31 May is open; Tuesday to Friday closed; Saturday 5 June open again.
    assert [row["closure"] for row in rows[:6]] == [None, *["travaux"] * 4, None]
    assert [row["open"] for row in rows] == [True, False, False, False, False, True, False]
    assert rows[1]["closed_because"] == "travaux"


def test_update_then_show(seeded_db: Path) -> None:
    hours = "Mo-Fr 09:00-12:00; Sa 09:00-12:00; PH off"
    on = Environment(today=date(2021, 4, 27))
    result = run(on, "sites", "update", "00518A", "--hours", hours, "--staff", "2")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        "site 00518A Bureau de poste de Saint-Gérand-le-Puy modifié",
        f"horaires de 00518A à partir du 27 avril 2021 : {hours}",
        "personnels polyvalents de 00518A à partir du 27 avril 2021 : 2",
    ]
    # The Allier mediator's Tuesdays there (09:00-15:00) are now outside the hours: named.
    assert lines[3] == (
        "attention : permanence n° 3 (00518A Bureau de poste de Saint-Gérand-le-Puy, "
        "mardi 27/04/2021 09:00-15:00) hors des horaires d'ouverture du site"
    )
    data = json.loads(_ok(run(on, "sites", "show", "00518A", "-f", "json")).stdout)
    assert data["opening_hours"] == hours
    assert data["staff_count"] == 2


def test_add_then_remove(cli: Cli) -> None:
    result = cli("sites", "add", "--name", "Mairie de Vigny", "--kind", "mairie", "-d", "95")
    assert result.exit_code == 0
    assert result.stderr == "site mairie-de-vigny Mairie de Vigny ajouté\n"
    assert "mairie-de-vigny" in _ok(cli("sites", "list", "-d", "95")).stdout
    result = cli("sites", "remove", "mairie-de-vigny")
    assert result.exit_code == 0
    assert result.stderr == "site mairie-de-vigny Mairie de Vigny supprimé\n"
    assert "mairie-de-vigny" not in _ok(cli("sites", "list", "-d", "95")).stdout


def test_output_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "sites.md"
    result = cli("sites", "list", "-d", "95", "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert "| 17510A | Bureau de poste de Vigny |" in text


def test_show_lists_the_history_of_hours_staff_and_labels() -> None:
    on = Environment(today=date(2021, 8, 1), columns=200)
    run(on, "sites", "update", "17510A", "--hours", "Mo-Fr 14:00-15:00", "--from", "2021-05-03")
    run(on, "sites", "update", "17510A", "--staff", "2", "--remove-label", "france_services")
    data = json.loads(_ok(run(on, "sites", "show", "17510A", "-f", "json")).stdout)
    history = data["hours_history"]
    assert [(h["from"], h["until"], h["opening_hours"], h["source"]) for h in history] == [
        (None, "2021-05-02", VIGNY_HOURS, "records"),
        ("2021-05-03", None, "Mo-Fr 14:00-15:00", "manual"),
    ]
    assert [(s["from"], s["staff_count"]) for s in data["staff_history"]] == [("2021-08-01", 2)]
    assert [(lab["from"], lab["until"], lab["held"]) for lab in data["label_history"]] == [
        (None, "2021-07-31", True),
        ("2021-08-01", None, False),
    ]
    # What is in force today is what the site shows.
    assert (data["opening_hours"], data["staff_count"]) == ("Mo-Fr 14:00-15:00", 2)
    table = _ok(run(on, "sites", "show", "17510A")).stdout
    hours = table[table.index("Horaires : historique") : table.index("Personnels polyvalents :")]
    rows = [line.split("   ") for line in hours.splitlines()[4:]]
    assert [[cell.strip() for cell in row if cell.strip()] for row in rows] == [
        ["l'origine", "dimanche 02/05/2021", VIGNY_HOURS, "fichier d'enregistrements"],
        ["lundi 03/05/2021", "en vigueur", "Mo-Fr 14:00-15:00", "saisie"],
    ]
    labels = table[table.index("Labels : historique") :]
    assert "France Services   dimanche 01/08/2021   en vigueur          retiré" in labels


def test_a_site_id_differing_only_in_case_is_refused(
    cli: Cli, seeded_db: Path, dump: Callable[[Path], list[str]]
) -> None:
    """`sites show 17510a` finds 17510A: a second site `17510a` could not be told apart."""
    before = dump(seeded_db)
    done = cli("sites", "add", "17510a", "--name", "Doublon", "--kind", "mairie", "-d", "95")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        "erreur : le site « 17510A » existe déjà : « 17510a » ne s'en distingue que par les "
        "majuscules ; choisir un autre identifiant"
    ]
    assert dump(seeded_db) == before


def test_a_search_too_long_names_the_argument_as_help_does(cli: Cli, seeded_db: Path) -> None:
    done = cli("sites", "search", "x" * 300)
    assert done.exit_code == 1
    said = "erreur : QUERY invalide : une recherche de 300 caractères : 200 au plus\n"
    assert done.stderr == said
