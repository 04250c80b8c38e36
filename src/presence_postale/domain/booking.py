"""Booking rules for coworking spaces: capacity, bookable hours, holidays, closures, categories,
length, notice, weekly quota, cut-off.

Pure functions over plain values: the service (or a records load, or `db copy`) reads the
reservations, the hours and the clock, these decide. Every refusal is an `InvalidData` or a
`Conflict` whose message says which rule, as a catalogue key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from presence_postale.domain import hours as oh
from presence_postale.domain.fields import FieldError, in_order
from presence_postale.errors import Conflict, Label, Message

MAX_BOOKING = timedelta(hours=12)
RECURRING_LIMIT = 120  # dates a single recurring booking may create
# Statuses of a reservation that hold its place (a cancelled one does not).
TAKING_PLACE = ("confirmed", "attended", "no_show")


@dataclass(frozen=True)
class Rules:
    capacity: int = 1
    min_minutes: int | None = None
    max_minutes: int | None = None
    max_days_ahead: int | None = None
    max_hours_per_person_week: float | None = None
    cancel_cutoff_hours: int | None = None


@dataclass(frozen=True)
class Held:
    """An existing booking that takes a place in the space."""

    id: int
    start: datetime
    end: datetime
    holder: Message  # what may be said of who holds it (no personal data)


@dataclass(frozen=True)
class Place:
    """What a booking of one space is checked against on its day: the space's bookable hours
    (its own, else its site's in force each day; None when unknown), eligible categories, the
    site's public holidays and closures."""

    space_id: str
    site_name: str
    hours: oh.Hours
    capacity: int = 1
    categories: Sequence[str] = ()
    holidays: Mapping[date, str] = field(default_factory=dict)
    closures: Sequence[oh.Closure] = ()


class Full(Conflict):
    """The slot is taken up to the space's capacity (a waitlist may take the booking)."""

    def __init__(self, **params: Any) -> None:
        super().__init__("booking.full", **params)


def holder(
    reservation_id: int | None,
    start: datetime,
    end: datetime,
    organisation: str | None,
    category: str,
) -> Message:
    """How a refusal names the reservation that holds a slot (never the person): its
    organisation, else its category."""
    who = organisation or Label("reservation_category", category)
    return Message(
        "booking.holder",
        {"reservation": reservation_id, "start": start.time(), "end": end.time(), "who": who},
    )


def earliest_start(moment: datetime) -> datetime:
    """No booking that starts before this can still be running at `moment`: a lower bound that
    lets a query use the start index instead of reading the whole history."""
    return moment - MAX_BOOKING


def check_range(start: datetime, end: datetime, field_name: str = "end") -> None:
    """A booking ends after it starts, on the same day, within `MAX_BOOKING`."""
    if end.date() != start.date():
        raise FieldError(field_name, Message("booking.same_day"), end.isoformat(" ", "minutes"))
    in_order(start.time(), end.time(), field_name, strict=True)
    if end - start > MAX_BOOKING:
        hours = int(MAX_BOOKING.total_seconds() // 3600)
        raise FieldError(field_name, Message("booking.too_long", {"hours": hours}))


def check_category(category: str, categories: Sequence[str], space_id: str) -> None:
    if categories and category not in categories:
        raise Conflict(
            "space.category_refused",
            category=Label("reservation_category", category),
            space=space_id,
            eligible=[Label("reservation_category", c) for c in categories],
        )


def check_open(place: Place, start: datetime, end: datetime) -> None:
    """Refuse a booking on a public holiday, a closure, or outside the bookable hours."""
    day = start.date()
    if day in place.holidays:
        raise Conflict(
            "booking.holiday", date=day, holiday=place.holidays[day], site=place.site_name
        )
    closure = next((c for c in place.closures if c.covers(day)), None)
    if closure is not None:
        raise Conflict("booking.site_closed", date=day, reason=closure.reason, site=place.site_name)
    if oh.expression_on(place.hours, day) is None:
        return  # unknown hours: nothing to check against
    if not oh.is_open_during(place.hours, day, start.time(), end.time(), place.holidays):
        today = oh.day_hours(place.hours, day, place.holidays).describe()
        raise Conflict(
            "booking.outside_hours",
            date=day,
            start=start.time(),
            end=end.time(),
            space=place.space_id,
            hours=today or Message("booking.closed_all_day"),
        )


def check_capacity(held: Sequence[Held], start: datetime, end: datetime, capacity: int) -> None:
    clash = conflicts(held, start, end, capacity)
    if clash:
        raise Full(
            date=start.date(),
            start=start.time(),
            end=end.time(),
            holder=clash[0].holder,
            capacity=capacity,
        )


def check_place(
    place: Place, category: str, start: datetime, end: datetime, held: Sequence[Held]
) -> None:
    """Every rule a booking of `place` answers to, whatever way it comes in (`coworking book`,
    a records file, `db copy`): eligible category, open that day at that time, a place left."""
    check_range(start, end)
    check_category(category, place.categories, place.space_id)
    check_open(place, start, end)
    check_capacity(held, start, end, place.capacity)


def check_rules(
    rules: Rules, start: datetime, end: datetime, now: datetime, *, record: bool
) -> None:
    """Length and notice rules. A recorded booking (from the mailbox) skips the notice rules."""
    minutes = int((end - start).total_seconds() // 60)
    if rules.min_minutes is not None and minutes < rules.min_minutes:
        raise Conflict("booking.too_short", minutes=minutes, minimum=rules.min_minutes)
    if rules.max_minutes is not None and minutes > rules.max_minutes:
        raise Conflict("booking.over_maximum", minutes=minutes, maximum=rules.max_minutes)
    if record:
        return
    if start < now:
        raise FieldError("date", Message("booking.past"), start.isoformat(" ", "minutes"))
    ahead = (start.date() - now.date()).days
    if rules.max_days_ahead is not None and ahead > rules.max_days_ahead:
        raise Conflict("booking.too_far_ahead", days=ahead, maximum=rules.max_days_ahead)


def conflicts(held: Sequence[Held], start: datetime, end: datetime, capacity: int) -> list[Held]:
    """The bookings that leave no room for [start, end): empty when at every moment fewer
    than `capacity` places are taken."""
    overlapping = [h for h in held if h.start < end and start < h.end]
    if len(overlapping) < capacity:
        return []
    # Sweep the moments where occupancy changes inside the new booking.
    moments = sorted({start, *(h.start for h in overlapping if h.start > start)})
    for moment in moments:
        if moment >= end:
            break
        present = [h for h in overlapping if h.start <= moment < h.end]
        if len(present) >= capacity:
            return sorted(present, key=lambda h: (h.start, h.id))
    return []


def check_weekly_quota(
    rules: Rules, person_hours_that_week: float, start: datetime, end: datetime
) -> None:
    if rules.max_hours_per_person_week is None:
        return
    hours = (end - start).total_seconds() / 3600
    if person_hours_that_week + hours > rules.max_hours_per_person_week:
        raise Conflict(
            "booking.weekly_quota",
            hours=float(person_hours_that_week + hours),
            maximum=float(rules.max_hours_per_person_week),
        )


def check_cancellation(rules: Rules, start: datetime, now: datetime, *, force: bool) -> None:
    if rules.cancel_cutoff_hours is None or force or start <= now:
        return
    if start - now < timedelta(hours=rules.cancel_cutoff_hours):
        raise Conflict("booking.cancel_cutoff", hours=rules.cancel_cutoff_hours)
