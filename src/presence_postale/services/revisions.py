"""Recording that an occurrence changes (see `domain.revisions` for what calendars read).

Every write that changes an occurrence calls `touch` before it changes anything: a cancel, a
move, undoing either, an absence over it or its end, an outcome logged or corrected.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import select as core_select
from sqlmodel import Session, col

from presence_postale.store import models as m


def touch(db: Session, permanence_id: int, day: date, *, bump: bool = True) -> None:
    """Record that the occurrence of `day` (its original date) changes now; `bump` unless the
    change leaves the event as it was (an outcome). Call it before the change is written: an
    occurrence with a stored exception and no revision yet counts as changed once already."""
    now = datetime.now(UTC)
    row = db.get(m.OccurrenceRevision, (permanence_id, day))
    if row is None:
        row = m.OccurrenceRevision(
            permanence_id=permanence_id,
            occurrence_date=day,
            sequence=1 if _has_exception(db, permanence_id, day) else 0,
            changed_at=now,
        )
        db.add(row)
    if bump:
        row.sequence += 1
    row.changed_at = now
    db.flush()


def touch_all(db: Session, keys: Iterable[tuple[int, date]]) -> None:
    """`touch` every occurrence of `keys` (permanence, original date), once each."""
    for permanence_id, day in sorted(set(keys)):
        touch(db, permanence_id, day)


def _has_exception(db: Session, permanence_id: int, day: date) -> bool:
    exception = m.PermanenceException
    statement = core_select(col(exception.id)).where(
        col(exception.permanence_id) == permanence_id, col(exception.occurrence_date) == day
    )
    db.flush()
    return db.connection().execute(statement).first() is not None
