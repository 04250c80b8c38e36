"""The mediation report laid out: a summary, then one table per breakdown of the Coop's.

JSON carries the service's figures as they are (codes, shares as fractions); CSV one line per
figure (`section`, `key`, then the counts); people's formats and spreadsheets the labels of the
codes, in French unless `lang="en"`, and shares as percentages.
"""

from __future__ import annotations

from typing import Any

from presence_postale.formats import words
from presence_postale.formats.render import Listing, catalogue_columns, to_json
from presence_postale.formats.report import Block, Document, render_document, rows_csv

# Each breakdown of the report: its heading, the vocabulary of its codes (None: no labels),
# the key of the code in its rows, and what it counts.
BREAKDOWNS = (
    ("by_type", "mediation.report.by_type", "session_type", "type", "sessions"),
    ("by_place_type", "mediation.report.by_place_type", "place_type", "place_type", "sessions"),
    ("by_theme_family", "mediation.report.by_theme_family", "theme_family", "family", "sessions"),
    ("by_theme", "mediation.report.by_theme", "theme", "theme", "sessions"),
    ("by_equipment", "mediation.report.by_equipment", "equipment_used", "equipment", "sessions"),
    ("by_autonomy", "mediation.report.by_autonomy", "autonomy", "autonomy", "sessions"),
    ("by_redirection", "mediation.report.by_redirection", "redirection", "redirection", "sessions"),
    (
        "by_duration_band",
        "mediation.report.by_duration_band",
        "duration_band",
        "duration_band",
        "sessions",
    ),
    ("by_age_band", "mediation.report.by_age_band", "age_band", "age_band", "people"),
    (
        "by_social_status",
        "mediation.report.by_social_status",
        "social_status",
        "social_status",
        "people",
    ),
    ("by_gender", "mediation.report.by_gender", "gender", "gender", "people"),
)
TOTALS = ("sessions", "people", "hours", "seniors", "senior_share")


def render_mediation(
    data: dict[str, Any], fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return mediation_csv(data)
    document = mediation_document(data, lang)
    if fmt == "html":
        from presence_postale.formats.report_charts import mediation_charts

        blocks = {block.heading: block for block in document.blocks}
        for heading, figures in mediation_charts(data, lang).items():
            blocks[words.say(heading, lang)].figures = figures
    return render_document(document, fmt, lang, width)


def mediation_csv(data: dict[str, Any]) -> str:
    rows: list[dict[str, Any]] = [{"section": "total", "key": k, "value": data[k]} for k in TOTALS]
    for section, key in (("site", "site_id"), ("month", "month")):
        rows += [
            {"section": section, "key": r[key], "value": r["people"], **r}
            for r in data[f"by_{section}"]
        ]
    for name, _heading, _vocabulary, key, measure in BREAKDOWNS:
        section = name.removeprefix("by_")
        rows += [{"section": section, "key": r[key], "value": r[measure], **r} for r in data[name]]
    rows += [
        {"section": "commune", "key": r["insee_code"], "value": r["people"], **r}
        for r in data["by_commune"]
    ]
    rows += [{"section": "ardoiz", "key": k, "value": v} for k, v in data["ardoiz"].items()]
    return rows_csv(("section", "key", "value", "sessions", "people", "hours", "share"), rows)


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def _labelled(rows: list[dict[str, Any]], vocabulary: str, key: str, lang: str) -> list[dict]:
    return [
        {**r, "label": words.label(vocabulary, r[key], lang), "percent": _percent(r["share"])}
        for r in rows
    ]


def mediation_document(data: dict[str, Any], lang: str) -> Document:
    def say(key: str, **params: Any) -> str:
        return words.say(key, lang, **params)

    share = _percent(data["senior_share"])
    facts = [
        say("mediation.report.sessions", n=data["sessions"]),
        say("mediation.report.people", n=data["people"]),
        say("mediation.report.hours", n=data["hours"]),
        say("mediation.report.seniors", n=data["seniors"], share=share)
        if share is not None
        else say("mediation.report.seniors_unknown", n=data["seniors"]),
        say("mediation.report.ardoiz", **data["ardoiz"]),
    ]
    totals = {"sessions": "heading.sessions", "people": "heading.people", "hours": "heading.hours"}
    blocks = [
        Block(say("mediation.report.summary"), lines=facts),
        Block(
            say("mediation.report.by_site"),
            [
                Listing(
                    catalogue_columns(
                        {"site_id": "heading.site", "site_name": "heading.name", **totals}
                    ),
                    data["by_site"],
                )
            ],
        ),
        Block(
            say("mediation.report.by_month"),
            [Listing(catalogue_columns({"month": "heading.month", **totals}), data["by_month"])],
        ),
    ]
    for name, heading, vocabulary, key, measure in BREAKDOWNS:
        columns = catalogue_columns(
            {
                "label": f"heading.{vocabulary}",
                measure: f"heading.{measure}",
                "percent": "heading.percent",
            }
        )
        rows = _labelled(data[name], vocabulary, key, lang)
        blocks.append(Block(say(heading), [Listing(columns, rows)]))
    communes = catalogue_columns(
        {
            "insee_code": "heading.insee_code",
            "commune": "heading.commune",
            "people": "heading.people",
            "percent": "heading.percent",
        }
    )
    rows = [{**r, "percent": _percent(r["share"])} for r in data["by_commune"]]
    blocks.append(Block(say("mediation.report.by_commune"), [Listing(communes, rows)]))
    title = say("mediation.report.title", start=data["from"], end=data["to"])
    return Document(title, blocks)
