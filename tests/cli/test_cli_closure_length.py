"""A closure is bounded as a delegate expects: it ends after it starts, and lasts five years at
most (longer, the site is closed for good). `sites close` and a records file refuse the same
closure with the same words, in one line, the database unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from backends import Database, dump_database

Cli = Callable[..., Result]
TOO_LONG = (
    "une fermeture de plus de 5 ans est une fermeture définitive : celle-ci finit au plus tard "
    "le mercredi 31/12/2025 ; un site qui ne rouvre pas se supprime (presence-postale sites "
    "remove)"
)
BEFORE = "la fin 2020-12-31 précède le début 2021-01-01"


@pytest.mark.parametrize(("end", "why"), [("2199-12-31", TOO_LONG), ("2026-01-01", TOO_LONG),
                                          ("2020-12-31", BEFORE)])  # fmt: skip
def test_the_command_and_the_file_refuse_the_same_closure_alike(
    cli: Cli, seeded_db: Database, tmp_path: Path, end: str, why: str
) -> None:
    before = dump_database(seeded_db)
    done = cli("sites", "close", "17510A", "--from", "2021-01-01", "--to", end,
               "--reason", "travaux")  # fmt: skip
    assert done.exit_code == 1
    assert done.stderr == f"erreur : --to « {end} » invalide : {why}\n"
    path = tmp_path / "closures.yaml"
    path.write_text(
        "version: 1\nclosures:\n  - site: 17510A\n    start: 2021-01-01\n"
        f"    end: {end}\n    reason: travaux\n",
        encoding="utf-8",
    )
    done = cli("import", "records", str(path))
    assert done.exit_code == 1
    assert done.stderr == f"erreur : {path} : ligne 5 : closures[0].end « {end} » : {why}\n"
    assert dump_database(seeded_db) == before


def test_a_closure_of_five_years_is_taken(cli: Cli, seeded_db: Database) -> None:
    done = cli("sites", "close", "17510A", "--from", "2021-01-01", "--to", "2025-12-31",
               "--reason", "travaux")  # fmt: skip
    assert done.exit_code == 0, done.stderr
