"""The reports people look at: the weekly report's summary, week at a glance and details (HTML,
table at several terminal widths, Markdown), and the charts of the HTML reports; every page
parses without error (html5lib, strict), links only inside itself, and names each chart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
from report_pages import MEDIATION, PROGRAMME, WEEKLY, pages, run

SVG = "{http://www.w3.org/2000/svg}"
NBSP = "\u00a0"


def _svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(match) for match in re.findall(r"<svg\b.*?</svg>", page, flags=re.S)]


def _text(page: str) -> str:
    """What a reader sees: the page without its tags and style."""
    body = page[page.index("<body>") :]
    return re.sub(r"<[^>]+>", " ", body)


@pytest.fixture
def made(seeded_db: Path, tmp_path: Path) -> dict[str, str]:
    return {name: path.read_text(encoding="utf-8") for name, path in pages(tmp_path).items()}


def test_every_page_parses_links_inside_itself_and_names_its_charts(
    made: dict[str, str],
) -> None:
    for name, page in made.items():
        html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
        lowered = page.lower()
        assert "<script" not in lowered and "<link" not in lowered and "@import" not in lowered
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", lowered), name
        ids = set(re.findall(r'\bid="([^"]+)"', page))
        for target in re.findall(r'href="#([^"]+)"', page):
            assert target in ids, (name, target)
        for svg in _svgs(page):
            title = svg.find(f"{SVG}title")
            assert title is not None and title.text, name
            assert svg.find(f"{SVG}desc") is not None, name
    charts = {name: [s.find(f"{SVG}title").text for s in _svgs(p)] for name, p in made.items()}  # type: ignore[union-attr]
    assert charts["weekly"] == []
    assert charts["programme"] == [
        "Permanences prévues et tenues, semaine par semaine",
        "Visiteurs par semaine",
        "Visiteurs par lieu de permanence",
        "Demandes par opérateur",
        "Visiteurs par permanence tenue, et la tendance",
    ]
    assert charts["mediation"] == [
        "Sessions par mois, par famille de thématiques",
        "Sessions par type de lieu",
        "Personnes accompagnées, par tranche d'âge",
    ]
    assert charts["usage"] == ["Heures réservées et heures réservables, mois par mois"]


def test_the_charts_carry_their_numbers(made: dict[str, str]) -> None:
    programme = {s.get("aria-labelledby"): s for s in _svgs(made["programme"])}
    weeks = programme["programme-occurrences-title programme-occurrences-desc"]
    desc = weeks.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert desc.startswith("S17 : prévues 2, tenues (bilan saisi) 2; S18 : ")  # type: ignore[union-attr]
    requests = programme["programme-requests-title programme-requests-desc"]
    assert "Caisse d'allocations familiales (CAF) : demandes 16" in requests.find(f"{SVG}desc").text  # type: ignore[operator, union-attr]
    months = _svgs(made["mediation"])[0].find(f"{SVG}desc").text
    assert months == "mars 2019 : Numérique 2, Démarches administratives 1."
    # The tables stay beside the charts.
    assert "<table>" in made["programme"] and "2021-W24" in made["programme"]


def test_the_weekly_page_reads_summary_week_details_warnings(made: dict[str, str]) -> None:
    page = made["weekly"]
    order = [page.index(f'id="{i}"') for i in ("en-bref", "apercu", "detail", "alertes")]
    assert order == sorted(order)
    summary = page[page.index('class="summary"') : page.index('id="apercu"')]
    assert '<a href="#apercu">3 sites dans le périmètre</a>' in summary
    assert '<a href="#p1-20210427">2 permanences</a>' in summary
    assert '<span class="zero">0 alerte</span>' in summary
    grid = page[page.index('<table class="glance">') : page.index("</table>")]
    rows = re.findall(r"<tr>.*?</tr>", grid, flags=re.S)[1:]
    assert len(rows) == 3 and all(row.count("<td") == 7 for row in rows)
    vigny = next(row for row in rows if "Bureau de poste de Vigny" in row)
    assert '<td class="holiday"><span class="hours">Fête du Travail</span></td>' in vigny
    assert '<td class="closed"><span class="hours">fermé</span></td>' in vigny
    assert "09:00–12:00<br>14:30–17:30" in vigny
    grisy = next(row for row in rows if "Grisy" in row)
    assert '<td class="unknown"><span class="hours">inconnu</span>' in grisy
    assert 'href="#p1-20210427"' in grisy and f"Chargée de clientèle nº{NBSP}1 (Vigny)" in grisy
    text = _text(page)
    assert "Ni coworking ni médiation cette semaine." in text
    assert "france_services" not in text and "vigny-conseillere" not in text
    assert "Aucune alerte." in text and "Site 17510A, Vigny (95) — France Services" in text


def test_the_weekly_page_counts_each_status(seeded_db: Path) -> None:
    run("permanences", "cancel", "1", "--date", "2021-04-27", "--reason", "grève")
    run("permanences", "move", "2", "--date", "2021-04-28", "--to", "2021-04-29",
        "--reason", "salle prise")  # fmt: skip
    page = run(*WEEKLY, "--format", "html").stdout
    summary = page[page.index('class="summary"') : page.index('id="apercu"')]
    assert '<a href="#p1-20210427">1 annulée</a>' in summary
    assert '<a href="#p2-20210428">1 déplacée</a>' in summary
    assert '<span class="zero">0 prévue</span>' in summary
    assert 'class="item permanence cancelled" href="#p1-20210427"' in page
    assert "déplacée du mercredi 28/04/2021 (salle prise)" in _text(page)
    english = run(*WEEKLY, "--format", "html", "--lang", "en").stdout
    assert '<a href="#p1-20210427">1 cancelled</a>' in english
    assert "Customer adviser no. 1 (Vigny)" in english


@pytest.mark.parametrize(
    ("columns", "first_row"),
    [
        (120, " Site                 lun. 26/04"),  # sites as rows
        (80, "             Agence postale"),  # days as rows
    ],
)
def test_the_terminal_grid_fits_the_width(seeded_db: Path, columns: int, first_row: str) -> None:
    text = run(*WEEKLY, columns=columns).stdout
    grid = text[text.index("La semaine en un coup d'œil") : text.index("Détail par site")]
    lines = grid.splitlines()
    assert lines[2].startswith(first_row)
    assert max(len(line) for line in lines) < columns
    assert "P 9h-12h" in grid and "Fête du" in grid
    assert "P : permanence, C : coworking, M : médiation numérique" in grid


def test_too_narrow_a_terminal_has_no_grid_but_each_days_hours(seeded_db: Path) -> None:
    text = run(*WEEKLY, columns=40).stdout
    assert "La grille de la semaine demande" in text and "le terminal en a 40" in text
    vigny = text[text.index("Bureau de poste de Vigny\n") :]
    assert "• lundi 26/04/2021 : 09:00-12:00," in vigny
    assert max(len(line) for line in text.splitlines()[1:]) <= 40


def test_markdown_keeps_its_shape(seeded_db: Path) -> None:
    text = run(*WEEKLY, "--format", "markdown").stdout
    assert text.startswith("# Rapport hebdomadaire 2021-W17")
    assert "## En bref\n\n- 3 sites dans le périmètre\n" in text
    assert "| Bureau de poste de Vigny | 9h-12h<br>14h30-17h30 |" in text
    assert "### Mairie de Grisy-les-Plâtres\n" in text
    assert "<svg" not in run(*PROGRAMME, "--format", "markdown").stdout
    assert "<svg" not in run(*MEDIATION, "--format", "markdown").stdout
