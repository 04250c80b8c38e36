"""Charts for the HTML reports, drawn with `formats.svg`: columns (side by side, stacked, or a
solid series over an outlined one, as held over planned), horizontal bars, and lines with
reference segments. Each has a drawn title, axis labels and, for several series, a legend;
its `<title>` names it, its `<desc>` gives every number in words, every mark has a tooltip.

    chart = Chart("visits", "Visiteurs par semaine", x_label="semaine", y_label="visiteurs",
                  categories=("S17", "S18"), series=(Series("visiteurs", (6, 4)),))
    svg = columns(chart, "fr")
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from presence_postale.formats import words
from presence_postale.formats.svg import Drawing, LegendItem, Scale, legend, text_width

WIDTH = 720.0
FONT = 11.0
TITLE_FONT = 14.0
GRID = "#dddddd"
AXIS = "#444444"
TOP = 58.0  # title, then the legend
# Distinct in colour and in grey (print), and for the common colour-vision deficiencies.
PALETTE = ("#1f5aa6", "#e08214", "#1b7837", "#762a83", "#b2182b", "#7f7f7f")
SOLID, OUTLINE, LINE = "solid", "outline", "line"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str = PALETTE[0]
    # solid: a filled column or bar; outline: a frame drawn behind the solid ones (what was
    # planned, what could be booked); line: points joined (`lines`).
    style: str = SOLID


@dataclass(frozen=True)
class Reference:
    """A horizontal segment over the categories `first`..`last` (indexes), at `value`."""

    label: str
    value: float
    first: int
    last: int
    colour: str = PALETTE[1]


@dataclass(frozen=True)
class Chart:
    ident: str
    title: str
    x_label: str
    y_label: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    stacked: bool = False
    references: tuple[Reference, ...] = ()


def ticks(high: float, whole: bool = True) -> list[float]:
    """Round steps from 0 to at least `high`: about five, each 1, 2 or 5 times a power of
    ten (whole numbers when the values are counts)."""
    high = max(high, 1.0 if whole else 0.1)
    raw = high / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, float(round(step)))
    count = math.ceil(high / step - 1e-9)
    return [n * step for n in range(count + 1)]


class _Plot:
    """A chart being drawn: its drawing, language, and the helpers every kind shares."""

    def __init__(self, chart: Chart, height: float, lang: str) -> None:
        self.chart, self.lang = chart, lang
        self.drawing = Drawing(
            WIDTH, height, title=chart.title, description=self.description(), ident=chart.ident
        )
        self.drawing.text(8, 20, chart.title, size=TITLE_FONT, weight="bold")
        self._legend()

    def number(self, value: float) -> str:
        return words.number(round(value, 2), self.lang)

    def description(self) -> str:
        """Every number of the chart: « S17 : prévues 2, tenues 0 ; S18 : … »."""
        chart = self.chart
        parts = []
        for n, category in enumerate(chart.categories):
            values = ", ".join(f"{s.name} {self.number(s.values[n])}" for s in chart.series)
            parts.append(self.say("chart.desc_item", category=category, values=values))
        for ref in chart.references:
            parts.append(
                self.say("chart.desc_item", category=ref.label, values=self.number(ref.value))
            )
        return "; ".join(parts) + "."

    def say(self, key: str, **params: object) -> str:
        return words.say(key, self.lang, **params)

    def _legend(self) -> None:
        chart = self.chart
        items = [
            LegendItem(s.name, "square", "#ffffff" if s.style == OUTLINE else s.colour, s.colour)
            for s in chart.series
        ] + [LegendItem(r.label, "square", r.colour, r.colour, size=2) for r in chart.references]
        if len(items) < 2:
            return
        x = 8.0
        for item in items:
            legend(self.drawing, x, 28, [item], size=FONT)
            x += 34 + text_width(item.label, FONT)

    def whole(self) -> bool:
        return all(float(v).is_integer() for s in self.chart.series for v in s.values)

    def value_axis(self, high: float, start: float, end: float) -> tuple[Scale, list[float]]:
        high = max([high, *(r.value for r in self.chart.references)])
        steps = ticks(high, self.whole())
        return Scale(0, steps[-1], start, end), steps


def _value_grid(plot: _Plot, y: Scale, steps: list[float], left: float, right: float) -> None:
    """Horizontal grid lines at each step, their values, and the vertical axis's label."""
    d = plot.drawing
    for step in steps:
        d.line(left, y(step), right, y(step), stroke=GRID)
        d.text(left - 6, y(step) + 4, plot.number(step), size=FONT, anchor="end")
    middle = (y.start + y.end) / 2
    d.text(16, middle, plot.chart.y_label, size=FONT, anchor="middle", rotate=-90)


def _reference(plot: _Plot, ref: Reference, x1: float, x2: float, y: Scale) -> None:
    tip = plot.say("chart.tip_reference", label=ref.label, value=plot.number(ref.value))
    plot.drawing.line(
        x1, y(ref.value), x2, y(ref.value), stroke=ref.colour, width=2.5, dash="6 3", tip=tip
    )


def _tip(plot: _Plot, category: str, series: Series, value: float) -> str:
    return plot.say("chart.tip", category=category, series=series.name, value=plot.number(value))


def columns(chart: Chart, lang: str, height: float = 300.0) -> str:
    """Vertical columns, one group per category: solid series side by side (or stacked), an
    outlined series as a frame behind them; reference segments across."""
    plot = _Plot(chart, height, lang)
    d = plot.drawing
    left, right, top, bottom = 58.0, WIDTH - 12, TOP, height - 52
    solids = [s for s in chart.series if s.style == SOLID]
    outlines = [s for s in chart.series if s.style == OUTLINE]
    count = len(chart.categories)
    if chart.stacked:
        tallest = max((sum(s.values[n] for s in solids) for n in range(count)), default=0)
    else:
        tallest = max((v for s in chart.series for v in s.values), default=0)
    y, steps = plot.value_axis(tallest, bottom, top)
    _value_grid(plot, y, steps, left, right)
    band = (right - left) / max(count, 1)
    rotate = any(text_width(c, FONT) > band - 4 for c in chart.categories)
    for n, category in enumerate(chart.categories):
        x0 = left + n * band
        for s in outlines:
            frame = min(band * 0.8, 80.0)
            d.rect(x0 + (band - frame) / 2, y(s.values[n]), frame, bottom - y(s.values[n]),
                   fill="#ffffff", stroke=s.colour, stroke_width=1.5,
                   tip=_tip(plot, category, s, s.values[n]))  # fmt: skip
        _column_group(plot, solids, n, category, x0, band, y, bottom)
        centre = x0 + band / 2
        if rotate:
            d.text(centre, bottom + 14, category, size=FONT, anchor="end", rotate=-35)
        else:
            d.text(centre, bottom + 16, category, size=FONT, anchor="middle")
    d.line(left, bottom, right, bottom, stroke=AXIS)
    for ref in chart.references:
        _reference(plot, ref, left + ref.first * band + band * 0.1,
                   left + (ref.last + 1) * band - band * 0.1, y)  # fmt: skip
    d.text((left + right) / 2, height - 8, chart.x_label, size=FONT, anchor="middle")
    return d.render()


def _column_group(
    plot: _Plot,
    solids: list[Series],
    n: int,
    category: str,
    x0: float,
    band: float,
    y: Scale,
    bottom: float,
) -> None:
    d = plot.drawing
    span = min(band * 0.6, 60.0)
    start = x0 + (band - span) / 2
    if plot.chart.stacked:
        base = 0.0
        for s in solids:
            value = s.values[n]
            if value:
                d.rect(start, y(base + value), span, y(base) - y(base + value), fill=s.colour,
                       tip=_tip(plot, category, s, value))  # fmt: skip
            base += value
        return
    inner = span / max(len(solids), 1)
    for i, s in enumerate(solids):
        value = s.values[n]
        d.rect(start + i * inner, y(value), inner, bottom - y(value), fill=s.colour,
               tip=_tip(plot, category, s, value))  # fmt: skip


def bars(chart: Chart, lang: str) -> str:
    """Horizontal bars, one per category (long names read better across than under a
    column), its value written at its end."""
    row = 22.0
    height = TOP + row * len(chart.categories) + 44
    plot = _Plot(chart, height, lang)
    d = plot.drawing
    widest = max((text_width(c, FONT) for c in chart.categories), default=0)
    left = min(max(widest + 36, 110.0), WIDTH * 0.45)
    right, top, bottom = WIDTH - 48, TOP, height - 44
    (series,) = [s for s in chart.series if s.style == SOLID][:1] or chart.series[:1]
    x, steps = plot.value_axis(max(series.values, default=0), left, right)
    for step in steps:
        d.line(x(step), top, x(step), bottom, stroke=GRID)
        d.text(x(step), bottom + 14, plot.number(step), size=FONT, anchor="middle")
    for n, category in enumerate(chart.categories):
        y0 = top + n * row
        value = series.values[n]
        shown = category
        while text_width(shown, FONT) > left - 36 and len(shown) > 4:
            shown = shown[:-2].rstrip() + "…"
        d.text(left - 6, y0 + row * 0.65, shown, size=FONT, anchor="end")
        d.rect(left, y0 + row * 0.15, x(value) - left, row * 0.7, fill=series.colour,
               tip=_tip(plot, category, series, value))  # fmt: skip
        d.text(x(value) + 4, y0 + row * 0.65, plot.number(value), size=FONT)
    d.line(left, top, left, bottom, stroke=AXIS)
    d.text(16, (top + bottom) / 2, chart.y_label, size=FONT, anchor="middle", rotate=-90)
    d.text((left + right) / 2, height - 8, chart.x_label, size=FONT, anchor="middle")
    return d.render()


def lines(chart: Chart, lang: str, height: float = 280.0) -> str:
    """Each series as points joined by a line; references as dashed segments."""
    plot = _Plot(chart, height, lang)
    d = plot.drawing
    left, right, top, bottom = 58.0, WIDTH - 12, TOP, height - 52
    y, steps = plot.value_axis(
        max((v for s in chart.series for v in s.values), default=0), bottom, top
    )
    _value_grid(plot, y, steps, left, right)
    band = (right - left) / max(len(chart.categories), 1)
    centre = [left + band * (n + 0.5) for n in range(len(chart.categories))]
    for n, category in enumerate(chart.categories):
        d.text(centre[n], bottom + 16, category, size=FONT, anchor="middle")
    d.line(left, bottom, right, bottom, stroke=AXIS)
    for ref in chart.references:
        _reference(plot, ref, left + ref.first * band + 4, left + (ref.last + 1) * band - 4, y)
    for s in chart.series:
        points = [(centre[n], y(v)) for n, v in enumerate(s.values)]
        d.polyline(points, stroke=s.colour, width=2)
        for (px, py), category, value in zip(points, chart.categories, s.values, strict=True):
            d.circle(px, py, 4, fill=s.colour, tip=_tip(plot, category, s, value))
    d.text((left + right) / 2, height - 8, chart.x_label, size=FONT, anchor="middle")
    return d.render()
