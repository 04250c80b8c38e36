"""A database file is named as it is given: characters a URL reserves (`?`, `#`, `%`, `@`,
`:`) are part of the name. Read as a URL, `a?b.db` was the file `a` with options: the seed
went to `.a` and `a`, the command failed half-way, and `a%3Fb.db` opened `a?b.db`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

pytestmark = pytest.mark.sqlite_only  # about the database's own file

Cli = Callable[..., Result]


@pytest.mark.parametrize("name", ["base?mode=ro", "a%3Fb.db", "c#d@e:f g.db"])
def test_a_database_is_made_read_written_and_saved_at_exactly_its_name(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    place = tmp_path / "bases" / name
    place.parent.mkdir()
    done = cli("--db", str(place), "sites", "add", "X1", "--name", "Mairie test", "--kind",
               "mairie", "-d", "95")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert done.stderr.splitlines()[0].startswith(f"base créée : {place}, ")
    done = cli("--db", f"sqlite:///{place}", "sites", "show", "X1", "--format", "json")
    assert done.exit_code == 0, done.stderr
    assert '"name": "Mairie test"' in done.stdout
    assert cli("--db", str(place), "db", "backup", f"{place}.bak").exit_code == 0
    assert cli("--db", str(place), "db", "check").exit_code == 0
    # Only the database and its backup: no file named after part of the name.
    assert sorted(p.name for p in place.parent.iterdir()) == sorted([name, f"{name}.bak"])
    done = cli("--db", f"{place}.bak", "sites", "show", "X1", "--format", "json")
    assert done.exit_code == 0 and '"name": "Mairie test"' in done.stdout


@pytest.mark.parametrize(
    ("name", "shown"),
    [("a\nb.db", "a b.db"), ("x\x1b[31mrouge.db", "x\\x1b[31mrouge.db")],
    ids=["line-break", "terminal-escape"],
)
def test_a_name_with_control_characters_is_said_on_one_line_and_escaped(
    cli: Cli, tmp_path: Path, name: str, shown: str
) -> None:
    """A line for people (here: the database was made) holds on one line, as an error does,
    and a terminal escape in a file's name is shown, not sent to the terminal."""
    place = tmp_path / name
    done = cli("--db", str(place), "sites", "list", "-d", "95")
    assert done.exit_code == 0, done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"base créée : {tmp_path}/{shown}, chargée avec les données de départ")
    assert place.exists()


def test_a_line_for_people_keeps_the_narrow_spaces_of_its_numbers(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """« 1 234 créés » holds U+202F between the digits: a line made one line keeps it."""
    rows = "\n".join(f"x{n},Site {n},mairie,95" for n in range(1234))
    path = tmp_path / "sites.csv"
    path.write_text("id,name,kind,department\n" + rows + "\n", encoding="utf-8")
    done = cli("import", "records", str(path), "--kind", "sites")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.splitlines()[-1].startswith("1\u202f234 créés, 0 modifié")
