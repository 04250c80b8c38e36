"""Who is told what about a day, and the log that makes every notice go out once.

`plan` gathers the notices of a day — each agent's occurrences (moves and cancellations
included), each host site's permanences, each booking's reminder — and the notices queued when
something happened (a booking confirmed or cancelled, a slot offered to someone waiting); it
leaves out what the log says was sent. The messages themselves are written in `formats.mail`.
Each notice is recorded as sent in a transaction of its own, right after the mail server
accepted it (`mark_sent`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from presence_postale.domain import hours as oh
from presence_postale.domain import notices as kinds
from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.contact import is_email
from presence_postale.domain.report import Booking, Entry
from presence_postale.errors import Message
from presence_postale.services import permanences
from presence_postale.services import schedule as schedule_service
from presence_postale.services.booking_notices import booking_of, offer_of, reminders
from presence_postale.services.report_names import AgentName, names
from presence_postale.store import models as m
from presence_postale.store import queries, versions

# What each recipient is told of: an agent is not reminded of what their absence skips (they
# know), a host site is told of it (the agent will not come).
FOR_AGENT = (sch.SCHEDULED, sch.HELD, sch.MOVED, sch.CANCELLED)
FOR_HOST = (*FOR_AGENT, sch.ABSENT)


@dataclass(frozen=True)
class Visit:
    """One occurrence as a notice tells it, with its host's opening that day (None: the
    host's hours are unknown)."""

    entry: Entry
    hours: oh.DayHours | None
    programme: str  # the programme's title
    agent: AgentName | None = None  # how the agent is named to people


@dataclass
class Notice:
    kind: str
    recipient: str  # agent:ID, site:ID, reservation:N, waitlist:N
    who: Message
    address: str | None
    name: str | None = None
    day: date | None = None
    visits: list[Visit] = field(default_factory=list)
    booking: Booking | None = None
    digest: str = ""
    update: bool = False  # the same topic went out before, saying something else
    queued_id: int | None = None

    @property
    def topic(self) -> str:
        return kinds.topic(self.kind, self.recipient, None if self.queued_id else self.day)


@dataclass
class Plan:
    day: date
    notices: list[Notice] = field(default_factory=list)  # to send, in order
    already: int = 0  # sent by an earlier run, not again
    unaddressed: list[Message] = field(default_factory=list)  # agents without an e-mail
    malformed: list[Message] = field(default_factory=list)  # e-mails that are no address
    expired: list[int] = field(default_factory=list)  # queued, no longer worth sending


def plan(db: Session, day: date, *, now: datetime) -> Plan:
    """The notices of `day`, and the queued ones; `now` (local wall clock) expires queued
    notices about bookings that have begun."""
    result = Plan(day)
    visits = _visits(db, day)
    candidates = [*_agent_notices(db, day, visits, result), *_host_notices(db, day, visits)]
    candidates += [_booking_notice(b, kinds.BOOKING_REMINDER, day) for b in reminders(db, day)]
    reminded = {n.recipient for n in candidates if n.kind == kinds.BOOKING_REMINDER}
    for notice in _queued(db, now, result):
        if notice.kind == kinds.BOOKING_CONFIRMED and notice.recipient in reminded:
            # Booked for the day being reminded: the reminder says it all.
            assert notice.queued_id is not None
            result.expired.append(notice.queued_id)
        else:
            candidates.append(notice)
    sent = _sent(db, [n.topic for n in candidates])
    for notice in sorted(candidates, key=lambda n: (kinds.KINDS.index(n.kind), n.recipient)):
        if notice.address is None:
            continue
        if not is_email(notice.address):
            result.malformed.append(notice.who)
            continue
        digests = sent.get(notice.topic, set())
        if notice.digest in digests:
            result.already += 1
            continue
        notice.update = bool(digests) and not notice.queued_id
        result.notices.append(notice)
    return result


# ---- the day's occurrences ------------------------------------------------------------------


def _visits(db: Session, day: date) -> list[Visit]:
    """Every occurrence of `day`, and those moved away from it, each with its host's hours."""
    entries = [*schedule_service.build(db, day, day).entries, *_moved_away(db, day)]
    sites = {e.site.id: e.site for e in entries}
    closures = queries.closures_by_site(db, sorted(sites), day, day)
    named = names(
        db,
        {e.permanence.agent_id for e in entries if e.permanence.agent_id},
        {e.permanence.programme_code for e in entries},
        (),
    )
    holidays: dict[tuple[str | None, date], dict[date, str]] = {}
    days = [e.occurrence.date for e in entries] or [day]
    # Each host's hours in force on the occurrence's day (a moved one's new day).
    in_force = versions.hours_during(db, sorted(sites), min(days), max(days))
    out = []
    for entry in entries:
        site, when = entry.site, entry.occurrence.date
        key = (site.department_code, when)
        if key not in holidays:
            holidays[key] = holidays_between(when, when, site.department_code)
        hours = None
        expression = oh.expression_on(in_force.get(site.id), when)
        if expression is not None:
            shut = closures.get(site.id, [])
            hours = oh.day_hours(expression, when, holidays[key], shut)
        code, agent = entry.permanence.programme_code, entry.permanence.agent_id
        out.append(Visit(entry, hours, named.programmes[code], named.agents.get(agent or "")))
    return out


def _moved_away(db: Session, day: date) -> list[Entry]:
    """The occurrences of `day` moved to another day, as they now stand."""
    exception = m.PermanenceException
    moved = queries.rows(
        db,
        core_select(col(exception.permanence_id), col(exception.new_date)).where(
            col(exception.occurrence_date) == day,
            col(exception.action) == sch.MOVED,
            col(exception.new_date).is_not(None),
            col(exception.new_date) != day,
        ),
    )
    out = []
    for permanence_id, new_date in moved:
        permanence = db.get(m.Permanence, permanence_id)
        assert permanence is not None and new_date is not None
        there = permanences.entries(db, permanence, new_date, new_date)
        out += [e for e in there if e.occurrence.original_date == day]
    return out


def _facts(visits: list[Visit], *, reasons_of_absence: bool) -> list[Any]:
    out = []
    for visit in visits:
        o = visit.entry.occurrence
        reason = o.reason if o.status != sch.ABSENT or reasons_of_absence else None
        hours = visit.hours.describe() if visit.hours is not None else None
        site = visit.entry.site.id
        out.append([o.permanence_id, o.original_date, o.date, o.start, o.end, o.status, reason])
        out[-1] += [site, hours]
    return out


def _agent_notices(db: Session, day: date, visits: list[Visit], result: Plan) -> list[Notice]:
    by_agent: dict[str, list[Visit]] = defaultdict(list)
    for visit in visits:
        agent = visit.entry.permanence.agent_id
        if agent is not None and visit.entry.occurrence.status in FOR_AGENT:
            by_agent[agent].append(visit)
    statement = core_select(col(m.Agent.id), col(m.Agent.name), col(m.Agent.email))
    notices = []
    for agent_id, name, email in queries.rows_in(db, statement, col(m.Agent.id), by_agent):
        who = Message("notify.who_agent", {"agent": agent_id})
        if not email:
            result.unaddressed.append(who)
            continue
        mine = by_agent[agent_id]
        facts = _facts(mine, reasons_of_absence=True)
        recipient = f"agent:{agent_id}"
        notice = Notice(kinds.AGENT_DAY, recipient, who, email.strip(), name or agent_id, day)
        notice.visits, notice.digest = mine, kinds.digest(facts)
        notices.append(notice)
    return notices


def _host_notices(db: Session, day: date, visits: list[Visit]) -> list[Notice]:
    by_site: dict[str, list[Visit]] = defaultdict(list)
    for visit in visits:
        if visit.entry.occurrence.status in FOR_HOST:
            by_site[visit.entry.site.id].append(visit)
    statement = core_select(col(m.Site.id), col(m.Site.name), col(m.Site.email))
    notices = []
    for site_id, name, email in queries.rows_in(db, statement, col(m.Site.id), by_site):
        if not email:
            continue  # a host without an e-mail is told by the delegate
        hosted = by_site[site_id]
        who = Message("notify.who_site", {"site": site_id, "name": name})
        notice = Notice(kinds.HOST_DAY, f"site:{site_id}", who, email.strip(), name, day)
        notice.visits = hosted
        notice.digest = kinds.digest(_facts(hosted, reasons_of_absence=False))
        notices.append(notice)
    return notices


# ---- bookings -------------------------------------------------------------------------------


def _booking_notice(booking: Booking, kind: str, day: date | None) -> Notice:
    if booking.waitlist_id is not None:
        recipient = f"waitlist:{booking.waitlist_id}"
        who = Message("notify.who_waitlist", {"entry": booking.waitlist_id})
    else:
        recipient = f"reservation:{booking.reservation_id}"
        who = Message("notify.who_booking", {"reservation": booking.reservation_id})
    facts = [booking.start, booking.end, booking.status, booking.space_id]
    notice = Notice(kind, recipient, who, booking.email, booking.person_name, day)
    notice.booking, notice.digest = booking, kinds.digest(facts) if day else ""
    return notice


def _queued(db: Session, now: datetime, result: Plan) -> list[Notice]:
    """The queued notices still worth sending; the others are listed to expire."""
    out = []
    rows = db.exec(
        select(m.Notification)
        .where(m.Notification.status == kinds.QUEUED_STATUS)
        .order_by(col(m.Notification.id))
    )
    for row in rows:
        assert row.id is not None
        kind, (table, _, number) = row.kind, row.recipient.partition(":")
        booking = offer_of(db, int(number)) if table == "waitlist" else booking_of(db, int(number))
        if booking is None or not _still_worth(kind, booking, now):
            result.expired.append(row.id)
            continue
        notice = _booking_notice(booking, kind, None)
        notice.queued_id = row.id
        out.append(notice)
    return out


def _still_worth(kind: str, booking: Booking, now: datetime) -> bool:
    if booking.start <= now or not booking.email:
        return False  # it has begun, or the person's data was purged
    if kind == kinds.BOOKING_CONFIRMED:
        return booking.status == "confirmed"
    if kind == kinds.WAITLIST_OFFERED:
        return booking.status == "offered"
    return True


def _sent(db: Session, topics: list[str]) -> dict[str, set[str]]:
    """Topic -> the digests sent for it."""
    statement = core_select(col(m.Notification.topic), col(m.Notification.digest)).where(
        col(m.Notification.status) == kinds.SENT
    )
    out: dict[str, set[str]] = defaultdict(set)
    for topic, digest in queries.rows_in(db, statement, col(m.Notification.topic), topics):
        out[topic].add(digest)
    return out


# ---- the log --------------------------------------------------------------------------------


def queue(db: Session, kind: str, recipient: str) -> None:
    """Queue a notice about a booking or an offer, for the next `notify` run."""
    topic = kinds.topic(kind, recipient)
    exists = db.exec(select(m.Notification).where(m.Notification.topic == topic)).first()
    if exists is None:
        now = datetime.now(UTC)
        row = m.Notification(topic=topic, kind=kind, recipient=recipient, created_at=now)
        row.status = kinds.QUEUED_STATUS
        db.add(row)
        db.flush()


def booked(db: Session, reservations: list[m.Reservation], *, now: datetime) -> None:
    """Queue the confirmation of each new booking that has an e-mail and is still to come
    (`now`: local wall clock; a booking recorded after the fact is not confirmed)."""
    for reservation in reservations:
        if reservation.email and reservation.start_at > now:
            queue(db, kinds.BOOKING_CONFIRMED, f"reservation:{reservation.id}")


def cancelled(
    db: Session, reservation: m.Reservation, offered: m.WaitlistEntry | None, *, now: datetime
) -> None:
    """Queue the notice of a cancellation still to come, and the offer of the freed slot."""
    if reservation.email and reservation.start_at > now:
        queue(db, kinds.BOOKING_CANCELLED, f"reservation:{reservation.id}")
    if offered is not None and offered.email:
        queue(db, kinds.WAITLIST_OFFERED, f"waitlist:{offered.id}")


def mark_sent(db: Session, notice: Notice) -> None:
    """Record that the server accepted `notice` (its own transaction: see `plan`)."""
    now = datetime.now(UTC)
    if notice.queued_id is not None:
        row = db.get(m.Notification, notice.queued_id)
        if row is not None:
            row.status, row.sent_at = kinds.SENT, now
            return
    found = db.exec(
        select(m.Notification).where(
            m.Notification.topic == notice.topic, m.Notification.digest == notice.digest
        )
    ).first()
    if found is None:
        row = m.Notification(
            topic=notice.topic,
            digest=notice.digest,
            kind=notice.kind,
            recipient=notice.recipient,
            day=notice.day,
            created_at=now,
        )
        row.status, row.sent_at = kinds.SENT, now
        db.add(row)


def expire(db: Session, ids: list[int]) -> None:
    for row_id in ids:
        row = db.get(m.Notification, row_id)
        if row is not None and row.status == kinds.QUEUED_STATUS:
            row.status = kinds.EXPIRED
