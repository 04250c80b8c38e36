"""`report access` laid out: table, Markdown, CSV and JSON, GeoJSON (the communes with their
distance, for QGIS and uMap), and one self-contained HTML page with a map per department.

Machine formats carry codes, numbers and English keys; people's formats the catalogue's
words. The method is stated in every format: straight-line distance from the town hall,
populations of the file's vintage, no travel time.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from presence_postale.errors import Label, Message
from presence_postale.formats import words
from presence_postale.formats.access_data import (
    access_geojson,
    access_json,
    change_code,
    commune_row,
    csv_keys,
    rounded_km,
)
from presence_postale.formats.render import Column, Listing, html_table, to_csv, to_json
from presence_postale.formats.reports import Block, Document, render_document

if TYPE_CHECKING:
    from presence_postale.domain.access import Figures, Point, Reach
    from presence_postale.services.access import AccessReport, CommuneAccess, DepartmentAccess


def render_access(
    report: AccessReport, fmt: str, lang: str, width: int | None = None
) -> str | bytes:
    if fmt == "json":
        return to_json(access_json(report))
    if fmt == "geojson":
        return to_json(access_geojson(report))
    if fmt == "csv":
        return to_csv(csv_keys(report), [commune_row(c, report) for c in report.communes])
    if fmt == "html":
        return access_html(report, lang)
    return render_document(access_document(report, lang), fmt, lang, width)


# ---- words ----------------------------------------------------------------------------------


def _say(key: str, lang: str, **params: Any) -> str:
    return words.say(Message(key, params), lang)


def _percent(share: float | None, lang: str) -> str:
    if share is None:
        return ""
    return words.percent(share, lang)


def _rule(figures: Figures | None, lang: str) -> str:
    if figures is None:
        return ""
    code = {True: "holds", False: "breaks", None: "unknown"}[figures.holds]
    return words.label("access_rule", code, lang)


def points_label(report: AccessReport, lang: str) -> str:
    vocabulary = "access_points" if report.points == "contact" else "site_label"
    return words.value(Label(vocabulary, report.points), lang)


def point_name(point: Point, lang: str) -> str:
    """A site as `name (id)`; a point added by position as « point ajouté 1 »."""
    if point.name is None:
        return _say("access.new_point", lang, number=point.id.split("-")[-1])
    return f"{point.name} ({point.id})"


def _column(key: str, message: str | None = None, **params: Any) -> Column:
    if message is None:
        return Column(key, Label("access_column", key))
    return Column(key, Message(message, params))


def title(report: AccessReport, lang: str) -> str:
    km = words.number(report.within_km, lang)
    if report.national:
        return _say("access.title", lang, points=points_label(report, lang), km=km)
    where = ", ".join(
        f"{row.name} ({row.code})" if row.name else str(row.code) for row in report.rows
    )
    return _say("access.title_in", lang, points=points_label(report, lang), km=km, where=where)


def method(report: AccessReport, lang: str) -> list[str]:
    """What the report measures, and what it leaves out, in sentences."""
    sources = [
        _say("access.source_year", lang, file=name, year=str(year))
        if year
        else _say("access.source", lang, file=name)
        for name, year in report.sources
    ]
    lines = [
        _say(
            "access.method",
            lang,
            count=len(report.point_list),
            polygon=report.polygon_positions,
            sources=sources,
        ),
        _say("access.no_travel_time", lang),
    ]
    if report.without_position:
        lines.append(
            _say(
                "access.left_out",
                lang,
                count=len(report.without_position),
                codes=report.without_position,
            )
        )
    if report.without_population:
        missing = report.without_population
        lines.append(_say("access.no_population", lang, count=len(missing), codes=missing))
    if report.week is not None:
        lines.append(
            _say("access.week_note", lang, week=report.week.label, count=len(report.hosts))
        )
        if report.hosts_without_position:
            hosts = report.hosts_without_position
            lines.append(_say("access.hosts_without_position", lang, count=len(hosts), sites=hosts))
    return lines


def what_if_heading(report: AccessReport, lang: str) -> str:
    changes = [_say("access.without_site", lang, name=p.name, id=p.id) for p in report.closed]
    for point in report.added:
        if point.name is None:
            changes.append(_say("access.with_point", lang, lat=point.latitude, lon=point.longitude))
        else:
            changes.append(_say("access.with_site", lang, name=point.name, id=point.id))
    return _say("access.block_what_if", lang, changes=changes)


def what_if_summary(report: AccessReport, lang: str) -> str:
    return _say(
        "access.what_if_summary",
        lang,
        beyond=report.newly_beyond(),
        within=report.newly_within(),
        km=words.number(report.within_km, lang),
        communes=len(report.changes),
    )


# ---- tables ---------------------------------------------------------------------------------


def _department_columns(report: AccessReport) -> list[Column]:
    within = _column("within", "access.column_within", km=report.within_km)
    share = _column("share", "access.column_share", km=report.within_km)
    columns = [
        _column("department"),
        _column("name"),
        _column("communes"),
        _column("population"),
        within,
        share,
        _column("rule"),
    ]
    if report.what_if:
        columns += [
            _column("share_after", "access.column_share_after"),
            _column("rule_after", "access.column_rule_after"),
        ]
    if report.week is not None:
        columns += [
            _column("share_week", "access.column_share_week"),
            _column("rule_week", "access.column_rule_week"),
        ]
    return columns


def _department_row(row: DepartmentAccess, lang: str) -> dict[str, Any]:
    figures = row.figures
    return {
        "department": row.code or "",
        "name": row.name or "",
        "communes": figures.communes,
        "population": figures.population,
        "within": figures.within,
        "share": _percent(figures.share, lang),
        "rule": _rule(figures, lang),
        "share_after": _percent(row.after.share, lang) if row.after else "",
        "rule_after": _rule(row.after, lang),
        "share_week": _percent(row.week.share, lang) if row.week else "",
        "rule_week": _rule(row.week, lang),
    }


def _reach_cells(reach: Reach | None, lang: str) -> tuple[float | None, str]:
    if reach is None:
        return None, ""
    return rounded_km(reach.km), point_name(reach.point, lang)


def access_document(report: AccessReport, lang: str) -> Document:
    total = replace(
        report.total, name=_say("access.national" if report.national else "access.total", lang)
    )
    rows = [_department_row(row, lang) for row in report.rows]
    if len(report.rows) != 1:
        rows.append(_department_row(total, lang))
    km = words.number(report.within_km, lang)
    blocks = [
        Block(
            _say("access.block_departments", lang),
            [Listing(_department_columns(report), rows)],
        )
    ]
    if report.what_if:
        blocks.append(
            Block(
                what_if_heading(report, lang),
                [
                    Listing(
                        _change_columns(), [_change_row(c, report, lang) for c in report.changes]
                    )
                ],
                lines=[what_if_summary(report, lang)],
            )
        )
    beyond = [_beyond_row(item, lang) for item in report.beyond()]
    blocks.append(
        Block(_say("access.block_beyond", lang, km=km), [Listing(_beyond_columns(), beyond)])
    )
    return Document(title(report, lang), blocks, intro=method(report, lang))


def _beyond_columns() -> list[Column]:
    keys = ("insee_code", "name", "department", "population", "distance_km", "nearest")
    return [_column(key) for key in keys]


def _beyond_row(item: CommuneAccess, lang: str) -> dict[str, Any]:
    distance, nearest = _reach_cells(item.reach, lang)
    commune = item.commune
    return {
        "insee_code": commune.insee_code,
        "name": commune.name,
        "department": commune.department,
        "population": commune.population,
        "distance_km": distance,
        "nearest": nearest,
    }


def _change_columns() -> list[Column]:
    keys = ("insee_code", "name", "population", "before_km", "before", "after_km", "after")
    return [*(_column(key) for key in keys), _column("change")]


def _change_row(change: Any, report: AccessReport, lang: str) -> dict[str, Any]:
    before_km, before = _reach_cells(change.before, lang)
    after_km, after = _reach_cells(change.after, lang)
    code = change_code(change.before, change.after, report.within_km)
    return {
        "insee_code": change.commune.insee_code,
        "name": change.commune.name,
        "population": change.commune.population,
        "before_km": before_km,
        "before": before,
        "after_km": after_km,
        "after": after,
        "change": words.label("access_change", code, lang),
    }


# ---- the page -------------------------------------------------------------------------------


def access_html(report: AccessReport, lang: str) -> str:
    """One page: the method, the figures, a map per department asked, the what-if and the
    communes beyond. Inline style, no script, nothing fetched: it reads offline and prints."""
    from presence_postale.formats.access_map import department_map
    from presence_postale.formats.render import to_html_page

    document = access_document(report, lang)
    body = [f"<p>{html.escape(words.text(line, lang))}</p>" for line in document.intro]
    first, *others = document.blocks
    body += _block_html(first, lang)
    if report.national:
        body.append(f"<p>{html.escape(_say('access.no_map', lang))}</p>")
    for row in report.rows:
        drawn = department_map(report, str(row.code), lang)
        if drawn is not None:
            heading = _say("access.block_map", lang, department=f"{row.name} ({row.code})")
            body += [f"<h2>{html.escape(heading)}</h2>", f"<figure>{drawn}</figure>"]
    for block in others:
        body += _block_html(block, lang)
    page = to_html_page(words.text(document.title, lang), [], lang)
    return page.replace("\n</body>", "\n" + "\n".join(body) + "\n</body>", 1)


def _block_html(block: Block, lang: str) -> list[str]:
    parts = [f"<h2>{html.escape(words.text(block.heading, lang))}</h2>"]
    parts += [html_table(listing, lang, 3) for listing in block.listings]
    parts += [f"<p>{html.escape(words.text(line, lang))}</p>" for line in block.lines]
    return parts
