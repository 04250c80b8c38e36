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


def _of(db: Session, reservation: m.Reservation) -> Booking:
    space, site = _facts(db, reservation.space_id)
    return Booking(
        reservation_id=reservation.id,
        waitlist_id=None,
        space_id=space.id,
        space_name=space.name,
        site=site,
        start=reservation.start_at,
        end=reservation.end_at,
        status=reservation.status,
        person_name=reservation.person_name,
        email=reservation.email.strip() if reservation.email else None,
        contact=space.booking_email,
        changed_at=reservation.cancelled_at or reservation.created_at,
    )


def booking_of(db: Session, reservation_id: int) -> Booking | None:
    reservation = db.get(m.Reservation, reservation_id)
    return _of(db, reservation) if reservation is not None else None


def offer_of(db: Session, entry_id: int) -> Booking | None:
    """The slot offered to a waitlist entry."""
    entry = db.get(m.WaitlistEntry, entry_id)
    if entry is None:
        return None
    space, site = _facts(db, entry.space_id)
    return Booking(
        reservation_id=None,
        waitlist_id=entry.id,
        space_id=space.id,
        space_name=space.name,
        site=site,
        start=entry.start_at,
        end=entry.end_at,
        status=entry.status,
        person_name=entry.person_name,
        email=entry.email.strip() if entry.email else None,
        contact=space.booking_email,
        changed_at=entry.offered_at or entry.created_at,
    )


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
