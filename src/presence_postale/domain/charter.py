"""The France Services charter: open at least 5 days and 24 hours a week, with at least two
polyvalent staff present. Judged on one week's real hours (public holidays count)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from presence_postale.domain.history import Timeline
from presence_postale.domain.hours import DayHours, open_days, total_hours

MIN_DAYS = 5
MIN_HOURS = 24.0
MIN_STAFF = 2

PASS = "pass"
FAIL = "fail"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class CharterCheck:
    status: str  # pass | fail | unknown
    days_open: int | None  # None: the hours are unknown
    hours: float | None
    staff: int | None
    reasons: tuple[str, ...]  # stable codes: too_few_days, ..., staff_unknown


def week_staff(staff: Timeline[int], monday: date, sunday: date) -> int | None:
    """The polyvalent staff a week is judged on: the smallest count in force on any of its
    days (the charter holds every day), None when it is unknown on any of them."""
    counts = staff.values_during(monday, sunday)
    if not counts or any(count is None for count in counts):
        return None
    return min(count for count in counts if count is not None)


def check(days: Sequence[DayHours], staff: int | None, hours_known: bool) -> CharterCheck:
    """Fail on any rule broken; unknown (never pass) when a fact needed to pass is missing.
    `hours_known` False (hours given but not to be relied on) judges the hours unknown too."""
    days_open = open_days(days)
    hours = total_hours(days)
    reasons: list[str] = []
    missing: list[str] = []
    if not hours_known or days_open is None or hours is None:
        missing.append("hours_unknown")
    else:
        if days_open < MIN_DAYS:
            reasons.append("too_few_days")
        if hours < MIN_HOURS:
            reasons.append("too_few_hours")
    if staff is None:
        missing.append("staff_unknown")
    elif staff < MIN_STAFF:
        reasons.append("too_few_staff")
    status = FAIL if reasons else (UNKNOWN if missing else PASS)
    return CharterCheck(status, days_open, hours, staff, tuple(reasons + missing))
