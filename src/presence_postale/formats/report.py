"""Reports laid out for people (table, Markdown, HTML) and for machines (JSON, CSV).

A report is a title and a list of blocks, each a heading and some listings or lines; the
renderer of `formats.render` draws the listings. Nothing here reads the clock: the same data
gives byte-identical output.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from presence_postale.domain.calendar import format_day
from presence_postale.formats import marks, words
from presence_postale.formats.render import (
    Column,
    Listing,
    csv_cell,
    html_table,
    human,
    markdown_text,
    to_json,
    to_markdown,
    to_table,
)

if TYPE_CHECKING:
    from presence_postale.services.reports import SiteWeek, WeeklyReport

REPORT_FORMATS = ("table", "json", "csv", "markdown", "html", "xlsx")


@dataclass
class Block:
    heading: str
    listings: list[Listing] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    level: int = 2
    # Charts (`<svg>`), shown above the listings in HTML only.
    figures: list[str] = field(default_factory=list)


@dataclass
class Document:
    title: str
    blocks: list[Block]
    intro: list[str] = field(default_factory=list)


def render_document(doc: Document, fmt: str, lang: str, width: int | None = None) -> str | bytes:
    # A workbook carries the marks as a CSV does: columns a spreadsheet can filter on.
    marked = "csv" if fmt == "xlsx" else fmt
    doc = replace(
        doc,
        blocks=[
            replace(block, listings=[marks.annotate(x, marked, lang) for x in block.listings])
            for block in doc.blocks
        ],
    )
    if fmt == "xlsx":
        from presence_postale.formats import xlsx

        return xlsx.document(doc, lang)
    if fmt == "markdown":
        parts = [f"# {markdown_text(doc.title)}", ""]
        parts += [*(markdown_text(line) for line in doc.intro), ""] if doc.intro else []
        for block in doc.blocks:
            parts += [f"{'#' * block.level} {markdown_text(block.heading)}", ""]
            for listing in block.listings:
                parts.append(to_markdown(listing, lang, level=block.level + 1))
            parts += [f"- {markdown_text(line)}" for line in block.lines]
            if block.lines:
                parts.append("")
        return "\n".join(parts).rstrip("\n") + "\n"
    if fmt == "html":
        body = []
        for block in doc.blocks:
            tag = f"h{min(block.level, 6)}"
            body.append(f"<{tag}>{html.escape(block.heading)}</{tag}>")
            body += [f"<figure>{figure}</figure>" for figure in block.figures]
            body += [html_table(listing, lang, block.level + 1) for listing in block.listings]
            if block.lines:
                items = "".join(f"<li>{html.escape(line)}</li>" for line in block.lines)
                body.append(f"<ul>{items}</ul>")
        intro = "".join(f"<p>{html.escape(line)}</p>\n" for line in doc.intro)
        return _page(doc.title, intro + "\n".join(body), lang)
    # table: plain text, for a terminal or a cron mail
    parts = [doc.title, "=" * len(doc.title), *doc.intro, ""]
    for block in doc.blocks:
        parts += [block.heading, "-" * len(block.heading)]
        for listing in block.listings:
            parts.append(to_table(listing, lang, width).rstrip("\n"))
            parts.append("")
        parts += [f"  • {line}" for line in block.lines]
        parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"


def _page(title: str, body: str, lang: str) -> str:
    from presence_postale.formats.html_page import page

    return page(title, f"<h1>{html.escape(title)}</h1>\n{body}", lang)


def rows_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return out.getvalue()


# ---- weekly ---------------------------------------------------------------------------------

STATUS_FR = {
    "scheduled": "prévue",
    "held": "tenue",
    "moved": "déplacée",
    "cancelled": "annulée",
    "skipped": "sautée",
    "absent": "agent absent",
    "confirmed": "confirmée",
    "attended": "venue",
    "no_show": "absente",
}


def status_label(status: str, lang: str) -> str:
    return status if lang == "en" else STATUS_FR.get(status, status)


def _t(fr: str, en: str, lang: str) -> str:
    return en if lang == "en" else fr


def weekly_title(report: WeeklyReport, lang: str) -> str:
    week = report.week
    span = _t(
        f"du {format_day(week.monday, lang)} au {format_day(week.sunday, lang)}",
        f"{format_day(week.monday, lang)} to {format_day(week.sunday, lang)}",
        lang,
    )
    scope = ""
    if report.site_id:
        scope = f" — site {report.site_id}"
    elif report.department:
        scope = f" — {report.department} {report.department_name or ''}".rstrip()
    else:
        scope = _t(" — France entière", " — all of France", lang)
    return _t("Rapport hebdomadaire", "Weekly report", lang) + f" {week.label}{scope} ({span})"


def weekly_json(report: WeeklyReport) -> dict[str, Any]:
    seen: dict[int, dict[str, Any]] = {}
    return {
        "week": report.week.label,
        "from": report.week.monday,
        "to": report.week.sunday,
        "department": report.department,
        "site": report.site_id,
        "sites": [_site_json(sw, seen) for sw in report.sites],
        "warnings": report.warnings,
    }


def _site_json(sw: SiteWeek, seen: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """One site's week; `seen` keeps the days already written, by identity (sites with the
    same hours share theirs: a national report has thirty thousand days, a few hundred apart)."""
    site = sw.site
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
        "hours_total": None if sw.hours_total is None else round(sw.hours_total, 2),
        "days": [
            seen.get(id(day)) or seen.setdefault(id(day), marks.day_fields(day)) for day in sw.days
        ],
        "illustrative": site.illustrative,
        "illustrative_reason": site.illustrative_reason,
        "permanences": [_occurrence_json(e) for e in sw.permanences],
        "reservations": sw.reservations,
        "mediation_sessions": sw.mediation,
    }


def _hours_on(sw: SiteWeek, day: date) -> str | None:
    in_force = [v.value for v in sw.hours if v.valid_from <= day]
    return in_force[-1] if in_force else None


def _occurrence_json(entry: Any) -> dict[str, Any]:
    row = entry.row()
    row.pop("site_id"), row.pop("site_name"), row.pop("commune"), row.pop("department")
    return row


WEEKLY_CSV = (
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


def weekly_csv(report: WeeklyReport, lang: str) -> str:
    rows: list[dict[str, Any]] = []
    for sw in report.sites:
        base = {
            "week": report.week.label,
            "site_id": sw.site.id,
            "site_name": sw.site.name,
            "department": sw.site.department_code,
        }
        site_mark = _mark(sw.site.illustrative, sw.site.illustrative_reason)
        for day in sw.days:
            rows.append(
                {
                    **base,
                    "section": "hours",
                    "date": day.day,
                    "status": day.state,  # open, closed, or unknown (not closed)
                    "detail": day.describe() if day.is_open else (day.holiday or day.closure or ""),
                    **site_mark,
                }
            )
        for entry in sw.permanences:
            o = entry.occurrence
            rows.append(
                {
                    **base,
                    "section": "permanence",
                    "date": o.date,
                    "start": o.start,
                    "end": o.end,
                    "status": o.status,
                    "detail": f"#{o.permanence_id} {entry.permanence.programme_code}"
                    + (f" {entry.agent.id}" if entry.agent else "")
                    + (f" ({o.reason})" if o.reason else ""),
                    **_mark(entry.permanence.illustrative, entry.permanence.illustrative_reason),
                }
            )
        for res in sw.reservations:
            rows.append(
                {
                    **base,
                    "section": "reservation",
                    "date": res["date"],
                    "start": res["start"],
                    "end": res["end"],
                    "status": res["status"],
                    "detail": f"#{res['id']} {res['space']} {res['category']}",
                }
            )
        for ses in sw.mediation:
            rows.append(
                {
                    **base,
                    "section": "mediation",
                    "date": ses["date"],
                    "start": ses["start"],
                    "status": ses["type"],
                    "detail": f"#{ses['id']} {ses['mediator']} {ses['duration_minutes']} min, "
                    f"{ses['participants']} pers.",
                }
            )
    for warning in report.warnings:
        rows.append({"week": report.week.label, "section": "warning", "detail": warning})
    return rows_csv(WEEKLY_CSV, rows)


def _mark(illustrative: bool, reason: str | None) -> dict[str, Any]:
    """The illustrative columns of a weekly CSV row about a site's hours or a permanence."""
    return {"illustrative": illustrative, "illustrative_reason": reason}


def render_weekly(
    report: WeeklyReport, fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(weekly_json(report))
    if fmt == "csv":
        return weekly_csv(report, lang)
    from presence_postale.formats.weekly_view import week_view

    view = week_view(report, weekly_title(report, lang), lang)
    if fmt == "html":
        from presence_postale.formats.weekly_html import weekly_page

        return weekly_page(view)
    from presence_postale.formats.weekly_text import weekly_markdown, weekly_table

    return weekly_markdown(view) if fmt == "markdown" else weekly_table(view, width)


# ---- compliance -----------------------------------------------------------------------------

COMPLIANCE_FR = {"pass": "conforme", "fail": "non conforme", "unknown": "inconnu"}


def render_compliance(
    rows: list[dict[str, Any]], week_label: str, fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json({"week": week_label, "sites": rows})
    columns = (
        "site_id",
        "name",
        "commune",
        "department",
        "week",
        "days_open",
        "hours",
        "staff",
        "status",
        "reasons",
        "illustrative",
        "illustrative_reason",
    )
    if fmt == "csv":
        return rows_csv(columns, rows)
    failing = sum(1 for r in rows if r["status"] == "fail")
    unknown = sum(1 for r in rows if r["status"] == "unknown")
    passing = len(rows) - failing - unknown
    summary = _t(
        f"{len(rows)} sites France Services : {passing} conformes, "
        f"{failing} non conformes, {unknown} inconnus.",
        f"{len(rows)} France Services sites: {passing} pass, {failing} fail, {unknown} unknown.",
        lang,
    )
    listing = Listing(
        (
            Column("site_id", "site", "site"),
            Column("name", "nom", "name"),
            Column("department", "dép.", "dept"),
            Column("days_open", "jours", "days"),
            Column("hours", "heures", "hours"),
            Column("staff", "personnels", "staff"),
            Column("status_label", "charte", "charter"),
            Column("reasons", "motifs", "reasons"),
            Column("holidays_counted", "fériés comptés", "holidays counted"),
        ),
        [
            {**r, "status_label": r["status"] if lang == "en" else COMPLIANCE_FR[r["status"]]}
            for r in rows
        ],
    )
    title = _t(
        f"Charte France Services — semaine {week_label}",
        f"France Services charter — week {week_label}",
        lang,
    )
    rules = _t(
        "Règle : ouvert au moins 5 jours et 24 heures par semaine, "
        "avec au moins deux personnels polyvalents.",
        "Rule: open at least 5 days and 24 hours a week, with at least two polyvalent staff.",
        lang,
    )
    return render_document(
        Document(title, [Block(_t("Sites", "Sites", lang), [listing], [summary])], intro=[rules]),
        fmt,
        lang,
        width,
    )


# ---- programme evaluation -------------------------------------------------------------------


def render_programme(
    data: dict[str, Any], fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        rows = [
            {"section": "occurrences", "key": k, "value": v} for k, v in data["occurrences"].items()
        ]
        rows += [{"section": "visitors", "key": k, "value": v} for k, v in data["visitors"].items()]
        rows += [
            {
                "section": "site",
                "key": r["site_id"],
                "value": r["visitors"],
                "occurrences": r["occurrences"],
                "held": r["held"],
            }
            for r in data["by_site"]
        ]
        rows += [
            {
                "section": "week",
                "key": r["week"],
                "value": r["visitors"],
                "occurrences": r["occurrences"],
                "held": r["held"],
            }
            for r in data["by_week"]
        ]
        rows += [
            {"section": "requests", "key": r["operator"], "value": r["requests"]}
            for r in data["requests"]
        ]
        return rows_csv(("section", "key", "value", "occurrences", "held"), rows)
    p = data["programme"]
    title = f"{_t('Évaluation', 'Evaluation', lang)} — {p['title']} ({p['code']})"
    period = data["period"]
    start = marks.approximate(period["start"], p["start_precision"], lang)
    facts = [
        _t("Période", "Period", lang)
        + f" : {start or human(period['start'], lang)} → {human(period['end'], lang)}",
        _t("Statut", "Status", lang) + f" : {words.label('programme_status', p['status'], lang)}",
        _t("Fin prévue", "Planned end", lang) + f" : {human(p['planned_end'], lang) or '—'}",
    ]
    if p["illustrative"]:
        facts.append(marks.note(None, p["illustrative_reason"], lang))
    if p["funder"]:
        facts.append(
            _t("Financeur", "Funder", lang)
            + f" : {p['funder']}"
            + (f" ({p['funding_eur']} €)" if p["funding_eur"] else "")
        )
    for change in data["changes"]:
        facts.append(
            f"{human(change['date'], lang)} : {change['action']} → {human(change['new_end'], lang)}"
            + (f" ({change['reason']})" if change["reason"] else "")
        )
    occ = data["occurrences"]
    occurrence_listing = Listing(
        (Column("key", "occurrences", "occurrences"), Column("value", "nombre", "count")),
        [
            {"key": _t("prévues", "planned", lang), "value": occ["planned"]},
            {
                "key": _t("tenues (bilan saisi)", "held (outcome logged)", lang),
                "value": occ["held"],
            },
            {"key": _t("sans bilan", "not logged", lang), "value": occ["not_logged"]},
            {"key": _t("déplacées", "moved", lang), "value": occ["moved"]},
            {"key": _t("annulées", "cancelled", lang), "value": occ["cancelled"]},
            {
                "key": _t("sautées (fériés, fermetures)", "skipped (holidays, closures)", lang),
                "value": occ["skipped"],
            },
            {"key": _t("agent absent", "agent away", lang), "value": occ["absent"]},
        ],
    )
    visitors = data["visitors"]
    visitor_lines = [
        _t("Visiteurs", "Visitors", lang) + f" : {visitors['total']}",
        _t("Par permanence tenue", "Per held occurrence", lang)
        + f" : {human(visitors['per_held_occurrence'], lang) or '—'}",
    ]
    site_listing = Listing(
        (
            Column("site_id", "site", "site"),
            Column("site_name", "nom", "name"),
            Column("occurrences", "prévues", "planned"),
            Column("held", "tenues", "held"),
            Column("visitors", "visiteurs", "visitors"),
        ),
        data["by_site"],
    )
    week_listing = Listing(
        (
            Column("week", "semaine", "week"),
            Column("occurrences", "prévues", "planned"),
            Column("held", "tenues", "held"),
            Column("visitors", "visiteurs", "visitors"),
        ),
        data["by_week"],
    )
    request_listing = Listing(
        (Column("name", "opérateur", "operator"), Column("requests", "demandes", "requests")),
        data["requests"],
    )
    blocks = [
        Block(_t("Période et prolongations", "Period and extensions", lang), lines=facts),
        Block(_t("Occurrences", "Occurrences", lang), [occurrence_listing]),
        Block(_t("Fréquentation", "Attendance", lang), [site_listing, week_listing], visitor_lines),
        Block(_t("Demandes par opérateur", "Requests per operator", lang), [request_listing]),
        Block(_t("Décision", "Decision", lang), lines=data["decision"]),
    ]
    if data["warnings"]:
        blocks.append(Block(_t("Alertes", "Warnings", lang), lines=data["warnings"]))
    if fmt == "html":
        from presence_postale.formats.report_charts import programme_charts

        charts = programme_charts(data, lang)
        for n, name in ((2, "attendance"), (3, "requests"), (4, "decision")):
            blocks[n].figures = charts[name]
    return render_document(Document(title, blocks), fmt, lang, width)


# ---- coworking usage ------------------------------------------------------------------------


def _percent(value: float | None, lang: str) -> str:
    if value is None:
        return _t("inconnu", "unknown", lang)
    text = f"{value * 100:.1f} %"
    return text.replace(".", ",") if lang != "en" else text.replace(" %", "%")


def render_usage(
    data: dict[str, Any], fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        rows = [
            {
                "section": "space",
                "key": s["space"],
                "bookings": s["bookings"],
                "hours": s["booked_hours"],
                "bookable_hours": s["bookable_hours"],
                "occupancy": s["occupancy"],
            }
            for s in data["spaces"]
        ]
        rows += [
            {
                "section": "category",
                "key": c["category"],
                "bookings": c["bookings"],
                "hours": c["hours"],
            }
            for c in data["by_category"]
        ]
        rows += [
            {
                "section": "month",
                "key": mo["month"],
                "bookings": mo["bookings"],
                "hours": mo["hours"],
                "bookable_hours": mo["bookable_hours"],
                "occupancy": mo["occupancy"],
            }
            for mo in data["by_month"]
        ]
        rows.append(
            {"section": "total", "key": "distinct_users", "bookings": data["distinct_users"]}
        )
        rows.append({"section": "total", "key": "no_show_rate", "occupancy": data["no_show_rate"]})
        return rows_csv(
            ("section", "key", "bookings", "hours", "bookable_hours", "occupancy"), rows
        )
    title = _t("Utilisation des espaces de coworking", "Coworking usage", lang) + (
        f" — {human(data['from'], lang)} → {human(data['to'], lang)}"
    )
    facts = [
        _t("Heures réservées", "Booked hours", lang) + f" : {human(data['booked_hours'], lang)}",
        _t("Heures réservables", "Bookable hours", lang)
        + f" : {human(data['bookable_hours'], lang) or _t('inconnues', 'unknown', lang)}",
        _t("Taux d'occupation", "Occupancy", lang) + f" : {_percent(data['occupancy'], lang)}",
        _t("Usagers distincts", "Distinct users", lang) + f" : {data['distinct_users']}",
        _t("Absences (no-show)", "No-shows", lang)
        + f" : {data['no_show']} / {data['attended'] + data['no_show']} "
        + f"({_percent(data['no_show_rate'], lang)})",
    ]
    spaces = Listing(
        (
            Column("space", "espace", "space"),
            Column("name", "nom", "name"),
            Column("bookings", "réservations", "bookings"),
            Column("booked_hours", "heures réservées", "booked hours"),
            Column("bookable_hours", "heures réservables", "bookable hours"),
            Column("occupancy_text", "occupation", "occupancy"),
        ),
        [{**s, "occupancy_text": _percent(s["occupancy"], lang)} for s in data["spaces"]],
    )
    categories = Listing(
        (
            Column("category", "catégorie", "category"),
            Column("bookings", "réservations", "bookings"),
            Column("hours", "heures", "hours"),
        ),
        data["by_category"],
    )
    months = Listing(
        (
            Column("month", "mois", "month"),
            Column("bookings", "réservations", "bookings"),
            Column("hours", "heures", "hours"),
            Column("bookable_hours", "heures réservables", "bookable hours"),
            Column("occupancy_text", "occupation", "occupancy"),
        ),
        [{**mo, "occupancy_text": _percent(mo["occupancy"], lang)} for mo in data["by_month"]],
    )
    blocks = [
        Block(_t("Synthèse", "Summary", lang), lines=facts),
        Block(_t("Par espace", "By space", lang), [spaces]),
        Block(_t("Par catégorie", "By category", lang), [categories]),
        Block(_t("Par mois", "By month", lang), [months]),
    ]
    if fmt == "html":
        from presence_postale.formats.report_charts import usage_charts

        blocks[3].figures = usage_charts(data, lang).get("by_month", [])
    return render_document(Document(title, blocks), fmt, lang, width)
