"""A records file answers to the rules a command answers to: the same validators (text, codes,
limits) and, for reservations, the booking rules of `coworking book` (capacity, bookable
hours, holidays, closures, categories, e-mail). A file that breaks one is refused whole,
naming its line; one that breaks none loads, and loads again without a change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from backends import Database
from presence_postale.errors import InvalidData
from presence_postale.services.database import load_records
from refusals import english

Dump = Callable[[Database], list[str]]


def _booking(start: str, end: str, *, email: str = "camille@example.org", **extra: str) -> str:
    lines = [
        "  - space: saint-clar",
        f'    start: "{start}"',
        f'    end: "{end}"',
        "    person_name: Camille Martin",
        f"    email: {email}",
        f"    category: {extra.get('category', 'soho_solo')}",
    ]
    if "status" in extra:
        lines.append(f"    status: {extra['status']}")
    return "\n".join(lines) + "\n"


def _file(tmp_path: Path, *bookings: str) -> Path:
    path = tmp_path / "records.yaml"
    path.write_text("version: 1\nreservations:\n" + "".join(bookings), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("bookings", "line", "fragment"),
    [
        pytest.param(
            [
                _booking("2019-05-14T09:00", "2019-05-14T12:00"),
                _booking("2019-05-14T10:00", "2019-05-14T11:00", email="b@example.org"),
                _booking("2019-05-14T09:30", "2019-05-14T10:30", email="c@example.org"),
            ],
            9,
            "overlaps reservation #",
            id="three-bookings-of-a-one-desk-space",
        ),
        pytest.param(
            [_booking("2019-05-14T09:00", "2019-05-14T12:00", email="camille")],
            7,
            "not an e-mail address",
            id="email-without-at",
        ),
        pytest.param(
            [_booking("2019-05-08T09:00", "2019-05-08T12:00")],
            3,
            "public holiday (Victory Day)",
            id="public-holiday",
        ),
        pytest.param(
            [_booking("2019-05-14T12:00", "2019-05-14T14:00")],
            3,
            "outside the bookable hours",
            id="outside-bookable-hours",
        ),
        pytest.param(
            [_booking("2019-05-14T09:00", "2019-05-14T12:00", category="other")],
            3,
            "category 'Other' may not book space saint-clar",
            id="ineligible-category",
        ),
        pytest.param(
            [_booking("2019-05-14T12:00", "2019-05-14T09:00")],
            5,
            "end 09:00 is not after start 12:00",
            id="reversed",
        ),
    ],
)
def test_a_file_breaking_a_booking_rule_is_refused_whole_naming_its_line(
    engine: Engine,
    seeded_db: Database,
    tmp_path: Path,
    dump: Dump,
    bookings: list[str],
    line: int,
    fragment: str,
) -> None:
    path = _file(tmp_path, *bookings)
    before = dump(seeded_db)
    with pytest.raises(InvalidData) as caught:
        load_records(engine, path)
    message = english(caught.value)
    assert f"line {line}: reservations[" in message and fragment in message, message
    engine.dispose()
    assert dump(seeded_db) == before


def test_a_file_within_the_rules_loads_and_loads_again_unchanged(
    engine: Engine, tmp_path: Path
) -> None:
    path = _file(
        tmp_path,
        _booking("2019-05-14T09:00", "2019-05-14T12:00"),
        _booking("2019-05-14T14:00", "2019-05-14T16:00", email="b@example.org"),
        # A cancelled booking holds no place: another may take its slot.
        _booking("2019-05-15T09:00", "2019-05-15T12:00", email="c@example.org", status="cancelled"),
        _booking("2019-05-15T09:00", "2019-05-15T12:00", email="d@example.org"),
    )
    first = load_records(engine, path)
    assert first.total("created") == 4
    again = load_records(engine, path)
    assert (again.total("created"), again.total("updated")) == (0, 0)


@pytest.mark.parametrize(
    ("site", "fragment"),
    [
        ('    insee_code: "1"\n', "sites[0].insee_code '1': not an INSEE commune code"),
        ("    staff_count: 5000\n", "sites[0].staff_count '5000': must be between 0 and 1000"),
        ('    postcode: "9545"\n', "sites[0].postcode '9545': not a postcode"),
        ("    email: nobody\n", "sites[0].email 'nobody': not an e-mail address"),
        ('    name: "Mairie\\nde X"\n', "a name is one line"),
        ('    opening_hours: "Mo 12:00-09:00"\n', "ends before it starts"),
    ],
)
def test_a_site_in_a_file_answers_to_the_rules_of_sites_add(
    engine: Engine, tmp_path: Path, site: str, fragment: str
) -> None:
    text = 'sites:\n  - id: "X1"\n    kind: mairie\n' + site
    if "name:" not in site:
        text += "    name: Mairie de X\n"
    path = tmp_path / "sites.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidData) as caught:
        load_records(engine, path)
    assert fragment in english(caught.value)


def test_a_site_in_a_file_gets_its_department_from_its_insee_code(
    engine: Engine, tmp_path: Path
) -> None:
    from presence_postale.services import sites
    from presence_postale.store import db as store

    path = tmp_path / "sites.yaml"
    path.write_text(
        'sites:\n  - id: "X1"\n    name: Mairie\n    kind: mairie\n    insee_code: "68066"\n',
        encoding="utf-8",
    )
    load_records(engine, path)
    with store.session(engine) as db:
        assert sites.get(db, "X1").department_code == "68"


def test_a_record_given_twice_in_a_file_is_refused_and_nothing_is_written(
    engine: Engine, tmp_path: Path
) -> None:
    """Two records of a file naming the same record (a site's id, a version's site, label and
    date, a uid): which should stay was never said, so the file is refused, naming both."""
    from presence_postale.store import db as store
    from presence_postale.store import models as m

    path = tmp_path / "versions.yaml"
    path.write_text(
        'sites:\n  - id: "X1"\n    name: Mairie\n    kind: mairie\n'
        "    labels:\n      - label: france_services\n        detail: Fixe\n"
        "label_versions:\n"
        '  - site: "X1"\n    label: france_services\n    from: 2023-01-01\n    held: false\n'
        '  - site: "X1"\n    label: france_services\n    from: 2023-01-01\n    detail: Itinérant\n',
        encoding="utf-8",
    )
    with pytest.raises(InvalidData) as refused:
        load_records(engine, path)
    assert str(refused.value.message.key) == "records.at"
    params = refused.value.message.params
    assert params["line"] == 13 and params["place"] == "label_versions[1]"
    assert params["reason"].params == {
        "first": "label_versions[0]",
        "key": "X1, france_services, 2023-01-01",
    }
    with store.session(engine) as db:
        assert db.get(m.Site, "X1") is None
    twice = tmp_path / "sites.yaml"
    twice.write_text(
        "sites:\n  - id: X2\n    name: A\n    kind: mairie\n"
        "  - id: X2\n    name: B\n    kind: mairie\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidData) as refused:
        load_records(engine, twice)
    assert refused.value.message.params["reason"].params == {"first": "sites[0]", "key": "X2"}
