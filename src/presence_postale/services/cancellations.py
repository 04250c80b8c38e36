"""Cancelling (and restoring) every occurrence of one permanence in a range of dates.

The range cancels what would take place — scheduled occurrences, and those an absence already
skips — each as the one-date cancellation does. Occurrences already cancelled or moved, and
those a holiday or a closure skips, are left as they are and counted. An occurrence in the
range whose outcome is logged refuses the whole range, naming it: it was held.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from presence_postale.domain import schedule as sch
from presence_postale.errors import Conflict, InvalidData, NotFound
from presence_postale.services import permanence_occurrences as occurrences
from presence_postale.services import permanences
from presence_postale.store import models as m
from presence_postale.store.db import lock

MAX_DAYS = 3660  # ten years, as any other window


@dataclass
class RangeResult:
    changed: list[date] = field(default_factory=list)
    left: list[date] = field(default_factory=list)


def _check(start: date, end: date) -> None:
    if end < start:
        raise InvalidData("value.range_reversed", start=start, end=end)
    if (end - start).days > MAX_DAYS:
        raise InvalidData("value.range_too_long", start=start, end=end)


def cancel_range(
    db: Session, permanence: m.Permanence, start: date, end: date, reason: str | None
) -> RangeResult:
    """Cancel every occurrence of `permanence` whose original date lies in [start, end]."""
    _check(start, end)
    lock(db, m.Permanence, permanence.id)
    mine = [
        e.occurrence
        for e in permanences.entries(db, permanence, start, end)
        if start <= e.occurrence.original_date <= end
    ]
    logged = next((o for o in mine if o.visitors is not None), None)
    if logged is not None:
        raise Conflict("cancel.range_logged", permanence=permanence.id, date=logged.date)
    result = RangeResult()
    for occurrence in mine:
        if occurrence.status in (sch.SCHEDULED, sch.ABSENT):
            occurrences.cancel(db, permanence, occurrence.original_date, reason)
            result.changed.append(occurrence.original_date)
        else:
            result.left.append(occurrence.original_date)
    return result


def restore_range(db: Session, permanence: m.Permanence, start: date, end: date) -> RangeResult:
    """Undo every cancellation of `permanence` in [start, end] (moves are left as they are)."""
    _check(start, end)
    lock(db, m.Permanence, permanence.id)
    cancelled = [
        change.occurrence_date
        for change in db.exec(
            select(m.PermanenceException)
            .where(
                m.PermanenceException.permanence_id == permanence.id,
                m.PermanenceException.action == sch.CANCELLED,
                col(m.PermanenceException.occurrence_date).between(start, end),
            )
            .order_by(col(m.PermanenceException.occurrence_date))
        )
    ]
    if not cancelled:
        raise NotFound("cancel.nothing_to_undo", permanence=permanence.id, start=start, end=end)
    for day in cancelled:
        occurrences.undo(db, permanence, day)
    return RangeResult(changed=cancelled)
