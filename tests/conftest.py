"""Shared fixtures: an isolated user directory and database location for every test, the
bundled-seed database (built once per session, copied per test), and a CliRunner helper.

With PRESENCE_POSTALE_TEST_POSTGRES set (see tests/backends.py), the same tests run against
PostgreSQL: every test gets a database of its own on that server (the seeded one a copy of a
template built once), and tests marked `sqlite_only` (about the SQLite file itself) skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner, Result

from backends import (
    IN_CI,
    NO_SERVER_REASON,
    ON_POSTGRES,
    SQLITE_ONLY_REASON,
    Database,
    ServerDatabase,
    create_server_database,
    drop_server_database,
    dump_database,
    server_url,
    url_of,
)
from records_files import empty_database  # noqa: F401 - a fixture: new empty databases
from smtp_box import mail_server  # noqa: F401 - a fixture: a real SMTP server on 127.0.0.1

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from presence_postale.cli.environment import Environment


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    skip = pytest.mark.skip(reason=SQLITE_ONLY_REASON)
    for item in items:
        if item.get_closest_marker("sqlite_only") is not None:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Database]:
    """Every test gets its own database location and its own user app directory.

    On PostgreSQL the location is a new database of its own on the server: empty (a first
    command creates the schema and loads the seed, as it creates a missing file), or a copy
    of the seeded template when the test asks for `seeded_db`.
    """
    home = tmp_path / "home"
    config = tmp_path / "config"
    home.mkdir()
    config.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The tool's own defaults: French, and tables not folded (output is not a terminal).
    monkeypatch.delenv("PRESENCE_POSTALE_LANG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    if not ON_POSTGRES or request.node.get_closest_marker("sqlite_only") is not None:
        db_path = tmp_path / "presence-postale.db"
        monkeypatch.setenv("PRESENCE_POSTALE_DB", str(db_path))
        yield db_path
        return
    if not _uses_a_database(request):
        # Pure domain and format tests: no database to create (an accidental use fails loudly,
        # on a database that does not exist).
        monkeypatch.setenv("PRESENCE_POSTALE_DB", server_url("no_database_for_this_test"))
        yield ServerDatabase(name="no_database_for_this_test", url=os.environ[ENV])
        return
    template = None
    if "seeded_db" in request.fixturenames:
        template = request.getfixturevalue("seed_template").name
    database = create_server_database(template=template)
    monkeypatch.setenv("PRESENCE_POSTALE_DB", database.url)
    try:
        yield database
    finally:
        drop_server_database(database.name)


ENV = "PRESENCE_POSTALE_DB"
DATABASE_FIXTURES = frozenset({"seeded_db", "engine", "cli", "dump", "seeded_copy"})


def _uses_a_database(request: pytest.FixtureRequest) -> bool:
    parts = Path(str(request.node.path)).parts
    pure = "domain" in parts or "formats" in parts
    return not pure or bool(DATABASE_FIXTURES & set(request.fixturenames))


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A database created with the bundled seed, built once for the whole session."""
    from presence_postale.formats.seed import bundled_seed
    from presence_postale.services.database import create_database, create_on_server
    from presence_postale.store.db import make_engine

    if not ON_POSTGRES:
        path = tmp_path_factory.mktemp("template") / "seeded.db"
        create_database(path, seed=bundled_seed())
        yield path
        return
    template = create_server_database()
    engine = make_engine(template.url)
    try:
        create_on_server(engine, seed=bundled_seed())
    finally:
        engine.dispose()  # a template must have no connections to be copied
    try:
        yield template
    finally:
        drop_server_database(template.name)


@pytest.fixture
def seeded_db(seed_template: Database, isolated_env: Database) -> Database:
    """A fresh copy of the seeded database, at the location PRESENCE_POSTALE_DB names."""
    if isinstance(isolated_env, ServerDatabase):
        return isolated_env  # created from the template by isolated_env
    shutil.copy(seed_template, isolated_env)
    isolated_env.chmod(0o600)
    return isolated_env


@pytest.fixture
def seeded_copy(seed_template: Database, tmp_path: Path) -> Iterator[Callable[[], Database]]:
    """Another fresh copy of the seeded database each call (a reference to compare with)."""
    made: list[ServerDatabase] = []

    def make() -> Database:
        if isinstance(seed_template, ServerDatabase):
            made.append(create_server_database(template=seed_template.name))
            return made[-1]
        path = tmp_path / f"copy-{len(list(tmp_path.glob('copy-*.db')))}.db"
        shutil.copy(seed_template, path)
        return path

    try:
        yield make
    finally:
        for database in made:
            drop_server_database(database.name)


@pytest.fixture
def engine(seeded_db: Database) -> Iterator[Engine]:
    from presence_postale.store.db import make_engine

    eng = make_engine(url_of(seeded_db))
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def dump() -> Callable[[Database], list[str]]:
    return dump_database


@pytest.fixture
def postgres() -> str:
    """The test server's admin URL, for tests that only make sense on PostgreSQL: skipped
    without a server on a developer's machine, an error in CI's PostgreSQL run."""
    from backends import SERVER

    if SERVER is None:
        if IN_CI and ON_POSTGRES:  # pragma: no cover - cannot happen: ON_POSTGRES needs SERVER
            pytest.fail(NO_SERVER_REASON)
        pytest.skip(NO_SERVER_REASON)
    return SERVER


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run the CLI in-process: `cli("sites", "list")`; the result has .stdout and .stderr.
    `env=Environment(today=..., columns=...)` sets what the command sees of the world."""
    from presence_postale.cli.app import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: Environment | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, obj=env)

    return invoke
