"""Apply a records file (the seed's schema) to the database: upserts, all or nothing.

Each record has a natural key; a record already present with the same values is left alone, so
loading a file twice changes nothing. References (a permanence's site, agent, programme) must
name records already in the database or earlier in the file; every error names the file's line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, SQLModel, select

from presence_postale.domain import booking, hours, vocab
from presence_postale.domain import mediation as mediation_rules
from presence_postale.domain.history import RECORDS
from presence_postale.domain.recurrence import validate_rule
from presence_postale.domain.text import search_key
from presence_postale.errors import InvalidData
from presence_postale.formats.seed import Item, Records
from presence_postale.services import site_history
from presence_postale.store import models as m
from presence_postale.store.db import BULK_WRITE, exclusive


@dataclass
class Summary:
    """What a load did, per section: created / updated / unchanged."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, section: str, outcome: str) -> None:
        self.counts.setdefault(section, Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total("created") or self.total("updated"))

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "section": section,
                "created": counter["created"],
                "updated": counter["updated"],
                "unchanged": counter["unchanged"],
            }
            for section, counter in self.counts.items()
        ]


def now() -> datetime:
    return datetime.now(UTC)


def apply(db: Session, records: Records) -> Summary:
    """Upsert every record of the file in `db` (the caller owns the transaction)."""
    exclusive(db, BULK_WRITE)  # upserts read, then insert what is missing: one load at a time
    summary = Summary()
    for section, items in records:
        loader = _LOADERS[section]
        for item in items:
            summary.add(section, loader(db, item))
        db.flush()
    return summary


def _sync(obj: SQLModel, values: dict[str, Any]) -> bool:
    """Set the values that differ; True when anything changed."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def _upsert(db: Session, model: type[SQLModel], key: Any, values: dict[str, Any]) -> str:
    existing = db.get(model, key)
    if existing is None:
        db.add(model(**values))
        return "created"
    return "updated" if _sync(existing, values) else "unchanged"


def _require(db: Session, model: type[SQLModel], key: Any, item: Item, field: str) -> None:
    if key is not None and db.get(model, key) is None:
        raise item.error(field, f"'{key}' does not exist")


def _vocab(item: Item, name: str, field: str) -> Any:
    value = item.values[field]
    if value is None:
        return None
    try:
        if isinstance(value, list):
            return [vocab.check(name, v, field) for v in value]
        return vocab.check(name, value, field)
    except Exception as error:
        raise item.error(field, error) from None


def _illustrative(v: dict[str, Any]) -> dict[str, Any]:
    """The illustrative flag and its reason; a reason alone marks the record illustrative."""
    reason = v["illustrative_reason"]
    return {
        "illustrative": bool(v["illustrative"]) or reason is not None,
        "illustrative_reason": reason,
    }


def _operators(db: Session, item: Item, field: str = "operators") -> list[str]:
    codes: list[str] = item.values[field] or []
    for code in codes:
        if db.get(m.Operator, code) is None:
            raise item.error(field, f"unknown operator '{code}'")
    if len(set(codes)) != len(codes):
        raise item.error(field, "lists an operator twice")
    return codes


# ---- one loader per section -----------------------------------------------------------------


def _department(db: Session, item: Item) -> str:
    v = item.values
    return _upsert(db, m.Department, v["code"], {"code": v["code"], "name": v["name"]})


def _operator(db: Session, item: Item) -> str:
    v = item.values
    return _upsert(db, m.Operator, v["code"], {"code": v["code"], "name": v["name"]})


def _site(db: Session, item: Item) -> str:
    v = item.values
    kind = _vocab(item, "site_kind", "kind")
    _require(db, m.Department, v["department"], item, "department")
    if v["opening_hours"] is not None:
        try:
            hours.validate(v["opening_hours"])
        except Exception as error:
            raise item.error("opening_hours", str(error)) from None
    for coordinate, bound in (("latitude", 90), ("longitude", 180)):
        if v[coordinate] is not None and not -bound <= v[coordinate] <= bound:
            raise item.error(coordinate, f"{v[coordinate]} is out of range")
    if v["staff_count"] is not None and v["staff_count"] < 0:
        raise item.error("staff_count", "must not be negative")
    labels = v["labels"] or []
    for label in labels:
        try:
            vocab.check("site_label", label["label"], "labels")
        except Exception as error:
            raise item.error("labels", error) from None
    equipment = _vocab(item, "equipment", "equipment") or []
    operators = _operators(db, item)
    values = {
        "id": v["id"],
        "name": v["name"],
        "name_key": search_key(v["name"]),
        "kind": kind,
        "address": v["address"],
        "address_extra": v["address_extra"],
        "locality": v["locality"],
        "postcode": v["postcode"],
        "commune": v["commune"],
        "commune_key": search_key(v["commune"]) if v["commune"] else None,
        "insee_code": v["insee_code"],
        "department_code": v["department"],
        "latitude": v["latitude"],
        "longitude": v["longitude"],
        "parent_id": v["parent"],
        "phone": v["phone"],
        "email": v["email"],
        "note": v["note"],
        "source": v["source"] or "seed",
        **_illustrative(v),
    }
    site = db.get(m.Site, v["id"])
    stamp = now()
    if site is None:
        db.add(m.Site(**values, created_at=stamp, updated_at=stamp))
        outcome = "created"
    else:
        outcome = "updated" if _sync(site, values) else "unchanged"
    db.flush()
    # The file's hours, staff count and labels are the site's since the beginning.
    links_changed = site_history.set_beginning(
        db,
        v["id"],
        v["opening_hours"],
        v["staff_count"],
        {
            vocab.check("site_label", lab["label"], "labels"): (lab["since"], lab["detail"])
            for lab in labels
        },
        source=RECORDS,
        now=stamp,
    )
    links_changed |= _replace_links(
        db, m.SiteEquipment, v["id"], {key: {} for key in equipment}, "equipment"
    )
    links_changed |= _replace_links(
        db, m.SiteOperator, v["id"], {key: {} for key in operators}, "operator_code"
    )
    if outcome == "unchanged" and links_changed:
        outcome = "updated"
    if outcome == "updated" and site is not None:
        site.updated_at = stamp
    return outcome


def _replace_links(
    db: Session,
    model: Any,
    site_id: str,
    wanted: dict[str, dict[str, Any]],
    key_field: str,
) -> bool:
    """Make the site's links exactly `wanted` (key -> extra values); True when that changed."""
    current = {
        getattr(row, key_field): row
        for row in db.exec(select(model).where(model.site_id == site_id))
    }
    changed = False
    for key, row in current.items():
        if key not in wanted:
            db.delete(row)
            changed = True
    for key, extra in wanted.items():
        if key in current:
            changed |= _sync(current[key], extra)
        else:
            db.add(model(site_id=site_id, **{key_field: key}, **extra))
            changed = True
    return changed


def _closure(db: Session, item: Item) -> str:
    v = item.values
    _require(db, m.Site, v["site"], item, "site")
    if v["end"] < v["start"]:
        raise item.error("end", f"{v['end']} is before start {v['start']}")
    existing = db.exec(
        select(m.Closure).where(
            m.Closure.site_id == v["site"],
            m.Closure.start_date == v["start"],
            m.Closure.end_date == v["end"],
        )
    ).first()
    if existing is None:
        db.add(
            m.Closure(
                site_id=v["site"],
                start_date=v["start"],
                end_date=v["end"],
                reason=v["reason"],
                created_at=now(),
            )
        )
        return "created"
    return "updated" if _sync(existing, {"reason": v["reason"]}) else "unchanged"


def _agent(db: Session, item: Item) -> str:
    v = item.values
    role = _vocab(item, "agent_role", "role")
    _require(db, m.Site, v["home_site"], item, "home_site")
    if v["weekly_hours"] is not None and not 0 <= v["weekly_hours"] <= 80:
        raise item.error("weekly_hours", f"{v['weekly_hours']} is not between 0 and 80")
    return _upsert(
        db,
        m.Agent,
        v["id"],
        {
            "id": v["id"],
            "name": v["name"],
            "name_key": search_key(v["name"] or ""),
            "role": role,
            "home_site_id": v["home_site"],
            "weekly_hours": v["weekly_hours"],
            "email": v["email"],
            "active": True if v["active"] is None else v["active"],
            "note": v["note"],
            **_illustrative(v),
            "source": "seed",
        },
    )


def _programme(db: Session, item: Item) -> str:
    v = item.values
    status = _vocab(item, "programme_status", "status")
    _require(db, m.Department, v["department"], item, "department")
    if v["planned_end"] is not None and v["planned_end"] < v["start"]:
        raise item.error("planned_end", f"{v['planned_end']} is before start {v['start']}")
    if v["funding_eur"] is not None and v["funding_eur"] < 0:
        raise item.error("funding_eur", "must not be negative")
    return _upsert(
        db,
        m.Programme,
        v["code"],
        {
            "code": v["code"],
            "title": v["title"],
            "model": v["model"],
            "department_code": v["department"],
            "start_date": v["start"],
            "start_precision": _vocab(item, "date_precision", "start_precision") or "day",
            "planned_end": v["planned_end"],
            "ended_on": v["ended_on"],
            "status": status,
            "funder": v["funder"],
            "funding_eur": v["funding_eur"],
            "description": v["description"],
            "source_document": v["source_document"],
            **_illustrative(v),
        },
    )


def _permanence(db: Session, item: Item) -> str:
    v = item.values
    _require(db, m.Programme, v["programme"], item, "programme")
    _require(db, m.Agent, v["agent"], item, "agent")
    _require(db, m.Site, v["site"], item, "site")
    if v["end"] <= v["start"]:
        raise item.error("end", f"{v['end']:%H:%M} is not after start {v['start']:%H:%M}")
    if v["valid_until"] is not None and v["valid_until"] < v["valid_from"]:
        raise item.error("valid_until", f"{v['valid_until']} is before valid_from")
    try:
        validate_rule(v["rrule"])
    except Exception as error:
        raise item.error("rrule", str(error)) from None
    operators = _operators(db, item)
    existing = db.exec(
        select(m.Permanence).where(
            m.Permanence.programme_code == v["programme"],
            m.Permanence.site_id == v["site"],
            m.Permanence.rrule == v["rrule"],
            m.Permanence.start_time == v["start"],
            m.Permanence.valid_from == v["valid_from"],
        )
    ).first()
    values = {
        "programme_code": v["programme"],
        "agent_id": v["agent"],
        "site_id": v["site"],
        "rrule": v["rrule"],
        "start_time": v["start"],
        "end_time": v["end"],
        "valid_from": v["valid_from"],
        "valid_until": v["valid_until"],
        "note": v["note"],
        **_illustrative(v),
    }
    if existing is None:
        permanence = m.Permanence(**values, created_at=now())
        db.add(permanence)
        db.flush()
        outcome = "created"
    else:
        permanence = existing
        outcome = "updated" if _sync(existing, values) else "unchanged"
    current = set(
        db.exec(
            select(m.PermanenceOperator.operator_code).where(
                m.PermanenceOperator.permanence_id == permanence.id
            )
        )
    )
    if current != set(operators):
        for row in db.exec(
            select(m.PermanenceOperator).where(m.PermanenceOperator.permanence_id == permanence.id)
        ):
            db.delete(row)
        db.flush()
        for code in operators:
            assert permanence.id is not None
            db.add(m.PermanenceOperator(permanence_id=permanence.id, operator_code=code))
        if outcome == "unchanged":
            outcome = "updated"
    return outcome


def _space(db: Session, item: Item) -> str:
    v = item.values
    _require(db, m.Site, v["site"], item, "site")
    categories = _vocab(item, "reservation_category", "categories") or []
    equipment = _vocab(item, "equipment", "equipment") or []
    capacity = 1 if v["capacity"] is None else v["capacity"]
    if v["opening_hours"] is not None:
        try:
            hours.validate(v["opening_hours"])
        except Exception as error:
            raise item.error("opening_hours", str(error)) from None
    if capacity < 1:
        raise item.error("capacity", "must be at least 1")
    for key in ("min_minutes", "max_minutes", "max_days_ahead", "cancel_cutoff_hours"):
        if v[key] is not None and v[key] < 0:
            raise item.error(key, "must not be negative")
    return _upsert(
        db,
        m.Space,
        v["id"],
        {
            "id": v["id"],
            "site_id": v["site"],
            "name": v["name"],
            "capacity": capacity,
            "equipment": equipment,
            "categories": categories,
            "booking_email": v["booking_email"],
            "min_minutes": v["min_minutes"],
            "max_minutes": v["max_minutes"],
            "max_days_ahead": v["max_days_ahead"],
            "max_hours_per_person_week": v["max_hours_per_person_week"],
            "cancel_cutoff_hours": v["cancel_cutoff_hours"],
            "opening_hours": v["opening_hours"],
            "note": v["note"],
            **_illustrative(v),
        },
    )


def _reservation(db: Session, item: Item) -> str:
    v = item.values
    _require(db, m.Space, v["space"], item, "space")
    category = _vocab(item, "reservation_category", "category")
    status = _vocab(item, "reservation_status", "status") if v["status"] else "confirmed"
    try:
        booking.check_range(v["start"], v["end"])
    except Exception as error:
        raise item.error("end", str(error)) from None
    existing = db.exec(
        select(m.Reservation).where(
            m.Reservation.space_id == v["space"],
            m.Reservation.start_at == v["start"],
            m.Reservation.end_at == v["end"],
            m.Reservation.email == v["email"],
            m.Reservation.person_name == v["person_name"],
        )
    ).first()
    values = {
        "space_id": v["space"],
        "start_at": v["start"],
        "end_at": v["end"],
        "person_name": v["person_name"],
        "email": v["email"],
        "category": category,
        "organisation": v["organisation"],
        "status": status,
        "channel": v["channel"] or "email",
    }
    if existing is None:
        db.add(m.Reservation(**values, created_at=now()))
        return "created"
    return "updated" if _sync(existing, values) else "unchanged"


# A session's fields as a records file names them (the checks' errors name these).
_SESSION_FIELDS = {
    **{name: name for name in mediation_rules.OPTION_NAMES},
    "type": "type",
    "duration": "duration_minutes",
}


def _mediation_session(db: Session, item: Item) -> str:
    from presence_postale.services.mediation import session_values

    v = item.values
    _require(db, m.Site, v["site"], item, "site")
    _require(db, m.Agent, v["mediator"], item, "mediator")
    _require(db, m.Programme, v["programme"], item, "programme")
    # A redirection written in words (older files) is read into the Coop's list.
    redirection, words = mediation_rules.read_redirection(v["redirection"])
    try:
        session = mediation_rules.check_session(
            mediation_rules.Given(
                session_type=v["type"],
                minutes=v["duration_minutes"],
                # The schema's default: a record without participants counts one person.
                participants=1 if v["participants"] is None else v["participants"],
                counts={name: v[name] or {} for name in mediation_rules.COUNTERS},
                themes=v["themes"] or [],
                procedure_details=v["procedure_details"],
                equipment=v["equipment"] or [],
                autonomy=v["autonomy"],
                place_type=v["place_type"],
                place_insee_code=v["place_insee_code"],
                redirection=redirection,
                workshop_title=v["workshop_title"],
                workshop_level=v["workshop_level"],
            ),
            _SESSION_FIELDS,
        )
    except InvalidData as error:
        raise item.error(error.params.get("field"), error) from None
    existing = db.exec(
        select(m.MediationSession).where(
            m.MediationSession.site_id == v["site"],
            m.MediationSession.mediator_id == v["mediator"],
            m.MediationSession.session_date == v["date"],
            m.MediationSession.start_time == v["start"],
        )
    ).first()
    values = {
        "site_id": v["site"],
        "mediator_id": v["mediator"],
        "programme_code": v["programme"],
        "session_date": v["date"],
        "start_time": v["start"],
        "device_model": v["device_model"],
        "redirection_detail": v["redirection_detail"] or words,
        "note": v["note"],
        **session_values(session),
    }
    if existing is None:
        db.add(m.MediationSession(**values, created_at=now()))
        return "created"
    return "updated" if _sync(existing, values) else "unchanged"


_LOADERS: dict[str, Callable[[Session, Item], str]] = {
    "departments": _department,
    "operators": _operator,
    "sites": _site,
    "closures": _closure,
    "agents": _agent,
    "programmes": _programme,
    "permanences": _permanence,
    "spaces": _space,
    "reservations": _reservation,
    "mediation_sessions": _mediation_session,
}
