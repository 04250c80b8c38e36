"""Occurrences of permanences in a window, read from the database in a few set-based queries.

The cost follows the window: only permanences valid in it are read, their exceptions and
outcomes for the window, the closures of their host sites, and each rule is expanded from the
window's start (see `domain.recurrence.dates_between`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import and_, or_
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from presence_postale.domain import hours as oh
from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import format_day, holidays_between
from presence_postale.domain.history import Timeline
from presence_postale.domain.revisions import Revision, effective
from presence_postale.errors import Message, NotFound
from presence_postale.store import models as m
from presence_postale.store.people import absences_by_agent, revisions_in
from presence_postale.store.queries import rows, rows_in
from presence_postale.store.versions import hours_during

# Schedules and reports read thousands of sites and permanences at national scale: they read
# them as plain rows (a tuple each), not as ORM objects, which cost ten times as much to build.


class Place(NamedTuple):
    """A site as schedules and reports show it."""

    id: str
    name: str
    name_key: str
    address: str | None
    postcode: str | None
    commune: str | None
    department_code: str | None
    latitude: float | None
    longitude: float | None
    illustrative: bool
    illustrative_reason: str | None


class Series(NamedTuple):
    """A permanence as its occurrences need it."""

    id: int
    programme_code: str
    agent_id: str | None
    site_id: str
    rrule: str
    start_time: time
    end_time: time
    valid_from: date
    valid_until: date | None
    created_at: datetime
    illustrative: bool
    illustrative_reason: str | None


class Person(NamedTuple):
    """An agent as a schedule names them."""

    id: str
    name: str | None


class Horizon(NamedTuple):
    """A programme's dates, which bound its permanences' occurrences."""

    start_date: date
    planned_end: date | None
    ended_on: date | None


def _columns(model: Any, row: type[tuple[Any, ...]]) -> list[Any]:
    return [getattr(model, name) for name in row._fields]  # type: ignore[attr-defined]


PLACE_COLUMNS = _columns(m.Site, Place)
SERIES_COLUMNS = _columns(m.Permanence, Series)
HORIZON_COLUMNS = _columns(m.Programme, Horizon)


def places(db: Session, ids: Iterable[str]) -> dict[str, Place]:
    """The sites of `ids` (unknown ids are left out)."""
    statement = core_select(*PLACE_COLUMNS)
    return {row[0]: Place._make(row) for row in rows_in(db, statement, col(m.Site.id), ids)}


@dataclass(frozen=True)
class Entry:
    """An occurrence with what a reader needs to know about its permanence."""

    occurrence: sch.Occurrence
    permanence: Series
    site: Place
    agent: Person | None
    operators: tuple[str, ...]
    # SEQUENCE and last change, for calendars (see domain.revisions).
    revision: Revision | None = None

    def row(self, lang: str = "fr") -> dict[str, Any]:
        o = self.occurrence
        return {
            "permanence_id": o.permanence_id,
            "date": o.date,
            "original_date": o.original_date,
            "start": o.start,
            "end": o.end,
            "status": o.status,
            "reason": o.reason,
            "visitors": o.visitors,
            "programme": self.permanence.programme_code,
            "site_id": self.site.id,
            "site_name": self.site.name,
            "commune": self.site.commune,
            "department": self.site.department_code,
            "agent_id": self.agent.id if self.agent else None,
            "agent_name": self.agent.name if self.agent else None,
            "operators": list(self.operators),
            "illustrative": self.permanence.illustrative,
            "illustrative_reason": self.permanence.illustrative_reason,
        }


@dataclass
class Schedule:
    start: date
    end: date
    entries: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The host sites' opening hours in force over the window (a site without any: unknown).
    hours: dict[str, Timeline[str]] = field(default_factory=dict)
    # What the warnings say, as data (`problems`).
    problems: list[Problem] = field(default_factory=list)


def slot_of(permanence: Series | m.Permanence, programme: Horizon | m.Programme) -> sch.Slot:
    horizon = programme.ended_on or programme.planned_end
    ends = [d for d in (permanence.valid_until, horizon) if d is not None]
    assert permanence.id is not None
    return sch.Slot(
        id=permanence.id,
        rule=permanence.rrule,
        start=permanence.start_time,
        end=permanence.end_time,
        first=permanence.valid_from,
        last=min(ends) if ends else None,
        programme_start=programme.start_date,
        agent_id=permanence.agent_id,
        site_id=permanence.site_id,
    )


def build(
    db: Session,
    start: date,
    end: date,
    *,
    programme: str | None = None,
    agent: str | None = None,
    site_ids: Sequence[str] | None = None,
    department: str | None = None,
    lang: str = "fr",
) -> Schedule:
    """Every occurrence in [start, end] of the permanences that match the filters."""
    statement = (
        core_select(*SERIES_COLUMNS, *HORIZON_COLUMNS, *PLACE_COLUMNS)
        .join(m.Programme, col(m.Programme.code) == col(m.Permanence.programme_code))
        .join(m.Site, col(m.Site.id) == col(m.Permanence.site_id))
        .where(
            col(m.Permanence.valid_from) <= end,
            or_(col(m.Permanence.valid_until).is_(None), col(m.Permanence.valid_until) >= start),
            col(m.Programme.start_date) <= end,
            or_(
                and_(col(m.Programme.ended_on).is_(None), col(m.Programme.planned_end).is_(None)),
                col(m.Programme.ended_on) >= start,
                and_(col(m.Programme.ended_on).is_(None), col(m.Programme.planned_end) >= start),
            ),
        )
    )
    if programme is not None:
        statement = statement.where(col(m.Permanence.programme_code) == programme)
    if agent is not None:
        statement = statement.where(col(m.Permanence.agent_id) == agent)
    if department is not None:
        if db.get(m.Department, department) is None:
            raise NotFound(f"department '{department}' not found")
        statement = statement.where(col(m.Site.department_code) == department)
    if site_ids is not None:
        statement = statement.where(col(m.Permanence.site_id).in_(sorted(set(site_ids))))
    split, tail = len(SERIES_COLUMNS), len(SERIES_COLUMNS) + len(HORIZON_COLUMNS)
    found = [
        (Series._make(row[:split]), Horizon._make(row[split:tail]), Place._make(row[tail:]))
        for row in rows(db, statement.order_by(col(m.Permanence.id)))
    ]
    schedule = Schedule(start=start, end=end)
    if not found:
        return schedule
    # The permanences found, as a subquery: their exceptions, outcomes and operators are read
    # in one statement each, however many they are (no list of ids to bind).
    found_ids = statement.with_only_columns(col(m.Permanence.id)).order_by(None)
    changes: dict[int, dict[date, sch.Change]] = defaultdict(dict)
    visitors: dict[int, dict[date, int]] = defaultdict(dict)
    changed_at: dict[tuple[int, date], list[datetime]] = defaultdict(list)
    operators: dict[int, list[str]] = defaultdict(list)
    exception = m.PermanenceException
    for pid, original, action, new_date, new_start, new_end, reason, created in rows(
        db,
        core_select(
            col(exception.permanence_id),
            col(exception.occurrence_date),
            col(exception.action),
            col(exception.new_date),
            col(exception.new_start),
            col(exception.new_end),
            col(exception.reason),
            col(exception.created_at),
        ).where(
            col(exception.permanence_id).in_(found_ids),
            or_(
                col(exception.occurrence_date).between(start, end),
                col(exception.new_date).between(start, end),
            ),
        ),
    ):
        changes[pid][original] = sch.Change(
            original=original,
            action=action,
            new_date=new_date,
            new_start=new_start,
            new_end=new_end,
            reason=reason,
        )
        changed_at[(pid, original)].append(created)
    outcome = m.PermanenceOutcome
    for pid, day, count, created in rows(
        db,
        core_select(
            col(outcome.permanence_id),
            col(outcome.occurrence_date),
            col(outcome.visitors),
            col(outcome.created_at),
        ).where(col(outcome.permanence_id).in_(found_ids), _outcome_window(start, end)),
    ):
        visitors[pid][day] = count
        changed_at[(pid, day)].append(created)
    for pid, code in rows(
        db,
        core_select(
            col(m.PermanenceOperator.permanence_id), col(m.PermanenceOperator.operator_code)
        )
        .where(col(m.PermanenceOperator.permanence_id).in_(found_ids))
        .order_by(col(m.PermanenceOperator.operator_code)),
    ):
        operators[pid].append(code)
    # Moved occurrences may come from anywhere before or after: their outcome is keyed by the
    # original date, which the window query above may not cover.
    moved_originals = [
        (pid, change.original)
        for pid, by_date in changes.items()
        for change in by_date.values()
        if not start <= change.original <= end
    ]
    for pid, original in moved_originals:
        moved_outcome = db.exec(
            select(m.PermanenceOutcome).where(
                m.PermanenceOutcome.permanence_id == pid,
                m.PermanenceOutcome.occurrence_date == original,
            )
        ).first()
        if moved_outcome is not None:
            visitors[pid][original] = moved_outcome.visitors
            changed_at[(pid, original)].append(moved_outcome.created_at)
    site_ids_used = sorted({row[2].id for row in found})
    closures = closures_by_site(db, site_ids_used, start, end)
    schedule.hours = hours_during(db, site_ids_used, start, end)
    agent_ids = {row[0].agent_id for row in found if row[0].agent_id}
    people = core_select(col(m.Agent.id), col(m.Agent.name))
    agents = {row[0]: Person._make(row) for row in rows_in(db, people, col(m.Agent.id), agent_ids)}
    away = absences_by_agent(db, agent_ids, start, end)
    stored = revisions_in(db, found_ids, start, end)
    holiday_cache: dict[str | None, dict[date, str]] = {}
    agent_of: dict[int, str | None] = {}
    for permanence, prog, site in found:
        department_code = site.department_code
        if department_code not in holiday_cache:
            holiday_cache[department_code] = holidays_between(start, end, department_code, lang)
        slot = slot_of(permanence, prog)
        agent_of[slot.id] = permanence.agent_id
        for occurrence in sch.expand(
            slot,
            start,
            end,
            holidays=holiday_cache[department_code],
            closures=closures.get(site.id, ()),
            changes=changes.get(slot.id),
            visitors=visitors.get(slot.id),
            absences=away.get(permanence.agent_id or "", ()),
        ):
            key = (slot.id, occurrence.original_date)
            schedule.entries.append(
                Entry(
                    occurrence=occurrence,
                    permanence=permanence,
                    site=site,
                    agent=agents.get(permanence.agent_id) if permanence.agent_id else None,
                    operators=tuple(operators.get(slot.id, ())),
                    revision=effective(
                        stored.get(key),
                        permanence.created_at,
                        changed_at.get(key, ()),
                        changed=occurrence.original_date in changes.get(slot.id, {}),
                    ),
                )
            )
    schedule.entries.sort(
        key=lambda e: (e.occurrence.date, e.occurrence.start, e.site.id, e.occurrence.permanence_id)
    )
    schedule.problems = problems(
        schedule.entries, agent_of, holiday_cache, closures, schedule.hours
    )
    schedule.warnings = [sentence(problem, lang) for problem in schedule.problems]
    return schedule


def _outcome_window(start: date, end: date) -> Any:
    return col(m.PermanenceOutcome.occurrence_date).between(start, end)


def closures_by_site(
    db: Session, site_ids: Sequence[str], start: date, end: date
) -> dict[str, list[oh.Closure]]:
    out: dict[str, list[oh.Closure]] = defaultdict(list)
    statement = (
        core_select(
            col(m.Closure.site_id),
            col(m.Closure.start_date),
            col(m.Closure.end_date),
            col(m.Closure.reason),
        )
        .where(col(m.Closure.start_date) <= end, col(m.Closure.end_date) >= start)
        .order_by(col(m.Closure.start_date))
    )
    for site_id, first, last, reason in rows_in(db, statement, col(m.Closure.site_id), site_ids):
        out[site_id].append(oh.Closure(start=first, end=last, reason=reason))
    return out


def _label(entry: Entry, lang: str) -> str:
    o = entry.occurrence
    return (
        f"permanence #{o.permanence_id} ({entry.site.id} {entry.site.name}, "
        f"{format_day(o.date, lang)} {o.start:%H:%M}-{o.end:%H:%M})"
    )


AGENT_OVERLAP, SKIPPED_CLOSED, MOVED_CLOSED, OUTSIDE_HOURS = (
    "agent_overlap",
    "skipped_closed",
    "moved_closed",
    "outside_hours",
)


@dataclass(frozen=True)
class Problem:
    """What a delegate must look at in a schedule: an agent in two places at once (`entry` and
    `other`), an occurrence skipped for a closure or moved onto a closed day (`reason`: the
    closure's or the holiday's), or outside its host's opening hours of that day."""

    kind: str
    entry: Entry
    other: Entry | None = None
    reason: str | None = None
    agent_id: str | None = None


def problems(
    entries: Sequence[Entry],
    agent_of: dict[int, str | None],
    holidays: dict[str | None, dict[date, str]],
    closures: dict[str, list[oh.Closure]],
    hours: dict[str, Timeline[str]],
) -> list[Problem]:
    """The rules a schedule is checked against, in one place: the reports warn with them and
    the commands that change hours, closures, agents or programmes name them at once."""
    found: list[Problem] = []
    by_key = {(e.occurrence.permanence_id, e.occurrence.original_date): e for e in entries}
    for overlap in sch.overlaps((e.occurrence for e in entries), agent_of):
        first = by_key[(overlap.first.permanence_id, overlap.first.original_date)]
        second = by_key[(overlap.second.permanence_id, overlap.second.original_date)]
        found.append(Problem(AGENT_OVERLAP, first, second, agent_id=overlap.agent_id))
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
) -> Problem | None:
    o = entry.occurrence
    if o.status == sch.SKIPPED and o.reason and o.date not in site_holidays:
        return Problem(SKIPPED_CLOSED, entry, reason=o.reason)
    if not o.takes_place:
        return None
    if o.status == sch.MOVED:
        closure = next((c for c in site_closures if c.covers(o.date)), None)
        if o.date in site_holidays or closure is not None:
            reason = site_holidays.get(o.date) or (closure.reason if closure else "")
            return Problem(MOVED_CLOSED, entry, reason=reason)
    # Hours unknown that day: nothing to judge against.
    known = site_hours is not None and site_hours.at(o.date) is not None
    if known and not oh.is_open_during(
        site_hours, o.date, o.start, o.end, site_holidays, site_closures
    ):
        return Problem(OUTSIDE_HOURS, entry)
    return None


def sentence(problem: Problem, lang: str = "fr") -> str:
    """A problem as the reports word it."""
    fr = lang != "en"
    label = _label(problem.entry, lang)
    if problem.kind == AGENT_OVERLAP:
        assert problem.other is not None
        return (
            f"agent {problem.agent_id} à deux endroits en même temps : "
            if fr
            else f"agent {problem.agent_id} in two places at once: "
        ) + f"{label} / {_label(problem.other, lang)}"
    if problem.kind == SKIPPED_CLOSED:
        return (
            f"{label} annulée : site fermé ({problem.reason})"
            if fr
            else f"{label} skipped: site closed ({problem.reason})"
        )
    if problem.kind == MOVED_CLOSED:
        return (
            f"{label} déplacée sur un jour de fermeture ({problem.reason})"
            if fr
            else f"{label} moved onto a closed day ({problem.reason})"
        )
    return (
        f"{label} hors des horaires d'ouverture du site"
        if fr
        else f"{label} outside the site's opening hours"
    )


def occurrence_message(entry: Entry) -> Message:
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


def message(problem: Problem) -> Message:
    """A problem as a catalogue warning."""
    where = occurrence_message(problem.entry)
    if problem.kind == AGENT_OVERLAP:
        assert problem.other is not None
        return Message(
            "warning.agent_overlap",
            {
                "agent": problem.agent_id,
                "first": where,
                "second": occurrence_message(problem.other),
            },
        )
    if problem.kind == OUTSIDE_HOURS:
        return Message("warning.outside_hours", {"occurrence": where})
    return Message(f"warning.{problem.kind}", {"occurrence": where, "reason": problem.reason})
