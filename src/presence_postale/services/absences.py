"""Agents' absences: one record skips every occurrence of the agent's permanences (mediators'
presences included) inside it, in every report, schedule and calendar.

An absence over an occurrence whose outcome is logged, or over a mediation session the agent
recorded, is refused, naming it: the record says the agent was there. Recording an absence, or
removing it, is a change of every occurrence it covers (see `services.revisions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import absences as rules
from presence_postale.domain import schedule as sch
from presence_postale.errors import Conflict, NotFound
from presence_postale.services import schedule as schedule_service
from presence_postale.services.revisions import touch_all
from presence_postale.store import models as m
from presence_postale.store.db import lock
from presence_postale.store.people import absences_by_agent


@dataclass(frozen=True)
class Outcome:
    """An absence recorded or removed, and the occurrences it skipped or gave back."""

    absence: m.AgentAbsence
    occurrences: list[schedule_service.Entry]


def _of(db: Session, agent: m.Agent, start: date | None = None, end: date | None = None) -> Any:
    statement = select(m.AgentAbsence).where(m.AgentAbsence.agent_id == agent.id)
    if start is not None:
        statement = statement.where(m.AgentAbsence.end_date >= start)
    if end is not None:
        statement = statement.where(m.AgentAbsence.start_date <= end)
    return db.exec(statement.order_by(col(m.AgentAbsence.start_date)))


def add(db: Session, agent: m.Agent, start: date, end: date, reason: str | None) -> Outcome:
    """Record that `agent` is away from `start` to `end` (both included)."""
    rules.check_window(start, end)
    lock(db, m.Agent, agent.id)  # the checks below and the insert, one writer per agent
    other = _of(db, agent, start, end).first()
    if other is not None:
        raise Conflict(
            "absence.overlaps",
            agent=agent.id,
            start=other.start_date,
            end=other.end_date,
            reason=other.reason or "",
        )
    schedule = schedule_service.build(db, start, end, agent=agent.id)
    logged = next((e for e in schedule.entries if e.occurrence.visitors is not None), None)
    if logged is not None:
        raise Conflict(
            "absence.over_logged",
            agent=agent.id,
            permanence=logged.occurrence.permanence_id,
            date=logged.occurrence.date,
            site=logged.site.name,
        )
    session = db.exec(
        select(m.MediationSession)
        .where(
            m.MediationSession.mediator_id == agent.id,
            col(m.MediationSession.session_date).between(start, end),
        )
        .order_by(col(m.MediationSession.session_date), col(m.MediationSession.id))
    ).first()
    if session is not None:
        raise Conflict(
            "absence.over_session", agent=agent.id, session=session.id, date=session.session_date
        )
    skipped = [e for e in schedule.entries if e.occurrence.takes_place]
    touch_all(db, _keys(skipped))
    absence = m.AgentAbsence(
        agent_id=agent.id,
        start_date=start,
        end_date=end,
        reason=reason,
        created_at=datetime.now(UTC),
    )
    db.add(absence)
    db.flush()
    return Outcome(absence, skipped)


def undo(db: Session, agent: m.Agent, start: date, end: date) -> Outcome:
    """Remove the absence of `agent` recorded from `start` to `end`."""
    rules.check_window(start, end)
    lock(db, m.Agent, agent.id)
    absence = next(
        (a for a in _of(db, agent, start, end) if (a.start_date, a.end_date) == (start, end)),
        None,
    )
    if absence is None:
        raise NotFound("absence.not_found", agent=agent.id, start=start, end=end)
    schedule = schedule_service.build(db, start, end, agent=agent.id)
    restored = [e for e in schedule.entries if e.occurrence.status == sch.ABSENT]
    touch_all(db, _keys(restored))
    db.delete(absence)
    db.flush()
    return Outcome(absence, restored)


def _keys(entries: list[schedule_service.Entry]) -> list[tuple[int, date]]:
    return [(e.occurrence.permanence_id, e.occurrence.original_date) for e in entries]


def check_present(db: Session, permanence: m.Permanence, day: date) -> None:
    """Refuse to log an occurrence of `day` that its agent's absence skipped."""
    if permanence.agent_id is None:
        return
    away = rules.covering(
        absences_by_agent(db, [permanence.agent_id], day, day).get(permanence.agent_id, ()), day
    )
    if away is not None:
        raise Conflict(
            "absence.occurrence_skipped",
            permanence=permanence.id,
            date=day,
            agent=permanence.agent_id,
            start=away.start,
            end=away.end,
        )


def listing(
    db: Session, *, agent: m.Agent | None = None, start: date | None = None, end: date | None = None
) -> list[dict[str, Any]]:
    """Absences, by start date (those sharing a day with [start, end] when given)."""
    statement = select(m.AgentAbsence, m.Agent).join(
        m.Agent, col(m.Agent.id) == col(m.AgentAbsence.agent_id)
    )
    if agent is not None:
        statement = statement.where(m.AgentAbsence.agent_id == agent.id)
    if start is not None:
        statement = statement.where(m.AgentAbsence.end_date >= start)
    if end is not None:
        statement = statement.where(m.AgentAbsence.start_date <= end)
    rows = db.exec(statement.order_by(col(m.AgentAbsence.start_date), col(m.AgentAbsence.agent_id)))
    return [
        {
            "agent": absence.agent_id,
            "name": person.name,
            "from": absence.start_date,
            "to": absence.end_date,
            "days": (absence.end_date - absence.start_date).days + 1,
            "reason": absence.reason,
        }
        for absence, person in rows
    ]
