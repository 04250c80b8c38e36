"""Absences in the pure schedule: an absence skips the occurrences that take place inside it."""

from __future__ import annotations

from datetime import date, time

import pytest

from presence_postale.domain import schedule as sch
from presence_postale.domain.absences import MAX_DAYS, Absence, check_window, covering
from presence_postale.errors import InvalidData

TUESDAYS = sch.Slot(
    id=1,
    rule="FREQ=WEEKLY;BYDAY=TU",
    start=time(9),
    end=time(12),
    first=date(2021, 4, 27),
    last=None,
    programme_start=date(2021, 4, 27),
    agent_id="a",
)
LEAVE = Absence(date(2021, 5, 3), date(2021, 5, 16), "congés")


def statuses(occurrences: list[sch.Occurrence]) -> list[tuple[date, date, str, str | None]]:
    return [(o.original_date, o.date, o.status, o.reason) for o in occurrences]


def test_an_absence_skips_the_occurrences_inside_it_with_its_reason() -> None:
    found = sch.expand(TUESDAYS, date(2021, 4, 26), date(2021, 5, 23), absences=[LEAVE])
    assert statuses(found) == [
        (date(2021, 4, 27), date(2021, 4, 27), "scheduled", None),
        (date(2021, 5, 4), date(2021, 5, 4), "absent", "congés"),
        (date(2021, 5, 11), date(2021, 5, 11), "absent", "congés"),
        (date(2021, 5, 18), date(2021, 5, 18), "scheduled", None),
    ]
    assert not any(o.takes_place for o in found if o.status == sch.ABSENT)


def test_a_move_is_judged_on_the_day_it_takes_place() -> None:
    changes = {
        # moved out of the absence: it takes place
        date(2021, 5, 4): sch.Change(date(2021, 5, 4), sch.MOVED, new_date=date(2021, 5, 18)),
        # moved into it: skipped
        date(2021, 4, 27): sch.Change(date(2021, 4, 27), sch.MOVED, new_date=date(2021, 5, 5)),
    }
    found = sch.expand(
        TUESDAYS, date(2021, 4, 26), date(2021, 5, 23), changes=changes, absences=[LEAVE]
    )
    assert statuses(found) == [
        (date(2021, 4, 27), date(2021, 5, 5), "absent", "congés"),
        (date(2021, 5, 11), date(2021, 5, 11), "absent", "congés"),
        (date(2021, 5, 18), date(2021, 5, 18), "scheduled", None),
        (date(2021, 5, 4), date(2021, 5, 18), "moved", None),
    ]


def test_holidays_cancellations_and_outcomes_come_before_an_absence() -> None:
    found = sch.expand(
        TUESDAYS,
        date(2021, 5, 3),
        date(2021, 5, 16),
        holidays={date(2021, 5, 4): "jour férié"},
        changes={date(2021, 5, 11): sch.Change(date(2021, 5, 11), sch.CANCELLED, reason="x")},
        absences=[LEAVE],
    )
    assert statuses(found) == [
        (date(2021, 5, 4), date(2021, 5, 4), "skipped", "jour férié"),
        (date(2021, 5, 11), date(2021, 5, 11), "cancelled", "x"),
    ]
    held = sch.expand(
        TUESDAYS,
        date(2021, 5, 3),
        date(2021, 5, 9),
        visitors={date(2021, 5, 4): 3},
        absences=[LEAVE],
    )
    assert [(o.status, o.visitors) for o in held] == [("held", 3)]


def test_windows() -> None:
    assert covering([LEAVE], date(2021, 5, 16)) == LEAVE
    assert covering([LEAVE], date(2021, 5, 17)) is None
    check_window(date(2021, 1, 1), date(2021, 1, 1))
    with pytest.raises(InvalidData) as reversed_:
        check_window(date(2021, 1, 2), date(2021, 1, 1))
    assert reversed_.value.key == "value.range_reversed"
    with pytest.raises(InvalidData) as too_long:
        check_window(date(2021, 1, 1), date(2022, 1, 2))
    assert too_long.value.key == "absence.too_long"
    assert too_long.value.params["maximum"] == MAX_DAYS
