"""Programmes: listing, adding, extending (with a recorded change) and ending."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from presence_postale.errors import Conflict, InvalidData, NotFound
from presence_postale.services import programmes
from presence_postale.store import db as store
from presence_postale.store import models as m
from refusals import refused

TODAY = date(2021, 7, 1)


def test_listing_in_start_order_with_permanence_counts(engine: Engine) -> None:
    with store.session(engine) as db:
        rows = programmes.listing(db)
    assert [(r["code"], r["permanences"]) for r in rows] == [
        ("ccsb-ardoiz-2018", 0),
        ("allier-mediation-2019", 3),
        ("gers-coworking-2019", 0),
        ("saint-amand-2021", 0),
        ("agen-2021", 0),
        ("vigny-2021", 2),
    ]


def test_listing_filters(engine: Engine) -> None:
    with store.session(engine) as db:
        assert [r["code"] for r in programmes.listing(db, department="95")] == ["vigny-2021"]
        assert [r["code"] for r in programmes.listing(db, status="Planned")] == ["ccsb-ardoiz-2018"]
        with refused(InvalidData, match="invalid --status 'paused'"):
            programmes.listing(db, status="paused")


def test_unknown_programme(engine: Engine) -> None:
    with store.session(engine) as db, refused(NotFound, match="programme 'nope' not found"):
        programmes.get(db, "nope")


def test_extend_pushes_the_planned_end_and_records_the_change(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        programmes.extend(
            db, programmes.get(db, "vigny-2021"), date(2021, 12, 31), TODAY, "retours des usagers"
        )
    with store.session(engine) as db:
        vigny = programmes.get(db, "vigny-2021")
        assert vigny.planned_end == date(2021, 12, 31)
        assert vigny.status == "extended"
        changes = programmes.detail(db, vigny)["changes"]
    assert changes == [
        {
            "date": TODAY,
            "action": "extend",
            "previous_end": date(2021, 7, 26),
            "new_end": date(2021, 12, 31),
            "reason": "retours des usagers",
        }
    ]


@pytest.mark.parametrize(
    ("until", "message"),
    [
        (
            date(2020, 1, 1),
            "--until 2020-01-01 invalide : avant le début du programme, le 27 avril",
        ),
        (date(2021, 7, 26), "pas après la fin prévue actuelle, le 26 juillet 2021"),
    ],
)
def test_extend_to_an_earlier_date_is_refused(engine: Engine, until: date, message: str) -> None:
    with refused(InvalidData, match=message), store.session(engine, write=True) as db:
        programmes.extend(db, programmes.get(db, "vigny-2021"), until, TODAY, None)
    with store.session(engine) as db:
        assert programmes.get(db, "vigny-2021").planned_end == date(2021, 7, 26)
        assert db.exec(m.ProgrammeChange.__table__.select()).all() == []  # type: ignore[attr-defined]


def test_end_sets_status_ended(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        programmes.end(db, programmes.get(db, "saint-amand-2021"), date(2021, 7, 7), "fin du test")
    with store.session(engine) as db:
        ended = programmes.get(db, "saint-amand-2021")
        assert ended.status == "ended"
        assert ended.ended_on == date(2021, 7, 7)
        assert programmes.horizon(ended) == date(2021, 7, 7)
        assert [c["action"] for c in programmes.detail(db, ended)["changes"]] == ["end"]


def test_extending_an_ended_programme_is_refused(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        programmes.end(db, programmes.get(db, "saint-amand-2021"), date(2021, 7, 7), None)
    with (
        refused(Conflict, match="ended on 2021-07-07; it cannot be extended"),
        store.session(engine, write=True) as db,
    ):
        programmes.extend(
            db, programmes.get(db, "saint-amand-2021"), date(2021, 12, 31), TODAY, None
        )
    with (
        refused(Conflict, match="already ended on 2021-07-07"),
        store.session(engine, write=True) as db,
    ):
        programmes.end(db, programmes.get(db, "saint-amand-2021"), date(2021, 8, 1), None)


def test_end_before_start_is_refused(engine: Engine) -> None:
    with (
        refused(InvalidData, match="before the programme's start"),
        store.session(engine, write=True) as db,
    ):
        programmes.end(db, programmes.get(db, "vigny-2021"), date(2021, 1, 1), None)


def test_add_programme(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        programmes.add(
            db,
            {
                "code": "agen-2022",
                "title": "Agen",
                "model": "autre",
                "department_code": "47",
                "start_date": date(2022, 1, 3),
                "planned_end": date(2022, 6, 30),
                "status": "Running",
                "funder": None,
                "funding_eur": 1000,
                "description": None,
            },
        )
    with store.session(engine) as db:
        added = programmes.get(db, "agen-2022")
        assert added.status == "running"
        assert added.funding_eur == 1000


@pytest.mark.parametrize(
    ("values", "error", "message"),
    [
        ({"code": "vigny-2021"}, Conflict, "already exists"),
        ({"code": "a b"}, InvalidData, "invalid programme code 'a b'"),
        (
            {"department_code": "99"},
            InvalidData,
            "invalid --department '99': not a department code",
        ),
        ({"status": "paused"}, InvalidData, "invalid --status 'paused'"),
        (
            {"planned_end": date(2021, 12, 31)},
            InvalidData,
            "end 2021-12-31 is before start 2022-01-03",
        ),
        ({"funding_eur": -5}, InvalidData, "invalid --funding '-5': must be between 0 and"),
    ],
)
def test_add_validation(
    engine: Engine, values: dict[str, object], error: type[Exception], message: str
) -> None:
    base: dict[str, object] = {
        "code": "new-2022",
        "title": "Nouveau",
        "model": "autre",
        "start_date": date(2022, 1, 3),
    }
    with refused(error, match=message), store.session(engine, write=True) as db:
        programmes.add(db, {**base, **values})
    with store.session(engine) as db:
        assert db.get(m.Programme, "new-2022") is None
