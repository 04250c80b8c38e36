"""The access report's map of a department, drawn in SVG (`formats.svg`): one disc per
commune at its town hall, its area proportional to the population and its colour the
distance to the nearest point; the points as crosses, a closed site (what-if) crossed out,
added points and the week's permanence hosts as diamonds; a legend and a scale bar. Nothing
is fetched: no tiles, no fonts, no script.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from presence_postale.errors import Label, Message
from presence_postale.formats import words
from presence_postale.formats.access import point_name
from presence_postale.formats.svg import Drawing, LegendItem, Scale, legend, scale_bar

if TYPE_CHECKING:
    from presence_postale.domain.access import Reach
    from presence_postale.services.access import AccessReport, CommuneAccess

WIDTH = 760.0
MAX_HEIGHT = 820.0
MARGIN = 16.0
LEGEND_HEIGHT = 150.0
LARGEST_RADIUS = 14.0
SMALLEST_RADIUS = 1.6
# Distance classes, nearest first: up to half the distance, up to it, up to twice, beyond
# (blue to red, readable by people with the common colour-vision deficiencies, and in print).
COLOURS = ("#2c7bb6", "#abd9e9", "#fdae61", "#d7191c")
POINT_COLOUR = "#222222"
CLOSED_COLOUR = "#b2182b"
ADDED_COLOUR = "#1b7837"
HOST_COLOUR = "#762a83"
NICE_KM = (1, 2, 5, 10, 20, 50, 100, 200)


def colour(km: float | None, within: float) -> str:
    if km is None:
        return COLOURS[-1]
    for limit, shade in zip((within / 2, within, within * 2), COLOURS, strict=False):
        if km <= limit:
            return shade
    return COLOURS[-1]


def _shown(item: CommuneAccess, report: AccessReport) -> Reach | None:
    """The reach the map shows: after the what-if when there is one."""
    return item.after if report.what_if else item.reach


def _km(value: float, lang: str) -> str:
    return words.number(round(value, 1), lang)


class _Frame:
    """Longitude and latitude to pixels: an equirectangular projection at the department's
    mean latitude (distances true to a few per cent over a department)."""

    def __init__(self, communes: Sequence[CommuneAccess]) -> None:
        lats = [c.commune.latitude for c in communes]
        lons = [c.commune.longitude for c in communes]
        self.stretch = math.cos(math.radians((min(lats) + max(lats)) / 2))
        west, east = min(lons) * self.stretch, max(lons) * self.stretch
        south, north = min(lats), max(lats)
        pad = max(east - west, north - south, 0.01) * 0.04
        self.box = (west - pad, east + pad, south - pad, north + pad)
        spread_x, spread_y = self.box[1] - self.box[0], self.box[3] - self.box[2]
        inner = WIDTH - 2 * MARGIN
        self.px_per_degree = min(inner / spread_x, (MAX_HEIGHT - 2 * MARGIN) / spread_y)
        self.width = WIDTH
        self.map_height = spread_y * self.px_per_degree + 2 * MARGIN
        left = (WIDTH - spread_x * self.px_per_degree) / 2
        self.x = Scale(self.box[0], self.box[1], left, left + spread_x * self.px_per_degree)
        self.y = Scale(self.box[2], self.box[3], self.map_height - MARGIN, MARGIN)

    def __call__(self, latitude: float, longitude: float) -> tuple[float, float]:
        return self.x(longitude * self.stretch), self.y(latitude)

    def holds(self, latitude: float, longitude: float) -> bool:
        x = longitude * self.stretch
        return self.box[0] <= x <= self.box[1] and self.box[2] <= latitude <= self.box[3]

    def pixels_per_km(self) -> float:
        return self.px_per_degree / 111.195  # a degree of latitude, in km


def department_map(report: AccessReport, department: str, lang: str) -> str | None:
    """The `<svg>` map of `department`, or None when it has no commune with a position."""
    communes = [c for c in report.communes if c.commune.department == department]
    if not communes:
        return None
    frame = _Frame(communes)
    km = report.within_km
    beyond = sum(1 for c in communes if (r := _shown(c, report)) is None or r.km > km)
    points_label = _points_label(report.points, lang)
    row = next((r for r in report.rows if r.code == department), None)
    name = f"{row.name} ({department})" if row and row.name else department
    drawing = Drawing(
        WIDTH,
        frame.map_height + LEGEND_HEIGHT,
        title=words.say(Message("access.map_title", {"department": name}), lang),
        description=words.say(
            Message("access.map_desc", {"points": points_label, "beyond": beyond, "km": km}), lang
        ),
        ident=f"access-map-{department}",
    )
    largest = max((c.commune.population or 0) for c in communes) or 1
    for item in sorted(communes, key=lambda c: -(c.commune.population or 0)):
        _commune(drawing, frame, item, report, largest, lang)
    _points(drawing, frame, report, lang)
    _legend(drawing, frame, report, largest, points_label, lang)
    return drawing.render()


def _commune(
    drawing: Drawing,
    frame: _Frame,
    item: CommuneAccess,
    report: AccessReport,
    largest: int,
    lang: str,
) -> None:
    commune, reach = item.commune, _shown(item, report)
    x, y = frame(commune.latitude, commune.longitude)
    radius = max(SMALLEST_RADIUS, LARGEST_RADIUS * math.sqrt((commune.population or 0) / largest))
    tip = words.say(
        Message(
            "access.commune_tip",
            {
                "name": commune.name,
                "code": commune.insee_code,
                "population": commune.population or 0,
                "km": _km(reach.km, lang) if reach else "?",
                "point": point_name(reach.point, lang) if reach else "?",
            },
        ),
        lang,
    )
    drawing.circle(
        x, y, radius, fill=colour(reach.km if reach else None, report.within_km),
        stroke="#ffffff", stroke_width=0.6, opacity=0.9, tip=tip,
    )  # fmt: skip


def _points(drawing: Drawing, frame: _Frame, report: AccessReport, lang: str) -> None:
    closed = {p.id for p in report.closed}
    for point in report.point_list:
        if frame.holds(point.latitude, point.longitude) and point.id not in closed:
            x, y = frame(point.latitude, point.longitude)
            drawing.cross(x, y, 3, stroke=POINT_COLOUR, width=1.2, tip=point_name(point, lang))
    for point in report.hosts:
        if frame.holds(point.latitude, point.longitude):
            x, y = frame(point.latitude, point.longitude)
            drawing.diamond(x, y, 5, fill="none", stroke=HOST_COLOUR)
            drawing.cross(x, y, 1.5, stroke=HOST_COLOUR, tip=point_name(point, lang))
    for point in report.added:
        x, y = frame(point.latitude, point.longitude)
        drawing.diamond(x, y, 6, fill=ADDED_COLOUR, stroke="#ffffff")
    for point in report.closed:
        x, y = frame(point.latitude, point.longitude)
        drawing.circle(x, y, 8, fill="#ffffff", stroke=CLOSED_COLOUR, stroke_width=1.5)
        drawing.cross(
            x, y, 6, stroke=CLOSED_COLOUR, width=2.5, diagonal=True, tip=point_name(point, lang)
        )


def _legend(
    drawing: Drawing,
    frame: _Frame,
    report: AccessReport,
    largest: int,
    points_label: str,
    lang: str,
) -> None:
    say = words.say
    top = frame.map_height + 8
    distances = _distances(report.within_km, lang)
    legend(drawing, MARGIN, top, distances, title=say("access.legend_distance", lang))
    sizes = [n for n in (100, 1_000, 10_000, 100_000) if n <= largest][-3:] or [largest]
    people = [
        LegendItem(
            say(Message("access.legend_people", {"count": n}), lang),
            "circle",
            "#bbbbbb",
            size=max(SMALLEST_RADIUS, LARGEST_RADIUS * math.sqrt(n / largest)),
        )
        for n in sizes
    ]
    legend(drawing, 250, top, people, title=say("access.legend_population", lang))
    legend(drawing, 480, top + 19, _marks(report, points_label, lang))
    scale_km = next((n for n in NICE_KM if n * frame.pixels_per_km() >= WIDTH / 8), NICE_KM[-1])
    scale_bar(
        drawing,
        WIDTH - MARGIN - scale_km * frame.pixels_per_km(),
        frame.map_height - 4,
        pixels=scale_km * frame.pixels_per_km(),
        label=words.say(Message("access.scale", {"km": scale_km}), lang),
    )


def _distances(km: float, lang: str) -> list[LegendItem]:
    """The four distance bands' colours: up to half the distance, to it, to twice, beyond."""
    say = words.say
    half, double = _km(km / 2, lang), _km(km * 2, lang)
    return [
        LegendItem(say(Message("access.legend_upto", {"km": half}), lang), "circle", COLOURS[0]),
        LegendItem(
            say(Message("access.legend_between", {"low": half, "high": _km(km, lang)}), lang),
            "circle",
            COLOURS[1],
        ),
        LegendItem(
            say(Message("access.legend_between", {"low": _km(km, lang), "high": double}), lang),
            "circle",
            COLOURS[2],
        ),
        LegendItem(
            say(Message("access.legend_beyond", {"km": double}), lang), "circle", COLOURS[3]
        ),
    ]


def _marks(report: AccessReport, points_label: str, lang: str) -> list[LegendItem]:
    """The map's marks: the points, and the closed, added and host sites when there are any."""
    say = words.say
    marks = [
        LegendItem(
            say(Message("access.legend_point", {"points": points_label}), lang),
            "cross",
            stroke=POINT_COLOUR,
            size=4,
        )
    ]
    if report.closed:
        marks.append(LegendItem(say("access.legend_closed", lang), "times", stroke=CLOSED_COLOUR))
    if report.added:
        marks.append(LegendItem(say("access.legend_added", lang), "diamond", ADDED_COLOUR))
    if report.hosts:
        marks.append(
            LegendItem(say("access.legend_host", lang), "diamond", "none", stroke=HOST_COLOUR)
        )
    return marks


def _points_label(points: str, lang: str) -> str:
    vocabulary = "access_points" if points == "contact" else "site_label"
    return words.value(Label(vocabulary, points), lang)
