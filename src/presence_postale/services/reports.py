"""The reports delegates, cron and evaluators live on: weekly, programme evaluation, charter.

Each returns plain data; `formats.report` lays it out. "Today" is a parameter.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from presence_postale.domain import booking, charter
from presence_postale.domain import hours as oh
from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.history import LabelState, Timeline, Version, labels_held
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Message, NotFound
from presence_postale.formats import words
from presence_postale.services import mediation as mediation_service
from presence_postale.services import programmes as programme_service
from presence_postale.services import schedule as schedule_service
from presence_postale.services.report_names import Names, names
from presence_postale.store import models as m
from presence_postale.store import versions

REPORTED_LABELS = ("france_services", "msap")


# ---- weekly ---------------------------------------------------------------------------------


@dataclass
class SiteWeek:
    site: schedule_service.Place
    labels: list[str]
    days: list[oh.DayHours]
    # The versions of the site's opening hours in force that week, oldest first.
    hours: tuple[Version[str], ...] = ()
    permanences: list[schedule_service.Entry] = field(default_factory=list)
    reservations: list[dict[str, Any]] = field(default_factory=list)
    mediation: list[dict[str, Any]] = field(default_factory=list)

    @property
    def hours_total(self) -> float | None:
        return oh.total_hours(self.days)  # None: unknown hours


@dataclass
class WeeklyReport:
    week: IsoWeek
    department: str | None
    site_id: str | None
    sites: list[SiteWeek]
    warnings: list[str]
    department_name: str | None = None
    # Agents, programmes and spaces as people name them (formats show no codes).
    names: Names = field(default_factory=Names)


def weekly(
    db: Session,
    week: IsoWeek,
    *,
    department: str | None = None,
    site: m.Site | None = None,
    lang: str = "fr",
) -> WeeklyReport:
    """For each site in scope: the week's hours, permanences, bookings, mediation, then warnings.

    In scope: the sites that host something that week, and the labelled sites (France Services,
    MSAP) and coworking sites of the department (or of France), each once.
    """
    dept = None
    if department is not None:
        dept = db.get(m.Department, department)
        if dept is None:
            raise NotFound(f"department '{department}' not found")
    start, end = week.monday, week.sunday
    schedule = schedule_service.build(
        db, start, end, department=department, site_ids=[site.id] if site else None, lang=lang
    )
    reservations = _reservations(db, start, end, department, site)
    mediation = _mediation(db, start, end, department, site)
    wanted: set[str] = {e.site.id for e in schedule.entries}
    wanted |= set(reservations) | set(mediation)
    if site is not None:
        wanted = {site.id}
    else:
        wanted |= _standing_sites(db, department, start, end)
    # The schedule read its sites with their rows: only the others are read here.
    sites = {e.site.id: e.site for e in schedule.entries if e.site.id in wanted}
    sites.update(schedule_service.places(db, wanted - set(sites)))
    labels = versions.labels_during(db, wanted, start, end)
    hours = versions.hours_during(db, wanted, start, end)
    closures = schedule_service.closures_by_site(db, sorted(wanted), start, end)
    holiday_cache: dict[str | None, dict[date, str]] = {}
    weeks = _Weeks(start)
    by_site: dict[str, list[schedule_service.Entry]] = defaultdict(list)
    for entry in schedule.entries:
        by_site[entry.site.id].append(entry)
    out = []
    for site_id in sorted(
        wanted, key=lambda i: (sites[i].department_code or "", sites[i].name_key, i)
    ):
        row = sites[site_id]
        code = row.department_code
        if code not in holiday_cache:
            holiday_cache[code] = holidays_between(start, end, code, lang)
        site_hours = hours.get(site_id, Timeline[str]())
        days = weeks.days(site_hours, holiday_cache[code], closures.get(site_id, []))
        out.append(
            SiteWeek(
                site=row,
                labels=labels_held(labels.get(site_id, {}), start, end),
                days=days,
                hours=site_hours.during(start, end),
                permanences=by_site.get(site_id, []),
                reservations=reservations.get(site_id, []),
                mediation=mediation.get(site_id, []),
            )
        )
    mediators = {e.agent.id for e in schedule.entries if e.agent is not None}
    mediation_warnings = mediation_service.deficit_warnings(db, week, mediators, lang)
    return WeeklyReport(
        week=week,
        department=department,
        site_id=site.id if site else None,
        sites=out,
        warnings=[*schedule.warnings, *mediation_warnings],
        department_name=dept.name if dept else None,
        names=names(
            db,
            mediators | {s["mediator"] for rows in mediation.values() for s in rows},
            {e.permanence.programme_code for e in schedule.entries},
            {r["space"] for rows in reservations.values() for r in rows},
        ),
    )


class _Weeks:
    """Each site's days that week. Sites without a closure that week share them when they
    share their hours (the same versions) and their holidays: a national report has thousands
    of sites and far fewer hours."""

    def __init__(self, monday: date) -> None:
        self.monday = monday
        self.shared: dict[tuple[oh.Hours, tuple[Any, ...]], list[oh.DayHours]] = {}

    def days(
        self, hours: oh.Hours, holidays: dict[date, str], closures: Sequence[oh.Closure]
    ) -> list[oh.DayHours]:
        if closures:
            return oh.week_hours(hours, self.monday, holidays, closures)
        key = (hours, tuple(holidays.items()))
        if key not in self.shared:
            self.shared[key] = oh.week_hours(hours, self.monday, holidays)
        return list(self.shared[key])  # the days are frozen; each site has its own list


def _standing_sites(db: Session, department: str | None, start: date, end: date) -> set[str]:
    """The sites labelled France Services or MSAP on a day of the week, and those with a
    coworking space (of the department)."""
    ids = versions.labelled_during(db, REPORTED_LABELS, start, end)
    ids |= set(db.exec(select(m.Space.site_id)))
    if department is None or not ids:
        return ids
    in_department = core_select(col(m.Site.id)).where(col(m.Site.department_code) == department)
    found = schedule_service.rows_in(db, in_department, col(m.Site.id), ids)
    return {site_id for (site_id,) in found}


def _reservations(
    db: Session, start: date, end: date, department: str | None, site: m.Site | None
) -> dict[str, list[dict[str, Any]]]:
    """Bookings of the week, without the people's names or e-mails (a report travels by mail)."""
    begin = datetime.combine(start, time())
    finish = datetime.combine(end + timedelta(days=1), time())
    columns: list[Any] = [
        m.Site.id,
        m.Reservation.id,
        m.Reservation.space_id,
        m.Reservation.start_at,
        m.Reservation.end_at,
        m.Reservation.category,
        m.Reservation.organisation,
        m.Reservation.status,
    ]
    statement = (
        core_select(*columns)
        .join(m.Space, col(m.Space.id) == col(m.Reservation.space_id))
        .join(m.Site, col(m.Site.id) == col(m.Space.site_id))
        .where(
            col(m.Reservation.start_at) < finish,
            col(m.Reservation.start_at) >= booking.earliest_start(begin),
            col(m.Reservation.end_at) > begin,
        )
    )
    if department is not None:
        statement = statement.where(col(m.Site.department_code) == department)
    if site is not None:
        statement = statement.where(col(m.Site.id) == site.id)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (
        host,
        number,
        space,
        start_at,
        end_at,
        category,
        organisation,
        status,
    ) in schedule_service.rows(
        db, statement.order_by(col(m.Reservation.start_at), col(m.Reservation.id))
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
    columns: list[Any] = [
        m.MediationSession.site_id,
        m.MediationSession.id,
        m.MediationSession.session_date,
        m.MediationSession.start_time,
        m.MediationSession.duration_minutes,
        m.MediationSession.mediator_id,
        m.MediationSession.session_type,
        m.MediationSession.participants,
        m.MediationSession.themes,
    ]
    statement = (
        core_select(*columns)
        .join(m.Site, col(m.Site.id) == col(m.MediationSession.site_id))
        .where(col(m.MediationSession.session_date).between(start, end))
    )
    if department is not None:
        statement = statement.where(col(m.Site.department_code) == department)
    if site is not None:
        statement = statement.where(col(m.Site.id) == site.id)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows = schedule_service.rows(
        db,
        statement.order_by(
            col(m.MediationSession.session_date),
            col(m.MediationSession.start_time),
            col(m.MediationSession.id),
        ),
    )
    for host, number, day, start_time, minutes, mediator, kind, participants, themes in rows:
        out[host].append(
            {
                "id": number,
                "date": day,
                "start": start_time,
                "duration_minutes": minutes,
                "mediator": mediator,
                "type": kind,
                "participants": participants,
                "themes": list(themes),
            }
        )
    return out


# ---- France Services charter ----------------------------------------------------------------


def compliance(
    db: Session, week: IsoWeek, *, department: str | None = None, lang: str = "fr"
) -> list[dict[str, Any]]:
    """The charter checked for every France Services site, from its regular hours that week:
    public holidays count as the days they would have been (they are listed), closures do not.

    Unknown hours or staff give "unknown", and so do an illustrative site's: its figures are
    shown (marked), never judged."""
    if department is not None and db.get(m.Department, department) is None:
        raise NotFound(f"department '{department}' not found")
    monday, sunday = week.monday, week.sunday
    labelled = versions.labelled_during(db, ("france_services",), monday, sunday)
    places = schedule_service.places(db, labelled)
    sites = sorted(
        (p for p in places.values() if department is None or p.department_code == department),
        key=lambda p: (p.department_code or "", p.name_key, p.id),
    )
    ids = [site.id for site in sites]
    closures = schedule_service.closures_by_site(db, ids, monday, sunday)
    hours = versions.hours_during(db, ids, monday, sunday)
    staff = versions.staff_during(db, ids, monday, sunday)
    labels = versions.labels_during(db, ids, monday, sunday)
    holiday_cache: dict[str | None, dict[date, str]] = {}
    weeks = _Weeks(monday)
    out = []
    for site in sites:
        code = site.department_code
        if code not in holiday_cache:
            holiday_cache[code] = holidays_between(monday, sunday, code, lang)
        # A public holiday does not count against the charter: the site is judged on its
        # regular hours that week (closures for works do count).
        days = weeks.days(hours.get(site.id), {}, closures.get(site.id, []))
        count = charter.week_staff(staff.get(site.id, Timeline[int]()), monday, sunday)
        reliable = not site.illustrative
        result = charter.check(days, count if reliable else None, hours_known=reliable)
        label = _label_of_week(labels.get(site.id, {}).get("france_services"), monday, sunday)
        out.append(
            {
                "site_id": site.id,
                "name": site.name,
                "commune": site.commune,
                "department": code,
                "week": week.label,
                "days_open": result.days_open,
                "hours": None if result.hours is None else round(result.hours, 2),
                "staff": count,
                "status": result.status,
                "reasons": charter.explain(result, lang),
                "reason_codes": list(result.reasons),
                "holidays_counted": [
                    f"{day.isoformat()} {name}" for day, name in sorted(holiday_cache[code].items())
                ],
                "label_since": label.since if label else None,
                "format": label.detail if label else None,
                "illustrative": site.illustrative,
                "illustrative_reason": site.illustrative_reason,
            }
        )
    return out


def _label_of_week(
    timeline: Timeline[LabelState] | None, start: date, end: date
) -> LabelState | None:
    """The label as it stood that week: its last version held during it."""
    held = [v.value for v in (timeline.during(start, end) if timeline else ()) if v.value.held]
    return held[-1] if held else None


# ---- programme evaluation -------------------------------------------------------------------


def programme_evaluation(
    db: Session, code: str, *, today: date, lang: str = "fr"
) -> dict[str, Any]:
    """A pilot's evaluation: period, occurrences by status, visitors, requests, trend."""
    programme = programme_service.get(db, code)
    horizon = programme_service.horizon(programme)
    period_end = min(horizon, today) if horizon is not None else today
    period_end = max(period_end, programme.start_date)
    schedule = schedule_service.build(
        db, programme.start_date, period_end, programme=programme.code, lang=lang
    )
    counts = Counter(e.occurrence.status for e in schedule.entries)
    held = [e for e in schedule.entries if e.occurrence.visitors is not None]
    visitors_total = sum(e.occurrence.visitors or 0 for e in held)
    by_site: dict[str, dict[str, Any]] = {}
    by_week: dict[str, dict[str, Any]] = {}
    for entry in schedule.entries:
        o = entry.occurrence
        site_row = by_site.setdefault(
            entry.site.id,
            {
                "site_id": entry.site.id,
                "site_name": entry.site.name,
                "occurrences": 0,
                "held": 0,
                "visitors": 0,
            },
        )
        week_label = IsoWeek.containing(o.date).label
        week_row = by_week.setdefault(
            week_label, {"week": week_label, "occurrences": 0, "held": 0, "visitors": 0}
        )
        if o.takes_place:
            site_row["occurrences"] += 1
            week_row["occurrences"] += 1
        if o.visitors is not None:
            site_row["held"] += 1
            site_row["visitors"] += o.visitors
            week_row["held"] += 1
            week_row["visitors"] += o.visitors
    requests: Counter[str] = Counter()
    outcome_ids = [e.permanence.id for e in held]
    if outcome_ids:
        for outcome in db.exec(
            select(m.PermanenceOutcome).where(
                col(m.PermanenceOutcome.permanence_id).in_(sorted(set(outcome_ids))),
            )
        ):
            if programme.start_date <= outcome.occurrence_date <= period_end:
                requests.update(outcome.requests)
    operator_names = {op.code: op.name for op in db.exec(select(m.Operator))}
    weeks = [by_week[k] for k in sorted(by_week)]
    detail = programme_service.detail(db, programme)
    return {
        "programme": {
            "code": programme.code,
            "title": programme.title,
            "department": programme.department_code,
            "status": programme.status,
            "start": programme.start_date,
            "start_precision": programme.start_precision,
            "planned_end": programme.planned_end,
            "ended_on": programme.ended_on,
            "funder": programme.funder,
            "funding_eur": programme.funding_eur,
            "illustrative": programme.illustrative,
            "illustrative_reason": programme.illustrative_reason,
        },
        "period": {"start": programme.start_date, "end": period_end},
        "changes": detail["changes"],
        "occurrences": {
            "planned": sum(counts.values()),
            "held": len(held),
            "not_logged": sum(
                1
                for e in schedule.entries
                if e.occurrence.takes_place and e.occurrence.visitors is None
            ),
            "moved": counts[sch.MOVED],
            "cancelled": counts[sch.CANCELLED],
            "skipped": counts[sch.SKIPPED],
            "absent": counts[sch.ABSENT],
        },
        "visitors": {
            "total": visitors_total,
            "per_held_occurrence": round(visitors_total / len(held), 2) if held else None,
        },
        "by_site": sorted(by_site.values(), key=lambda r: r["site_id"]),
        "by_week": weeks,
        "requests": [
            {"operator": op, "name": operator_names.get(op, op), "requests": n}
            for op, n in sorted(requests.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "decision": decision(weeks, programme, period_end, lang),
        "trend": _trend(weeks),
        "warnings": schedule.warnings,
    }


def _trend(weeks: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The weeks the decision's trend compares (none with fewer than two logged weeks)."""
    logged = [w for w in weeks if w["held"]]
    if len(logged) < 2:
        return {"before": [], "recent": []}
    before, recent = trend_windows(logged)
    return {"before": [w["week"] for w in before], "recent": [w["week"] for w in recent]}


def decision(
    weeks: list[dict[str, Any]], programme: m.Programme, period_end: date, lang: str
) -> list[str]:
    """A few sentences to decide on: the trend of visitors per held occurrence over the last
    four weeks with outcomes against the four before, and what remains of the period."""
    fr = lang != "en"
    logged = [w for w in weeks if w["held"]]
    lines = []
    if len(logged) < 2:
        lines.append(
            "Pas assez de bilans saisis pour dégager une tendance."
            if fr
            else "Not enough outcomes logged to show a trend."
        )
    else:
        before, recent = trend_windows(logged)

        def rate(rows: list[dict[str, Any]]) -> float:
            held = sum(r["held"] for r in rows)
            return sum(r["visitors"] for r in rows) / held if held else 0.0

        now_rate, then_rate = rate(recent), rate(before)
        if then_rate == 0:
            trend = "hausse" if now_rate > 0 else "stable"
        else:
            change = (now_rate - then_rate) / then_rate
            trend = "hausse" if change > 0.1 else "baisse" if change < -0.1 else "stable"
        english = {"hausse": "up", "baisse": "down", "stable": "stable"}
        if fr:
            lines.append(
                f"Fréquentation récente : {now_rate:.1f} visiteurs par permanence tenue "
                f"(contre {then_rate:.1f} auparavant) — tendance : {trend}.".replace(".", ",", 2)
            )
        else:
            lines.append(
                f"Recent attendance: {now_rate:.1f} visitors per held occurrence "
                f"(against {then_rate:.1f} before) — trend: {english[trend]}."
            )
    horizon = programme_service.horizon(programme)
    if programme.status == "ended":
        lines.append(words.say(Message("programme.ended_on", {"date": programme.ended_on}), lang))
    elif horizon is not None:
        lines.append(words.say(Message("programme.decide_by", {"date": horizon}), lang))
    return lines


def trend_windows(
    logged: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The weeks the trend compares: the last four logged weeks against the four before;
    with fewer than eight, the later half against the earlier half (never overlapping)."""
    if len(logged) >= 8:
        return logged[-8:-4], logged[-4:]
    half = len(logged) // 2
    return logged[:half], logged[half:]
