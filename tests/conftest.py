"""Shared fixtures: an isolated user directory and database location for every test, the
bundled-seed database (built once per session, copied per test), and a CliRunner helper."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner, Result

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own database location and its own user app directory."""
    home = tmp_path / "home"
    config = tmp_path / "config"
    home.mkdir()
    config.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.delenv("NO_COLOR", raising=False)
    db_path = tmp_path / "presence-postale.db"
    monkeypatch.setenv("PRESENCE_POSTALE_DB", str(db_path))
    return db_path


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created with the bundled seed, built once for the whole session."""
    from presence_postale.formats.seed import bundled_seed
    from presence_postale.services.database import create_database

    path = tmp_path_factory.mktemp("template") / "seeded.db"
    create_database(path, seed=bundled_seed())
    return path


@pytest.fixture
def seeded_db(seed_template: Path, isolated_env: Path) -> Path:
    """A fresh copy of the seeded database, at the location PRESENCE_POSTALE_DB names."""
    shutil.copy(seed_template, isolated_env)
    isolated_env.chmod(0o600)
    return isolated_env


@pytest.fixture
def engine(seeded_db: Path) -> Iterator[Engine]:
    from presence_postale.store.db import make_engine

    eng = make_engine(f"sqlite:///{seeded_db}")
    try:
        yield eng
    finally:
        eng.dispose()


def dump_database(path: Path) -> list[str]:
    """Every table's schema and rows, as SQL: the logical content, whatever the WAL holds."""
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


@pytest.fixture
def dump() -> Callable[[Path], list[str]]:
    return dump_database


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run the CLI in-process: `cli("sites", "list")`; the result has .stdout and .stderr."""
    from presence_postale.cli.app import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input)

    return invoke
