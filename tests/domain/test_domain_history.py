"""Histories of dated versions: what was in force on a day, what dating a new value does,
and what an import adds (`domain.history`)."""

from __future__ import annotations

from datetime import date

import pytest

from presence_postale.domain.history import (
    BEGINNING,
    MANUAL,
    MIGRATED,
    LabelState,
    Timeline,
    Version,
    from_source,
    labels_held,
    plan,
)
from presence_postale.errors import InvalidData

OLD, NEW = "Mo-Fr 09:00-12:00", "Mo-Fr 14:00-17:00"
MAY, JUNE = date(2021, 5, 1), date(2021, 6, 1)
SOURCE = "laposte"


def two_versions() -> Timeline[str]:
    return Timeline((Version(BEGINNING, OLD, MIGRATED), Version(JUNE, NEW)))


def test_each_day_reads_the_version_in_force() -> None:
    hours = two_versions()
    assert hours.at(date(1999, 1, 1)) == OLD
    assert hours.at(date(2021, 5, 31)) == OLD
    assert hours.at(JUNE) == NEW
    assert hours.at(date(2030, 1, 1)) == NEW
    assert hours.last_day(hours.versions[0]) == date(2021, 5, 31)
    assert hours.last_day(hours.versions[1]) is None


def test_before_the_first_version_nothing_is_known() -> None:
    hours = Timeline((Version(JUNE, NEW),))
    assert hours.at(date(2021, 5, 31)) is None
    assert hours.values_during(MAY, JUNE) == [None, NEW]
    assert not Timeline.always(None) and Timeline.always(OLD).at(date(1900, 1, 1)) == OLD


def test_versions_during_a_period() -> None:
    hours = two_versions()
    assert [v.value for v in hours.during(MAY, date(2021, 5, 31))] == [OLD]
    assert [v.value for v in hours.during(MAY, JUNE)] == [OLD, NEW]
    assert [v.value for v in hours.during(date(2022, 1, 1), date(2022, 1, 7))] == [NEW]


def test_two_versions_on_one_day_are_refused() -> None:
    with pytest.raises(ValueError):
        Timeline((Version(JUNE, OLD), Version(JUNE, NEW)))


def test_a_past_date_is_inserted_and_the_later_version_stays() -> None:
    change = plan(two_versions(), Version(MAY, "Mo-Sa 10:00-12:00"))
    assert not change.unchanged and change.replaced is None
    assert change.until == date(2021, 5, 31)  # up to the later version, which is kept


def test_the_same_first_day_replaces_that_version() -> None:
    change = plan(two_versions(), Version(JUNE, "Mo-Sa 10:00-12:00"))
    assert change.replaced == Version(JUNE, NEW) and change.until is None


def test_the_value_already_in_force_changes_nothing() -> None:
    assert plan(two_versions(), Version(date(2021, 7, 1), NEW)).unchanged
    # The same value from another source is written: the delegate makes it theirs.
    assert not plan(two_versions(), Version(date(2021, 3, 1), OLD, MANUAL)).unchanged


def test_a_first_day_before_1900_is_refused() -> None:
    with pytest.raises(InvalidData):
        plan(two_versions(), Version(date(1899, 12, 31), NEW))


def test_an_import_adds_a_version_only_over_its_own_and_only_when_it_changed() -> None:
    today = date(2024, 8, 2)
    assert from_source(Timeline(), OLD, SOURCE, today) == Version(BEGINNING, OLD, SOURCE)
    own = Timeline((Version(BEGINNING, OLD, SOURCE),))
    assert from_source(own, OLD, SOURCE, today) is None  # unchanged: nothing
    assert from_source(own, NEW, SOURCE, today) == Version(today, NEW, SOURCE)
    # A delegate's (or another source's) latest version stays in force.
    assert from_source(two_versions(), "Mo 08:00-09:00", SOURCE, today) is None


def test_labels_held_over_a_period() -> None:
    labels = {
        "france_services": Timeline(
            (Version(BEGINNING, LabelState(True)), Version(JUNE, LabelState(False)))
        ),
        "msap": Timeline((Version(JUNE, LabelState(True)),)),
    }
    assert labels_held(labels, MAY, date(2021, 5, 31)) == ["france_services"]
    assert labels_held(labels, date(2021, 7, 1), date(2021, 7, 7)) == ["msap"]
    assert labels_held(labels, MAY, JUNE) == ["france_services", "msap"]
