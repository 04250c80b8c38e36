"""One occurrence of a permanence: cancel it, move it, undo the change, log what happened."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session, select

from presence_postale.domain import fields
from presence_postale.domain import schedule as sch
from presence_postale.errors import Conflict, InvalidData, NotFound
from presence_postale.services import absences
from presence_postale.services.revisions import touch
from presence_postale.store import models as m
from presence_postale.store.db import lock

MAX_VISITORS = 10_000


def _slot(db: Session, permanence: m.Permanence) -> sch.Slot:
    programme = db.get(m.Programme, permanence.programme_code)
    assert programme is not None
    return sch.slot_of(permanence, programme)


def _require_occurrence(db: Session, permanence: m.Permanence, day: date) -> None:
    if not sch.is_occurrence(_slot(db, permanence), day):
        raise InvalidData(
            "permanence.no_such_occurrence",
            permanence=permanence.id,
            date=day,
            rule=permanence.rrule,
            start=permanence.valid_from,
            until=permanence.valid_until,
        )


def _require_running(db: Session, permanence: m.Permanence, day: date) -> None:
    """An occurrence is moved only within the days its permanence runs (its validity and its
    programme's dates): every view of the schedule then shows it. Moved outside, the weekly
    report left it out while the schedule listed it."""
    slot = _slot(db, permanence)
    if sch.bounds(slot, day, day) is None:
        raise InvalidData(
            "permanence.move_outside",
            permanence=permanence.id,
            date=day,
            start=max(slot.first, slot.programme_start),
            until=slot.last,
        )


def _existing_change(
    db: Session, permanence: m.Permanence, day: date
) -> m.PermanenceException | None:
    return db.exec(
        select(m.PermanenceException).where(
            m.PermanenceException.permanence_id == permanence.id,
            m.PermanenceException.occurrence_date == day,
        )
    ).first()


def cancel(
    db: Session, permanence: m.Permanence, day: date, reason: str | None
) -> m.PermanenceException:
    reason = fields.line(reason, "--reason")
    lock(db, m.Permanence, permanence.id)  # one change of an occurrence at a time
    _require_occurrence(db, permanence, day)
    if _existing_change(db, permanence, day) is not None:
        raise Conflict("permanence.already_changed", date=day, permanence=permanence.id)
    return _change(db, permanence, day, sch.CANCELLED, reason)


def move(
    db: Session,
    permanence: m.Permanence,
    day: date,
    new_date: date | None,
    new_start: time | None,
    new_end: time | None,
    reason: str | None,
) -> m.PermanenceException:
    reason = fields.line(reason, "--reason")
    lock(db, m.Permanence, permanence.id)
    _require_occurrence(db, permanence, day)
    if new_date is None and new_start is None and new_end is None:
        raise InvalidData("permanence.nothing_to_move")
    same_times = (new_start or permanence.start_time, new_end or permanence.end_time) == (
        permanence.start_time,
        permanence.end_time,
    )
    if new_date in (None, day) and same_times:
        raise InvalidData("permanence.move_nowhere", day=day)
    if _existing_change(db, permanence, day) is not None:
        raise Conflict("permanence.already_changed", date=day, permanence=permanence.id)
    start = new_start or permanence.start_time
    end = new_end or permanence.end_time
    fields.in_order(start, end, "--end", strict=True)
    if new_date is not None:
        _require_running(db, permanence, new_date)
    moved = {"new_date": new_date or day, "new_start": new_start, "new_end": new_end}
    return _change(db, permanence, day, sch.MOVED, reason, **moved)


def _change(
    db: Session, permanence: m.Permanence, day: date, action: str, reason: str | None, **moved: Any
) -> m.PermanenceException:
    """The occurrence's change recorded, its revision bumped (calendars see it changed)."""
    assert permanence.id is not None
    touch(db, permanence.id, day)
    change = m.PermanenceException(
        permanence_id=permanence.id,
        occurrence_date=day,
        action=action,
        reason=reason,
        created_at=datetime.now(UTC),
        **moved,
    )
    db.add(change)
    return change


def undo(db: Session, permanence: m.Permanence, day: date) -> str:
    lock(db, m.Permanence, permanence.id)
    change = _existing_change(db, permanence, day)
    if change is None:
        raise NotFound("permanence.nothing_to_undo", date=day, permanence=permanence.id)
    touch(db, change.permanence_id, day)
    db.delete(change)
    return change.action


def original_date(db: Session, permanence: m.Permanence, day: date) -> date:
    """The occurrence that takes place on `day`, known by its original date: the regular one
    when it still takes place that day, else one moved there."""
    change = _existing_change(db, permanence, day)
    regular = sch.is_occurrence(_slot(db, permanence), day)
    if regular and (change is None or (change.action == sch.MOVED and change.new_date == day)):
        return day
    moved = db.exec(
        select(m.PermanenceException).where(
            m.PermanenceException.permanence_id == permanence.id,
            m.PermanenceException.action == sch.MOVED,
            m.PermanenceException.new_date == day,
        )
    ).first()
    if moved is not None:
        return moved.occurrence_date
    _require_occurrence(db, permanence, day)
    if change is None or change.action == sch.CANCELLED:
        raise Conflict("permanence.was_cancelled", date=day, permanence=permanence.id)
    raise Conflict("permanence.was_moved", date=day, permanence=permanence.id, to=change.new_date)


def log(
    db: Session,
    permanence: m.Permanence,
    day: date,
    visitors: int,
    requests: dict[str, int],
    note: str | None,
    *,
    today: date,
    moved_from: date | None = None,
) -> tuple[m.PermanenceOutcome, bool]:
    """Record (or correct) what happened at an occurrence; True when it replaced a record."""
    note = fields.note(note, "--note")
    lock(db, m.Permanence, permanence.id)  # read-then-replace of the occurrence's record
    if not 0 <= visitors <= MAX_VISITORS:
        raise InvalidData("permanence.bad_visitors", visitors=visitors, maximum=MAX_VISITORS)
    if day > today:
        raise InvalidData("permanence.log_in_future", date=day)
    for code, count in requests.items():
        if db.get(m.Operator, code) is None:
            raise NotFound("permanence.unknown_operator", operator=code)
        if not 0 <= count <= MAX_VISITORS:
            raise InvalidData(
                "permanence.bad_requests", operator=code, count=count, maximum=MAX_VISITORS
            )
    if moved_from is not None:
        change = _existing_change(db, permanence, moved_from)
        if change is None or change.action != sch.MOVED or change.new_date != day:
            raise InvalidData(
                "permanence.not_moved", permanence=permanence.id, start=moved_from, date=day
            )
        original = moved_from
    else:
        original = original_date(db, permanence, day)
    assert permanence.id is not None
    absences.check_present(db, permanence, day)
    touch(db, permanence.id, original, bump=False)
    existing = db.exec(
        select(m.PermanenceOutcome).where(
            m.PermanenceOutcome.permanence_id == permanence.id,
            m.PermanenceOutcome.occurrence_date == original,
        )
    ).first()
    if existing is not None:
        existing.visitors = visitors
        existing.requests = dict(sorted(requests.items()))
        existing.note = note
        return existing, True
    outcome = m.PermanenceOutcome(
        permanence_id=permanence.id,
        occurrence_date=original,
        visitors=visitors,
        requests=dict(sorted(requests.items())),
        note=note,
        created_at=datetime.now(UTC),
    )
    db.add(outcome)
    return outcome, False
