"""The charts of the HTML reports, where a series used to be read as a table of numbers (the
tables stay beside them): a programme's evaluation, the mediation report, coworking usage.

Each function takes the report's data as the service returns it and gives, per block heading
key, the `<svg>` charts to show above that block's tables. A chart whose series is empty is
left out. Loaded only when HTML is asked for.
"""

from __future__ import annotations

from typing import Any

from presence_postale.formats import words
from presence_postale.formats.charts import (
    OUTLINE,
    PALETTE,
    Chart,
    Reference,
    Series,
    bars,
    columns,
    lines,
)

# What a chart counts, as its axis says it.
MEASURES = {"people": "chart.people", "sessions": "chart.sessions"}


def _say(key: str, lang: str, **params: Any) -> str:
    return words.say(key, lang, **params)


def week_label(week: str, lang: str) -> str:
    """`2021-W17` → « S17 » (« W17 » in English)."""
    return _say("chart.week", lang, week=int(week.rsplit("W", 1)[-1]))


def month_label(month: str, lang: str) -> str:
    """`2019-03` → « mars 2019 »."""
    year, number = (int(part) for part in month.split("-"))
    return f"{words.catalogue(lang).MONTH_ABBREVIATIONS[number - 1]} {year}"


# ---- a programme's evaluation ---------------------------------------------------------------


def programme_charts(data: dict[str, Any], lang: str) -> dict[str, list[str]]:
    weeks = data["by_week"]
    out: dict[str, list[str]] = {"attendance": [], "requests": [], "decision": []}
    if weeks:
        labels = tuple(week_label(w["week"], lang) for w in weeks)
        held = Chart(
            "programme-occurrences",
            _say("chart.programme_occurrences", lang),
            _say("chart.week_axis", lang),
            _say("chart.permanences", lang),
            labels,
            (
                Series(
                    _say("chart.planned", lang),
                    tuple(w["occurrences"] for w in weeks),
                    PALETTE[0],
                    OUTLINE,
                ),
                Series(_say("chart.held", lang), tuple(w["held"] for w in weeks), PALETTE[2]),
            ),
        )
        visitors = Chart(
            "programme-visitors",
            _say("chart.programme_visitors", lang),
            _say("chart.week_axis", lang),
            _say("chart.visitors", lang),
            labels,
            (Series(_say("chart.visitors", lang), tuple(w["visitors"] for w in weeks)),),
        )
        out["attendance"] += [columns(held, lang), columns(visitors, lang)]
    if data["by_site"]:
        sites = Chart(
            "programme-sites",
            _say("chart.programme_sites", lang),
            _say("chart.visitors", lang),
            _say("chart.site", lang),
            tuple(r["site_name"] or r["site_id"] for r in data["by_site"]),
            (Series(_say("chart.visitors", lang), tuple(r["visitors"] for r in data["by_site"])),),
        )
        out["attendance"].append(bars(sites, lang))
    if data["requests"]:
        requests = Chart(
            "programme-requests",
            _say("chart.programme_requests", lang),
            _say("chart.requests", lang),
            _say("chart.operator", lang),
            tuple(words.label("operator", r["operator"], lang) for r in data["requests"]),
            (
                Series(
                    _say("chart.requests", lang),
                    tuple(r["requests"] for r in data["requests"]),
                    PALETTE[3],
                ),
            ),
        )
        out["requests"].append(bars(requests, lang))
    trend = _trend(data, lang)
    if trend is not None:
        out["decision"].append(lines(trend, lang))
    return out


def _trend(data: dict[str, Any], lang: str) -> Chart | None:
    """Visitors per held permanence, week by week where outcomes were logged, with the two
    averages the decision's trend compares."""
    logged = [w for w in data["by_week"] if w["held"]]
    windows = data.get("trend") or {}
    if len(logged) < 2 or not windows.get("recent"):
        return None
    order = [w["week"] for w in logged]
    references = []
    for name, key, colour in (
        ("before", "chart.before", PALETTE[5]),
        ("recent", "chart.recent", PALETTE[1]),
    ):
        rows = [w for w in logged if w["week"] in windows[name]]
        held = sum(w["held"] for w in rows)
        rate = sum(w["visitors"] for w in rows) / held if held else 0.0
        first, last = order.index(rows[0]["week"]), order.index(rows[-1]["week"])
        references.append(Reference(_say(key, lang), round(rate, 2), first, last, colour))
    return Chart(
        "programme-trend",
        _say("chart.programme_trend", lang),
        _say("chart.week_axis", lang),
        _say("chart.per_held", lang),
        tuple(week_label(w["week"], lang) for w in logged),
        (
            Series(
                _say("chart.per_held", lang),
                tuple(round(w["visitors"] / w["held"], 2) for w in logged),
                PALETTE[0],
            ),
        ),
        references=tuple(references),
    )


# ---- the mediation report -------------------------------------------------------------------


def mediation_charts(data: dict[str, Any], lang: str) -> dict[str, list[str]]:
    """By the heading key of the block each chart goes above."""
    out: dict[str, list[str]] = {}
    families = data.get("by_month_theme_family") or []
    months = sorted({r["month"] for r in families})
    if months:
        codes = list(dict.fromkeys(r["family"] for r in families))
        count = {(r["month"], r["family"]): r["sessions"] for r in families}
        chart = Chart(
            "mediation-months",
            _say("chart.mediation_months", lang),
            _say("chart.month_axis", lang),
            _say("chart.sessions", lang),
            tuple(month_label(m, lang) for m in months),
            tuple(
                Series(
                    words.label("theme_family", code, lang),
                    tuple(count.get((m, code), 0) for m in months),
                    PALETTE[n % len(PALETTE)],
                )
                for n, code in enumerate(codes)
            ),
            stacked=True,
        )
        out["mediation.report.by_month"] = [columns(chart, lang)]
    for name, key, measure, vocabulary, title, axis, colour in (
        ("by_age_band", "age_band", "people", "age_band", "chart.mediation_ages",
         "chart.age_band", PALETTE[2]),
        ("by_place_type", "place_type", "sessions", "place_type", "chart.mediation_places",
         "chart.place_type", PALETTE[3]),
    ):  # fmt: skip
        rows = data.get(name) or []
        if not any(r[measure] for r in rows):
            continue
        chart = Chart(
            f"mediation-{key.replace('_', '-')}",
            _say(title, lang),
            _say(MEASURES[measure], lang),
            _say(axis, lang),
            tuple(words.label(vocabulary, r[key], lang) for r in rows),
            (Series(_say(MEASURES[measure], lang), tuple(r[measure] for r in rows), colour),),
        )
        out[f"mediation.report.{name}"] = [bars(chart, lang)]
    return out


# ---- coworking usage ------------------------------------------------------------------------


def usage_charts(data: dict[str, Any], lang: str) -> dict[str, list[str]]:
    months = [m for m in data["by_month"] if m["bookable_hours"] is not None]
    if not months:
        return {}
    chart = Chart(
        "usage-months",
        _say("chart.usage_months", lang),
        _say("chart.month_axis", lang),
        _say("chart.hours", lang),
        tuple(month_label(m["month"], lang) for m in months),
        (
            Series(
                _say("chart.bookable", lang),
                tuple(m["bookable_hours"] for m in months),
                PALETTE[0],
                OUTLINE,
            ),
            Series(_say("chart.booked", lang), tuple(m["hours"] for m in months), PALETTE[1]),
        ),
    )
    return {"by_month": [columns(chart, lang)]}
