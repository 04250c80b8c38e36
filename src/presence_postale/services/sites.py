"""The site registry as read: look-ups, listings, one site's detail and hours, nearest sites.

Changes to it are in `services.site_changes`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from presence_postale.domain import fields, vocab
from presence_postale.domain import hours as oh
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.geo import haversine_km
from presence_postale.domain.history import UNKNOWN
from presence_postale.domain.text import matches, search_key
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Ambiguous, InvalidData, NotFound
from presence_postale.services import site_history
from presence_postale.store import models as m
from presence_postale.store import queries, versions

CANDIDATES_SHOWN = 8


# ---- look-ups -------------------------------------------------------------------------------


def search(
    db: Session, query: str, *, department: str | None = None, limit: int = 50
) -> list[m.Site]:
    """Sites whose name or commune matches `query`, forgiving accents, case and `St`."""
    # bounded (a LIKE pattern has a limit too); named as --help names the argument
    fields.search(query, "QUERY")
    key = search_key(query)
    if not key:
        raise InvalidData("site.empty_search")
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
        raise InvalidData("site.empty_ref")
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
    shown = [f"{s.id} {s.name}" for s in candidates[:CANDIDATES_SHOWN]]
    more = len(candidates) - CANDIDATES_SHOWN
    if more > 0:
        raise Ambiguous("site.ambiguous_more", site=ref, candidates=shown, more=more)
    raise Ambiguous("site.ambiguous", site=ref, candidates=shown)


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
    queries.require_department(db, department)
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
    labels = versions.labels_on(db, ids, today)
    if label is not None:
        sites = [s for s in sites if label in labels.get(s.id, ())]
    hours = versions.hours_during(db, ids, today, today)
    return [
        summary_row(site, labels.get(site.id, ()), hours.get(site.id, UNKNOWN).at(today))
        for site in sites
    ]


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
    department = db.get(m.Department, site.department_code) if site.department_code else None
    parent = db.get(m.Site, site.parent_id) if site.parent_id else None
    in_force, history = site_history.shown(db, site.id, today)
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
        **in_force,
        **_attached(db, site.id),
        "note": site.note,
        "source": site.source,
        "illustrative": site.illustrative,
        "illustrative_reason": site.illustrative_reason,
        **history,
    }


def _attached(db: Session, site_id: str) -> dict[str, list[Any]]:
    """What hangs on a site: its equipment, operators, closures and coworking spaces."""
    equipment = list(
        db.exec(
            select(m.SiteEquipment.equipment)
            .where(m.SiteEquipment.site_id == site_id)
            .order_by(m.SiteEquipment.equipment)
        )
    )
    operators = list(
        db.exec(
            select(m.Operator)
            .join(m.SiteOperator, col(m.SiteOperator.operator_code) == col(m.Operator.code))
            .where(m.SiteOperator.site_id == site_id)
            .order_by(m.Operator.code)
        )
    )
    closures = list(
        db.exec(
            select(m.Closure)
            .where(m.Closure.site_id == site_id)
            .order_by(col(m.Closure.start_date))
        )
    )
    spaces = queries.space_ids(db, site_id)
    return {
        "equipment": equipment,
        "operators": [{"code": op.code, "name": op.name} for op in operators],
        "closures": [
            {"id": c.id, "start": c.start_date, "end": c.end_date, "reason": c.reason}
            for c in closures
        ],
        "spaces": spaces,
    }


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


def week_hours(db: Session, site: m.Site, week: IsoWeek) -> WeekHours:
    holidays = holidays_between(week.monday, week.sunday, site.department_code)
    closures = queries.closures_by_site(db, [site.id], week.monday, week.sunday).get(site.id, [])
    hours = versions.hours_during(db, [site.id], week.monday, week.sunday).get(site.id)
    days = oh.week_hours(hours, week.monday, holidays, closures)
    return WeekHours(site=site, week=week, days=days)


# ---- nearest --------------------------------------------------------------------------------


def commune_position(db: Session, commune: str) -> tuple[float, float, str | None]:
    """The mean position of the sites of a commune, and the commune's name as written there."""
    key = search_key(commune)
    if not key:
        raise InvalidData("value.empty", option="--commune")
    rows = db.exec(
        select(m.Site.commune, m.Site.latitude, m.Site.longitude).where(
            m.Site.commune_key == key,
            col(m.Site.latitude).is_not(None),
            col(m.Site.longitude).is_not(None),
        )
    ).all()
    points = [(lat, lon, name) for name, lat, lon in rows if lat is not None and lon is not None]
    if not points:
        raise NotFound("site.commune_not_found", commune=commune)
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
        raise InvalidData("site.bad_position", latitude=lat, longitude=lon)
    if limit < 1:
        raise InvalidData("value.at_least", option="--limit", value=limit, minimum=1)
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
    labels = versions.labels_on(db, ids, today)
    hours = versions.hours_during(db, ids, today, today)
    return [
        {
            **summary_row(site, labels.get(site.id, ()), hours.get(site.id, UNKNOWN).at(today)),
            "distance_km": round(distance, 1),
        }
        for distance, _, site in ranked
    ]
