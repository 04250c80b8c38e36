"""Coworking waitlist: a person waits for a full slot; a freed slot is offered to the first
one waiting whom it now fits."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from presence_postale.domain import booking, fields
from presence_postale.services.coworking import OPTIONS, Person, held
from presence_postale.store import models as m
from presence_postale.store.db import lock


def join(
    db: Session, space: m.Space, person: Person, start: datetime, end: datetime
) -> tuple[m.WaitlistEntry, int]:
    with fields.naming(OPTIONS):
        booking.check_range(start, end, "end_at")
    lock(db, m.Space, space.id)  # positions in the queue are counted: one writer at a time
    entry = m.WaitlistEntry(
        space_id=space.id,
        start_at=start,
        end_at=end,
        **person.columns(),
        created_at=datetime.now(UTC),
    )
    db.add(entry)
    db.flush()
    position = db.exec(
        select(func.count())
        .select_from(m.WaitlistEntry)
        .where(
            m.WaitlistEntry.space_id == space.id,
            m.WaitlistEntry.status == "waiting",
            m.WaitlistEntry.start_at < end,
            m.WaitlistEntry.end_at > start,
            col(m.WaitlistEntry.id) <= entry.id,
        )
    ).one()
    return entry, int(position)


def offer(db: Session, space: m.Space, reservation: m.Reservation) -> m.WaitlistEntry | None:
    """The first entry of the waitlist the slot `reservation` freed now fits, marked offered."""
    waiting = db.exec(
        select(m.WaitlistEntry)
        .where(
            m.WaitlistEntry.space_id == space.id,
            m.WaitlistEntry.status == "waiting",
            m.WaitlistEntry.start_at < reservation.end_at,
            m.WaitlistEntry.end_at > reservation.start_at,
        )
        .order_by(col(m.WaitlistEntry.created_at), col(m.WaitlistEntry.id))
    )
    for entry in waiting:
        taken = held(db, space, entry.start_at, entry.end_at)
        if not booking.conflicts(taken, entry.start_at, entry.end_at, space.capacity):
            entry.status = "offered"
            entry.offered_at = datetime.now(UTC)
            entry.offered_reservation_id = reservation.id
            return entry
    return None
