"""Occurrences of permanences in a window, and what a delegate must look at among them.

The cost follows the window: only permanences valid in it are read (`store.queries`), their
exceptions and outcomes for the window, the closures of their host sites, and each rule is
expanded from the window's start (see `domain.recurrence.dates_between`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time

from sqlmodel import Session

from presence_postale.domain import hours as oh
from presence_postale.domain import schedule as sch
from presence_postale.domain.absences import Absence
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.history import Timeline
from presence_postale.domain.report import Entry, Person, Place, Schedule, Series
from presence_postale.domain.revisions import Revision, effective
from presence_postale.errors import Message
from presence_postale.store import queries
from presence_postale.store.people import absences_by_agent, revisions_in
from presence_postale.store.queries import Filters
from presence_postale.store.versions import hours_during


def build(
    db: Session,
    start: date,
    end: date,
    *,
    programme: str | None = None,
    agent: str | None = None,
    site_ids: Sequence[str] | None = None,
    department: str | None = None,
) -> Schedule:
    """Every occurrence in [start, end] of the permanences that match the filters."""
    queries.require_department(db, department)
    found = queries.permanences(db, start, end, Filters(programme, agent, site_ids, department))
    schedule = Schedule(start=start, end=end)
    if not found.series:
        return schedule
    known = _Known.read(db, found, start, end)
    schedule.hours = known.hours
    agent_of: dict[int, str | None] = {}
    for permanence, programme_dates, site in found.series:
        slot = sch.slot_of(permanence, programme_dates)
        agent_of[slot.id] = permanence.agent_id
        schedule.entries += _entries(slot, permanence, site, found, known)
    schedule.entries.sort(key=_in_order)
    schedule.warnings = warnings(
        schedule.entries, agent_of, known.holidays, known.closures, schedule.hours
    )
    return schedule


def _in_order(entry: Entry) -> tuple[date, time, str, int]:
    o = entry.occurrence
    return (o.date, o.start, entry.site.id, o.permanence_id)


@dataclass
class _Known:
    """What the window's permanences need besides their rows: their hosts' closures, hours and
    public holidays, their agents, the agents' absences and the occurrences' revisions."""

    start: date
    end: date
    closures: dict[str, list[oh.Closure]]
    hours: dict[str, Timeline[str]]
    agents: dict[str, Person]
    away: dict[str, list[Absence]]
    stored: dict[tuple[int, date], Revision]
    holidays: dict[str | None, dict[date, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, db: Session, found: queries.Found, start: date, end: date) -> _Known:
        site_ids = sorted({row[2].id for row in found.series})
        agent_ids = {row[0].agent_id for row in found.series if row[0].agent_id}
        return cls(
            start,
            end,
            closures=queries.closures_by_site(db, site_ids, start, end),
            hours=hours_during(db, site_ids, start, end),
            agents=queries.people(db, agent_ids),
            away=absences_by_agent(db, agent_ids, start, end),
            stored=revisions_in(db, found, start, end),
        )

    def holidays_of(self, department: str | None) -> dict[date, str]:
        if department not in self.holidays:
            self.holidays[department] = holidays_between(self.start, self.end, department)
        return self.holidays[department]


def _entries(
    slot: sch.Slot, permanence: Series, site: Place, found: queries.Found, known: _Known
) -> list[Entry]:
    """The slot's occurrences in the window, each with its permanence, host, agent, operators
    and revision."""
    person = known.agents.get(permanence.agent_id) if permanence.agent_id else None
    operators = tuple(found.operators.get(slot.id, ()))
    changes = found.changes.get(slot.id, {})
    occurrences = sch.expand(
        slot,
        known.start,
        known.end,
        holidays=known.holidays_of(site.department_code),
        closures=known.closures.get(site.id, ()),
        changes=changes,
        visitors=found.visitors.get(slot.id),
        absences=known.away.get(permanence.agent_id or "", ()),
    )
    out = []
    for occurrence in occurrences:
        key = (slot.id, occurrence.original_date)
        revision = effective(
            known.stored.get(key),
            permanence.created_at,
            found.changed_at.get(key, ()),
            changed=occurrence.original_date in changes,
        )
        out.append(Entry(occurrence, permanence, site, person, operators, revision=revision))
    return out


def occurrence(entry: Entry) -> Message:
    """An occurrence as a warning names it: its permanence, host and time."""
    o = entry.occurrence
    return Message(
        "warning.occurrence",
        {
            "permanence": o.permanence_id,
            "site": entry.site.id,
            "site_name": entry.site.name,
            "date": o.date,
            "start": o.start,
            "end": o.end,
        },
    )


def warnings(
    entries: Sequence[Entry],
    agent_of: dict[int, str | None],
    holidays: dict[str | None, dict[date, str]],
    closures: dict[str, list[oh.Closure]],
    hours: dict[str, Timeline[str]],
) -> list[Message]:
    """What a delegate must look at: double-booked agents, closed or shut hosts. The rules a
    schedule is checked against, in one place: the reports warn with them and the commands
    that change hours, closures, agents or programmes name them at once."""
    found: list[Message] = []
    overlaps = sch.overlaps((e.occurrence for e in entries), agent_of)
    by_key = (
        {(e.occurrence.permanence_id, e.occurrence.original_date): e for e in entries}
        if overlaps
        else {}
    )
    for overlap in overlaps:
        first = by_key[(overlap.first.permanence_id, overlap.first.original_date)]
        second = by_key[(overlap.second.permanence_id, overlap.second.original_date)]
        found.append(
            Message(
                "warning.agent_overlap",
                {
                    "agent": overlap.agent_id,
                    "first": occurrence(first),
                    "second": occurrence(second),
                },
            )
        )
    for entry in entries:
        problem = _problem(
            entry,
            holidays.get(entry.site.department_code, {}),
            closures.get(entry.site.id, []),
            hours.get(entry.site.id),
        )
        if problem is not None:
            found.append(problem)
    return found


def _problem(
    entry: Entry,
    site_holidays: dict[date, str],
    site_closures: list[oh.Closure],
    site_hours: Timeline[str] | None,
) -> Message | None:
    """What is wrong with one occurrence: skipped for a closure, moved onto a closed day, or
    outside the host's opening hours."""
    o = entry.occurrence
    if o.status == sch.SKIPPED and o.reason and o.date not in site_holidays:
        return Message(
            "warning.skipped_closed", {"occurrence": occurrence(entry), "reason": o.reason}
        )
    if not o.takes_place:
        return None
    if o.status == sch.MOVED:
        closure = next((c for c in site_closures if c.covers(o.date)), None)
        if o.date in site_holidays or closure is not None:
            reason = site_holidays.get(o.date) or (closure.reason if closure else "")
            return Message(
                "warning.moved_closed", {"occurrence": occurrence(entry), "reason": reason}
            )
    # Hours unknown that day: nothing to judge against.
    known = site_hours is not None and site_hours.at(o.date) is not None
    if known and not oh.is_open_during(
        site_hours, o.date, o.start, o.end, site_holidays, site_closures
    ):
        return Message("warning.outside_hours", {"occurrence": occurrence(entry)})
    return None
