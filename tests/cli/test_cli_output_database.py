"""No output replaces the database: `--output` given the database's own file, under any name
that leads there (relative, through `..`, a symbolic or a hard link), or a file SQLite keeps
beside it (its log, its shared memory, its journal), is refused in one line before any work,
and the database is left as it was. An export given the database's name once replaced the
database whole with the export's text, and answered success."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from backends import dump_database

pytestmark = pytest.mark.sqlite_only  # about the database's own file

Cli = Callable[..., Result]

WRITERS = [
    ("export", "records"),
    ("export", "sites", "--format", "csv"),
    ("export", "sites", "--format", "xlsx"),
    ("sites", "list"),
    ("report", "weekly", "--week", "2021-W17", "--department", "95"),
]


def _names(db: Path) -> dict[str, tuple[str, str]]:
    """Each way of naming the database's files (made where needed), and the refusal's key."""
    db.with_name(db.name + "-link").symlink_to(db)
    os.link(db, db.with_name(db.name + "-hard"))
    return {
        "itself": (str(db), "is"),
        "through ..": (f"{db.parent}/../{db.parent.name}/{db.name}", "is"),
        "symbolic link": (str(db) + "-link", "is"),
        "hard link": (str(db) + "-hard", "is"),
        "log": (str(db) + "-wal", "beside"),
        "shared memory": (str(db) + "-shm", "beside"),
        "journal": (str(db) + "-journal", "beside"),
    }


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_no_output_replaces_the_database_or_its_files(
    cli: Cli, seeded_db: Path, args: tuple[str, ...]
) -> None:
    before = dump_database(seeded_db)
    for how, (name, kind) in _names(seeded_db).items():
        done = cli(*args, "--output", name)
        assert done.exit_code == 1, how
        if kind == "is":
            expected = f"erreur : impossible d'écrire « {name} » : c'est la base de données ; "
            expected += "choisir un autre fichier"
        else:
            expected = (
                f"erreur : impossible d'écrire « {name} » : SQLite tient ce fichier à côté de "
                f"la base de données « {seeded_db} » ; choisir un autre fichier"
            )
        assert done.stderr.splitlines() == [expected], how
        assert done.stdout == "", how
    assert dump_database(seeded_db) == before
    assert seeded_db.read_bytes().startswith(b"SQLite format 3\x00")


def test_the_database_named_by_db_relative_to_the_directory_is_refused_too(
    cli: Cli, seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESENCE_POSTALE_DB")
    monkeypatch.chdir(seeded_db.parent)
    before = dump_database(seeded_db)
    done = cli("--db", seeded_db.name, "export", "records", "--output", str(seeded_db))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : impossible d'écrire « {seeded_db} » : c'est la base de données ; "
        "choisir un autre fichier"
    ]
    log = seeded_db.name + "-wal"
    done = cli("--db", f"sqlite:///{seeded_db}", "sites", "list", "--lang", "en", "-o", log)
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"error: cannot write output '{log}': SQLite keeps this file beside the database "
        f"'{seeded_db}'; choose another file"
    ]
    assert dump_database(seeded_db) == before


def test_another_file_beside_the_database_is_written(cli: Cli, seeded_db: Path) -> None:
    for name in (seeded_db.name + ".yaml", seeded_db.name + "-walk", "copie-" + seeded_db.name):
        done = cli("export", "records", "--output", str(seeded_db.with_name(name)))
        assert done.exit_code == 0, done.stderr
        assert seeded_db.with_name(name).read_text(encoding="utf-8").count("\nversion: 1\n") == 1


def test_feeds_never_replace_the_database(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    """A feed's file is named after its key: a database given that name is left alone."""
    feeds = tmp_path / "feeds"
    done = cli("export", "feeds", str(feeds))
    assert done.exit_code == 0, done.stderr
    written = sorted(feeds.glob("*.ics"))
    feed = written[-1]
    os.replace(seeded_db, feed)
    others = {path: path.read_bytes() for path in written if path != feed}
    for path in others:
        path.write_text("changé", encoding="utf-8")
    before = dump_database(feed)
    done = cli("--db", str(feed), "export", "feeds", str(feeds))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : impossible d'écrire « {feed} » : c'est la base de données ; "
        "choisir un autre fichier"
    ]
    assert dump_database(feed) == before
    assert all(path.read_text(encoding="utf-8") == "changé" for path in others)  # none written


@pytest.mark.parametrize("command", [("db", "backup"), ("db", "copy", "--to")], ids=" ".join)
def test_no_backup_or_copy_takes_the_place_of_a_file_of_the_database(
    cli: Cli, seeded_db: Path, command: tuple[str, ...]
) -> None:
    before = dump_database(seeded_db)
    for how, (name, kind) in _names(seeded_db).items():
        if how in ("itself", "through ..", "symbolic link"):
            continue  # the database's own path: their own refusal (test_cli_db*)
        done = cli(*command, name)
        assert done.exit_code == 1, how
        if kind == "is":
            expected = f"erreur : impossible d'écrire « {name} » : c'est la base de données ; "
            expected += "choisir un autre fichier"
        elif command[1] == "copy":  # the target is a database: refused by its name
            expected = (
                f"erreur : impossible d'utiliser la base « {name} » : SQLite donne ce nom à un "
                f"fichier qu'il tient à côté de la base « {seeded_db} » et l'effacerait en "
                "l'ouvrant ; choisir un autre nom"
            )
        else:
            expected = (
                f"erreur : impossible d'écrire « {name} » : SQLite tient ce fichier à côté de "
                f"la base de données « {seeded_db} » ; choisir un autre fichier"
            )
        assert done.stderr.splitlines() == [expected], how
        assert not Path(name).exists() or how == "hard link", how
    assert dump_database(seeded_db) == before


@pytest.mark.parametrize("name", ["base.db-wal", "base.db-shm", "base.db-journal", "base-journal"])
def test_a_database_is_never_given_the_name_sqlite_gives_to_another_ones_files(
    cli: Cli, seeded_db: Path, name: str
) -> None:
    """SQLite takes `base.db-wal` for the log of `base.db`: opening `base.db` would erase a
    database of that name (seen: a write to `base.db` removed it, and every row in it)."""
    place = seeded_db.with_name(name)
    base = place.with_name(name.rpartition("-")[0])
    reason = (
        f"SQLite donne ce nom à un fichier qu'il tient à côté de la base « {base} » et "
        "l'effacerait en l'ouvrant ; choisir un autre nom"
    )
    before = sorted(seeded_db.parent.iterdir())
    done = cli("--db", str(place), "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : impossible d'utiliser la base « {place} » : {reason}"
    ]
    for command in (("db", "backup", str(place)), ("db", "copy", "--to", str(place))):
        done = cli(*command)
        assert done.exit_code == 1, command
        assert done.stderr.splitlines() == [
            f"erreur : impossible d'utiliser la base « {place} » : {reason}"
        ], command
    assert sorted(seeded_db.parent.iterdir()) == before  # nothing made


def test_a_name_that_only_looks_like_one_is_a_database(cli: Cli, seeded_db: Path) -> None:
    for name in ("base.db-walrus", "base.db.wal", "-wal"):
        done = cli("--db", str(seeded_db.with_name(name)), "sites", "list")
        assert done.exit_code == 0, done.stderr
