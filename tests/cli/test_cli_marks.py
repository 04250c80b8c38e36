"""Every view shows what is illustrative, dates known to the month read as such, and unknown
hours are never closed: the seeded database through the commands people and scripts use."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Cli = Callable[..., Result]
SITE = """\
sites:
  - id: mairie-test
    name: Mairie de Test
    kind: mairie
    department: "95"
    staff_count: 2
    opening_hours: "Mo-Fr 09:00-12:00"
    illustrative: true
    illustrative_reason: Horaires et effectif supposés, en attendant ceux de la mairie.
"""


def ok(cli: Cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("command", "marked", "note"),
    [
        (("agents", "list"), "vigny-conseillere-1", "Les sources divergent sur qui tient"),
        (("permanences", "list", "--programme", "vigny-2021"), "vigny-conseillere-2", "Agente"),
        (("programmes", "list"), "agen-2021", "Dates : les documents ne donnent ni le début"),
        (("coworking", "spaces"), "saint-clar", "Heures réservables : les horaires du bureau"),
        (("mediation", "hours", "--week", "2019-W12"), "allier-mediateur", "Heures au contrat"),
        (
            ("permanences", "schedule", "--from", "2021-04-27", "--to", "2021-04-28"),
            "mairie-grisy-les-platres",
            "Agente",
        ),
    ],
)
def test_every_listing_marks_illustrative_rows_in_a_column_with_the_reason_below(
    cli: Cli, seeded_db: Path, command: tuple[str, ...], marked: str, note: str
) -> None:
    table = ok(cli, *command)
    assert any(line.rstrip().endswith("note") for line in table.splitlines()[:4])
    row = next(line for line in table.splitlines() if marked in line)
    assert row.rstrip().endswith("]"), row
    assert f"] illustratif : {note}" in _flat(table)
    for fmt in ("markdown", "html"):
        assert f"illustratif : {note}" in _flat(ok(cli, *command, "--format", fmt))
    rows = list(csv.DictReader(io.StringIO(ok(cli, *command, "--format", "csv"))))
    assert {"illustrative", "illustrative_reason"} <= set(rows[0])
    assert any(r["illustrative"] == "true" and note in r["illustrative_reason"] for r in rows)
    data = json.loads(ok(cli, *command, "--format", "json"))
    assert any(r["illustrative"] is True and note in r["illustrative_reason"] for r in data)


@pytest.mark.parametrize(
    ("command", "note"),
    [
        (("agents", "show", "allier-mediateur"), "Heures au contrat"),
        (("permanences", "show", "1"), "Agente"),
        (("programmes", "show", "ccsb-ardoiz-2018"), "Début : la date de la réunion"),
    ],
)
def test_every_show_gives_the_flag_and_the_reason(
    cli: Cli, seeded_db: Path, command: tuple[str, ...], note: str
) -> None:
    table = _flat(ok(cli, *command))
    assert "illustratif oui" in table and f"pourquoi illustratif {note}" in table
    pairs = dict(csv.reader(io.StringIO(ok(cli, *command, "--format", "csv"))))
    assert pairs["illustrative"] == "true" and pairs["illustrative_reason"].startswith(note)
    data = json.loads(ok(cli, *command, "--format", "json"))
    assert data["illustrative"] is True and data["illustrative_reason"].startswith(note)


def test_an_illustrative_site_is_marked_in_lists_and_shows_and_never_judged(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    records = tmp_path / "site.yaml"
    records.write_text(SITE, encoding="utf-8")
    ok(cli, "import", "records", str(records))
    listing = ok(cli, "sites", "list", "-d", "95")
    assert next(line for line in listing.splitlines() if "mairie-test" in line).endswith("[1]")
    assert "[1] illustratif : Horaires et effectif supposés" in listing
    assert "[1]" not in next(line for line in listing.splitlines() if "17510A" in line)
    shown = _flat(ok(cli, "sites", "show", "mairie-test"))
    assert "pourquoi illustratif Horaires et effectif supposés" in shown
    ok(
        cli,
        "sites",
        "update",
        "mairie-test",
        "--add-label",
        "france_services",
        "--from",
        "2021-01-01",
    )
    compliance = json.loads(
        ok(cli, "report", "compliance", "--week", "2021-W17", "-d", "95", "-f", "json")
    )
    test = next(s for s in compliance["sites"] if s["site_id"] == "mairie-test")
    assert (test["status"], test["staff"], test["illustrative"]) == ("unknown", 2, True)
    weekly = ok(cli, "report", "weekly", "--week", "2021-W17", "-d", "95")
    assert "Illustratif : Horaires et effectif supposés" in weekly


def test_the_weekly_report_marks_illustrative_permanences_in_every_format(
    cli: Cli, seeded_db: Path
) -> None:
    args = ("report", "weekly", "--week", "2021-W17", "--department", "95")
    # The weekly report marks each illustrative permanence where it is listed, unnumbered.
    marked = "Illustratif : Agente : le document 002 ne dit pas laquelle des deux chargées"
    for fmt in ("table", "markdown", "html"):
        assert marked in _flat(ok(cli, *args, "--format", fmt)), fmt
    rows = list(csv.DictReader(io.StringIO(ok(cli, *args, "--format", "csv"))))
    permanences = [r for r in rows if r["section"] == "permanence"]
    assert permanences and all(r["illustrative"] == "true" for r in permanences)
    vigny_hours = [r for r in rows if r["site_id"] == "17510A" and r["section"] == "hours"]
    assert {r["illustrative"] for r in vigny_hours} == {"false"}
    data = json.loads(ok(cli, *args, "--format", "json"))
    occurrences = [p for s in data["sites"] for p in s["permanences"]]
    assert occurrences and all(p["illustrative"] is True for p in occurrences)


def test_an_agents_calendar_says_which_events_are_illustrative(cli: Cli, seeded_db: Path) -> None:
    ics = ok(
        cli, "export", "calendar", "--agent", "vigny-conseillere-1",
        "--from", "2021-04-27", "--to", "2021-04-28",
    )  # fmt: skip
    unfolded = ics.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    assert "Illustratif : Agente : le document 002 ne dit pas laquelle" in unfolded


def test_a_start_known_to_the_month_reads_as_a_month(cli: Cli, seeded_db: Path) -> None:
    listing = ok(cli, "programmes", "list")
    allier = next(line for line in listing.splitlines() if "allier-mediation-2019" in line)
    assert "mars 2019" in allier and "01/03/2019" not in allier
    assert "March 2019" in ok(cli, "programmes", "list", "--lang", "en")
    assert "début mars 2019" in _flat(ok(cli, "programmes", "show", "allier-mediation-2019"))
    rows = list(csv.DictReader(io.StringIO(ok(cli, "programmes", "list", "-f", "csv"))))
    allier_row = next(r for r in rows if r["code"] == "allier-mediation-2019")
    assert (allier_row["start"], allier_row["start_precision"]) == ("2019-03-01", "month")
    report = ok(cli, "report", "programme", "allier-mediation-2019")
    assert "Période : de mars 2019 au " in report
    evaluation = json.loads(ok(cli, "report", "programme", "allier-mediation-2019", "-f", "json"))
    assert evaluation["programme"]["start_precision"] == "month"
    agen = ok(cli, "report", "programme", "agen-2021", "--format", "markdown")
    assert "- Illustratif : Dates : les documents ne donnent ni le début ni le bureau" in agen


def test_unknown_hours_are_unknown_in_every_format_of_sites_hours(
    cli: Cli, seeded_db: Path
) -> None:
    args = ("sites", "hours", "mairie-grisy-les-platres", "--week", "2021-W17")
    table = ok(cli, *args)
    days = [line for line in table.splitlines() if "/2021" in line]
    assert len(days) == 7 and all("horaires inconnus" in line for line in days)
    assert "fermé" not in "".join(days) and "Fête du Travail" not in table
    assert "Hours unknown" not in ok(cli, *args, "--lang", "en")
    assert "hours unknown" in ok(cli, *args, "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(ok(cli, *args, "--format", "csv"))))
    assert {r["hours"] for r in rows} == {"unknown"} and {r["closed_because"] for r in rows} == {""}
    data = json.loads(ok(cli, *args, "--format", "json"))
    assert {(d["status"], d["open"], d["minutes"]) for d in data} == {("unknown", None, None)}
    # A closure is known even where the hours are not.
    ok(
        cli,
        "sites",
        "close",
        "mairie-grisy-les-platres",
        "--from",
        "2021-04-27",
        "--reason",
        "élections",
    )
    closed = json.loads(ok(cli, *args, "--format", "json"))[1]
    assert (closed["status"], closed["open"], closed["closure"]) == ("closed", False, "élections")
    # Known hours: open and closed, and a total.
    vigny = json.loads(ok(cli, "sites", "hours", "17510A", "--week", "2021-W17", "-f", "json"))
    assert [d["status"] for d in vigny] == ["open"] * 5 + ["closed"] * 2


def test_the_weekly_report_tells_unknown_from_closed(cli: Cli, seeded_db: Path) -> None:
    args = ("report", "weekly", "--week", "2021-W17", "--department", "95")
    rows = list(csv.DictReader(io.StringIO(ok(cli, *args, "--format", "csv"))))
    grisy = [
        r for r in rows if r["site_id"] == "mairie-grisy-les-platres" and r["section"] == "hours"
    ]
    assert {r["status"] for r in grisy} == {"unknown"}
    assert next(r for r in grisy if r["date"] == "2021-05-01")["detail"] == "Fête du Travail"
    vigny = [r for r in rows if r["site_id"] == "17510A" and r["section"] == "hours"]
    assert [r["status"] for r in vigny] == ["open"] * 5 + ["closed"] * 2
    data = json.loads(ok(cli, *args, "--format", "json"))
    sites = {s["id"]: s for s in data["sites"]}
    assert sites["mairie-grisy-les-platres"]["hours_total"] is None
    assert sites["17510A"]["hours_total"] == 29.5
    table = ok(cli, *args)
    grisy_block = table.split("Détail par site")[1].split("Mairie de Grisy-les-Plâtres")[1]
    assert "Horaires inconnus." in grisy_block.split("Permanences")[0]
    grid = table.split("La semaine en un coup d'œil")[1].split("Détail par site")[0]
    grisy_row = grid.split("Mairie de")[1]
    assert "inconnu" in grisy_row and "fermé" not in grisy_row


def test_a_delegate_who_enters_the_real_values_removes_the_mark(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    hours = "Tu-Fr 09:00-12:00,14:00-17:00"
    ok(cli, "coworking", "configure", "saint-clar", "--hours", hours, "--not-illustrative")
    (space,) = json.loads(ok(cli, "coworking", "spaces", "--format", "json"))
    assert (space["opening_hours"], space["illustrative"], space["illustrative_reason"]) == (
        hours,
        False,
        None,
    )
    assert "illustratif" not in ok(cli, "coworking", "spaces")
    ok(cli, "agents", "update", "allier-mediateur", "--weekly-hours", "18", "--not-illustrative")
    mediator = json.loads(ok(cli, "agents", "show", "allier-mediateur", "--format", "json"))
    assert (mediator["illustrative"], mediator["illustrative_reason"]) == (False, None)
    records = tmp_path / "site.yaml"
    records.write_text(SITE, encoding="utf-8")
    ok(cli, "import", "records", str(records))
    ok(cli, "sites", "update", "mairie-test", "--staff", "3", "--not-illustrative")
    site = json.loads(ok(cli, "sites", "show", "mairie-test", "--format", "json"))
    assert (site["staff_count"], site["illustrative"], site["illustrative_reason"]) == (
        3,
        False,
        None,
    )
    # The mark alone is a change: nothing else need be given.
    ok(cli, "import", "records", str(records))
    ok(cli, "sites", "update", "mairie-test", "--not-illustrative")
    assert "[1]" not in ok(cli, "sites", "list", "-d", "95")


def test_a_site_show_says_its_hours_are_unknown(cli: Cli, seeded_db: Path) -> None:
    assert "horaires inconnus" in ok(cli, "sites", "show", "mairie-grisy-les-platres")
    pairs = dict(
        csv.reader(io.StringIO(ok(cli, "sites", "show", "mairie-grisy-les-platres", "-f", "csv")))
    )
    assert pairs["opening_hours"] == "unknown"
    data = json.loads(ok(cli, "sites", "show", "mairie-grisy-les-platres", "-f", "json"))
    assert data["opening_hours"] is None
