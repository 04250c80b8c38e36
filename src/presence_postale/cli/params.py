"""Option parsers shared by the commands: dates, weeks, times, as usage errors (exit 2).

Only the CLI reads the clock: "today" is decided here and handed down.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TypeVar

import typer

from presence_postale.domain import weeks
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import InvalidData

T = TypeVar("T")


def today() -> date:
    return date.today()


def _usage(parse: Callable[[str], T]) -> Callable[[str], T]:
    def parser(value: str) -> T:
        if not isinstance(value, str):  # already parsed (a default)
            return value
        try:
            return parse(value)
        except InvalidData as error:
            raise typer.BadParameter(error.message) from None

    return parser


parse_date: Callable[[str], date] = _usage(weeks.parse_date)
parse_time: Callable[[str], time] = _usage(weeks.parse_time)
parse_week: Callable[[str], IsoWeek] = _usage(lambda spec: weeks.parse_week(spec, today()))


def split_list(value: str | None) -> tuple[str, ...]:
    """`a,b, c` -> ("a", "b", "c")."""
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(",") if part.strip())
