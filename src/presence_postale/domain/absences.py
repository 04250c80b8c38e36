"""An agent's absences: one record for a stretch of days (leave, training), which skips every
occurrence of the agent's permanences that would take place inside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from presence_postale.errors import InvalidData

# The longest absence one record may hold: a year and a day covers any leave.
MAX_DAYS = 366


@dataclass(frozen=True)
class Absence:
    start: date
    end: date
    reason: str | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, start: date, end: date) -> bool:
        return self.start <= end and start <= self.end


def covering(absences: Iterable[Absence], day: date) -> Absence | None:
    """The absence that covers `day`, if any."""
    return next((a for a in absences if a.covers(day)), None)


def check_order(start: date, end: date) -> None:
    """Refuse a window that ends before it starts."""
    if end < start:
        raise InvalidData("value.range_reversed", start=start, end=end)


def check_window(start: date, end: date) -> None:
    """Refuse a window that ends before it starts, or longer than MAX_DAYS."""
    check_order(start, end)
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidData("absence.too_long", start=start, end=end, maximum=MAX_DAYS)


def overlapping(absences: Sequence[Absence], start: date, end: date) -> Absence | None:
    """The first of `absences` that shares a day with [start, end]."""
    return next((a for a in absences if a.overlaps(start, end)), None)
