"""SVG drawing for reports: a document, shapes, text, a legend and a scale bar.

Self-contained, static SVG that a browser, a mail client that shows SVG, or a printer reads
as it is: attributes only (no CSS classes, no script, no external reference), coordinates
rounded to a tenth of a pixel, every text escaped. The drawing is an image for assistive
technology (`role="img"`) named by its `<title>` and described by its `<desc>`.

    drawing = Drawing(400, 300, title="Gers", description="…", ident="map-32")
    drawing.circle(20, 30, 4, fill="#2c7bb6", tip="Auch: 21 935 hab.")
    drawing.text(10, 290, "10 km", size=11)
    legend(drawing, 300, 20, [LegendItem("jusqu'à 5 km", "circle", fill="#2c7bb6")])
    scale_bar(drawing, 10, 280, pixels=80, label="10 km")
    page_html = drawing.render()

`Scale` maps a range of data values to a range of pixels, for maps and charts alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape as _escape

FONT = "Arial,Helvetica,sans-serif"


def escape(text: str) -> str:
    """Text for an SVG element or attribute (quotes included)."""
    return _escape(text, quote=True)


def number(value: float) -> str:
    """A coordinate as written: a tenth of a pixel at most, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attributes(**attrs: str | float | None) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None:
            continue
        shown = number(value) if isinstance(value, int | float) else escape(value)
        parts.append(f' {name.rstrip("_").replace("_", "-")}="{shown}"')
    return "".join(parts)


def text_width(text: str, size: float) -> float:
    """About how wide `text` is drawn in the sans-serif font at `size` pixels (no font is
    measured: an average glyph is a little over half the size)."""
    return len(text) * size * 0.56


@dataclass(frozen=True)
class Scale:
    """A linear map from data values (`low`..`high`) to pixels (`start`..`end`); `end` may
    be smaller than `start` (a y axis grows downwards)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return (self.start + self.end) / 2
        return self.start + (value - self.low) * (self.end - self.start) / (self.high - self.low)


@dataclass
class Drawing:
    """An SVG document being drawn: shapes are added in painting order."""

    width: float
    height: float
    title: str
    description: str = ""
    # Unique in the page: names the title and description for assistive technology.
    ident: str = "drawing"
    background: str | None = "#ffffff"
    _parts: list[str] = field(default_factory=list, repr=False)

    def add(self, element: str) -> None:
        """An element already written as SVG (from the functions of this module)."""
        self._parts.append(element)

    def circle(
        self,
        cx: float,
        cy: float,
        r: float,
        *,
        fill: str = "none",
        stroke: str | None = None,
        stroke_width: float | None = None,
        opacity: float | None = None,
        tip: str | None = None,
    ) -> None:
        """A disc; `tip` is its tooltip (an SVG `<title>`)."""
        attrs = _attributes(
            cx=cx, cy=cy, r=r, fill=fill, stroke=stroke, stroke_width=stroke_width,
            fill_opacity=opacity,
        )  # fmt: skip
        self._parts.append(_with_tip(f"<circle{attrs}", tip))

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        *,
        fill: str = "none",
        stroke: str | None = None,
        stroke_width: float | None = None,
        tip: str | None = None,
    ) -> None:
        attrs = _attributes(
            x=x, y=y, width=width, height=height, fill=fill, stroke=stroke,
            stroke_width=stroke_width,
        )  # fmt: skip
        self._parts.append(_with_tip(f"<rect{attrs}", tip))

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        stroke: str,
        width: float = 1,
        dash: str | None = None,
        tip: str | None = None,
    ) -> None:
        """A segment; `dash` is a dash pattern (`"4 3"`), `tip` its tooltip."""
        attrs = _attributes(
            x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, stroke_width=width,
            stroke_dasharray=dash,
        )  # fmt: skip
        self._parts.append(_with_tip(f"<line{attrs}", tip))

    def polyline(
        self,
        points: Sequence[tuple[float, float]],
        *,
        stroke: str,
        width: float = 1,
        fill: str = "none",
        closed: bool = False,
    ) -> None:
        """A line through `points`; `closed` makes it a polygon."""
        coordinates = " ".join(f"{number(x)},{number(y)}" for x, y in points)
        tag = "polygon" if closed else "polyline"
        attrs = _attributes(points=coordinates, fill=fill, stroke=stroke, stroke_width=width)
        self._parts.append(f"<{tag}{attrs}/>")

    def cross(
        self,
        x: float,
        y: float,
        size: float,
        *,
        stroke: str,
        width: float = 1,
        diagonal: bool = False,
        tip: str | None = None,
    ) -> None:
        """A `+` (or an `×` when `diagonal`) of half-width `size` centred on x, y."""
        if diagonal:
            d = f"M{number(x - size)} {number(y - size)}L{number(x + size)} {number(y + size)}"
            d += f"M{number(x - size)} {number(y + size)}L{number(x + size)} {number(y - size)}"
        else:
            d = f"M{number(x - size)} {number(y)}H{number(x + size)}"
            d += f"M{number(x)} {number(y - size)}V{number(y + size)}"
        attrs = _attributes(d=d, fill="none", stroke=stroke, stroke_width=width)
        self._parts.append(_with_tip(f"<path{attrs}", tip))

    def diamond(
        self, x: float, y: float, size: float, *, fill: str, stroke: str | None = None
    ) -> None:
        """A square on its point, of half-diagonal `size`."""
        self.polyline(
            [(x, y - size), (x + size, y), (x, y + size), (x - size, y)],
            stroke=stroke or "none",
            fill=fill,
            closed=True,
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = 12,
        anchor: str = "start",
        weight: str | None = None,
        fill: str = "#222222",
        rotate: float | None = None,
    ) -> None:
        """One line of text; `anchor` is start, middle or end; `rotate` turns it by that many
        degrees (clockwise) about x, y: -90 reads upwards, as a vertical axis's label."""
        turn = None if rotate is None else f"rotate({number(rotate)} {number(x)} {number(y)})"
        attrs = _attributes(
            x=x, y=y, font_size=size, text_anchor=None if anchor == "start" else anchor,
            font_weight=weight, fill=fill, transform=turn,
        )  # fmt: skip
        self._parts.append(f"<text{attrs}>{escape(content)}</text>")

    def render(self) -> str:
        """The `<svg>` element, to put in a page or save as a `.svg` file."""
        title_id, desc_id = f"{self.ident}-title", f"{self.ident}-desc"
        labelled = f"{title_id} {desc_id}" if self.description else title_id
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {number(self.width)} {number(self.height)}" '
            f'width="{number(self.width)}" height="{number(self.height)}" '
            f'style="max-width:100%;height:auto" font-family="{FONT}" '
            f'aria-labelledby="{escape(labelled)}">'
        )
        parts = [head, f'<title id="{escape(title_id)}">{escape(self.title)}</title>']
        if self.description:
            parts.append(f'<desc id="{escape(desc_id)}">{escape(self.description)}</desc>')
        if self.background:
            parts.append(f'<rect width="100%" height="100%" fill="{escape(self.background)}"/>')
        return "\n".join([*parts, *self._parts, "</svg>"])


def _with_tip(opening: str, tip: str | None) -> str:
    """Close an element, with a tooltip inside it when there is one."""
    if tip is None:
        return f"{opening}/>"
    tag = opening[1:].split(" ", 1)[0]
    return f"{opening}><title>{escape(tip)}</title></{tag}>"


@dataclass(frozen=True)
class LegendItem:
    """One line of a legend: a swatch (`circle`, `square`, `cross`, `times`, `diamond`) and
    its label; `size` is the swatch's radius or half-width in pixels."""

    label: str
    swatch: str = "square"
    fill: str = "none"
    stroke: str | None = None
    size: float = 5


def legend(
    drawing: Drawing,
    x: float,
    y: float,
    items: Sequence[LegendItem],
    *,
    title: str | None = None,
    size: float = 12,
) -> float:
    """Draw a legend whose top left corner is x, y; return the height it took."""
    top = y
    if title:
        drawing.text(x, y + size, title, size=size, weight="bold")
        y += size * 1.6
    for item in items:
        row = max(size * 1.5, item.size * 2 + 4)
        cx, cy = x + max(item.size, 6), y + row / 2
        if item.swatch == "circle":
            drawing.circle(cx, cy, item.size, fill=item.fill, stroke=item.stroke)
        elif item.swatch in ("cross", "times"):
            drawing.cross(
                cx, cy, item.size, stroke=item.stroke or item.fill, width=2,
                diagonal=item.swatch == "times",
            )  # fmt: skip
        elif item.swatch == "diamond":
            drawing.diamond(cx, cy, item.size, fill=item.fill, stroke=item.stroke)
        else:
            side = item.size * 2
            drawing.rect(cx - item.size, cy - item.size, side, side, fill=item.fill,
                         stroke=item.stroke)  # fmt: skip
        drawing.text(x + max(item.size, 6) * 2 + 6, cy + size * 0.35, item.label, size=size)
        y += row
    return y - top


def scale_bar(
    drawing: Drawing, x: float, y: float, *, pixels: float, label: str, size: float = 11
) -> None:
    """A scale bar `pixels` long starting at x, y (its baseline), labelled `label`."""
    drawing.line(x, y, x + pixels, y, stroke="#222222", width=2)
    drawing.line(x, y - 4, x, y + 1, stroke="#222222", width=2)
    drawing.line(x + pixels, y - 4, x + pixels, y + 1, stroke="#222222", width=2)
    drawing.text(x + pixels / 2, y - 6, label, size=size, anchor="middle")
