"""Bookings as a notice tells them: the booking (or the slot offered to someone waiting), its
space and host site, and the person it goes to."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, select

from presence_postale.domain.report import Booking, Place
from presence_postale.store import models as m
from presence_postale.store import queries


def _facts(db: Session, space_id: str) -> tuple[m.Space, Place]:
    space = db.get(m.Space, space_id)
    assert space is not None
    return space, queries.places(db, [space.site_id])[space.site_id]


def _of(db: Session, row: m.Reservation | m.WaitlistEntry) -> Booking:
    """A reservation, or the slot a waitlist entry is offered, as a notice tells it."""
    space, site = _facts(db, row.space_id)
    if isinstance(row, m.Reservation):
        (reservation_id, waitlist_id), changed_at = (row.id, None), row.cancelled_at
    else:
        (reservation_id, waitlist_id), changed_at = (None, row.id), row.offered_at
    return Booking(
        reservation_id=reservation_id,
        waitlist_id=waitlist_id,
        space_id=space.id,
        space_name=space.name,
        site=site,
        start=row.start_at,
        end=row.end_at,
        status=row.status,
        person_name=row.person_name,
        email=row.email.strip() if row.email else None,
        contact=space.booking_email,
        changed_at=changed_at or row.created_at,
        uid=row.uid,
    )


def booking_of(db: Session, reservation_id: int) -> Booking | None:
    reservation = db.get(m.Reservation, reservation_id)
    return _of(db, reservation) if reservation is not None else None


def offer_of(db: Session, entry_id: int) -> Booking | None:
    """The slot offered to a waitlist entry."""
    entry = db.get(m.WaitlistEntry, entry_id)
    return _of(db, entry) if entry is not None else None


def reminders(db: Session, day: date) -> list[Booking]:
    """The confirmed bookings of `day` that have an e-mail, in time order."""
    begin = datetime.combine(day, time())
    rows = db.exec(
        select(m.Reservation)
        .where(
            m.Reservation.status == "confirmed",
            m.Reservation.start_at >= begin,
            m.Reservation.start_at < begin + timedelta(days=1),
            col(m.Reservation.email).is_not(None),
        )
        .order_by(col(m.Reservation.start_at), col(m.Reservation.id))
    )
    return [_of(db, r) for r in rows]
