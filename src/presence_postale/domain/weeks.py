"""ISO weeks and the parsing of dates, times, months and durations typed by users.

Standard library only: the CLI imports this module to parse options.
"""

from __future__ import annotations

import calendar as stdlib_calendar  # not domain.calendar, which needs `holidays`
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from presence_postale.errors import InvalidData, Message


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week: Monday to Sunday, week 1 holds the year's first Thursday."""

    year: int
    week: int

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999 or not 1 <= self.week <= weeks_in_year(self.year):
            raise ValueError(f"no ISO week {self.week} in year {self.year}")

    @classmethod
    def containing(cls, day: date) -> IsoWeek:
        """The week `day` falls in (may belong to the previous or next ISO year)."""
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 7)

    @property
    def days(self) -> tuple[date, ...]:
        """The seven days, Monday first."""
        monday = self.monday
        return tuple(monday + timedelta(days=n) for n in range(7))

    @property
    def label(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"

    def __str__(self) -> str:
        return self.label

    def next(self) -> IsoWeek:
        return IsoWeek.containing(self.monday + timedelta(days=7))

    def previous(self) -> IsoWeek:
        return IsoWeek.containing(self.monday - timedelta(days=7))


_WEEK_RE = re.compile(r"([0-9]{4})-?[Ww]([0-9]{1,2})")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")
_TIME_RE = re.compile(r"([0-9]{1,2})(?::([0-9]{2})|[hH]([0-9]{2})?)")
_DURATION_RE = re.compile(r"([0-9]{1,5}) ?([dwmy])")


def parse_week(spec: str, today: date) -> IsoWeek:
    """`2021-W17`, `2021W17`, `this`, `next`, `last`, or a date inside the week."""
    text = spec.strip()
    relative = {"this": 0, "next": 1, "last": -1}.get(text.lower())
    if relative is not None:
        try:
            return IsoWeek.containing(today + timedelta(days=7 * relative))
        except OverflowError:
            raise _bad("value.bad_week", spec, "value.beyond_calendar") from None
    match = _WEEK_RE.fullmatch(text)
    if match:
        year, week = int(match[1]), int(match[2])
        if year < 1:
            raise _bad("value.bad_week", spec, "value.year_range", first="0001", last="9999")
        if not 1 <= week <= weeks_in_year(year):
            raise _bad(
                "value.bad_week", spec, "value.weeks_in_year", year=year, weeks=weeks_in_year(year)
            )
        return IsoWeek(year, week)
    if _DATE_RE.fullmatch(text):
        return IsoWeek.containing(parse_date(text, "value.bad_week"))
    raise _bad("value.bad_week", spec, "value.expected_week")


def _bad(key: str, value: str, reason: str, **params: object) -> InvalidData:
    """A value refused: `key` names what it should be, `reason` why it is not."""
    return InvalidData(key, value=value, reason=Message(reason, params))


def parse_date(text: str, key: str = "value.bad_date") -> date:
    """A strict ISO date, `YYYY-MM-DD` (`key`: what the date stands for, in a refusal)."""
    match = _DATE_RE.fullmatch(text.strip())
    if not match:
        raise _bad(key, text, "value.expected_date")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _bad(key, text, "value.no_such_date") from None


def parse_time(text: str) -> time:
    """`09:00`, `9:00`, `09h00`, `9h` or `9h30`; 00:00 to 23:59."""
    match = _TIME_RE.fullmatch(text.strip())
    if not match:
        raise _bad("value.bad_time", text, "value.expected_time")
    hour = int(match[1])
    minute = int(match[2] or match[3] or 0)
    if hour > 23:
        raise _bad("value.bad_time", text, "value.hour_range")
    if minute > 59:
        raise _bad("value.bad_time", text, "value.minute_range")
    return time(hour, minute)


def parse_month(text: str) -> tuple[int, int]:
    """`2019-05` -> (2019, 5)."""
    match = _MONTH_RE.fullmatch(text.strip())
    if not match:
        raise _bad("value.bad_month", text, "value.expected_month")
    year, month = int(match[1]), int(match[2])
    if year < 1:
        raise _bad("value.bad_month", text, "value.year_range", first="0001", last="9999")
    if not 1 <= month <= 12:
        raise _bad("value.bad_month", text, "value.month_range")
    return year, month


def months_before(day: date, months: int) -> date:
    """`day` moved back by whole months, the day clamped to the target month's end."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    if year < 1:
        raise ValueError("year out of range")
    last = stdlib_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_duration_ago(text: str, today: date) -> date:
    """The day a period such as `30d`, `8w`, `12m` or `2y` before `today`."""
    match = _DURATION_RE.fullmatch(text.strip().lower())
    if not match:
        raise _bad("value.bad_duration", text, "value.expected_duration")
    count, unit = int(match[1]), match[2]
    try:
        if unit == "d":
            return today - timedelta(days=count)
        if unit == "w":
            return today - timedelta(weeks=count)
        return months_before(today, count * (12 if unit == "y" else 1))
    except (OverflowError, ValueError):
        raise _bad("value.bad_duration", text, "value.before_year_one") from None
