"""Permanences: create them (refusing conflicts unless forced), list and show them.

Changing one occurrence and logging what happened at it live in `permanence_occurrences`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import fields, recurrence, validators
from presence_postale.domain import hours as oh
from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.report import Entry
from presence_postale.errors import Conflict, InvalidData, Message, NotFound
from presence_postale.services import schedule as schedule_service
from presence_postale.store import models as m
from presence_postale.store import queries, versions
from presence_postale.store.db import lock

# An open-ended permanence is checked for conflicts over its first year.
CHECK_HORIZON = timedelta(days=366)


@dataclass(frozen=True)
class NewPermanence:
    programme: m.Programme
    agent: m.Agent | None
    site: m.Site
    rule: str
    start: time
    end: time
    valid_from: date
    valid_until: date | None
    operators: tuple[str, ...] = ()
    note: str | None = None
    # What `--every` said, when the rule came from it (`thursday`): a refusal of the rule
    # names that option and that text.
    every: str | None = None


def get(db: Session, permanence_id: int) -> m.Permanence:
    permanence = db.get(m.Permanence, permanence_id)
    if permanence is None:
        raise NotFound("permanence.not_found", permanence=permanence_id)
    return permanence


OPTIONS = {
    "rrule": "--rrule",
    "start_time": "--start",
    "end_time": "--end",
    "valid_from": "--valid-from",
    "valid_until": "--valid-until",
    "note": "--note",
}
# Conflicts are looked for over the permanence's first years at most: an expansion covers a
# bounded window (`recurrence.MAX_WINDOW_DAYS`).
MAX_CHECK = timedelta(days=recurrence.MAX_WINDOW_DAYS)


def add(
    db: Session, new: NewPermanence, *, force: bool = False
) -> tuple[m.Permanence, list[Message]]:
    """Create a permanence; return it and the conflicts that `force` overrode."""
    checked = _checked(new)
    rule = checked["rrule"]
    if len(set(new.operators)) != len(new.operators):  # one row each: the database's key
        raise fields.FieldError("--operators", Message("list.twice"), ",".join(new.operators))
    for code in new.operators:
        if db.get(m.Operator, code) is None:
            raise NotFound("operator.not_found", operator=code)
    # Conflicts are checked against the agent's other permanences and the host's closures:
    # lock both rows so that two creations for one agent or one host cannot both pass.
    if new.agent is not None:
        lock(db, m.Agent, new.agent.id)
    lock(db, m.Site, new.site.id)
    permanence = m.Permanence(
        programme_code=new.programme.code,
        agent_id=new.agent.id if new.agent else None,
        site_id=new.site.id,
        rrule=rule,
        start_time=new.start,
        end_time=new.end,
        valid_from=new.valid_from,
        valid_until=new.valid_until,
        note=checked["note"],
        created_at=datetime.now(UTC),
    )
    db.add(permanence)
    db.flush()
    assert permanence.id is not None
    span = _checked_span(permanence, new, rule)
    problems = conflicts(db, permanence, new.programme, new.site, span[0], span[1])
    if len(problems) == 1 and not force:
        raise Conflict("permanence.conflict", first=problems[0])
    if problems and not force:
        raise Conflict("permanence.conflicts", first=problems[0], more=len(problems) - 1)
    for code in new.operators:
        db.add(m.PermanenceOperator(permanence_id=permanence.id, operator_code=code))
    return permanence, problems


def _checked(new: NewPermanence) -> dict[str, Any]:
    """The new permanence's values, checked; a refusal names the option as it was given."""
    values = {
        "programme_code": new.programme.code,
        "agent_id": new.agent.id if new.agent else None,
        "site_id": new.site.id,
        "rrule": new.rule,
        "start_time": new.start,
        "end_time": new.end,
        "valid_from": new.valid_from,
        "valid_until": new.valid_until,
        "note": new.note,
    }
    try:
        with fields.naming(OPTIONS):
            return validators.permanence(values)
    except fields.FieldError as error:
        if error.field == "--rrule" and new.every is not None:
            raise fields.FieldError("--every", error.reason, new.every) from None
        raise


def _checked_span(permanence: m.Permanence, new: NewPermanence, rule: str) -> tuple[date, date]:
    """The days over which the new permanence is checked for conflicts: from its first
    possible day (valid from before its programme, it begins with it), over its first years
    at most; refused when it has no occurrence there."""
    slot = sch.slot_of(permanence, new.programme)
    begins = max(new.valid_from, slot.programme_start)
    span_end = min(slot.last or (begins + CHECK_HORIZON), begins + MAX_CHECK)
    span = sch.bounds(slot, new.valid_from, span_end)
    if span is None and sch.bounds(slot, new.valid_from, date.max) is None:
        # Its validity and its programme's dates do not meet at all: said so, rather than
        # « no occurrence between » a start after the end.
        raise InvalidData(
            "permanence.outside_programme",
            programme=new.programme.code,
            start=new.programme.start_date,
            until=new.programme.ended_on or new.programme.planned_end,
            valid_from=new.valid_from,
            valid_until=new.valid_until,
        )
    if span is None or not recurrence.dates_between(rule, slot.first, *span, at=slot.start):
        raise InvalidData(
            "permanence.no_occurrence",
            rule=rule,
            start=begins,
            end=span_end,
            programme=new.programme.code,
        )
    return span


def conflicts(
    db: Session,
    permanence: m.Permanence,
    programme: m.Programme,
    site: m.Site,
    start: date,
    end: date,
) -> list[Message]:
    """Why the permanence should not exist as it is: the agent is elsewhere, the host is
    closed, or not open at that hour — each naming the conflicting record."""
    found: list[Message] = []
    slot = sch.slot_of(permanence, programme)
    holidays = holidays_between(start, end, site.department_code)
    closures = queries.closures_by_site(db, [site.id], start, end).get(site.id, [])
    mine = sch.expand(slot, start, end, holidays=holidays)
    for closure in closures:
        hit = next((o for o in mine if closure.covers(o.date)), None)
        if hit is not None:
            found.append(
                Message(
                    "permanence.host_closed",
                    {
                        "site": site.id,
                        "start": closure.start,
                        "end": closure.end,
                        "reason": closure.reason,
                        "date": hit.date,
                    },
                )
            )
    taking_place = [o for o in mine if o.takes_place]
    hours = versions.hours_during(db, [site.id], start, end).get(site.id)
    # Closed days are reported above, by closure: here only the regular hours in force on
    # each occurrence's day are judged (none known that day: nothing to judge).
    for occurrence in taking_place:
        expression = oh.expression_on(hours, occurrence.date)
        if expression is not None and not oh.is_open_during(
            expression, occurrence.date, occurrence.start, occurrence.end, holidays
        ):
            found.append(
                Message(
                    "permanence.host_not_open",
                    {
                        "site": site.id,
                        "date": occurrence.date,
                        "start": occurrence.start,
                        "end": occurrence.end,
                        "hours": expression,
                    },
                )
            )
            break
    if permanence.agent_id is not None:
        clash = _agent_clash(db, permanence, taking_place, start, end)
        if clash is not None:
            found.append(clash)
    return found


def _agent_clash(
    db: Session, permanence: m.Permanence, mine: list[sch.Occurrence], start: date, end: date
) -> Message | None:
    """The first of the agent's other occurrences that overlaps one of `mine`."""
    others = schedule_service.build(db, start, end, agent=permanence.agent_id)
    busy = [
        e
        for e in others.entries
        if e.occurrence.permanence_id != permanence.id and e.occurrence.takes_place
    ]
    for occurrence in mine:
        for e in busy:
            o = e.occurrence
            if o.date == occurrence.date and o.start < occurrence.end and occurrence.start < o.end:
                return Message(
                    "permanence.agent_busy",
                    {
                        "agent": permanence.agent_id,
                        "permanence": o.permanence_id,
                        "site": e.site.id,
                        "site_name": e.site.name,
                        "date": o.date,
                        "start": o.start,
                        "end": o.end,
                    },
                )
    return None


def entries(db: Session, permanence: m.Permanence, start: date, end: date) -> list[Entry]:
    """The permanence's own entries in the schedule of [start, end]."""
    schedule = schedule_service.build(
        db,
        start,
        end,
        programme=permanence.programme_code,
        agent=permanence.agent_id,
        site_ids=[permanence.site_id],
    )
    return [e for e in schedule.entries if e.occurrence.permanence_id == permanence.id]


def listing(
    db: Session,
    *,
    programme: str | None = None,
    agent: str | None = None,
    site: str | None = None,
    department: str | None = None,
) -> list[dict[str, Any]]:
    queries.require_department(db, department)
    statement = select(m.Permanence, m.Site).join(
        m.Site, col(m.Site.id) == col(m.Permanence.site_id)
    )
    if programme is not None:
        statement = statement.where(m.Permanence.programme_code == programme)
    if agent is not None:
        statement = statement.where(m.Permanence.agent_id == agent)
    if site is not None:
        statement = statement.where(m.Permanence.site_id == site)
    if department is not None:
        statement = statement.where(m.Site.department_code == department)
    return [row(p, s) for p, s in db.exec(statement.order_by(col(m.Permanence.id)))]


def row(permanence: m.Permanence, site: m.Site) -> dict[str, Any]:
    return {
        "id": permanence.id,
        "programme": permanence.programme_code,
        "agent": permanence.agent_id,
        "site_id": site.id,
        "site_name": site.name,
        "rrule": permanence.rrule,
        "start": permanence.start_time,
        "end": permanence.end_time,
        "valid_from": permanence.valid_from,
        "valid_until": permanence.valid_until,
        "illustrative": permanence.illustrative,
        "illustrative_reason": permanence.illustrative_reason,
        "note": permanence.note,
    }


def detail(db: Session, permanence: m.Permanence) -> dict[str, Any]:
    site = db.get(m.Site, permanence.site_id)
    assert site is not None
    data = row(permanence, site)
    data["operators"] = list(
        db.exec(
            select(m.PermanenceOperator.operator_code)
            .where(m.PermanenceOperator.permanence_id == permanence.id)
            .order_by(col(m.PermanenceOperator.operator_code))
        )
    )
    data["exceptions"] = [
        {
            "date": e.occurrence_date,
            "action": e.action,
            "new_date": e.new_date,
            "new_start": e.new_start,
            "new_end": e.new_end,
            "reason": e.reason,
        }
        for e in db.exec(
            select(m.PermanenceException)
            .where(m.PermanenceException.permanence_id == permanence.id)
            .order_by(col(m.PermanenceException.occurrence_date))
        )
    ]
    data["outcomes"] = [
        {"date": o.occurrence_date, "visitors": o.visitors, "requests": o.requests, "note": o.note}
        for o in db.exec(
            select(m.PermanenceOutcome)
            .where(m.PermanenceOutcome.permanence_id == permanence.id)
            .order_by(col(m.PermanenceOutcome.occurrence_date))
        )
    ]
    return data
