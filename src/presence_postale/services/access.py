"""`report access`: who lives how far from a point, by department, and what a change would do.

The communes (`import communes`) are measured against the points of one kind — La Poste's
contact points, or the sites of a label such as France Services — each from its position to
the nearest point (`domain.access`). A what-if takes sites away (`without`) or adds sites or
positions (`added`); a week adds the host sites of the permanences held that week, shown
beside the daily figures, since a weekly presence is not a daily one. Everything is read in
a few set-based queries and computed in memory: all of France takes well under a second.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlmodel import Session, col

from presence_postale.domain import access
from presence_postale.domain.access import Commune, Figures, Point, Reach
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import InvalidData, NotFound
from presence_postale.services import schedule as schedule_service
from presence_postale.services import sites as sites_service
from presence_postale.services.imports import LA_POSTE_KINDS
from presence_postale.store import models as m
from presence_postale.store import queries, versions

CONTACT = "contact"  # --points: La Poste's contact points; else a site label


class Addition(NamedTuple):
    """A point a what-if adds: a site (id or name), or a position."""

    site: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class CommuneAccess:
    commune: Commune
    reach: Reach | None
    after: Reach | None = None  # with the what-if's points
    week: Reach | None = None  # with the week's permanence hosts


@dataclass
class DepartmentAccess:
    code: str | None  # None: the whole scope
    name: str | None
    figures: Figures
    after: Figures | None = None
    week: Figures | None = None


@dataclass
class AccessReport:
    within_km: float
    points: str
    departments: list[str]
    rows: list[DepartmentAccess]
    total: DepartmentAccess
    communes: list[CommuneAccess]
    point_list: list[Point]
    sources: list[tuple[str, int | None]]
    week: IsoWeek | None = None
    closed: list[Point] = field(default_factory=list)
    added: list[Point] = field(default_factory=list)
    hosts: list[Point] = field(default_factory=list)
    hosts_without_position: list[str] = field(default_factory=list)
    changes: list[access.Change] = field(default_factory=list)
    without_position: list[str] = field(default_factory=list)

    @property
    def what_if(self) -> bool:
        return bool(self.closed or self.added)

    @property
    def national(self) -> bool:
        return not self.departments

    @property
    def polygon_positions(self) -> int:
        return sum(1 for c in self.communes if c.commune.position != "mairie")

    @property
    def without_population(self) -> list[str]:
        return [c.commune.insee_code for c in self.communes if c.commune.population is None]

    def beyond(self) -> list[CommuneAccess]:
        """The communes beyond the distance, by department, the farthest first."""
        far = [c for c in self.communes if not access.is_within(c.reach, self.within_km)]
        return sorted(
            far,
            key=lambda c: (
                c.commune.department,
                -(c.reach.km if c.reach else float("inf")),
                c.commune.insee_code,
            ),
        )

    def newly_beyond(self) -> int:
        return access.newly_beyond(self.changes, self.within_km)

    def newly_within(self) -> int:
        return access.newly_within(self.changes, self.within_km)


def access_report(
    db: Session,
    *,
    departments: Sequence[str] = (),
    within_km: float = access.RULE_KM,
    points: str = CONTACT,
    without: Sequence[str] = (),
    added: Sequence[Addition] = (),
    week: IsoWeek | None = None,
    today: date,
) -> AccessReport:
    """The figures of every department asked (all when none), and of them together."""
    names = {code: name for code, name in queries.rows(db, select(
        col(m.Department.code), col(m.Department.name)))}  # fmt: skip
    asked = _departments(departments, names)
    communes, without_position, sources = _communes(db, asked)
    span = (week.monday, week.sunday) if week is not None else (today, today)
    point_list = _points(db, points, *span)
    closed = [_closed(db, ref, point_list, points) for ref in without]
    extra = [_added(db, item, n, point_list, points) for n, item in enumerate(added, start=1)]
    places = access.vectors(communes)
    reach = _Reacher(communes, places, local=bool(asked))
    found = [CommuneAccess(c, r) for c, r in zip(communes, reach(point_list), strict=True)]
    report = AccessReport(
        within_km=within_km,
        points=points,
        departments=asked,
        rows=[],
        total=DepartmentAccess(None, None, Figures(0, 0, 0)),
        communes=found,
        point_list=point_list,
        sources=sources,
        week=week,
        closed=closed,
        added=extra,
        without_position=without_position,
    )
    if report.what_if:
        gone = {p.id for p in closed}
        scenario = [p for p in point_list if p.id not in gone] + extra
        for item, after in zip(found, reach(scenario), strict=True):
            item.after = after
        report.changes = access.changes(
            communes, [c.reach for c in found], [c.after for c in found]
        )
    if week is not None:
        report.hosts, report.hosts_without_position = _hosts(db, week, point_list)
        for item, weekly in zip(found, reach(point_list + report.hosts), strict=True):
            item.week = weekly
    _figures(report, names)
    return report


class _Reacher:
    """The nearest point of each commune in scope. For some departments, only the points
    near them are indexed: those in their box widened by MARGIN_KM. A point outside it is
    farther than half the margin from every commune, so when every commune has a point
    within that the answer is the one all points would give; else all points are taken."""

    MARGIN_KM = 50.0

    def __init__(self, communes: list[Commune], places: list[Any], *, local: bool) -> None:
        self.places = places
        self.box: tuple[float, float, float, float] | None = None
        if local and communes:
            lats = [c.latitude for c in communes]
            lons = [c.longitude for c in communes]
            dlat = self.MARGIN_KM / 111.195
            widest = min(89.0, max(abs(min(lats)), abs(max(lats))) + dlat)
            dlon = dlat / math.cos(math.radians(widest))
            self.box = (min(lats) - dlat, max(lats) + dlat, min(lons) - dlon, max(lons) + dlon)

    def __call__(self, points: list[Point]) -> list[Reach | None]:
        if self.box is not None:
            south, north, west, east = self.box
            near = [
                p for p in points if south <= p.latitude <= north and west <= p.longitude <= east
            ]
            found = access.reach(self.places, near)
            if all(r is not None and r.km < self.MARGIN_KM / 2 for r in found):
                return found
        return access.reach(self.places, points)


def _departments(codes: Sequence[str], names: dict[str, str]) -> list[str]:
    asked: list[str] = []
    for code in codes:
        code = code.strip().upper()
        if code not in names:
            raise NotFound("access.unknown_department", department=code)
        if code not in asked:
            asked.append(code)
    return sorted(asked)


def _communes(
    db: Session, asked: list[str]
) -> tuple[list[Commune], list[str], list[tuple[str, int | None]]]:
    """The communes in scope that have a position, the codes of those that have none, and the
    files (and population years) they came from."""
    c = m.Commune
    statement = select(
        col(c.insee_code),
        col(c.name),
        col(c.department_code),
        col(c.population),
        col(c.latitude),
        col(c.longitude),
        col(c.position),
        col(c.source),
        col(c.population_year),
    ).order_by(col(c.insee_code))
    if asked:
        statement = statement.where(col(c.department_code).in_(asked))
    communes: list[Commune] = []
    without_position: list[str] = []
    sources: set[tuple[str, int | None]] = set()
    seen: set[str] = set()
    for code, name, dept, people, lat, lon, position, source, year in queries.rows(db, statement):
        seen.add(dept)
        sources.add((source, year))
        if lat is None or lon is None:
            without_position.append(code)
            continue
        communes.append(Commune(code, name, dept, people, lat, lon, position))
    for code in asked:
        if code not in seen:
            raise NotFound("access.no_communes_in", department=code)
    if not seen:
        raise NotFound("access.no_communes")
    return communes, without_position, sorted(sources, key=lambda s: (s[0], s[1] or 0))


def _points(db: Session, kind: str, start: date, end: date) -> list[Point]:
    """Every point of the kind asked that has a position, in all of France (a commune's
    nearest point may lie in the next department); a label's, those holding it over
    [start, end]."""
    s = m.Site
    statement = select(
        col(s.id), col(s.name), col(s.latitude), col(s.longitude), col(s.department_code)
    ).where(col(s.latitude).is_not(None), col(s.longitude).is_not(None))
    if kind == CONTACT:
        statement = statement.where(col(s.kind).in_(LA_POSTE_KINDS))
    else:
        statement = statement.where(col(s.id).in_(versions.labelled((kind,), start, end)))
    found = [Point(*row) for row in queries.rows(db, statement)]
    if not found:
        raise NotFound("access.no_points", points=kind)
    return found


def _closed(db: Session, ref: str, point_list: list[Point], kind: str) -> Point:
    site = sites_service.get(db, ref)
    for point in point_list:
        if point.id == site.id:
            return point
    raise InvalidData("access.not_a_point", site=site.id, points=kind)


def _added(db: Session, item: Addition, number: int, point_list: list[Point], kind: str) -> Point:
    if item.site is None:
        assert item.latitude is not None and item.longitude is not None
        return Point(f"new-{number}", None, item.latitude, item.longitude, None, "added")
    site = sites_service.get(db, item.site)
    if any(point.id == site.id for point in point_list):
        raise InvalidData("access.already_a_point", site=site.id, points=kind)
    if site.latitude is None or site.longitude is None:
        raise InvalidData("access.site_without_position", site=site.id)
    return Point(site.id, site.name, site.latitude, site.longitude, site.department_code, "added")


def _hosts(db: Session, week: IsoWeek, point_list: list[Point]) -> tuple[list[Point], list[str]]:
    """The host sites of the permanences held that week that are not points already, with a
    position, and the ids of those without one."""
    schedule = schedule_service.build(db, week.monday, week.sunday)
    already = {point.id for point in point_list}
    hosts: dict[str, Point] = {}
    without: set[str] = set()
    for entry in schedule.entries:
        occurrence, site = entry.occurrence, entry.site
        if not occurrence.takes_place or not week.monday <= occurrence.date <= week.sunday:
            continue
        if site.id in already:
            continue
        if site.latitude is None or site.longitude is None:
            without.add(site.id)
            continue
        hosts[site.id] = Point(
            site.id, site.name, site.latitude, site.longitude, site.department_code, "host"
        )
    return sorted(hosts.values()), sorted(without)


def _figures(report: AccessReport, names: dict[str, str]) -> None:
    """Each department's figures, and the scope's, into `report`."""
    km = report.within_km
    communes = [c.commune for c in report.communes]
    views: dict[str, dict[str, Figures]] = {
        "figures": access.by_department(communes, [c.reach for c in report.communes], km)
    }
    totals: dict[str, Any] = {
        "figures": access.figures(communes, [c.reach for c in report.communes], km)
    }
    for view, wanted in (("after", report.what_if), ("week", report.week is not None)):
        if wanted:
            reaches = [getattr(c, view) for c in report.communes]
            views[view] = access.by_department(communes, reaches, km)
            totals[view] = access.figures(communes, reaches, km)
    report.rows = [
        DepartmentAccess(
            code, names.get(code), **{view: by_code[code] for view, by_code in views.items()}
        )
        for code in views["figures"]
    ]
    report.total = DepartmentAccess(None, None, **totals)
