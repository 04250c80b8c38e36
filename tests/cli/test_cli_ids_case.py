"""Ids people type in another case: a programme, an agent or a space is found as a site is
(`VIGNY-2021` is `vigny-2021`), and a new one whose id differs from another's only in case is
refused, since the commands could not tell the two apart."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from backends import Database, dump_database

Cli = Callable[..., Result]


@pytest.mark.parametrize(
    ("command", "key", "value"),
    [
        (("programmes", "show", "VIGNY-2021"), "code", "vigny-2021"),
        (("agents", "show", "Vigny-Conseillere-1"), "id", "vigny-conseillere-1"),
    ],
)
def test_a_record_is_found_whatever_the_case_of_its_id(
    cli: Cli, seeded_db: Database, command: tuple[str, ...], key: str, value: str
) -> None:
    done = cli(*command, "--format", "json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)[key] == value


def test_a_space_is_booked_and_configured_whatever_the_case_of_its_id(
    cli: Cli, seeded_db: Database
) -> None:
    booked = cli("coworking", "book", "SAINT-CLAR", "--date", "2019-05-14", "--from",
                 "09:00", "--to", "10:00", "--name", "Camille", "--category", "soho_solo",
                 "--record")  # fmt: skip
    assert booked.exit_code == 0, booked.stderr
    assert "saint-clar" in booked.stderr
    configured = cli("coworking", "configure", "Saint-Clar", "--capacity", "3")
    assert configured.exit_code == 0, configured.stderr
    spaces = json.loads(cli("coworking", "spaces", "--format", "json").stdout)
    assert [(s["id"], s["capacity"]) for s in spaces] == [("saint-clar", 3)]


@pytest.mark.parametrize(
    ("command", "existing", "new"),
    [
        (("programmes", "add", "VIGNY-2021", "--title", "Autre", "--model", "autre",
          "--start", "2021-01-01"), "vigny-2021", "VIGNY-2021"),
        (("agents", "add", "Vigny-Conseillere-1", "--name", "Autre", "--role",
          "mediateur_numerique"), "vigny-conseillere-1", "Vigny-Conseillere-1"),
    ],
)  # fmt: skip
def test_an_id_that_differs_from_another_only_in_case_is_refused(
    cli: Cli, seeded_db: Database, command: tuple[str, ...], existing: str, new: str
) -> None:
    before = dump_database(seeded_db)
    done = cli(*command)
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : « {existing} » existe déjà : « {new} » ne s'en distingue que par les "
        "majuscules ; choisir un autre identifiant"
    ]
    assert dump_database(seeded_db) == before


def test_permanences_name_the_programme_by_its_own_id(cli: Cli, seeded_db: Path) -> None:
    added = cli("permanences", "add", "--programme", "VIGNY-2021", "--agent",
                "VIGNY-CONSEILLERE-1", "--site", "17510a", "--every", "friday", "--start",
                "09:00", "--end", "11:00", "--valid-from", "2021-05-07")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    listed = json.loads(cli("permanences", "list", "--format", "json").stdout)
    assert (listed[-1]["programme"], listed[-1]["agent"], listed[-1]["site_id"]) == (
        "vigny-2021",
        "vigny-conseillere-1",
        "17510A",
    )
