"""Coworking spaces: their rules and bookable hours, the people who book them, and what a
booking is checked against (the place, the bookings already held).

Booking itself lives in `coworking_bookings`, the waitlist in `coworking_waitlist`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypedDict

from sqlmodel import Session, col, select

from presence_postale.domain import booking, fields, validators
from presence_postale.domain import hours as oh
from presence_postale.domain.calendar import holidays_between
from presence_postale.errors import Conflict, InvalidData, Message, NotFound
from presence_postale.store import models as m
from presence_postale.store import queries, versions


def get_space(db: Session, ref: str) -> m.Space:
    space = db.get(m.Space, ref.strip()) or queries.in_any_case(db, m.Space, ref.strip())
    if space is None:
        known = list(db.exec(select(m.Space.id).order_by(col(m.Space.id))))
        raise NotFound("space.not_found", space=ref, known=known)
    return space


def get_reservation(db: Session, reservation_id: int) -> m.Reservation:
    reservation = db.get(m.Reservation, reservation_id)
    if reservation is None:
        raise NotFound("reservation.not_found", reservation=reservation_id)
    return reservation


def rules(space: m.Space) -> booking.Rules:
    return booking.Rules(
        capacity=space.capacity,
        min_minutes=space.min_minutes,
        max_minutes=space.max_minutes,
        max_days_ahead=space.max_days_ahead,
        max_hours_per_person_week=space.max_hours_per_person_week,
        cancel_cutoff_hours=space.cancel_cutoff_hours,
    )


def bookable_hours(db: Session, space: m.Space, start: date, end: date) -> tuple[oh.Hours, m.Site]:
    """The space's bookable hours over [start, end] (its own, else the opening hours of its
    site in force each day) and its site."""
    site = db.get(m.Site, space.site_id)
    assert site is not None
    if space.opening_hours:
        return space.opening_hours, site
    return versions.hours_during(db, [site.id], start, end).get(site.id), site


# ---- spaces ---------------------------------------------------------------------------------


def spaces(db: Session, *, today: date, site: str | None = None) -> list[dict[str, Any]]:
    """The spaces, their bookable hours as they stand `today`."""
    statement = select(m.Space, m.Site).join(m.Site, col(m.Site.id) == col(m.Space.site_id))
    if site is not None:
        statement = statement.where(m.Space.site_id == site)
    found = list(db.exec(statement.order_by(col(m.Space.id))))
    hours = versions.hours_during(db, {host.id for _, host in found}, today, today)
    return [
        space_row(space, host, hours[host.id].at(today) if host.id in hours else None)
        for space, host in found
    ]


def space_row(space: m.Space, site: m.Site, site_hours: str | None) -> dict[str, Any]:
    return {
        "id": space.id,
        "name": space.name,
        "site_id": site.id,
        "site_name": site.name,
        "capacity": space.capacity,
        "categories": list(space.categories),
        "equipment": list(space.equipment),
        "opening_hours": space.opening_hours or site_hours,
        "min_minutes": space.min_minutes,
        "max_minutes": space.max_minutes,
        "max_days_ahead": space.max_days_ahead,
        "max_hours_per_person_week": space.max_hours_per_person_week,
        "cancel_cutoff_hours": space.cancel_cutoff_hours,
        "booking_email": space.booking_email,
        "illustrative": space.illustrative,
        "illustrative_reason": space.illustrative_reason,
    }


OPTIONS = {
    "id": "space id",
    "site_id": "--site",
    "name": "--name",
    "capacity": "--capacity",
    "categories": "--categories",
    "equipment": "--equipment",
    "opening_hours": "--hours",
    "min_minutes": "--min-minutes",
    "max_minutes": "--max-minutes",
    "max_days_ahead": "--max-days-ahead",
    "max_hours_per_person_week": "--max-hours-per-week",
    "cancel_cutoff_hours": "--cancel-cutoff-hours",
    "person_name": "--name",
    "email": "--email",
    "category": "--category",
    "organisation": "--organisation",
    "channel": "--channel",
    "end_at": "--to",
}


def configure(
    db: Session, space_id: str, site: m.Site | None, values: dict[str, Any]
) -> tuple[m.Space, bool]:
    """Create a space (needs a site and a name) or change its rules; True when created."""
    overnight = bool(values.pop("overnight", False))
    given = {k: v for k, v in values.items() if v is not None}
    with fields.naming(OPTIONS):
        values = validators.space(given, partial=True, overnight=overnight)
        fields.identifier(space_id, "id")
    space = db.get(m.Space, space_id) or queries.in_any_case(db, m.Space, space_id)
    if space is None:
        if site is None or not values.get("name"):
            raise InvalidData("space.needs_site_and_name", space=space_id)
        space = m.Space(id=space_id, site_id=site.id, **values)
        db.add(space)
        created = True
    else:
        if site is None and not values:
            raise InvalidData("space.nothing_to_update", space=space_id)
        if site is not None:
            space.site_id = site.id
        for key, value in values.items():
            setattr(space, key, value)
        if values.get("illustrative") is False:  # the values are real now: no reason left
            space.illustrative_reason = None
        created = False
    if space.min_minutes and space.max_minutes:
        fields.in_order(
            space.min_minutes, space.max_minutes, "--max-minutes", key="order.below_min"
        )
    return space, created


# ---- booking --------------------------------------------------------------------------------


class BookerColumns(TypedDict):
    person_name: str
    email: str | None
    category: str
    organisation: str | None


@dataclass(frozen=True)
class Person:
    name: str
    email: str | None
    category: str
    organisation: str | None = None
    channel: str = "email"

    def columns(self) -> BookerColumns:
        """Who books, as a reservation and a waitlist entry store it."""
        return {
            "person_name": self.name,
            "email": self.email,
            "category": self.category,
            "organisation": self.organisation,
        }


def check_person(person: Person, space: m.Space) -> Person:
    """The person's name, e-mail, category and channel, checked as every booking's are, and
    the category one the space takes."""
    with fields.naming(OPTIONS):
        checked = validators.booker({**person.columns(), "channel": person.channel})
    booking.check_category(checked["category"], space.categories, space.id)
    return Person(
        checked["person_name"],
        checked["email"],
        checked["category"],
        checked["organisation"],
        checked["channel"],
    )


def place(db: Session, space: m.Space, first: date, last: date) -> booking.Place:
    """What a booking of `space` between `first` and `last` is checked against."""
    hours, site = bookable_hours(db, space, first, last)
    holidays = holidays_between(first, last, site.department_code)
    closures = queries.closures_by_site(db, [site.id], first, last).get(site.id, [])
    return booking.Place(
        space_id=space.id,
        site_name=site.name,
        hours=hours,
        capacity=space.capacity,
        categories=tuple(space.categories),
        holidays=holidays,
        closures=tuple(closures),
    )


def taking_place(
    db: Session, space: m.Space, start: datetime, end: datetime
) -> Iterable[m.Reservation]:
    """The space's reservations that take place (not cancelled) and overlap [start, end)."""
    return db.exec(
        select(m.Reservation).where(
            m.Reservation.space_id == space.id,
            col(m.Reservation.status).in_(booking.TAKING_PLACE),
            m.Reservation.start_at < end,
            m.Reservation.start_at >= booking.earliest_start(start),
            m.Reservation.end_at > start,
        )
    )


def held(db: Session, space: m.Space, start: datetime, end: datetime) -> list[booking.Held]:
    rows = taking_place(db, space, start, end)
    return [
        booking.Held(
            r.id or 0,
            r.start_at,
            r.end_at,
            booking.holder(r.id, r.start_at, r.end_at, r.organisation, r.category),
        )
        for r in rows
    ]


def closed_problem(db: Session, space: m.Space, start: datetime, end: datetime) -> Message | None:
    """Why the space cannot be booked then — a public holiday, a closure of its site, or
    outside its bookable hours that day — or None. One rule (`booking.check_open`): a booking
    is refused with it, and a change of the site's hours or closures names the bookings it now
    catches."""
    day = start.date()
    try:
        booking.check_open(place(db, space, day, day), start, end)
    except Conflict as refusal:
        return refusal.message
    return None
