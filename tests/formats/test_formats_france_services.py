"""The ANCT list of France Services: per-day hours to opening_hours, La Poste hosting."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from presence_postale.domain import hours
from presence_postale.errors import BadValue, InvalidData
from presence_postale.formats import france_services as fs
from presence_postale.formats import words
from presence_postale.formats.laposte import Rejected, open_text
from shared_data import FRANCE_SERVICES_CSV, needs_shared_data

REAL = FRANCE_SERVICES_CSV


def test_vigny_week_groups_equal_days() -> None:
    week = [
        fs.day_intervals(text)
        for text in (
            "09:00 - 12:00 / 14:30 - 17:30",
            "09:00 - 12:00 / 14:30 - 17:30",
            "09:00 - 12:00 / 14:30 - 17:30",
            "09:00 - 12:00 / 15:00 - 17:30",
            "09:00 - 12:00 / 14:30 - 17:30",
            "09:00 - 12:00",
        )
    ]
    expected = (
        "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00; PH off"
    )
    assert fs.osm_hours(week) == expected
    assert hours.validate(expected) == expected


def test_closed_marks_and_overlaps() -> None:
    assert fs.day_intervals("") == ()
    assert fs.day_intervals("00:00 - 00:00") == ()
    assert fs.day_intervals("00:00 - 00:00 / 09:00 - 12:00") == ((540, 720),)
    assert fs.day_intervals("08:30 - 17:30 / 08:30 - 12:30") == ((510, 1050),)
    assert fs.osm_hours([(), (), (), (), (), ()]) is None
    assert fs.osm_hours([((540, 720),), (), ((540, 720),), (), (), ()]) == (
        "Mo,We 09:00-12:00; PH off"
    )


def test_a_reversed_interval_is_an_error() -> None:
    with pytest.raises(BadValue) as refused:
        fs.day_intervals("12:00 - 09:00")
    assert words.say(refused.value.message) == "« 12:00 - 09:00 » n'est pas un intervalle valable"


@needs_shared_data
def test_real_file_every_row_reads_and_every_week_is_valid_opening_hours() -> None:
    handle, _encoding = open_text(REAL)
    with handle:
        found = list(fs.read(handle, str(REAL)))
    assert len(found) == 2845
    assert not [r for r in found if isinstance(r, Rejected)]
    good = [r for r in found if isinstance(r, fs.FranceServices)]
    assert sum(r.hosted_by_la_poste for r in good) == 409
    for row in good:
        if row.opening_hours is not None:
            hours.validate(row.opening_hours)
    first = good[1]
    assert first.la_poste_place == "Saint-Trivier-de-Courtes"
    assert first.labelled_on is not None and first.labelled_on.isoformat() == "2020-02-01"


@needs_shared_data
def test_a_bad_hours_cell_names_its_line_and_column(tmp_path: Path) -> None:
    with REAL.open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header, row = next(reader), next(reader)
    row[header.index("h_mardi")] = "9h - midi"
    path = tmp_path / "fs.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, row])
    handle, _encoding = open_text(path)
    with handle:
        (rejected,) = list(fs.read(handle, str(path)))
    assert isinstance(rejected, Rejected)
    assert (rejected.line, rejected.field) == (2, "h_mardi")


def test_another_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    handle, _encoding = open_text(path)
    with handle, pytest.raises(InvalidData, match="ce n'est pas la liste ANCT des France Services"):
        list(fs.read(handle, str(path)))
