"""The database behind one door: where it lives, how every connection is set up, who may read it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from presence_postale.errors import InvalidData, UsageError
from presence_postale.services.database import create_database
from presence_postale.store import db as store
from refusals import refused


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _pragmas(connection: object) -> tuple[int, str, int]:
    run = connection.exec_driver_sql  # type: ignore[attr-defined]
    return (
        run("PRAGMA foreign_keys").scalar(),
        run("PRAGMA journal_mode").scalar(),
        run("PRAGMA busy_timeout").scalar(),
    )


# ---- pragmas --------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_every_connection_gets_foreign_keys_wal_and_busy_timeout(engine: Engine) -> None:
    # Two connections open at once are two distinct DBAPI connections: both are set up.
    with engine.connect() as first, engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        assert _pragmas(first) == (1, "wal", store.BUSY_TIMEOUT_MS)
        assert _pragmas(second) == (1, "wal", store.BUSY_TIMEOUT_MS)
    engine.dispose()  # a brand-new connection after the pool is emptied is set up too
    with engine.connect() as third:
        assert _pragmas(third) == (1, "wal", store.BUSY_TIMEOUT_MS)


def test_writer_sessions_enforce_foreign_keys(engine: Engine) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), store.session(engine, write=True) as db:
        db.connection().execute(
            text("INSERT INTO site_equipment (site_id, equipment) VALUES ('NOPE', 'wifi')")
        )
    with engine.connect() as connection:
        count = connection.execute(
            text("SELECT count(*) FROM site_equipment WHERE site_id = 'NOPE'")
        ).scalar()
    assert count == 0


def test_a_failed_write_session_rolls_everything_back(engine: Engine) -> None:
    with pytest.raises(RuntimeError), store.session(engine, write=True) as db:
        db.connection().execute(text("DELETE FROM site_operator"))
        raise RuntimeError("boom")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM site_operator")).scalar() == 43


def test_a_reader_sees_one_state_of_the_database_while_another_writes(engine: Engine) -> None:
    """An export reads table after table: a site and its equipment written meanwhile must be
    both in it or both out, on PostgreSQL as on SQLite."""
    count = "SELECT (SELECT count(*) FROM site) + (SELECT count(*) FROM site_equipment)"
    with store.session(engine) as reader:
        before = reader.connection().execute(text(count)).scalar()
        with store.session(engine, write=True) as other:
            other.connection().execute(
                text(
                    "INSERT INTO site (id, name, name_key, kind, source, illustrative, "
                    "created_at, updated_at) VALUES ('X1', 'X', 'x', 'mairie', 'seed', false, "
                    "'2021-01-01 00:00:00', '2021-01-01 00:00:00')"
                )
            )
            other.connection().execute(
                text("INSERT INTO site_equipment (site_id, equipment) VALUES ('X1', 'wifi')")
            )
        assert reader.connection().execute(text(count)).scalar() == before
    with store.session(engine) as later:
        assert later.connection().execute(text(count)).scalar() == before + 2


# ---- file mode ------------------------------------------------------------------------------


def test_create_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    store.create_file(path)
    assert _mode(path) == 0o600


def test_created_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "created.db"
    assert create_database(path, seed=None) is None
    assert _mode(path) == 0o600
    # No temporary file, WAL or shared-memory file is left beside it.
    assert sorted(p.name for p in folder.iterdir()) == ["created.db"]


def test_create_database_refuses_an_existing_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "taken.db"
    path.write_bytes(b"")
    with refused(InvalidData, match="already exists"):
        create_database(path, seed=None)
    assert path.read_bytes() == b""
    assert sorted(p.name for p in folder.iterdir()) == ["taken.db"]


# ---- resolve --------------------------------------------------------------------------------


def test_db_option_beats_the_environment(tmp_path: Path) -> None:
    option = tmp_path / "option.db"
    location = store.resolve(str(option))
    assert location.path == option
    assert location.url == f"sqlite:///{option}"
    assert not location.is_default


@pytest.mark.sqlite_only  # a file location; URLs from the environment: test_cli_db_copy
def test_environment_beats_the_default(isolated_env: Path) -> None:
    location = store.resolve(None)
    assert location.path == isolated_env
    assert not location.is_default


def test_default_is_the_user_app_dir_never_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESENCE_POSTALE_DB")
    workdir = tmp_path / "work"
    workdir.mkdir()
    monkeypatch.chdir(workdir)

    location = store.resolve(None)

    expected = tmp_path / "config" / "presence-postale" / "presence-postale.db"
    assert location.path == expected
    assert location.is_default
    assert expected.parent.is_dir()
    assert _mode(expected.parent) == 0o700
    assert workdir not in location.path.parents
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_environment_variable_is_a_usage_error_not_the_default(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """Set but empty, it names no database: falling back to the default file would write
    somewhere the user did not mean (issue 14)."""
    monkeypatch.setenv("PRESENCE_POSTALE_DB", value)
    with pytest.raises(UsageError) as caught:
        store.resolve(None)
    assert caught.value.key == "usage.empty_db"
    assert caught.value.params == {"option": "PRESENCE_POSTALE_DB"}


def test_an_empty_db_option_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESENCE_POSTALE_DB")
    with pytest.raises(UsageError) as caught:
        store.resolve("")
    assert caught.value.params == {"option": "--db"}


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert store.resolve("rel.db").path == tmp_path / "rel.db"


def test_sqlite_url_is_a_file_location(tmp_path: Path) -> None:
    target = tmp_path / "url.db"
    location = store.resolve(f"sqlite:///{target}")
    assert location.path == target
    assert location.is_sqlite


def test_missing_parent_directory_is_invalid(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir" / "x.db"
    with refused(InvalidData, match=r"directory '.*no-such-dir' does not exist"):
        store.resolve(str(missing))
    assert not missing.parent.exists()


def test_directory_is_invalid(tmp_path: Path) -> None:
    with refused(InvalidData, match="it is a directory"):
        store.resolve(str(tmp_path))


def test_environment_pointing_at_a_directory_is_invalid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESENCE_POSTALE_DB", str(tmp_path))
    with refused(InvalidData, match="it is a directory"):
        store.resolve(None)
