"""Charts drawn with the SVG module: round axis steps, a title, axis labels, every number in
the description and in a tooltip, text escaped, the same bytes for the same data."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from presence_postale.formats.charts import OUTLINE, Chart, Reference, Series, bars, columns, lines
from presence_postale.formats.report_charts import month_label, week_label

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("high", "whole", "expected"),
    [
        (0, True, [0, 1]),
        (3, True, [0, 1, 2, 3]),
        (13, True, [0, 5, 10, 15]),
        (36, True, [0, 10, 20, 30, 40]),
        (0.42, False, [0, 0.1, 0.2, 0.3, 0.4, 0.5]),
    ],
)
def test_axis_steps_are_round(high: float, whole: bool, expected: list[float]) -> None:
    from presence_postale.formats.charts import ticks

    assert ticks(high, whole) == pytest.approx(expected)


def _chart(**changes: object) -> Chart:
    base = {
        "ident": "c",
        "title": "Visiteurs <par> semaine",
        "x_label": "semaine",
        "y_label": "visiteurs",
        "categories": ("S17", "S18", "S19"),
        "series": (
            Series("prévues", (2, 2, 1), style=OUTLINE),
            Series("tenues", (2, 1, 0), "#1b7837"),
        ),
    }
    return Chart(**{**base, **changes})  # type: ignore[arg-type]


def _texts(svg: ET.Element) -> list[str]:
    return [t.text or "" for t in svg.iter(f"{SVG}text")]


@pytest.mark.parametrize("draw", [columns, bars, lines])
def test_a_chart_names_itself_and_gives_its_numbers(draw: object) -> None:
    svg_text = draw(_chart(), "fr")  # type: ignore[operator]
    assert svg_text == draw(_chart(), "fr")  # type: ignore[operator]
    svg = ET.fromstring(svg_text)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Visiteurs <par> semaine"  # type: ignore[union-attr]
    assert "&lt;par&gt;" in svg_text  # escaped, not markup
    desc = svg.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert desc is not None and desc.startswith("S17 : ")
    texts = _texts(svg)
    assert "Visiteurs <par> semaine" in texts  # drawn, too
    assert "visiteurs" in texts and "semaine" in texts  # both axes labelled
    tips = [t.text for t in svg.iter(f"{SVG}title")][1:]
    assert any(tip and "S18" in tip and "1" in tip for tip in tips)


def test_columns_describe_each_series_and_the_references() -> None:
    chart = _chart(references=(Reference("moyenne", 1.5, 0, 2),))
    svg = ET.fromstring(lines(chart, "en"))
    desc = svg.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert desc == (
        "S17: prévues 2, tenues 2; S18: prévues 2, tenues 1; S19: prévues 1, tenues 0; "
        "moyenne: 1.5."
    )
    assert [t for t in _texts(svg) if t in ("prévues", "tenues", "moyenne")] == [
        "prévues",
        "tenues",
        "moyenne",
    ]  # the legend


def test_stacked_columns_reach_the_sum() -> None:
    chart = _chart(
        series=(Series("numérique", (2, 0, 1)), Series("démarches", (1, 3, 0), "#e08214")),
        stacked=True,
    )
    svg = ET.fromstring(columns(chart, "fr"))
    # The axis goes up to the tallest stack (3 + 0 and 0 + 3), not to a series' maximum only.
    assert "3" in _texts(svg)


def test_labels_of_weeks_and_months() -> None:
    assert week_label("2021-W17", "fr") == "S17"
    assert week_label("2021-W05", "en") == "W5"
    assert month_label("2019-03", "fr") == "mars 2019"
    assert month_label("2019-02", "en") == "Feb 2019"
