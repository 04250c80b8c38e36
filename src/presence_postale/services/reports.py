"""The reports delegates and cron live on: the weekly report, and the France Services charter.

Each returns plain data (`domain.report` types, rows of codes and values); `formats.reports`
lays it out. Nothing here reads the clock: the week is a parameter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select as core_select
from sqlalchemy import union
from sqlmodel import Session, col

from presence_postale.domain import booking, charter
from presence_postale.domain import hours as oh
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.history import UNKNOWN, LabelState, Timeline, Version
from presence_postale.domain.report import Entry, Place, SiteWeek, WeeklyReport
from presence_postale.domain.weeks import IsoWeek
from presence_postale.services import mediation as mediation_service
from presence_postale.services import schedule as schedule_service
from presence_postale.services.report_names import names
from presence_postale.store import models as m
from presence_postale.store import queries, versions

REPORTED_LABELS = ("france_services", "msap")


# ---- weekly ---------------------------------------------------------------------------------


def weekly(
    db: Session, week: IsoWeek, *, department: str | None = None, site: m.Site | None = None
) -> WeeklyReport:
    """For each site in scope: the week's hours, permanences, bookings, mediation, then warnings.

    In scope: the sites that host something that week, and the labelled sites (France Services,
    MSAP) and coworking sites of the department (or of France), each once.
    """
    dept = queries.require_department(db, department)
    start, end = week.monday, week.sunday
    schedule = schedule_service.build(
        db, start, end, department=department, site_ids=[site.id] if site else None
    )
    reservations = _reservations(db, start, end, department, site)
    mediation = _mediation(db, start, end, department, site)
    # The standing sites are read with their rows, and the schedule brought its own: only the
    # others (hosts of bookings and sessions alone) are read by id.
    places: dict[str, Place] = {}
    if site is not None:
        wanted = {site.id}
    else:
        places = _standing_places(db, department, start, end)
        wanted = {e.site.id for e in schedule.entries} | set(reservations) | set(mediation)
        wanted |= set(places)
    places.update((e.site.id, e.site) for e in schedule.entries if e.site.id in wanted)
    places.update(queries.places(db, wanted - set(places)))
    by_site: dict[str, list[Entry]] = defaultdict(list)
    for entry in schedule.entries:
        by_site[entry.site.id].append(entry)
    weeks = [
        SiteWeek(
            site=place,
            labels=labels,
            days=days,
            hours=hours,
            permanences=by_site.get(place.id, []),
            reservations=reservations.get(place.id, []),
            mediation=mediation.get(place.id, []),
        )
        for place, labels, days, hours in _site_weeks(db, places, week)
    ]
    mediators = {e.agent.id for e in schedule.entries if e.agent is not None}
    return WeeklyReport(
        week=week,
        department=department,
        site_id=site.id if site else None,
        sites=weeks,
        warnings=[*schedule.warnings, *mediation_service.deficits(db, week, mediators)],
        department_name=dept.name if dept else None,
        names=names(
            db,
            mediators | {s["mediator"] for rows in mediation.values() for s in rows},
            {e.permanence.programme_code for e in schedule.entries},
            {r["space"] for rows in reservations.values() for r in rows},
        ),
    )


def _site_weeks(
    db: Session, places: dict[str, Place], week: IsoWeek
) -> list[tuple[Place, list[str], tuple[oh.DayHours, ...], tuple[Version[str], ...]]]:
    """Each site's labels, days and versions of its hours that week (what was in force then),
    by department, name and id."""
    start, end = week.monday, week.sunday
    ids = sorted(places)
    labels = versions.held_during(db, ids, start, end)
    hours = versions.hours_during(db, ids, start, end)
    closures = queries.closures_by_site(db, ids, start, end)
    holiday_cache: dict[str | None, dict[date, str]] = {}
    weeks = _Weeks(start, end)
    out = []
    for place in sorted(places.values(), key=lambda p: (p.department_code or "", p.name_key, p.id)):
        code = place.department_code
        if code not in holiday_cache:
            holiday_cache[code] = holidays_between(start, end, code)
        site_hours = hours.get(place.id)
        in_force = site_hours.during(start, end) if site_hours else ()
        days = weeks.days_of(in_force, holiday_cache[code], closures.get(place.id, []))
        out.append((place, labels.get(place.id, []), days, in_force))
    return out


class _Weeks:
    """Each site's days that week, made once for each distinct hours and holidays, and each
    distinct day kept once. The hours are told apart by the expressions in force during the
    week, not by the histories holding them: sites imported apart (the France Services list
    after La Poste's) hold the same expressions in versions of other first days. A national
    report has thousands of sites, far fewer expressions and fewer distinct days still, which
    its outputs then write once."""

    def __init__(self, monday: date, sunday: date) -> None:
        self.monday, self.sunday = monday, sunday
        self.weeks: dict[tuple[Any, ...], tuple[oh.DayHours, ...]] = {}
        self.held: dict[oh.DayHours, oh.DayHours] = {}

    def days(
        self, hours: Timeline[str] | None, holidays: dict[date, str], closures: Sequence[oh.Closure]
    ) -> tuple[oh.DayHours, ...]:
        """The week's days of a site of history `hours` (None: unknown)."""
        in_force = hours.during(self.monday, self.sunday) if hours else ()
        return self.days_of(in_force, holidays, closures)

    def days_of(
        self,
        in_force: Sequence[Version[str]],
        holidays: dict[date, str],
        closures: Sequence[oh.Closure],
    ) -> tuple[oh.DayHours, ...]:
        """The week's days under the versions of hours `in_force` that week. Sites of the same
        hours and holidays share one tuple of days (it cannot be changed), which their
        outputs then write once."""
        # From the week's first day on, each expression stands as it would alone.
        spans = tuple((max(v.valid_from, self.monday), v.value) for v in in_force)
        if closures:
            return self._kept(oh.week_hours(self._hours(spans), self.monday, holidays, closures))
        key = (spans, tuple(holidays.items()))
        found = self.weeks.get(key)
        if found is None:
            made = oh.week_hours(self._hours(spans), self.monday, holidays)
            found = self.weeks[key] = self._kept(made)
        return found

    @staticmethod
    def _hours(spans: tuple[tuple[date, str], ...]) -> oh.Hours:
        if not spans:
            return None
        return Timeline(tuple(Version(first, value) for first, value in spans))

    def _kept(self, days: list[oh.DayHours]) -> tuple[oh.DayHours, ...]:
        return tuple(self.held.setdefault(day, day) for day in days)


def _standing_places(
    db: Session, department: str | None, start: date, end: date
) -> dict[str, Place]:
    """The sites labelled France Services or MSAP on a day of the week, and those with a
    coworking space (of the department)."""
    standing = union(
        versions.labelled(REPORTED_LABELS, start, end), core_select(col(m.Space.site_id))
    )
    return queries.places_in(db, standing, department)


def _scoped(statement: Any, department: str | None, site: m.Site | None) -> Any:
    if department is not None:
        statement = statement.where(col(m.Site.department_code) == department)
    if site is not None:
        statement = statement.where(col(m.Site.id) == site.id)
    return statement


def _reservations(
    db: Session, start: date, end: date, department: str | None, site: m.Site | None
) -> dict[str, list[dict[str, Any]]]:
    """Bookings of the week, without the people's names or e-mails (a report travels by mail)."""
    begin = datetime.combine(start, time())
    finish = datetime.combine(end + timedelta(days=1), time())
    r = m.Reservation
    statement = (
        core_select(
            col(m.Site.id),
            col(r.id),
            col(r.space_id),
            col(r.start_at),
            col(r.end_at),
            col(r.category),
            col(r.organisation),
            col(r.status),
        )
        .join(m.Space, col(m.Space.id) == col(r.space_id))
        .join(m.Site, col(m.Site.id) == col(m.Space.site_id))
        .where(
            col(r.start_at) < finish,
            col(r.start_at) >= booking.earliest_start(begin),
            col(r.end_at) > begin,
        )
    )
    statement = _scoped(statement, department, site).order_by(col(r.start_at), col(r.id))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for host, number, space, start_at, end_at, category, organisation, status in queries.rows(
        db, statement
    ):
        out[host].append(
            {
                "id": number,
                "space": space,
                "date": start_at.date(),
                "start": start_at.time(),
                "end": end_at.time(),
                "category": category,
                "organisation": organisation,
                "status": status,
            }
        )
    return out


def _mediation(
    db: Session, start: date, end: date, department: str | None, site: m.Site | None
) -> dict[str, list[dict[str, Any]]]:
    s = m.MediationSession
    statement = (
        core_select(
            col(s.site_id),
            col(s.id),
            col(s.session_date),
            col(s.start_time),
            col(s.duration_minutes),
            col(s.mediator_id),
            col(s.session_type),
            col(s.participants),
            col(s.themes),
        )
        .join(m.Site, col(m.Site.id) == col(s.site_id))
        .where(col(s.session_date).between(start, end))
    )
    statement = _scoped(statement, department, site).order_by(
        col(s.session_date), col(s.start_time), col(s.id)
    )
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for host, number, day, start_time, minutes, mediator, kind, people, themes in queries.rows(
        db, statement
    ):
        out[host].append(
            {
                "id": number,
                "date": day,
                "start": start_time,
                "duration_minutes": minutes,
                "mediator": mediator,
                "type": kind,
                "participants": people,
                "themes": list(themes),
            }
        )
    return out


# ---- France Services charter ----------------------------------------------------------------


def compliance(
    db: Session, week: IsoWeek, *, department: str | None = None
) -> list[dict[str, Any]]:
    """The charter checked for every France Services site, from its regular hours that week:
    public holidays count as the days they would have been (they are listed), closures do not.

    Unknown hours or staff give "unknown", and so do an illustrative site's: its figures are
    shown (marked), never judged."""
    queries.require_department(db, department)
    monday, sunday = week.monday, week.sunday
    labelled = versions.labelled(("france_services",), monday, sunday)
    sites = sorted(
        queries.places_in(db, labelled, department).values(),
        key=lambda p: (p.department_code or "", p.name_key, p.id),
    )
    ids = [site.id for site in sites]
    closures = queries.closures_by_site(db, ids, monday, sunday)
    hours = versions.hours_during(db, ids, monday, sunday)
    staff = versions.staff_during(db, ids, monday, sunday)
    labels = versions.labels_during(db, ids, monday, sunday)
    holiday_cache: dict[str | None, dict[date, str]] = {}
    weeks = _Weeks(monday, sunday)
    out = []
    for site in sites:
        code = site.department_code
        if code not in holiday_cache:
            holiday_cache[code] = holidays_between(monday, sunday, code)
        # A public holiday does not count against the charter: the site is judged on its
        # regular hours that week (closures for works do count).
        days = weeks.days(hours.get(site.id), {}, closures.get(site.id, []))
        count = charter.week_staff(staff.get(site.id, UNKNOWN), monday, sunday)
        reliable = not site.illustrative
        result = charter.check(days, count if reliable else None, hours_known=reliable)
        label = _label_of_week(labels.get(site.id, {}).get("france_services"), monday, sunday)
        out.append(_charter_row(site, week, result, count, holiday_cache[code], label))
    return out


def _charter_row(
    site: Place,
    week: IsoWeek,
    result: charter.CharterCheck,
    staff: int | None,
    holidays: dict[date, str],
    label: LabelState | None,
) -> dict[str, Any]:
    """One France Services site's line of the charter report."""
    return {
        "site_id": site.id,
        "name": site.name,
        "commune": site.commune,
        "department": site.department_code,
        "week": week.label,
        "days_open": result.days_open,
        "hours": None if result.hours is None else round(result.hours, 2),
        "staff": staff,
        "status": result.status,
        "reasons": list(result.reasons),
        "holidays_counted": [
            {"date": day, "holiday": name} for day, name in sorted(holidays.items())
        ],
        "label_since": label.since if label else None,
        "format": label.detail if label else None,
        "illustrative": site.illustrative,
        "illustrative_reason": site.illustrative_reason,
    }


def _label_of_week(
    timeline: Timeline[LabelState] | None, start: date, end: date
) -> LabelState | None:
    """The label as it stood that week: its last version held during it."""
    held = [v.value for v in (timeline.during(start, end) if timeline else ()) if v.value.held]
    return held[-1] if held else None
