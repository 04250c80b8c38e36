"""Programmes: the pilots, their dates, funding, extensions and end."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from presence_postale.domain import fields, validators, vocab
from presence_postale.errors import Conflict, InvalidData, NotFound
from presence_postale.store import models as m
from presence_postale.store import queries


def get(db: Session, code: str) -> m.Programme:
    programme = db.get(m.Programme, code.strip()) or queries.in_any_case(
        db, m.Programme, code.strip()
    )
    if programme is None:
        raise NotFound("programme.not_found", programme=code)
    return programme


def horizon(programme: m.Programme) -> date | None:
    """The last day the programme runs: its end if ended, else its planned end (None: open)."""
    return programme.ended_on or programme.planned_end


def listing(
    db: Session, *, department: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    if status is not None:
        status = vocab.check("programme_status", status, "--status")
    queries.require_department(db, department)
    statement = select(m.Programme)
    if department is not None:
        statement = statement.where(m.Programme.department_code == department)
    if status is not None:
        statement = statement.where(m.Programme.status == status)
    counts = dict(
        db.exec(
            select(m.Permanence.programme_code, func.count()).group_by(m.Permanence.programme_code)
        ).all()
    )
    return [
        row(p, counts.get(p.code, 0))
        for p in db.exec(statement.order_by(col(m.Programme.start_date), col(m.Programme.code)))
    ]


def row(programme: m.Programme, permanences: int) -> dict[str, Any]:
    return {
        "code": programme.code,
        "title": programme.title,
        "model": programme.model,
        "department": programme.department_code,
        "start": programme.start_date,
        "start_precision": programme.start_precision,
        "planned_end": programme.planned_end,
        "ended_on": programme.ended_on,
        "status": programme.status,
        "funder": programme.funder,
        "funding_eur": programme.funding_eur,
        "permanences": permanences,
        "illustrative": programme.illustrative,
        "illustrative_reason": programme.illustrative_reason,
    }


def detail(db: Session, programme: m.Programme) -> dict[str, Any]:
    count = db.exec(
        select(func.count())
        .select_from(m.Permanence)
        .where(m.Permanence.programme_code == programme.code)
    ).one()
    data = row(programme, count)
    data["description"] = programme.description
    data["source_document"] = programme.source_document
    data["changes"] = [
        {
            "date": c.changed_on,
            "action": c.action,
            "previous_end": c.previous_end,
            "new_end": c.new_end,
            "reason": c.reason,
        }
        for c in db.exec(
            select(m.ProgrammeChange)
            .where(m.ProgrammeChange.programme_code == programme.code)
            .order_by(col(m.ProgrammeChange.changed_on), col(m.ProgrammeChange.id))
        )
    ]
    return data


OPTIONS = {
    "code": "programme code",
    "title": "--title",
    "model": "--model",
    "department_code": "--department",
    "start_date": "--start",
    "planned_end": "--planned-end",
    "status": "--status",
    "funder": "--funder",
    "funding_eur": "--funding",
    "description": "--description",
}


def add(db: Session, values: dict[str, Any]) -> m.Programme:
    with fields.naming(OPTIONS):
        checked = validators.programme({"status": "planned", **values})
    code = checked["code"]
    if db.get(m.Programme, code) is not None:
        raise Conflict("programme.exists", programme=code)
    twins = queries.ids_in_any_case(db, m.Programme, code, limit=1)
    if twins:
        raise Conflict("id.exists_in_other_case", new=code, existing=twins[0])
    queries.require_department(db, checked.get("department_code"))
    programme = m.Programme(**checked)
    db.add(programme)
    db.flush()
    return programme


def extend(
    db: Session, programme: m.Programme, until: date, on: date, reason: str | None
) -> m.Programme:
    """Push the planned end to `until`; its permanences' horizon follows."""
    reason = fields.line(reason, "--reason")
    validators.programme_end(programme.start_date, until, "--until")
    if programme.status == "ended":
        raise Conflict(
            "programme.ended_not_extended", programme=programme.code, date=programme.ended_on
        )
    if until < programme.start_date:
        raise InvalidData(
            "programme.before_start", option="--until", date=until, start=programme.start_date
        )
    if programme.planned_end is not None and until <= programme.planned_end:
        raise InvalidData("programme.not_after_end", date=until, end=programme.planned_end)
    _record(db, programme, "extend", on, until, reason)
    programme.planned_end = until
    programme.status = "extended"
    return programme


def end(db: Session, programme: m.Programme, on: date, reason: str | None) -> m.Programme:
    """End the programme on `on` (its last day); no occurrence is scheduled after it."""
    reason = fields.line(reason, "--reason")
    if programme.status == "ended":
        raise Conflict("programme.already_ended", programme=programme.code, date=programme.ended_on)
    if on < programme.start_date:
        raise InvalidData(
            "programme.before_start", option="--on", date=on, start=programme.start_date
        )
    _record(db, programme, "end", on, on, reason)
    programme.ended_on = on
    programme.status = "ended"
    return programme


def _record(
    db: Session, programme: m.Programme, action: str, on: date, new_end: date, reason: str | None
) -> None:
    """The change in the programme's history, with the planned end it replaces."""
    db.add(
        m.ProgrammeChange(
            programme_code=programme.code,
            changed_on=on,
            action=action,
            previous_end=programme.planned_end,
            new_end=new_end,
            reason=reason,
            created_at=datetime.now(UTC),
        )
    )
