"""The France Services charter report: every labelled site against the charter, one week."""

from __future__ import annotations

from typing import Any

from presence_postale.domain import charter
from presence_postale.errors import Message
from presence_postale.formats import words
from presence_postale.formats.render import Column, Listing, to_json
from presence_postale.formats.reports import Block, Document, render_document, rows_csv

CSV_COLUMNS = (
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
COLUMNS = (
    Column("site_id", "site"),
    Column("name"),
    Column("department"),
    Column("days_open"),
    Column("hours", "hours"),
    Column("staff"),
    Column("status", "charter", shown="charter_status"),
    Column("reasons"),
    Column("holidays_counted"),
)
# Each reason code of the charter check, and what it says.
REASONS = {
    "too_few_days": "charter.too_few_days",
    "too_few_hours": "charter.too_few_hours",
    "too_few_staff": "charter.too_few_staff",
    "hours_unknown": "charter.hours_unknown",
    "staff_unknown": "charter.staff_unknown",
}


def render_compliance(
    rows: list[dict[str, Any]], week_label: str, fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json({"week": week_label, "sites": rows})
    if fmt == "csv":
        return rows_csv(CSV_COLUMNS, rows)
    failing = sum(1 for r in rows if r["status"] == charter.FAIL)
    unknown = sum(1 for r in rows if r["status"] == charter.UNKNOWN)
    summary = Message(
        "report.charter_summary",
        {
            "sites": len(rows),
            "passing": len(rows) - failing - unknown,
            "failing": failing,
            "unknown": unknown,
        },
    )
    shown = [
        {
            **r,
            "reasons": [reason(code, r) for code in r["reasons"]],
            "holidays_counted": [
                f"{words.day(h['date'], lang)} {words.holiday(h['holiday'], lang)}"
                for h in r["holidays_counted"]
            ],
        }
        for r in rows
    ]
    document = Document(
        Message("report.charter_title", {"week": week_label}),
        [Block(Message("report.sites"), [Listing(COLUMNS, shown)], [summary])],
        intro=[Message("report.charter_rule")],
    )
    return render_document(document, fmt, lang, width)


def reason(code: str, row: dict[str, Any]) -> Message:
    """Why a site fails the charter, or is unknown, in words with its figures."""
    return Message(
        REASONS[code],
        {
            "days": row["days_open"],
            "hours": float(row["hours"] or 0),
            "staff": row["staff"],
            "minimum_days": charter.MIN_DAYS,
            "minimum_hours": charter.MIN_HOURS,
            "minimum_staff": charter.MIN_STAFF,
        },
    )
