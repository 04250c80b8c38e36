"""Exports: the sites as rows, and the whole database as a records file in the seed's schema.

A records export loads into an empty database (`init --no-seed`, then `import records`) and
exports again to the same bytes: every section in the schema's order, rows in a stable order,
values as the schema reads them, empty values left out.

What the schema cannot carry is not exported: timestamps, permanence exceptions and outcomes,
programme history, waitlists, a reservation's cancellation and attendance times, and the later
versions of a site's hours, staff count and labels (a site carries those valid since the
beginning).
Personal data — a reservation's person_name and email — is left out unless asked for
(`include_personal`), so that an export can be shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain.history import BEGINNING, Timeline, labels_held
from presence_postale.errors import NotFound
from presence_postale.store import models as m
from presence_postale.store import versions


def _links(db: Session, model: Any, key: str, site_ids: set[str] | None) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    statement = select(model).order_by(model.site_id, getattr(model, key))
    for row in db.exec(statement):
        if site_ids is None or row.site_id in site_ids:
            out.setdefault(row.site_id, []).append(row)
    return out


def sites(db: Session, *, today: date, department: str | None = None) -> list[dict[str, Any]]:
    """Every site (of one department), by department then id, with labels, equipment and
    operators as lists; hours, staff count and labels as they stand `today`."""
    if department is not None and db.get(m.Department, department) is None:
        raise NotFound(f"department '{department}' not found")
    statement = select(m.Site).order_by(col(m.Site.department_code), col(m.Site.id))
    if department is not None:
        statement = statement.where(m.Site.department_code == department)
    found = list(db.exec(statement))
    ids = {site.id for site in found} if department is not None else None
    labels = versions.labels_during(db, ids, today, today)
    hours = versions.hours_during(db, ids, today, today)
    staff = versions.staff_during(db, ids, today, today)
    equipment = _links(db, m.SiteEquipment, "equipment", ids)
    operators = _links(db, m.SiteOperator, "operator_code", ids)
    return [
        {
            "id": site.id,
            "name": site.name,
            "kind": site.kind,
            "address": site.address,
            "address_extra": site.address_extra,
            "locality": site.locality,
            "postcode": site.postcode,
            "commune": site.commune,
            "insee_code": site.insee_code,
            "department": site.department_code,
            "latitude": site.latitude,
            "longitude": site.longitude,
            "parent_id": site.parent_id,
            "phone": site.phone,
            "email": site.email,
            "opening_hours": _at(hours, site.id, today),
            "staff_count": _at(staff, site.id, today),
            "labels": labels_held(labels.get(site.id, {}), today, today),
            "equipment": [e.equipment for e in equipment.get(site.id, ())],
            "operators": [o.operator_code for o in operators.get(site.id, ())],
            "source": site.source,
        }
        for site in found
    ]


def _at(found: dict[str, Timeline[Any]], site_id: str, day: date) -> Any:
    timeline = found.get(site_id)
    return None if timeline is None else timeline.at(day)


# ---- records --------------------------------------------------------------------------------


def _clean(values: dict[str, Any], defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """Leave out empty values and booleans at their default; times and datetimes as text."""
    defaults = defaults or {}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None or value == [] or value == {} or value == "":
            continue
        if key in defaults and value == defaults[key]:
            continue
        if isinstance(value, datetime):
            value = value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
        elif isinstance(value, time):
            value = value.strftime("%H:%M")
        out[key] = value
    return out


_NOT_ILLUSTRATIVE = {"illustrative": False}


def records(db: Session, *, include_personal: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The database as the sections of a records file, in load order."""
    sections: dict[str, Callable[[Session, bool], Iterable[dict[str, Any]]]] = {
        "departments": _departments,
        "operators": _operators,
        "sites": _sites,
        "closures": _closures,
        "agents": _agents,
        "programmes": _programmes,
        "permanences": _permanences,
        "spaces": _spaces,
        "reservations": _reservations,
        "mediation_sessions": _mediation_sessions,
    }
    out = {}
    for name, build in sections.items():
        rows = list(build(db, include_personal))
        if rows:
            out[name] = rows
    return out


def _departments(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    for d in db.exec(select(m.Department).order_by(m.Department.code)):
        yield {"code": d.code, "name": d.name}


def _operators(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    for o in db.exec(select(m.Operator).order_by(m.Operator.code)):
        yield {"code": o.code, "name": o.name}


def _sites(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    """The sites; their hours, staff count and labels as valid since the beginning (the
    records schema carries one value of each: a later version is not exported)."""
    labels = versions.labels_during(db, None, BEGINNING, BEGINNING)
    hours = versions.hours_during(db, None, BEGINNING, BEGINNING)
    staff = versions.staff_during(db, None, BEGINNING, BEGINNING)
    equipment = _links(db, m.SiteEquipment, "equipment", None)
    operators = _links(db, m.SiteOperator, "operator_code", None)
    for s in db.exec(select(m.Site).order_by(m.Site.id)):
        site_labels = []
        for code, timeline in sorted(labels.get(s.id, {}).items()):
            lab = timeline.at(BEGINNING)
            if lab is None or not lab.held:
                continue
            site_labels.append(
                code
                if lab.since is None and lab.detail is None
                else _clean({"label": code, "since": lab.since, "detail": lab.detail})
            )
        yield _clean(
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "address": s.address,
                "address_extra": s.address_extra,
                "locality": s.locality,
                "postcode": s.postcode,
                "commune": s.commune,
                "insee_code": s.insee_code,
                "department": s.department_code,
                "latitude": s.latitude,
                "longitude": s.longitude,
                "parent": s.parent_id,
                "phone": s.phone,
                "email": s.email,
                "opening_hours": _at(hours, s.id, BEGINNING),
                "staff_count": _at(staff, s.id, BEGINNING),
                "labels": site_labels,
                "equipment": [e.equipment for e in equipment.get(s.id, ())],
                "operators": [o.operator_code for o in operators.get(s.id, ())],
                "note": s.note,
                "source": s.source,
                "illustrative": s.illustrative,
                "illustrative_reason": s.illustrative_reason,
            },
            _NOT_ILLUSTRATIVE,
        )


def _closures(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    statement = select(m.Closure).order_by(
        col(m.Closure.site_id), col(m.Closure.start_date), col(m.Closure.end_date)
    )
    for c in db.exec(statement):
        yield _clean(
            {"site": c.site_id, "start": c.start_date, "end": c.end_date, "reason": c.reason}
        )


def _agents(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    for a in db.exec(select(m.Agent).order_by(m.Agent.id)):
        yield _clean(
            {
                "id": a.id,
                "name": a.name,
                "role": a.role,
                "home_site": a.home_site_id,
                "weekly_hours": a.weekly_hours,
                "email": a.email,
                "active": a.active,
                "note": a.note,
                "illustrative": a.illustrative,
                "illustrative_reason": a.illustrative_reason,
            },
            {"active": True, "illustrative": False},
        )


def _programmes(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    for p in db.exec(select(m.Programme).order_by(m.Programme.code)):
        yield _clean(
            {
                "code": p.code,
                "title": p.title,
                "model": p.model,
                "department": p.department_code,
                "start": p.start_date,
                "start_precision": p.start_precision,
                "planned_end": p.planned_end,
                "ended_on": p.ended_on,
                "status": p.status,
                "funder": p.funder,
                "funding_eur": p.funding_eur,
                "description": p.description,
                "source_document": p.source_document,
                "illustrative": p.illustrative,
                "illustrative_reason": p.illustrative_reason,
            },
            {**_NOT_ILLUSTRATIVE, "start_precision": "day"},
        )


def _permanences(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    operators: dict[int, list[str]] = {}
    for link in db.exec(
        select(m.PermanenceOperator).order_by(
            col(m.PermanenceOperator.permanence_id), col(m.PermanenceOperator.operator_code)
        )
    ):
        operators.setdefault(link.permanence_id, []).append(link.operator_code)
    statement = select(m.Permanence).order_by(
        col(m.Permanence.programme_code),
        col(m.Permanence.site_id),
        col(m.Permanence.valid_from),
        col(m.Permanence.start_time),
        col(m.Permanence.rrule),
        col(m.Permanence.id),
    )
    for p in db.exec(statement):
        yield _clean(
            {
                "programme": p.programme_code,
                "agent": p.agent_id,
                "site": p.site_id,
                "rrule": p.rrule,
                "start": p.start_time,
                "end": p.end_time,
                "valid_from": p.valid_from,
                "valid_until": p.valid_until,
                "operators": operators.get(p.id or 0, []),
                "note": p.note,
                "illustrative": p.illustrative,
                "illustrative_reason": p.illustrative_reason,
            },
            _NOT_ILLUSTRATIVE,
        )


def _spaces(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    for s in db.exec(select(m.Space).order_by(m.Space.id)):
        yield _clean(
            {
                "id": s.id,
                "site": s.site_id,
                "name": s.name,
                "capacity": s.capacity,
                "equipment": list(s.equipment),
                "categories": list(s.categories),
                "booking_email": s.booking_email,
                "min_minutes": s.min_minutes,
                "max_minutes": s.max_minutes,
                "max_days_ahead": s.max_days_ahead,
                "max_hours_per_person_week": s.max_hours_per_person_week,
                "cancel_cutoff_hours": s.cancel_cutoff_hours,
                "opening_hours": s.opening_hours,
                "note": s.note,
                "illustrative": s.illustrative,
                "illustrative_reason": s.illustrative_reason,
            },
            {**_NOT_ILLUSTRATIVE, "capacity": 1},
        )


def _reservations(db: Session, personal: bool) -> Iterable[dict[str, Any]]:
    statement = select(m.Reservation).order_by(
        col(m.Reservation.space_id),
        col(m.Reservation.start_at),
        col(m.Reservation.end_at),
        col(m.Reservation.id),
    )
    for r in db.exec(statement):
        yield _clean(
            {
                "space": r.space_id,
                "start": r.start_at,
                "end": r.end_at,
                "person_name": r.person_name if personal else None,
                "email": r.email if personal else None,
                "category": r.category,
                "organisation": r.organisation,
                "status": r.status,
                "channel": r.channel,
            },
            {"status": "confirmed", "channel": "email"},
        )


def _mediation_sessions(db: Session, _personal: bool) -> Iterable[dict[str, Any]]:
    statement = select(m.MediationSession).order_by(
        col(m.MediationSession.session_date),
        col(m.MediationSession.start_time),
        col(m.MediationSession.site_id),
        col(m.MediationSession.mediator_id),
        col(m.MediationSession.id),
    )
    for s in db.exec(statement):
        yield _clean(
            {
                "site": s.site_id,
                "mediator": s.mediator_id,
                "programme": s.programme_code,
                "date": s.session_date,
                "start": s.start_time,
                "duration_minutes": s.duration_minutes,
                "type": s.session_type,
                "participants": s.participants,
                "age_bands": dict(s.age_bands),
                "social_statuses": dict(s.social_statuses),
                "themes": list(s.themes),
                "equipment": list(s.equipment),
                "device_model": s.device_model,
                "autonomy": s.autonomy,
                "redirection": s.redirection,
                "note": s.note,
            },
            {"participants": 1},
        )
