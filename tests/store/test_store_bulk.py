"""The store's bulk door writes rows as a plain INSERT of them does, on either database (on
PostgreSQL it goes through COPY): texts, numbers, dates, flags, nothing, instants in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from presence_postale.store import bulk
from presence_postale.store import db as store
from presence_postale.store import models as m


def _version(site_id: str, day: date, at: datetime) -> dict[str, object]:
    row = {"site_id": site_id, "label": "msap", "valid_from": day, "held": False, "since": None}
    return {**row, "detail": "Fixe « n° 1 »", "source": "records", "recorded_at": at}


def test_the_bulk_door_writes_what_an_insert_writes(engine: Engine) -> None:
    paris = timezone(timedelta(hours=2))
    stamps = [datetime(2024, 5, 1, 13, 50, tzinfo=UTC), datetime(2024, 5, 1, 15, 50, tzinfo=paris)]
    table = m.metadata().tables["site_label_version"]
    with store.session(engine, write=True) as db:
        site_id = db.connection().execute(select(m.metadata().tables["site"].c.id)).scalar()
        assert site_id is not None
        through_bulk = [_version(site_id, date(2030, 1, n + 1), at) for n, at in enumerate(stamps)]
        through_insert = [
            _version(site_id, date(2031, 1, n + 1), at) for n, at in enumerate(stamps)
        ]
        assert bulk.insert(db, "site_label_version", through_bulk) == 2
        db.connection().execute(insert(table), through_insert)
        rows = {
            row["valid_from"]: row
            for row in bulk.rows(db, "site_label_version")
            if row["valid_from"].year >= 2030
        }
    for n in range(2):
        written, inserted = rows[date(2030, 1, n + 1)], rows[date(2031, 1, n + 1)]
        assert {**written, "valid_from": None} == {**inserted, "valid_from": None}


def test_json_lists_and_every_column_are_written_as_an_insert_writes_them(engine: Engine) -> None:
    """A space carries JSON lists (equipment, categories) and flags: every column given, the
    bulk door writes it as an INSERT of the same row does."""
    table = m.metadata().tables["space"]
    with store.session(engine, write=True) as db:
        held = next(iter(bulk.rows(db, "space")))
        row = {**held, "equipment": ["wifi", "écran « 4K »"], "categories": ["agent"]}
        assert bulk.insert(db, "space", [{**row, "id": "par-la-porte"}]) == 1
        db.connection().execute(insert(table), [{**row, "id": "par-insert"}])
        written = {found.pop("id"): found for found in bulk.rows(db, "space")}
    assert written["par-la-porte"] == written["par-insert"]
    assert written["par-la-porte"]["equipment"] == ["wifi", "écran « 4K »"]


def test_every_table_is_read_as_sqlalchemy_reads_it(engine: Engine) -> None:
    """The bulk read gives each row of each table with the values SQLAlchemy gives (dates,
    times, instants in UTC, JSON lists, booleans), in the order asked for."""
    with store.session(engine) as db:
        connection = db.connection()
        for name, table in m.metadata().tables.items():
            key = [column.name for column in table.primary_key.columns]
            read = list(bulk.rows(db, name, order=key))
            expected = [
                dict(row)
                for row in connection.execute(
                    select(table).order_by(*(table.c[column] for column in key))
                ).mappings()
            ]
            assert read == expected, name
            assert [type(v) for row in read for v in row.values()] == [
                type(v) for row in expected for v in row.values()
            ], name
        spaces = list(bulk.rows(db, "space", "id", "equipment"))
    assert spaces and all(isinstance(row["equipment"], list | None) for row in spaces)
