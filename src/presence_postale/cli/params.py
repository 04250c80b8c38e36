"""Option parsers shared by the commands: dates, weeks, times, as usage errors (exit 2).

Only the CLI reads the clock: "today" is decided here and handed down.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Annotated, TypeVar

import typer

from presence_postale.domain import fields, weeks
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import InvalidData

# `--strict` on a change: refuse it when it conflicts with what is planned (its warnings,
# named at once otherwise: `services.consequences`).
StrictOpt = Annotated[
    bool,
    typer.Option("--strict", help="Refuse the change when it conflicts with what is planned."),
]

T = TypeVar("T")


def today() -> date:
    """The running command's "today" (its environment's: a test sets it)."""
    from presence_postale.cli.environment import current

    return current().today


def _usage(parse: Callable[[str], T]) -> Callable[[str], T]:
    def parser(value: str) -> T:
        if not isinstance(value, str):  # already parsed (a default)
            return value
        try:
            return parse(value)
        except InvalidData as error:
            raise typer.BadParameter(str(error)) from None

    return parser


# The years a date option may name: the domain's (see `domain.fields`).
FIRST_YEAR, LAST_YEAR = fields.FIRST_YEAR, fields.LAST_YEAR


def check_year(year: int, text: str, field: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidData(f"invalid {field} '{text}': year must be {FIRST_YEAR} to {LAST_YEAR}")


def _date(text: str) -> date:
    day = weeks.parse_date(text)
    check_year(day.year, text, "date")
    return day


def _week(spec: str) -> IsoWeek:
    week = weeks.parse_week(spec, today())
    check_year(week.year, spec, "week")
    return week


parse_date: Callable[[str], date] = _usage(_date)
parse_time: Callable[[str], time] = _usage(weeks.parse_time)
parse_week: Callable[[str], IsoWeek] = _usage(_week)

# The largest whole number SQLite stores: a larger record number is refused as a usage error.
MAX_INTEGER = 2**63 - 1


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


def parse_counts(
    text: str | None, option: str, expected: str = "value=count, as 70+=2"
) -> dict[str, int]:
    """`60-69=3,70+=2` -> {"60-69": 3, "70+": 2}; a key given twice adds up."""
    out: dict[str, int] = {}
    for part in split_list(text):
        key, sep, count = part.partition("=")
        if not sep or not count.strip().isdecimal():  # isdigit() takes '²', int() not
            raise InvalidData(f"invalid {option} '{part}': expected {expected}")
        out[key.strip()] = out.get(key.strip(), 0) + int(count)
    return out


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
    """Each counter's counts: a workshop's `--age-bands 60-69=3,70+=2`, or an individual's
    `--age-band 70+` (counting all the participants)."""
    out: dict[str, dict[str, int]] = {}
    for counter, (single, many) in given.items():
        one, several = COUNTER_OPTIONS[counter]
        counts = parse_counts(many, several)
        if single is not None:
            if counts:
                raise typer.BadParameter(f"give {one} or {several}, not both", param_hint=one)
            counts = {single: participants or 1}
        out[counter] = counts
    return out
