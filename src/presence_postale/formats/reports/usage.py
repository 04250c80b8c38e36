"""Coworking usage for funders: booked against bookable hours, by space, category and month,
distinct users, no-shows."""

from __future__ import annotations

from typing import Any

from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, to_json
from presence_postale.formats.reports import Block, Document, render_document, rows_csv

SPACE_COLUMNS = (
    Column("space"),
    Column("name"),
    Column("bookings"),
    Column("booked_hours"),
    Column("bookable_hours"),
    Column("occupancy", shown="percent"),
)
CATEGORY_COLUMNS = (
    Column("category", shown="reservation_category"),
    Column("bookings"),
    Column("hours"),
)
MONTH_COLUMNS = (
    Column("month", shown="month"),
    Column("bookings"),
    Column("hours"),
    Column("bookable_hours"),
    Column("occupancy", shown="percent"),
)


def render_usage(
    data: dict[str, Any], fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return usage_csv(data)
    title = Message("report.usage_title", {"start": data["from"], "end": data["to"]})
    marked = data["attended"] + data["no_show"]
    bookable = data["bookable_hours"]
    facts = [
        Message("report.booked_hours", {"hours": float(data["booked_hours"])}),
        Message("report.bookable_hours", {"hours": float(bookable)})
        if bookable is not None
        else Message("report.bookable_hours_unknown"),
        Message("report.occupancy", {"ratio": data["occupancy"]}),
        Message("report.distinct_users", {"users": data["distinct_users"]}),
        Message(
            "report.no_shows",
            {"no_show": data["no_show"], "marked": marked, "ratio": data["no_show_rate"]},
        ),
    ]
    blocks = [
        Block(Message("report.summary"), lines=facts),
        Block(Message("report.by_space"), [Listing(SPACE_COLUMNS, data["spaces"])]),
        Block(Message("report.by_category"), [Listing(CATEGORY_COLUMNS, data["by_category"])]),
        Block(Message("report.by_month"), [Listing(MONTH_COLUMNS, data["by_month"])]),
    ]
    if fmt == "html":
        from presence_postale.formats.report_charts import usage_charts

        blocks[3].figures = usage_charts(data, lang).get("by_month", [])
    return render_document(Document(title, blocks), fmt, lang, width)


def usage_csv(data: dict[str, Any]) -> str:
    rows: list[dict[str, Any]] = [
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
    rows.append({"section": "total", "key": "distinct_users", "bookings": data["distinct_users"]})
    rows.append({"section": "total", "key": "no_show_rate", "occupancy": data["no_show_rate"]})
    return rows_csv(("section", "key", "bookings", "hours", "bookable_hours", "occupancy"), rows)
