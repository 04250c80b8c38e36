"""SVG primitives: well-formed, escaped, accessible."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from presence_postale.formats.svg import Drawing, LegendItem, Scale, legend, number, scale_bar

NS = "{http://www.w3.org/2000/svg}"


def test_a_drawing_is_well_formed_escaped_and_named_for_assistive_technology() -> None:
    drawing = Drawing(200, 100, title='Gers <32> & "co"', description="desc", ident="m-32")
    drawing.circle(10.04, 20, 3, fill="#2c7bb6", tip="Auch & <Condom>")
    drawing.cross(50, 50, 4, stroke="#222", diagonal=True)
    drawing.text(5, 95, "l'<été> & co", size=10)
    height = legend(drawing, 100, 5, [LegendItem("a < b", "circle", "#abcdef")], title="T")
    scale_bar(drawing, 10, 90, pixels=40, label="10 km")
    root = ET.fromstring(drawing.render())
    assert root.get("role") == "img" and root.get("aria-labelledby") == "m-32-title m-32-desc"
    assert root.find(f"{NS}title").text == 'Gers <32> & "co"'
    circle = root.find(f"{NS}circle")
    assert circle.get("cx") == "10" and circle.find(f"{NS}title").text == "Auch & <Condom>"
    assert [t.text for t in root.iter(f"{NS}text")] == ["l'<été> & co", "T", "a < b", "10 km"]
    assert height > 0


def test_numbers_and_scales() -> None:
    assert [number(v) for v in (1.0, 1.26, -0.26)] == ["1", "1.3", "-0.3"]
    y = Scale(0, 10, 100, 0)
    assert (y(0), y(5), y(10)) == (100, 50, 0)
    assert Scale(3, 3, 0, 10)(3) == 5
