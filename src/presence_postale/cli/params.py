"""Option parsers shared by the commands: dates, weeks, times, as usage errors (exit 2).

Only the CLI reads the clock: "today" is the command's environment's, handed down.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Annotated, Any, TypeVar

import typer

from presence_postale.domain import fields, weeks
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import InvalidData, Message

# `--strict` on a change: refuse it when it conflicts with what is planned (its warnings,
# named at once otherwise: `services.consequences`).
StrictOpt = Annotated[bool, typer.Option("--strict")]

T = TypeVar("T")


def department_codes(
    ctx: typer.Context, param: typer.CallbackParam, value: str | list[str] | None
) -> str | list[str] | None:
    """`--department` as the database writes it: Corsica's `2a` is 2A, a code given twice is
    one (a code's case is no reason to refuse it, nor to find nothing)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip().upper()
    return list(dict.fromkeys(code.strip().upper() for code in value))


# `--department` of a command about one department, and of one about any number of them.
DepartmentOpt = Annotated[str | None, typer.Option("--department", "-d", callback=department_codes)]
DepartmentsOpt = Annotated[
    list[str] | None,
    typer.Option("--department", "-d", metavar="CODE", callback=department_codes),
]


class BadValue(typer.BadParameter):
    """An option's value refused, in words of the catalogue (`words`)."""

    def __init__(self, words: Message) -> None:
        super().__init__(words.key)
        self.words = words


def today() -> date:
    """The running command's "today" (its environment's: a test sets it)."""
    from presence_postale.cli.environment import current

    day = current().today
    assert day is not None
    return day


def _usage(parse: Callable[[str], T]) -> Callable[[str], T]:
    def parser(value: str) -> T:
        if not isinstance(value, str):  # already parsed (a default)
            return value
        try:
            return parse(value)
        except InvalidData as error:
            raise BadValue(error.message) from None

    return parser


# The years a date option may name: the domain's (see `domain.fields`).
FIRST_YEAR, LAST_YEAR = fields.FIRST_YEAR, fields.LAST_YEAR


def check_year(year: int, text: str, key: str) -> None:
    """Refuse a year the tool does not reach (`key`: what the value is, a date or a week)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        reason = Message("value.year_range", {"first": FIRST_YEAR, "last": LAST_YEAR})
        raise InvalidData(key, value=text, reason=reason)


def _date(text: str) -> date:
    day = weeks.parse_date(text)
    check_year(day.year, text, "value.bad_date")
    return day


def _week(spec: str) -> IsoWeek:
    week = weeks.parse_week(spec, today())
    check_year(week.year, spec, "value.bad_week")
    return week


def _month(text: str) -> date:
    """`2019-05` -> the month's first day (a tuple would make the option take two values)."""
    year, number = weeks.parse_month(text)
    check_year(year, text, "value.bad_month")
    return date(year, number, 1)


parse_date: Callable[[str], date] = _usage(_date)
parse_time: Callable[[str], time] = _usage(weeks.parse_time)
parse_week: Callable[[str], IsoWeek] = _usage(_week)
parse_month: Callable[[str], date] = _usage(_month)
# A retention period (`12m`, `2y`, `90d`) as the day it reaches back to from today.
parse_period: Callable[[str], date] = _usage(lambda text: weeks.parse_duration_ago(text, today()))

# The largest whole number SQLite stores: a larger record number is refused as a usage error.
MAX_INTEGER = 2**63 - 1


# A period's first and last days (`--from`, `--to`), and the check that they are in order.
FromOption = Annotated[date | None, typer.Option("--from", parser=parse_date, metavar="DATE")]
ToOption = Annotated[date | None, typer.Option("--to", parser=parse_date, metavar="DATE")]


def check_range(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise InvalidData("value.range_reversed", start=start, end=end)


def check_period(start: date, end: date) -> None:
    """A period a command covers day by day: in order, and ten years at most (the same
    refusal, naming both dates, for a schedule, a calendar or the published feeds)."""
    from presence_postale.domain.fields import MAX_PERIOD_DAYS

    check_range(start, end)
    if (end - start).days > MAX_PERIOD_DAYS:
        raise InvalidData("value.range_too_long", start=start, end=end)


def free_text(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """Callback of the options whose text is stored (names, notes, reasons): the domain's
    text rule for notes (`domain.fields`), at once, before the database is opened; a name's
    stricter rule (one line) is its record's validator's."""
    from presence_postale.domain.fields import FieldError, note
    from presence_postale.errors import UsageError

    if value is None:
        return None
    try:
        note(value, param.opts[0] if param.opts else str(param.name))
    except FieldError as error:
        if error.reason.key in ("text.too_long", "text.control", "text.not_unicode"):
            raise UsageError(error.message) from None
    return value


def split_list(value: str | None) -> tuple[str, ...]:
    """`a,b, c` -> ("a", "b", "c")."""
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(",") if part.strip())


def parse_counts(text: str | None, option: str, example: str = "70+=2") -> dict[str, int]:
    """`60-69=3,70+=2` -> {"60-69": 3, "70+": 2}; a key given twice adds up."""
    out: dict[str, int] = {}
    for part in split_list(text):
        key, sep, count = part.partition("=")
        if not sep or not count.strip().isdecimal():  # isdigit() takes '²', int() not
            raise InvalidData("value.bad_counts", option=option, value=part, example=example)
        out[key.strip()] = out.get(key.strip(), 0) + int(count)
    return out


def one_of(first: tuple[str, Any], second: tuple[str, Any]) -> None:
    """Exactly one of two options must be given (usage error otherwise)."""
    from presence_postale.errors import UsageError

    (first_name, first_value), (second_name, second_value) = first, second
    if first_value is not None and second_value is not None:
        raise UsageError("usage.not_both", first=first_name, second=second_name)
    if first_value is None and second_value is None:
        raise UsageError("usage.one_of", first=first_name, second=second_name)


# An individual's value, or a workshop's counts, of each counter: (single, many) options.
COUNTER_OPTIONS = {
    "age_bands": ("--age-band", "--age-bands"),
    "social_statuses": ("--social-status", "--social-statuses"),
    "genders": ("--gender", "--genders"),
    "residence_communes": ("--commune", "--communes"),
}


def parse_counters(
    participants: int | None, given: dict[str, tuple[str | None, str | None]]
) -> dict[str, dict[str, int]]:
    """Each counter's counts: a workshop's `--age-bands soixante_soixante_neuf=3,…`, or an
    individual's `--age-band soixante_dix_plus` (counting all the participants)."""
    from presence_postale.errors import UsageError

    out: dict[str, dict[str, int]] = {}
    for counter, (single, many) in given.items():
        one, several = COUNTER_OPTIONS[counter]
        counts = parse_counts(many, several, example="soixante_dix_plus=2")
        if single is not None:
            if counts:
                raise UsageError("usage.not_both", first=one, second=several)
            counts = {single: participants or 1}
        out[counter] = counts
    return out
