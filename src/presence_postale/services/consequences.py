"""What a change now conflicts with, named at once: the permanences, bookings and mediation
sessions that the reports would otherwise only warn about later.

Every check is the one the rest of the tool applies, from where it lives: a schedule's
problems (`schedule.warnings`: an agent in two places at once, an occurrence skipped for a
closure, moved onto a closed day, or outside its host's opening hours that day), a booking's
opening rule (`coworking.closed_problem`), a mediation session's checks (`mediation.checks`),
a mediator's contract (`mediation.deficits`). Two more belong to the changes themselves: an
agent who is no longer active still holding occurrences, and what was recorded of a
programme's occurrences after the day it now ends (no report shows it any more).

The window a change is checked over ("the future that matters"): from the change's first
day — in the past too, when the change is dated there: what was recorded then now conflicts —
through the last day it is in force (a closure's last day, the day before a later version of
the hours, a programme's former end), and never more than `HORIZON` after today (an open-ended
change: the year ahead, as a new permanence is checked over its first year).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from presence_postale.domain import booking
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, Label, Message
from presence_postale.services import coworking, mediation
from presence_postale.services import schedule as schedule_service
from presence_postale.services.permanences import CHECK_HORIZON
from presence_postale.services.site_history import HOURS, Outcome
from presence_postale.store import models as m

HORIZON = CHECK_HORIZON


@dataclass(frozen=True)
class Window:
    """The days a change is checked over, both included."""

    start: date
    end: date


def window(first: date, last: date | None, today: date) -> Window | None:
    """From the change's `first` day through its `last` (None: open-ended), bounded at
    `HORIZON` after `today`; None when nothing is left."""
    end = today + HORIZON if last is None else min(last, today + HORIZON)
    return Window(first, end) if first <= end else None


def refuse_if_strict(strict: bool, found: Sequence[Message]) -> None:
    """With `--strict`, a change that conflicts is refused (the transaction is undone)."""
    if strict and found:
        raise Conflict("change.refused_strict", count=len(found), first=found[0])


# ---- the changes ------------------------------------------------------------------------------


def of_hours(db: Session, site: m.Site, outcomes: Iterable[Outcome], today: date) -> list[Message]:
    """What the site's new opening hours conflict with, over each new version's period."""
    found: list[Message] = []
    for outcome in outcomes:
        if outcome.what != HOURS or outcome.change.unchanged:
            continue
        span = window(outcome.change.version.valid_from, outcome.change.until, today)
        if span is not None:
            found.extend(at_site(db, site.id, span, deficits=False))
    return found


def of_space(db: Session, space: m.Space, today: date) -> list[Message]:
    """What a space's own bookable hours (not dated: they hold from now on) now refuse of its
    bookings to come."""
    span = window(today, None, today)
    assert span is not None
    return _bookings(db, span, col(m.Space.id) == space.id)


def of_closure(db: Session, site: m.Site, start: date, end: date, today: date) -> list[Message]:
    span = window(start, end, today)
    return [] if span is None else at_site(db, site.id, span, deficits=True)


def at_site(db: Session, site_id: str, span: Window, *, deficits: bool) -> list[Message]:
    """The site's permanences, the bookings of its spaces and the sessions held there, and
    (`deficits`: after a closure, which skips occurrences) the weeks its mediators are left
    short of their contract."""
    schedule = schedule_service.build(db, span.start, span.end, site_ids=[site_id])
    found = list(schedule.warnings)
    found += _bookings(db, span, col(m.Space.site_id) == site_id)
    found += _sessions(db, span, col(m.MediationSession.site_id) == site_id)
    if not deficits:
        return found
    agents = {e.agent.id for e in schedule.entries if e.agent is not None}
    return found + _deficits(db, agents, span)


def of_agent(db: Session, agent: m.Agent, today: date) -> list[Message]:
    """What an agent's schedule conflicts with from today (after a change of their post, home
    site or hours): its problems, the occurrences they hold though no longer active, their
    sessions' checks and the weeks left short of their contract."""
    span = window(today, None, today)
    assert span is not None
    schedule = schedule_service.build(db, span.start, span.end, agent=agent.id)
    found = list(schedule.warnings)
    if not agent.active:
        found += _inactive(agent, schedule.entries)
        found += _sessions(db, span, col(m.MediationSession.mediator_id) == agent.id, agent)
    else:
        found += _sessions(db, span, col(m.MediationSession.mediator_id) == agent.id)
    return found + _deficits(db, {agent.id}, span)


def of_absence(db: Session, agent: m.Agent, start: date, end: date, today: date) -> list[Message]:
    """What an absence recorded (or removed) over [start, end] leaves: the problems of the
    agent's schedule then (an occurrence given back may overlap another), and the weeks a
    mediator is now short of their contract. (Sessions and logged outcomes inside an absence
    refuse it outright: `absences.add`.)"""
    span = window(start, end, today)
    if span is None:
        return []
    schedule = schedule_service.build(db, span.start, span.end, agent=agent.id)
    found = list(schedule.warnings)
    return found + _deficits(db, {agent.id}, span)


def after_end(
    db: Session, programme: m.Programme, former_end: date | None, today: date
) -> list[Message]:
    """What an end (or an earlier end) leaves behind, from the day after it to the former
    end: cancellations, moves and outcomes recorded for occurrences no report shows any more,
    sessions of the programme or at its hosts by its agents, and its mediators' short weeks."""
    assert programme.ended_on is not None
    span = window(programme.ended_on + timedelta(days=1), former_end, today)
    if span is None:
        return []
    permanences = list(
        db.exec(select(m.Permanence).where(m.Permanence.programme_code == programme.code))
    )
    found = _records_after(db, programme, [p.id for p in permanences if p.id is not None], span)
    agents = {p.agent_id for p in permanences if p.agent_id}
    hosts = {p.site_id for p in permanences}
    session = m.MediationSession
    found += _sessions(
        db,
        span,
        or_(
            col(session.programme_code) == programme.code,
            col(session.mediator_id).in_(sorted(agents)) & col(session.site_id).in_(sorted(hosts)),
        ),
    )
    return found + _deficits(db, agents, span)


# ---- the checks --------------------------------------------------------------------------------


def _bookings(db: Session, span: Window, which: ColumnElement[bool]) -> list[Message]:
    """The bookings of the spaces `which` selects, in the window, that their space's opening
    rule now refuses."""
    begin = datetime.combine(span.start, time())
    finish = datetime.combine(span.end + timedelta(days=1), time())
    found = []
    for reservation, space in db.exec(
        select(m.Reservation, m.Space)
        .join(m.Space, col(m.Space.id) == col(m.Reservation.space_id))
        .where(
            which,
            col(m.Reservation.status).in_(booking.TAKING_PLACE),
            m.Reservation.start_at >= begin,
            m.Reservation.start_at < finish,
        )
        .order_by(col(m.Reservation.start_at), col(m.Reservation.id))
    ):
        problem = coworking.closed_problem(db, space, reservation.start_at, reservation.end_at)
        if problem is not None:
            found.append(
                Message("warning.booking", {"reservation": reservation.id, "problem": problem})
            )
    return found


def _sessions(
    db: Session, span: Window, which: ColumnElement[bool], inactive: m.Agent | None = None
) -> list[Message]:
    """The checks of the sessions `which` selects in the window (and, for an agent no longer
    active, each of their sessions)."""
    session = m.MediationSession
    found = []
    for record, site in db.exec(
        select(session, m.Site)
        .join(m.Site, col(m.Site.id) == col(session.site_id))
        .where(col(session.session_date).between(span.start, span.end), which)
        .order_by(col(session.session_date), col(session.start_time), col(session.id))
    ):
        problems = mediation.checks(
            db,
            site,
            record.mediator_id,
            record.session_date,
            record.start_time,
            record.duration_minutes,
        )
        if inactive is not None:
            problems.insert(0, Message("warning.agent_inactive_here", {"agent": inactive.id}))
        if problems:
            found.append(
                Message(
                    "warning.session",
                    {
                        "session": record.id,
                        "site": site.id,
                        "date": record.session_date,
                        "start": record.start_time,
                        "problems": problems,
                    },
                )
            )
    return found


def _inactive(agent: m.Agent, entries: Sequence[schedule_service.Entry]) -> list[Message]:
    """One warning a permanence whose occurrences an inactive agent still holds."""
    held: dict[int, list[schedule_service.Entry]] = defaultdict(list)
    for entry in entries:
        if entry.occurrence.takes_place:
            held[entry.occurrence.permanence_id].append(entry)
    return [
        Message(
            "warning.agent_inactive",
            {
                "agent": agent.id,
                "permanence": permanence_id,
                "site": found[0].site.id,
                "site_name": found[0].site.name,
                "count": len(found),
                "first": found[0].occurrence.date,
                "last": found[-1].occurrence.date,
            },
        )
        for permanence_id, found in sorted(held.items())
    ]


def _records_after(
    db: Session, programme: m.Programme, permanence_ids: list[int], span: Window
) -> list[Message]:
    """Cancellations, moves and outcomes recorded for occurrences in the window."""
    if not permanence_ids:
        return []
    found: list[tuple[int, date, str]] = []
    exception, outcome = m.PermanenceException, m.PermanenceOutcome
    for pid, day, action in db.exec(
        select(
            col(exception.permanence_id), col(exception.occurrence_date), col(exception.action)
        ).where(
            col(exception.permanence_id).in_(permanence_ids),
            col(exception.occurrence_date).between(span.start, span.end),
        )
    ):
        found.append((pid, day, action))
    for pid, day in db.exec(
        select(col(outcome.permanence_id), col(outcome.occurrence_date)).where(
            col(outcome.permanence_id).in_(permanence_ids),
            col(outcome.occurrence_date).between(span.start, span.end),
        )
    ):
        found.append((pid, day, "held"))
    return [
        Message(
            "warning.after_end",
            {
                "permanence": pid,
                "date": day,
                "record": Label("after_end_record", what),
                "programme": programme.code,
                "end": programme.ended_on,
            },
        )
        for pid, day, what in sorted(found)
    ]


def _deficits(db: Session, agents: set[str], span: Window) -> list[Message]:
    """Each week of the window in which one of `agents` (a mediator) is scheduled below their
    contract."""
    if not agents:
        return []
    found = []
    week = IsoWeek.containing(span.start)
    while week.monday <= span.end:
        for problem in mediation.deficits(db, week, agents):
            found.append(Message("warning.in_week", {"week": week.label, "warning": problem}))
        week = IsoWeek.containing(week.sunday + timedelta(days=1))
    return found
