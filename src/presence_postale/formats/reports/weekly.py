"""The weekly report: each site's week (hours, permanences, bookings, mediation), then the
warnings; as a document, as JSON and as CSV."""

from __future__ import annotations

from typing import Any

from presence_postale.domain.report import Entry, SiteWeek, WeeklyReport
from presence_postale.errors import Label, Message
from presence_postale.formats import marks
from presence_postale.formats.render import Column, Listing, Text, to_json
from presence_postale.formats.reports import Block, Document, render_document, rows_csv

DAY_COLUMNS = (Column("day"), Column("hours", "opening_hours"), Column("closed", shown="holiday"))
PERMANENCE_COLUMNS = (
    Column("date", "day"),
    Column("start"),
    Column("end"),
    Column("programme"),
    Column("agent"),
    Column("status", shown="occurrence_status"),
    Column("reason", shown="holiday"),
)
RESERVATION_COLUMNS = (
    Column("date", "day"),
    Column("start"),
    Column("end"),
    Column("space"),
    Column("category", shown="reservation_category"),
    Column("organisation"),
    Column("status", shown="reservation_status"),
)
MEDIATION_COLUMNS = (
    Column("date", "day"),
    Column("start"),
    Column("duration_minutes"),
    Column("mediator"),
    Column("type", shown="session_type"),
    Column("participants"),
    Column("themes", shown="theme"),
)
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
    if fmt == "json":
        return to_json(weekly_json(report))
    if fmt == "csv":
        return weekly_csv(report)
    return render_document(weekly_document(report), fmt, lang, width)


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
    return {
        "week": report.week.label,
        "from": report.week.monday,
        "to": report.week.sunday,
        "department": report.department,
        "site": report.site_id,
        "sites": [_site_json(sw) for sw in report.sites],
        "warnings": report.warnings,
    }


def _site_json(sw: SiteWeek) -> dict[str, Any]:
    site = sw.site
    return {
        "id": site.id,
        "name": site.name,
        "commune": site.commune,
        "department": site.department_code,
        "labels": sw.labels,
        "opening_hours": site.opening_hours,
        "hours_total": None if sw.hours_total is None else round(sw.hours_total, 2),
        "days": [marks.day_fields(day) for day in sw.days],
        "illustrative": site.illustrative,
        "illustrative_reason": site.illustrative_reason,
        "permanences": [_occurrence_json(e) for e in sw.permanences],
        "reservations": sw.reservations,
        "mediation_sessions": sw.mediation,
    }


def _occurrence_json(entry: Entry) -> dict[str, Any]:
    row = entry.row()
    for key in ("site_id", "site_name", "commune", "department"):
        row.pop(key)
    return row


def weekly_csv(report: WeeklyReport) -> str:
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
    return rows_csv(CSV_COLUMNS, rows)


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


# ---- for people ----------------------------------------------------------------------------


def weekly_document(report: WeeklyReport) -> Document:
    blocks = [Block(_site_heading(sw), _site_listings(sw)) for sw in report.sites]
    if not report.sites:
        blocks.append(Block(Message("report.no_site"), lines=[Message("report.nothing_this_week")]))
    warnings: list[Message] = report.warnings or [Message("report.no_warnings")]
    blocks.append(Block(Message("report.warnings"), lines=list(warnings)))
    return Document(title(report), blocks)


def _site_heading(sw: SiteWeek) -> Message:
    site = sw.site
    where = f" ({site.commune}, {site.department_code})" if site.commune else ""
    heading = Message("report.site_heading", {"site": f"{site.id} {site.name}{where}"})
    if sw.labels:
        return Message(
            "report.site_heading_labels",
            {"site": heading, "labels": [Label("site_label", code) for code in sw.labels]},
        )
    return heading


def _site_listings(sw: SiteWeek) -> list[Listing]:
    site = sw.site
    days = [
        {
            "day": day.day,
            "hours": day.describe() if day.is_open else None,
            "closed": None
            if day.is_open
            else day.holiday or day.closure or Message("report.closed"),
        }
        for day in sw.days
        # Unknown hours: only the days known to be closed (a closure) are worth a line.
        if not day.unknown
    ]
    notes: list[Text] = [
        Message("report.total_hours", {"hours": float(sw.hours_total)})
        if sw.hours_total is not None
        else Message("report.opening_hours_unknown")
    ]
    if site.illustrative:
        notes.append(marks.note(None, site.illustrative_reason))
    occurrences = [
        {
            "date": e.occurrence.date,
            "start": e.occurrence.start,
            "end": e.occurrence.end,
            "programme": e.permanence.programme_code,
            "agent": (e.agent.name or e.agent.id) if e.agent else None,
            "status": e.occurrence.status,
            "reason": e.occurrence.reason,
            "illustrative": e.permanence.illustrative,
            "illustrative_reason": e.permanence.illustrative_reason,
        }
        for e in sw.permanences
    ]
    return [
        Listing(DAY_COLUMNS, days, title=Message("report.opening_hours"), notes=notes),
        Listing(PERMANENCE_COLUMNS, occurrences, title=Message("report.permanences")),
        Listing(RESERVATION_COLUMNS, sw.reservations, title=Message("report.coworking")),
        Listing(MEDIATION_COLUMNS, sw.mediation, title=Message("report.mediation")),
    ]
