"""Queries the schedule shares with absences and calendars: agents' absences in a window,
and the stored revisions of occurrences."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import exists, or_
from sqlalchemy import select as core_select
from sqlmodel import Session, col

from presence_postale.domain.absences import Absence
from presence_postale.domain.revisions import Revision, utc
from presence_postale.store import models as m
from presence_postale.store.queries import Found, records_of, rows


def absences_by_agent(
    db: Session, agent_ids: Iterable[str], start: date, end: date
) -> dict[str, list[Absence]]:
    """The absences of `agent_ids` that share a day with [start, end], by agent, in order."""
    wanted = set(agent_ids)
    out: dict[str, list[Absence]] = defaultdict(list)
    if not wanted:
        return out
    absence = m.AgentAbsence
    statement = (
        core_select(
            col(absence.agent_id),
            col(absence.start_date),
            col(absence.end_date),
            col(absence.reason),
        )
        .where(col(absence.start_date) <= end, col(absence.end_date) >= start)
        .order_by(col(absence.agent_id), col(absence.start_date))
    )
    # Absences are few: reading a window's and keeping the agents asked beats binding ids.
    for agent_id, first, last, reason in rows(db, statement):
        if agent_id in wanted:
            out[agent_id].append(Absence(first, last, reason))
    return out


def revisions_in(
    db: Session, found: Found, start: date, end: date
) -> dict[tuple[int, date], Revision]:
    """The stored revisions of the occurrences of the permanences `found` that fall in
    [start, end], by their original date or, moved, by their new one."""
    revision = m.OccurrenceRevision
    exception = m.PermanenceException
    moved_in = exists().where(
        col(exception.permanence_id) == col(revision.permanence_id),
        col(exception.occurrence_date) == col(revision.occurrence_date),
        col(exception.new_date).between(start, end),
    )
    statement = core_select(
        col(revision.permanence_id),
        col(revision.occurrence_date),
        col(revision.sequence),
        col(revision.changed_at),
    ).where(or_(col(revision.occurrence_date).between(start, end), moved_in))
    stored = records_of(db, found, statement, col(revision.permanence_id))
    return {(pid, day): Revision(sequence, utc(changed)) for pid, day, sequence, changed in stored}
