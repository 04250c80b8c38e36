"""The weekly report: each site's week (hours, permanences, bookings, mediation), then the
warnings; as JSON, CSV and a workbook of the same rows for machines and spreadsheets, and as
the week's view (`weekly_view`) laid out for people (`weekly_text`, `weekly_html`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from presence_postale.domain.report import SiteWeek, WeeklyReport
from presence_postale.errors import Message
from presence_postale.formats import marks, words
from presence_postale.formats.render import Listing, StandardColumn, machine, to_json_bytes
from presence_postale.formats.reports import rows_csv

CSV_COLUMNS = (
    "week",
    "site_id",
    "site_name",
    "department",
    "section",
    "date",
    "start",
    "end",
    "status",
    "detail",
    "illustrative",
    "illustrative_reason",
)


def render_weekly(
    report: WeeklyReport, fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":  # in UTF-8, as written (a national report is megabytes)
        return to_json_bytes(weekly_json(report))
    if fmt == "csv":
        return rows_csv(CSV_COLUMNS, weekly_rows(report))
    if fmt == "xlsx":
        from presence_postale.formats import xlsx

        columns = tuple(StandardColumn(key) for key in CSV_COLUMNS)
        return xlsx.listing(Listing(columns, weekly_rows(report), title=title(report)), lang)
    from presence_postale.formats.weekly_view import week_view

    view = week_view(report, words.say(title(report), lang), lang)
    if fmt == "html":
        from presence_postale.formats.weekly_html import weekly_page

        return weekly_page(view)
    from presence_postale.formats.weekly_text import weekly_markdown, weekly_table

    return weekly_markdown(view) if fmt == "markdown" else weekly_table(view, width)


def title(report: WeeklyReport) -> Message:
    if report.site_id:
        scope = Message("report.scope_site", {"site": report.site_id})
    elif report.department:
        name = f"{report.department} {report.department_name or ''}".rstrip()
        scope = Message("report.scope_department", {"department": name})
    else:
        scope = Message("report.scope_france")
    week = report.week
    return Message(
        "report.weekly_title",
        {"week": week.label, "scope": scope, "monday": week.monday, "sunday": week.sunday},
    )


# ---- JSON and CSV --------------------------------------------------------------------------


def weekly_json(report: WeeklyReport) -> dict[str, Any]:
    seen: dict[int, Any] = {}
    return {
        "week": report.week.label,
        "from": report.week.monday,
        "to": report.week.sunday,
        "department": report.department,
        "site": report.site_id,
        "sites": [_site_json(sw, seen) for sw in report.sites],
        "warnings": report.warnings,
    }


def _site_json(sw: SiteWeek, seen: dict[int, Any]) -> dict[str, Any]:
    """One site's week. Sites of the same hours and holidays share their days, and distinct
    weeks share most of their days (a national report has thirty thousand days, a few
    hundred apart): `seen` keeps, by identity, each day's JSON and each week's days and total
    of hours, made once."""
    site = sw.site
    written = seen.get(id(sw.days))
    if written is None:
        total = sw.hours_total  # counted over the seven days: once
        days = [
            seen.get(id(day)) or seen.setdefault(id(day), machine(marks.day_fields(day)))
            for day in sw.days
        ]
        written = seen[id(sw.days)] = (days, None if total is None else round(total, 2))
    days, total = written
    return {
        "id": site.id,
        "name": site.name,
        "commune": site.commune,
        "department": site.department_code,
        "labels": sw.labels,
        # The hours in force on the week's first day; a version beginning later in the week
        # is listed with its first day (each day's hours are in `days`).
        "opening_hours": _hours_on(sw, sw.days[0].day),
        "opening_hours_from": [
            {"from": v.valid_from, "opening_hours": v.value}
            for v in sw.hours
            if v.valid_from > sw.days[0].day
        ],
        "hours_total": total,
        "days": days,
        "illustrative": site.illustrative,
        "illustrative_reason": site.illustrative_reason,
        "permanences": [e.row(site=False) for e in sw.permanences],
        "reservations": sw.reservations,
        "mediation_sessions": sw.mediation,
    }


def _hours_on(sw: SiteWeek, day: date) -> str | None:
    in_force = [v.value for v in sw.hours if v.valid_from <= day]
    return in_force[-1] if in_force else None


def weekly_rows(report: WeeklyReport) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for sw in report.sites:
        base = {
            "week": report.week.label,
            "site_id": sw.site.id,
            "site_name": sw.site.name,
            "department": sw.site.department_code,
        }
        rows += [{**base, **row} for row in _site_csv(sw)]
    for warning in report.warnings:
        rows.append({"week": report.week.label, "section": "warning", "detail": warning})
    return rows


def _mark(illustrative: bool, reason: str | None) -> dict[str, Any]:
    """The illustrative columns of a row about a site's hours or a permanence."""
    return {"illustrative": illustrative, "illustrative_reason": reason}


def _site_csv(sw: SiteWeek) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "section": "hours",
            "date": day.day,
            "status": day.state,  # open, closed, or unknown (not closed)
            "detail": day.describe() if day.is_open else (day.holiday or day.closure or ""),
            **_mark(sw.site.illustrative, sw.site.illustrative_reason),
        }
        for day in sw.days
    ]
    for entry in sw.permanences:
        o = entry.occurrence
        detail = f"#{o.permanence_id} {entry.permanence.programme_code}"
        detail += (f" {entry.agent.id}" if entry.agent else "") + (
            f" ({o.reason})" if o.reason else ""
        )
        rows.append(
            {
                "section": "permanence",
                "date": o.date,
                "start": o.start,
                "end": o.end,
                "status": o.status,
                "detail": detail,
                **_mark(entry.permanence.illustrative, entry.permanence.illustrative_reason),
            }
        )
    for res in sw.reservations:
        rows.append(
            {
                "section": "reservation",
                "date": res["date"],
                "start": res["start"],
                "end": res["end"],
                "status": res["status"],
                "detail": f"#{res['id']} {res['space']} {res['category']}",
            }
        )
    for ses in sw.mediation:
        detail = f"#{ses['id']} {ses['mediator']} {ses['duration_minutes']} min"
        rows.append(
            {
                "section": "mediation",
                "date": ses["date"],
                "start": ses["start"],
                "status": ses["type"],
                "detail": f"{detail}, {ses['participants']} participants",
            }
        )
    return rows
