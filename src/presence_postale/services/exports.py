"""Exports: the sites as rows (the whole database as a records file: `records_export`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain.history import Timeline, labels_held
from presence_postale.store import models as m
from presence_postale.store import queries, versions


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
    queries.require_department(db, department)
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
