"""`mediation` and `export mediation-places` through the CLI on the seeded database (the
Coop's exports and spreadsheets: test_cli_mediation_coop.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from presence_postale.cli.environment import Environment
from presence_postale.domain import vocab

Cli = Callable[..., Result]
Dump = Callable[[Path], list[str]]

ALLIER = ("00486A", "00502A", "00518A")
VIGNY_HOURS = "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00"
# The example: an individual session inside the Tuesday presence at Saint-Gérand.
EXAMPLE = (
    "mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
    "--date", "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
    "--themes", "email,navigation_sur_internet", "--equipment", "ordinateur", "--age-band", "70+",
)  # fmt: skip
ARDOIZ = (
    "mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
    "--date", "2019-03-19", "--start", "13:00", "--duration", "120", "--type", "collectif",
    "--participants", "5", "--age-bands", "60-69=3,70+=2", "--device-model", "ardoiz",
    "--themes", "prendre_en_main_du_materiel", "--equipment", "tablette",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _seeded(seeded_db: Path) -> Path:
    return seeded_db


def add_args(site: str = "00518A", day: str = "2019-03-19", *extra: str) -> tuple[str, ...]:
    """A 60-minute individual e-mail session by the Allier mediator at 10:00."""
    return (
        "mediation", "add", "--site", site, "--mediator", "allier-mediateur", "--date", day,
        "--start", "10:00", "--duration", "60", "--type", "individuel", "--themes", "email",
        *extra,
    )  # fmt: skip


def add(cli: Cli, site: str = "00518A", day: str = "2019-03-19", *extra: str) -> Result:
    return cli(*add_args(site, day, *extra))


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_refused(result: Result, codes: tuple[int, ...], *fragments: str) -> str:
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert result.exit_code in codes, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return lines[0]


# ---- hours ----------------------------------------------------------------------------------


def test_hours_an_ordinary_week_as_table(cli: Cli) -> None:
    result = cli("mediation", "hours", "--week", "2019-W12")
    assert result.exit_code == 0, result.stderr
    (row,) = [line for line in result.stdout.splitlines() if "allier-mediateur" in line]
    assert row.split()[:5] == ["allier-mediateur", "2019-W12", "18", "18", "0"]
    assert "Conforme" in row
    assert "00518A: 6" in result.stdout


def test_hours_an_ordinary_week_as_json(cli: Cli) -> None:
    (figures,) = as_json(cli("mediation", "hours", "--week", "2019-W12", "--format", "json"))
    assert figures["mediator"] == "allier-mediateur"
    assert figures["week"] == "2019-W12"
    assert figures["scheduled_hours"] == 18.0
    assert figures["contracted_hours"] == 18
    assert figures["lost_hours"] == 0
    assert figures["status"] == "ok"
    assert figures["by_site"] == {"00486A": 6.0, "00502A": 6.0, "00518A": 6.0}


def test_hours_ascension_week(cli: Cli) -> None:
    (figures,) = as_json(
        cli("mediation", "hours", "--week", "2019-W22", "--format", "json", "--lang", "en")
    )
    assert figures["scheduled_hours"] == 12.0
    assert figures["lost_hours"] == 6.0
    assert figures["difference"] == -6.0
    assert figures["status"] == "deficit"
    assert "00502A" not in figures["by_site"]
    table = cli("mediation", "hours", "--week", "2019-05-30", "--mediator", "allier-mediateur")
    assert table.exit_code == 0, table.stderr
    assert "Déficit" in table.stdout


def test_weekly_report_carries_the_deficit(cli: Cli) -> None:
    data = as_json(
        cli("report", "weekly", "--week", "2019-W22", "--department", "03", "-f", "json")
    )
    assert {
        "kind": "warning.mediator_deficit",
        "agent": "allier-mediateur",
        "scheduled": 12.0,
        "contracted": 18.0,
    } in data["warnings"]
    ordinary = as_json(
        cli("report", "weekly", "--week", "2019-W12", "--department", "03", "-f", "json")
    )
    assert not any(w.get("agent") == "allier-mediateur" for w in ordinary["warnings"])
    strict = cli("report", "weekly", "--week", "2019-W22", "--department", "03", "--strict")
    assert strict.exit_code == 1
    assert "12 h prévues pour 18 h" in strict.stderr


# ---- add, with warnings ---------------------------------------------------------------------


def test_add_the_example_inside_the_presence(cli: Cli) -> None:
    result = cli(*EXAMPLE)
    assert result.exit_code == 0, result.stderr
    assert "attention" not in result.stderr
    assert result.stderr.strip() == "session de médiation n° 1 enregistrée à 00518A le 19 mars 2019"
    data = as_json(cli("mediation", "show", "1", "--format", "json"))
    assert data == {
        "id": 1,
        "date": "2019-03-19",
        "start": "10:00",
        "duration_minutes": 90,
        "site_id": "00518A",
        "mediator": "allier-mediateur",
        "programme": None,
        "type": "individuel",
        "participants": 1,
        "age_bands": {"soixante_dix_plus": 1},
        "social_statuses": {},
        "genders": {},
        "residence_communes": {},
        "themes": ["email", "navigation_sur_internet"],
        "procedure_details": None,
        "equipment": ["ordinateur"],
        "device_model": None,
        "autonomy": None,
        "place_type": "lieu_activite",
        "place_insee_code": None,
        "redirection": None,
        "redirection_detail": None,
        "workshop_title": None,
        "workshop_level": None,
        "note": None,
    }


def test_add_by_names(cli: Cli) -> None:
    result = cli(
        "mediation", "add", "--site", "st gerand", "--mediator", "allier-mediateur",
        "--date", "2019-03-19", "--start", "09:00", "--duration", "60", "--type", "individuel",
        "--themes", "sante", "--programme", "allier-mediation-2019", "--social-status",
        "retraite", "--autonomy", "partiellement_autonome", "--note", "carte Vitale",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "attention" not in result.stderr
    data = as_json(cli("mediation", "show", "1", "-f", "json"))
    assert data["site_id"] == "00518A"
    assert data["programme"] == "allier-mediation-2019"
    assert data["social_statuses"] == {"retraite": 1}
    assert data["autonomy"] == "partiellement_autonome"
    assert data["note"] == "carte Vitale"


def test_outside_the_presence_is_a_warning(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    result = add(cli, "00518A", "2019-03-20")  # a Wednesday
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "attention : hors de la présence prévue du médiateur",
        "session de médiation n° 1 enregistrée à 00518A le 20 mars 2019",
    ]
    before = dump(seeded_db)
    strict = add(cli, "00518A", "2019-03-20", "--strict")
    line = assert_refused(strict, (1,), "--strict", "hors de la présence prévue du médiateur")
    assert line.startswith("erreur : ")
    assert dump(seeded_db) == before
    # inside the presence, --strict has nothing to refuse
    assert add(cli, "00518A", "2019-03-19", "--strict").exit_code == 0


def test_at_a_site_without_ilot(cli: Cli) -> None:
    result = add(cli, "17510A", "2019-03-19")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("attention :")]
    assert "attention : site sans îlot numérique" in warnings
    assert any("îlot" in w for w in warnings)


def test_on_easter_monday(cli: Cli) -> None:
    result = add(cli, "00518A", "2019-04-22")
    assert result.exit_code == 0, result.stderr
    assert "attention : jour férié (Lundi de Pâques)" in result.stderr.splitlines()
    english = cli(*add_args("00502A", "2019-04-22"), env=Environment(lang="en"))
    assert english.exit_code == 0, english.stderr
    assert "warning: public holiday (Easter Monday)" in english.stderr.splitlines()


# ---- bad input ------------------------------------------------------------------------------

BASE = [
    "mediation", "add", "--site", "00518A", "--date", "2019-03-19", "--start", "10:00",
]  # fmt: skip


def bad(*args: str) -> list[str]:
    values = {
        "--mediator": "allier-mediateur",
        "--duration": "60",
        "--type": "individuel",
        "--themes": "email",
    }
    extra: list[str] = []
    pairs = list(args)
    while pairs:
        option = pairs.pop(0)
        value = pairs.pop(0)
        if option in values:
            values[option] = value
        else:
            extra += [option, value]
    return [*BASE, *(x for kv in values.items() for x in kv), *extra]


TWICE_RETIRED = "Retraite=2,retraite=3"
BAD_INPUT = [
    pytest.param(bad("--themes", "email,jardinage"), ["« jardinage »"], id="unknown-theme"),
    pytest.param(
        bad("--type", "collectif", "--participants", "5", "--age-bands", "60-69=3,70+=1"),
        ["--age-bands invalide : les effectifs font 4", "5 participants"],
        id="counters-not-adding-up",
    ),
    pytest.param(
        bad("--type", "collectif", "--participants", "3", "--social-statuses", TWICE_RETIRED),
        ["--social-statuses invalide : les effectifs font 5", "3 participants"],
        id="one-status-spelt-twice",
    ),
    pytest.param(bad("--duration", "0"), ["--duration 0", "480"], id="duration-0"),
    pytest.param(bad("--duration", "900"), ["--duration 900", "480"], id="duration-900"),
    pytest.param(
        bad("--mediator", "nobody"), ["agent « nobody » introuvable"], id="unknown-mediator"
    ),
    pytest.param(
        bad("--type", "collectif", "--participants", "2", "--age-bands", "70+"),
        ["--age-bands « 70+ »", "valeur=nombre"],
        id="malformed-age-bands",
    ),
    pytest.param(bad("--type", "atelier"), ["--type « atelier »", "individuel"], id="bad-type"),
    pytest.param(bad("--type", "collectif"), ["--participants"], id="no-participants"),
    pytest.param(
        bad("--age-band", "99"), ["--age-bands « 99 »", "moins_de_douze"], id="unknown-age-band"
    ),
    pytest.param(
        bad("--age-band", "70+", "--age-bands", "70+=1"), ["--age-band"], id="both-age-options"
    ),
    pytest.param(bad("--themes", "email,Email"), ["deux fois"], id="theme-twice"),
    pytest.param(bad("--themes", ","), ["--themes", "au moins une thématique"], id="no-theme"),
    pytest.param(bad("--equipment", "minitel"), ["--equipment « minitel »"], id="bad-equipment"),
    pytest.param(
        bad("--participants", "3"),
        ["un accompagnement individuel compte une personne"],
        id="individual-3",
    ),
    pytest.param([*bad(), "--date", "2019-02-30"], ["--date", "2019-02-30"], id="impossible-date"),
    pytest.param(bad("--start", "25:00"), ["25:00"], id="bad-start"),
    pytest.param(bad("--site", "XYZ"), ["site « XYZ » introuvable"], id="unknown-site"),
    pytest.param(
        bad("--programme", "nope"), ["programme « nope » introuvable"], id="unknown-programme"
    ),
    # The Coop's vocabularies: an unknown code lists the valid ones.
    pytest.param(
        bad("--place", "mairie"),
        ["--place « mairie »", "lieu_activite, domicile, a_distance, autre"],
        id="unknown-place",
    ),
    pytest.param(
        bad("--gender", "f"), ["--genders « f »", "masculin, feminin, non_communique"], id="gender"
    ),
    pytest.param(
        bad("--type", "collectif", "--participants", "3", "--level", "expert"),
        ["--level « expert »", "debutant, intermediaire, avance"],
        id="unknown-level",
    ),
    pytest.param(
        bad("--redirection", "CCAS"),
        ["--redirection « CCAS »", "administration, mediation_numerique"],
        id="unknown-redirection",
    ),
    pytest.param(
        bad("--type", "collectif", "--participants", "3", "--genders", "feminin=2"),
        ["--genders invalide : les effectifs font 2, pas les 3 participants"],
        id="genders-not-adding-up",
    ),
    pytest.param(
        bad("--type", "collectif", "--participants", "3", "--communes", "03235=1,03173=1"),
        ["--communes invalide : les effectifs font 2, pas les 3 participants"],
        id="communes-not-adding-up",
    ),
    pytest.param(
        bad("--place", "domicile", "--place-insee", "3235"),
        ["--place-insee « 3235 »", "un code commune INSEE a 5 caractères"],
        id="insee-wrong-shape",
    ),
    pytest.param(
        bad("--commune", "03-235"), ["--communes « 03-235 »", "code commune INSEE"], id="commune"
    ),
    pytest.param(bad("--place", "domicile"), ["--place-insee manque"], id="home-no-commune"),
    pytest.param(
        bad("--place-insee", "03235"),
        ["--place-insee vaut pour une session hors du site"],
        id="insee-at-site",
    ),
    pytest.param(
        bad("--themes", "email,logement"),
        ["la thématique administrative logement va avec aide_aux_demarches_administratives"],
        id="administrative-theme-alone",
    ),
    pytest.param(bad("--details", "CAF"), ["--details va avec la thématique"], id="details-alone"),
    pytest.param(
        bad("--workshop-title", "Café IA"),
        ["--workshop-title vaut pour un atelier collectif"],
        id="title",
    ),
]


@pytest.mark.parametrize(("args", "fragments"), BAD_INPUT)
def test_bad_input(
    cli: Cli, seeded_db: Path, dump: Dump, args: list[str], fragments: list[str]
) -> None:
    before = dump(seeded_db)
    assert_refused(cli(*args), (1, 2), *fragments)
    assert dump(seeded_db) == before


def test_unknown_theme_lists_the_valid_ones(cli: Cli) -> None:
    line = assert_refused(cli(*bad("--themes", "jardinage")), (1,), "--themes")
    for code in ("email", "navigation_sur_internet", "sante", "aide_aux_demarches_administratives"):
        assert code in line


def test_show_unknown(cli: Cli) -> None:
    assert_refused(cli("mediation", "show", "99"), (1,), "session de médiation n° 99 introuvable")


def test_report_reversed_range(cli: Cli) -> None:
    result = cli("mediation", "report", "--from", "2019-03-31", "--to", "2019-03-01")
    assert_refused(result, (1, 2), "précède")


def test_report_bad_format(cli: Cli) -> None:
    result = cli("mediation", "report", "--from", "2019-03-01", "--to", "2019-03-31", "-f", "ics")
    assert_refused(result, (2,), "--format", "« ics »")


def test_export_places_bad_format(cli: Cli) -> None:
    assert_refused(cli("export", "mediation-places", "--format", "xml"), (2,), "--format")


# ---- report ---------------------------------------------------------------------------------


def march(cli: Cli, *args: str) -> Result:
    return cli("mediation", "report", "--from", "2019-03-01", "--to", "2019-03-31", *args)


def test_report_after_the_example_and_an_ardoiz_workshop(cli: Cli) -> None:
    assert cli(*EXAMPLE).exit_code == 0
    workshop = cli(*ARDOIZ)
    assert workshop.exit_code == 0, workshop.stderr
    assert "attention" not in workshop.stderr
    data = as_json(march(cli, "--format", "json"))
    assert (data["from"], data["to"]) == ("2019-03-01", "2019-03-31")
    assert data["sessions"] == 2
    assert data["people"] == 6
    assert data["hours"] == 3.5
    assert data["seniors"] == 6
    assert data["senior_share"] == 1.0
    assert [(r["theme"], r["sessions"]) for r in data["by_theme"] if r["sessions"]] == [
        ("prendre_en_main_du_materiel", 1),
        ("navigation_sur_internet", 1),
        ("email", 1),
    ]
    ages = {r["age_band"]: r["people"] for r in data["by_age_band"]}
    assert list(ages) == list(vocab.AGE_BANDS)
    assert (ages["soixante_soixante_neuf"], ages["soixante_dix_plus"], sum(ages.values())) == (
        3,
        3,
        6,
    )
    assert [(r["type"], r["sessions"]) for r in data["by_type"]] == [
        ("individuel", 1),
        ("collectif", 1),
    ]
    assert {r["place_type"]: r["sessions"] for r in data["by_place_type"]}["lieu_activite"] == 2
    assert [(r["duration_band"], r["sessions"]) for r in data["by_duration_band"]] == [
        ("30", 0),
        ("60", 0),
        ("120", 1),
        ("more", 1),
    ]
    assert data["by_site"] == [
        {
            "site_id": "00518A",
            "site_name": "Bureau de poste de Saint-Gérand-le-Puy",
            "sessions": 2,
            "people": 6,
            "hours": 3.5,
        }
    ]
    assert data["ardoiz"] == {"sessions": 1, "people": 5, "hours": 2.0}
    # the April report does not see them
    april = as_json(
        cli("mediation", "report", "--from", "2019-04-01", "--to", "2019-04-30", "-f", "json")
    )
    assert (april["sessions"], april["people"], april["senior_share"]) == (0, 0, None)


def test_report_markdown(cli: Cli) -> None:
    assert cli(*EXAMPLE).exit_code == 0
    assert cli(*ARDOIZ).exit_code == 0
    result = march(cli, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Médiation numérique — du vendredi 01/03/2019 au dimanche 31/03/2019")
    assert "- Sessions : 2" in text
    assert "- Personnes accompagnées : 6" in text
    assert "- Heures : 3,5" in text
    assert "- Personnes de 60 ans et plus : 6 (100,0\u202f% des âges connus)" in text
    (ardoiz,) = [line for line in text.splitlines() if "Ardoiz" in line]
    assert ardoiz == "- Tablette Ardoiz : 1 session, 5 personnes, 2 h"
    assert "| 00518A | Bureau de poste de Saint-Gérand-le-Puy | 2 | 6 | 3,5 |" in text
    assert "| E-mail | 1 | 50,0\u202f% |" in text
    assert "| Prendre en main du matériel | 1 | 50,0\u202f% |" in text
    assert "| Atelier collectif | 1 | 50,0\u202f% |" in text
    assert "| 70 ans et plus | 3 | 50,0\u202f% |" in text
    assert "| 60 - 69 ans | 3 | 50,0\u202f% |" in text
    assert "| mars 2019 | 2 | 6 | 3,5 |" in text
    for heading in (
        "## Par type de lieu",
        "## Par famille de thématiques",
        "## Par matériel utilisé",
        "## Par niveau d’autonomie",
        "## Par structure de redirection",
        "## Par durée",
        "## Par statut",
        "## Par genre",
        "## Par commune de résidence",
    ):
        assert heading in text
    assert "| Lieu d’activité | 2 | 100,0\u202f% |" in text
    assert "| 1 h à 2 h | 1 | 50,0\u202f% |" in text
    assert "| Non communiqué | 6 | 100,0\u202f% |" in text
    english = march(cli, "--format", "markdown", "--lang", "en")
    assert english.exit_code == 0, english.stderr
    assert english.stdout.startswith("# Digital mediation")
    assert "| Group workshop | 1 |" in english.stdout
    assert "| 70 and over | 3 | 50.0% |" in english.stdout


def test_report_csv_and_table(cli: Cli) -> None:
    assert cli(*EXAMPLE).exit_code == 0
    assert cli(*ARDOIZ).exit_code == 0
    result = march(cli, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    cells = {(r["section"], r["key"]): r for r in rows}
    assert cells["total", "sessions"]["value"] == "2"
    assert cells["total", "people"]["value"] == "6"
    assert cells["total", "hours"]["value"] == "3.5"
    assert cells["site", "00518A"]["sessions"] == "2"
    assert cells["age_band", "soixante_dix_plus"]["value"] == "3"
    assert cells["gender", "non_communique"]["value"] == "6"
    assert cells["duration_band", "more"]["sessions"] == "1"
    assert cells["ardoiz", "people"]["value"] == "5"
    table = march(cli)
    assert table.exit_code == 0, table.stderr
    assert "Personnes accompagnées : 6" in table.stdout
    assert "Traceback" not in table.stdout


def test_report_empty_period(cli: Cli) -> None:
    result = march(cli, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "- Sessions : 0" in result.stdout


def test_report_to_a_file(cli: Cli, tmp_path: Path) -> None:
    assert cli(*EXAMPLE).exit_code == 0
    target = tmp_path / "mars.md"
    result = march(cli, "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "- Sessions : 1" in target.read_text(encoding="utf-8")


# ---- list, show, themes ---------------------------------------------------------------------


def test_list_and_show(cli: Cli) -> None:
    assert cli(*ARDOIZ).exit_code == 0
    assert cli(*EXAMPLE).exit_code == 0
    assert add(cli, "00502A", "2019-04-04").exit_code == 0
    rows = as_json(cli("mediation", "list", "--format", "json"))
    # by date then start time: the 10:00 session before the 13:00 workshop
    assert [(r["id"], r["date"], r["start"]) for r in rows] == [
        (2, "2019-03-19", "10:00"),
        (1, "2019-03-19", "13:00"),
        (3, "2019-04-04", "10:00"),
    ]
    march_rows = as_json(
        cli("mediation", "list", "--from", "2019-03-01", "--to", "2019-03-31", "-f", "json")
    )
    assert [r["id"] for r in march_rows] == [2, 1]
    noyant = as_json(cli("mediation", "list", "--site", "noyant", "-f", "json"))
    assert [r["site_id"] for r in noyant] == ["00502A"]
    by_mediator = as_json(cli("mediation", "list", "--mediator", "allier-mediateur", "-f", "json"))
    assert len(by_mediator) == 3
    workshop = as_json(cli("mediation", "show", "1", "--format", "json"))
    assert workshop["type"] == "collectif"
    assert workshop["participants"] == 5
    assert workshop["age_bands"] == {"soixante_soixante_neuf": 3, "soixante_dix_plus": 2}
    assert workshop["themes"] == ["prendre_en_main_du_materiel"]
    assert workshop["equipment"] == ["tablette"]
    assert workshop["device_model"] == "ardoiz"
    assert workshop["duration_minutes"] == 120
    table = cli("mediation", "list")
    assert table.exit_code == 0, table.stderr
    assert "00502A" in table.stdout
    shown = cli("mediation", "show", "1")
    assert shown.exit_code == 0, shown.stderr
    assert "ardoiz" in shown.stdout


def test_list_csv(cli: Cli) -> None:
    assert cli(*EXAMPLE).exit_code == 0
    result = cli("mediation", "list", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert row["site_id"] == "00518A"
    assert row["duration_minutes"] == "90"


def test_empty_list(cli: Cli) -> None:
    assert as_json(cli("mediation", "list", "--format", "json")) == []


def test_themes_in_french(cli: Cli) -> None:
    rows = as_json(cli("mediation", "themes", "--format", "json"))
    themes = {r["code"]: r["label"] for r in rows if r["vocabulary"] == "theme"}
    design_themes = [
        "diagnostic_numerique", "prendre_en_main_du_materiel", "maintenance_de_materiel",
        "gere_ses_contenus_numeriques", "navigation_sur_internet", "email", "bureautique",
        "reseaux_sociaux", "sante", "banque_et_achats_en_ligne", "entrepreneuriat",
        "insertion_professionnelle", "securite_numerique", "parentalite",
        "scolarite_et_numerique", "creer_avec_le_numerique", "culture_numerique",
        "intelligence_artificielle", "aide_aux_demarches_administratives",
        "papiers_elections_citoyennete", "famille_scolarite", "social_sante", "travail_formation",
        "logement", "transports_mobilite", "argent_impots", "justice", "etrangers_europe",
        "loisirs_sports_culture", "associations",
    ]  # fmt: skip
    assert list(themes) == design_themes
    assert all(label and label != code for code, label in themes.items())
    assert themes["sante"] == "Santé"
    assert themes["securite_numerique"] == "Prévention en sécurité numérique"
    assert themes["aide_aux_demarches_administratives"] == "Aide aux démarches administratives"
    # The administrative themes are listed apart, as the Coop lists them.
    groups = {r["code"]: r["vocabulary_label"] for r in rows if r["vocabulary"] == "theme"}
    assert groups["logement"] == "Thématiques des démarches administratives"
    assert groups["email"] == "Thématiques d’accompagnement"
    vocabularies = {r["vocabulary"] for r in rows}
    assert vocabularies == {
        "session_type", "theme", "theme_family", "place_type", "age_band", "social_status",
        "gender", "equipment_used", "autonomy", "redirection", "workshop_level", "duration_band",
    }  # fmt: skip
    codes = {(r["vocabulary"], r["code"]) for r in rows}
    assert ("age_band", "soixante_dix_plus") in codes
    assert ("place_type", "a_distance") in codes
    assert ("redirection", "operateur_ou_organisme_en_charge") in codes
    assert ("workshop_level", "avance") in codes
    assert ("gender", "feminin") in codes
    assert ("autonomy", "partiellement_autonome") in codes
    assert ("social_status", "retraite") in codes


def test_themes_in_english(cli: Cli) -> None:
    rows = as_json(cli("mediation", "themes", "--format", "json", "--lang", "en"))
    labels = {(r["vocabulary"], r["code"]): r["label"] for r in rows}
    assert labels["theme", "sante"] == "Health"
    assert labels["theme", "securite_numerique"] == "Online safety"
    assert labels["session_type", "collectif"] == "Group workshop"
    assert labels["age_band", "soixante_dix_plus"] == "70 and over"
    french = {
        (r["vocabulary"], r["code"]): r["label"]
        for r in as_json(cli("mediation", "themes", "--format", "json"))
    }
    assert set(labels) == set(french)
    assert labels != french


# ---- lieux de médiation numérique -----------------------------------------------------------


def test_export_mediation_places_csv(cli: Cli) -> None:
    result = cli("export", "mediation-places", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    header = reader.fieldnames or []
    for field in (
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "latitude",
        "longitude", "horaires", "services", "dispositif_programmes_nationaux",
        "modalites_accompagnement", "frais_a_charge", "date_maj",
    ):  # fmt: skip
        assert field in header, field
    rows = {r["id"]: r for r in reader}
    assert set(ALLIER) <= set(rows)
    saint_gerand = rows["00518A"]
    assert saint_gerand["nom"] == "Bureau de poste de Saint-Gérand-le-Puy"
    assert saint_gerand["commune"] == "Saint-Gérand-le-Puy"
    assert saint_gerand["code_postal"] == "03150"
    assert saint_gerand["code_insee"] == "03235"
    assert saint_gerand["services"].split("|") == [
        "Accès internet et matériel informatique",
        "Maîtrise des outils numériques du quotidien",
    ]
    assert saint_gerand["modalites_accompagnement"].split("|") == [
        "Accompagnement individuel",
        "En autonomie",
    ]
    assert saint_gerand["horaires"] == ""  # unknown hours
    assert saint_gerand["frais_a_charge"] == "Gratuit"
    assert float(saint_gerand["latitude"]) == pytest.approx(46.257372)
    vigny = rows["17510A"]
    assert "France Services" in vigny["dispositif_programmes_nationaux"]
    assert vigny["horaires"] == VIGNY_HOURS
    for row in rows.values():
        assert "," not in row["services"]


def test_export_mediation_places_json(cli: Cli) -> None:
    assert cli(*ARDOIZ).exit_code == 0
    places = as_json(cli("export", "mediation-places", "--format", "json"))
    by_id = {p["id"]: p for p in places}
    assert set(ALLIER) <= set(by_id)
    assert by_id["00518A"]["modalites_accompagnement"].split("|") == [
        "Accompagnement individuel",
        "Dans un atelier collectif",
        "En autonomie",
    ]
    assert by_id["00502A"]["modalites_accompagnement"] == "Accompagnement individuel|En autonomie"
    assert by_id["00518A"]["code_postal"] == "03150"
    assert by_id["00518A"]["horaires"] is None
    assert by_id["17510A"]["horaires"] == VIGNY_HOURS
    assert by_id["17510A"]["dispositif_programmes_nationaux"] == "France Services"
    department = as_json(
        cli("export", "mediation-places", "--format", "json", "--department", "03")
    )
    assert [p["id"] for p in department] == list(ALLIER)


def test_export_mediation_places_to_a_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "lieux.csv"
    result = cli("export", "mediation-places", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {"00518A", "17510A"} <= {r["id"] for r in rows}
