"""Schema migrations: an old database upgrades without losing a row; HEAD follows the scripts;
the migrated schema is exactly the models'; a database newer than the tool is refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Engine
from typer.testing import Result

from backends import query
from presence_postale.errors import InvalidData
from presence_postale.store import db as store
from presence_postale.store import schema
from presence_postale.store.models import metadata

FIRST = "0001"

# Rows written with raw SQL in the shape of revision 0001: every table holds at least one, with
# accents, NULLs, JSON, dates and times, so that a later migration that rebuilds a table (SQLite
# batch mode copies it) is caught if it drops or mangles anything.
ROWS_AT_FIRST_REVISION: dict[str, list[dict[str, object]]] = {
    "department": [
        {
            "code": "95",
            "name": "Val-d'Oise",
        },
        {
            "code": "2A",
            "name": "Corse-du-Sud",
        },
    ],
    "operator": [
        {
            "code": "laposte",
            "name": "La Poste",
        },
        {
            "code": "caf",
            "name": "CAF",
        },
    ],
    "programme": [
        {
            "code": "vigny-2021",
            "title": "Vigny",
            "model": "france_services_mobilite",
            "department_code": "95",
            "start_date": "2021-04-27",
            "planned_end": "2021-07-26",
            "status": "running",
            "funder": "Banque des Territoires",
            "funding_eur": None,
            "illustrative": 0,
        },
        {
            "code": "corse-2022",
            "title": "Ajaccio",
            "model": "autre",
            "department_code": "2A",
            "start_date": "2022-01-03",
            "planned_end": None,
            "status": "planned",
            "funder": None,
            "funding_eur": 1500,
            "illustrative": 1,
        },
    ],
    "site": [
        {
            "id": "17510A",
            "name": "Bureau de poste de Vigny",
            "name_key": "bureau de poste de vigny",
            "kind": "bureau_de_poste",
            "commune": "Vigny",
            "commune_key": "vigny",
            "department_code": "95",
            "latitude": 49.077425,
            "longitude": 1.927508,
            "opening_hours": "Mo-Sa 09:00-12:00; PH off",
            "staff_count": 2,
            "source": "seed",
            "illustrative": 0,
            "created_at": "2021-04-01 10:00:00.000000",
            "updated_at": "2021-04-02 11:30:00.000000",
        },
        {
            "id": "mairie-grisy",
            "name": "Mairie de Grisy-les-Plâtres",
            "name_key": "mairie de grisy les platres",
            "kind": "mairie",
            "commune": "Grisy-les-Plâtres",
            "commune_key": "grisy les platres",
            "department_code": "95",
            "latitude": None,
            "longitude": None,
            "opening_hours": None,
            "staff_count": None,
            "source": "manual",
            "illustrative": 0,
            "created_at": "2021-04-01 10:00:00.000000",
            "updated_at": "2021-04-01 10:00:00.000000",
        },
    ],
    "site_label": [
        {
            "site_id": "17510A",
            "label": "france_services",
            "since": "2020-01-01",
            "detail": "bureau labellisé",
        },
    ],
    "site_equipment": [
        {
            "site_id": "17510A",
            "equipment": "ilot_numerique",
        },
    ],
    "site_operator": [
        {
            "site_id": "17510A",
            "operator_code": "laposte",
        },
        {
            "site_id": "17510A",
            "operator_code": "caf",
        },
    ],
    "closure": [
        {
            "id": 1,
            "site_id": "17510A",
            "start_date": "2021-06-01",
            "end_date": "2021-06-15",
            "reason": "travaux",
            "created_at": "2021-05-01 08:00:00.000000",
        },
    ],
    "agent": [
        {
            "id": "vigny-1",
            "name": "Élodie Martin",
            "name_key": "elodie martin",
            "role": "chargee_de_clientele",
            "home_site_id": "17510A",
            "weekly_hours": 17.5,
            "active": 1,
            "illustrative": 0,
            "source": "seed",
        },
        {
            "id": "mediateur",
            "name": None,
            "name_key": "",
            "role": "mediateur_numerique",
            "home_site_id": None,
            "weekly_hours": 18.0,
            "active": 0,
            "illustrative": 1,
            "source": "manual",
        },
    ],
    "programme_change": [
        {
            "id": 1,
            "programme_code": "vigny-2021",
            "changed_on": "2021-07-01",
            "action": "extend",
            "previous_end": "2021-07-26",
            "new_end": "2021-12-31",
            "reason": "retours",
            "created_at": "2021-07-01 09:00:00.000000",
        },
    ],
    "permanence": [
        {
            "id": 7,
            "programme_code": "vigny-2021",
            "agent_id": "vigny-1",
            "site_id": "mairie-grisy",
            "rrule": "FREQ=WEEKLY;BYDAY=TU",
            "start_time": "09:00:00.000000",
            "end_time": "12:00:00.000000",
            "valid_from": "2021-04-27",
            "valid_until": None,
            "note": "mardi matin",
            "illustrative": 0,
            "created_at": "2021-04-20 09:00:00.000000",
        },
    ],
    "permanence_operator": [
        {
            "permanence_id": 7,
            "operator_code": "caf",
        },
    ],
    "permanence_exception": [
        {
            "id": 1,
            "permanence_id": 7,
            "occurrence_date": "2021-05-04",
            "action": "moved",
            "new_date": "2021-05-06",
            "new_start": "14:00:00.000000",
            "new_end": "17:00:00.000000",
            "reason": "réunion",
            "created_at": "2021-05-01 09:00:00.000000",
        },
    ],
    "permanence_outcome": [
        {
            "id": 1,
            "permanence_id": 7,
            "occurrence_date": "2021-04-27",
            "visitors": 6,
            "requests": '{"caf": 2, "laposte": 4}',
            "note": None,
            "created_at": "2021-04-27 12:05:00.000000",
        },
    ],
    "space": [
        {
            "id": "vigny-desk",
            "site_id": "17510A",
            "name": "Bureau partagé",
            "capacity": 2,
            "equipment": '["imprimante"]',
            "categories": '["soho_solo", "association"]',
            "min_minutes": 30,
            "max_hours_per_person_week": 10.5,
            "booking_email": "desk@example.org",
            "illustrative": 0,
        },
    ],
    "reservation": [
        {
            "id": 1,
            "space_id": "vigny-desk",
            "start_at": "2021-05-04 09:00:00.000000",
            "end_at": "2021-05-04 12:00:00.000000",
            "person_name": "Zoé Dupré",
            "email": "zoe@example.org",
            "category": "soho_solo",
            "status": "cancelled",
            "channel": "email",
            "created_at": "2021-05-01 10:00:00.000000",
            "cancelled_at": "2021-05-02 10:00:00.000000",
        },
    ],
    "waitlist_entry": [
        {
            "id": 1,
            "space_id": "vigny-desk",
            "start_at": "2021-05-04 09:00:00.000000",
            "end_at": "2021-05-04 12:00:00.000000",
            "person_name": "Marc Petit",
            "category": "association",
            "status": "offered",
            "offered_reservation_id": 1,
            "created_at": "2021-05-01 11:00:00.000000",
        },
    ],
    "mediation_session": [
        {
            "id": 1,
            "site_id": "17510A",
            "mediator_id": "mediateur",
            "programme_code": "vigny-2021",
            "session_date": "2021-05-05",
            "start_time": "10:00:00.000000",
            "duration_minutes": 90,
            "session_type": "collectif",
            "participants": 3,
            "age_bands": '{"60-69": 2, "70+": 1}',
            "social_statuses": '{"retraite": 3}',
            "themes": '["email"]',
            "equipment": '["tablette"]',
            "device_model": "ardoiz",
            "autonomy": "partiellement_autonome",
            "created_at": "2021-05-05 12:00:00.000000",
        },
    ],
}


# Values a migration converts on purpose (0003: the Coop's age-band codes); every other value
# must come through unchanged.
CONVERTED_AT_HEAD: dict[str, dict[str, object]] = {
    "mediation_session": {"age_bands": '{"soixante_soixante_neuf": 2, "soixante_dix_plus": 1}'},
}

# Values a migration moves on purpose, checked where they now are (0006: a site's hours, staff
# count and labels become the first versions of their histories).
MOVED_COLUMNS: dict[str, tuple[str, ...]] = {"site": ("opening_hours", "staff_count")}
MOVED_TABLES = ("site_label",)


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "old.db"
    store.create_file(path)
    eng = store.make_engine(f"sqlite:///{path}")
    try:
        yield eng
    finally:
        eng.dispose()


def _select(engine: Engine, table: str, columns: list[str]) -> list[dict[str, object]]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"
        ).fetchall()
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _upgraded_from_first_revision(engine: Engine) -> list[str]:
    """Every row of ROWS_AT_FIRST_REVISION written at revision 0001, then upgraded to head."""
    assert schema.upgrade(engine, FIRST) == [FIRST]
    with engine.begin() as connection:
        for table, rows in ROWS_AT_FIRST_REVISION.items():
            for row in rows:
                marks = ", ".join("?" for _ in row)
                connection.exec_driver_sql(
                    f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", tuple(row.values())
                )
    return schema.upgrade(engine)


def test_rows_written_at_the_first_revision_survive_upgrade_to_head(
    empty_engine: Engine,
) -> None:
    applied = _upgraded_from_first_revision(empty_engine)

    assert applied == schema.revisions()[1:]
    assert schema.status(empty_engine).current == schema.HEAD
    for table, rows in ROWS_AT_FIRST_REVISION.items():
        if table in MOVED_TABLES:
            continue
        moved = MOVED_COLUMNS.get(table, ())
        expected = [
            {k: v for k, v in {**row, **CONVERTED_AT_HEAD.get(table, {})}.items() if k not in moved}
            for row in rows
        ]
        columns = [c for c in rows[0] if c not in moved]
        assert _select(empty_engine, table, columns) == expected, table
    with empty_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def test_site_values_become_the_first_versions_of_their_histories(empty_engine: Engine) -> None:
    _upgraded_from_first_revision(empty_engine)
    vigny_changed = "2021-04-02 11:30:00.000000"  # the site's updated_at
    first = {"site_id": "17510A", "valid_from": "0001-01-01"}
    kept = {"source": "migrated", "recorded_at": vigny_changed}
    # Grisy's hours and staff were unknown: nothing known, no version.
    assert _select(empty_engine, "site_hours_version", [*first, "opening_hours", *kept]) == [
        {**first, "opening_hours": "Mo-Sa 09:00-12:00; PH off", **kept}
    ]
    assert _select(empty_engine, "site_staff_version", [*first, "staff_count", *kept]) == [
        {**first, "staff_count": 2, **kept}
    ]
    label = {"label": "france_services", "held": 1, "since": "2020-01-01"}
    columns = [*first, *label, "detail", *kept]
    assert _select(empty_engine, "site_label_version", columns) == [
        {**first, **label, "detail": "bureau labellisé", **kept}
    ]


# Tables that later revisions create, each with the test that keeps its rows.
LATER_TABLES = {
    "commune": "test_communes_rows_survive_a_later_upgrade",
    "agent_absence": "test_people_rows_survive_a_later_upgrade",
    "occurrence_revision": "test_people_rows_survive_a_later_upgrade",
    "notification": "test_people_rows_survive_a_later_upgrade",
    "site_hours_version": "test_site_values_become_the_first_versions_of_their_histories",
    "site_staff_version": "test_site_values_become_the_first_versions_of_their_histories",
    "site_label_version": "test_site_values_become_the_first_versions_of_their_histories",
}


def test_every_table_of_the_models_gets_rows_in_the_migration_test() -> None:
    # A new table must be added to ROWS_AT_FIRST_REVISION (or to a later revision's test).
    first = set(ROWS_AT_FIRST_REVISION) - set(MOVED_TABLES)
    assert first | set(LATER_TABLES) == set(metadata().tables)
    assert all(name in globals() for name in LATER_TABLES.values())


def test_communes_rows_survive_a_later_upgrade(empty_engine: Engine) -> None:
    schema.upgrade(empty_engine, "0002_communes")
    row = {
        "insee_code": "32399",
        "name": "Saint-Orens",
        "kind": "COM",
        "department_code": "32",
        "population": 80,
        "latitude": 43.714046,
        "longitude": 0.907753,
        "position": "mairie",
        "source": "communes.csv",
        "population_year": 2017,
    }
    with empty_engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO department (code, name) VALUES ('32', 'Gers')")
        marks = ", ".join("?" for _ in row)
        connection.exec_driver_sql(
            f"INSERT INTO commune ({', '.join(row)}) VALUES ({marks})", tuple(row.values())
        )
    schema.upgrade(empty_engine)
    assert _select(empty_engine, "commune", list(row)) == [row]


PEOPLE_ROWS: dict[str, list[dict[str, object]]] = {
    "agent_absence": [
        {
            "id": 1,
            "agent_id": "vigny-1",
            "start_date": "2021-05-03",
            "end_date": "2021-05-16",
            "reason": "congés",
            "created_at": "2021-04-20 08:00:00.000000",
        }
    ],
    "occurrence_revision": [
        {
            "permanence_id": 7,
            "occurrence_date": "2021-05-04",
            "sequence": 2,
            "changed_at": "2021-04-21 09:30:00.000000",
        }
    ],
    "notification": [
        {
            "id": 1,
            "topic": "agent-day:agent:vigny-conseillere-1:2021-04-27",
            "digest": "0123456789abcdef",
            "kind": "agent-day",
            "recipient": "agent:vigny-conseillere-1",
            "day": "2021-04-27",
            "status": "sent",
            "created_at": "2021-04-26 16:00:00.000000",
            "sent_at": "2021-04-26 16:00:01.000000",
        }
    ],
}


def test_people_rows_survive_a_later_upgrade(empty_engine: Engine) -> None:
    schema.upgrade(empty_engine, "0005_people")
    with empty_engine.begin() as connection:
        for table in ("department", "site", "agent", "programme", "permanence"):
            for row in ROWS_AT_FIRST_REVISION[table]:
                marks = ", ".join("?" for _ in row)
                connection.exec_driver_sql(
                    f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", tuple(row.values())
                )
        for table, rows in PEOPLE_ROWS.items():
            for row in rows:
                marks = ", ".join("?" for _ in row)
                connection.exec_driver_sql(
                    f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", tuple(row.values())
                )
    schema.upgrade(empty_engine)
    for table, rows in PEOPLE_ROWS.items():
        assert _select(empty_engine, table, list(rows[0])) == rows, table


def test_head_is_the_newest_migration_script() -> None:
    revisions = schema.revisions()
    assert revisions[0] == FIRST
    assert revisions[-1] == schema.HEAD


def test_upgrade_of_a_current_database_applies_nothing(engine: Engine) -> None:
    assert schema.upgrade(engine) == []
    status = schema.status(engine)
    assert status.up_to_date
    assert status.pending == ()


def test_migrated_schema_matches_the_models_exactly(empty_engine: Engine) -> None:
    schema.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata())
    assert differences == []


def test_new_database_status_lists_every_migration_as_pending(empty_engine: Engine) -> None:
    status = schema.status(empty_engine)
    assert status.current is None
    assert status.pending == tuple(schema.revisions())
    assert not status.up_to_date


def test_database_newer_than_the_tool_is_refused(engine: Engine, seeded_db: Path) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))

    with pytest.raises(InvalidData) as caught:
        schema.ensure_current(engine)
    assert caught.value.key == "db.schema_newer"
    assert caught.value.params == {"version": "9999"}
    assert query(seeded_db, "SELECT version_num FROM alembic_version") == [("9999",)]
    assert query(seeded_db, "SELECT count(*) FROM site") == [(18,)]


def test_database_newer_than_the_tool_is_refused_by_the_cli(
    cli: Callable[..., Result], seeded_db: Path, dump: Callable[[Path], list[str]]
) -> None:
    query(seeded_db, "UPDATE alembic_version SET version_num = '0099_future'")
    before = dump(seeded_db)

    result = cli("sites", "list")

    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "erreur : base refusée : son schéma (version « 0099_future ») est plus récent que "
        "cette version de presence-postale ; mettre l'outil à jour"
    ]
    assert result.stdout == ""
    assert dump(seeded_db) == before


def test_records_numbered_by_the_database_get_their_stable_identifier(
    empty_engine: Engine,
) -> None:
    """0007: each numbered record gets the uid its natural key gives (the one a seed load
    gives the same record), unique in its table."""
    from datetime import date, datetime, time

    from presence_postale.domain.identity import NATURAL_KEYS, derived_uid

    for revision, rows_at in ((FIRST, ROWS_AT_FIRST_REVISION), ("0005_people", PEOPLE_ROWS)):
        schema.upgrade(empty_engine, revision)
        with empty_engine.begin() as connection:
            for table, rows in rows_at.items():
                for row in rows:
                    marks = ", ".join("?" for _ in row)
                    connection.exec_driver_sql(
                        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})",
                        tuple(row.values()),
                    )
    schema.upgrade(empty_engine)
    dates = ("valid_from", "session_date", "start_date", "end_date", "changed_on", "new_end")
    read: dict[str, Callable[[str], object]] = {
        "start_time": time.fromisoformat,
        "start_at": datetime.fromisoformat,
        "end_at": datetime.fromisoformat,
        **dict.fromkeys(dates, date.fromisoformat),
    }
    for table, names in NATURAL_KEYS.items():
        rows = _select(empty_engine, table, ["uid", *names])
        assert len({row["uid"] for row in rows}) == len(rows), table
        for row in rows:
            key = {
                name: read.get(name, str)(str(row[name])) if row[name] is not None else None
                for name in names
            }
            assert row["uid"] == derived_uid(table, key), table
