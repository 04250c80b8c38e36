"""The digital-mediation report: sessions, people and hours by site, theme, type, age band and
month, the share of seniors, and the Ardoiz tablet's figures."""

from __future__ import annotations

from typing import Any

from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, to_json
from presence_postale.formats.reports import Block, Document, render_document, rows_csv

SITE_COLUMNS = (
    Column("site_id", "site"),
    Column("site_name", "name"),
    Column("sessions"),
    Column("people"),
    Column("hours"),
)
MONTH_COLUMNS = (
    Column("month", shown="month"),
    Column("sessions"),
    Column("people"),
    Column("hours"),
)
# Each breakdown: its heading, its section of the data, and its columns (the codes, shown as
# their vocabulary's labels, then what is counted).
BREAKDOWNS = (
    ("report.by_theme", "by_theme", (Column("theme", shown="theme"), Column("sessions"))),
    ("report.by_type", "by_type", (Column("type", shown="session_type"), Column("sessions"))),
    ("report.by_age_band", "by_age_band", (Column("age_band", shown="age_band"), Column("people"))),
)


def render_mediation(data: dict[str, Any], fmt: str, lang: str, width: int | None = None) -> str:
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return mediation_csv(data)
    title = Message("report.mediation_title", {"start": data["from"], "end": data["to"]})
    ardoiz = data["ardoiz"]
    facts = [
        Message("report.sessions", {"sessions": data["sessions"]}),
        Message("report.people", {"people": data["people"]}),
        Message("report.hours", {"hours": float(data["hours"])}),
        Message("report.senior_share", {"ratio": data["senior_share"]}),
        Message("report.ardoiz", {"sessions": ardoiz["sessions"], "people": ardoiz["people"]}),
    ]
    blocks = [
        Block(Message("report.summary"), lines=facts),
        Block(Message("report.by_site"), [Listing(SITE_COLUMNS, data["by_site"])]),
    ]
    for heading, section, columns in BREAKDOWNS:
        blocks.append(Block(Message(heading), [Listing(columns, data[section])]))
    blocks.append(Block(Message("report.by_month"), [Listing(MONTH_COLUMNS, data["by_month"])]))
    return render_document(Document(title, blocks), fmt, lang, width)


def mediation_csv(data: dict[str, Any]) -> str:
    rows: list[dict[str, Any]] = [
        {"section": "total", "key": k, "value": data[k]}
        for k in ("sessions", "people", "hours", "seniors", "senior_share")
    ]
    for section, key, items in (
        ("site", "site_id", data["by_site"]),
        ("month", "month", data["by_month"]),
    ):
        rows += [
            {
                "section": section,
                "key": r[key],
                "value": r["people"],
                "sessions": r["sessions"],
                "hours": r["hours"],
            }
            for r in items
        ]
    for section, key, counted in (("theme", "theme", "sessions"), ("type", "type", "sessions")):
        rows += [
            {"section": section, "key": r[key], "sessions": r[counted]} for r in data[f"by_{key}"]
        ]
    rows += [
        {"section": "age_band", "key": r["age_band"], "value": r["people"]}
        for r in data["by_age_band"]
    ]
    rows += [{"section": "ardoiz", "key": k, "value": v} for k, v in data["ardoiz"].items()]
    return rows_csv(("section", "key", "value", "sessions", "hours"), rows)
