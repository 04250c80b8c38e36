"""The mediation report laid out: a summary, then one table per breakdown of the Coop's.

JSON carries the service's figures as they are (codes, shares as fractions); CSV one line per
figure (`section`, `key`, then the counts); people's formats and spreadsheets the labels of the
codes and shares as percentages.
"""

from __future__ import annotations

from typing import Any

from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, to_json
from presence_postale.formats.reports import Block, Document, render_document, rows_csv

# Each breakdown of the report: its section of the data, its heading, the column of its codes
# (headed and shown by their vocabulary), and what it counts.
BREAKDOWNS = (
    (
        "by_type",
        "mediation.report.by_type",
        Column("type", "session_type", "session_type"),
        "sessions",
    ),
    (
        "by_place_type",
        "mediation.report.by_place_type",
        Column("place_type", "place_type", "place_type"),
        "sessions",
    ),
    (
        "by_theme_family",
        "mediation.report.by_theme_family",
        Column("family", "theme_family", "theme_family"),
        "sessions",
    ),
    ("by_theme", "mediation.report.by_theme", Column("theme", "theme", "theme"), "sessions"),
    (
        "by_equipment",
        "mediation.report.by_equipment",
        Column("equipment", "equipment_used", "equipment_used"),
        "sessions",
    ),
    (
        "by_autonomy",
        "mediation.report.by_autonomy",
        Column("autonomy", "autonomy", "autonomy"),
        "sessions",
    ),
    (
        "by_redirection",
        "mediation.report.by_redirection",
        Column("redirection", "redirection", "redirection"),
        "sessions",
    ),
    (
        "by_duration_band",
        "mediation.report.by_duration_band",
        Column("duration_band", "duration_band", "duration_band"),
        "sessions",
    ),
    (
        "by_age_band",
        "mediation.report.by_age_band",
        Column("age_band", "age_band", "age_band"),
        "people",
    ),
    (
        "by_social_status",
        "mediation.report.by_social_status",
        Column("social_status", "social_status", "social_status"),
        "people",
    ),
    ("by_gender", "mediation.report.by_gender", Column("gender", "gender", "gender"), "people"),
)
TOTALS = ("sessions", "people", "hours", "seniors", "senior_share")
FIGURES = (Column("sessions"), Column("people"), Column("hours"))
SITE_COLUMNS = (Column("site_id", "site"), Column("site_name", "name"), *FIGURES)
MONTH_COLUMNS = (Column("month", shown="month"), *FIGURES)
SHARE = Column("share", "percent", shown="percent")
MEASURES = {"sessions": Column("sessions"), "people": Column("people")}
COMMUNE_COLUMNS = (Column("insee_code"), Column("commune"), Column("people"), SHARE)


def render_mediation(
    data: dict[str, Any], fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return mediation_csv(data)
    document = mediation_document(data)
    if fmt == "html":
        from presence_postale.formats.report_charts import mediation_charts

        blocks = {
            block.heading.key: block
            for block in document.blocks
            if isinstance(block.heading, Message)
        }
        for heading, figures in mediation_charts(data, lang).items():
            blocks[heading].figures = figures
    return render_document(document, fmt, lang, width)


def mediation_csv(data: dict[str, Any]) -> str:
    rows: list[dict[str, Any]] = [{"section": "total", "key": k, "value": data[k]} for k in TOTALS]
    for section, key in (("site", "site_id"), ("month", "month")):
        rows += [
            {"section": section, "key": r[key], "value": r["people"], **r}
            for r in data[f"by_{section}"]
        ]
    for name, _heading, codes, measure in BREAKDOWNS:
        section = name.removeprefix("by_")
        rows += [
            {"section": section, "key": r[codes.key], "value": r[measure], **r} for r in data[name]
        ]
    rows += [
        {"section": "commune", "key": r["insee_code"], "value": r["people"], **r}
        for r in data["by_commune"]
    ]
    rows += [{"section": "ardoiz", "key": k, "value": v} for k, v in data["ardoiz"].items()]
    return rows_csv(("section", "key", "value", "sessions", "people", "hours", "share"), rows)


def _facts(data: dict[str, Any]) -> list[Message]:
    seniors = (
        Message("mediation.report.seniors", {"n": data["seniors"], "share": data["senior_share"]})
        if data["senior_share"] is not None
        else Message("mediation.report.seniors_unknown", {"n": data["seniors"]})
    )
    return [
        Message("mediation.report.sessions", {"n": data["sessions"]}),
        Message("mediation.report.people", {"n": data["people"]}),
        Message("mediation.report.hours", {"n": float(data["hours"])}),
        seniors,
        Message("mediation.report.ardoiz", dict(data["ardoiz"])),
    ]


def mediation_document(data: dict[str, Any]) -> Document:
    blocks = [
        Block(Message("mediation.report.summary"), lines=_facts(data)),
        Block(Message("mediation.report.by_site"), [Listing(SITE_COLUMNS, data["by_site"])]),
        Block(Message("mediation.report.by_month"), [Listing(MONTH_COLUMNS, data["by_month"])]),
    ]
    for name, heading, codes, measure in BREAKDOWNS:
        columns = (codes, MEASURES[measure], SHARE)
        blocks.append(Block(Message(heading), [Listing(columns, data[name])]))
    communes = Listing(COMMUNE_COLUMNS, data["by_commune"])
    blocks.append(Block(Message("mediation.report.by_commune"), [communes]))
    title = Message("mediation.report.title", {"start": data["from"], "end": data["to"]})
    return Document(title, blocks)
