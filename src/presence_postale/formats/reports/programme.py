"""A pilot's evaluation report: period and extensions, occurrences, attendance, requests per
operator, and the facts to decide on."""

from __future__ import annotations

from typing import Any

from presence_postale.errors import Label, Message
from presence_postale.formats import marks
from presence_postale.formats.render import Column, Listing, to_json
from presence_postale.formats.reports import Block, Document, render_document, rows_csv

OCCURRENCES = (
    ("planned", "report.occurrences_planned"),
    ("held", "report.occurrences_held"),
    ("not_logged", "report.occurrences_not_logged"),
    ("moved", "report.occurrences_moved"),
    ("cancelled", "report.occurrences_cancelled"),
    ("skipped", "report.occurrences_skipped"),
    ("absent", "report.occurrences_absent"),
)
SITE_COLUMNS = (
    Column("site_id", "site"),
    Column("site_name", "name"),
    Column("occurrences", "planned"),
    Column("held"),
    Column("visitors"),
)
WEEK_COLUMNS = (
    Column("week"),
    Column("occurrences", "planned"),
    Column("held"),
    Column("visitors"),
)
REQUEST_COLUMNS = (Column("name", "operator"), Column("requests"))


def render_programme(
    data: dict[str, Any], fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return programme_csv(data)
    p = data["programme"]
    title = Message("report.evaluation_title", {"title": p["title"], "code": p["code"]})
    occurrences = Listing(
        (Column("key", "occurrences"), Column("value", "count")),
        [{"key": Message(key), "value": data["occurrences"][code]} for code, key in OCCURRENCES],
    )
    visitors = data["visitors"]
    attendance = [
        Message("report.visitors", {"total": visitors["total"]}),
        Message("report.per_held", {"value": float(visitors["per_held_occurrence"])})
        if visitors["per_held_occurrence"] is not None
        else Message("report.per_held_none"),
    ]
    blocks = [
        Block(Message("report.period_and_extensions"), lines=_facts(data)),
        Block(Message("report.occurrences"), [occurrences]),
        Block(
            Message("report.attendance"),
            [Listing(SITE_COLUMNS, data["by_site"]), Listing(WEEK_COLUMNS, data["by_week"])],
            attendance,
        ),
        Block(Message("report.requests"), [Listing(REQUEST_COLUMNS, data["requests"])]),
        Block(Message("report.decision"), lines=decision(data["decision"])),
    ]
    if data["warnings"]:
        blocks.append(Block(Message("report.warnings"), lines=list(data["warnings"])))
    if fmt == "html":
        from presence_postale.formats.report_charts import programme_charts

        charts = programme_charts(data, lang)
        for n, name in ((2, "attendance"), (3, "requests"), (4, "decision")):
            blocks[n].figures = charts[name]
    return render_document(Document(title, blocks), fmt, lang, width)


def _facts(data: dict[str, Any]) -> list[Message]:
    p = data["programme"]
    period = data["period"]
    start = marks.approximate(period["start"], p["start_precision"])
    facts = [
        Message("report.period", {"start": period["start"], "end": period["end"]})
        if start is None
        else Message("report.period_from", {"start": start, "end": period["end"]}),
        Message("report.status", {"status": Label("programme_status", p["status"])}),
        Message("report.planned_end", {"end": p["planned_end"]})
        if p["planned_end"] is not None
        else Message("report.no_planned_end"),
    ]
    if p["illustrative"]:
        facts.append(marks.note(None, p["illustrative_reason"]))
    if p["funder"] and p["funding_eur"]:
        facts.append(
            Message("report.funder_amount", {"funder": p["funder"], "amount": p["funding_eur"]})
        )
    elif p["funder"]:
        facts.append(Message("report.funder", {"funder": p["funder"]}))
    for change in data["changes"]:
        values = {
            "date": change["date"],
            "action": Label("programme_action", change["action"]),
            "end": change["new_end"],
            "reason": change["reason"],
        }
        facts.append(Message("report.change_why" if change["reason"] else "report.change", values))
    return facts


def decision(facts: dict[str, Any]) -> list[Message]:
    """A few sentences to decide on: the trend of attendance, what remains of the period."""
    lines = []
    if facts["trend"] is None:
        lines.append(Message("report.no_trend"))
    else:
        lines.append(
            Message(
                "report.trend",
                {
                    "recent": float(facts["recent"]),
                    "before": float(facts["before"]),
                    "trend": Label("trend", facts["trend"]),
                },
            )
        )
    if facts["status"] == "ended":
        lines.append(Message("report.ended_on", {"date": facts["ended_on"]}))
    elif facts["horizon"] is not None:
        lines.append(Message("report.decide_by", {"date": facts["horizon"]}))
    return lines


def programme_csv(data: dict[str, Any]) -> str:
    rows: list[dict[str, Any]] = [
        {"section": "occurrences", "key": k, "value": v} for k, v in data["occurrences"].items()
    ]
    rows += [{"section": "visitors", "key": k, "value": v} for k, v in data["visitors"].items()]
    for section, key, items in (
        ("site", "site_id", data["by_site"]),
        ("week", "week", data["by_week"]),
    ):
        rows += [
            {
                "section": section,
                "key": r[key],
                "value": r["visitors"],
                "occurrences": r["occurrences"],
                "held": r["held"],
            }
            for r in items
        ]
    rows += [
        {"section": "requests", "key": r["operator"], "value": r["requests"]}
        for r in data["requests"]
    ]
    return rows_csv(("section", "key", "value", "occurrences", "held"), rows)
