"""The HTML reports in a real browser (Debian's headless Chromium, driven by Playwright; one
browser for the module): at 1000 px wide each page draws something and nothing overflows
sideways, every chart is drawn with its title, and the seeded week prints on two A4 pages,
the week at a glance in landscape, the details in portrait."""

from __future__ import annotations

import re
import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_pages import pages

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="needs Playwright (test extra)")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Chromium (Debian's chromium; CI installs it)"
)

A4 = (595, 842)  # points, rounded


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        # Debian's browser, never one Playwright would download.
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        yield launched
        launched.close()


def _drawn(png: bytes) -> float:
    """The share of the screenshot's filtered bytes that are not zero: 0 for a blank page."""
    offset, data = 8, b""
    while offset < len(png):
        length = int.from_bytes(png[offset : offset + 4], "big")
        if png[offset + 4 : offset + 8] == b"IDAT":
            data += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(data)
    return sum(1 for byte in raw if byte) / len(raw)


def test_every_report_draws_within_the_width(browser: Any, seeded_db: Path, tmp_path: Path) -> None:
    for name, path in pages(tmp_path).items():
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        page.goto(path.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 1000, name
        shot = page.screenshot(path=str(tmp_path / f"{name}.png"))
        assert _drawn(shot) > 0.01, name
        charts = page.evaluate(
            """[...document.querySelectorAll('svg')].map(svg => ({
                title: svg.querySelector(':scope > title')?.textContent || '',
                drawn: svg.querySelector(':scope > text')?.textContent || '',
                width: svg.getBoundingClientRect().width}))"""
        )
        for chart in charts:
            assert chart["title"] and chart["drawn"] == chart["title"], (name, chart)
            assert 0 < chart["width"] <= 1000, (name, chart)
        assert len(charts) == {"weekly": 0, "programme": 5, "mediation": 3, "usage": 1}[name]
        page.close()


def test_the_seeded_week_prints_on_two_a4_pages(
    browser: Any, seeded_db: Path, tmp_path: Path
) -> None:
    path = pages(tmp_path, activity=False)["weekly"]
    page = browser.new_page()
    page.goto(path.as_uri())
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    boxes = [
        tuple(round(float(n)) for n in box.split()[2:4])
        for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)
    ]
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 2
    assert boxes == [A4[::-1], A4]  # landscape, then portrait
