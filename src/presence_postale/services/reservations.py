"""Reservations and the waitlist as listed, usage figures for funders, and retention.

Names and e-mails are personal data: listings leave them out unless asked, and `purge`
erases them from bookings that ended before the retention period.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import fields, vocab
from presence_postale.domain import hours as oh
from presence_postale.domain.calendar import holidays_between
from presence_postale.errors import InvalidData
from presence_postale.services import coworking
from presence_postale.store import models as m
from presence_postale.store import queries


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


def usage(db: Session, space_ids: list[str], start: date, end: date) -> dict[str, Any]:
    """Booked hours against bookable hours (opening hours minus holidays and closures, times
    the capacity), by category and by month; distinct users; no-show rate."""
    if end < start:
        raise InvalidData("value.range_reversed", start=start, end=end)
    if (end - start).days > fields.MAX_PERIOD_DAYS:  # bookable hours are counted day by day
        raise InvalidData(
            "period.too_long", days=(end - start).days + 1, limit=fields.MAX_PERIOD_DAYS
        )
    tally = _Usage(start, end)
    for space_id in space_ids:
        tally.add(db, coworking.get_space(db, space_id))
    marked_total = tally.marked["attended"] + tally.marked["no_show"]
    known = tally.bookable_known
    return {
        "from": start,
        "to": end,
        "spaces": tally.spaces,
        "booked_hours": round(tally.booked, 2),
        "bookable_hours": round(tally.bookable, 2) if known else None,
        "occupancy": _ratio(tally.booked, tally.bookable) if known else None,
        "distinct_users": len(tally.people),
        "attended": tally.marked["attended"],
        "no_show": tally.marked["no_show"],
        "no_show_rate": _ratio(tally.marked["no_show"], marked_total),
        "by_category": [
            {"category": c, "bookings": int(v["bookings"]), "hours": round(v["hours"], 2)}
            for c, v in sorted(tally.by_category.items())
        ],
        "by_month": [
            {
                "month": k,
                "bookings": int(v["bookings"]),
                "hours": round(v["hours"], 2),
                "bookable_hours": round(v["bookable_hours"], 2) if known else None,
                "occupancy": _ratio(v["hours"], v["bookable_hours"]) if known else None,
            }
            for k, v in sorted(tally.by_month.items())
        ],
    }


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class _Usage:
    """Hours booked and bookable, space by space, by category and month."""

    start: date
    end: date
    spaces: list[dict[str, Any]] = field(default_factory=list)
    booked: float = 0.0
    bookable: float = 0.0
    bookable_known: bool = True
    people: set[str] = field(default_factory=set)
    marked: Counter[str] = field(default_factory=Counter)
    by_category: dict[str, dict[str, float]] = field(
        default_factory=lambda: defaultdict(lambda: {"bookings": 0, "hours": 0.0})
    )
    by_month: dict[str, dict[str, float]] = field(
        default_factory=lambda: defaultdict(
            lambda: {"bookings": 0, "hours": 0.0, "bookable_hours": 0.0}
        )
    )

    def add(self, db: Session, space: m.Space) -> None:
        hours, site = coworking.bookable_hours(db, space, self.start, self.end)
        bookable = self._bookable(db, space, hours, site)
        self.bookable_known &= bookable is not None
        booked, count = self._booked(db, space)
        self.booked += booked
        self.bookable += bookable or 0.0
        self.spaces.append(
            {
                "space": space.id,
                "name": space.name,
                "bookings": count,
                "booked_hours": round(booked, 2),
                "bookable_hours": round(bookable, 2) if bookable is not None else None,
                "occupancy": _ratio(booked, bookable) if bookable is not None else None,
                "illustrative": space.illustrative,
                "illustrative_reason": space.illustrative_reason,
            }
        )

    def _bookable(self, db: Session, space: m.Space, hours: oh.Hours, site: m.Site) -> float | None:
        """The space's bookable hours, from the hours in force each day; None when a day's
        hours are unknown."""
        holidays = holidays_between(self.start, self.end, site.department_code)
        closures = queries.closures_by_site(db, [site.id], self.start, self.end).get(site.id, [])
        total = 0.0
        months: dict[str, float] = defaultdict(float)
        day = self.start
        while day <= self.end:
            minutes = oh.day_hours(hours, day, holidays, closures).known_minutes
            if minutes is None:
                return None
            total += minutes / 60 * space.capacity
            months[f"{day:%Y-%m}"] += minutes / 60 * space.capacity
            day += timedelta(days=1)
        for month, bookable in months.items():
            self.by_month[month]["bookable_hours"] += bookable
        return total

    def _booked(self, db: Session, space: m.Space) -> tuple[float, int]:
        begin = datetime.combine(self.start, time())
        finish = datetime.combine(self.end + timedelta(days=1), time())
        booked, count = 0.0, 0
        for r in coworking.taking_place(db, space, begin, finish):
            h = (r.end_at - r.start_at).total_seconds() / 3600
            booked += h
            count += 1
            for bucket in (self.by_category[r.category], self.by_month[f"{r.start_at:%Y-%m}"]):
                bucket["bookings"] += 1
                bucket["hours"] += h
            self.people.add(
                (r.email or "").lower()
                or (r.person_name or "").lower()
                or r.person_key
                or f"#{r.id}"
            )
            if r.status in ("attended", "no_show"):
                self.marked[r.status] += 1
        return booked, count


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
