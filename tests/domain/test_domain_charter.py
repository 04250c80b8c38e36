"""The France Services charter: 5 days, 24 hours, 2 polyvalent staff; unknown never passes."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from presence_postale.domain import charter
from presence_postale.domain.charter import FAIL, PASS, UNKNOWN, check
from presence_postale.domain.hours import DayHours, week_hours

MONDAY = date(2021, 4, 26)
VIGNY = "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00; PH off"


def _week(*hours_per_day: tuple[int, int] | None) -> list[DayHours]:
    """Seven days; each open from its first hour to its second, or closed (None)."""
    days = []
    for n in range(7):
        spec = hours_per_day[n] if n < len(hours_per_day) else None
        day = MONDAY + timedelta(days=n)
        days.append(DayHours(day, () if spec is None else ((time(spec[0]), time(spec[1])),)))
    return days


def test_vigny_passes_on_its_regular_week() -> None:
    result = check(week_hours(VIGNY, MONDAY), staff=2, hours_known=True)
    assert result == charter.CharterCheck(PASS, 6, 32.5, 2, ())
    assert result.reasons == ()


def test_exactly_at_the_thresholds_passes() -> None:
    # Four days of 5 h and one of 4 h: 5 days and 24 h, each exactly the minimum.
    days = _week((9, 14), (9, 14), (9, 14), (9, 14), (9, 13))
    result = check(days, staff=2, hours_known=True)
    assert (result.status, result.days_open, result.hours) == (PASS, 5, 24.0)


@pytest.mark.parametrize(
    ("days", "staff", "codes"),
    [
        (_week((9, 17), (9, 17), (9, 17), (9, 17)), 2, ("too_few_days",)),
        (_week((9, 13), (9, 13), (9, 13), (9, 13), (9, 13)), 3, ("too_few_hours",)),
        (_week((9, 17), (9, 17), (9, 17), (9, 17), (9, 17)), 1, ("too_few_staff",)),
        (_week((9, 12)), 0, ("too_few_days", "too_few_hours", "too_few_staff")),
    ],
)
def test_fails_naming_each_rule_broken(
    days: list[DayHours], staff: int, codes: tuple[str, ...]
) -> None:
    result = check(days, staff=staff, hours_known=True)
    assert result.status == FAIL
    assert result.reasons == codes


def test_unknown_staff_never_passes() -> None:
    result = check(week_hours(VIGNY, MONDAY), staff=None, hours_known=True)
    assert result.status == UNKNOWN
    assert result.reasons == ("staff_unknown",)


def test_unknown_hours_never_pass() -> None:
    result = check(week_hours(None, MONDAY), staff=3, hours_known=False)
    # Unknown hours give no figures: neither 0 days nor 0 h (unknown is not closed).
    assert (result.status, result.days_open, result.hours) == (UNKNOWN, None, None)
    assert result.reasons == ("hours_unknown",)
    # Unknown hours are not "too few days": no failure is invented from missing data.
    both = check(week_hours(None, MONDAY), staff=None, hours_known=False)
    assert both.status == UNKNOWN
    assert both.reasons == ("hours_unknown", "staff_unknown")


def test_hours_given_but_not_to_be_relied_on_are_judged_unknown() -> None:
    # Illustrative hours: the figures are shown, never a verdict on them.
    result = check(week_hours(VIGNY, MONDAY), staff=None, hours_known=False)
    assert (result.status, result.days_open, result.hours) == (UNKNOWN, 6, 32.5)
    assert result.reasons == ("hours_unknown", "staff_unknown")


def test_a_known_failure_wins_over_an_unknown() -> None:
    staff_short = check(week_hours(None, MONDAY), staff=1, hours_known=False)
    assert staff_short.status == FAIL
    assert staff_short.reasons == ("too_few_staff", "hours_unknown")
    hours_short = check(_week((9, 12), (9, 12)), staff=None, hours_known=True)
    assert hours_short.status == FAIL
    assert hours_short.reasons == ("too_few_days", "too_few_hours", "staff_unknown")


def test_holidays_and_closures_in_the_days_count_as_closed() -> None:
    holidays = {date(2021, 5, 1): "Fête du Travail"}
    result = check(week_hours(VIGNY, MONDAY, holidays), staff=2, hours_known=True)
    assert (result.status, result.days_open, result.hours) == (PASS, 5, 29.5)
