"""Changes to the site registry: add, update, remove a site, and record a closure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from presence_postale.domain import hours as oh
from presence_postale.domain import vocab
from presence_postale.domain.text import search_key, slugify
from presence_postale.errors import Conflict, InvalidData, Message, NotFound
from presence_postale.store import models as m
from presence_postale.store import queries
from presence_postale.store.db import lock


@dataclass(frozen=True)
class SiteChanges:
    """Fields to set (None: leave as is) and codes to add to or remove from the site's
    labels, equipment and operators."""

    values: dict[str, Any]
    add_labels: tuple[str, ...] = ()
    remove_labels: tuple[str, ...] = ()
    add_equipment: tuple[str, ...] = ()
    remove_equipment: tuple[str, ...] = ()
    add_operators: tuple[str, ...] = ()
    remove_operators: tuple[str, ...] = ()
    given: dict[str, Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        given = {k: v for k, v in self.values.items() if v is not None}
        object.__setattr__(self, "given", given)

    @property
    def links(self) -> bool:
        return any(
            (
                self.add_labels,
                self.remove_labels,
                self.add_equipment,
                self.remove_equipment,
                self.add_operators,
                self.remove_operators,
            )
        )


def _bounded(values: dict[str, Any], key: str, option: str, low: float, high: float) -> None:
    value = values.get(key)
    if value is not None and not low <= value <= high:  # NaN too
        raise InvalidData(
            "value.out_of_range", option=option, value=value, minimum=low, maximum=high
        )


def _checked(db: Session, values: dict[str, Any]) -> dict[str, Any]:
    """The values to set, checked, with the search keys of the name and commune."""
    out = dict(values)
    if out.get("name") is not None:
        out["name"] = out["name"].strip()
        if not out["name"]:
            raise InvalidData("value.empty", option="--name")
        out["name_key"] = search_key(out["name"])
    if out.get("commune") is not None:
        out["commune_key"] = search_key(out["commune"])
    if out.get("kind") is not None:
        out["kind"] = vocab.check("site_kind", out["kind"], "--kind")
    queries.require_department(db, out.get("department_code"))
    if out.get("opening_hours") is not None:
        out["opening_hours"] = oh.validate(out["opening_hours"])
    _bounded(out, "latitude", "--lat", -90, 90)
    _bounded(out, "longitude", "--lon", -180, 180)
    _bounded(out, "staff_count", "--staff", 0, 1000)
    postcode = out.get("postcode")
    if postcode is not None and not (postcode.isdigit() and len(postcode) == 5):
        raise InvalidData("value.bad_postcode", option="--postcode", value=postcode)
    return out


def add(db: Session, site_id: str | None, changes: SiteChanges) -> m.Site:
    values = changes.given
    for required, option in (("name", "--name"), ("kind", "--kind")):
        if not values.get(required):
            raise InvalidData("site.needs", option=option)
    checked = _checked(db, values)
    new_id = (site_id or slugify(f"{checked['name']}")).strip()
    if not new_id:
        raise InvalidData("site.empty_id")
    if any(ch.isspace() or not ch.isprintable() for ch in new_id):
        raise InvalidData("site.bad_id", site=repr(new_id))
    if db.get(m.Site, new_id) is not None:
        raise Conflict("site.exists", site=new_id)
    stamp = datetime.now(UTC)
    site = m.Site(id=new_id, **checked, source="manual", created_at=stamp, updated_at=stamp)
    db.add(site)
    db.flush()
    _apply_links(db, site, changes)
    return site


def update(db: Session, site: m.Site, changes: SiteChanges) -> m.Site:
    checked = _checked(db, changes.given)
    if not checked and not changes.links:
        raise InvalidData("value.nothing_to_update")
    for key, value in checked.items():
        setattr(site, key, value)
    if checked.get("illustrative") is False:  # the values are real now: no reason left
        site.illustrative_reason = None
    _apply_links(db, site, changes)
    site.updated_at = datetime.now(UTC)
    return site


def _apply_links(db: Session, site: m.Site, changes: SiteChanges) -> None:
    for label in changes.add_labels:
        label = vocab.check("site_label", label, "--label")
        if db.get(m.SiteLabel, (site.id, label)) is None:
            db.add(m.SiteLabel(site_id=site.id, label=label))
    for item in changes.add_equipment:
        item = vocab.check("equipment", item, "--equipment")
        if db.get(m.SiteEquipment, (site.id, item)) is None:
            db.add(m.SiteEquipment(site_id=site.id, equipment=item))
    for code in changes.add_operators:
        if db.get(m.Operator, code) is None:
            raise NotFound("operator.not_found", operator=code)
        if db.get(m.SiteOperator, (site.id, code)) is None:
            db.add(m.SiteOperator(site_id=site.id, operator_code=code))
    removals: list[tuple[Any, tuple[str, ...], str]] = [
        (m.SiteLabel, changes.remove_labels, "site.no_label"),
        (m.SiteEquipment, changes.remove_equipment, "site.no_equipment"),
        (m.SiteOperator, changes.remove_operators, "site.no_operator"),
    ]
    for model, codes, missing in removals:
        for code in codes:
            row = db.get(model, (site.id, code))
            if row is None:
                raise NotFound(missing, site=site.id, code=code)
            db.delete(row)


def references(db: Session, site: m.Site) -> list[Message]:
    """What refers to the site and would be left dangling by its removal."""
    checks: list[tuple[str, Any, Any]] = [
        ("site.used_by_permanences", m.Permanence, m.Permanence.site_id),
        ("site.used_by_agents", m.Agent, m.Agent.home_site_id),
        ("site.used_by_spaces", m.Space, m.Space.site_id),
        ("site.used_by_sessions", m.MediationSession, m.MediationSession.site_id),
        ("site.used_by_sites", m.Site, m.Site.parent_id),
    ]
    found = []
    for key, model, column in checks:
        count = db.exec(select(func.count()).select_from(model).where(column == site.id)).one()
        if count:
            found.append(Message(key, {"count": count}))
    return found


def remove(db: Session, site: m.Site) -> None:
    refs = references(db, site)
    if refs:
        raise Conflict("site.still_used", site=site.id, references=refs)
    db.delete(site)


# ---- closures ---------------------------------------------------------------------------------


def add_closure(db: Session, site: m.Site, start: date, end: date, reason: str) -> m.Closure:
    if end < start:
        raise InvalidData("closure.end_before_start", start=start, end=end)
    reason = reason.strip()
    if not reason:
        raise InvalidData("value.empty", option="--reason")
    lock(db, m.Site, site.id)  # the duplicate check and the insert, atomic
    for existing in queries.closures_by_site(db, [site.id], start, end).get(site.id, []):
        if existing.start == start and existing.end == end:
            raise Conflict(
                "site.already_closed", site=site.id, start=start, end=end, reason=existing.reason
            )
    closure = m.Closure(
        site_id=site.id, start_date=start, end_date=end, reason=reason, created_at=datetime.now(UTC)
    )
    db.add(closure)
    db.flush()
    return closure
