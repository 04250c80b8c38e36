"""Coworking: spaces, bookings without double booking, waitlist, attendance, usage, purge.

A booking is checked and written in one `BEGIN IMMEDIATE` transaction: two agents booking the
same slot at the same moment queue on SQLite's write lock, and the second one sees the first
one's booking when it checks — it is refused, never double-booked.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from presence_postale.domain import booking, fields, recurrence, validators, vocab
from presence_postale.domain import hours as oh
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, InvalidData, Message, NotFound
from presence_postale.services import schedule as schedule_service
from presence_postale.store import models as m
from presence_postale.store import versions
from presence_postale.store.db import lock

TAKING_PLACE = booking.TAKING_PLACE


def get_space(db: Session, ref: str) -> m.Space:
    space = db.get(m.Space, ref.strip())
    if space is None:
        known = ", ".join(db.exec(select(m.Space.id).order_by(col(m.Space.id)))) or "none"
        raise NotFound(f"space '{ref}' not found (spaces: {known})")
    return space


def get_reservation(db: Session, reservation_id: int) -> m.Reservation:
    reservation = db.get(m.Reservation, reservation_id)
    if reservation is None:
        raise NotFound(f"reservation #{reservation_id} not found")
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
    space = db.get(m.Space, space_id)
    if space is None:
        if site is None or not values.get("name"):
            raise InvalidData(
                f"space '{space_id}' does not exist: give --site and --name to create it"
            )
        space = m.Space(id=space_id, site_id=site.id, **values)
        db.add(space)
        created = True
    else:
        if site is None and not values:
            raise InvalidData(f"nothing to update for space {space_id}: give an option to change")
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


@dataclass(frozen=True)
class Person:
    name: str
    email: str | None
    category: str
    organisation: str | None = None
    channel: str = "email"


def check_person(person: Person, space: m.Space) -> Person:
    """The person's name, e-mail, category and channel, checked as every booking's are, and
    the category one the space takes."""
    values = {
        "person_name": person.name,
        "email": person.email,
        "category": person.category,
        "organisation": person.organisation,
        "channel": person.channel,
    }
    with fields.naming(OPTIONS):
        checked = validators.booker(values)
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
    closures = schedule_service.closures_by_site(db, [site.id], first, last).get(site.id, [])
    return booking.Place(
        space_id=space.id,
        site_name=site.name,
        hours=hours,
        capacity=space.capacity,
        categories=tuple(space.categories),
        holidays=holidays,
        closures=tuple(closures),
    )


def _holder(reservation: m.Reservation) -> Message:
    return booking.holder(
        reservation.id,
        reservation.start_at,
        reservation.end_at,
        reservation.organisation or reservation.category,
    )


def held(db: Session, space: m.Space, start: datetime, end: datetime) -> list[booking.Held]:
    rows = db.exec(
        select(m.Reservation).where(
            m.Reservation.space_id == space.id,
            col(m.Reservation.status).in_(TAKING_PLACE),
            m.Reservation.start_at < end,
            m.Reservation.start_at >= booking.earliest_start(start),
            m.Reservation.end_at > start,
        )
    )
    return [booking.Held(r.id or 0, r.start_at, r.end_at, _holder(r)) for r in rows]


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
            col(m.Reservation.status).in_(TAKING_PLACE),
            m.Reservation.start_at >= begin,
            m.Reservation.start_at < end,
            who,
        )
    )
    return sum((r.end_at - r.start_at).total_seconds() for r in rows) / 3600


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
        person_name=person.name,
        email=person.email,
        category=person.category,
        organisation=person.organisation,
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
        raise InvalidData(f"--every '{every}' gives no date between {first} and {until}")
    if len(dates) > booking.RECURRING_LIMIT:
        raise InvalidData(
            f"a recurring booking of {len(dates)} dates is "
            f"too long (at most {booking.RECURRING_LIMIT})"
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
        first_day, reason = result.refused[0]
        raise Conflict(
            "booking.series_refused",
            refused=len(result.refused),
            total=len(dates),
            day=first_day.isoformat(),
            reason=reason,
        )
    return result


def add_to_waitlist(
    db: Session, space: m.Space, person: Person, start: datetime, end: datetime
) -> tuple[m.WaitlistEntry, int]:
    with fields.naming(OPTIONS):
        booking.check_range(start, end, "end_at")
    lock(db, m.Space, space.id)  # positions in the queue are counted: one writer at a time
    entry = m.WaitlistEntry(
        space_id=space.id,
        start_at=start,
        end_at=end,
        person_name=person.name,
        email=person.email,
        category=person.category,
        organisation=person.organisation,
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
        raise Conflict(f"reservation #{reservation.id} is already cancelled")
    if reservation.status in ("attended", "no_show"):
        raise Conflict(
            f"reservation #{reservation.id} is marked {reservation.status}; it cannot be cancelled"
        )
    space = get_space(db, reservation.space_id)
    booking.check_cancellation(rules(space), reservation.start_at, now, force=force)
    reservation.status = "cancelled"
    reservation.cancelled_at = datetime.now(UTC)
    db.flush()
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


def mark(db: Session, reservation: m.Reservation, status: str, *, now: datetime) -> None:
    if status not in ("attended", "no_show"):
        raise InvalidData(f"invalid mark '{status}': attended or no_show")
    db.flush()
    lock(db, m.Space, reservation.space_id)
    db.refresh(reservation)
    if reservation.status == "cancelled":
        raise Conflict(f"reservation #{reservation.id} was cancelled; it cannot be marked")
    if reservation.start_at > now:
        raise Conflict(
            f"reservation #{reservation.id} has not started "
            f"yet ({reservation.start_at:%Y-%m-%d %H:%M})"
        )
    reservation.status = status
    reservation.marked_at = datetime.now(UTC)


# ---- listings -------------------------------------------------------------------------------


def reservation_row(r: m.Reservation, include_personal: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": r.id,
        "space": r.space_id,
        "date": r.start_at.date(),
        "start": r.start_at.time(),
        "end": r.end_at.time(),
        "category": r.category,
        "organisation": r.organisation,
        "status": r.status,
        "channel": r.channel,
        "series_id": r.series_id,
        "cancelled_at": r.cancelled_at,
    }
    if include_personal:
        row["person_name"] = r.person_name
        row["email"] = r.email
    return row


def reservations(
    db: Session,
    *,
    space: str | None,
    start: date | None,
    end: date | None,
    status: str | None,
    include_personal: bool,
) -> list[dict[str, Any]]:
    statement = select(m.Reservation)
    if space is not None:
        statement = statement.where(m.Reservation.space_id == space)
    if start is not None:
        statement = statement.where(m.Reservation.end_at > datetime.combine(start, time()))
    if end is not None:
        statement = statement.where(
            m.Reservation.start_at < datetime.combine(end + timedelta(days=1), time())
        )
    if status is not None:
        vocab.check("reservation_status", status, "--status")
        statement = statement.where(m.Reservation.status == status)
    rows = db.exec(statement.order_by(col(m.Reservation.start_at), col(m.Reservation.id)))
    return [reservation_row(r, include_personal) for r in rows]


def waitlist(db: Session, *, space: str | None, include_personal: bool) -> list[dict[str, Any]]:
    statement = select(m.WaitlistEntry).where(
        col(m.WaitlistEntry.status).in_(("waiting", "offered"))
    )
    if space is not None:
        statement = statement.where(m.WaitlistEntry.space_id == space)
    out = []
    for e in db.exec(statement.order_by(col(m.WaitlistEntry.start_at), col(m.WaitlistEntry.id))):
        row: dict[str, Any] = {
            "id": e.id,
            "space": e.space_id,
            "date": e.start_at.date(),
            "start": e.start_at.time(),
            "end": e.end_at.time(),
            "category": e.category,
            "organisation": e.organisation,
            "status": e.status,
            "offered_reservation": e.offered_reservation_id,
        }
        if include_personal:
            row["person_name"] = e.person_name
            row["email"] = e.email
        out.append(row)
    return out


# ---- usage ----------------------------------------------------------------------------------


def usage(
    db: Session, space_ids: list[str], start: date, end: date, lang: str = "fr"
) -> dict[str, Any]:
    """Booked hours against bookable hours (opening hours minus holidays and closures, times
    the capacity), by category and by month; distinct users; no-show rate."""
    if end < start:
        raise InvalidData(f"invalid range: {end} is before {start}")
    if (end - start).days > fields.MAX_PERIOD_DAYS:  # bookable hours are counted day by day
        raise InvalidData(
            "period.too_long", days=(end - start).days + 1, limit=fields.MAX_PERIOD_DAYS
        )
    begin, finish = (
        datetime.combine(start, time()),
        datetime.combine(end + timedelta(days=1), time()),
    )
    per_space = []
    by_category: dict[str, dict[str, float]] = defaultdict(lambda: {"bookings": 0, "hours": 0.0})
    by_month: dict[str, dict[str, float]] = defaultdict(
        lambda: {"bookings": 0, "hours": 0.0, "bookable_hours": 0.0}
    )
    people: set[str] = set()
    marked: Counter[str] = Counter()
    total_booked = total_bookable = 0.0
    bookable_known = True
    for space_id in space_ids:
        space = get_space(db, space_id)
        hours, site = bookable_hours(db, space, start, end)
        holidays = holidays_between(start, end, site.department_code, lang)
        closures = schedule_service.closures_by_site(db, [site.id], start, end).get(site.id, [])
        bookable: float | None = 0.0
        day = start
        while day <= end and bookable is not None:
            # The hours in force each day; a day whose hours are unknown leaves the total unknown.
            minutes = oh.day_hours(hours, day, holidays, closures).known_minutes
            if minutes is None:
                bookable = None
                bookable_known = False
                break
            bookable += minutes / 60 * space.capacity
            by_month[f"{day:%Y-%m}"]["bookable_hours"] += minutes / 60 * space.capacity
            day += timedelta(days=1)
        booked = 0.0
        count = 0
        for r in db.exec(
            select(m.Reservation).where(
                m.Reservation.space_id == space.id,
                col(m.Reservation.status).in_(TAKING_PLACE),
                m.Reservation.start_at < finish,
                m.Reservation.start_at >= booking.earliest_start(begin),
                m.Reservation.end_at > begin,
            )
        ):
            h = (r.end_at - r.start_at).total_seconds() / 3600
            booked += h
            count += 1
            by_category[r.category]["bookings"] += 1
            by_category[r.category]["hours"] += h
            month = by_month[f"{r.start_at:%Y-%m}"]
            month["bookings"] += 1
            month["hours"] += h
            person = (
                (r.email or "").lower()
                or (r.person_name or "").lower()
                or r.person_key
                or f"#{r.id}"
            )
            people.add(person)
            if r.status in ("attended", "no_show"):
                marked[r.status] += 1
        total_booked += booked
        total_bookable += bookable or 0.0
        per_space.append(
            {
                "space": space.id,
                "name": space.name,
                "bookings": count,
                "booked_hours": round(booked, 2),
                "bookable_hours": round(bookable, 2) if bookable is not None else None,
                "occupancy": round(booked / bookable, 4) if bookable else None,
                "illustrative": space.illustrative,
                "illustrative_reason": space.illustrative_reason,
            }
        )
    marked_total = marked["attended"] + marked["no_show"]
    return {
        "from": start,
        "to": end,
        "spaces": per_space,
        "booked_hours": round(total_booked, 2),
        "bookable_hours": round(total_bookable, 2) if bookable_known else None,
        "occupancy": round(total_booked / total_bookable, 4)
        if bookable_known and total_bookable
        else None,
        "distinct_users": len(people),
        "attended": marked["attended"],
        "no_show": marked["no_show"],
        "no_show_rate": round(marked["no_show"] / marked_total, 4) if marked_total else None,
        "by_category": [
            {"category": c, "bookings": int(v["bookings"]), "hours": round(v["hours"], 2)}
            for c, v in sorted(by_category.items())
        ],
        "by_month": [
            {
                "month": k,
                "bookings": int(v["bookings"]),
                "hours": round(v["hours"], 2),
                "bookable_hours": round(v["bookable_hours"], 2) if bookable_known else None,
                "occupancy": round(v["hours"] / v["bookable_hours"], 4)
                if bookable_known and v["bookable_hours"]
                else None,
            }
            for k, v in sorted(by_month.items())
        ],
    }


# ---- retention ------------------------------------------------------------------------------


def purge(db: Session, before: date, *, dry_run: bool = False) -> tuple[int, int]:
    """Anonymise the people of reservations and waitlist entries that ended before `before`.

    Name, e-mail and organisation are erased (a sole trader's organisation is their name);
    one random key per person (the same for all their purged bookings) keeps the
    distinct-user count right. Returns (reservations, waitlist entries).
    """
    limit = datetime.combine(before, time())
    rows = list(
        db.exec(
            select(m.Reservation).where(
                m.Reservation.end_at < limit,
                col(m.Reservation.anonymised_at).is_(None),
            )
        )
    )
    entries = list(
        db.exec(
            select(m.WaitlistEntry).where(
                m.WaitlistEntry.end_at < limit,
                col(m.WaitlistEntry.anonymised_at).is_(None),
            )
        )
    )
    if dry_run:
        return len(rows), len(entries)
    keys: dict[str, str] = {}
    stamp = datetime.now(UTC)
    for r in rows:
        who = (r.email or "").lower() or (r.person_name or "").lower() or f"#{r.id}"
        r.person_key = keys.setdefault(who, uuid.uuid4().hex)
        r.person_name = None
        r.email = None
        r.organisation = None
        r.anonymised_at = stamp
    for e in entries:
        e.person_name = None
        e.email = None
        e.organisation = None
        e.anonymised_at = stamp
    return len(rows), len(entries)
