"""Coworking bookings: one slot, a series, or the waitlist when full; cancel and mark.

A booking is checked and written in one `BEGIN IMMEDIATE` transaction: two agents booking the
same slot at the same moment queue on SQLite's write lock, and the second one sees the first
one's booking when it checks — it is refused, never double-booked.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from presence_postale.domain import booking, fields, recurrence
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, InvalidData, Label, Message
from presence_postale.services import coworking_waitlist
from presence_postale.services.coworking import (
    OPTIONS,
    Person,
    get_space,
    held,
    place,
    rules,
)
from presence_postale.store import models as m
from presence_postale.store.db import lock

BOOKED, SERIES, WAITLISTED = "booked", "series", "waitlisted"


def _person_hours(db: Session, space: m.Space, person: Person, day: date) -> float:
    week = IsoWeek.containing(day)
    begin = datetime.combine(week.monday, time())
    end = datetime.combine(week.sunday + timedelta(days=1), time())
    who = (
        func.lower(m.Reservation.email) == person.email.lower()
        if person.email
        else func.lower(m.Reservation.person_name) == person.name.lower()
    )
    rows = db.exec(
        select(m.Reservation).where(
            m.Reservation.space_id == space.id,
            col(m.Reservation.status).in_(booking.TAKING_PLACE),
            m.Reservation.start_at >= begin,
            m.Reservation.start_at < end,
            who,
        )
    )
    return sum((r.end_at - r.start_at).total_seconds() for r in rows) / 3600


def check_booking(
    db: Session,
    space: m.Space,
    person: Person,
    start: datetime,
    end: datetime,
    *,
    now: datetime,
    record: bool,
) -> None:
    """Every rule a booking must pass, without writing. `book_one` runs it under the write
    lock; a command may run it first in a read transaction too: a booking that conflicts is
    then refused without queueing for the lock, and the one that goes on finds its queries
    ready (many bookers of one slot at once wait on the winner only, not on each other)."""
    with fields.naming(OPTIONS):
        booking.check_range(start, end, "end_at")
    space_rules = rules(space)
    with fields.naming({"date": "--date"}):
        booking.check_rules(space_rules, start, end, now, record=record)
    day = start.date()
    taken = held(db, space, start, end)
    booking.check_place(place(db, space, day, day), person.category, start, end, taken)
    booking.check_weekly_quota(
        space_rules, _person_hours(db, space, person, start.date()), start, end
    )


def book_one(
    db: Session,
    space: m.Space,
    person: Person,
    start: datetime,
    end: datetime,
    *,
    now: datetime,
    record: bool,
    series_id: str | None = None,
) -> m.Reservation:
    with fields.naming(OPTIONS):  # before the lock: a malformed range needs no row
        booking.check_range(start, end, "end_at")
    # On PostgreSQL two bookers of one space would each see the other's slot as free, then
    # both insert (READ COMMITTED). Locking the space's row first serializes the bookers of
    # that space only: the second waits for the first to commit, then counts its booking.
    # Row locks rather than an exclusion constraint: capacity may be above one, and the
    # opening-hours, quota and waitlist rules need the same serialization anyway.
    lock(db, m.Space, space.id)
    check_booking(db, space, person, start, end, now=now, record=record)
    reservation = m.Reservation(
        space_id=space.id,
        start_at=start,
        end_at=end,
        **person.columns(),
        status="confirmed",
        channel=person.channel,
        series_id=series_id,
        created_at=datetime.now(UTC),
    )
    db.add(reservation)
    db.flush()
    return reservation


@dataclass
class SeriesResult:
    booked: list[m.Reservation] = field(default_factory=list)
    refused: list[tuple[date, Message]] = field(default_factory=list)


def book_series(
    db: Session,
    space: m.Space,
    person: Person,
    first: date,
    until: date,
    every: str,
    start: time,
    end: time,
    *,
    now: datetime,
    record: bool,
    all_or_nothing: bool,
) -> SeriesResult:
    """Book every date of a rule (`tuesday`) from `first` to `until`: the dates that conflict
    are listed and the others booked, or nothing at all with `all_or_nothing`; when no date
    can be booked, the series is refused (one reason, the first date's)."""
    fields.in_order(first, until, "--until")
    rule = recurrence.from_every(every)
    dates = recurrence.dates_between(rule, first, first, until)
    if not dates:
        raise InvalidData("booking.every_no_date", every=every, start=first, end=until)
    if len(dates) > booking.RECURRING_LIMIT:
        raise InvalidData(
            "booking.series_too_long", count=len(dates), maximum=booking.RECURRING_LIMIT
        )
    result = SeriesResult()
    series_id = uuid.uuid4().hex[:12]
    for day in dates:
        savepoint = db.begin_nested()
        try:
            reservation = book_one(
                db,
                space,
                person,
                datetime.combine(day, start),
                datetime.combine(day, end),
                now=now,
                record=record,
                series_id=series_id,
            )
        except (Conflict, InvalidData) as error:
            savepoint.rollback()
            result.refused.append((day, error.message))
        else:
            savepoint.commit()
            result.booked.append(reservation)
    if result.refused and (all_or_nothing or not result.booked):
        raise Conflict(
            "booking.series_refused",
            refused=len(result.refused),
            total=len(dates),
            first=refusal(*result.refused[0]),
        )
    return result


def refusal(day: date, reason: Message) -> Message:
    """Why one date of a series was refused: the reason itself when it names its date."""
    if "date" in reason.params:
        return reason
    return Message("booking.date_refused", {"date": day, "reason": reason})


def cancel(
    db: Session, reservation: m.Reservation, *, now: datetime, force: bool
) -> m.WaitlistEntry | None:
    """Cancel (the record is kept) and offer the freed slot to the first one waiting for it."""
    # The same lock as booking: a booker cannot take the freed slot between the check below
    # and the offer; the reservation is read again once locked (another cancel may have won).
    db.flush()  # this session's own changes first: the refresh below must keep them
    lock(db, m.Space, reservation.space_id)
    db.refresh(reservation)
    if reservation.status == "cancelled":
        raise Conflict("reservation.already_cancelled", reservation=reservation.id)
    if reservation.status in ("attended", "no_show"):
        raise Conflict(
            "reservation.marked",
            reservation=reservation.id,
            status=Label("reservation_status", reservation.status),
        )
    space = get_space(db, reservation.space_id)
    booking.check_cancellation(rules(space), reservation.start_at, now, force=force)
    reservation.status = "cancelled"
    reservation.cancelled_at = datetime.now(UTC)
    db.flush()
    offered = coworking_waitlist.offer(db, space, reservation)
    # The person, and the one offered the slot, are told by the next `notify` run.
    from presence_postale.services import notifications

    notifications.cancelled(db, reservation, offered, now=now)
    return offered


def mark(db: Session, reservation: m.Reservation, status: str, *, now: datetime) -> None:
    if status not in ("attended", "no_show"):
        raise InvalidData(
            "value.not_in_vocabulary", field="mark", value=status, expected=["attended", "no_show"]
        )
    db.flush()
    lock(db, m.Space, reservation.space_id)
    db.refresh(reservation)
    if reservation.status == "cancelled":
        raise Conflict("reservation.cancelled_not_marked", reservation=reservation.id)
    if reservation.start_at > now:
        raise Conflict(
            "reservation.not_started", reservation=reservation.id, start=reservation.start_at
        )
    reservation.status = status
    reservation.marked_at = datetime.now(UTC)


# ---- one request, one outcome ----------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """What a booker asks for: one slot, or a series (`every` ... `until`); a full slot may
    join the waitlist."""

    day: date
    start: time
    end: time
    record: bool = False
    every: str | None = None
    until: date | None = None
    all_or_nothing: bool = False
    waitlist: bool = False


@dataclass
class Outcome:
    """What a booking did: `booked` one reservation, booked a `series` (some dates may be
    refused), or `waitlisted` the person for a full slot (its `position` in the queue)."""

    kind: str
    booked: list[m.Reservation] = field(default_factory=list)
    refused: list[tuple[date, Message]] = field(default_factory=list)
    entry: m.WaitlistEntry | None = None
    position: int = 0
    full: Message | None = None


def precheck(
    db: Session, space: m.Space, person: Person, request: Request, *, now: datetime
) -> None:
    """A booking's checks in a read transaction, before the writer checks them again under
    the write lock: one that conflicts is refused without queueing for the lock (a full slot
    is no refusal when the booker asks for the waitlist). A series is checked date by date
    by `book` itself."""
    if request.every is not None:
        return
    start = datetime.combine(request.day, request.start)
    end = datetime.combine(request.day, request.end)
    try:
        check_booking(db, space, person, start, end, now=now, record=request.record)
    except booking.Full:
        if not request.waitlist:
            raise


def book(
    db: Session, space: m.Space, person: Person, request: Request, *, now: datetime
) -> Outcome:
    """Book as asked: a series, one slot, or the waitlist when the slot is full; the
    confirmations of what was booked are queued for the next `notify` run."""
    from presence_postale.services import notifications

    outcome = _book(db, space, person, request, now=now)
    notifications.booked(db, outcome.booked, now=now)
    return outcome


def _book(
    db: Session, space: m.Space, person: Person, request: Request, *, now: datetime
) -> Outcome:
    if request.every is not None and request.until is not None:
        series = book_series(
            db,
            space,
            person,
            request.day,
            request.until,
            request.every,
            request.start,
            request.end,
            now=now,
            record=request.record,
            all_or_nothing=request.all_or_nothing,
        )
        return Outcome(SERIES, booked=series.booked, refused=series.refused)
    start = datetime.combine(request.day, request.start)
    end = datetime.combine(request.day, request.end)
    try:
        reservation = book_one(db, space, person, start, end, now=now, record=request.record)
    except booking.Full as full:
        if not request.waitlist:
            raise
        entry, position = coworking_waitlist.join(db, space, person, start, end)
        return Outcome(WAITLISTED, entry=entry, position=position, full=full.message)
    return Outcome(BOOKED, booked=[reservation])
