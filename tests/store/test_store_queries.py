"""Queries several services share: plain rows, a few ids or many, closures by site."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain.hours import Closure
from presence_postale.errors import NotFound
from presence_postale.services import site_changes, sites
from presence_postale.store import db as store
from presence_postale.store import models, queries, versions


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


def test_closures_by_site(db: Session) -> None:
    vigny = sites.get(db, "17510A")
    site_changes.add_closure(db, vigny, date(2021, 6, 1), date(2021, 6, 15), "travaux")
    found = queries.closures_by_site(db, ["17510A", "17443A"], date(2021, 6, 14), date(2021, 6, 20))
    assert dict(found) == {"17510A": [Closure(date(2021, 6, 1), date(2021, 6, 15), "travaux")]}
    assert (
        dict(queries.closures_by_site(db, ["17510A"], date(2021, 6, 16), date(2021, 6, 30))) == {}
    )


def test_a_missing_department_is_not_found(db: Session) -> None:
    assert queries.require_department(db, None) is None
    assert queries.require_department(db, "95").name == "Val-d'Oise"  # type: ignore[union-attr]
    with pytest.raises(NotFound, match="département « 00 » introuvable"):
        queries.require_department(db, "00")


def test_the_spaces_read_by_site_are_the_coworking_table(db: Session) -> None:
    table = models.Space.__table__
    assert queries.SPACE.name == table.name
    assert set(queries.SPACE.c.keys()) <= set(table.c.keys())
    assert queries.space_ids(db, "05712A") == ["saint-clar"]
    assert queries.space_ids(db, "17510A") == []


def test_labels_on_a_day(db: Session) -> None:
    day = date(2021, 4, 27)
    assert versions.labels_on(db, ["17510A", "17443A"], day) == {"17510A": ["france_services"]}
    assert versions.labels_on(db, ["10900A"], day)["10900A"] == ["france_services"]


def test_many_ids_give_the_rows_a_few_give(db: Session) -> None:
    from sqlalchemy import select

    from presence_postale.store import models as m

    statement = select(m.Site.id, m.Site.name).order_by(m.Site.id)
    seeded = [site_id for (site_id, _name) in queries.rows(db, statement)]
    few = list(queries.rows_in(db, statement, m.Site.id, seeded[:5]))
    many_ids = [*seeded[:5], *(f"absent-{i}" for i in range(queries.MANY))]
    many = list(queries.rows_in(db, statement, m.Site.id, many_ids))
    assert [tuple(row) for row in many] == [tuple(row) for row in few]
    assert [row[0] for row in few] == seeded[:5]
    everything = list(queries.places(db, [*seeded, *many_ids]))
    assert sorted(everything) == sorted(seeded)


def test_the_records_of_many_permanences_are_those_of_a_few(db: Session) -> None:
    """Past `MANY` permanences, their records are read by the window's valid permanences
    rather than by id: the same rows."""
    from sqlalchemy import select

    from presence_postale.store import models as m

    found = queries.permanences(db, date(2021, 4, 26), date(2021, 5, 2), queries.Filters())
    assert found.series and found.operators  # the seed's permanences name their operators
    link = m.PermanenceOperator
    statement = select(link.permanence_id, link.operator_code).order_by(
        link.permanence_id, link.operator_code
    )
    few = [tuple(row) for row in queries.records_of(db, found, statement, link.permanence_id)]
    found.ids = [*found.ids, *range(-queries.MANY, 0)]  # ids no permanence has
    many = [tuple(row) for row in queries.records_of(db, found, statement, link.permanence_id)]
    assert many == few
    assert {pid for pid, _code in few} == set(found.operators)


def test_the_places_a_statement_selects_are_read_with_their_rows(db: Session) -> None:
    """The sites labelled in a week, or with a coworking space, read in one statement: the
    rows `places` reads by id, narrowed to a department when asked."""
    from sqlalchemy import select, union

    from presence_postale.store import models as m

    day = date(2021, 4, 27)
    labelled = versions.labelled(("france_services", "msap"), day, day)
    standing = union(labelled, select(m.Space.site_id))
    found = queries.places_in(db, standing)
    by_id = queries.places(db, versions.labelled_during(db, ("france_services", "msap"), day, day))
    assert "05712A" in found and "17510A" in found and "10900A" in found  # coworking, labels
    assert {k: v for k, v in found.items() if k in by_id} == by_id
    assert found["17510A"].name == "Bureau de poste de Vigny"
    assert found["17510A"].department_code == "95"
    assert sorted(queries.places_in(db, standing, "95")) == sorted(
        site_id for site_id, place in found.items() if place.department_code == "95"
    )
    assert queries.places_in(db, labelled, "03") == {}


def test_labels_held_over_a_window_are_those_of_the_sites_histories(db: Session) -> None:
    """A label withdrawn, granted again, granted later: the labels held on at least one day of
    a window, read from the held versions, are those the full histories say."""
    from datetime import UTC, datetime

    from presence_postale.domain.history import LabelState, Version, labels_held

    now = datetime(2021, 5, 1, 12, 0, tzinfo=UTC)
    versions.save_label(db, "17443A", "france_services", Version(date(2021, 5, 10),
                        LabelState(False)), now)  # fmt: skip
    versions.save_label(db, "17443A", "france_services", Version(date(2021, 5, 20),
                        LabelState(True)), now)  # fmt: skip
    versions.save_label(db, "17443A", "msap", Version(date(2021, 5, 12), LabelState(True)), now)
    versions.save_label(db, "17510A", "france_services", Version(date(2021, 5, 10),
                        LabelState(False)), now)  # fmt: skip
    ids = ["17443A", "17510A", "10900A", "05712A", "00486A"]
    windows = [(date(2021, 5, 3), date(2021, 5, 9)), (date(2021, 5, 10), date(2021, 5, 11)),
               (date(2021, 5, 12), date(2021, 5, 19)), (date(2021, 5, 17), date(2021, 5, 23)),
               (date(2021, 5, 9), date(2021, 5, 9))]  # fmt: skip
    for start, end in windows:
        histories = versions.labels_during(db, ids, start, end)
        expected = {
            site_id: held
            for site_id, labels in histories.items()
            if (held := labels_held(labels, start, end))
        }
        assert versions.held_during(db, ids, start, end) == expected, (start, end)
    assert versions.held_during(db, ids, date(2021, 5, 10), date(2021, 5, 11)).get("17443A") is None
    may_12 = versions.held_during(db, ids, date(2021, 5, 12), date(2021, 5, 19))
    assert may_12["17443A"] == ["msap"] and "17510A" not in may_12
    assert versions.held_during(db, ids, date(2021, 5, 3), date(2021, 5, 10))["17510A"] == [
        "france_services"
    ]
