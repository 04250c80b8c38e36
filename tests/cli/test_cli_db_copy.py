"""`db copy --to`: a department's SQLite file into an empty PostgreSQL database and back, with
row counts and checksums compared; refusals and failures leave the target untouched.

These need a PostgreSQL server (PRESENCE_POSTALE_TEST_POSTGRES); they skip without one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from backends import (
    ServerDatabase,
    create_schema,
    create_server_database,
    drop_server_database,
    query,
    table_counts,
    table_state,
)
from presence_postale.formats.seed import bundled_seed

Cli = Callable[..., Result]


@pytest.fixture
def empty_server_db(postgres: str) -> Iterator[ServerDatabase]:
    database = create_server_database(base=postgres)
    try:
        yield database
    finally:
        drop_server_database(database.name, base=postgres)


@pytest.fixture
def department_file(tmp_path: Path, cli: Cli) -> Path:
    """A SQLite file with the seed and a little of everything written through the tool."""
    path = tmp_path / "gers.db"
    create_schema(path, seed=bundled_seed())
    for args in (
        ("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00", "--to",
         "12:00", "--name", "Élodie Dupré", "--email", "elodie@example.org", "--category",
         "soho_solo", "--record"),
        ("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "10:00", "--to",
         "11:00", "--name", "Asso", "--category", "association", "--record", "--waitlist"),
        ("sites", "close", "17510A", "--from", "2021-06-01", "--to", "2021-06-15", "--reason",
         "travaux"),
        ("permanences", "log", "1", "--date", "2021-04-27", "--visitors", "6", "--requests",
         "caf=2,cnav=1"),
        ("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur", "--date",
         "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
         "--themes", "email,navigation_sur_internet", "--equipment", "ordinateur",
         "--age-band", "70+"),
    ):  # fmt: skip
        result = cli("--db", str(path), *args)
        assert result.exit_code == 0, (args, result.stderr)
    return path


def _copy(cli: Cli, source: str, target: str) -> Result:
    return cli("--db", source, "db", "copy", "--to", target, "--format", "json")


def test_a_file_into_postgresql_and_back_loses_nothing(
    cli: Cli, department_file: Path, empty_server_db: ServerDatabase, tmp_path: Path
) -> None:
    before = table_state(department_file)
    there = _copy(cli, str(department_file), empty_server_db.url)
    assert there.exit_code == 0, there.stderr
    rows = json.loads(there.stdout)
    assert {row["status"] for row in rows} == {"ok"}
    assert all(row["checksum_source"] == row["checksum_target"] for row in rows)
    counts = {row["table"]: row["rows_target"] for row in rows}
    assert counts == table_counts(department_file) == table_counts(empty_server_db)
    assert counts["reservation"] == 1 and counts["waitlist_entry"] == 1
    assert there.stderr.splitlines()[-1].endswith("chaque table est identique")
    assert table_state(empty_server_db) == before

    # The server database is a working one: new ids follow the copied ones.
    booked = cli(
        "--db", empty_server_db.url, "coworking", "book", "saint-clar", "--date", "2019-05-21",
        "--from", "09:00", "--to", "10:00", "--name", "Noé", "--category", "soho_solo",
        "--record",
    )  # fmt: skip
    assert booked.exit_code == 0, booked.stderr
    assert query(empty_server_db, "SELECT max(id) FROM reservation") == [(2,)]
    check = cli("--db", empty_server_db.url, "db", "check")
    assert check.exit_code == 0, check.stderr

    # And back into a new file: the same rows as on the server.
    returned = tmp_path / "back" / "gers.db"
    returned.parent.mkdir()
    back = _copy(cli, empty_server_db.url, str(returned))
    assert back.exit_code == 0, back.stderr
    assert {row["status"] for row in json.loads(back.stdout)} == {"ok"}
    assert table_state(returned) == table_state(empty_server_db)
    assert returned.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in returned.parent.iterdir()) == ["gers.db"]


def test_the_checksums_are_the_same_whichever_side_computes_them(
    cli: Cli, department_file: Path, empty_server_db: ServerDatabase, tmp_path: Path
) -> None:
    """The source's checksums of a file and of its copy on the server are equal, so a table
    that differs is a real difference, not a matter of representation."""
    first = json.loads(_copy(cli, str(department_file), empty_server_db.url).stdout)
    second = json.loads(_copy(cli, empty_server_db.url, str(tmp_path / "again.db")).stdout)
    assert [r["checksum_source"] for r in first] == [r["checksum_source"] for r in second]


def test_a_target_with_the_schema_is_refused_and_left_alone(
    cli: Cli, department_file: Path, empty_server_db: ServerDatabase
) -> None:
    create_schema(empty_server_db, seed=bundled_seed())
    before = table_state(empty_server_db)
    result = _copy(cli, str(department_file), empty_server_db.url)
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        f"erreur : impossible de copier dans {empty_server_db.url} : elle a déjà "
    )
    assert line.endswith("la cible doit être une base vide")
    assert table_state(empty_server_db) == before


def test_an_existing_target_file_is_refused(
    cli: Cli, empty_server_db: ServerDatabase, tmp_path: Path
) -> None:
    create_schema(empty_server_db, seed=bundled_seed())
    target = tmp_path / "precious.db"
    target.write_bytes(b"precious")
    result = _copy(cli, empty_server_db.url, str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"erreur : impossible d'écrire « {target} » : le fichier existe ; choisir un nouveau nom"
    ]
    assert target.read_bytes() == b"precious"


def test_a_failure_half_way_leaves_the_target_empty(
    cli: Cli, department_file: Path, empty_server_db: ServerDatabase
) -> None:
    # SQLite does not enforce a VARCHAR's length; PostgreSQL refuses this row, after the
    # tables before it were copied.
    query(department_file, "INSERT INTO agent (id, name_key, role, active, illustrative, source) "
          "VALUES ('x', '', 'mediateur', 1, 0, 'manual')")  # fmt: skip
    query(department_file, "UPDATE department SET code = 'ABCD' WHERE code = '98'")
    result = _copy(cli, str(department_file), empty_server_db.url)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("erreur : erreur de la base de données : value too long")
    assert "Traceback" not in result.stderr
    assert table_counts(empty_server_db) == {}  # not even the schema


def test_a_password_in_the_url_is_never_shown(cli: Cli, postgres: str) -> None:
    head, _database = postgres.rsplit("/", 1)
    user_part, host = head.removeprefix("postgresql+psycopg://").split("@", 1)
    url = f"postgresql+psycopg://{user_part.split(':')[0]}:s3cret@{host}/no_such_database_here"
    result = cli("--db", url, "sites", "list")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert (
        line == f"erreur : le serveur PostgreSQL {host} n'a pas de base « no_such_database_here »"
    )
    assert "s3cret" not in result.stderr and "s3cret" not in result.stdout


@pytest.mark.parametrize(
    ("broken", "fragment"),
    [
        pytest.param(
            "INSERT INTO reservation (uid, space_id, start_at, end_at, person_name, email, "
            "category, status, channel, created_at) VALUES ('b', 'saint-clar', "
            "'2019-05-14 10:30:00.000000', "
            "'2019-05-14 11:30:00.000000', 'B', 'b@example.org', 'soho_solo', 'confirmed', "
            "'email', '2019-05-01 00:00:00.000000')",
            "table reservation, enregistrement 2 : le mardi 14/05/2019 de 10:30 à 11:30 chevauche "
            "la réservation n° 1",
            id="overbooked-space",
        ),
        pytest.param(
            "UPDATE site SET insee_code = '1' WHERE id = '00518A'",
            "table site, enregistrement 00518A : insee_code « 1 » invalide : ce n'est pas un code "
            "INSEE de commune",
            id="insee-code",
        ),
        pytest.param(
            "UPDATE agent SET email = 'nobody' WHERE id = 'allier-mediateur'",
            "table agent, enregistrement allier-mediateur : email « nobody » invalide",
            id="agent-email",
        ),
        pytest.param(
            "UPDATE permanence SET rrule = 'FREQ=DAILY;INTERVAL=0' WHERE id = 1",
            "table permanence, enregistrement 1 : rrule « FREQ=DAILY;INTERVAL=0 » invalide",
            id="rrule",
        ),
        pytest.param(
            "UPDATE site SET name = 'Vigny' || char(8238) || 'bis' WHERE id = '17510A'",
            "U+202E",
            id="direction-override-in-a-name",
        ),
    ],
)
def test_a_copy_holding_a_record_that_breaks_a_rule_is_refused_whole(
    cli: Cli, department_file: Path, tmp_path: Path, broken: str, fragment: str
) -> None:
    """`db copy` is a way in like any other: every record answers to its kind's validator and
    every booking to its space's rules; the target is not made."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(department_file)) as connection, connection:
        connection.execute(broken)
    target = tmp_path / "copy.db"
    result = cli("--db", str(department_file), "db", "copy", "--to", str(target))
    assert result.exit_code == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("erreur : copie refusée :"), lines
    assert fragment in lines[0], lines[0]
    assert not target.exists() and not list(tmp_path.glob(".copy.db.*"))
