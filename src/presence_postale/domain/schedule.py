"""Occurrences of permanences: computed inside a window, never stored.

A permanence's dates come from its rule, inside its validity and its programme's dates. Public
holidays and host-site closures skip an occurrence (with the reason); stored changes cancel or
move one; the agent's absence skips one on the day it would take place (with the absence's
reason); a logged outcome marks it held. Overlaps of one agent's occurrences are conflicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Protocol

from presence_postale.domain.absences import Absence, covering
from presence_postale.domain.hours import Closure
from presence_postale.domain.recurrence import dates_between

SCHEDULED = "scheduled"
HELD = "held"
MOVED = "moved"
CANCELLED = "cancelled"
SKIPPED = "skipped"
ABSENT = "absent"  # the agent is away (an absence covers the day)
# Occurrences that put someone somewhere: the others are only shown.
TAKING_PLACE = (SCHEDULED, HELD, MOVED)


@dataclass(frozen=True)
class Slot:
    """A permanence as the schedule sees it. `last` is the earliest of its validity end and its
    programme's end (None: open-ended); `programme_start` bounds it from below."""

    id: int
    rule: str
    start: time
    end: time
    first: date
    last: date | None
    programme_start: date
    agent_id: str | None = None
    site_id: str = ""


@dataclass(frozen=True)
class Change:
    """One occurrence cancelled or moved (new date and/or times)."""

    original: date
    action: str  # cancelled | moved
    new_date: date | None = None
    new_start: time | None = None
    new_end: time | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Occurrence:
    permanence_id: int
    original_date: date
    date: date
    start: time
    end: time
    status: str
    reason: str | None = None
    visitors: int | None = None

    @property
    def takes_place(self) -> bool:
        return self.status in TAKING_PLACE


class Recurring(Protocol):
    """A permanence, as stored or as read for a schedule."""

    @property
    def id(self) -> int | None: ...
    @property
    def rrule(self) -> str: ...
    @property
    def start_time(self) -> time: ...
    @property
    def end_time(self) -> time: ...
    @property
    def valid_from(self) -> date: ...
    @property
    def valid_until(self) -> date | None: ...
    @property
    def agent_id(self) -> str | None: ...
    @property
    def site_id(self) -> str: ...


class Dated(Protocol):
    """A programme's dates."""

    @property
    def start_date(self) -> date: ...
    @property
    def planned_end(self) -> date | None: ...
    @property
    def ended_on(self) -> date | None: ...


def slot_of(permanence: Recurring, programme: Dated) -> Slot:
    """The slot of a permanence, bounded by its validity and its programme's dates."""
    horizon = programme.ended_on or programme.planned_end
    ends = [d for d in (permanence.valid_until, horizon) if d is not None]
    assert permanence.id is not None
    return Slot(
        id=permanence.id,
        rule=permanence.rrule,
        start=permanence.start_time,
        end=permanence.end_time,
        first=permanence.valid_from,
        last=min(ends) if ends else None,
        programme_start=programme.start_date,
        agent_id=permanence.agent_id,
        site_id=permanence.site_id,
    )


def bounds(slot: Slot, window_start: date, window_end: date) -> tuple[date, date] | None:
    """The part of the window in which the permanence runs, or None."""
    start = max(window_start, slot.first, slot.programme_start)
    end = window_end if slot.last is None else min(window_end, slot.last)
    return (start, end) if start <= end else None


def _closure_on(day: date, closures: Sequence[Closure]) -> Closure | None:
    return next((c for c in closures if c.start <= day <= c.end), None)


def expand(
    slot: Slot,
    window_start: date,
    window_end: date,
    *,
    holidays: Mapping[date, str] | None = None,
    closures: Sequence[Closure] = (),
    changes: Mapping[date, Change] | None = None,
    visitors: Mapping[date, int] | None = None,
    absences: Sequence[Absence] = (),
) -> list[Occurrence]:
    """The slot's occurrences in [window_start, window_end], sorted by date and time.

    `changes` and `visitors` are keyed by the occurrence's original date (its identity); a
    change whose original date lies outside the window but whose new date lies inside it is
    included. Changes to dates the rule does not produce are ignored. `absences` are the
    agent's: one covering the day an occurrence takes place (its new day, when moved) skips it,
    unless an outcome was logged for it.
    """
    holidays = holidays or {}
    changes = changes or {}
    visitors = visitors or {}
    span = bounds(slot, window_start, window_end)
    originals = dates_between(slot.rule, slot.first, *span, at=slot.start) if span else []
    out = [
        _regular(slot, day, change, holidays, closures, visitors, absences)
        for day in originals
        if (change := changes.get(day)) is None or change.action != MOVED
    ]
    for change in changes.values():
        if change.action != MOVED or change.new_date is None:
            continue
        if not window_start <= change.new_date <= window_end:
            continue
        if not _is_occurrence(slot, change.original):
            continue
        out.append(
            _taking_place(
                slot.id,
                change.original,
                change.new_date,
                change.new_start or slot.start,
                change.new_end or slot.end,
                MOVED,
                change.reason,
                visitors.get(change.original),
                absences,
            )
        )
    if len(out) > 1:
        out.sort(key=lambda o: (o.date, o.start, o.permanence_id))
    return out


def _regular(
    slot: Slot,
    day: date,
    change: Change | None,
    holidays: Mapping[date, str],
    closures: Sequence[Closure],
    visitors: Mapping[date, int],
    absences: Sequence[Absence],
) -> Occurrence:
    """The occurrence of a day the rule produces, left in its place: cancelled, skipped for a
    public holiday or a closure, or taking place."""
    if change is not None:
        return Occurrence(slot.id, day, day, slot.start, slot.end, CANCELLED, change.reason)
    if day in holidays:
        return Occurrence(slot.id, day, day, slot.start, slot.end, SKIPPED, holidays[day])
    closure = _closure_on(day, closures)
    if closure is not None:
        return Occurrence(slot.id, day, day, slot.start, slot.end, SKIPPED, closure.reason)
    return _taking_place(
        slot.id, day, day, slot.start, slot.end, SCHEDULED, None, visitors.get(day), absences
    )


def _taking_place(
    permanence_id: int,
    original: date,
    day: date,
    start: time,
    end: time,
    status: str,
    reason: str | None,
    count: int | None,
    absences: Sequence[Absence],
) -> Occurrence:
    """An occurrence that takes place unless its agent is away that day. A logged outcome
    says it took place: a regular one is then held, a moved one keeps saying it was moved."""
    if count is not None:
        held = HELD if status == SCHEDULED else status
        return Occurrence(permanence_id, original, day, start, end, held, reason, count)
    away = covering(absences, day)
    if away is not None:
        return Occurrence(permanence_id, original, day, start, end, ABSENT, away.reason)
    return Occurrence(permanence_id, original, day, start, end, status, reason)


def _is_occurrence(slot: Slot, day: date) -> bool:
    span = bounds(slot, day, day)
    return span is not None and bool(dates_between(slot.rule, slot.first, day, day, at=slot.start))


def is_occurrence(slot: Slot, day: date) -> bool:
    """Whether the rule, inside its validity and programme, produces `day`."""
    return _is_occurrence(slot, day)


@dataclass(frozen=True)
class Overlap:
    agent_id: str
    first: Occurrence
    second: Occurrence


def overlaps(
    occurrences: Iterable[Occurrence], agent_of: Mapping[int, str | None]
) -> list[Overlap]:
    """Pairs of occurrences that put one agent in two places at once."""
    by_agent_day: dict[tuple[str, date], list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        agent = agent_of.get(occurrence.permanence_id)
        if agent is not None and occurrence.takes_place:
            by_agent_day[(agent, occurrence.date)].append(occurrence)
    found = []
    # An agent's only occurrence of a day overlaps nothing: most days of most agents.
    shared = sorted((key, items) for key, items in by_agent_day.items() if len(items) > 1)
    for (agent, _day), items in shared:
        items.sort(key=lambda o: (o.start, o.permanence_id))
        for i, first in enumerate(items):
            for second in items[i + 1 :]:
                if second.start >= first.end:
                    break
                if second.permanence_id != first.permanence_id:
                    found.append(Overlap(agent, first, second))
    return found
