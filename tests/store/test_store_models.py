"""The tables are defined in parts, loaded on first use: the index of parts stays true, a part
brings the tables its foreign keys point to, and a command loads only the parts it touches."""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from presence_postale.store import models
from presence_postale.store.models.base import Table
from refusals import refused

# Which parts are loaded by a fresh interpreter after the given statement.
PROBE = """
import sys
{statement}
print(",".join(sorted(
    name.rsplit(".", 1)[1] for name in sys.modules
    if name.startswith("presence_postale.store.models.") and not name.endswith(".base")
)))
"""


def _parts_loaded_after(statement: str, env: dict[str, str] | None = None) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return set(filter(None, done.stdout.strip().splitlines()[-1].split(",")))


def test_each_part_defines_exactly_the_tables_the_index_gives_it() -> None:
    for part, names in models.PARTS.items():
        module = import_module(f"presence_postale.store.models.{part}")
        # A part imports other parts as modules, never their tables: what it holds it defines.
        defined = {
            name
            for name, value in vars(module).items()
            if inspect.isclass(value) and issubclass(value, Table) and value is not Table
        }
        assert defined == set(names), part


def test_every_table_of_the_schema_is_reachable_by_name() -> None:
    by_table = {getattr(models, name).__tablename__ for name in models._PART_OF}
    assert by_table == set(models.metadata().tables)
    assert len(models.metadata().tables) == 24


def test_the_names_for_type_checkers_are_the_names_of_the_index() -> None:
    tree = ast.parse(Path(models.__file__).read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    imported = {
        (node.module.rsplit(".", 1)[1], alias.name)
        for node in guarded.body
        if isinstance(node, ast.ImportFrom) and node.module.startswith("presence_postale.")
        for alias in node.names
    }
    assert imported == {(part, name) for part, names in models.PARTS.items() for name in names}


def test_a_table_keeps_the_name_it_is_imported_by() -> None:
    # SQLAlchemy orders a flush's inserts by the mapper's module and class name.
    for name in models._PART_OF:
        table = getattr(models, name)
        assert table.__module__ == "presence_postale.store.models"
        assert table.__mapper__._sort_key == f"presence_postale.store.models.{name}"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with refused(AttributeError, match="no attribute 'Nothing'"):
        models.Nothing  # noqa: B018
    assert "Site" in dir(models) and "metadata" in dir(models)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Site", {"places"}),
        ("Agent", {"places", "agents"}),
        ("Permanence", {"places", "agents", "programmes", "permanences"}),
        ("Reservation", {"places", "coworking"}),
        ("MediationSession", {"places", "agents", "programmes", "mediation"}),
    ],
)
def test_a_table_loads_its_part_and_the_parts_its_keys_point_to(name: str, parts: set[str]) -> None:
    statement = f"from presence_postale.store import models; models.{name}"
    assert _parts_loaded_after(statement) == parts


def test_the_whole_schema_loads_every_part() -> None:
    statement = "from presence_postale.store import models; models.metadata()"
    assert _parts_loaded_after(statement) == set(models.PARTS)


@pytest.mark.parametrize(
    "args", [["sites", "list", "-d", "95"], ["sites", "show", "05712A"]], ids=["list", "show"]
)
def test_reading_sites_defines_only_the_places(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PRESENCE_POSTALE_DB": str(tmp_path / "p.db")}
    subprocess.run(
        [sys.executable, "-m", "presence_postale", "init"], env=env, check=True, capture_output=True
    )
    statement = (
        "import contextlib, io\n"
        "from presence_postale.cli.app import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    app(args={args!r}, standalone_mode=False)"
    )
    assert _parts_loaded_after(statement, env) == {"places"}
