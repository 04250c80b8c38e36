"""`--department` is read as the database writes codes, by every command that takes it: `2a`
is Corsica's 2A (as an INSEE code `2a004` is), a code given twice counts once, and an unknown
one is refused in one French line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from backends import Database

Cli = Callable[..., Result]
COMMANDS = [
    ("sites", "list"),
    ("agents", "list"),
    ("programmes", "list"),
    ("permanences", "list"),
    ("permanences", "schedule", "--week", "2021-W17"),
    ("report", "weekly", "--week", "2021-W17"),
    ("report", "compliance", "--week", "2021-W17"),
    ("export", "sites"),
    ("export", "mediation-places"),
    ("export", "records"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
@pytest.mark.parametrize(("given", "code"), [("2a", "2A"), (" 95 ", "95"), ("03", "03")])
def test_a_code_in_another_case_is_the_same_department(
    cli: Cli, seeded_db: Database, command: tuple[str, ...], given: str, code: str
) -> None:
    expected = cli(*command, "--department", code)
    assert expected.exit_code == 0, expected.stderr
    found = cli(*command, "--department", given)
    assert (found.exit_code, found.stdout, found.stderr) == (0, expected.stdout, expected.stderr)


def test_a_department_given_twice_counts_once(
    cli: Cli, seeded_db: Database, tmp_path: Path
) -> None:
    once = cli("export", "records", "-d", "03", "-d", "95")
    twice = cli("export", "records", "-d", "03", "-d", "95", "-d", "95", "-d", "03")
    assert once.exit_code == twice.exit_code == 0
    assert twice.stdout == once.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_an_unknown_department_is_one_french_line(
    cli: Cli, seeded_db: Database, command: tuple[str, ...]
) -> None:
    done = cli(*command, "--department", "zz")
    assert (done.exit_code, done.stderr) == (1, "erreur : département « ZZ » introuvable\n")
