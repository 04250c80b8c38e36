"""Booking rules for coworking spaces: capacity, length, notice, weekly quota, cut-off.

Pure functions over plain values: the service reads the reservations and the clock, these
decide. Every refusal is an `InvalidData` or `Conflict` whose message says which rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from presence_postale.errors import Conflict, InvalidData, Message

MAX_BOOKING = timedelta(hours=12)
RECURRING_LIMIT = 120  # dates a single recurring booking may create


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


def earliest_start(moment: datetime) -> datetime:
    """No booking that starts before this can still be running at `moment`: a lower bound that
    lets a query use the start index instead of reading the whole history."""
    return moment - MAX_BOOKING


def check_range(start: datetime, end: datetime) -> None:
    if end <= start:
        raise InvalidData("booking.end_not_after_start", start=start.time(), end=end.time())
    if end.date() != start.date():
        raise InvalidData("booking.same_day")
    if end - start > MAX_BOOKING:
        hours = (end - start).total_seconds() / 3600
        raise InvalidData("booking.too_long", hours=hours, maximum=MAX_BOOKING.seconds // 3600)


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
        raise InvalidData("booking.in_the_past", start=start)
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
