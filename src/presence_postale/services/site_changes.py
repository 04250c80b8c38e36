"""Changes to the site registry: add, update, remove a site, and record a closure. A site's
opening hours, staff count and labels are dated: they are written as versions of their
histories (`site_history`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from presence_postale.domain import fields, validators, vocab
from presence_postale.domain.history import BEGINNING
from presence_postale.domain.text import slugify
from presence_postale.errors import Conflict, InvalidData, Message, NotFound, UsageError
from presence_postale.services import site_history
from presence_postale.store import models as m
from presence_postale.store import queries
from presence_postale.store.db import lock


@dataclass(frozen=True)
class SiteChanges:
    """Fields to set (None: leave as is) and codes to add to or remove from the site's
    labels, equipment and operators. The opening hours, staff count and labels are dated:
    they hold from `valid_from` on (None: today for a change, since the beginning for a new
    site)."""

    values: dict[str, Any]
    valid_from: date | None = None
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
        """Equipment or operators to change (labels are dated: `dated`)."""
        return any(
            (
                self.add_equipment,
                self.remove_equipment,
                self.add_operators,
                self.remove_operators,
            )
        )

    def dated(self, checked: dict[str, Any], default: date) -> site_history.Dated:
        """The dated values of `checked` (popped from it) and the labels, from `valid_from`
        (or `default`) on."""
        return site_history.Dated(
            self.valid_from or default,
            hours=checked.pop("opening_hours", None),
            staff=checked.pop("staff_count", None),
            add_labels=self.add_labels,
            remove_labels=self.remove_labels,
        )


# How the command line names each field of a site, for messages.
OPTIONS = {
    "id": "site id",
    "name": "--name",
    "kind": "--kind",
    "address": "--address",
    "postcode": "--postcode",
    "commune": "--commune",
    "insee_code": "--insee",
    "department_code": "--department",
    "latitude": "--lat",
    "longitude": "--lon",
    "opening_hours": "--hours",
    "staff_count": "--staff",
    "email": "--email",
    "note": "--note",
}


def _checked(
    db: Session, values: dict[str, Any], *, partial: bool, current: m.Site | None = None
) -> dict[str, Any]:
    """The domain's site validator, its refusals named as the options are, then the
    references it cannot check (the department exists)."""
    given = {k: v for k, v in values.items() if k != "overnight"}
    stored = {"insee_code": current.insee_code} if current is not None else None
    with fields.naming(OPTIONS):
        out = validators.site(
            given, partial=partial, overnight=bool(values.get("overnight")), current=stored
        )
    if not partial:
        out = {k: v for k, v in out.items() if v is not None}
    queries.require_department(db, out.get("department_code"))
    return out


def add(db: Session, site_id: str | None, changes: SiteChanges) -> m.Site:
    """A new site; without an id, one is made of its name (`Mairie de Vigny` ->
    `mairie-de-vigny`). An id given empty is refused, never replaced. Its hours, staff count
    and labels start histories (from `changes.valid_from`, default since the beginning)."""
    values = changes.given
    new_id = site_id
    if site_id is None and values.get("name"):
        new_id = slugify(str(values["name"]))
        if not new_id:
            raise InvalidData("site.no_id")
    checked = _checked(db, {**values, "id": new_id}, partial=False)
    new_id = checked.pop("id")
    dated = changes.dated(checked, BEGINNING)
    if db.get(m.Site, new_id) is not None:
        raise Conflict("site.exists", site=new_id)
    # `sites show 17510a` finds 17510A: a second site of that id but for its case could not
    # be told apart by the commands that find the first.
    twins = queries.ids_in_any_case(db, m.Site, new_id, limit=1)
    if twins:
        raise Conflict("site.exists_in_other_case", site=new_id, existing=twins[0])
    stamp = datetime.now(UTC)
    checked.setdefault("source", "manual")
    site = m.Site(id=new_id, **checked, created_at=stamp, updated_at=stamp)
    db.add(site)
    db.flush()
    site_history.apply(db, site, dated)
    _apply_links(db, site, changes)
    return site


def update(
    db: Session, site: m.Site, changes: SiteChanges, *, today: date
) -> list[site_history.Outcome]:
    """Change the site; its hours, staff count and labels from `changes.valid_from` (default
    `today`) on. Returns what each dated value's history became."""
    checked = _checked(db, changes.given, partial=True, current=site)
    dated = changes.dated(checked, today)
    if changes.valid_from is not None and not dated:
        raise UsageError("site.from_alone")
    if not checked and not dated and not changes.links:
        raise InvalidData("value.nothing_to_update")
    for key, value in checked.items():
        setattr(site, key, value)
    if checked.get("illustrative") is False:  # the values are real now: no reason left
        site.illustrative_reason = None
    outcomes = site_history.apply(db, site, dated) if dated else []
    _apply_links(db, site, changes)
    site.updated_at = datetime.now(UTC)
    return outcomes


def _apply_links(db: Session, site: m.Site, changes: SiteChanges) -> None:
    """Equipment and operators (labels are dated: `site_history`)."""
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


CLOSURE_OPTIONS = {"start_date": "--from", "end_date": "--to", "reason": "--reason"}


def add_closure(db: Session, site: m.Site, start: date, end: date, reason: str) -> m.Closure:
    values = {"site_id": site.id, "start_date": start, "end_date": end, "reason": reason}
    with fields.naming(CLOSURE_OPTIONS):
        checked = validators.closure(values)
    reason = checked["reason"]
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
