"""`init` and `db`: creating, checking, describing and backing up the database."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import Result

from backends import Database, ServerDatabase, query, table_counts
from presence_postale.store import schema
from presence_postale.store.sqlite_file import MARK

Cli = Callable[..., Result]
Dump = Callable[[Path], list[str]]

SEEDED_COUNTS = {
    "department": 105,
    "operator": 10,
    "programme": 6,
    "site": 18,
    "agent": 5,
    "closure": 0,
    "programme_change": 0,
    "site_equipment": 7,
    "site_label_version": 10,
    "site_hours_version": 1,
    "site_staff_version": 0,
    "site_operator": 43,
    "space": 1,
    "mediation_session": 0,
    "permanence": 5,
    "reservation": 0,
    "permanence_exception": 0,
    "permanence_operator": 18,
    "permanence_outcome": 0,
    "waitlist_entry": 0,
    "commune": 0,
    "agent_absence": 0,
    "occurrence_revision": 0,
    "notification": 0,
}


def _counts(db: Database) -> dict[str, int]:
    return table_counts(db)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ---- db check / status / backup ------------------------------------------------------------


def test_db_check(cli: Cli, seeded_db: Path) -> None:
    result = cli("db", "check")
    assert result.exit_code == 0
    assert result.stdout == "ok : intégrité et clés étrangères\n"
    assert result.stderr == ""


def test_db_check_finds_a_broken_reference(cli: Cli, seeded_db: Database) -> None:
    insert = "INSERT INTO site_equipment (site_id, equipment) VALUES ('GHOST', 'wifi')"
    if isinstance(seeded_db, ServerDatabase):
        # As a restore with triggers off would leave it: the server checks nothing then.
        query(seeded_db, f"SET session_replication_role = replica; {insert}")
        where = "site_equipment row GHOST/wifi -> site"
    else:
        query(seeded_db, insert)  # foreign keys are off by default in plain sqlite3
        where = "site_equipment row 8 -> site"
    result = cli("db", "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"erreur : la vérification de la base a échoué : 1 problème, le premier : {where}"
    ]


def test_db_check_on_the_server_finds_a_disabled_constraint_trigger(
    cli: Cli, seeded_db: Database, postgres: str
) -> None:
    query(seeded_db, "ALTER TABLE site_equipment DISABLE TRIGGER ALL")
    result = cli("db", "check")
    assert result.exit_code == 1
    assert "foreign-key trigger" in result.stderr
    assert "disabled" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_db_backup_of_a_server_database_points_to_pg_dump(
    cli: Cli, seeded_db: Database, tmp_path: Path, postgres: str
) -> None:
    target = tmp_path / "backup.db"
    result = cli("db", "backup", str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "erreur : db backup ne sauvegarde que les fichiers SQLite : sauvegarder une base "
        "PostgreSQL avec pg_dump (pg_dump --format=custom --file=FICHIER BASE)"
    ]
    assert not target.exists()


def test_db_status_as_json(cli: Cli, seeded_db: Path) -> None:
    result = cli("db", "status", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["location"] == str(seeded_db)
    assert data["schema_version"] == schema.HEAD
    assert data["schema_head"] == schema.HEAD
    assert data["pending"] == []
    assert data["tables"] == SEEDED_COUNTS


def test_db_status_as_table(cli: Cli, seeded_db: Path) -> None:
    out = cli("db", "status").stdout
    assert str(seeded_db) in out
    assert "version du schéma" in out
    assert any(line.split() == ["site", "18"] for line in out.splitlines())


def test_db_upgrade_when_current(cli: Cli, seeded_db: Path) -> None:
    result = cli("db", "upgrade")
    assert result.exit_code == 0
    assert result.stderr == "le schéma est déjà à jour\n"


@pytest.mark.sqlite_only
def test_db_backup(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.db"
    result = cli("db", "backup", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"sauvegardé {seeded_db} dans {target} (")
    assert result.stdout == ""
    assert _mode(target) == 0o600
    assert _counts(target) == _counts(seeded_db) == SEEDED_COUNTS
    with closing(sqlite3.connect(target)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            schema.HEAD,
        )
    # The copy is usable by the tool itself.
    result = cli("--db", str(target), "sites", "show", "17510A", "--format", "json")
    assert json.loads(result.stdout)["name"] == "Bureau de poste de Vigny"


@pytest.mark.sqlite_only
def test_db_backup_refuses_an_existing_file(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "existing.db"
    target.write_bytes(b"precious")
    result = cli("db", "backup", str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"erreur : sauvegarde impossible dans « {target} » : le fichier existe ; choisir un "
        "nouveau nom"
    ]
    assert target.read_bytes() == b"precious"


@pytest.mark.sqlite_only
def test_db_backup_refuses_a_missing_directory(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    result = cli("db", "backup", str(tmp_path / "nope" / "b.db"))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert "n'existe pas" in result.stderr


# ---- init -----------------------------------------------------------------------------------


def test_init_no_seed_on_a_new_path(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "empty.db"
    result = cli("--db", str(target), "init", "--no-seed")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"base de données {target} créée\n"
    assert result.stdout == ""
    assert _mode(target) == 0o600
    counts = _counts(target)
    assert counts["site"] == 0
    assert set(counts.values()) == {0}
    assert set(counts) == set(SEEDED_COUNTS)


def test_init_twice_second_time_all_unchanged(cli: Cli, isolated_env: Database) -> None:
    if isinstance(isolated_env, ServerDatabase):
        assert table_counts(isolated_env) == {}  # an empty database: no schema yet
        created_message = f"schéma créé dans {isolated_env}\n"
    else:
        assert not isolated_env.exists()
        created_message = f"base de données {isolated_env} créée\n"
    first = cli("init", "--format", "json")
    assert first.exit_code == 0, first.stderr
    assert first.stderr == created_message
    created = json.loads(first.stdout)
    assert {row["section"]: row["created"] for row in created}["sites"] == 18
    assert _counts(isolated_env) == SEEDED_COUNTS

    second = cli("init", "--format", "json")
    assert second.exit_code == 0, second.stderr
    assert second.stderr == ""
    rows = json.loads(second.stdout)
    assert {row["section"] for row in rows} >= {"departments", "sites", "permanences"}
    assert all(row["created"] == 0 and row["updated"] == 0 for row in rows)
    assert sum(row["unchanged"] for row in rows) == 150
    assert _counts(isolated_env) == SEEDED_COUNTS


def test_init_on_the_seeded_database_changes_nothing(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    result = cli("init")
    assert result.exit_code == 0
    assert "inchangés" in result.stdout
    assert dump(seeded_db) == before


def test_init_never_undoes_what_was_entered_since(
    cli: Cli, seeded_db: Path, dump: Dump, tmp_path: Path
) -> None:
    """`init` on a database that exists adds what it lacks; a seed that would change a record
    the database holds (edited since) is refused whole, and `import records` replaces."""
    edited = cli("sites", "update", "17510A", "--note", "note du délégué")
    assert edited.exit_code == 0, edited.stderr
    before = dump(seeded_db)
    result = cli("init")
    assert result.exit_code == 1
    from presence_postale.formats.seed import bundled_seed

    seed = bundled_seed()
    assert result.stderr.splitlines() == [
        "erreur : init ne remplace pas ce que la base contient : 1 enregistrement diffère de "
        f"« {seed} » (sites) ; rien n'a été chargé (« presence-postale import records {seed} » "
        "les remplacerait)"
    ]
    assert dump(seeded_db) == before
    # A file of records the database lacks, and of records it holds as they are, loads.
    more = tmp_path / "plus.yaml"
    more.write_text(
        "departments:\n- {code: '95', name: Val-d'Oise}\n"
        "sites:\n- {id: X1, name: Mairie de Test, kind: mairie, department: '95'}\n",
        encoding="utf-8",
    )
    added = cli("init", "--seed", str(more), "--format", "json")
    assert added.exit_code == 0, added.stderr
    assert {r["section"]: (r["created"], r["updated"]) for r in json.loads(added.stdout)} == {
        "departments": (0, 0),
        "sites": (1, 0),
    }
    replaced = cli("import", "records", str(seed))
    assert replaced.exit_code == 0, replaced.stderr
    shown = cli("sites", "show", "17510A", "--format", "json")
    assert "note du délégué" not in shown.stdout


def test_init_seed_and_no_seed_exclude_each_other(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "x.db"
    result = cli("--db", str(target), "init", "--seed", "a.yaml", "--no-seed")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "donner --seed ou --no-seed, pas les deux" in result.stderr
    assert not target.exists()


# ---- the default database -------------------------------------------------------------------


def test_first_use_of_the_missing_default_database_creates_it_seeded(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESENCE_POSTALE_DB")
    monkeypatch.chdir(tmp_path / "home")
    default = tmp_path / "config" / "presence-postale" / "presence-postale.db"

    result = cli("sites", "list", "--department", "95", "--format", "json")

    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"base créée : {default}, chargée avec les données de départ (--db ou "
        "PRESENCE_POSTALE_DB pour en choisir une autre)"
    ]
    assert "17510A" in {row["id"] for row in json.loads(result.stdout)}
    assert default.is_file()
    assert _mode(default) == 0o600
    assert list((tmp_path / "home").iterdir()) == []  # nothing in the working directory

    again = cli("sites", "list", "--department", "95", "--format", "json")
    assert again.exit_code == 0
    assert again.stderr == ""  # created once only


def test_db_status_lists_pending_migrations_without_applying_them(cli: Cli, tmp_path: Path) -> None:
    """A database of this tool at no revision yet (marked, no table): status shows every
    migration as pending and leaves the file as it was; upgrade then applies them."""
    path = tmp_path / "empty.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(MARK)
        connection.execute("CREATE TABLE note (text TEXT)")
        connection.commit()
    result = cli("--db", str(path), "db", "status", "--format", "json")
    assert result.exit_code == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["schema_version"] is None
    assert status["pending"] == schema.revisions()
    assert status["tables"] == {}
    with closing(sqlite3.connect(path)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"note"}
    upgrade = cli("--db", str(path), "db", "upgrade")
    assert upgrade.exit_code == 0, upgrade.stderr
    assert upgrade.stderr.strip() == (f"migrations appliquées : {', '.join(schema.revisions())}")


def test_a_server_nobody_listens_on_is_one_french_line(cli: Cli) -> None:
    # Port 1 on this machine: nothing listens there, the connection is refused at once.
    done = cli("--db", "postgresql+psycopg://postgres@127.0.0.1:1/presence", "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        "erreur : impossible de joindre le serveur PostgreSQL 127.0.0.1:1 : est-il démarré, "
        "et à cette adresse ?"
    ]


def test_a_database_or_user_the_server_does_not_have_is_named(
    cli: Cli, postgres: str, tmp_path: Path
) -> None:
    server = postgres.rsplit("/", 1)[0]
    host = server.rsplit("@", 1)[1]
    done = cli("--db", f"{server}/absente_{os.getpid()}", "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : le serveur PostgreSQL {host} n'a pas de base « absente_{os.getpid()} »"
    ]
    nobody = server.replace("//postgres@", "//personne@", 1)
    done = cli("--db", f"{nobody}/postgres", "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : le serveur PostgreSQL {host} ne connaît pas l'utilisateur « personne »"
    ]
    source = tmp_path / "source.db"
    assert cli("--db", str(source), "init").exit_code == 0
    done = cli("--db", str(source), "db", "copy", "--to", f"{server}/absente_{os.getpid()}")
    assert done.exit_code == 1
    assert done.stderr.splitlines()[-1] == (
        f"erreur : le serveur PostgreSQL {host} n'a pas de base « absente_{os.getpid()} »"
    )


def test_a_server_that_refuses_a_write_says_why_in_french(
    cli: Cli, postgres: str, tmp_path: Path
) -> None:
    """A read-only database and a user without the right to write: the server's refusal by
    its SQLSTATE, in the catalogue's words, and nothing written. A writer that would write
    nothing (a records file the database holds) is refused as well, as on a SQLite file."""
    from backends import admin, create_server_database, drop_server_database, query

    database = create_server_database()
    reader = f"lecteur_{os.getpid()}"
    try:
        assert cli("--db", database.url, "init").exit_code == 0
        before = query(database, "SELECT count(*) FROM site")
        admin(f"ALTER DATABASE {database.name} SET default_transaction_read_only = on")
        held = tmp_path / "held.json"
        exported = cli("--db", database.url, "export", "records", "--format", "json", "-o", held)
        assert exported.exit_code == 0, exported.stderr
        for command in (("sites", "update", "17510A", "--note", "x"), ("import", "records", held)):
            done = cli("--db", database.url, *map(str, command))
            assert done.exit_code == 1
            assert done.stderr.splitlines() == [
                "erreur : le serveur PostgreSQL n'accepte ici que des lectures (base ou session "
                "en lecture seule) : rien n'est enregistré"
            ]
        admin(f"ALTER DATABASE {database.name} RESET default_transaction_read_only")
        admin(f"CREATE ROLE {reader} LOGIN")
        admin(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}", database.url)
        as_reader = database.url.replace("//postgres@", f"//{reader}@", 1)
        listed = cli("--db", as_reader, "sites", "list", "--department", "95")
        assert listed.exit_code == 0, listed.stderr
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PRESENCE_POSTALE_LANG", "en")
            done = cli("--db", as_reader, "sites", "update", "17510A", "--note", "x")
        assert done.exit_code == 1, done.stderr
        assert done.stderr.splitlines()[-1].startswith(
            "error: the PostgreSQL user may not do this in this database: nothing was saved"
        )
        assert query(database, "SELECT count(*) FROM site") == before
        assert query(database, "SELECT note FROM site WHERE id = '17510A'") != [("x",)]
    finally:
        drop_server_database(database.name)
        admin(f"DROP ROLE IF EXISTS {reader}")


@pytest.mark.parametrize(
    ("state", "key", "status"),
    [
        ("25006", "db.server_read_only", 1),
        ("40P01", "db.server_busy", 75),
        ("57P01", "db.server_stopped", 75),  # the class of the administrator's shutdown
        ("08006", "db.server_lost", 75),  # the class of connection failures
        ("53300", "db.server_too_many", 75),
        (
            "22012",
            None,
            None,
        ),  # a division by zero: the driver's words, after « erreur de la base »
        (None, None, None),
    ],
)
def test_a_server_refusal_is_named_by_its_code_or_its_class(
    state: str | None, key: str | None, status: int | None
) -> None:
    from presence_postale.cli.app import _server_state

    found = _server_state(state)
    assert (None if found is None else (found[0].key, int(found[1]))) == (
        None if key is None else (key, status)
    )
