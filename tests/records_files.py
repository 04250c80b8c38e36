"""Records files in tests: new empty databases on the backend under test, exports to a file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML
from typer.testing import Result

from backends import (
    Database,
    ServerDatabase,
    create_schema,
    create_server_database,
    drop_server_database,
    table_counts,
    url_of,
)

Cli = Callable[..., Result]


@pytest.fixture
def empty_database(tmp_path: Path, isolated_env: Database) -> Iterator[Callable[[], Database]]:
    """New databases with the schema and no rows, on the backend under test."""
    made: list[ServerDatabase] = []

    def make() -> Database:
        if isinstance(isolated_env, ServerDatabase):
            made.append(create_server_database())
            return create_schema(made[-1])
        return create_schema(tmp_path / f"empty-{len(list(tmp_path.glob('empty-*.db')))}.db")

    try:
        yield make
    finally:
        for database in made:
            drop_server_database(database.name)


def location(db: Database) -> str:
    return url_of(db) if isinstance(db, ServerDatabase) else str(db)


def export(cli: Cli, db: Database | None, path: Path, *options: str) -> str:
    """`export records` of `db` (the test's database: None) into `path`; its text."""
    at = ("--db", location(db)) if db is not None else ()
    done = cli(*at, "export", "records", "-o", str(path), *options)
    assert done.exit_code == 0, done.stderr
    return path.read_text(encoding="utf-8")


def round_trip(cli: Cli, source: Database, empty: Database, tmp_path: Path) -> None:
    """Export `source`, import it into `empty`: same rows per table, same bytes again."""
    first = export(cli, source, tmp_path / "first.yaml", "--include-personal")
    # A YAML 1.2 reader reads the same records as PyYAML.
    assert YAML(typ="safe", pure=True).load(first) == yaml.safe_load(first)
    loaded = cli("--db", location(empty), "import", "records", str(tmp_path / "first.yaml"))
    assert loaded.exit_code == 0, loaded.stderr
    expected = {t: n for t, n in table_counts(source).items() if t != "commune"}
    assert {t: n for t, n in table_counts(empty).items() if t != "commune"} == expected
    assert export(cli, empty, tmp_path / "second.yaml", "--include-personal") == first
