"""The site registry: look-ups, listings, changes, hours, closures, nearest sites."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from presence_postale.domain import fields, validators, vocab
from presence_postale.domain import hours as oh
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.geo import haversine_km
from presence_postale.domain.history import BEGINNING, Timeline, labels_held
from presence_postale.domain.text import matches, search_key, slugify
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Ambiguous, Conflict, InvalidData, NotFound, UsageError
from presence_postale.services import site_history
from presence_postale.store import models as m
from presence_postale.store import versions
from presence_postale.store.db import lock

CANDIDATES_SHOWN = 8


# ---- look-ups -------------------------------------------------------------------------------


def search(
    db: Session, query: str, *, department: str | None = None, limit: int = 50
) -> list[m.Site]:
    """Sites whose name or commune matches `query`, forgiving accents, case and `St`."""
    fields.search(query, "search")  # bounded: a LIKE pattern has a limit too
    key = search_key(query)
    if not key:
        raise InvalidData("empty search: give part of a site's name or commune")
    longest = max(key.split(), key=len)
    statement = select(m.Site).where(
        or_(col(m.Site.name_key).contains(longest), col(m.Site.id) == query.strip().upper())
    )
    if department:
        statement = statement.where(m.Site.department_code == department)
    found = [
        site
        for site in db.exec(statement.order_by(m.Site.name_key, m.Site.id))
        if site.id == query.strip().upper() or matches(query, site.name_key)
    ]
    # A commune's sites match too: "vigny" finds the Vigny office whatever its name.
    by_commune = select(m.Site).where(col(m.Site.commune_key).contains(longest))
    if department:
        by_commune = by_commune.where(m.Site.department_code == department)
    seen = {site.id for site in found}
    for site in db.exec(by_commune.order_by(m.Site.name_key, m.Site.id)):
        if site.id not in seen and site.commune_key and matches(query, site.commune_key):
            found.append(site)
            seen.add(site.id)
    return found[:limit] if limit else found


def get(db: Session, ref: str) -> m.Site:
    """A site by its id, else by a name that matches exactly one site."""
    ref = ref.strip()
    if not ref:
        raise InvalidData("empty site: give a site id or name")
    # No stored text holds a NUL (PostgreSQL's text cannot, and input refuses it): such a
    # reference matches nothing, without asking the database.
    site = None if "\x00" in ref else db.get(m.Site, ref) or db.get(m.Site, ref.upper())
    if site is not None:
        return site
    # No name is that long: such a reference matches nothing, without a search.
    searchable = "\x00" not in ref and len(ref) <= fields.SEARCH_MAX
    candidates = search(db, ref, limit=0) if searchable else []
    exact = [s for s in candidates if s.name_key == search_key(ref)]
    if len(exact) == 1:
        return exact[0]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFound("site.not_found", site=fields.shorten(ref))
    shown = ", ".join(f"{s.id} {s.name}" for s in candidates[:CANDIDATES_SHOWN])
    more = (
        f" and {len(candidates) - CANDIDATES_SHOWN} more"
        if len(candidates) > CANDIDATES_SHOWN
        else ""
    )
    raise Ambiguous(f"site '{ref}' is ambiguous: {shown}{more}")


# ---- listings -------------------------------------------------------------------------------


def listing(
    db: Session,
    *,
    today: date,
    department: str | None = None,
    kind: str | None = None,
    label: str | None = None,
    query: str | None = None,
) -> list[dict[str, Any]]:
    """Sites with their labels and hours in force `today`."""
    if kind is not None:
        kind = vocab.check("site_kind", kind, "--kind")
    if label is not None:
        label = vocab.check("site_label", label, "--label")
    if department is not None and db.get(m.Department, department) is None:
        raise NotFound(f"department '{department}' not found")
    if query is not None:  # an empty query is refused, not taken as no filter
        sites = search(db, query, department=department, limit=0)
    else:
        statement = select(m.Site)
        if department is not None:
            statement = statement.where(m.Site.department_code == department)
        sites = list(
            db.exec(statement.order_by(m.Site.department_code, m.Site.name_key, m.Site.id))
        )
    if kind is not None:
        sites = [s for s in sites if s.kind == kind]
    ids = [s.id for s in sites]
    labels = _labels_by_site(db, ids, today)
    if label is not None:
        sites = [s for s in sites if label in labels.get(s.id, ())]
    hours = versions.hours_during(db, ids, today, today)
    return [
        summary_row(site, labels.get(site.id, ()), hours.get(site.id, Timeline[str]()).at(today))
        for site in sites
    ]


def _labels_by_site(db: Session, site_ids: list[str], day: date) -> dict[str, list[str]]:
    """Each site's labels held on `day`."""
    return {
        site_id: held
        for site_id, labels in versions.labels_during(db, site_ids, day, day).items()
        if (held := labels_held(labels, day, day))
    }


def summary_row(site: m.Site, labels: Iterable[str], opening_hours: str | None) -> dict[str, Any]:
    return {
        "id": site.id,
        "name": site.name,
        "kind": site.kind,
        "commune": site.commune,
        "postcode": site.postcode,
        "department": site.department_code,
        "labels": list(labels),
        "opening_hours": opening_hours,
        "illustrative": site.illustrative,
        "illustrative_reason": site.illustrative_reason,
    }


def detail(db: Session, site: m.Site, *, today: date) -> dict[str, Any]:
    """Everything known about one site: its hours, staff count and labels in force `today`,
    and their histories."""
    equipment = list(
        db.exec(
            select(m.SiteEquipment.equipment)
            .where(m.SiteEquipment.site_id == site.id)
            .order_by(m.SiteEquipment.equipment)
        )
    )
    operators = list(
        db.exec(
            select(m.Operator)
            .join(m.SiteOperator, col(m.SiteOperator.operator_code) == col(m.Operator.code))
            .where(m.SiteOperator.site_id == site.id)
            .order_by(m.Operator.code)
        )
    )
    closures = list(
        db.exec(
            select(m.Closure)
            .where(m.Closure.site_id == site.id)
            .order_by(col(m.Closure.start_date))
        )
    )
    department = db.get(m.Department, site.department_code) if site.department_code else None
    parent = db.get(m.Site, site.parent_id) if site.parent_id else None
    spaces = list(
        db.exec(select(m.Space.id).where(m.Space.site_id == site.id).order_by(m.Space.id))
    )
    return {
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
        "department_name": department.name if department else None,
        "latitude": site.latitude,
        "longitude": site.longitude,
        "parent_id": site.parent_id,
        "parent_name": parent.name if parent else None,
        "phone": site.phone,
        "email": site.email,
        **site_history.in_force(db, site.id, today),
        "equipment": equipment,
        "operators": [{"code": op.code, "name": op.name} for op in operators],
        "closures": [
            {"id": c.id, "start": c.start_date, "end": c.end_date, "reason": c.reason}
            for c in closures
        ],
        "spaces": spaces,
        "note": site.note,
        "source": site.source,
        "illustrative": site.illustrative,
        "illustrative_reason": site.illustrative_reason,
        **site_history.history(db, site.id),
    }


# ---- changes --------------------------------------------------------------------------------

EDITABLE = (
    "name",
    "kind",
    "address",
    "address_extra",
    "locality",
    "postcode",
    "commune",
    "insee_code",
    "department_code",
    "latitude",
    "longitude",
    "parent_id",
    "phone",
    "email",
    "opening_hours",
    "staff_count",
    "note",
)


@dataclass
class SiteChanges:
    """Fields to set (None = leave as is) and link sets to add or remove. The opening hours,
    staff count and labels are dated: they hold from `valid_from` on (None: today for a
    change, since the beginning for a new site)."""

    values: dict[str, Any]
    valid_from: date | None = None
    add_labels: tuple[str, ...] = ()
    remove_labels: tuple[str, ...] = ()
    add_equipment: tuple[str, ...] = ()
    remove_equipment: tuple[str, ...] = ()
    add_operators: tuple[str, ...] = ()
    remove_operators: tuple[str, ...] = ()


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


def _validate_values(
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
    code = out.get("department_code")
    if code is not None and db.get(m.Department, code) is None:
        raise NotFound("department.not_found", department=code)
    return out


def add(db: Session, site_id: str | None, values: dict[str, Any], changes: SiteChanges) -> m.Site:
    """A new site; without an id, one is made of its name (`Mairie de Vigny` ->
    `mairie-de-vigny`). An id given empty is refused, never replaced. Its hours, staff count
    and labels start histories (from `changes.valid_from`, default since the beginning)."""
    new_id = site_id
    if site_id is None and values.get("name"):
        new_id = slugify(str(values["name"]))
        if not new_id:
            raise InvalidData("site.no_id")
    checked = _validate_values(db, {**values, "id": new_id}, partial=False)
    new_id = checked.pop("id")
    hours, staff = checked.pop("opening_hours", None), checked.pop("staff_count", None)
    if db.get(m.Site, new_id) is not None:
        raise Conflict("site.exists", site=new_id)
    stamp = datetime.now(UTC)
    checked.setdefault("source", "manual")
    site = m.Site(id=new_id, **checked, created_at=stamp, updated_at=stamp)
    db.add(site)
    db.flush()
    site_history.apply(
        db,
        site,
        site_history.Dated(
            changes.valid_from or BEGINNING, hours=hours, staff=staff, add_labels=changes.add_labels
        ),
    )
    _apply_links(db, site, changes)
    return site


def update(
    db: Session, site: m.Site, changes: SiteChanges, *, today: date
) -> list[site_history.Outcome]:
    """Change the site; its hours, staff count and labels from `changes.valid_from` (default
    `today`) on. Returns what each dated value's history became."""
    given = {k: v for k, v in changes.values.items() if v is not None}
    checked = _validate_values(db, given, partial=True, current=site)
    hours, staff = checked.pop("opening_hours", None), checked.pop("staff_count", None)
    dated = site_history.Dated(
        changes.valid_from or today,
        hours=hours,
        staff=staff,
        add_labels=changes.add_labels,
        remove_labels=changes.remove_labels,
    )
    if changes.valid_from is not None and not dated:
        raise UsageError("site.from_alone")
    if not checked and not dated and not _has_link_changes(changes):
        raise InvalidData("nothing to update: give at least one option to change")
    for key, value in checked.items():
        setattr(site, key, value)
    if checked.get("illustrative") is False:  # the values are real now: no reason left
        site.illustrative_reason = None
    outcomes = site_history.apply(db, site, dated) if dated else []
    _apply_links(db, site, changes)
    site.updated_at = datetime.now(UTC)
    return outcomes


def _has_link_changes(changes: SiteChanges) -> bool:
    return any(
        (
            changes.add_equipment,
            changes.remove_equipment,
            changes.add_operators,
            changes.remove_operators,
        )
    )


def _apply_links(db: Session, site: m.Site, changes: SiteChanges) -> None:
    """Equipment and operators (labels are dated: `site_history`)."""
    for item in changes.add_equipment:
        item = vocab.check("equipment", item, "--equipment")
        if db.get(m.SiteEquipment, (site.id, item)) is None:
            db.add(m.SiteEquipment(site_id=site.id, equipment=item))
    for item in changes.remove_equipment:
        equipment_row = db.get(m.SiteEquipment, (site.id, item))
        if equipment_row is None:
            raise NotFound(f"site {site.id} has no equipment '{item}'")
        db.delete(equipment_row)
    for code in changes.add_operators:
        if db.get(m.Operator, code) is None:
            raise NotFound(f"operator '{code}' not found")
        if db.get(m.SiteOperator, (site.id, code)) is None:
            db.add(m.SiteOperator(site_id=site.id, operator_code=code))
    for code in changes.remove_operators:
        operator_row = db.get(m.SiteOperator, (site.id, code))
        if operator_row is None:
            raise NotFound(f"site {site.id} does not offer operator '{code}'")
        db.delete(operator_row)


def references(db: Session, site: m.Site) -> list[str]:
    """What refers to the site and would be left dangling by its removal."""
    found = []
    checks: list[tuple[str, Any]] = [
        (
            "permanences",
            select(func.count()).select_from(m.Permanence).where(m.Permanence.site_id == site.id),
        ),
        (
            "agents (home site)",
            select(func.count()).select_from(m.Agent).where(m.Agent.home_site_id == site.id),
        ),
        (
            "coworking spaces",
            select(func.count()).select_from(m.Space).where(m.Space.site_id == site.id),
        ),
        (
            "mediation sessions",
            select(func.count())
            .select_from(m.MediationSession)
            .where(m.MediationSession.site_id == site.id),
        ),
        (
            "attached sites",
            select(func.count()).select_from(m.Site).where(m.Site.parent_id == site.id),
        ),
    ]
    for what, statement in checks:
        count = db.exec(statement).one()
        if count:
            found.append(f"{count} {what}")
    return found


def remove(db: Session, site: m.Site) -> None:
    refs = references(db, site)
    if refs:
        raise Conflict(f"site {site.id} is still used by {', '.join(refs)}; nothing removed")
    db.delete(site)


# ---- hours and closures ---------------------------------------------------------------------


@dataclass(frozen=True)
class WeekHours:
    site: m.Site
    week: IsoWeek
    days: list[oh.DayHours]

    @property
    def total_hours(self) -> float | None:
        return oh.total_hours(self.days)  # None: unknown hours

    @property
    def open_days(self) -> int | None:
        return oh.open_days(self.days)


def closures_between(db: Session, site_id: str, start: date, end: date) -> list[oh.Closure]:
    rows = db.exec(
        select(m.Closure).where(
            m.Closure.site_id == site_id, m.Closure.start_date <= end, m.Closure.end_date >= start
        )
    )
    return [oh.Closure(start=c.start_date, end=c.end_date, reason=c.reason) for c in rows]


def week_hours(db: Session, site: m.Site, week: IsoWeek, lang: str = "fr") -> WeekHours:
    """Each day's opening, with the hours in force that day."""
    holidays = holidays_between(week.monday, week.sunday, site.department_code, lang)
    closures = closures_between(db, site.id, week.monday, week.sunday)
    hours = versions.hours_during(db, [site.id], week.monday, week.sunday).get(site.id)
    days = oh.week_hours(hours, week.monday, holidays, closures)
    return WeekHours(site=site, week=week, days=days)


CLOSURE_OPTIONS = {"start_date": "--from", "end_date": "--to", "reason": "--reason"}


def add_closure(db: Session, site: m.Site, start: date, end: date, reason: str) -> m.Closure:
    values = {"site_id": site.id, "start_date": start, "end_date": end, "reason": reason}
    with fields.naming(CLOSURE_OPTIONS):
        checked = validators.closure(values)
    reason = checked["reason"]
    lock(db, m.Site, site.id)  # the duplicate check and the insert, atomic
    for existing in closures_between(db, site.id, start, end):
        if existing.start == start and existing.end == end:
            raise Conflict(f"site {site.id} is already closed {start} to {end} ({existing.reason})")
    closure = m.Closure(
        site_id=site.id, start_date=start, end_date=end, reason=reason, created_at=datetime.now(UTC)
    )
    db.add(closure)
    db.flush()
    return closure


# ---- nearest --------------------------------------------------------------------------------


def commune_position(db: Session, commune: str) -> tuple[float, float, str | None]:
    """The mean position of the sites of a commune, and the commune's name as written there."""
    key = search_key(commune)
    if not key:
        raise InvalidData("invalid --commune: must not be empty")
    rows = db.exec(
        select(m.Site.commune, m.Site.latitude, m.Site.longitude).where(
            m.Site.commune_key == key,
            col(m.Site.latitude).is_not(None),
            col(m.Site.longitude).is_not(None),
        )
    ).all()
    points = [(lat, lon, name) for name, lat, lon in rows if lat is not None and lon is not None]
    if not points:
        raise NotFound(
            f"commune '{commune}' not found among sites with coordinates "
            "(import La Poste's contact points, or give --lat and --lon)"
        )
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return lat, lon, points[0][2]


def nearest(
    db: Session,
    lat: float,
    lon: float,
    *,
    today: date,
    label: str | None = None,
    kind: str | None = None,
    limit: int = 5,
) -> list[dict[str, Any]]:
    if label is not None:
        label = vocab.check("site_label", label, "--label")
    if kind is not None:
        kind = vocab.check("site_kind", kind, "--kind")
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise InvalidData(f"invalid position {lat}, {lon}: latitude -90..90, longitude -180..180")
    if limit < 1:
        raise InvalidData(f"invalid --limit {limit}: must be at least 1")
    statement = select(m.Site).where(
        col(m.Site.latitude).is_not(None), col(m.Site.longitude).is_not(None)
    )
    if label is not None:
        statement = statement.where(col(m.Site.id).in_(versions.labelled((label,), today, today)))
    if kind is not None:
        statement = statement.where(m.Site.kind == kind)
    ranked = sorted(
        (
            (haversine_km(lat, lon, site.latitude, site.longitude), site.id, site)
            for site in db.exec(statement)
            if site.latitude is not None and site.longitude is not None
        ),
    )[:limit]
    ids = [site.id for _, _, site in ranked]
    labels = _labels_by_site(db, ids, today)
    hours = versions.hours_during(db, ids, today, today)
    return [
        {
            **summary_row(
                site, labels.get(site.id, ()), hours.get(site.id, Timeline[str]()).at(today)
            ),
            "distance_km": round(distance, 1),
        }
        for distance, _, site in ranked
    ]
