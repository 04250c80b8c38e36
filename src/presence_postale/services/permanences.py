"""Permanences: create them (refusing conflicts unless forced), change one occurrence, log it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import fields, recurrence, validators
from presence_postale.domain import hours as oh
from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import holidays_between
from presence_postale.errors import Conflict, InvalidData, Message, NotFound
from presence_postale.services import absences
from presence_postale.services import schedule as schedule_service
from presence_postale.services.revisions import touch
from presence_postale.store import models as m
from presence_postale.store import queries, versions
from presence_postale.store.db import lock

# An open-ended permanence is checked for conflicts over its first year.
CHECK_HORIZON = timedelta(days=366)
MAX_VISITORS = 10_000


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
    with fields.naming(OPTIONS):
        checked = validators.permanence(values)
    rule = checked["rrule"]
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
    slot = sch.slot_of(permanence, new.programme)
    span_end = min(slot.last or (new.valid_from + CHECK_HORIZON), new.valid_from + MAX_CHECK)
    span = sch.bounds(slot, new.valid_from, span_end)
    if span is None or not recurrence.dates_between(rule, slot.first, *span, at=slot.start):
        raise InvalidData(
            "permanence.no_occurrence",
            rule=rule,
            start=max(new.valid_from, slot.programme_start),
            end=span_end,
            programme=new.programme.code,
        )
    problems = conflicts(db, permanence, new.programme, new.site, span[0], span[1])
    if len(problems) == 1 and not force:
        raise Conflict("permanence.conflict", first=problems[0])
    if problems and not force:
        raise Conflict("permanence.conflicts", first=problems[0], more=len(problems) - 1)
    for code in new.operators:
        db.add(m.PermanenceOperator(permanence_id=permanence.id, operator_code=code))
    return permanence, problems


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


def _slot(db: Session, permanence: m.Permanence) -> sch.Slot:
    programme = db.get(m.Programme, permanence.programme_code)
    assert programme is not None
    return sch.slot_of(permanence, programme)


def _require_occurrence(db: Session, permanence: m.Permanence, day: date) -> None:
    if not sch.is_occurrence(_slot(db, permanence), day):
        raise InvalidData(
            "permanence.no_such_occurrence",
            permanence=permanence.id,
            date=day,
            rule=permanence.rrule,
            start=permanence.valid_from,
            until=permanence.valid_until,
        )


def _existing_change(
    db: Session, permanence: m.Permanence, day: date
) -> m.PermanenceException | None:
    return db.exec(
        select(m.PermanenceException).where(
            m.PermanenceException.permanence_id == permanence.id,
            m.PermanenceException.occurrence_date == day,
        )
    ).first()


def cancel(
    db: Session, permanence: m.Permanence, day: date, reason: str | None
) -> m.PermanenceException:
    reason = fields.line(reason, "--reason")
    lock(db, m.Permanence, permanence.id)  # one change of an occurrence at a time
    _require_occurrence(db, permanence, day)
    if _existing_change(db, permanence, day) is not None:
        raise Conflict("permanence.already_changed", date=day, permanence=permanence.id)
    assert permanence.id is not None
    touch(db, permanence.id, day)
    change = m.PermanenceException(
        permanence_id=permanence.id,
        occurrence_date=day,
        action=sch.CANCELLED,
        reason=reason,
        created_at=datetime.now(UTC),
    )
    db.add(change)
    return change


def move(
    db: Session,
    permanence: m.Permanence,
    day: date,
    new_date: date | None,
    new_start: time | None,
    new_end: time | None,
    reason: str | None,
) -> m.PermanenceException:
    reason = fields.line(reason, "--reason")
    lock(db, m.Permanence, permanence.id)
    _require_occurrence(db, permanence, day)
    if new_date is None and new_start is None and new_end is None:
        raise InvalidData("permanence.nothing_to_move")
    same_times = (new_start or permanence.start_time, new_end or permanence.end_time) == (
        permanence.start_time,
        permanence.end_time,
    )
    if new_date in (None, day) and same_times:
        raise InvalidData("permanence.move_nowhere", day=day)
    if _existing_change(db, permanence, day) is not None:
        raise Conflict("permanence.already_changed", date=day, permanence=permanence.id)
    start = new_start or permanence.start_time
    end = new_end or permanence.end_time
    fields.in_order(start, end, "--end", strict=True)
    assert permanence.id is not None
    touch(db, permanence.id, day)
    change = m.PermanenceException(
        permanence_id=permanence.id,
        occurrence_date=day,
        action=sch.MOVED,
        new_date=new_date or day,
        new_start=new_start,
        new_end=new_end,
        reason=reason,
        created_at=datetime.now(UTC),
    )
    db.add(change)
    return change


def undo(db: Session, permanence: m.Permanence, day: date) -> str:
    lock(db, m.Permanence, permanence.id)
    change = _existing_change(db, permanence, day)
    if change is None:
        raise NotFound("permanence.nothing_to_undo", date=day, permanence=permanence.id)
    touch(db, change.permanence_id, day)
    db.delete(change)
    return change.action


def original_date(db: Session, permanence: m.Permanence, day: date) -> date:
    """The occurrence that takes place on `day`, known by its original date: the regular one
    when it still takes place that day, else one moved there."""
    change = _existing_change(db, permanence, day)
    regular = sch.is_occurrence(_slot(db, permanence), day)
    if regular and (change is None or (change.action == sch.MOVED and change.new_date == day)):
        return day
    moved = db.exec(
        select(m.PermanenceException).where(
            m.PermanenceException.permanence_id == permanence.id,
            m.PermanenceException.action == sch.MOVED,
            m.PermanenceException.new_date == day,
        )
    ).first()
    if moved is not None:
        return moved.occurrence_date
    _require_occurrence(db, permanence, day)
    if change is None or change.action == sch.CANCELLED:
        raise Conflict("permanence.was_cancelled", date=day, permanence=permanence.id)
    raise Conflict("permanence.was_moved", date=day, permanence=permanence.id, to=change.new_date)


def log(
    db: Session,
    permanence: m.Permanence,
    day: date,
    visitors: int,
    requests: dict[str, int],
    note: str | None,
    *,
    today: date,
    moved_from: date | None = None,
) -> tuple[m.PermanenceOutcome, bool]:
    """Record (or correct) what happened at an occurrence; True when it replaced a record."""
    note = fields.note(note, "--note")
    lock(db, m.Permanence, permanence.id)  # read-then-replace of the occurrence's record
    if not 0 <= visitors <= MAX_VISITORS:
        raise InvalidData("permanence.bad_visitors", visitors=visitors, maximum=MAX_VISITORS)
    if day > today:
        raise InvalidData("permanence.log_in_future", date=day)
    for code, count in requests.items():
        if db.get(m.Operator, code) is None:
            raise NotFound("permanence.unknown_operator", operator=code)
        if not 0 <= count <= MAX_VISITORS:
            raise InvalidData(
                "permanence.bad_requests", operator=code, count=count, maximum=MAX_VISITORS
            )
    if moved_from is not None:
        change = _existing_change(db, permanence, moved_from)
        if change is None or change.action != sch.MOVED or change.new_date != day:
            raise InvalidData(
                "permanence.not_moved", permanence=permanence.id, start=moved_from, date=day
            )
        original = moved_from
    else:
        original = original_date(db, permanence, day)
    assert permanence.id is not None
    absences.check_present(db, permanence, day)
    touch(db, permanence.id, original, bump=False)
    existing = db.exec(
        select(m.PermanenceOutcome).where(
            m.PermanenceOutcome.permanence_id == permanence.id,
            m.PermanenceOutcome.occurrence_date == original,
        )
    ).first()
    if existing is not None:
        existing.visitors = visitors
        existing.requests = dict(sorted(requests.items()))
        existing.note = note
        return existing, True
    outcome = m.PermanenceOutcome(
        permanence_id=permanence.id,
        occurrence_date=original,
        visitors=visitors,
        requests=dict(sorted(requests.items())),
        note=note,
        created_at=datetime.now(UTC),
    )
    db.add(outcome)
    return outcome, False
