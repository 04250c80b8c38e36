"""`programmes` and `agents` through the CLI on the seeded database."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Cli = Callable[..., Result]


@pytest.fixture(autouse=True)
def _seeded(seeded_db: Path) -> Path:
    return seeded_db


def test_programmes_list_as_csv(cli: Cli) -> None:
    result = cli("programmes", "list", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["code"] for row in rows] == [
        "ccsb-ardoiz-2018",
        "allier-mediation-2019",
        "gers-coworking-2019",
        "saint-amand-2021",
        "agen-2021",
        "vigny-2021",
    ]
    vigny = rows[-1]
    assert vigny == {
        "code": "vigny-2021",
        "title": "France Services en mobilité — Vigny",
        "department": "95",
        "start": "2021-04-27",
        "planned_end": "2021-07-26",
        "status": "running",
        "funder": "Banque des Territoires",
        "funding_eur": "",
        "start_precision": "day",
        "illustrative": "false",
        "illustrative_reason": "",
    }
    gers = rows[2]
    assert gers["funding_eur"] == "32000"
    assert rows[0]["department"] == "05"  # leading zero kept


def test_programmes_list_as_table_has_french_dates(cli: Cli) -> None:
    out = cli("programmes", "list", "-d", "95").stdout
    assert "mardi 27/04/2021" in out
    assert "lundi 26/07/2021" in out


def test_programmes_extend_then_show(cli: Cli) -> None:
    result = cli(
        "programmes", "extend", "vigny-2021", "--until", "2021-12-31", "--reason", "retours"
    )
    assert result.exit_code == 0
    assert result.stderr == "programme vigny-2021 prolongé jusqu'au 31 décembre 2021\n"
    data = json.loads(cli("programmes", "show", "vigny-2021", "--format", "json").stdout)
    assert data["planned_end"] == "2021-12-31"
    assert data["status"] == "extended"
    assert data["permanences"] == 2
    assert [
        (c["action"], c["previous_end"], c["new_end"], c["reason"]) for c in data["changes"]
    ] == [("extend", "2021-07-26", "2021-12-31", "retours")]


def test_programmes_end_then_extend_is_refused(cli: Cli) -> None:
    ended = cli("programmes", "end", "saint-amand-2021", "--on", "2021-07-07")
    assert ended.exit_code == 0
    assert ended.stderr == "programme saint-amand-2021 terminé le 7 juillet 2021\n"
    refused = cli("programmes", "extend", "saint-amand-2021", "--until", "2021-12-31")
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        "erreur : le programme saint-amand-2021 s'est terminé le 7 juillet 2021 ; il ne peut "
        "pas être prolongé"
    ]


def test_agents_list_as_json(cli: Cli) -> None:
    result = cli("agents", "list", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    mediator = next(row for row in rows if row["id"] == "allier-mediateur")
    assert mediator["weekly_hours"] == 18
    assert mediator["name"] is None


def test_agents_list_by_site_name(cli: Cli) -> None:
    out = cli("agents", "list", "--site", "vigny").stdout
    table = out.split("\n\n")[0]  # the notes of the illustrative mark follow the table
    ids = [line.split()[0] for line in table.splitlines()[2:] if line.strip()]
    assert ids == ["vigny-conseillere-1", "vigny-conseillere-2"]
